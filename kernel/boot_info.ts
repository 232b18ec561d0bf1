/**
 * kernel/boot_info.ts: what the kernel knows about the machine at boot.
 *
 * Input: the Multiboot information structure (Multiboot spec 0.6.96 §3.3) at
 * multibootInfoAddress(), and the symbols of boot.S and linker.ld.
 * Output: bootInfo(), a read-only view: the memory regions of the loader's
 * memory map (zero-length entries skipped), the kernel image, the stack and
 * its guard page. Invariants: nothing is copied; regions are read from the
 * loader's map on demand, so that map (in low memory, identity-mapped by
 * boot.S, never written by the kernel) must stay intact.
 */
import { assert } from "../lib/core/assert.ts";

// The information structure (§3.3): `flags` at offset 0 says which fields are valid.
const FLAGS_OFFSET: usize = 0;
const FLAG_MEMORY_MAP: u32 = 0x40; // bit 6: mmap_length and mmap_addr are valid
const MMAP_LENGTH_OFFSET: usize = 44; // u32: size of the map in bytes
const MMAP_ADDR_OFFSET: usize = 48; // u32: physical address of the first entry

// One memory map entry (§3.3). `size` does not count itself, so the next entry
// is at entry + size + 4. The u64 fields sit at 4-byte offsets: read as halves.
const ENTRY_SIZE_OFFSET: usize = 0; // u32
const ENTRY_BASE_OFFSET: usize = 4; // u64 base_addr
const ENTRY_LENGTH_OFFSET: usize = 12; // u64 length
const ENTRY_TYPE_OFFSET: usize = 20; // u32 type
const ENTRY_SIZE_FIELD_BYTES: usize = 4;

export enum MemoryRegionKind {
  Usable, // type 1: available RAM
  Reserved, // type 2 (BIOS e820 "reserved")
  AcpiReclaimable, // type 3: ACPI tables, usable once read
  AcpiNvs, // type 4: must be preserved on hibernation
  BadMemory, // type 5: defective RAM
  Unknown, // any other type: the spec says to treat it as reserved
}

function kindOf(type: u32): MemoryRegionKind {
  switch (type) {
    case 1: return MemoryRegionKind.Usable;
    case 2: return MemoryRegionKind.Reserved;
    case 3: return MemoryRegionKind.AcpiReclaimable;
    case 4: return MemoryRegionKind.AcpiNvs;
    case 5: return MemoryRegionKind.BadMemory;
    default: return MemoryRegionKind.Unknown;
  }
}

function readU32(address: usize): u32 {
  return Ptr.at<u32>(address).read();
}

/** A u64 at a 4-byte-aligned address, read as two halves (little endian). */
function readU64(address: usize): u64 {
  return u64(readU32(address)) | (u64(readU32(address + 4)) << 32);
}

function entryLength(entry: usize): u64 {
  return readU64(entry + ENTRY_LENGTH_OFFSET);
}

function nextEntry(entry: usize): usize {
  return entry + readU32(entry + ENTRY_SIZE_OFFSET) + ENTRY_SIZE_FIELD_BYTES;
}

export class BootInfo {
  readonly kernelStart: usize = kernelStartAddress();
  readonly kernelEnd: usize = kernelEndAddress();
  /** First address of the unmapped 4 KiB page below the stack: touching it faults. */
  readonly stackGuard: usize = stackGuardAddress();
  readonly stackBottom: usize = stackBottomAddress();
  readonly stackTop: usize = stackTopAddress();
  /** The memory map's entries lie in [mapStart, mapEnd); empty without one. */
  private readonly mapStart: usize = 0;
  private readonly mapEnd: usize = 0;

  constructor(infoAddress: usize) {
    if ((readU32(infoAddress + FLAGS_OFFSET) & FLAG_MEMORY_MAP) !== 0) {
      this.mapStart = readU32(infoAddress + MMAP_ADDR_OFFSET);
      this.mapEnd = this.mapStart + readU32(infoAddress + MMAP_LENGTH_OFFSET);
    }
  }

  /** The number of memory regions (non-empty memory map entries). */
  regionCount(): u32 {
    let count: u32 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      if (entryLength(entry) !== 0) count++;
    }
    return count;
  }

  /** First address of region `index` (0 <= index < regionCount()). */
  regionStart(index: u32): u64 {
    return readU64(this.entry(index) + ENTRY_BASE_OFFSET);
  }

  /** First address after region `index`. */
  regionEnd(index: u32): u64 {
    const entry = this.entry(index);
    return readU64(entry + ENTRY_BASE_OFFSET) + entryLength(entry);
  }

  regionKind(index: u32): MemoryRegionKind {
    return kindOf(readU32(this.entry(index) + ENTRY_TYPE_OFFSET));
  }

  /** The total size of the Usable regions, in bytes. */
  usableBytes(): u64 {
    let total: u64 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      if (kindOf(readU32(entry + ENTRY_TYPE_OFFSET)) === MemoryRegionKind.Usable) total += entryLength(entry);
    }
    return total;
  }

  /** The address of the map entry of region `index`, skipping zero-length entries. */
  private entry(index: u32): usize {
    let seen: u32 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      if (entryLength(entry) === 0) continue;
      if (seen === index) return entry;
      seen++;
    }
    throw new Error(`memory region ${index} does not exist (there are ${seen})`);
  }
}

const BOOT_INFO = new BootInfo(multibootInfoAddress());

export function bootInfo(): BootInfo {
  return BOOT_INFO;
}

/** @test */
function regionsAreNotEmpty(): void {
  const info = bootInfo();
  assert(info.regionCount() > 0, "the loader gave no memory map");
  for (let i: u32 = 0; i < info.regionCount(); i++) {
    assert(info.regionEnd(i) > info.regionStart(i), "a memory region is empty or wraps around");
  }
}

/** @test */
function kernelLiesInUsableMemory(): void {
  const info = bootInfo();
  let found = false;
  for (let i: u32 = 0; i < info.regionCount(); i++) {
    const inside = info.regionStart(i) <= info.kernelStart && info.kernelEnd <= info.regionEnd(i);
    if (inside && info.regionKind(i) === MemoryRegionKind.Usable) found = true;
  }
  assert(found, "no usable memory region holds the kernel image");
}

/** @test */
function guardPageIsJustBelowTheStack(): void {
  const info = bootInfo();
  assert(info.stackGuard + 4096 === info.stackBottom, "the guard page is not the page below the stack");
  assert(info.stackBottom < info.stackTop, "the stack is empty");
}
