// @expect-serial: burst 127  !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~
// @expect-serial: [ok]
/**
 * kernel/tests/serial_burst.ts: integration test, its own kernel.
 *
 * Sends about 12 KiB to COM1 as fast as the driver allows: 128 lines, each
 * `burst <n> ` followed by every printable ASCII character. The UART takes a
 * byte only when its transmit holding register is empty (LSR bit 5), so a
 * driver that did not wait would lose bytes. test/kernel.test.ts compares the
 * whole output byte for byte; here the runner checks the last line arrived.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

const PRINTABLE = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
const LINES: u32 = 128;

for (let n: u32 = 0; n < LINES; n++) serialPrintln(`burst ${n} ${PRINTABLE}`);
serialPrintln("[ok]");
exitQemu(QemuExitCode.Success);
