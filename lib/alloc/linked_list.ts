/**
 * lib/alloc/linked_list.ts: the linked-list allocator of blog_os post 11,
 * first fit, which splits blocks and, unlike blog_os's, coalesces neighbours.
 *
 * Input:  a region from init()/extend(); alloc and free calls.
 * Output: blocks of the region; the free blocks form a list stored in the
 *         free memory itself: each starts with a node of two words, its size
 *         and the address of the next free block (0 ends the list).
 * Invariants: every block, free or given out, starts on a 16-byte boundary
 *             and is a multiple of 16 bytes, at least 16 (a node fits in any
 *             free remainder, so no split ever leaves an unusable sliver);
 *             the free list is sorted by address and no two free blocks
 *             touch (free merges a block with the free blocks right before
 *             and after it); the bytes of the free blocks plus the rounded
 *             sizes of the live blocks are the whole region.
 */
import { type HeapAllocator, alignDown, alignUp, checkAlign, readWord, writeWord } from "./heap_allocator.ts";

/** Blocks start on and are sized in multiples of this; also the size of a free-list node (size, next). */
const GRANULE: usize = 16;

/** The bytes a block of `size` takes: rounded up to a multiple of 16, at least 16. */
function blockSize(size: usize): usize {
  return size <= GRANULE ? GRANULE : alignUp(size, GRANULE);
}

function sizeOfBlock(block: usize): usize {
  return readWord(block);
}

function nextOfBlock(block: usize): usize {
  return readWord(block + 8);
}

function writeNode(block: usize, size: usize, next: usize): void {
  writeWord(block, size);
  writeWord(block + 8, next);
}

export class LinkedListAllocator implements HeapAllocator {
  private start: usize = 0;
  private end: usize = 0;
  /** The lowest free block, 0 when none is free. */
  private head: usize = 0;

  init(start: usize, size: usize): void {
    this.start = alignUp(start, GRANULE);
    this.end = alignDown(start + size, GRANULE);
    if (this.end < this.start) this.end = this.start;
    this.head = 0;
    if (this.end > this.start) this.giveBack(this.start, this.end - this.start);
  }

  extend(bytes: usize): void {
    const oldEnd = this.end;
    this.end = alignDown(oldEnd + bytes, GRANULE);
    if (this.end > oldEnd) this.giveBack(oldEnd, this.end - oldEnd);
  }

  alloc(size: usize, align: usize): usize {
    checkAlign(align);
    const capacity = this.end - this.start;
    if (size > capacity || align > capacity) return 0;
    const need = blockSize(size);
    const blockAlign = align > GRANULE ? align : GRANULE;
    let prev: usize = 0;
    let block = this.head;
    while (block !== 0) {
      const blockEnd = block + sizeOfBlock(block);
      const next = nextOfBlock(block);
      const start = alignUp(block, blockAlign);
      if (start < blockEnd && need <= blockEnd - start) {
        // First fit: carve [start, start + need). The part after it stays
        // free in the block's place; so does the part before it (alignment).
        let rest = next;
        const back = blockEnd - (start + need);
        if (back > 0) {
          writeNode(start + need, back, next);
          rest = start + need;
        }
        if (start > block) writeNode(block, start - block, rest);
        else if (prev === 0) this.head = rest;
        else writeWord(prev + 8, rest);
        return start;
      }
      prev = block;
      block = next;
    }
    return 0;
  }

  free(ptr: usize, size: usize, align: usize): void {
    checkAlign(align);
    const bytes = blockSize(size);
    if (ptr < this.start || ptr >= this.end || bytes > this.end - ptr || (ptr & (GRANULE - 1)) !== 0) {
      throw new Error(`linked-list allocator: free of 0x${ptr.toString(16)} (${size} bytes), outside the heap`);
    }
    this.giveBack(ptr, bytes);
  }

  /** Puts [block, block + bytes) on the free list in address order, merged with the free blocks it touches. */
  private giveBack(block: usize, bytes: usize): void {
    let prev: usize = 0;
    let next = this.head;
    while (next !== 0 && next < block) {
      prev = next;
      next = nextOfBlock(next);
    }
    if ((prev !== 0 && prev + sizeOfBlock(prev) > block) || (next !== 0 && block + bytes > next)) {
      throw new Error(`linked-list allocator: free of 0x${block.toString(16)} (${bytes} bytes), which is already free (double free)`);
    }
    let size = bytes;
    let after = next;
    if (next !== 0 && block + bytes === next) {
      size += sizeOfBlock(next);
      after = nextOfBlock(next);
    }
    if (prev !== 0 && prev + sizeOfBlock(prev) === block) {
      writeNode(prev, sizeOfBlock(prev) + size, after);
      return;
    }
    writeNode(block, size, after);
    if (prev === 0) this.head = block;
    else writeWord(prev + 8, block);
  }

  capacity(): usize {
    return this.end - this.start;
  }

  freeBytes(): usize {
    let total: usize = 0;
    for (let block = this.head; block !== 0; block = nextOfBlock(block)) total += sizeOfBlock(block);
    return total;
  }

  /** The number of blocks on the free list (1 when everything is free: the coalescing at work). */
  freeBlocks(): usize {
    let count: usize = 0;
    for (let block = this.head; block !== 0; block = nextOfBlock(block)) count += 1;
    return count;
  }

  largestFree(): usize {
    let largest: usize = 0;
    for (let block = this.head; block !== 0; block = nextOfBlock(block)) {
      if (sizeOfBlock(block) > largest) largest = sizeOfBlock(block);
    }
    return largest;
  }

  footprint(size: usize, align: usize): usize {
    checkAlign(align);
    return blockSize(size);
  }

  /** The first free block (0: none); with nextFree and freeSize, a walk of the free list for tests. */
  firstFree(): usize {
    return this.head;
  }

  nextFree(block: usize): usize {
    return nextOfBlock(block);
  }

  freeSize(block: usize): usize {
    return sizeOfBlock(block);
  }

  check(): void {
    let previousEnd: usize = 0;
    let count: usize = 0;
    const limit = (this.end - this.start) / GRANULE;
    for (let block = this.head; block !== 0; block = nextOfBlock(block)) {
      const size = sizeOfBlock(block);
      count += 1;
      if (count > limit) throw new Error("linked-list allocator: the free list has a cycle");
      if (block < this.start || block >= this.end || size > this.end - block) throw new Error(`linked-list allocator: free block 0x${block.toString(16)} lies outside the heap`);
      if ((block & (GRANULE - 1)) !== 0 || size === 0 || (size & (GRANULE - 1)) !== 0) throw new Error(`linked-list allocator: free block 0x${block.toString(16)} (${size} bytes) is not a whole number of granules`);
      if (previousEnd !== 0 && block <= previousEnd) {
        throw new Error(`linked-list allocator: free block 0x${block.toString(16)} ${block === previousEnd ? "touches the one before it (not coalesced)" : "is out of address order"}`);
      }
      previousEnd = block + size;
    }
  }
}
