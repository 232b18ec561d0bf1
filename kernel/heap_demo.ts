/**
 * kernel/heap_demo.ts: the boot sequence's heap demonstration (blog_os post
 * 10's `kernel_main`): a boxed value and its address, an array of 500
 * numbers, and a shared object held twice, then once.
 *
 * Input:  the kernel heap, installed as the global allocator (initHeap).
 * Output: five lines on the console; the shared object's reference count
 *         (refCount, blog_os's Rc::strong_count) while two variables hold
 *         it and after one lets go; the kernel heap's live blocks
 *         (liveHeapBlocks) before the demo, while the box lives, and after.
 *         heapDemo returns what it saw; the unit test below checks it.
 * Invariants: every object allocated here is unreachable when its function
 *             returns, and reference counting gives it back to the heap:
 *             the live block count goes back to where it started.
 */
import { println } from "./console.ts";
import { liveHeapBlocks } from "./memory/heap.ts";
import { assertEq } from "../lib/core/assert.ts";

/** A value on the heap (blog_os's `Box::new(41)`). */
class Boxed {
  constructor(readonly value: u64) {}
}

/** An object two variables share (blog_os's `Rc::new(vec![1, 2, 3])`). */
class Shared {
  constructor(readonly values: u64[]) {}
}

/** What the demo saw (for the unit test). */
export class HeapDemoReport {
  blocksBefore: u64 = 0;
  blocksWithBox: u64 = 0;
  blocksAfterBox: u64 = 0;
  vectorSum: u64 = 0;
  countHeldTwice: u64 = 0;
  countHeldOnce: u64 = 0;
  blocksAfter: u64 = 0;
}

function showBox(report: HeapDemoReport): void {
  const heapValue = new Boxed(41);
  report.blocksWithBox = liveHeapBlocks();
  println(`heap_value ${heapValue.value} at 0x${addressOf(heapValue).toString(16)}`);
}

function showVector(report: HeapDemoReport): void {
  const vec: u64[] = [];
  for (let i: u64 = 0; i < 500; i++) vec.push(i);
  let sum: u64 = 0;
  for (const x of vec) sum += x;
  report.vectorSum = sum;
  println(`vec of ${vec.length} numbers, sum ${sum}`);
}

function showShared(report: HeapDemoReport): void {
  const shared = new Shared([1, 2, 3]);
  let cloned: Shared | null = shared;
  report.countHeldTwice = refCount(shared);
  println(`current reference count is ${report.countHeldTwice}`);
  cloned = null;
  report.countHeldOnce = refCount(shared);
  println(`reference count is ${report.countHeldOnce} now (${shared.values.length} values, ${cloned === null ? "the clone dropped" : "the clone kept"})`);
}

export function heapDemo(): HeapDemoReport {
  const report = new HeapDemoReport();
  report.blocksBefore = liveHeapBlocks();
  showBox(report);
  report.blocksAfterBox = liveHeapBlocks();
  showVector(report);
  showShared(report);
  report.blocksAfter = liveHeapBlocks();
  println(`heap: ${report.blocksBefore} live blocks before the demo, ${report.blocksWithBox} with the box, ${report.blocksAfter} after`);
  return report;
}

/** @test */
function heapDemoGivesMemoryBack(): void {
  const report = heapDemo();
  assertEq(report.blocksWithBox, report.blocksBefore + 1);
  assertEq(report.blocksAfterBox, report.blocksBefore);
  assertEq(report.vectorSum, 124750);
  assertEq(report.countHeldTwice, 2);
  assertEq(report.countHeldOnce, 1);
  assertEq(report.blocksAfter, report.blocksBefore);
}
