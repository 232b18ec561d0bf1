// @qemu-args: -m 32M
// @qemu-args: -m 1G
// @expect-serial: frames) [ok]
/**
 * kernel/tests/frame_exhaustion.ts: integration test, its own kernel, booted
 * with 32 MiB and with 1 GiB of RAM (the @qemu-args lines above).
 *
 * After init() (the bitmap frame allocator, then the kernel's page tables
 * from it: kernel/memory/memory.ts) it allocates every free frame until the
 * allocator says none is left. Each must be 4 KiB-aligned, distinct, and
 * outside the kernel image, the first MiB, the multiboot structures (with
 * the command line), the bitmap and the page tables in use. Their count must be what the multiboot
 * memory map (Multiboot 0.6.96 §3.3) offers: the whole frames of its usable
 * regions, minus those exclusions, minus the page-table frames found by
 * walking the live tables (Intel SDM vol. 3A, 4.5). Then it frees them all
 * and allocates them all again: the same count.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { MemoryRegionKind, bootInfo } from "../boot_info.ts";
import { frameAllocator } from "../memory/memory.ts";
import { kernelPageTable } from "../arch/x86_64/paging.ts";
import { type PhysAddr } from "../../lib/x86_64/addr.ts";
import { type PhysFrame, type Size4KiB } from "../../lib/x86_64/structures/paging/page.ts";
import { assert, assertEq } from "../../lib/core/assert.ts";

const FRAME: u64 = 4096;
const FIRST_MIB: u64 = 0x10_0000;

/**
 * One bit per frame of the first 2 GiB: the frames seen, and the page-table frames.
 * @struct
 */
class FrameSet {
  bits!: FixedArray<u64, 8192>;
}
const SEEN = new FrameSet();
const TABLES = new FrameSet();
const MAX_FRAMES: u64 = 8192 * 64;

function has(set: FrameSet, index: u64): boolean {
  return (set.bits[index / 64] & (u64(1) << (index % 64))) !== 0;
}

function put(set: FrameSet, index: u64): void {
  set.bits[index / 64] = set.bits[index / 64] | (u64(1) << (index % 64));
}

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

/** Marks every table of the live hierarchy in TABLES; returns how many there are. */
function markTableFrames(): u64 {
  const mapper = kernelPageTable();
  put(TABLES, mapper.level4 / FRAME);
  let count: u64 = 1;
  const l4 = mapper.table(mapper.level4);
  for (let i: u32 = 0; i < 512; i++) {
    if (!l4.entries[i].isPresent()) continue;
    put(TABLES, l4.entries[i].address() / FRAME);
    count++;
    const l3 = mapper.table(l4.entries[i].address());
    for (let j: u32 = 0; j < 512; j++) {
      if (!l3.entries[j].isPresent() || l3.entries[j].isHuge()) continue;
      put(TABLES, l3.entries[j].address() / FRAME);
      count++;
      const l2 = mapper.table(l3.entries[j].address());
      for (let k: u32 = 0; k < 512; k++) {
        if (!l2.entries[k].isPresent() || l2.entries[k].isHuge()) continue;
        put(TABLES, l2.entries[k].address() / FRAME);
        count++;
      }
    }
  }
  return count;
}

function inside(frame: u64, start: u64, end: u64): boolean {
  return frame < end && start < frame + FRAME;
}

/** Whether `frame` is one the allocator must never hand out (computed here, not asked of it). */
function excluded(frame: u64): boolean {
  const info = bootInfo();
  const bitmapEnd = frameAllocator().bitmapStart + frameAllocator().bitmapFrames * FRAME;
  return frame < FIRST_MIB || inside(frame, info.kernelStart, info.kernelEnd) || inside(frame, info.infoStart, info.infoEnd) ||
    inside(frame, info.mapStart, info.mapEnd) || inside(frame, info.commandLineStart, info.commandLineEnd) ||
    inside(frame, info.modulesStart, info.modulesEnd) ||
    inside(frame, frameAllocator().bitmapStart, bitmapEnd) || has(TABLES, frame / FRAME);
}

/** Whole usable frames of the memory map, minus the exclusions and the live tables. */
function expectedFreeFrames(): u64 {
  const info = bootInfo();
  let count: u64 = 0;
  for (let i: u32 = 0; i < info.regionCount(); i++) {
    if (info.regionKind(i) !== MemoryRegionKind.Usable) continue;
    const end = info.regionEnd(i) & ~(FRAME - 1);
    for (let f = (info.regionStart(i) + FRAME - 1) & ~(FRAME - 1); f < end; f += FRAME) if (!excluded(f)) count++;
  }
  return count;
}

/** Allocates until exhaustion, checking each frame; returns the count. */
function allocateAll(): u64 {
  let count: u64 = 0;
  for (let frame = frameAllocator().allocateFrame(); frame !== null; frame = frameAllocator().allocateFrame()) {
    const index = frame / FRAME;
    assertEq(frame & (FRAME - 1), 0);
    assert(index < MAX_FRAMES, "a frame beyond the test's 2 GiB set");
    assert(!has(SEEN, index), "a frame handed out twice");
    assert(!excluded(frame), "an excluded frame (kernel, first MiB, multiboot, bitmap or page table) was handed out");
    put(SEEN, index);
    count++;
  }
  return count;
}

/** Frees every frame in SEEN, emptying it. */
function freeAll(): u64 {
  let count: u64 = 0;
  for (let w: u64 = 0; w < 8192; w++) {
    for (let b: u64 = 0; b < 64; b++) {
      if ((SEEN.bits[w] & (u64(1) << b)) === 0) continue;
      frameAllocator().deallocateFrame(((w * 64 + b) * FRAME) as PhysFrame<Size4KiB>);
      count++;
    }
    SEEN.bits[w] = 0;
  }
  return count;
}

serialPrint("frame_exhaustion::allocateEveryFrameThenRefill...");
init();
const tables = markTableFrames();
const expected = expectedFreeFrames();
serialPrint(` (${bootInfo().usableBytes() / 1024} KiB usable, ${tables} page tables, ${expected} frames)`);
assertEq(frameAllocator().freeFrames(), expected);
assertEq(allocateAll(), expected);
assertEq(frameAllocator().freeFrames(), 0);
assert(frameAllocator().allocateFrame() === null, "a frame after exhaustion");
assertEq(freeAll(), expected);
assertEq(frameAllocator().freeFrames(), expected);
assertEq(allocateAll(), expected);
assertEq(freeAll(), expected);
serialPrintln(" [ok]");
exitQemu(QemuExitCode.Success);
