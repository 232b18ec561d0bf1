/**
 * kernel/tests/vga_bounds.ts: integration test, its own kernel: a screen
 * position off the 80x25 buffer panics (vga.ts checks every cell access)
 * instead of reading or writing the memory after 0xb8000 + 4000.
 *
 * This kernel's own @panicHandler prints the panic's message and exits with
 * Success; the runner checks the message. If the access does not panic, the
 * test prints `[test did not panic]` and exits with Failed.
 */
// @expect-serial: screen position (25, 0) is outside the 25x80 buffer
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { BUFFER_HEIGHT, WRITER } from "../arch/x86_64/vga.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  serialPrintln(message);
  serialPrintln("[ok]");
  exitQemu(QemuExitCode.Success);
}

serialPrint("vga_bounds::rowBelowTheScreenPanics...\t");
WRITER.lock().colorAt(BUFFER_HEIGHT, 0);
serialPrintln("[test did not panic]");
exitQemu(QemuExitCode.Failed);
