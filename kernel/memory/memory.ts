/**
 * kernel/memory/memory.ts: the kernel's memory set-up, in order (blog_os
 * post 09's `memory::init` and `BootInfoFrameAllocator::init`).
 *
 * Input: bootInfo() (the multiboot memory map) and boot.S's identity map of
 * the first 1 GiB, which the frame bitmap and the first page tables must lie
 * in (they take the lowest free frames, just above the kernel).
 * Output: initMemory() makes the frame allocator, then the kernel's page
 * tables (arch/x86_64/paging.ts), and moves the allocator to the physical-
 * memory offset; frameAllocator() and kernelPageTable() are then the tools
 * for mapping more. Invariants: runs once, after the IDT is loaded (a fault
 * during set-up is reported), with nothing else allocating frames.
 */
import { bootInfo } from "../boot_info.ts";
import { BitmapFrameAllocator, ExcludedRanges, type FrameAllocator } from "./frame_allocator.ts";
import { PHYSICAL_MEMORY_OFFSET, activeLevel4Table, initPaging, kernelPageTable } from "../arch/x86_64/paging.ts";
import { MapToResult, UnmapError, isUnmapError, unmapError, unmappedFrame } from "../arch/x86_64/paging_mapper.ts";
import { alignDown, alignUp, isCanonical, p1Index, p2Index, p3Index, p4Index, pageOffset, physAddr, tableIndex, virtAddr, virtAddrTruncate } from "../../lib/x86_64/addr.ts";
import { type PhysFrame, type Size4KiB, frameContaining, page1GiBContaining, page2MiBContaining, pageContaining, pageStartingAt } from "../../lib/x86_64/structures/paging/page.ts";
import { PRESENT, WRITABLE, flagsWith } from "../../lib/x86_64/structures/paging/page_table.ts";
import { assert, assertEq, assertEqI } from "../../lib/core/assert.ts";
import { MappedRange, printPageTables, walkMappedRanges } from "../arch/x86_64/paging_dump.ts";

const FRAME_ALLOCATOR = new BitmapFrameAllocator(new ExcludedRanges());

export function initMemory(): void {
  FRAME_ALLOCATOR.init(bootInfo(), 0);
  initPaging(bootInfo(), FRAME_ALLOCATOR);
  FRAME_ALLOCATOR.setPhysicalMemoryOffset(PHYSICAL_MEMORY_OFFSET);
}

/** The allocator of physical frames (after initMemory). */
export function frameAllocator(): BitmapFrameAllocator {
  return FRAME_ALLOCATOR;
}

/** The active top-level page table register (CR3 on x86_64), for the boot line of main.ts. */
export function pageTableRegister(): u64 {
  return readCr3();
}

/** Prints the kernel's mapped ranges (main.ts, for the boot flag page-tables). */
export function printKernelPageTables(): void {
  printPageTables(kernelPageTable());
}

// ---- tests: translation, mapping, frames on the live tables ----

/** @trackCaller */
function assertTranslates(virtual: u64, physical: u64): void {
  const p = kernelPageTable().translate(virtAddr(virtual));
  assert(p !== null, `0x${virtual.toString(16)} is not mapped`);
  if (p !== null) assertEq(p, physical);
}

/** @trackCaller */
function assertUnmapped(virtual: u64): void {
  assert(kernelPageTable().translate(virtAddr(virtual)) === null, `0x${virtual.toString(16)} is mapped`);
}

/** @test */
function translateFollowsTheKernelTables(): void {
  assertEq(kernelPageTable().level4, readCr3() & 0x000f_ffff_ffff_f000);
  assertTranslates(0xb8000, 0xb8000); // VGA text buffer, identity
  assertTranslates(0xb8123, 0xb8123); // the offset inside the page is kept
  const code = functionAddress(translateFollowsTheKernelTables);
  assertTranslates(code, code); // .text, identity
  const stack = readRsp();
  assertTranslates(stack, stack);
  assertTranslates(PHYSICAL_MEMORY_OFFSET, 0); // physical 0 through the offset (a huge page)
  assertTranslates(PHYSICAL_MEMORY_OFFSET + 0x1234_5678, 0x1234_5678); // mid-page of a huge page
  assertUnmapped(0); // page 0: null pointers fault
  assertUnmapped(bootInfo().stackGuard); // the guard page
  assertUnmapped(0xdead_beaf_000);
  assertUnmapped(0xffff_ffff_ffff_f000);
}

/** @test */
function translateReadsThroughTheOffsetMapping(): void {
  // The level-4 table CR3 names, read through the offset, is the mapper's; it maps itself nowhere else.
  const level4 = activeLevel4Table();
  assertEq(Ptr.to(level4).address, PHYSICAL_MEMORY_OFFSET + kernelPageTable().level4);
  assert(level4.entries[256].isPresent(), "the physical-memory offset (level-4 index 256) is not mapped");
  assert(!level4.entries[255].isPresent(), "level-4 index 255 is mapped");
}

/** An allocator that has nothing: mapTo must report it, not panic. */
class EmptyFrameAllocator implements FrameAllocator {
  allocateFrame(): PhysFrame<Size4KiB> | null {
    return null;
  }
  deallocateFrame(frame: PhysFrame<Size4KiB>): void {
    throw new Error(`EmptyFrameAllocator got frame 0x${frame.toString(16)}`);
  }
}
const EMPTY = new EmptyFrameAllocator();

/** @test */
function pageMapNewThroughVgaFrame(): void {
  // blog_os post 09: map an unused page to the VGA frame and write `New!` through it.
  const mapper = kernelPageTable();
  const page = pageContaining(virtAddr(0xdead_beaf_000));
  const vga = frameContaining(physAddr(0xb8000));
  const flags = flagsWith(PRESENT, WRITABLE);
  assertEqI(mapper.mapTo(page, vga, flags, frameAllocator()), MapToResult.Mapped);
  assertTranslates(page + 0x10, 0xb8010);
  Ptr.at<u64>(page + 400).writeVolatile(0xf021_f077_f065_f04e); // "New!", white on black
  const cells = Ptr.at<u16>(0xb8000 + 400);
  assertEq(cells.readVolatile() & 0xff, 0x4e); // N
  assertEq(cells.add(1).readVolatile() & 0xff, 0x65); // e
  assertEq(cells.add(2).readVolatile() & 0xff, 0x77); // w
  assertEq(cells.add(3).readVolatile() & 0xff, 0x21); // !
  assertEqI(mapper.mapTo(page, vga, flags, frameAllocator()), MapToResult.PageAlreadyMapped);
  const result = mapper.unmap(page);
  assert(!isUnmapError(result), "unmapping the New! page failed");
  assertEq(unmappedFrame(result), 0xb8000);
  assertUnmapped(page);
  assertEqI(unmapError(mapper.unmap(page)), UnmapError.PageNotMapped);
}

/** @test */
function pageMapErrorsAreValues(): void {
  const mapper = kernelPageTable();
  // Inside the physical-memory offset map: a huge page covers it.
  const underHuge = pageContaining(virtAddr(PHYSICAL_MEMORY_OFFSET + 0x40_0000));
  assertEqI(mapper.mapTo(underHuge, frameContaining(physAddr(0xb8000)), WRITABLE, frameAllocator()), MapToResult.ParentEntryHugePage);
  assertEqI(unmapError(mapper.unmap(underHuge)), UnmapError.ParentEntryHugePage);
  // Where no table exists yet, with an allocator that has no frames.
  const fresh = pageContaining(virtAddr(0x5555_0000_0000));
  assertEqI(mapper.mapTo(fresh, frameContaining(physAddr(0xb8000)), WRITABLE, EMPTY), MapToResult.FrameAllocationFailed);
  assertUnmapped(fresh);
}

/** @test */
function frameAllocatorGivesDistinctFramesAndTakesThemBack(): void {
  const frames = frameAllocator();
  const free = frames.freeFrames();
  const a = frames.allocateFrame();
  const b = frames.allocateFrame();
  assert(a !== null && b !== null, "no free frames after boot");
  if (a === null || b === null) return;
  assert(a !== b, "the same frame twice");
  assertEq(a & 0xfff, 0);
  assertEq(b & 0xfff, 0);
  assert(a >= bootInfo().kernelEnd || a + 4096 <= bootInfo().kernelStart, "a frame inside the kernel image");
  assertEq(frames.freeFrames(), free - 2);
  frames.deallocateFrame(a);
  assertEq(frames.freeFrames(), free - 1);
  const again = frames.allocateFrame();
  assert(again !== null, "a freed frame was not handed out again");
  if (again !== null) assertEq(again, a); // lowest free first
  frames.deallocateFrame(b);
  if (again !== null) frames.deallocateFrame(again);
  assertEq(frames.freeFrames(), free);
}

/** What the page-table dump test saw. @struct */
class DumpCheck {
  ranges: u32 = 0;
  writableAndExecutable: u32 = 0;
  user: u32 = 0;
  lowMemory: u32 = 0;
  text: u32 = 0;
  rodata: u32 = 0;
  offsetMapping: u32 = 0;
}
const DUMP = new DumpCheck();

function checkRange(range: MappedRange): void {
  DUMP.ranges++;
  if (range.writable && !range.noExecute) DUMP.writableAndExecutable++;
  if (range.user) DUMP.user++;
  const rw = range.writable && range.noExecute;
  if (range.start === 0x1000 && range.end === 0x10_0000 && range.pageSize === 4096 && rw) DUMP.lowMemory++;
  if (range.start === bootInfo().kernelStart && range.end === rodataStartAddress() && !range.writable && !range.noExecute) DUMP.text++;
  if (range.start === rodataStartAddress() && range.end === dataStartAddress() && !range.writable && range.noExecute) DUMP.rodata++;
  if (range.start === PHYSICAL_MEMORY_OFFSET && range.end >= PHYSICAL_MEMORY_OFFSET + 0x1_0000_0000 && range.pageSize > 4096 && rw) DUMP.offsetMapping++;
}

/** @test */
function pageTableDumpShowsTheSectionPermissions(): void {
  printPageTables(kernelPageTable());
  walkMappedRanges(kernelPageTable(), checkRange);
  assert(DUMP.ranges >= 5 && DUMP.ranges < 20, "the dump does not merge ranges");
  assertEq(DUMP.writableAndExecutable, 0); // W^X: nothing is both writable and executable
  assertEq(DUMP.user, 0);
  assertEq(DUMP.lowMemory, 1); // [4 KiB, 1 MiB) read-write no-execute
  assertEq(DUMP.text, 1); // .text read + execute
  assertEq(DUMP.rodata, 1); // .rodata read-only no-execute
  assertEq(DUMP.offsetMapping, 1); // all physical memory at the offset, huge pages
}

/** @test */
function pageTableIndicesAndCanonicalAddresses(): void {
  const a = virtAddr(0x0000_7fff_ffff_f123); // the highest lower-half page
  assertEq(p4Index(a), 255);
  assertEq(p3Index(a), 511);
  assertEq(p2Index(a), 511);
  assertEq(p1Index(a), 511);
  assertEq(pageOffset(a), 0x123);
  assertEq(tableIndex(virtAddr(PHYSICAL_MEMORY_OFFSET), 4), 256);
  assertEq(tableIndex(virtAddr(0x20_1000), 2), 1);
  assertEq(tableIndex(virtAddr(0x20_1000), 1), 1);
  assert(isCanonical(0xffff_8000_0000_0000) && isCanonical(0x0000_7fff_ffff_ffff), "a canonical address rejected");
  assert(!isCanonical(0x0000_8000_0000_0000) && !isCanonical(0xfff0_0000_0000_0000), "a non-canonical address accepted");
  assertEq(virtAddrTruncate(0x0000_8000_0000_1000), 0xffff_8000_0000_1000);
  assertEq(pageContaining(virtAddr(0x1234_5678)), 0x1234_5000);
  assertEq(page2MiBContaining(virtAddr(0x1234_5678)), 0x1220_0000);
  assertEq(page1GiBContaining(virtAddr(0x7234_5678)), 0x4000_0000);
  assert(pageStartingAt(virtAddr(0x1001)) === null && pageStartingAt(virtAddr(0x2000)) !== null, "pageStartingAt ignores alignment");
  assertEq(alignUp(0x1001, 0x1000), 0x2000);
  assertEq(alignDown(0x1fff, 0x1000), 0x1000);
}
