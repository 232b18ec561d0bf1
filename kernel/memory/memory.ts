/**
 * kernel/memory/memory.ts: the kernel's memory set-up, in order (blog_os
 * post 09's `memory::init` and `BootInfoFrameAllocator::init`).
 *
 * Input: bootInfo() (the multiboot memory map) and boot.S's identity map of
 * the first 1 GiB, which the frame bitmap and the first page tables must lie
 * in (they take the lowest free frames, just above the kernel).
 * Output: initMemory() makes the frame allocator, then the kernel's page
 * tables (arch/x86_64/paging.ts), and moves the allocator to the physical-
 * memory offset; frameAllocator() and kernelPageTable() are then the tools
 * for mapping more. Invariants: runs once, after the IDT is loaded (a fault
 * during set-up is reported), with nothing else allocating frames.
 */
import { bootInfo } from "../boot_info.ts";
import { BitmapFrameAllocator } from "./frame_allocator.ts";
import { ExcludedRanges } from "./excluded_ranges.ts";
import { PHYSICAL_MEMORY_OFFSET, initPaging } from "../arch/x86_64/paging.ts";

const FRAME_ALLOCATOR = new BitmapFrameAllocator(new ExcludedRanges());

export function initMemory(): void {
  FRAME_ALLOCATOR.init(bootInfo(), 0);
  initPaging(bootInfo(), FRAME_ALLOCATOR);
  FRAME_ALLOCATOR.setPhysicalMemoryOffset(PHYSICAL_MEMORY_OFFSET);
}

/** The allocator of physical frames (after initMemory). */
export function frameAllocator(): BitmapFrameAllocator {
  return FRAME_ALLOCATOR;
}
