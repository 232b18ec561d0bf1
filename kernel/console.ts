/**
 * kernel/console.ts: the kernel's print and println.
 *
 * Input: text, usually a template literal formatted on the caller's stack.
 * Output: the screen and, outside test builds, a copy on the serial line
 * (the architecture's devices, kernel/arch/console.ts), so the console can be read with QEMU run headless. Test builds
 * keep COM1 for the test report only ("name...\t[ok]" lines, testing.ts);
 * tests check the screen by reading the VGA buffer back, except for fatal
 * reports (copyToSerial(): an exception report must reach the test runner).
 * Hex: `println(`0x${value.toString(16)}`)` formats on the stack, no heap.
 */
import * as device from "./arch/console.ts";

/** Set by copyToSerial(); never cleared. */
const COPY_TO_SERIAL = new AtomicBool(false);

function toSerial(): boolean {
  return !TEST_BUILD || COPY_TO_SERIAL.load();
}

export function print(s: Text): void {
  device.screenPrint(s);
  if (toSerial()) device.serialPrint(s);
}

export function println(s: Text): void {
  device.screenPrintln(s);
  if (toSerial()) device.serialPrintln(s);
}

/**
 * From now on, test builds copy the console to COM1 as well. For a fatal
 * report (an unexpected exception): the test runner only sees COM1.
 */
export function copyToSerial(): void {
  COPY_TO_SERIAL.store(true);
}
