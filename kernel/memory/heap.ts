/**
 * kernel/memory/heap.ts: the kernel heap (blog_os post 10's `init_heap` and
 * post 11's choice of allocator), with growth on demand.
 *
 * Input:  the kernel's page tables and frame allocator (memory.ts, after
 *         init()); HEAP_ALLOCATOR, the design picked at build time
 *         (`tsos build/test --allocator bump|linked-list|fixed-block`,
 *         default fixed-block; lib/alloc).
 * Output: initHeap() maps HEAP_SIZE bytes at HEAP_START page by page, hands
 *         them to the chosen allocator and installs KERNEL_HEAP as the global
 *         allocator; it returns the first mapping error as a MapToResult
 *         (Mapped: success). KERNEL_HEAP counts the live blocks and bytes.
 * Invariants: when the allocator has no room, the heap maps more pages right
 *         after its end, GROWTH_STEP at a time, up to HEAP_LIMIT, and asks
 *         again; only then does alloc return 0, which the runtime turns into
 *         the out-of-memory panic (size, alignment, TypeScript location). No
 *         allocation happens in here (the global allocator's code never
 *         allocates), and none from interrupt handlers, so no lock is needed
 *         on one CPU (blog_os wraps its allocators in a spin lock instead).
 */
import { MapToResult } from "../arch/x86_64/paging_mapper.ts";
import { kernelPageTable, noExecute } from "../arch/x86_64/paging.ts";
import { virtAddr } from "../../lib/x86_64/addr.ts";
import { pageContaining } from "../../lib/x86_64/structures/paging/page.ts";
import { PRESENT, WRITABLE, flagsWith } from "../../lib/x86_64/structures/paging/page_table.ts";
import { type HeapAllocator, alignUp } from "../../lib/alloc/heap_allocator.ts";
import { BumpAllocator } from "../../lib/alloc/bump.ts";
import { LinkedListAllocator } from "../../lib/alloc/linked_list.ts";
import { FixedBlockAllocator } from "../../lib/alloc/fixed_block.ts";
import { frameAllocator } from "./memory.ts";

/** Where the heap starts (blog_os's HEAP_START): far from everything else, easy to spot in a fault. */
export const HEAP_START: u64 = 0x4444_4444_0000;
/** The heap mapped at boot (blog_os's HEAP_SIZE, 100 KiB). */
export const HEAP_SIZE: u64 = 100 * 1024;
/** How far the heap may grow on demand before an allocation fails. */
export const HEAP_LIMIT: u64 = 1024 * 1024;
/** The smallest growth step. */
const GROWTH_STEP: u64 = 16 * 1024;
const PAGE_SIZE: u64 = 4096;

const BUMP = new BumpAllocator();
const LINKED_LIST = new LinkedListAllocator();
const FIXED_BLOCK = new FixedBlockAllocator(new LinkedListAllocator());

/** The allocator this kernel was built with. */
function chosenAllocator(): HeapAllocator {
  if (HEAP_ALLOCATOR === "bump") return BUMP;
  if (HEAP_ALLOCATOR === "linked-list") return LINKED_LIST;
  return FIXED_BLOCK;
}

/** The global allocator: the chosen design over [HEAP_START, mappedEnd), growing up to HEAP_LIMIT. */
export class KernelHeap implements GlobalAllocator {
  private mappedEnd: u64 = HEAP_START;
  private liveBlocks: u64 = 0;
  private liveBytes: u64 = 0;
  private growths: u64 = 0;

  constructor(private readonly inner: HeapAllocator) {}

  /** Maps the first HEAP_SIZE bytes and hands them to the allocator. */
  init(): MapToResult {
    const result = mapPages(HEAP_START, HEAP_SIZE);
    if (result !== MapToResult.Mapped) return result;
    this.mappedEnd = HEAP_START + HEAP_SIZE;
    this.inner.init(HEAP_START, HEAP_SIZE);
    return MapToResult.Mapped;
  }

  alloc(size: usize, align: usize): usize {
    while (true) {
      const block = this.inner.alloc(size, align);
      if (block !== 0) {
        this.liveBlocks += 1;
        this.liveBytes += size;
        return block;
      }
      if (!this.grow(size, align)) return 0;
    }
  }

  free(ptr: usize, size: usize, align: usize): void {
    this.inner.free(ptr, size, align);
    this.liveBlocks -= 1;
    this.liveBytes -= size;
  }

  /** Maps at least enough pages after the end for `size` bytes aligned to `align`; false at HEAP_LIMIT or when mapping fails. */
  private grow(size: usize, align: usize): boolean {
    const limit = HEAP_START + HEAP_LIMIT;
    if (this.mappedEnd >= limit) return false;
    const wanted = alignUp(size + align + 64, PAGE_SIZE);
    let bytes = wanted > GROWTH_STEP ? wanted : GROWTH_STEP;
    if (bytes > limit - this.mappedEnd) bytes = limit - this.mappedEnd;
    if (mapPages(this.mappedEnd, bytes) !== MapToResult.Mapped) return false;
    this.mappedEnd += bytes;
    this.inner.extend(bytes);
    this.growths += 1;
    return true;
  }

  /** Blocks given out and not yet freed. */
  blocks(): u64 {
    return this.liveBlocks;
  }

  /** Bytes asked for by the live blocks. */
  bytes(): u64 {
    return this.liveBytes;
  }

  /** Bytes mapped for the heap (HEAP_SIZE plus what growth added). */
  mappedBytes(): u64 {
    return this.mappedEnd - HEAP_START;
  }

  /** How many times the heap grew. */
  growCount(): u64 {
    return this.growths;
  }

  /** The allocator's own view: free bytes, largest block, consistency check. */
  allocator(): HeapAllocator {
    return this.inner;
  }
}

/** Maps [start, start + bytes) page by page to fresh frames, read-write, no-execute (when the CPU has NX); the first error stops it. */
function mapPages(start: u64, bytes: u64): MapToResult {
  const mapper = kernelPageTable();
  const flags = flagsWith(flagsWith(PRESENT, WRITABLE), noExecute());
  for (let address = start; address < start + bytes; address += PAGE_SIZE) {
    const frame = frameAllocator().allocateFrame();
    if (frame === null) return MapToResult.FrameAllocationFailed;
    const result = mapper.mapTo(pageContaining(virtAddr(address)), frame, flags, frameAllocator());
    if (result !== MapToResult.Mapped) {
      frameAllocator().deallocateFrame(frame);
      return result;
    }
  }
  return MapToResult.Mapped;
}

export const KERNEL_HEAP = new KernelHeap(chosenAllocator());

/** The blocks of the kernel heap given out and not yet freed (heap_demo.ts shows it). */
export function liveHeapBlocks(): u64 {
  return KERNEL_HEAP.blocks();
}

/**
 * Maps the heap and installs it as the global allocator (after init(): the
 * page tables and the frame allocator must exist). Mapped on success, else
 * the mapping error; nothing is installed then.
 */
export function initHeap(): MapToResult {
  const result = KERNEL_HEAP.init();
  if (result === MapToResult.Mapped) setGlobalAllocator(KERNEL_HEAP);
  return result;
}

/** initHeap(), panicking on a mapping error (blog_os's `init_heap(...).expect("heap initialization failed")`). */
export function initHeapOrPanic(): void {
  const result = initHeap();
  if (result === MapToResult.PageAlreadyMapped) throw new Error("heap initialization failed: a heap page is already mapped");
  if (result === MapToResult.ParentEntryHugePage) throw new Error("heap initialization failed: a huge page covers the heap");
  if (result === MapToResult.FrameAllocationFailed) throw new Error("heap initialization failed: no frame left");
}
