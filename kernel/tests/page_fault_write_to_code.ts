// @expect-serial: code read: 0x1badb002
// @expect-serial: EXCEPTION: PAGE FAULT
// @expect-serial: accessed address: 0x100000
// @expect-serial: error code: 0x3 (protection violation, write, supervisor mode)
// @expect-serial-ts-line: 36
// @expect-serial: [ok]
/**
 * kernel/tests/page_fault_write_to_code.ts: integration test, its own kernel
 * (blog_os post 08, "Accessing the Page Tables": a read from a code page
 * works, a write to it faults).
 *
 * The kernel's tables (arch/x86_64/paging.ts) map .text present but not
 * writable, and CR0.WP makes that bind the kernel too (Intel SDM vol. 3A,
 * 4.6 "Access Rights"). The first bytes of .text, at 1 MiB (linker.ld), are
 * the multiboot header, whose magic 0x1BADB002 the read must see. The write
 * must raise #PF with CR2 = 0x100000 and error code 0x3: P = 1 (a protection
 * violation, not a missing page), W/R = 1 (figure 4-12).
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

serialPrintln("page_fault_write_to_code::writeToCodeFaults...");
init();
const code = Ptr.at<u32>(kernelStartAddress());
serialPrintln(`code read: 0x${code.readVolatile().toString(16)}`);
expectException(ExceptionVector.PageFault);
code.writeVolatile(0);
serialPrintln("[failed]: execution continued after writing to .text");
exitQemu(QemuExitCode.Failed);
