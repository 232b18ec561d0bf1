// @allocators: bump linked-list fixed-block
// @expect-serial: heap_allocation::simple_allocation...	[ok]
// @expect-serial: heap_allocation::large_vec...	[ok]
// @expect-serial: heap_allocation::many_boxes...	[ok]
// @expect-serial: heap_allocation::many_boxes_long_lived...	[
/**
 * PENDING (kernel/tests/pending/: `tsos test` does not run it yet): it moves to
 * kernel/tests/ once reference counting covers kernel code (compile.ts runs
 * the rc pass for hosted programs only) and arrays, so that many_boxes' boxes
 * and large_vec's array go back to the heap. With the rc pass switched on for
 * the kernel (one line, tried on 2026-11-26), simple_allocation, large_vec,
 * many_boxes and many_boxes_long_lived pass under linked-list and
 * fixed-block; the final live-count check fails (11 blocks: large_vec's
 * array storage is not freed), and under bump many_boxes runs out of memory
 * for the same reason (the counter never resets while the array lives).
 *
 * kernel/tests/heap_allocation.ts: integration test, its own kernel, built
 * once per heap allocator (the @allocators line): blog_os post 10's
 * tests/heap_allocation.rs, with post 11's many_boxes_long_lived.
 *
 * After init() and initHeap() (kernel/memory/heap.ts) it runs, in order:
 * simple_allocation (two boxes), large_vec (1000 numbers, summed),
 * many_boxes (HEAP_SIZE short-lived boxes: they only fit because each is
 * freed when its iteration ends) and many_boxes_long_lived (the same, while
 * one box lives through all of them). Each prints `[ok]`; then the live
 * block count must be back where it started.
 * Under the bump allocator many_boxes_long_lived must fail: the long-lived
 * box keeps the counter from ever resetting, so the heap grows to its limit
 * and runs out of memory (blog_os post 11). That failure is expected: the
 * panic handler reports `[failed, as expected under bump]` and exits with
 * success; if the test passes under bump, the kernel exits with failure.
 */
import { testPanic } from "../../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../../arch/x86_64/qemu.ts";
import { init } from "../../init.ts";
import { HEAP_SIZE, KERNEL_HEAP, initHeap } from "../../memory/heap.ts";
import { MapToResult } from "../../arch/x86_64/paging_mapper.ts";
import { assert, assertEq } from "../../../lib/core/assert.ts";

class Box {
  constructor(readonly value: u64) {}
}

enum Running {
  Setup,
  SimpleAllocation,
  LargeVec,
  ManyBoxes,
  ManyBoxesLongLived,
}
let running = Running.Setup;

/** Whether `text` starts with `prefix`. */
function startsWith(text: Text, prefix: Text): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (text.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  if (HEAP_ALLOCATOR === "bump" && running === Running.ManyBoxesLongLived && startsWith(message, "out of memory")) {
    serialPrintln("[failed, as expected under bump]");
    serialPrintln(`expected failure: ${message} at ${file}:${line}:${column}`);
    exitQemu(QemuExitCode.Success);
  }
  testPanic(message, file, line, column);
}

function simpleAllocation(): void {
  const heapValue1 = new Box(41);
  const heapValue2 = new Box(13);
  assertEq(heapValue1.value, 41);
  assertEq(heapValue2.value, 13);
}

function largeVec(): void {
  const n: u64 = 1000;
  const vec: u64[] = [];
  for (let i: u64 = 0; i < n; i++) vec.push(i);
  let sum: u64 = 0;
  for (const x of vec) sum += x;
  assertEq(sum, ((n - 1) * n) / 2);
}

function manyBoxes(): void {
  for (let i: u64 = 0; i < HEAP_SIZE; i++) {
    const x = new Box(i);
    assertEq(x.value, i);
  }
}

function manyBoxesLongLived(): void {
  const longLived = new Box(1);
  for (let i: u64 = 0; i < HEAP_SIZE; i++) {
    const x = new Box(i);
    assertEq(x.value, i);
  }
  assertEq(longLived.value, 1);
}

function run(test: Running, name: Text, body: () => void): void {
  running = test;
  serialPrint(`heap_allocation::${name}...\t`);
  body();
  serialPrintln("[ok]");
}

init();
assert(initHeap() === MapToResult.Mapped, "the heap could not be mapped");
const liveAtStart = KERNEL_HEAP.blocks();
run(Running.SimpleAllocation, "simple_allocation", simpleAllocation);
run(Running.LargeVec, "large_vec", largeVec);
run(Running.ManyBoxes, "many_boxes", manyBoxes);
run(Running.ManyBoxesLongLived, "many_boxes_long_lived", manyBoxesLongLived);
if (HEAP_ALLOCATOR === "bump") {
  serialPrintln("many_boxes_long_lived passed under bump: it is expected to run out of memory");
  exitQemu(QemuExitCode.Failed);
}
assertEq(KERNEL_HEAP.blocks(), liveAtStart);
serialPrintln(`heap: ${KERNEL_HEAP.blocks()} live blocks, ${KERNEL_HEAP.mappedBytes() / 1024} KiB mapped, grew ${KERNEL_HEAP.growCount()} times`);
exitQemu(QemuExitCode.Success);
