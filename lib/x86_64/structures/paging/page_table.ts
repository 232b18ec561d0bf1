/**
 * lib/x86_64/structures/paging/page_table.ts: a page table and its entries,
 * after the x86_64 crate's `PageTable`, `PageTableEntry` and
 * `PageTableFlags` (blog_os post 09).
 *
 * Intel SDM vol. 3A, 4.5 "4-Level Paging": every level's table is one 4 KiB
 * frame of 512 eight-byte entries (4.5.4, tables 4-14 to 4-20). An entry
 * holds flags in bits 0-11 and 63 (below) and, in bits 12-51, the physical
 * address of the next table or of the mapped page (aligned to 2 MiB or
 * 1 GiB when PS is set). A zero entry is unused (not present).
 * Invariants: a PageTable is always a whole frame, 4096-aligned; it is only
 * reached through a Ptr (the CPU finds it by physical address, the kernel
 * through its mapping), never allocated.
 */
import { type PhysAddr } from "../../addr.ts";
import { type PageSize, type PhysFrame } from "./page.ts";

/** The flags of a page-table entry (table 4-19 for a 4 KiB page; the other levels agree on these bits). */
export type PageTableFlags = u64 & { readonly __bits: "PageTableFlags" };

/** P: the entry maps something; otherwise the CPU ignores every other bit. */
export const PRESENT = (1 as u64) as PageTableFlags;
/** R/W: writes allowed (for supervisor code only with CR0.WP = 1, 4.6). */
export const WRITABLE = (2 as u64) as PageTableFlags;
/** U/S: user-mode (CPL 3) accesses allowed. */
export const USER_ACCESSIBLE = (4 as u64) as PageTableFlags;
/** PWT: write-through caching. */
export const WRITE_THROUGH = (8 as u64) as PageTableFlags;
/** PCD: caching disabled (memory-mapped I/O). */
export const NO_CACHE = (0x10 as u64) as PageTableFlags;
/** A: set by the CPU when the entry is used in a translation. */
export const ACCESSED = (0x20 as u64) as PageTableFlags;
/** D: set by the CPU on a write to the page (last level only). */
export const DIRTY = (0x40 as u64) as PageTableFlags;
/** PS: in a level-3 or level-2 entry, the entry maps a 1 GiB or 2 MiB page itself. */
export const HUGE_PAGE = (0x80 as u64) as PageTableFlags;
/** G: the translation survives a CR3 load (with CR4.PGE). */
export const GLOBAL = (0x100 as u64) as PageTableFlags;
/** XD: instruction fetches from the page fault (needs IA32_EFER.NXE, else the bit is reserved). */
export const NO_EXECUTE = (0x8000_0000_0000_0000 as u64) as PageTableFlags;

/** Every flag bit: the entry minus its address. */
const FLAG_BITS: u64 = 0x8000_0000_0000_0fff;
/** Bits 12-51: the physical address. */
const ADDRESS_MASK: u64 = 0x000f_ffff_ffff_f000;

/** The union of two flag sets. */
export function flagsWith(a: PageTableFlags, b: PageTableFlags): PageTableFlags {
  return (a | b) as PageTableFlags;
}

/** `flags` without the bits of `removed`. */
export function flagsWithout(flags: PageTableFlags, removed: PageTableFlags): PageTableFlags {
  return (flags & ~removed) as PageTableFlags;
}

/** Whether every bit of `wanted` is set in `flags`. */
export function hasFlags(flags: PageTableFlags, wanted: PageTableFlags): boolean {
  return (flags & wanted) === wanted;
}

/**
 * One eight-byte entry.
 * @struct
 */
export class PageTableEntry {
  entry: u64 = 0;

  isUnused(): boolean {
    return this.entry === 0;
  }

  setUnused(): void {
    this.entry = 0;
  }

  flags(): PageTableFlags {
    return (this.entry & FLAG_BITS) as PageTableFlags;
  }

  isPresent(): boolean {
    return (this.entry & PRESENT) !== 0;
  }

  isHuge(): boolean {
    return (this.entry & HUGE_PAGE) !== 0;
  }

  /** The physical address in bits 12-51: the next table, or the page's frame. */
  address(): PhysAddr {
    return (this.entry & ADDRESS_MASK) as PhysAddr;
  }

  /** Points the entry at `frame` (of any size: the caller sets HUGE_PAGE for 2 MiB and 1 GiB) with `flags`. */
  setFrame(frame: PhysFrame<PageSize>, flags: PageTableFlags): void {
    this.entry = (frame & ADDRESS_MASK) | flags;
  }

  /** Replaces the flags, keeping the address. */
  setFlags(flags: PageTableFlags): void {
    this.entry = (this.entry & ADDRESS_MASK) | flags;
  }
}
staticAssert(sizeOf<PageTableEntry>() === 8, "a page-table entry is 8 bytes (SDM vol. 3A, 4.5.4)");

/**
 * A table of any level: 512 entries, one 4 KiB frame.
 * @struct
 */
export class PageTable {
  entries!: FixedArray<PageTableEntry, 512>;

  /** Clears every entry (a fresh table maps nothing). */
  zero(): void {
    for (let i: u32 = 0; i < 512; i++) this.entries[i].setUnused();
  }
}
staticAssert(sizeOf<PageTable>() === 4096, "a page table is one 4 KiB frame");

export const ENTRY_COUNT: u32 = 512;
