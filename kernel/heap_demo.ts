/**
 * kernel/heap_demo.ts: the boot sequence's heap demonstration (blog_os post
 * 10's `kernel_main`): a boxed value and its address, an array of 500
 * numbers, and a shared object held twice, then once.
 *
 * Input:  the kernel heap, installed as the global allocator (initHeap).
 * Output: four lines on the console; the live heap blocks (the kernel heap's
 *         own count, liveHeapBlocks) before and after, in place of Rust's
 *         Rc::strong_count.
 * Invariants: everything allocated here is unreachable when heapDemo
 *             returns, so with reference counting the live count goes back
 *             to where it started.
 */
import { println } from "./console.ts";
import { liveHeapBlocks } from "./memory/heap.ts";

/**
 * A value on the heap (blog_os's `Box::new(41)`): a layout struct, so that
 * its address can be shown.
 * @struct
 */
class HeapValue {
  value: u64 = 0;
}

/** An object two variables share (blog_os's `Rc::new(vec![1, 2, 3])`). */
class Shared {
  constructor(readonly values: u64[]) {}
}

function showValue(): void {
  const heapValue = new HeapValue();
  heapValue.value = 41;
  println(`heap_value ${heapValue.value} at 0x${Ptr.to(heapValue).address.toString(16)}`);
}

function showVector(): void {
  const vec: u64[] = [];
  for (let i: u64 = 0; i < 500; i++) vec.push(i);
  let sum: u64 = 0;
  for (const x of vec) sum += x;
  println(`vec of ${vec.length} numbers, sum ${sum}: ${liveHeapBlocks()} live heap blocks`);
}

function showShared(): void {
  const shared = new Shared([1, 2, 3]);
  let cloned: Shared | null = shared;
  const twice = liveHeapBlocks();
  println(`shared object held twice: ${twice} live heap blocks`);
  cloned = null;
  println(`held once: ${liveHeapBlocks()} live heap blocks (${shared.values.length} values, ${cloned === null ? "the clone dropped" : "the clone kept"})`);
}

export function heapDemo(): void {
  const before = liveHeapBlocks();
  showValue();
  showVector();
  showShared();
  println(`heap: ${before} live blocks before the demo, ${liveHeapBlocks()} after`);
}
