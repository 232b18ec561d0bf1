/**
 * kernel/arch/x86_64/interrupts.ts: the kernel's IDT (blog_os post 05, "CPU Exceptions",
 * and post 06, "Double Faults").
 *
 * Every architectural exception (Intel SDM vol. 3A, table 6-1) has a handler:
 *   - breakpoint (#BP, INT3) prints `EXCEPTION: BREAKPOINT` and the frame,
 *     then returns: execution goes on after the INT3 (a trap, 6.5);
 *   - double fault (#DF) runs on its own IST stack (gdt.ts), so even a
 *     kernel stack overflow ends in a report, not a triple fault (6.15,
 *     "Interrupt 8"; 6.14.5);
 *   - every other exception gets an arrow that passes its vector and error
 *     code (or null) to reportException (exceptions.ts), which reports it and
 *     ends the kernel. An arrow that captures nothing is a plain function, so
 *     it can be a gate's handler.
 * Output: initIdt() fills and loads the table. Invariants: the IDT is
 * module-level (static, never moved); initIdt() runs after initGdt(), since
 * each gate takes the current CS and the double-fault gate the TSS's IST.
 */
import { DOUBLE_FAULT_IST_INDEX } from "./gdt.ts";
import { installIrqHandlers } from "./irq.ts";
import { describeException, reportException } from "./exceptions.ts";
import { ExceptionVector, InterruptDescriptorTable } from "../../../lib/x86_64/structures/idt.ts";
import { assert, assertEq } from "../../../lib/core/assert.ts";
import { BUFFER_HEIGHT, WRITER, assertRowShows, assertRowStartsWith } from "./vga.ts";

const IDT = new InterruptDescriptorTable();

/** Breakpoints handled so far, for the unit test. */
const BREAKPOINTS = new AtomicU32(0);
/** RFLAGS.IF as the breakpoint handler saw it: an interrupt gate clears it (6.12.1.3). */
const INTERRUPTS_ENABLED_IN_HANDLER = new AtomicBool(true);

export function initIdt(): void {
  IDT.divideError.setHandler((frame) => reportException(ExceptionVector.DivideError, frame, null));
  IDT.debug.setHandler((frame) => reportException(ExceptionVector.Debug, frame, null));
  IDT.nonMaskableInterrupt.setHandler((frame) => reportException(ExceptionVector.NonMaskableInterrupt, frame, null));
  IDT.breakpoint.setHandler(breakpointHandler);
  IDT.overflow.setHandler((frame) => reportException(ExceptionVector.Overflow, frame, null));
  IDT.boundRangeExceeded.setHandler((frame) => reportException(ExceptionVector.BoundRangeExceeded, frame, null));
  IDT.invalidOpcode.setHandler((frame) => reportException(ExceptionVector.InvalidOpcode, frame, null));
  IDT.deviceNotAvailable.setHandler((frame) => reportException(ExceptionVector.DeviceNotAvailable, frame, null));
  IDT.doubleFault.setHandler((frame, errorCode) => reportException(ExceptionVector.DoubleFault, frame, errorCode));
  IDT.doubleFault.setStackIndex(DOUBLE_FAULT_IST_INDEX);
  IDT.invalidTss.setHandler((frame, errorCode) => reportException(ExceptionVector.InvalidTss, frame, errorCode));
  IDT.segmentNotPresent.setHandler((frame, errorCode) => reportException(ExceptionVector.SegmentNotPresent, frame, errorCode));
  IDT.stackSegmentFault.setHandler((frame, errorCode) => reportException(ExceptionVector.StackSegmentFault, frame, errorCode));
  IDT.generalProtectionFault.setHandler((frame, errorCode) => reportException(ExceptionVector.GeneralProtectionFault, frame, errorCode));
  IDT.pageFault.setHandler((frame, errorCode) => reportException(ExceptionVector.PageFault, frame, errorCode));
  IDT.x87FloatingPoint.setHandler((frame) => reportException(ExceptionVector.X87FloatingPoint, frame, null));
  IDT.alignmentCheck.setHandler((frame, errorCode) => reportException(ExceptionVector.AlignmentCheck, frame, errorCode));
  IDT.machineCheck.setHandler((frame) => reportException(ExceptionVector.MachineCheck, frame, null));
  IDT.simdFloatingPoint.setHandler((frame) => reportException(ExceptionVector.SimdFloatingPoint, frame, null));
  IDT.virtualization.setHandler((frame) => reportException(ExceptionVector.Virtualization, frame, null));
  IDT.controlProtection.setHandler((frame, errorCode) => reportException(ExceptionVector.ControlProtection, frame, errorCode));
  IDT.securityException.setHandler((frame, errorCode) => reportException(ExceptionVector.SecurityException, frame, errorCode));
  installIrqHandlers(IDT);
  IDT.load();
}

function breakpointHandler(frame: InterruptStackFrame): void {
  BREAKPOINTS.fetchAdd(1);
  INTERRUPTS_ENABLED_IN_HANDLER.store(interruptsEnabled());
  describeException(ExceptionVector.Breakpoint, frame, null);
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
  assert(IDT.pageFault.isPresent() && IDT.pageFault.handlerAddress() !== IDT.breakpoint.handlerAddress(), "the page-fault gate has no handler of its own");
  assertEq(IDT.doubleFault.options & 0x7, DOUBLE_FAULT_IST_INDEX + 1); // IST1
}
