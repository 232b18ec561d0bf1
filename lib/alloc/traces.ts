/**
 * lib/alloc/traces.ts: the allocation traces of the heap allocator
 * benchmarks, shared by the hosted program (bench/programs/alloc_trace.ts,
 * compared with bench/c/alloc_trace.c, which has the same traces in C) and
 * the kernel's (kernel/bench/alloc_bench.ts, the kernel heap in QEMU).
 *
 * Input:  a HeapAllocator over a region; the trace and its operations.
 * Output: Trace's counters: allocs, frees, drains, peak live bytes, peak
 *         footprint (the highest block end, from the heap start), a checksum
 *         of the blocks' offsets (so no work can be optimized away, and C and
 *         TypeScript can be compared line for line).
 * Traces (xorshift64, seed 1):
 *   small:  sizes 16..64 by 16, alignment 16; a FIFO of 64 live blocks (each
 *           step frees the oldest, allocates a new one).
 *   mixed:  sizes 1..64 (70%), 65..512 (25%), 513..4096 (5%), alignment 8;
 *           up to 1024 live blocks, random alloc/free, random victim.
 *   churn:  2000 long-lived blocks (32..256 bytes) allocated first and held
 *           to the end; then small short-lived blocks (16..128) in a FIFO of 32.
 *   When an allocation fails, every live block is freed (a drain) and the
 *   trace goes on: the bump allocator only gets memory back that way.
 * Invariants: nothing here allocates (the live blocks are kept in static
 *         layout structs, 4096 at most); no block is checked (the fuzz of
 *         test/heap-allocators.test.ts does that).
 */
import { type HeapAllocator } from "./heap_allocator.ts";

const SLOTS: u64 = 4096;

/** The live blocks: a ring (FIFO traces) or a set with swap-remove (mixed), fixed size, no allocation. @struct */
class Live {
  ptrs!: FixedArray<u64, 4096>;
  sizes!: FixedArray<u64, 4096>;
}
const LIVE = new Live();
const LONG = new Live();

let state: u64 = 1;
/** xorshift64, seed 1 (bench/c/alloc_trace.c has the same). */
function next(): u64 {
  let x = state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  state = x;
  return x;
}

export class Trace {
  allocs: u64 = 0;
  frees: u64 = 0;
  drains: u64 = 0;
  checksum: u64 = 0;
  liveBytes: u64 = 0;
  peakLive: u64 = 0;
  /** The highest block end seen, relative to the heap start. */
  peakFootprint: u64 = 0;
  /** Live blocks: LIVE[head .. head + count) for FIFOs, LIVE[0 .. count) for mixed. */
  head: u64 = 0;
  count: u64 = 0;
  longCount: u64 = 0;

  constructor(
    readonly a: HeapAllocator,
    /** False: the trace alone, with made-up addresses (the baseline subtracted from timings). */
    readonly useAllocator: boolean,
    /** True for the bump allocator: a drain must free the long-lived blocks too, or nothing comes back. */
    readonly drainAll: boolean,
    readonly base: u64,
    readonly heapSize: u64,
  ) {
    state = 1;
  }

  /** Back to the start (counters zero, the generator at its seed), for another trace; the live blocks must be drained first. */
  reset(): void {
    state = 1;
    this.allocs = 0;
    this.frees = 0;
    this.drains = 0;
    this.checksum = 0;
    this.liveBytes = 0;
    this.peakLive = 0;
    this.peakFootprint = 0;
    this.head = 0;
    this.count = 0;
    this.longCount = 0;
  }

  /** The alignment a trace allocates with (what its blocks must be freed with). */
  static alignOf(trace: Text): u64 {
    return trace === "mixed" ? 8 : 16;
  }

  /** One allocation; 0 when the allocator had no room. */
  alloc(size: u64, align: u64): u64 {
    let p: u64 = 0;
    if (this.useAllocator) p = this.a.alloc(size, align);
    else p = this.base + ((this.allocs * 64) % this.heapSize);
    if (p === 0) return 0;
    this.allocs += 1;
    this.checksum += (p - this.base) & 0xfff;
    this.liveBytes += size;
    if (this.liveBytes > this.peakLive) this.peakLive = this.liveBytes;
    if (p + size - this.base > this.peakFootprint) this.peakFootprint = p + size - this.base;
    return p;
  }

  free(p: u64, size: u64, align: u64): void {
    if (this.useAllocator) this.a.free(p, size, align);
    this.frees += 1;
    this.liveBytes -= size;
  }

  /** Frees every short-lived block (FIFO or set) and, with `all`, the long-lived ones. */
  drain(align: u64, all: boolean): void {
    for (let i: u64 = 0; i < this.count; i++) {
      const slot = (this.head + i) % SLOTS;
      this.free(LIVE.ptrs[slot], LIVE.sizes[slot], align);
    }
    this.head = 0;
    this.count = 0;
    if (all) {
      for (let i: u64 = 0; i < this.longCount; i++) this.free(LONG.ptrs[i], LONG.sizes[i], 16);
      this.longCount = 0;
    }
  }

  /** A FIFO of `window` blocks: each step frees the oldest once full, then allocates. */
  fifoStep(size: u64, align: u64, window: u64): void {
    if (this.count === window) {
      this.free(LIVE.ptrs[this.head], LIVE.sizes[this.head], align);
      this.head = (this.head + 1) % SLOTS;
      this.count -= 1;
    }
    let p = this.alloc(size, align);
    if (p === 0) {
      this.drains += 1;
      this.drain(align, this.longCount > 0 && this.drainAll);
      p = this.alloc(size, align);
      if (p === 0) throw new Error(`alloc(${size}, ${align}) fails on an empty heap`);
    }
    const slot = (this.head + this.count) % SLOTS;
    LIVE.ptrs[slot] = p;
    LIVE.sizes[slot] = size;
    this.count += 1;
  }

  small(ops: u64): void {
    for (let i: u64 = 0; i < ops; i++) this.fifoStep(16 + (next() % 4) * 16, 16, 64);
  }

  mixed(ops: u64): void {
    for (let i: u64 = 0; i < ops; i++) {
      const r = next();
      if (this.count > 0 && (this.count === 1024 || r % 2 === 0)) {
        const victim = (r >> 8) % this.count;
        this.free(LIVE.ptrs[victim], LIVE.sizes[victim], 8);
        this.count -= 1;
        LIVE.ptrs[victim] = LIVE.ptrs[this.count];
        LIVE.sizes[victim] = LIVE.sizes[this.count];
        continue;
      }
      const kind = (r >> 8) % 100;
      let size: u64 = 0;
      if (kind < 70) size = ((r >> 16) % 64) + 1;
      else if (kind < 95) size = ((r >> 16) % 448) + 65;
      else size = ((r >> 16) % 3584) + 513;
      let p = this.alloc(size, 8);
      if (p === 0) {
        this.drains += 1;
        this.drain(8, false);
        p = this.alloc(size, 8);
        if (p === 0) throw new Error(`alloc(${size}, 8) fails on an empty heap`);
      }
      LIVE.ptrs[this.count] = p;
      LIVE.sizes[this.count] = size;
      this.count += 1;
    }
  }

  churn(ops: u64): void {
    for (let i: u64 = 0; i < 2000; i++) {
      const size = 32 + (next() % 225);
      const p = this.alloc(size, 16);
      if (p === 0) throw new Error("the long-lived blocks do not fit");
      LONG.ptrs[i] = p;
      LONG.sizes[i] = size;
      this.longCount += 1;
    }
    for (let i: u64 = 0; i < ops; i++) this.fifoStep(16 + (next() % 113), 16, 32);
  }
}

/** Runs `trace` (small, mixed or churn) for `ops` operations; false for an unknown trace. */
export function runTrace(t: Trace, trace: Text, ops: u64): boolean {
  if (trace === "small") t.small(ops);
  else if (trace === "mixed") t.mixed(ops);
  else if (trace === "churn") t.churn(ops);
  else return false;
  return true;
}
