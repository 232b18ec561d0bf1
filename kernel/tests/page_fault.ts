// @expect-serial: EXCEPTION: PAGE FAULT
// @expect-serial: accessed address: 0xdeadbeef
// @expect-serial: error code: 0x0 (page not present, read, supervisor mode)
// @expect-serial-ts-line: 34
// @expect-serial: [ok]
/**
 * kernel/tests/page_fault.ts: integration test, its own kernel.
 *
 * A read of 0xdeadbeef, above the 1 GiB boot.S maps, raises #PF, vector 14
 * (Intel SDM vol. 3A, 4.7 "Page-Fault Exceptions"): CR2 holds the address,
 * and the error code says not present (P = 0), read (W/R = 0), supervisor
 * (U/S = 0), figure 4-12. With the kernel's IDT (init.ts) the default
 * handler must report all of it; expectException turns the report into
 * Success.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";

/** Not mapped: boot.S identity-maps only the first 1 GiB. */
const UNMAPPED_ADDRESS: usize = 0xdeadbeef;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("page_fault::unmappedReadRaisesPageFault...");
init();
expectException(ExceptionVector.PageFault);
const value = Ptr.at<u8>(UNMAPPED_ADDRESS).readVolatile();
serialPrintln(`[failed]: execution continued after reading an unmapped page (read ${value})`);
exitQemu(QemuExitCode.Failed);
