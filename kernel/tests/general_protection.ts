// @expect-serial: EXCEPTION: GENERAL PROTECTION FAULT
// @expect-serial: error code: 0x0 (no selector)
// @expect-serial-ts-line: 33
// @expect-serial: [ok]
/**
 * kernel/tests/general_protection.ts: integration test, its own kernel.
 *
 * In 64-bit mode an address must be canonical: bits 48-63 copies of bit 47
 * (Intel SDM vol. 3A, 3.3.7.1 "Canonical Addressing"). A memory access
 * through a non-canonical address (not on the stack) raises #GP(0), vector
 * 13 (6.15, "Interrupt 13"). With the kernel's IDT (init.ts) the default
 * handler must report it with its error code; expectException turns the
 * report into Success.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";

/** Bit 63 set, bit 47 clear: not canonical. */
const NON_CANONICAL_ADDRESS: usize = 0x8000_0000_0000_0000;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("general_protection::nonCanonicalWriteRaisesGeneralProtection...");
init();
expectException(ExceptionVector.GeneralProtectionFault);
Ptr.at<u64>(NON_CANONICAL_ADDRESS).writeVolatile(1);
serialPrintln("[failed]: execution continued after a non-canonical write");
exitQemu(QemuExitCode.Failed);
