// @expect-serial: VGA row 5 reads: New!
// @expect-serial: EXCEPTION: PAGE FAULT
// @expect-serial: accessed address: 0xdeadbeaf320
// @expect-serial: error code: 0x0 (page not present, read, supervisor mode)
// @expect-serial-ts-line: 66
// @expect-serial: [ok]
/**
 * kernel/tests/page_map_new.ts: integration test, its own kernel (blog_os
 * post 09, "Creating a new Mapping", then taking it away).
 *
 * mapTo() maps the unused page 0xdeadbeaf000 to the VGA text buffer's frame
 * (0xb8000); `New!` written through it must read back from the buffer itself
 * (row 5, column 0: offset 800), and unmap() must return that frame. Then
 * the page is mapped to a RAM frame, read (so the TLB holds it) and
 * unmapped: unmap() must flush the page's TLB entry (INVLPG, Intel SDM vol.
 * 3A, 4.10.4.1), so the next read must raise a not-present page fault
 * (figure 4-12) at 0xdeadbeaf320. Without the flush the CPU (and QEMU's
 * TLB) would still translate it and the read succeed.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";
import { kernelPageTable } from "../arch/x86_64/paging.ts";
import { MapToResult, isUnmapError, unmappedFrame } from "../arch/x86_64/paging_mapper.ts";
import { frameAllocator } from "../memory/memory.ts";
import { physAddr, virtAddr } from "../../lib/x86_64/addr.ts";
import { frameContaining, pageContaining } from "../../lib/x86_64/structures/paging/page.ts";
import { NO_EXECUTE, WRITABLE, flagsWith } from "../../lib/x86_64/structures/paging/page_table.ts";
import { assert, assertEq } from "../../lib/core/assert.ts";

const VGA_BUFFER: u64 = 0xb8000;
const ROW_5: u64 = 800; // row 5, column 0: 5 rows of 80 two-byte cells

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

serialPrintln("page_map_new::newThroughAMappedPageThenUnmapped...");
init();
const page = pageContaining(virtAddr(0xdead_beaf_000));
const result = kernelPageTable().mapTo(page, frameContaining(physAddr(VGA_BUFFER)), flagsWith(WRITABLE, NO_EXECUTE), frameAllocator());
assert(result === MapToResult.Mapped, "mapping 0xdeadbeaf000 failed");
Ptr.at<u64>(page + ROW_5).writeVolatile(0xf021_f077_f065_f04e); // "New!", white on black
const cells = Ptr.at<u8>(VGA_BUFFER + ROW_5);
const text = cells.readVolatile() === 0x4e && cells.add(2).readVolatile() === 0x65 && cells.add(4).readVolatile() === 0x77 && cells.add(6).readVolatile() === 0x21;
serialPrintln(text ? "VGA row 5 reads: New!" : "VGA row 5 does not read New!");
const vga = kernelPageTable().unmap(page);
assert(!isUnmapError(vga), "unmapping 0xdeadbeaf000 failed");
assertEq(unmappedFrame(vga), VGA_BUFFER);

// The same page to an ordinary RAM frame (QEMU caches RAM translations in its TLB, not VGA's).
const ram = frameAllocator().allocateFrame();
if (ram === null) throw new Error("no free frame");
assert(kernelPageTable().mapTo(page, ram, flagsWith(WRITABLE, NO_EXECUTE), frameAllocator()) === MapToResult.Mapped, "remapping 0xdeadbeaf000 failed");
Ptr.at<u64>(page + ROW_5).writeVolatile(42);
assertEq(Ptr.at<u64>(page + ROW_5).readVolatile(), 42); // the TLB now holds the page; unmap must drop it
const unmapped = kernelPageTable().unmap(page);
assert(!isUnmapError(unmapped), "unmapping 0xdeadbeaf000 again failed");
assertEq(unmappedFrame(unmapped), ram);
frameAllocator().deallocateFrame(ram);
expectException(ExceptionVector.PageFault);
const stale = Ptr.at<u64>(page + ROW_5).readVolatile();
serialPrintln(`[failed]: read 0x${stale.toString(16)} through the unmapped page (a stale TLB entry)`);
exitQemu(QemuExitCode.Failed);
