/**
 * kernel/console.ts: the kernel's print and println.
 *
 * Input: text, usually a template literal formatted on the caller's stack.
 * Output: the VGA screen (vga.ts) and, outside test builds, a copy on COM1
 * (serial.ts), so the console can be read with QEMU run headless. Test builds
 * keep COM1 for the test report only ("name...\t[ok]" lines, testing.ts);
 * tests check the screen by reading the VGA buffer back.
 */
import { vgaPrint, vgaPrintln } from "./vga.ts";
import { serialPrint, serialPrintln } from "./serial.ts";

export function print(s: Text): void {
  vgaPrint(s);
  if (!TEST_BUILD) serialPrint(s);
}

export function println(s: Text): void {
  vgaPrintln(s);
  if (!TEST_BUILD) serialPrintln(s);
}
