/**
 * bench/programs/alloc_trace.ts: one allocation trace (lib/alloc/traces.ts)
 * against one heap allocator of lib/alloc; bench/alloc.ts times it against
 * bench/c/alloc_trace.c, the same algorithms and traces in C.
 *
 * Input:  argv: the allocator (bump, linked-list, fixed-block, or none: the
 *         trace alone, no allocator), the trace (small, mixed, churn), the
 *         number of operations. The heap is 4 MiB of a static byte array,
 *         from a 4 KiB boundary.
 * Output: one line: `<allocator> <trace>: <n> allocs <n> frees <n> drains
 *         peak-footprint <bytes> peak-live <bytes> largest-free <bytes>
 *         checksum <n>`; the C program prints the same line.
 */
import { type HeapAllocator } from "../../lib/alloc/heap_allocator.ts";
import { BumpAllocator } from "../../lib/alloc/bump.ts";
import { LinkedListAllocator } from "../../lib/alloc/linked_list.ts";
import { FixedBlockAllocator } from "../../lib/alloc/fixed_block.ts";
import { Trace, runTrace } from "../../lib/alloc/traces.ts";

const HEAP_SIZE: u64 = 4_194_304; // 4 MiB

/** The heap, with a page to spare: the heap starts at its first 4 KiB boundary (as in the C program). @struct */
class Arena {
  words!: FixedArray<u64, 524800>;
}
const ARENA = new Arena();

const BUMP = new BumpAllocator();
const LINKED_LIST = new LinkedListAllocator();
const FIXED_BLOCK = new FixedBlockAllocator(new LinkedListAllocator());

const name = process.argv[2] ?? "linked-list";
const trace = process.argv[3] ?? "mixed";
const ops = u64(Number(process.argv[4] ?? "1000000"));
const base = (Ptr.to(ARENA).address + 4095) & ~u64(4095);
let allocator: HeapAllocator = LINKED_LIST;
if (name === "bump") allocator = BUMP;
else if (name === "fixed-block") allocator = FIXED_BLOCK;
else if (name !== "linked-list" && name !== "none") throw new Error(`unknown allocator ${name}`);
allocator.init(base, HEAP_SIZE);
const t = new Trace(allocator, name !== "none", name === "bump", base, HEAP_SIZE);
if (!runTrace(t, trace, ops)) throw new Error(`unknown trace ${trace}`);
const largest = name === "none" ? 0 : allocator.largestFree();
console.log(`${name} ${trace}: ${t.allocs} allocs ${t.frees} frees ${t.drains} drains peak-footprint ${t.peakFootprint} peak-live ${t.peakLive} largest-free ${largest} checksum ${t.checksum}`);
