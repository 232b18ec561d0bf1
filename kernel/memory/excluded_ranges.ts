/**
 * kernel/memory/excluded_ranges.ts: the physical memory the frame allocator
 * must never hand out, though the memory map may call it usable.
 *
 * Input: bootInfo() (boot_info.ts): the kernel image [kernelStart,
 * kernelEnd), which holds boot.S's page tables, guard page and stack in
 * .bss.boot; the multiboot information structure, memory map and module
 * table, and each module (Multiboot 0.6.96 §3.3); and the first MiB (real-
 * mode structures, the BIOS data area, VGA memory, as blog_os's bootloader
 * and Linux leave it alone).
 * Output: a fixed table of half-open [start, end) ranges with overlap
 * queries. Invariants: no allocation (a layout struct in the allocator's
 * static object); at most MAX_RANGES ranges, more panics.
 */
import { BootInfo } from "../boot_info.ts";

const MAX_RANGES: u32 = 16;
const FIRST_MIB: u64 = 0x10_0000;

/** @struct */
export class ExcludedRanges {
  private starts!: FixedArray<u64, 16>;
  private ends!: FixedArray<u64, 16>;
  count: u32 = 0;

  /** Resets the table to the exclusions `info` implies. */
  fillFrom(info: BootInfo): void {
    this.count = 0;
    this.add(0, FIRST_MIB);
    this.add(info.kernelStart, info.kernelEnd);
    this.add(info.infoStart, info.infoEnd);
    this.add(info.mapStart, info.mapEnd);
    this.add(info.modulesStart, info.modulesEnd);
    for (let i: u32 = 0; i < info.moduleCount(); i++) this.add(info.moduleStart(i), info.moduleEnd(i));
  }

  /** Adds [start, end); an empty range is ignored. */
  add(start: u64, end: u64): void {
    if (end <= start) return;
    if (this.count === MAX_RANGES) throw new Error(`more than ${MAX_RANGES} excluded memory ranges`);
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  start(index: u32): u64 {
    return this.starts[index];
  }

  end(index: u32): u64 {
    return this.ends[index];
  }

  /** Whether [start, end) shares a byte with an excluded range. */
  overlaps(start: u64, end: u64): boolean {
    return this.firstOverlapEnd(start, end) !== 0;
  }

  /** The end of the first excluded range that shares a byte with [start, end), or 0 if none does. */
  firstOverlapEnd(start: u64, end: u64): u64 {
    for (let i: u32 = 0; i < this.count; i++) {
      if (this.starts[i] < end && start < this.ends[i]) return this.ends[i];
    }
    return 0;
  }
}
