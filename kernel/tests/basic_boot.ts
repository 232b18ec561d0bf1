/**
 * kernel/tests/basic_boot.ts: integration test, its own kernel (blog_os post
 * 04, "Integration Tests": basic_boot).
 *
 * Checks that println works right after boot, before any initialization code
 * of main.ts has run: the text must reach the VGA buffer. Output on COM1:
 * `basic_boot::printlnAfterBoot...\t[ok]`, then QEMU exits with Success; a
 * failed check panics, which reports `[failed]` and exits with Failed.
 * Outside test builds the console mirrors to COM1 (console.ts), so the line
 * must reach COM1 too.
 */
// @expect-serial: basic_boot: println works right after boot
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { println } from "../console.ts";
import { BUFFER_HEIGHT, WRITER } from "../arch/x86_64/vga.ts";
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { assertEq } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

function printlnAfterBoot(): void {
  const line = "basic_boot: println works right after boot";
  println(line);
  // Nothing was printed before, so the line is on the row above the new bottom row.
  const writer = WRITER.lock();
  for (let i = 0; i < line.length; i++) {
    assertEq(writer.charAt(BUFFER_HEIGHT - 2, usize(i)), u8(line.charCodeAt(i)));
  }
  WRITER.unlock();
}

serialPrint("basic_boot::printlnAfterBoot...\t");
printlnAfterBoot();
serialPrintln("[ok]");
exitQemu(QemuExitCode.Success);
