// @expect-serial: EXCEPTION: PAGE FAULT
// @expect-serial: error code: 0x3 (protection violation, write, supervisor mode)
// @expect-serial-ts-line: 30
// @expect-serial: [ok]
/**
 * kernel/tests/page_fault_write_to_rodata.ts: integration test, its own
 * kernel: .rodata is read-only (arch/x86_64/paging.ts).
 *
 * A read of the first word of .rodata works; a write to it raises #PF with
 * error code 0x3, a write protection violation (Intel SDM vol. 3A, 4.6
 * "Access Rights", figure 4-12), and CR2 the address written.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("page_fault_write_to_rodata::writeToRodataFaults...");
init();
const rodata = Ptr.at<u64>(rodataStartAddress());
const before = rodata.readVolatile();
expectException(ExceptionVector.PageFault);
rodata.writeVolatile(before);
serialPrintln("[failed]: execution continued after writing to .rodata");
exitQemu(QemuExitCode.Failed);
