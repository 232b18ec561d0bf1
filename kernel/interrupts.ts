/**
 * kernel/interrupts.ts: the kernel's IDT (blog_os post 05, "CPU Exceptions",
 * and post 06, "Double Faults").
 *
 * Every architectural exception (Intel SDM vol. 3A, table 6-1) has a handler:
 *   - breakpoint (#BP, INT3) prints `EXCEPTION: BREAKPOINT` and the frame,
 *     then returns: execution goes on after the INT3 (a trap, 6.5);
 *   - double fault (#DF) runs on its own IST stack (gdt.ts), so even a
 *     kernel stack overflow ends in a report, not a triple fault (6.15,
 *     "Interrupt 8"; 6.14.5);
 *   - every other exception gets a small handler that passes its vector and
 *     error code to reportException (exceptions.ts), which reports it and
 *     ends the kernel.
 * Output: initIdt() fills and loads the table. Invariants: the IDT is
 * module-level (static, never moved); initIdt() runs after initGdt(), since
 * each gate takes the current CS and the double-fault gate the TSS's IST.
 */
import { DOUBLE_FAULT_IST_INDEX } from "./gdt.ts";
import { installIrqHandlers } from "./arch/x86_64/irq.ts";
import { describeException, reportException } from "./exceptions.ts";
import { ExceptionVector, InterruptDescriptorTable } from "../lib/x86_64/structures/idt.ts";
import { assert, assertEq } from "../lib/core/assert.ts";
import { BUFFER_HEIGHT, WRITER, assertRowShows, assertRowStartsWith } from "./vga.ts";

const IDT = new InterruptDescriptorTable();

/** Breakpoints handled so far, for the unit test. */
const BREAKPOINTS = new AtomicU32(0);
/** RFLAGS.IF as the breakpoint handler saw it: an interrupt gate clears it (6.12.1.3). */
const INTERRUPTS_ENABLED_IN_HANDLER = new AtomicBool(true);

export function initIdt(): void {
  IDT.divideError.setHandler(divideErrorHandler);
  IDT.debug.setHandler(debugHandler);
  IDT.nonMaskableInterrupt.setHandler(nonMaskableInterruptHandler);
  IDT.breakpoint.setHandler(breakpointHandler);
  IDT.overflow.setHandler(overflowHandler);
  IDT.boundRangeExceeded.setHandler(boundRangeExceededHandler);
  IDT.invalidOpcode.setHandler(invalidOpcodeHandler);
  IDT.deviceNotAvailable.setHandler(deviceNotAvailableHandler);
  IDT.doubleFault.setHandler(doubleFaultHandler);
  IDT.doubleFault.setStackIndex(DOUBLE_FAULT_IST_INDEX);
  IDT.invalidTss.setHandler(invalidTssHandler);
  IDT.segmentNotPresent.setHandler(segmentNotPresentHandler);
  IDT.stackSegmentFault.setHandler(stackSegmentFaultHandler);
  IDT.generalProtectionFault.setHandler(generalProtectionFaultHandler);
  IDT.pageFault.setHandler(pageFaultHandler);
  IDT.x87FloatingPoint.setHandler(x87FloatingPointHandler);
  IDT.alignmentCheck.setHandler(alignmentCheckHandler);
  IDT.machineCheck.setHandler(machineCheckHandler);
  IDT.simdFloatingPoint.setHandler(simdFloatingPointHandler);
  IDT.virtualization.setHandler(virtualizationHandler);
  IDT.controlProtection.setHandler(controlProtectionHandler);
  IDT.securityException.setHandler(securityExceptionHandler);
  installIrqHandlers(IDT);
  IDT.load();
}

function breakpointHandler(frame: InterruptStackFrame): void {
  BREAKPOINTS.fetchAdd(1);
  INTERRUPTS_ENABLED_IN_HANDLER.store(interruptsEnabled());
  describeException(ExceptionVector.Breakpoint, frame, null);
}

/** The CPU pushes 0 as the error code (6.15, "Interrupt 8"); the state is undefined: no return. */
function doubleFaultHandler(frame: InterruptStackFrame, errorCode: u64): never {
  reportException(ExceptionVector.DoubleFault, frame, errorCode);
}

// The default handlers: one per vector, so the report can name the vector.

function divideErrorHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.DivideError, frame, null);
}

function debugHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.Debug, frame, null);
}

function nonMaskableInterruptHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.NonMaskableInterrupt, frame, null);
}

function overflowHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.Overflow, frame, null);
}

function boundRangeExceededHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.BoundRangeExceeded, frame, null);
}

function invalidOpcodeHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.InvalidOpcode, frame, null);
}

function deviceNotAvailableHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.DeviceNotAvailable, frame, null);
}

function invalidTssHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.InvalidTss, frame, errorCode);
}

function segmentNotPresentHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.SegmentNotPresent, frame, errorCode);
}

function stackSegmentFaultHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.StackSegmentFault, frame, errorCode);
}

function generalProtectionFaultHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.GeneralProtectionFault, frame, errorCode);
}

function pageFaultHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.PageFault, frame, errorCode);
}

function x87FloatingPointHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.X87FloatingPoint, frame, null);
}

function alignmentCheckHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.AlignmentCheck, frame, errorCode);
}

/** The machine state is corrupt (SDM vol. 3B, chapter 15): no return. */
function machineCheckHandler(frame: InterruptStackFrame): never {
  reportException(ExceptionVector.MachineCheck, frame, null);
}

function simdFloatingPointHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.SimdFloatingPoint, frame, null);
}

function virtualizationHandler(frame: InterruptStackFrame): void {
  reportException(ExceptionVector.Virtualization, frame, null);
}

function controlProtectionHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.ControlProtection, frame, errorCode);
}

function securityExceptionHandler(frame: InterruptStackFrame, errorCode: u64): void {
  reportException(ExceptionVector.SecurityException, frame, errorCode);
}

/** @test */
function breakpointException(): void {
  const before = BREAKPOINTS.load();
  int3(); // the handler prints the report and returns here
  assertEq(BREAKPOINTS.load(), before + 1);
  // The report, bottom up: an empty row, "}", five frame fields, the header,
  // the instruction pointer, the exception's name.
  const writer = WRITER.lock();
  assertRowShows(writer, BUFFER_HEIGHT - 1, "");
  assertRowShows(writer, BUFFER_HEIGHT - 2, "}");
  assertRowStartsWith(writer, BUFFER_HEIGHT - 3, "    stackSegment: 0x");
  assertRowStartsWith(writer, BUFFER_HEIGHT - 7, "    instructionPointer: 0x");
  assertRowShows(writer, BUFFER_HEIGHT - 8, "InterruptStackFrame {");
  assertRowStartsWith(writer, BUFFER_HEIGHT - 9, "instruction pointer: 0x");
  assertRowShows(writer, BUFFER_HEIGHT - 10, "EXCEPTION: BREAKPOINT");
  WRITER.unlock();
}

/** @test */
function handlersRunWithInterruptsDisabled(): void {
  const wereEnabled = interruptsEnabled();
  sti();
  const enabledBefore = interruptsEnabled();
  int3();
  if (!wereEnabled) cli();
  assert(enabledBefore, "sti() did not set RFLAGS.IF");
  assert(!INTERRUPTS_ENABLED_IN_HANDLER.load(), "the breakpoint handler ran with interrupts enabled: a trap gate, not an interrupt gate");
}

/** @test */
function gatesPointAtTheirHandlers(): void {
  assertEq(IDT.breakpoint.handlerAddress(), functionAddress(breakpointHandler));
  assertEq(IDT.pageFault.handlerAddress(), functionAddress(pageFaultHandler));
  assertEq(IDT.doubleFault.options & 0x7, DOUBLE_FAULT_IST_INDEX + 1); // IST1
}
