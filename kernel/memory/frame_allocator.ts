/**
 * kernel/memory/frame_allocator.ts: physical frames, handed out and taken
 * back (blog_os post 09's `FrameAllocator` and `BootInfoFrameAllocator`,
 * which cannot free; this one can).
 *
 * Input: the multiboot memory map (Multiboot 0.6.96 §3.3, boot_info.ts) and
 * what must never be handed out though the map may call it usable
 * (ExcludedRanges): the first MiB (real-mode structures, the BIOS data area,
 * VGA memory, as blog_os's bootloader and Linux leave it alone), the kernel
 * image with boot.S's page tables, guard page and stack (.bss.boot), the
 * multiboot information, memory map, command line, module table and modules.
 * Output: `FrameAllocator`, the interface the mapper allocates page tables
 * through, and `BitmapFrameAllocator`: one bit per 4 KiB frame up to the end
 * of the last usable region, set when the frame is free. The bitmap itself
 * lives in the first free frames that fit it, and is excluded too.
 * Invariants: only whole frames inside Usable regions and outside every
 * exclusion are ever free; allocateFrame() returns the lowest free frame (so
 * boot-time page tables come from low memory); deallocating a frame that is
 * not allocated (a double free, an excluded frame) panics. The bitmap is
 * reached at `offset + its physical address`: offset 0 under boot.S's
 * identity map, the physical-memory offset once paging.ts has switched.
 */
import { type PhysAddr, alignDown, alignUp, physAddr } from "../../lib/x86_64/addr.ts";
import { type PhysFrame, type Size4KiB, SIZE_4KIB, frameStart } from "../../lib/x86_64/structures/paging/page.ts";
import { BootInfo, MemoryRegionKind } from "../boot_info.ts";

/** What the mapper needs: frames for new page tables, and a place to return them. */
export interface FrameAllocator {
  /** A free 4 KiB frame, now allocated; null when none is left. */
  allocateFrame(): PhysFrame<Size4KiB> | null;
  /** Gives back a frame allocateFrame() returned. */
  deallocateFrame(frame: PhysFrame<Size4KiB>): void;
}

const FRAMES_PER_WORD: u64 = 64;

// ---- what is never handed out: a fixed table of half-open [start, end) ranges ----

const MAX_RANGES: u32 = 16;
const FIRST_MIB: u64 = 0x10_0000;

/**
 * At most MAX_RANGES ranges (more panics); a layout struct, so it lives
 * inside its owner's static storage with no allocation.
 * @struct
 */
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
    this.add(info.commandLineStart, info.commandLineEnd);
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


/** The index of the lowest set bit of a non-zero word. */
function lowestSetBit(word: u64): u64 {
  let bit: u64 = 0;
  let w = word;
  if ((w & 0xffff_ffff) === 0) { bit += 32; w >>= 32; }
  if ((w & 0xffff) === 0) { bit += 16; w >>= 16; }
  if ((w & 0xff) === 0) { bit += 8; w >>= 8; }
  if ((w & 0xf) === 0) { bit += 4; w >>= 4; }
  if ((w & 0x3) === 0) { bit += 2; w >>= 2; }
  if ((w & 0x1) === 0) bit += 1;
  return bit;
}

export class BitmapFrameAllocator implements FrameAllocator {
  /** Where the bitmap's words are read and written: offset + bitmapStart. */
  private offset: u64 = 0;
  /** Physical address of the bitmap (0 before init). */
  bitmapStart: u64 = 0;
  bitmapFrames: u64 = 0;
  /** Frames 0 .. frameCount-1 have a bit. */
  frameCount: u64 = 0;
  private words: u64 = 0;
  private free: u64 = 0;
  /** No word below this one has a free frame. */
  private hint: u64 = 0;

  /** `excluded`: what is never handed out, filled by init (pass a `new ExcludedRanges()`, static at module level). */
  constructor(readonly excluded: ExcludedRanges) {}

  /**
   * Builds the bitmap from the memory map. `offset` is where physical memory
   * is mapped now (0: identity). Panics if the bitmap fits nowhere.
   */
  init(info: BootInfo, offset: u64): void {
    this.offset = offset;
    this.excluded.fillFrom(info);
    let top: u64 = 0;
    for (let i: u32 = 0; i < info.regionCount(); i++) {
      if (info.regionKind(i) === MemoryRegionKind.Usable && info.regionEnd(i) > top) top = info.regionEnd(i);
    }
    this.frameCount = alignDown(top, SIZE_4KIB) / SIZE_4KIB;
    this.words = (this.frameCount + FRAMES_PER_WORD - 1) / FRAMES_PER_WORD;
    this.bitmapFrames = alignUp(this.words * 8, SIZE_4KIB) / SIZE_4KIB;
    this.bitmapStart = this.placeBitmap(info);
    this.excluded.add(this.bitmapStart, this.bitmapStart + this.bitmapFrames * SIZE_4KIB);
    for (let w: u64 = 0; w < this.words; w++) this.wordAt(w).write(0);
    this.free = 0;
    this.hint = 0;
    for (let i: u32 = 0; i < info.regionCount(); i++) {
      if (info.regionKind(i) !== MemoryRegionKind.Usable) continue;
      const end = alignDown(info.regionEnd(i), SIZE_4KIB);
      for (let frame = alignUp(info.regionStart(i), SIZE_4KIB); frame < end; frame += SIZE_4KIB) {
        if (!this.excluded.overlaps(frame, frame + SIZE_4KIB)) this.markFree(frame / SIZE_4KIB);
      }
    }
  }

  /** Physical memory is now mapped at `offset` (paging.ts, after loading its own tables). */
  setPhysicalMemoryOffset(offset: u64): void {
    this.offset = offset;
  }

  /** How many frames are free now. */
  freeFrames(): u64 {
    return this.free;
  }

  allocateFrame(): PhysFrame<Size4KiB> | null {
    for (let w = this.hint; w < this.words; w++) {
      const word = this.wordAt(w);
      const bits = word.read();
      if (bits === 0) continue;
      const bit = lowestSetBit(bits);
      word.write(bits & ~(u64(1) << bit));
      this.free--;
      this.hint = w;
      return ((w * FRAMES_PER_WORD + bit) * SIZE_4KIB) as PhysFrame<Size4KiB>;
    }
    this.hint = this.words;
    return null;
  }

  deallocateFrame(frame: PhysFrame<Size4KiB>): void {
    const address: PhysAddr = frameStart(frame);
    const index = address / SIZE_4KIB;
    if ((address & (SIZE_4KIB - 1)) !== 0 || index >= this.frameCount) throw new Error(`deallocating 0x${address.toString(16)}, which is no frame of this allocator`);
    if (this.excluded.overlaps(address, address + SIZE_4KIB)) throw new Error(`deallocating frame 0x${address.toString(16)}, which was never free (excluded)`);
    if (this.isFree(index)) throw new Error(`frame 0x${address.toString(16)} deallocated twice`);
    this.markFree(index);
    if (index / FRAMES_PER_WORD < this.hint) this.hint = index / FRAMES_PER_WORD;
  }

  /** Whether frame number `index` is free. */
  isFree(index: u64): boolean {
    return (this.wordAt(index / FRAMES_PER_WORD).read() & (u64(1) << (index % FRAMES_PER_WORD))) !== 0;
  }

  private markFree(index: u64): void {
    if (this.isFree(index)) return; // overlapping usable regions in a loader's map count once
    const word = this.wordAt(index / FRAMES_PER_WORD);
    word.write(word.read() | (u64(1) << (index % FRAMES_PER_WORD)));
    this.free++;
  }

  private wordAt(w: u64): Ptr<u64> {
    return Ptr.at<u64>(this.offset + this.bitmapStart + w * 8);
  }

  /** The first run of bitmapFrames whole frames in one usable region, outside every exclusion. */
  private placeBitmap(info: BootInfo): PhysAddr {
    const bytes = this.bitmapFrames * SIZE_4KIB;
    for (let i: u32 = 0; i < info.regionCount(); i++) {
      if (info.regionKind(i) !== MemoryRegionKind.Usable) continue;
      const end = alignDown(info.regionEnd(i), SIZE_4KIB);
      let start = alignUp(info.regionStart(i), SIZE_4KIB);
      while (start + bytes <= end) {
        const blocker = this.excluded.firstOverlapEnd(start, start + bytes);
        if (blocker === 0) return physAddr(start);
        start = alignUp(blocker, SIZE_4KIB);
      }
    }
    throw new Error(`no usable memory for the frame bitmap (${bytes} bytes)`);
  }
}
