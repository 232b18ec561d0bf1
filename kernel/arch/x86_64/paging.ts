/**
 * kernel/arch/x86_64/paging.ts: the kernel's own page tables, built in
 * TypeScript (the part of blog_os's bootloader crate that maps the kernel
 * and all physical memory, posts 08 and 09).
 *
 * Intel SDM vol. 3A: 4.5 "4-Level Paging" (tables), 4.6 "Access Rights"
 * (R/W, XD; CR0.WP makes read-only pages read-only for the kernel too),
 * 2.2.1 and 4.1.4 (IA32_EFER.NXE enables the XD bit, which is reserved
 * otherwise), 2.5 (CR0, CR3), 4.1.4 and CPUID.80000001H:EDX bit 26 (1 GiB
 * pages), bit 20 (NX).
 * Input: boot.S's identity map of the first 1 GiB, still active; a frame
 * allocator initialized at offset 0; the linker's section symbols.
 * Output: initPaging() loads a new level-4 table that maps
 *   - [4 KiB, 1 MiB) to itself, read-write, no-execute (VGA text memory,
 *     the BIOS data, the loader's structures); page 0 is left unmapped, so
 *     a null pointer faults;
 *   - the kernel image to itself: .text read+execute, .rodata read-only
 *     no-execute, .data/.bss read-write no-execute, boot.S's stack guard
 *     page unmapped (so a stack overflow still double-faults);
 *   - the multiboot structures above 1 MiB to themselves, read-only;
 *   - all physical memory, up to the end of the last RAM region or 4 GiB, at
 *     PHYSICAL_MEMORY_OFFSET, read-write no-execute, with 1 GiB pages when
 *     the CPU has them, else 2 MiB pages;
 * then sets CR0.WP. kernelPageTable() is the mapper over it.
 * Invariants: nothing else is mapped; tables come from the allocator.
 */
import { type PhysAddr, type VirtAddr, alignDown, alignUp, physAddr, virtAddr } from "../../../lib/x86_64/addr.ts";
import { type PhysFrame, type Page, type Size1GiB, type Size2MiB, type Size4KiB, SIZE_1GIB, SIZE_2MIB, SIZE_4KIB } from "../../../lib/x86_64/structures/paging/page.ts";
import { NO_EXECUTE, PageTable, type PageTableFlags, WRITABLE, flagsWith } from "../../../lib/x86_64/structures/paging/page_table.ts";
import { type FrameAllocator } from "../../memory/frame_allocator.ts";
import { BootInfo, MemoryRegionKind } from "../../boot_info.ts";
import { MapToResult, OffsetPageTable } from "./paging_mapper.ts";

/** Where physical address 0 is mapped: the start of the higher half (level-4 index 256), as Linux's direct map. */
export const PHYSICAL_MEMORY_OFFSET: u64 = 0xffff_8000_0000_0000;

const IA32_EFER: u32 = 0xc000_0080;
const EFER_NXE: u64 = 1 << 11;
const CR0_WP: u64 = 1 << 16;
const CPUID_EXTENDED_FEATURES: u32 = 0x8000_0001;
const CPUID_NX: u32 = 1 << 20;
const CPUID_PAGE_1GB: u32 = 1 << 26;
const FIRST_MIB: u64 = 0x10_0000;
const FOUR_GIB: u64 = 0x1_0000_0000;

/** No flag beyond PRESENT (which mapTo adds): read-only and executable. */
const NO_FLAGS = (0 as u64) as PageTableFlags;

const KERNEL_PAGE_TABLE = new OffsetPageTable(0 as u64 as PhysAddr, 0);

/** Whether the CPU has the XD bit (if not, no-execute flags are dropped: they would be reserved bits). */
export function cpuHasNoExecute(): boolean {
  return (cpuidEdx(CPUID_EXTENDED_FEATURES) & CPUID_NX) !== 0;
}

export function cpuHas1GiBPages(): boolean {
  return (cpuidEdx(CPUID_EXTENDED_FEATURES) & CPUID_PAGE_1GB) !== 0;
}

/** NO_EXECUTE when the CPU supports it, else no flag. */
export function noExecute(): PageTableFlags {
  return cpuHasNoExecute() ? NO_EXECUTE : NO_FLAGS;
}

/** The mapper over the active tables (after initPaging: the kernel's own, reached at PHYSICAL_MEMORY_OFFSET). */
export function kernelPageTable(): OffsetPageTable {
  return KERNEL_PAGE_TABLE;
}

/** The active level-4 table (CR3), through the physical-memory offset (blog_os's `active_level_4_table`). */
export function activeLevel4Table(): PageTable {
  return Ptr.at<PageTable>(KERNEL_PAGE_TABLE.offset + (readCr3() & 0x000f_ffff_ffff_f000)).read();
}

function mapOrPanic(result: MapToResult, address: u64): void {
  if (result !== MapToResult.Mapped) throw new Error(`mapping 0x${address.toString(16)} for the kernel failed (MapToResult ${result})`);
}

/** Maps [start, end) (4 KiB-aligned) to itself with 4 KiB pages. */
function identityMap(mapper: OffsetPageTable, start: u64, end: u64, flags: PageTableFlags, allocator: FrameAllocator): void {
  for (let a = start; a < end; a += SIZE_4KIB) mapOrPanic(mapper.mapTo(a as Page<Size4KiB>, a as PhysFrame<Size4KiB>, flags, allocator), a);
}

/** Like identityMap, but pages already mapped (the structures may share pages) are left as they are. */
function identityMapMissing(mapper: OffsetPageTable, start: u64, end: u64, flags: PageTableFlags, allocator: FrameAllocator): void {
  for (let a = alignDown(start, SIZE_4KIB); a < end; a += SIZE_4KIB) {
    if (mapper.translate(a as VirtAddr) === null) mapOrPanic(mapper.mapTo(a as Page<Size4KiB>, a as PhysFrame<Size4KiB>, flags, allocator), a);
  }
}

/**
 * Where the physical-memory mapping ends: after the last RAM region (any
 * kind but Reserved), and at least at 4 GiB, which holds the PC's
 * memory-mapped devices (local APIC, I/O APIC). Reserved ranges far above
 * (QEMU reports one just below 1 TiB) would cost page tables for nothing.
 */
function physicalMemoryEnd(info: BootInfo): u64 {
  let end: u64 = FOUR_GIB;
  for (let i: u32 = 0; i < info.regionCount(); i++) {
    if (info.regionKind(i) !== MemoryRegionKind.Reserved && info.regionEnd(i) > end) end = info.regionEnd(i);
  }
  return end;
}

/** Builds the kernel's tables (module comment) and returns the level-4 table's physical address. */
function buildKernelTables(info: BootInfo, allocator: FrameAllocator): PhysAddr {
  const level4 = allocator.allocateFrame();
  if (level4 === null) throw new Error("no frame for the level-4 page table");
  const mapper = KERNEL_PAGE_TABLE;
  mapper.level4 = level4 as u64 as PhysAddr;
  mapper.offset = 0; // boot.S's identity map is still active
  mapper.table(mapper.level4).zero();
  const nx = noExecute();
  const readWrite = flagsWith(WRITABLE, nx);

  identityMap(mapper, SIZE_4KIB, FIRST_MIB, readWrite, allocator);
  identityMap(mapper, info.kernelStart, rodataStartAddress(), NO_FLAGS, allocator); // .text: read + execute
  identityMap(mapper, rodataStartAddress(), dataStartAddress(), nx, allocator); // .rodata
  identityMap(mapper, dataStartAddress(), info.stackGuard, readWrite, allocator); // .data, .bss up to the guard page
  identityMap(mapper, info.stackGuard + SIZE_4KIB, info.kernelEnd, readWrite, allocator); // the stack, the rest of .bss
  identityMapMissing(mapper, info.infoStart, info.infoEnd, nx, allocator);
  identityMapMissing(mapper, info.mapStart, info.mapEnd, nx, allocator);
  identityMapMissing(mapper, info.commandLineStart, info.commandLineEnd, nx, allocator);
  identityMapMissing(mapper, info.modulesStart, info.modulesEnd, nx, allocator);

  const huge = cpuHas1GiBPages();
  const step = huge ? SIZE_1GIB : SIZE_2MIB;
  const end = alignUp(physicalMemoryEnd(info), step);
  for (let p: u64 = 0; p < end; p += step) {
    const page = virtAddr(PHYSICAL_MEMORY_OFFSET + p);
    const result = huge
      ? mapper.map1GiB(page as u64 as Page<Size1GiB>, physAddr(p) as u64 as PhysFrame<Size1GiB>, readWrite, allocator)
      : mapper.map2MiB(page as u64 as Page<Size2MiB>, physAddr(p) as u64 as PhysFrame<Size2MiB>, readWrite, allocator);
    mapOrPanic(result, page);
  }
  return mapper.level4;
}

/**
 * Switches from boot.S's tables to the kernel's (module comment). `allocator`
 * must work at offset 0 now; afterwards physical memory is reached at
 * PHYSICAL_MEMORY_OFFSET, so the caller moves the allocator there too.
 */
export function initPaging(info: BootInfo, allocator: FrameAllocator): void {
  if (cpuHasNoExecute()) writeMsr(IA32_EFER, readMsr(IA32_EFER) | EFER_NXE); // before any entry has XD set
  const level4 = buildKernelTables(info, allocator);
  writeCr3(level4);
  KERNEL_PAGE_TABLE.offset = PHYSICAL_MEMORY_OFFSET;
  writeCr0(readCr0() | CR0_WP);
}
