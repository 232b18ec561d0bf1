// @qemu-args: -cpu qemu64,pdpe1gb=on
// @qemu-args: -cpu qemu64,pdpe1gb=off
// @expect-serial: pages) [ok]
/**
 * kernel/tests/translate_huge_pages.ts: integration test, its own kernel,
 * booted on a CPU with 1 GiB pages and on one without (the @qemu-args lines).
 *
 * paging.ts maps physical memory at PHYSICAL_MEMORY_OFFSET with 1 GiB pages
 * when CPUID.80000001H:EDX bit 26 says the CPU has them, else 2 MiB pages
 * (Intel SDM vol. 3A, 4.5, tables 4-15 and 4-17). translate() must follow
 * either: addresses at the start, the middle and the last byte of a huge
 * page, across a page boundary, and the entry itself must be the expected
 * kind (PS set at level 3 or at level 2). An address past the mapping is
 * null.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { PHYSICAL_MEMORY_OFFSET, cpuHas1GiBPages, kernelPageTable } from "../arch/x86_64/paging.ts";
import { p3Index, p4Index, virtAddr } from "../../lib/x86_64/addr.ts";
import { assert, assertEq } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

/** @trackCaller */
function assertTranslates(physical: u64): void {
  const p = kernelPageTable().translate(virtAddr(PHYSICAL_MEMORY_OFFSET + physical));
  assert(p !== null, "an address of the physical-memory mapping is not mapped");
  if (p !== null) assertEq(p, physical);
}

serialPrint("translate_huge_pages::offsetMappingUsesTheLargestPages...");
init();
const huge = cpuHas1GiBPages();
serialPrint(huge ? " (1 GiB pages)" : " (2 MiB pages)");
const mapper = kernelPageTable();
const start = virtAddr(PHYSICAL_MEMORY_OFFSET);
const l3 = mapper.table(mapper.table(mapper.level4).entries[p4Index(start)].address()).entries[p3Index(start)];
assert(l3.isPresent(), "the offset mapping has no level-3 entry");
assertEq(l3.isHuge() ? 1 : 0, huge ? 1 : 0); // a 1 GiB page exactly when the CPU has them
assertTranslates(0);
assertTranslates(0x1000);
assertTranslates(0x1f_ffff); // the last byte of the first 2 MiB page
assertTranslates(0x20_0000);
assertTranslates(0x3fff_ffff); // the last byte of the first 1 GiB page
assertTranslates(0x4000_0000);
assertTranslates(0x7654_3210);
assertTranslates(0xfee0_0000); // the local APIC, below 4 GiB
assertTranslates(0xffff_ffff);
assert(mapper.translate(virtAddr(PHYSICAL_MEMORY_OFFSET + 0x80_0000_0000)) === null, "512 GiB past the offset is mapped");
serialPrintln(" [ok]");
exitQemu(QemuExitCode.Success);
