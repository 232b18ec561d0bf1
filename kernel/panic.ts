/**
 * kernel/panic.ts: what happens when the kernel panics (throw, a failed
 * assertion, an index out of bounds, a division by zero).
 *
 * Input: the message and the TypeScript location, from the compiler.
 * Output: `panicked at <file>:<line>:<col>: <message>` on COM1 and in red on
 * the screen, then the CPU halts for good. In test builds the failure is
 * reported to the test runner instead: `[failed]` and the error on COM1, and
 * QEMU exits with QemuExitCode.Failed. There is no unwinding: nothing resumes.
 */
// COM1 and the exit device first: importing this module first makes them the
// first modules initialized, so even a panic during module initialization is reported.
import { serialPrintln } from "./arch/x86_64/serial.ts";
import { KernelState, QemuExitCode, exitQemu, reportState } from "./arch/x86_64/qemu.ts";
import { Color, WRITER } from "./arch/x86_64/vga.ts";

/** Set by the first panic; a panic while printing a panic must not recurse. */
const PANICKING = new AtomicBool(false);

/** @panicHandler */
export function panic(message: Text, file: Text, line: u32, column: u32): never {
  if (TEST_BUILD) testPanic(message, file, line, column);
  if (PANICKING.swap(true)) haltForever();
  serialPrintln(`panicked at ${file}:${line}:${column}: ${message}`);
  // The panic may have struck while the screen was locked; its holder never resumes.
  WRITER.forceUnlock();
  const writer = WRITER.lock();
  writer.setColor(Color.LightRed, Color.Black);
  writer.writeLine(`panicked at ${file}:${line}:${column}: ${message}`);
  WRITER.unlock();
  haltForever();
}

/**
 * The test-build panic: the running test failed. Reported on COM1 only; the
 * failing test may hold the screen's lock (vga.ts printlnOutput does).
 */
export function testPanic(message: Text, file: Text, line: u32, column: u32): never {
  if (PANICKING.swap(true)) exitQemu(QemuExitCode.Failed);
  serialPrintln("[failed]");
  serialPrintln(`Error: ${message} at ${file}:${line}:${column}`);
  exitQemu(QemuExitCode.Failed);
}

/** CLI, then HLT in a loop: only an NMI or a reset wakes the CPU (Intel SDM vol. 2A, HLT). */
function haltForever(): never {
  cli();
  reportState(KernelState.Halted);
  while (true) hlt();
}
