// @allocators: bump linked-list fixed-block
// @expect-serial: heap_allocation::simple_allocation...	[ok]
// @expect-serial: heap_allocation::large_vec...	[ok]
// @expect-serial: heap_allocation::many_boxes...	[ok]
// @expect-serial[fixed-block]: heap_allocation::many_boxes_long_lived...	[ok]
// @expect-serial[linked-list]: heap_allocation::many_boxes_long_lived...	[ok]
// @expect-serial[bump]: heap_allocation::many_boxes_long_lived...	[failed, as expected under bump]
/**
 * kernel/tests/heap_allocation.ts: integration test, its own kernel, built
 * once per heap allocator (the @allocators line): blog_os post 10's
 * tests/heap_allocation.rs, with post 11's many_boxes_long_lived.
 *
 * After init() and initHeap() (kernel/memory/heap.ts) it runs, in order:
 * simple_allocation (two boxes), large_vec (1000 numbers, summed),
 * many_boxes (HEAP_SIZE short-lived boxes: they only fit because reference
 * counting frees each when its iteration ends) and many_boxes_long_lived
 * (the same, while one box lives through all of them). Each prints `[ok]`
 * and must leave the kernel heap's live block count where it found it:
 * every box went back to the heap.
 * Under the bump allocator many_boxes_long_lived must fail (blog_os post
 * 11): the long-lived box keeps the counter from ever resetting, so the heap
 * grows to its limit and runs out of memory. That failure is expected: the
 * panic handler prints `[failed, as expected under bump]` (the
 * @expect-serial[bump] line) and exits with success; if the test passes
 * under bump, the kernel exits with failure.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { HEAP_SIZE, KERNEL_HEAP, initHeap } from "../memory/heap.ts";
import { MapToResult } from "../arch/x86_64/paging_mapper.ts";
import { assert, assertEq } from "../../lib/core/assert.ts";

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

let liveBefore: u64 = 0;

/** Starts a test: its name on COM1 (a function value is not passed: timer callbacks share that type, and the timer interrupt must not reach allocating code). */
function begin(test: Running, name: Text): void {
  running = test;
  liveBefore = KERNEL_HEAP.blocks();
  serialPrint(`heap_allocation::${name}...\t`);
}

/** Ends a test: it left at most `kept` more live blocks than it found (0: everything it allocated went back to the heap). */
function end(kept: u64): void {
  const live = KERNEL_HEAP.blocks();
  if (live > liveBefore + kept) assert(false, `${live - liveBefore} heap blocks still live after the test (at most ${kept} allowed)`);
  serialPrintln("[ok]");
}

init();
assert(initHeap() === MapToResult.Mapped, "the heap could not be mapped");
begin(Running.SimpleAllocation, "simple_allocation");
simpleAllocation();
end(0);
begin(Running.LargeVec, "large_vec");
largeVec();
end(0);
begin(Running.ManyBoxes, "many_boxes");
manyBoxes();
end(0);
begin(Running.ManyBoxesLongLived, "many_boxes_long_lived");
manyBoxesLongLived();
end(0);
if (HEAP_ALLOCATOR === "bump") {
  serialPrintln("many_boxes_long_lived passed under bump: it is expected to run out of memory");
  exitQemu(QemuExitCode.Failed);
}
serialPrintln(`heap: ${KERNEL_HEAP.blocks()} live blocks, ${KERNEL_HEAP.mappedBytes() / 1024} KiB mapped, grew ${KERNEL_HEAP.growCount()} times`);
exitQemu(QemuExitCode.Success);
