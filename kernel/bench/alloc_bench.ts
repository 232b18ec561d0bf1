/**
 * kernel/bench/alloc_bench.ts: a benchmark kernel for the kernel heap (built
 * once per allocator with `tsos build --allocator <name>` and booted by
 * bench/alloc.ts).
 *
 * Input: the kernel heap (initHeap), grown to HEAP_LIMIT first so that the
 * traces fit as they do hosted; HEAP_ALLOCATOR, the allocator built in.
 * Output on COM1: per trace of lib/alloc/traces.ts, `alloc-bench: <allocator>
 * <trace> ops <n> ticks <n>` (TSC ticks for the whole trace, allocs + frees;
 * bench/alloc.ts runs QEMU with -icount shift=0, where a tick is one guest
 * instruction), then QEMU exits with success.
 * Method: interrupts off; the trace calls the allocator directly, as the
 * hosted benchmark does.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { HEAP_LIMIT, HEAP_START, KERNEL_HEAP, initHeapOrPanic } from "../memory/heap.ts";
import { Trace, runTrace } from "../../lib/alloc/traces.ts";

const OPS: u64 = 200_000;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

/** The trace state: module-level, so static (the benchmark allocates nothing but its blocks). */
const TRACE = new Trace(KERNEL_HEAP.allocator(), true, HEAP_ALLOCATOR === "bump", HEAP_START, HEAP_LIMIT);

function bench(trace: Text): void {
  TRACE.reset();
  const start = readTsc();
  runTrace(TRACE, trace, OPS);
  const ticks = readTsc() - start;
  serialPrintln(`alloc-bench: ${HEAP_ALLOCATOR} ${trace} ops ${TRACE.allocs + TRACE.frees} ticks ${ticks}`);
  TRACE.drain(Trace.alignOf(trace), true);
}

init();
cli();
initHeapOrPanic();
// Grow the heap to its limit once, so the traces run on a heap of fixed size.
const grown = KERNEL_HEAP.alloc(HEAP_LIMIT - 64 * 1024, 16);
if (grown === 0) throw new Error("the heap did not grow");
KERNEL_HEAP.free(grown, HEAP_LIMIT - 64 * 1024, 16);
bench("small");
bench("mixed");
bench("churn");
exitQemu(QemuExitCode.Success);
