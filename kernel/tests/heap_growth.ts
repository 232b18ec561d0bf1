// @allocators: bump linked-list fixed-block
// @expect-serial: heap_growth::grows_to_the_limit...	[ok]
// @expect-serial: heap_growth::all_free_again...	[ok]
/**
 * kernel/tests/heap_growth.ts: integration test, its own kernel, built once
 * per heap allocator: the kernel heap grows on demand (issue 13, beyond
 * blog_os).
 *
 * After init() and initHeap() it asks the kernel heap (KERNEL_HEAP, the
 * global allocator of kernel/memory/heap.ts, called directly) for 1 KiB
 * blocks until it says no. The heap must have mapped more pages after its
 * first HEAP_SIZE bytes, up to HEAP_LIMIT and no further; every block must
 * lie in the heap and be writable at both ends (its pages are mapped); no
 * two blocks may overlap. Then every block is freed and the whole heap is
 * free again (bump: its counter back at the start), and, except under
 * fixed-block (whose freed blocks stay in their size class), a block nearly
 * as large as the grown heap fits.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { HEAP_LIMIT, HEAP_SIZE, HEAP_START, KERNEL_HEAP, initHeap } from "../memory/heap.ts";
import { MapToResult } from "../arch/x86_64/paging_mapper.ts";
import { assert, assertEq } from "../../lib/core/assert.ts";

const BLOCK: u64 = 1024;
const MAX_BLOCKS: u64 = 2048;

/**
 * The blocks handed out, in order.
 * @struct
 */
class Blocks {
  addresses!: FixedArray<u64, 2048>;
}
const BLOCKS = new Blocks();

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

init();
assert(initHeap() === MapToResult.Mapped, "the heap could not be mapped");
assertEq(KERNEL_HEAP.mappedBytes(), HEAP_SIZE);

serialPrint("heap_growth::grows_to_the_limit...\t");
let count: u64 = 0;
while (count < MAX_BLOCKS) {
  const block = KERNEL_HEAP.alloc(BLOCK, 16);
  if (block === 0) break;
  assert(block >= HEAP_START && block + BLOCK <= HEAP_START + HEAP_LIMIT, `block 0x${block.toString(16)} lies outside the heap`);
  Ptr.at<u64>(block).write(block);
  Ptr.at<u64>(block + BLOCK - 8).write(count);
  BLOCKS.addresses[count] = block;
  count++;
}
assert(count < MAX_BLOCKS, "the heap never ran out");
assert(count * BLOCK > HEAP_SIZE, `only ${count} blocks of 1 KiB fit: the heap did not grow`);
assertEq(KERNEL_HEAP.mappedBytes(), HEAP_LIMIT);
assert(KERNEL_HEAP.growCount() > 0, "no growth was counted");
for (let i: u64 = 0; i < count; i++) {
  const block = BLOCKS.addresses[i];
  assertEq(Ptr.at<u64>(block).read(), block);
  assertEq(Ptr.at<u64>(block + BLOCK - 8).read(), i);
}
serialPrintln("[ok]");
serialPrintln(`${count} blocks of 1 KiB; the heap grew ${KERNEL_HEAP.growCount()} times to ${KERNEL_HEAP.mappedBytes() / 1024} KiB`);

serialPrint("heap_growth::all_free_again...\t");
for (let i: u64 = 0; i < count; i++) KERNEL_HEAP.free(BLOCKS.addresses[i], BLOCK, 16);
assertEq(KERNEL_HEAP.blocks(), 0);
const heap = KERNEL_HEAP.allocator();
heap.check();
assertEq(heap.freeBytes(), heap.capacity());
// The fixed-block allocator keeps its 1 KiB blocks in their size class (as blog_os's does): no large block comes back.
if (HEAP_ALLOCATOR !== "fixed-block") {
  const big = KERNEL_HEAP.alloc(HEAP_LIMIT - 4096, 16);
  assert(big !== 0, `a block of ${HEAP_LIMIT - 4096} bytes does not fit the empty heap`);
  KERNEL_HEAP.free(big, HEAP_LIMIT - 4096, 16);
}
serialPrintln("[ok]");
exitQemu(QemuExitCode.Success);
