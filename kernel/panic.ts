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
// The serial line and the exit device first: importing this module first makes them the
// first modules initialized, so even a panic during module initialization is reported.
import { screenPanic, serialPrintln } from "./arch/console.ts";
import { KernelState, QemuExitCode, exit, reportState } from "./arch/machine.ts";
import * as interrupts from "./arch/interrupts.ts";

/** Set by the first panic; a panic while printing a panic must not recurse. */
const PANICKING = new AtomicBool(false);

/** @panicHandler */
export function panic(message: Text, file: Text, line: u32, column: u32): never {
  if (TEST_BUILD) testPanic(message, file, line, column);
  if (PANICKING.swap(true)) haltForever();
  serialPrintln(`panicked at ${file}:${line}:${column}: ${message}`);
  // The panic may have struck while the screen was locked; its holder never resumes.
  interrupts.disable();
  screenPanic(`panicked at ${file}:${line}:${column}: ${message}`);
  haltForever();
}

/**
 * The test-build panic: the running test failed. Reported on COM1 only; the
 * failing test may hold the screen's lock (vga.ts printlnOutput does).
 */
export function testPanic(message: Text, file: Text, line: u32, column: u32): never {
  if (PANICKING.swap(true)) exit(QemuExitCode.Failed);
  serialPrintln("[failed]");
  serialPrintln(`Error: ${message} at ${file}:${line}:${column}`);
  exit(QemuExitCode.Failed);
}

/** Interrupts off, then waiting forever: only an NMI or a reset wakes the CPU. */
function haltForever(): never {
  interrupts.disable();
  reportState(KernelState.Halted);
  while (true) interrupts.wait();
}
