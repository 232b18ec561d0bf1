/**
 * kernel/bench/paging_bench.ts: a benchmark kernel for the paging code
 * (built and booted by bench/paging.ts, beside the hand-written C of
 * bench/c/paging_walk.c, which does the same walks).
 *
 * Input: the kernel's own tables and frame allocator (init()).
 * Output on COM1: `paging-bench: map+unmap <n> translate <n>`, TSC ticks
 * per operation (Intel SDM vol. 3B, 18.17; bench/paging.ts runs QEMU with
 * -icount, where they count guest instructions), then QEMU exits with
 * success; any failed mapping exits with failure.
 * Method: interrupts off. map+unmap: mapTo() then unmap() of each of the 512
 * 4 KiB pages under one level-1 table at BENCH_BASE (the intermediate tables
 * exist after a warm-up), ROUNDS times, all to one frame. translate: the same
 * 512 pages mapped, each translated ROUNDS times (a full 4-level walk to a
 * 4 KiB page), the results summed so none is skipped.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { kernelPageTable } from "../arch/x86_64/paging.ts";
import { MapToResult, isUnmapError } from "../arch/x86_64/paging_mapper.ts";
import { frameAllocator } from "../memory/memory.ts";
import { type VirtAddr } from "../../lib/x86_64/addr.ts";
import { type Page, type PhysFrame, type Size4KiB } from "../../lib/x86_64/structures/paging/page.ts";
import { WRITABLE } from "../../lib/x86_64/structures/paging/page_table.ts";

const BENCH_BASE: u64 = 0x4000_0000_0000;
const PAGES: u64 = 512;
const ROUNDS: u64 = 64;

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

/** Cycles per mapTo + unmap of one 4 KiB page; counts failures into FAILURES. */
function benchMapUnmap(frame: PhysFrame<Size4KiB>): u64 {
  const mapper = kernelPageTable();
  const frames = frameAllocator();
  let failures: u64 = 0;
  const start = readTsc();
  for (let round: u64 = 0; round < ROUNDS; round++) {
    for (let i: u64 = 0; i < PAGES; i++) {
      const page = (BENCH_BASE + i * 4096) as Page<Size4KiB>;
      if (mapper.mapTo(page, frame, WRITABLE, frames) !== MapToResult.Mapped) failures++;
      if (isUnmapError(mapper.unmap(page))) failures++;
    }
  }
  const cycles = (readTsc() - start) / (ROUNDS * PAGES);
  FAILURES.fetchAdd(u32(failures));
  return cycles;
}

/** Cycles per translate of an address in a 4 KiB page (all PAGES mapped). */
function benchTranslate(): u64 {
  const mapper = kernelPageTable();
  let failures: u64 = 0;
  let sum: u64 = 0;
  const start = readTsc();
  for (let round: u64 = 0; round < ROUNDS; round++) {
    for (let i: u64 = 0; i < PAGES; i++) {
      const p = mapper.translate((BENCH_BASE + i * 4096 + round) as VirtAddr);
      if (p === null) failures++;
      else sum += p;
    }
  }
  const cycles = (readTsc() - start) / (ROUNDS * PAGES);
  if (sum === 0) failures++;
  FAILURES.fetchAdd(u32(failures));
  return cycles;
}

const FAILURES = new AtomicU32(0);

init();
cli();
const frame = frameAllocator().allocateFrame();
if (frame === null) throw new Error("no frame for the benchmark");
// Warm-up: the intermediate tables are created once, outside the measurement.
if (kernelPageTable().mapTo(BENCH_BASE as Page<Size4KiB>, frame, WRITABLE, frameAllocator()) !== MapToResult.Mapped) FAILURES.fetchAdd(1);
if (isUnmapError(kernelPageTable().unmap(BENCH_BASE as Page<Size4KiB>))) FAILURES.fetchAdd(1);
const mapCycles = benchMapUnmap(frame);
for (let i: u64 = 0; i < PAGES; i++) {
  if (kernelPageTable().mapTo((BENCH_BASE + i * 4096) as Page<Size4KiB>, frame, WRITABLE, frameAllocator()) !== MapToResult.Mapped) FAILURES.fetchAdd(1);
}
const translateCycles = benchTranslate();
if (FAILURES.load() !== 0) {
  serialPrintln(`paging-bench: ${FAILURES.load()} operations failed`);
  exitQemu(QemuExitCode.Failed);
}
serialPrintln(`paging-bench: map+unmap ${mapCycles} translate ${translateCycles}`);
exitQemu(QemuExitCode.Success);
