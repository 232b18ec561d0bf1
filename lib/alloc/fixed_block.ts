/**
 * lib/alloc/fixed_block.ts: the fixed-size-block allocator of blog_os post 11.
 *
 * Input:  a region from init()/extend(); alloc and free calls.
 * Output: a request up to 2048 bytes (and alignment) gets a block of the
 *         smallest size class that holds it: 8, 16, 32, ..., 2048 bytes. A
 *         freed block goes onto its class's list (a stack threaded through
 *         the free blocks: each holds the address of the next) and is reused
 *         by the next request of that class. Larger requests, and classes
 *         with an empty list, go to the fallback, a linked-list allocator.
 * Invariants: the nine list heads and the nine list lengths live in the
 *             first 144 bytes of the region (so the allocator itself is a few
 *             words wherever it is stored);
 *             a block of class c is c bytes aligned to c, and once carved
 *             from the fallback it stays in its class (as in blog_os).
 */
import { type HeapAllocator, alignUp, checkAlign, readWord, writeWord } from "./heap_allocator.ts";
import type { LinkedListAllocator } from "./linked_list.ts";

/** The size classes, each a power of two; a class's blocks are aligned to their size. */
const BLOCK_SIZES: usize[] = [8, 16, 32, 64, 128, 256, 512, 1024, 2048];
const CLASSES: usize = 9;
/** The bytes the list heads and their lengths take at the start of the region (18 words). */
const TABLE_BYTES: usize = 144;

export class FixedBlockAllocator implements HeapAllocator {
  private fallback: LinkedListAllocator;
  /** Where the nine list heads are (the start of the region); 0 before init. */
  private table: usize = 0;

  constructor(fallback: LinkedListAllocator) {
    this.fallback = fallback;
  }

  init(start: usize, size: usize): void {
    this.table = alignUp(start, 16);
    const used = this.table + TABLE_BYTES - start;
    if (size < used) throw new Error(`fixed-block allocator: a heap of ${size} bytes has no room for its list heads`);
    for (let i: usize = 0; i < 2 * CLASSES; i++) writeWord(this.table + i * 8, 0);
    this.fallback.init(this.table + TABLE_BYTES, size - used);
  }

  extend(bytes: usize): void {
    this.fallback.extend(bytes);
  }

  alloc(size: usize, align: usize): usize {
    checkAlign(align);
    const c = classOf(size, align);
    if (c === CLASSES) return this.fallback.alloc(size, align);
    const head = this.headOf(c);
    if (head !== 0) {
      this.setHead(c, readWord(head));
      this.setLength(c, this.cachedBlocks(c) - 1);
      return head;
    }
    const blockSize = BLOCK_SIZES[c]!;
    return this.fallback.alloc(blockSize, blockSize);
  }

  free(ptr: usize, size: usize, align: usize): void {
    checkAlign(align);
    const c = classOf(size, align);
    if (c === CLASSES) {
      this.fallback.free(ptr, size, align);
      return;
    }
    writeWord(ptr, this.headOf(c));
    this.setHead(c, ptr);
    this.setLength(c, this.cachedBlocks(c) + 1);
  }

  private headOf(c: usize): usize {
    return readWord(this.table + c * 8);
  }

  private setHead(c: usize, block: usize): void {
    writeWord(this.table + c * 8, block);
  }

  private setLength(c: usize, length: usize): void {
    writeWord(this.table + (CLASSES + c) * 8, length);
  }

  /** The number of free blocks on the list of class `c` (0..8: 8 bytes..2048 bytes), as counted by alloc and free. */
  cachedBlocks(c: usize): usize {
    return readWord(this.table + (CLASSES + c) * 8);
  }

  /** The first free block of class `c` (0: none); the next one is the word stored in it. */
  firstCached(c: usize): usize {
    return this.headOf(c);
  }

  /** The block size of class `c`. */
  classSize(c: usize): usize {
    return BLOCK_SIZES[c]!;
  }

  /** The linked-list allocator behind the size classes. */
  fallbackAllocator(): LinkedListAllocator {
    return this.fallback;
  }

  capacity(): usize {
    return this.fallback.capacity();
  }

  freeBytes(): usize {
    let total = this.fallback.freeBytes();
    for (let c: usize = 0; c < CLASSES; c++) total += this.cachedBlocks(c) * this.fallback.footprint(BLOCK_SIZES[c]!, BLOCK_SIZES[c]!);
    return total;
  }

  largestFree(): usize {
    const fallback = this.fallback.largestFree();
    for (let c = CLASSES; c > 0; c--) {
      if (this.headOf(c - 1) !== 0) return BLOCK_SIZES[c - 1]! > fallback ? BLOCK_SIZES[c - 1]! : fallback;
    }
    return fallback;
  }

  footprint(size: usize, align: usize): usize {
    checkAlign(align);
    const c = classOf(size, align);
    if (c === CLASSES) return this.fallback.footprint(size, align);
    return this.fallback.footprint(BLOCK_SIZES[c]!, BLOCK_SIZES[c]!);
  }

  check(): void {
    this.fallback.check();
    const capacity = this.fallback.capacity();
    for (let c: usize = 0; c < CLASSES; c++) {
      let count: usize = 0;
      for (let block = this.headOf(c); block !== 0; block = readWord(block)) {
        count += 1;
        if (count > capacity / 8) throw new Error(`fixed-block allocator: the list of ${BLOCK_SIZES[c]!}-byte blocks has a cycle`);
        if (block < this.table + TABLE_BYTES || block - this.table - TABLE_BYTES >= capacity || (block & (BLOCK_SIZES[c]! - 1)) !== 0) {
          throw new Error(`fixed-block allocator: cached block 0x${block.toString(16)} of class ${BLOCK_SIZES[c]!} is outside the heap or misaligned`);
        }
      }
      if (count !== this.cachedBlocks(c)) throw new Error(`fixed-block allocator: the list of ${BLOCK_SIZES[c]!}-byte blocks has ${count} blocks, not ${this.cachedBlocks(c)}`);
    }
  }
}

/** The index of the smallest class that holds `size` bytes aligned to `align`; CLASSES when none does. */
function classOf(size: usize, align: usize): usize {
  const required = size > align ? size : align;
  for (let c: usize = 0; c < CLASSES; c++) {
    if (BLOCK_SIZES[c]! >= required) return c;
  }
  return CLASSES;
}
