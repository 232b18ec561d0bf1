/**
 * kernel/arch/x86_64/exceptions.ts: what the kernel says when a CPU exception it cannot
 * handle arrives, and how a test kernel expects one.
 *
 * Input: the vector, the frame the CPU pushed (Intel SDM vol. 3A, 6.14.2
 * "64-Bit Mode Stack Frame") and, for some vectors, the error code.
 * Output of reportException, on the screen and on COM1 in every build
 * (describeException alone, for the breakpoint handler, prints on the console):
 *   EXCEPTION: PAGE FAULT
 *   accessed address: 0xdeadbeef             (page faults: CR2, 4.7)
 *   error code: 0x2 (page not present, write, supervisor mode)
 *   instruction pointer: 0x1034a2            (the CLI adds the .ts file:line)
 *   InterruptStackFrame { ... }              (one field per line)
 * then QEMU exits with Failed, or with Success after `[ok]` if a test kernel
 * called expectException(vector) for this vector. Never a silent reboot.
 * Invariants: nothing here allocates (handlers call it); nothing resumes the
 * interrupted code, so the screen lock is taken over as panic.ts does.
 */
import { copyToSerial, print, println } from "../../console.ts";
import { serialPrintln } from "./serial.ts";
import { QemuExitCode, exitQemu } from "./qemu.ts";
import { BUFFER_HEIGHT, WRITER, assertRowShows } from "./vga.ts";
import { ExceptionVector } from "../../../lib/x86_64/structures/idt.ts";

// The page-fault error code (4.7 "Page-Fault Exceptions", figure 4-12).
const PF_PROTECTION: u64 = 1 << 0; // P: 0 = the page was not present, 1 = a protection violation
const PF_WRITE: u64 = 1 << 1; // W/R: the access was a write
const PF_USER: u64 = 1 << 2; // U/S: the access was made in user mode (CPL 3)
const PF_RESERVED_BIT: u64 = 1 << 3; // RSVD: a paging entry has a reserved bit set
const PF_INSTRUCTION_FETCH: u64 = 1 << 4; // I/D: the access was an instruction fetch
const PF_PROTECTION_KEY: u64 = 1 << 5; // PK: a protection-key right denied the access

// The error code of selector-related faults (6.13 "Error Code", figure 6-7).
const SEL_EXTERNAL: u64 = 1 << 0; // EXT: raised while delivering an external event
const SEL_IDT: u64 = 1 << 1; // IDT: the index is an IDT vector
const SEL_LDT: u64 = 1 << 2; // TI: the index is in the LDT (when IDT is clear), else the GDT
const SEL_INDEX_SHIFT: u64 = 3; // bits 3-15: the descriptor's index
const SEL_INDEX_MASK: u64 = 0x1fff;

/** The exception a test kernel expects, if any. */
let expected: ExceptionVector | null = null;
/** Set by the first report: a fault while reporting must not report again. */
const REPORTING = new AtomicBool(false);

/** Test kernels: the next `vector` exception ends the kernel with Success after its report. */
export function expectException(vector: ExceptionVector): void {
  expected = vector;
}

/** The name of table 6-1's description column, upper case. */
export function exceptionName(vector: ExceptionVector): string {
  switch (vector) {
    case ExceptionVector.DivideError: return "DIVIDE ERROR";
    case ExceptionVector.Debug: return "DEBUG";
    case ExceptionVector.NonMaskableInterrupt: return "NON-MASKABLE INTERRUPT";
    case ExceptionVector.Breakpoint: return "BREAKPOINT";
    case ExceptionVector.Overflow: return "OVERFLOW";
    case ExceptionVector.BoundRangeExceeded: return "BOUND RANGE EXCEEDED";
    case ExceptionVector.InvalidOpcode: return "INVALID OPCODE";
    case ExceptionVector.DeviceNotAvailable: return "DEVICE NOT AVAILABLE";
    case ExceptionVector.DoubleFault: return "DOUBLE FAULT";
    case ExceptionVector.InvalidTss: return "INVALID TSS";
    case ExceptionVector.SegmentNotPresent: return "SEGMENT NOT PRESENT";
    case ExceptionVector.StackSegmentFault: return "STACK-SEGMENT FAULT";
    case ExceptionVector.GeneralProtectionFault: return "GENERAL PROTECTION FAULT";
    case ExceptionVector.PageFault: return "PAGE FAULT";
    case ExceptionVector.X87FloatingPoint: return "X87 FLOATING-POINT ERROR";
    case ExceptionVector.AlignmentCheck: return "ALIGNMENT CHECK";
    case ExceptionVector.MachineCheck: return "MACHINE CHECK";
    case ExceptionVector.SimdFloatingPoint: return "SIMD FLOATING-POINT EXCEPTION";
    case ExceptionVector.Virtualization: return "VIRTUALIZATION EXCEPTION";
    case ExceptionVector.ControlProtection: return "CONTROL PROTECTION EXCEPTION";
    case ExceptionVector.SecurityException: return "SECURITY EXCEPTION";
    default: return "RESERVED VECTOR";
  }
}

function printFrameField(name: Text, value: u64): void {
  println(`    ${name}: 0x${value.toString(16)},`);
}

/** E.g. `(page not present, write, supervisor mode)`. */
function printPageFaultCode(code: u64): void {
  print((code & PF_PROTECTION) !== 0 ? "(protection violation" : "(page not present");
  print((code & PF_WRITE) !== 0 ? ", write" : ", read");
  print((code & PF_USER) !== 0 ? ", user mode" : ", supervisor mode");
  if ((code & PF_RESERVED_BIT) !== 0) print(", reserved bit set in a paging entry");
  if ((code & PF_INSTRUCTION_FETCH) !== 0) print(", instruction fetch");
  if ((code & PF_PROTECTION_KEY) !== 0) print(", protection key");
  print(")");
}

/** E.g. `(GDT index 2)`, `(external event, IDT vector 14)`, or `(no selector)` for 0. */
function printSelectorCode(code: u64): void {
  if (code === 0) {
    print("(no selector)");
    return;
  }
  print((code & SEL_EXTERNAL) !== 0 ? "(external event, " : "(");
  const index = (code >> SEL_INDEX_SHIFT) & SEL_INDEX_MASK;
  if ((code & SEL_IDT) !== 0) print(`IDT vector ${index})`);
  else if ((code & SEL_LDT) !== 0) print(`LDT index ${index})`);
  else print(`GDT index ${index})`);
}

function printErrorCode(vector: ExceptionVector, code: u64): void {
  print(`error code: 0x${code.toString(16)}`);
  switch (vector) {
    case ExceptionVector.PageFault:
      print(" ");
      printPageFaultCode(code);
      break;
    case ExceptionVector.InvalidTss:
    case ExceptionVector.SegmentNotPresent:
    case ExceptionVector.StackSegmentFault:
    case ExceptionVector.GeneralProtectionFault:
      print(" ");
      printSelectorCode(code);
      break;
  }
  println("");
}

/**
 * Prints the report of exception `vector`: its name, CR2 for page faults,
 * the error code decoded (if the CPU pushed one), the instruction pointer and
 * the frame, one field per line as Rust's {:#?} prints blog_os's.
 */
export function describeException(vector: ExceptionVector, frame: InterruptStackFrame, errorCode: u64 | null): void {
  println(`EXCEPTION: ${exceptionName(vector)}`);
  if (vector === ExceptionVector.PageFault) println(`accessed address: 0x${readCr2().toString(16)}`);
  if (errorCode !== null) printErrorCode(vector, errorCode);
  println(`instruction pointer: 0x${frame.instructionPointer.toString(16)}`);
  println("InterruptStackFrame {");
  printFrameField("instructionPointer", frame.instructionPointer);
  printFrameField("codeSegment", frame.codeSegment);
  printFrameField("cpuFlags", frame.cpuFlags);
  printFrameField("stackPointer", frame.stackPointer);
  printFrameField("stackSegment", frame.stackSegment);
  println("}");
}

/**
 * Reports exception `vector` and ends the kernel: Success if a test expected
 * it, else Failed. `errorCode` is null for the vectors without one.
 */
export function reportException(vector: ExceptionVector, frame: InterruptStackFrame, errorCode: u64 | null): never {
  if (REPORTING.swap(true)) exitQemu(QemuExitCode.Failed);
  const wasExpected = expected === vector;
  if (TEST_BUILD && !wasExpected) serialPrintln("[failed]"); // ends the running unit test's line
  copyToSerial();
  WRITER.forceUnlock(); // the interrupted code may hold it, and never resumes
  describeException(vector, frame, errorCode);
  if (!wasExpected) exitQemu(QemuExitCode.Failed);
  serialPrintln("[ok]");
  exitQemu(QemuExitCode.Success);
}

/**
 * Prints the error-code line of `vector` and checks the screen shows `expected`.
 * @trackCaller
 */
function assertErrorCodeLine(vector: ExceptionVector, code: u64, expected: Text): void {
  printErrorCode(vector, code);
  const writer = WRITER.lock();
  assertRowShows(writer, BUFFER_HEIGHT - 2, expected);
  WRITER.unlock();
}

/** @test */
function selectorErrorCodesAreDecoded(): void {
  const gp = ExceptionVector.GeneralProtectionFault;
  assertErrorCodeLine(gp, 0, "error code: 0x0 (no selector)");
  assertErrorCodeLine(gp, 0x18, "error code: 0x18 (GDT index 3)");
  assertErrorCodeLine(gp, 0x1c, "error code: 0x1c (LDT index 3)");
  assertErrorCodeLine(gp, 0x12, "error code: 0x12 (IDT vector 2)");
  assertErrorCodeLine(gp, 0x0b, "error code: 0xb (external event, IDT vector 1)");
  assertErrorCodeLine(gp, 0xfff8, "error code: 0xfff8 (GDT index 8191)");
  assertErrorCodeLine(ExceptionVector.SegmentNotPresent, 0x29, "error code: 0x29 (external event, GDT index 5)");
}

/** @test */
function pageFaultErrorCodesAreDecoded(): void {
  const pf = ExceptionVector.PageFault;
  assertErrorCodeLine(pf, 0x0, "error code: 0x0 (page not present, read, supervisor mode)");
  assertErrorCodeLine(pf, 0x3, "error code: 0x3 (protection violation, write, supervisor mode)");
  assertErrorCodeLine(pf, 0x6, "error code: 0x6 (page not present, write, user mode)");
  assertErrorCodeLine(pf, 0x14, "error code: 0x14 (page not present, read, user mode, instruction fetch)");
  assertErrorCodeLine(pf, 0x20, "error code: 0x20 (page not present, read, supervisor mode, protection key)");
  assertErrorCodeLine(pf, 0x23, "error code: 0x23 (protection violation, write, supervisor mode, protection key)");
}
