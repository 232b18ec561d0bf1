/**
 * kernel/arch/x86_64/paging_mapper.ts: walking, creating and removing
 * mappings in 4-level page tables reached through a physical-memory offset
 * (blog_os post 09's `OffsetPageTable`: `translate_addr`, `map_to`, `unmap`).
 *
 * Intel SDM vol. 3A, 4.5 "4-Level Paging": CR3 holds the level-4 table's
 * physical address; each level's entry selected by 9 bits of the address
 * (figure 4-8) gives the next table, or, with PS set in a level-3 or
 * level-2 entry, a 1 GiB or 2 MiB page (tables 4-15..4-20). 4.10.4.1: after
 * a mapping changes, INVLPG drops the page's stale TLB entry.
 * Input: the level-4 table's physical address and `offset`, the virtual
 * address where physical address 0 is mapped (0 while boot.S's identity map
 * is active); a FrameAllocator for new tables.
 * Output: translate() gives a PhysAddr or null; mapTo() a MapToResult;
 * unmap() an UnmapResult holding the frame or the error. Errors are values,
 * never panics. Invariants: intermediate entries are created present,
 * writable (and user-accessible when the page is), never no-execute, so the
 * last level alone decides a page's permissions; created tables are zeroed.
 */
import { type PhysAddr, type VirtAddr, p1Index, p2Index, p3Index, p4Index } from "../../../lib/x86_64/addr.ts";
import { type Page, type PageSize, type PhysFrame, type Size1GiB, type Size2MiB, type Size4KiB, SIZE_1GIB, SIZE_2MIB, pageStart } from "../../../lib/x86_64/structures/paging/page.ts";
import { HUGE_PAGE, PRESENT, PageTable, PageTableEntry, type PageTableFlags, USER_ACCESSIBLE, WRITABLE, flagsWith } from "../../../lib/x86_64/structures/paging/page_table.ts";
import { type FrameAllocator } from "../../memory/frame_allocator.ts";

/** What mapTo() did. */
export enum MapToResult {
  Mapped,
  /** The last-level entry is already in use; nothing was changed. */
  PageAlreadyMapped,
  /** A level-3 or level-2 entry on the way maps a huge page covering this one. */
  ParentEntryHugePage,
  /** A missing table could not be created: the allocator had no frame left. */
  FrameAllocationFailed,
}

export enum UnmapError {
  /** No entry on the way is present. */
  PageNotMapped = 1,
  /** A huge page covers the address: unmap it as a huge page. */
  ParentEntryHugePage = 2,
}

/**
 * The frame a 4 KiB page was mapped to, or an UnmapError: one word, since a
 * frame's low 12 bits are zero and an error is 1 or 2.
 */
export type UnmapResult = u64 & { readonly __result: "unmap" };

export function isUnmapError(result: UnmapResult): boolean {
  return (result & 0xfff) !== 0;
}

/** The error of a failed unmap (check isUnmapError first: a frame panics). */
export function unmapError(result: UnmapResult): UnmapError {
  if (!isUnmapError(result)) throw new Error("the unmap succeeded: it has no error");
  return result === 1 ? UnmapError.PageNotMapped : UnmapError.ParentEntryHugePage;
}

/** The frame an unmap freed (check isUnmapError first: an error panics). */
export function unmappedFrame(result: UnmapResult): PhysFrame<Size4KiB> {
  if (isUnmapError(result)) throw new Error(`the unmap failed (error ${result})`);
  return result as u64 as PhysFrame<Size4KiB>;
}

const NOT_MAPPED = (1 as u64) as UnmapResult;
const UNDER_HUGE_PAGE = (2 as u64) as UnmapResult;
/** Flags of a created intermediate entry: the last level restricts. */
const TABLE_FLAGS = flagsWith(PRESENT, WRITABLE);

export class OffsetPageTable {
  constructor(public level4: PhysAddr, public offset: u64) {}

  /** The table at physical address `table`, through the offset mapping. */
  table(table: PhysAddr): PageTable {
    return Ptr.at<PageTable>(this.offset + table).read();
  }

  /** The physical address `address` maps to, through 4 KiB, 2 MiB or 1 GiB pages; null if unmapped. */
  translate(address: VirtAddr): PhysAddr | null {
    const l4 = this.table(this.level4).entries[p4Index(address)];
    if (!l4.isPresent()) return null;
    const l3 = this.table(l4.address()).entries[p3Index(address)];
    if (!l3.isPresent()) return null;
    if (l3.isHuge()) return ((l3.address() & ~(SIZE_1GIB - 1)) | (address & (SIZE_1GIB - 1))) as PhysAddr;
    const l2 = this.table(l3.address()).entries[p2Index(address)];
    if (!l2.isPresent()) return null;
    if (l2.isHuge()) return ((l2.address() & ~(SIZE_2MIB - 1)) | (address & (SIZE_2MIB - 1))) as PhysAddr;
    const l1 = this.table(l2.address()).entries[p1Index(address)];
    if (!l1.isPresent()) return null;
    return (l1.address() | (address & 0xfff)) as PhysAddr;
  }

  /** Maps the 4 KiB `page` to `frame` with `flags` (PRESENT is added), creating missing tables. */
  mapTo(page: Page<Size4KiB>, frame: PhysFrame<Size4KiB>, flags: PageTableFlags, allocator: FrameAllocator): MapToResult {
    const address = pageStart(page);
    const parentFlags = flagsWith(TABLE_FLAGS, (flags & USER_ACCESSIBLE) as PageTableFlags);
    const l3 = this.nextTable(this.table(this.level4).entries[p4Index(address)], parentFlags, allocator);
    if (l3 === null) return MapToResult.FrameAllocationFailed;
    const l2Entry = this.table(l3).entries[p3Index(address)];
    if (l2Entry.isPresent() && l2Entry.isHuge()) return MapToResult.ParentEntryHugePage;
    const l2 = this.nextTable(l2Entry, parentFlags, allocator);
    if (l2 === null) return MapToResult.FrameAllocationFailed;
    const l1Entry = this.table(l2).entries[p2Index(address)];
    if (l1Entry.isPresent() && l1Entry.isHuge()) return MapToResult.ParentEntryHugePage;
    const l1 = this.nextTable(l1Entry, parentFlags, allocator);
    if (l1 === null) return MapToResult.FrameAllocationFailed;
    const entry = this.table(l1).entries[p1Index(address)];
    if (!entry.isUnused()) return MapToResult.PageAlreadyMapped;
    entry.setFrame(frame, flagsWith(flags, PRESENT));
    invlpg(address);
    return MapToResult.Mapped;
  }

  /** Maps the 2 MiB `page` to `frame` with a level-2 huge entry. */
  map2MiB(page: Page<Size2MiB>, frame: PhysFrame<Size2MiB>, flags: PageTableFlags, allocator: FrameAllocator): MapToResult {
    const address = pageStart(page);
    const l3 = this.nextTable(this.table(this.level4).entries[p4Index(address)], TABLE_FLAGS, allocator);
    if (l3 === null) return MapToResult.FrameAllocationFailed;
    const l2Entry = this.table(l3).entries[p3Index(address)];
    if (l2Entry.isPresent() && l2Entry.isHuge()) return MapToResult.ParentEntryHugePage;
    const l2 = this.nextTable(l2Entry, TABLE_FLAGS, allocator);
    if (l2 === null) return MapToResult.FrameAllocationFailed;
    return this.setHuge(this.table(l2).entries[p2Index(address)], frame, flags, address);
  }

  /** Maps the 1 GiB `page` to `frame` with a level-3 huge entry (the CPU must support 1 GiB pages). */
  map1GiB(page: Page<Size1GiB>, frame: PhysFrame<Size1GiB>, flags: PageTableFlags, allocator: FrameAllocator): MapToResult {
    const address = pageStart(page);
    const l3 = this.nextTable(this.table(this.level4).entries[p4Index(address)], TABLE_FLAGS, allocator);
    if (l3 === null) return MapToResult.FrameAllocationFailed;
    return this.setHuge(this.table(l3).entries[p3Index(address)], frame, flags, address);
  }

  /** Removes the mapping of the 4 KiB `page` and returns its frame (the caller decides whether to free it). */
  unmap(page: Page<Size4KiB>): UnmapResult {
    const address = pageStart(page);
    const l4 = this.table(this.level4).entries[p4Index(address)];
    if (!l4.isPresent()) return NOT_MAPPED;
    const l3 = this.table(l4.address()).entries[p3Index(address)];
    if (!l3.isPresent()) return NOT_MAPPED;
    if (l3.isHuge()) return UNDER_HUGE_PAGE;
    const l2 = this.table(l3.address()).entries[p2Index(address)];
    if (!l2.isPresent()) return NOT_MAPPED;
    if (l2.isHuge()) return UNDER_HUGE_PAGE;
    const l1 = this.table(l2.address()).entries[p1Index(address)];
    if (!l1.isPresent()) return NOT_MAPPED;
    const frame = l1.address();
    l1.setUnused();
    invlpg(address);
    return frame as u64 as UnmapResult;
  }

  private setHuge(entry: PageTableEntry, frame: PhysFrame<PageSize>, flags: PageTableFlags, address: VirtAddr): MapToResult {
    if (!entry.isUnused()) return MapToResult.PageAlreadyMapped;
    entry.setFrame(frame, flagsWith(flagsWith(flags, PRESENT), HUGE_PAGE));
    invlpg(address);
    return MapToResult.Mapped;
  }

  /** The table `entry` points to, created (zeroed, with `flags`) if the entry is unused; null if no frame is left. */
  private nextTable(entry: PageTableEntry, flags: PageTableFlags, allocator: FrameAllocator): PhysAddr | null {
    if (!entry.isPresent()) return this.createTable(entry, flags, allocator);
    if ((entry.flags() & flags) !== flags) entry.setFlags(flagsWith(entry.flags(), flags));
    return entry.address();
  }

  /** A new zeroed table for the unused `entry` (kept out of line: the common path finds the table present). */
  private createTable(entry: PageTableEntry, flags: PageTableFlags, allocator: FrameAllocator): PhysAddr | null {
    const frame = allocator.allocateFrame();
    if (frame === null) return null;
    this.table(frame as u64 as PhysAddr).zero();
    entry.setFrame(frame, flags);
    return frame as u64 as PhysAddr;
  }
}
