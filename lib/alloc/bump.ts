/**
 * lib/alloc/bump.ts: the bump allocator of blog_os post 11.
 *
 * Input:  a region from init()/extend(); alloc and free calls.
 * Output: blocks carved one after the other from a counter (`next`) that only
 *         moves up; a count of live allocations.
 * Invariants: start <= next <= end; `allocations` is the number of blocks
 *             given out and not yet freed; when it drops to 0 the counter
 *             goes back to the start (the whole region is free again). A
 *             block freed while others live is lost until then: a long-lived
 *             object keeps the heap from ever resetting (post 11's
 *             many_boxes_long_lived fails under this allocator, by design).
 */
import { type HeapAllocator, alignUp, checkAlign } from "./heap_allocator.ts";

export class BumpAllocator implements HeapAllocator {
  private start: usize = 0;
  private end: usize = 0;
  private next: usize = 0;
  private allocations: usize = 0;

  init(start: usize, size: usize): void {
    this.start = start;
    this.end = start + size;
    this.next = start;
    this.allocations = 0;
  }

  extend(bytes: usize): void {
    this.end += bytes;
  }

  alloc(size: usize, align: usize): usize {
    checkAlign(align);
    // Distinct live blocks get distinct addresses, so a zero-size request takes a byte.
    const bytes = size === 0 ? 1 : size;
    if (align > this.end - this.next) return 0;
    const start = alignUp(this.next, align);
    if (bytes > this.end - start) return 0;
    this.next = start + bytes;
    this.allocations += 1;
    return start;
  }

  free(ptr: usize, size: usize, align: usize): void {
    checkAlign(align);
    if (this.allocations === 0 || ptr < this.start || ptr + size > this.next) {
      throw new Error(`bump allocator: free of 0x${ptr.toString(16)} (${size} bytes), which is not a live block`);
    }
    this.allocations -= 1;
    if (this.allocations === 0) this.next = this.start;
  }

  /** The number of blocks given out and not yet freed. */
  liveAllocations(): usize {
    return this.allocations;
  }

  /** Whether the counter is back at the start of the region (everything freed). */
  isReset(): boolean {
    return this.next === this.start;
  }

  capacity(): usize {
    return this.end - this.start;
  }

  freeBytes(): usize {
    return this.end - this.next;
  }

  largestFree(): usize {
    const start = alignUp(this.next, 16);
    return start < this.end ? this.end - start : 0;
  }

  footprint(size: usize, align: usize): usize {
    checkAlign(align);
    if (size === 0) return 0;
    return 0; // bump never frees a single block: nothing to account
  }

  check(): void {
    if (this.next < this.start || this.next > this.end) throw new Error("bump allocator: the counter left the region");
    if (this.allocations === 0 && this.next !== this.start) throw new Error("bump allocator: no live block but the counter was not reset");
  }
}
