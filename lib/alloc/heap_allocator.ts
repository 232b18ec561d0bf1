/**
 * lib/alloc/heap_allocator.ts: what the three heap allocators of blog_os post
 * 11 (bump.ts, linked_list.ts, fixed_block.ts) have in common.
 *
 * Input:  a region of memory [start, start + size) handed over by init(),
 *         later grown at its end by extend() (the kernel maps more pages).
 * Output: HeapAllocator, the GlobalAllocator (lib/tsos.d.ts) plus what the
 *         kernel and the tests need to manage and inspect a heap; word and
 *         alignment helpers over raw addresses.
 * Invariants: allocator code never allocates (it runs inside the global
 *             allocator); it reads and writes the region only through
 *             readWord/writeWord (one C type, uint64_t, for every access).
 */

/** A heap allocator over one growable region of memory. */
export interface HeapAllocator extends GlobalAllocator {
  /** Hands over [start, start + size); called once, before the first alloc. */
  init(start: usize, size: usize): void;
  /** Adds `bytes` bytes right after the end of the region (the heap grew). */
  extend(bytes: usize): void;
  /** The bytes of the region this allocator manages (after init and every extend). */
  capacity(): usize;
  /** The bytes still free for allocation (bump: those after the counter). */
  freeBytes(): usize;
  /** The largest size that alloc(size, 16) can still return (0 when nothing fits). */
  largestFree(): usize;
  /** The bytes a live block of this size and alignment takes from freeBytes (0 for bump, which frees nothing until reset). */
  footprint(size: usize, align: usize): usize;
  /** Panics when the allocator's own structures are broken (a test hook: walks every free list). */
  check(): void;
}

/** Reads the machine word at `address`. */
export function readWord(address: usize): usize {
  return Ptr.at<usize>(address).read();
}

/** Writes the machine word at `address`. */
export function writeWord(address: usize, value: usize): void {
  Ptr.at<usize>(address).write(value);
}

/** The smallest multiple of `align` (a power of two) at or above `value`. */
export function alignUp(value: usize, align: usize): usize {
  return (value + align - 1) & ~(align - 1);
}

/** The largest multiple of `align` (a power of two) at or below `value`. */
export function alignDown(value: usize, align: usize): usize {
  return value & ~(align - 1);
}

/** Panics unless `align` is a power of two (what every alloc and free requires). */
export function checkAlign(align: usize): void {
  if (align === 0 || (align & (align - 1)) !== 0) throw new Error(`alignment ${align} is not a power of two`);
}
