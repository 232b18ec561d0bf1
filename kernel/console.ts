/**
 * kernel/console.ts: the kernel's print and println.
 *
 * Input: text, usually a template literal formatted on the caller's stack.
 * Output: the VGA screen (vga.ts) and, outside test builds, a copy on COM1
 * (serial.ts), so the console can be read with QEMU run headless. Test builds
 * keep COM1 for the test report only ("name...\t[ok]" lines, testing.ts);
 * tests check the screen by reading the VGA buffer back, except for fatal
 * reports (copyToSerial(): an exception report must reach the test runner).
 * Hex: `println(`0x${value.toString(16)}`)` formats on the stack, no heap.
 */
import { vgaPrint, vgaPrintln } from "./arch/x86_64/vga.ts";
import { serialPrint, serialPrintln } from "./arch/x86_64/serial.ts";

/** Set by copyToSerial(); never cleared. */
const COPY_TO_SERIAL = new AtomicBool(false);

function toSerial(): boolean {
  return !TEST_BUILD || COPY_TO_SERIAL.load();
}

export function print(s: Text): void {
  vgaPrint(s);
  if (toSerial()) serialPrint(s);
}

export function println(s: Text): void {
  vgaPrintln(s);
  if (toSerial()) serialPrintln(s);
}

/**
 * From now on, test builds copy the console to COM1 as well. For a fatal
 * report (an unexpected exception): the test runner only sees COM1.
 */
export function copyToSerial(): void {
  COPY_TO_SERIAL.store(true);
}
