/**
 * kernel/boot_info.ts: what the kernel knows about the machine at boot.
 *
 * Input: the Multiboot information structure (Multiboot spec 0.6.96 §3.3) at
 * multibootInfoAddress(), and the symbols of boot.S and linker.ld.
 * Output: bootInfo(), a read-only view: the memory regions of the loader's
 * memory map (zero-length entries skipped), the kernel image, the stack and
 * its guard page, and where the loader's own structures lie (the information
 * structure, the memory map, the module table and modules), which the frame
 * allocator must not hand out. Invariants: nothing is copied; regions are
 * read from the loader's map on demand, so that map (identity-mapped by
 * boot.S, and by the kernel's tables after it, never written by the kernel)
 * must stay intact.
 */
import { assert, assertEq } from "../lib/core/assert.ts";

const FLAG_MEMORY_MAP: u32 = 0x40; // flags bit 6: mmapLength and mmapAddress are valid
const FLAG_COMMAND_LINE: u32 = 0x4; // flags bit 2: commandLine is valid
const FLAG_MODULES: u32 = 0x8; // flags bit 3: modulesCount and modulesAddress are valid
const SPACE: u8 = 0x20;
/** The information structure's size up to and including the VBE fields (§3.3): all a loader may write there. */
const INFO_BYTES: usize = 88;

/**
 * The Multiboot information structure, up to the memory map fields (§3.3).
 * @packed
 */
class MultibootInfo {
  flags!: u32; // which of the fields below are valid
  memoryLower!: u32;
  memoryUpper!: u32;
  bootDevice!: u32;
  commandLine!: u32;
  modulesCount!: u32;
  modulesAddress!: u32;
  symbols!: FixedArray<u32, 4>;
  mmapLength!: u32; // size of the memory map in bytes
  mmapAddress!: u32; // physical address of its first entry
}
staticAssert(sizeOf<MultibootInfo>() === 52, "mmap_addr is at offset 48 (multiboot spec 3.3)");

/**
 * One memory map entry (§3.3). `size` does not count itself, so the next
 * entry is at entry + size + 4. The u64 fields sit at 4-byte offsets, hence
 * packed (gcc then reads them with unaligned-safe loads).
 * @packed
 */
class MemoryMapEntry {
  size!: u32;
  baseAddress!: u64;
  length!: u64;
  type!: u32;
}
staticAssert(sizeOf<MemoryMapEntry>() === 24, "a memory map entry is 24 bytes");

/**
 * One entry of the module table (§3.3): a module occupies [start, end).
 * @struct
 */
class ModuleEntry {
  start!: u32;
  end!: u32;
  commandLine!: u32;
  reserved!: u32;
}
staticAssert(sizeOf<ModuleEntry>() === 16, "a module entry is 16 bytes");
const SIZE_FIELD_BYTES: usize = 4;

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

function entryAt(address: usize): MemoryMapEntry {
  return Ptr.at<MemoryMapEntry>(address).read();
}

function nextEntry(entry: usize): usize {
  return entry + entryAt(entry).size + SIZE_FIELD_BYTES;
}

export class BootInfo {
  readonly kernelStart: usize = kernelStartAddress();
  readonly kernelEnd: usize = kernelEndAddress();
  /** First address of the unmapped 4 KiB page below the stack: touching it faults. */
  readonly stackGuard: usize = stackGuardAddress();
  readonly stackBottom: usize = stackBottomAddress();
  readonly stackTop: usize = stackTopAddress();
  /** The information structure lies in [infoStart, infoEnd) (physical = virtual: identity-mapped). */
  readonly infoStart: usize;
  readonly infoEnd: usize;
  /** The memory map's entries lie in [mapStart, mapEnd); empty without one. */
  readonly mapStart: usize = 0;
  readonly mapEnd: usize = 0;
  /** The kernel's command line, a NUL-terminated string, lies in [commandLineStart, commandLineEnd) (NUL included). */
  readonly commandLineStart: usize = 0;
  readonly commandLineEnd: usize = 0;
  /** The module table lies in [modulesStart, modulesEnd); empty without modules. */
  readonly modulesStart: usize = 0;
  readonly modulesEnd: usize = 0;

  constructor(infoAddress: usize) {
    this.infoStart = infoAddress;
    this.infoEnd = infoAddress + INFO_BYTES;
    const info = Ptr.at<MultibootInfo>(infoAddress).read();
    if ((info.flags & FLAG_MEMORY_MAP) !== 0) {
      this.mapStart = info.mmapAddress;
      this.mapEnd = this.mapStart + info.mmapLength;
    }
    if ((info.flags & FLAG_COMMAND_LINE) !== 0 && info.commandLine !== 0) {
      this.commandLineStart = info.commandLine;
      let end: usize = info.commandLine;
      while (Ptr.at<u8>(end).read() !== 0) end++;
      this.commandLineEnd = end + 1;
    }
    if ((info.flags & FLAG_MODULES) !== 0) {
      this.modulesStart = info.modulesAddress;
      this.modulesEnd = this.modulesStart + usize(info.modulesCount) * sizeOf<ModuleEntry>();
    }
  }

  /**
   * Whether `flag` is one of the space-separated words of the command line
   * (QEMU's is the kernel's file name, then what -append gave, i.e. tsos run
   * --kernel-args; GRUB's the words after the kernel on its multiboot line).
   */
  hasBootFlag(flag: Text): boolean {
    let word = this.commandLineStart;
    const end = this.commandLineEnd === 0 ? 0 : this.commandLineEnd - 1;
    while (word < end) {
      let length: usize = 0;
      while (word + length < end && Ptr.at<u8>(word + length).read() !== SPACE) length++;
      if (length === usize(flag.length) && this.wordMatches(word, flag)) return true;
      word += length + 1;
    }
    return false;
  }

  private wordMatches(word: usize, flag: Text): boolean {
    for (let i = 0; i < flag.length; i++) if (Ptr.at<u8>(word + usize(i)).read() !== flag.charCodeAt(i)) return false;
    return true;
  }

  /** The number of boot modules the loader placed in memory. */
  moduleCount(): u32 {
    return u32((this.modulesEnd - this.modulesStart) / sizeOf<ModuleEntry>());
  }

  /** First address of module `index`. */
  moduleStart(index: u32): u64 {
    return Ptr.at<ModuleEntry>(this.modulesStart).add(index).read().start;
  }

  /** First address after module `index`. */
  moduleEnd(index: u32): u64 {
    return Ptr.at<ModuleEntry>(this.modulesStart).add(index).read().end;
  }

  /** The number of memory regions (non-empty memory map entries). */
  regionCount(): u32 {
    let count: u32 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      if (entryAt(entry).length !== 0) count++;
    }
    return count;
  }

  /** First address of region `index` (0 <= index < regionCount()). */
  regionStart(index: u32): u64 {
    return this.entry(index).baseAddress;
  }

  /** First address after region `index`. */
  regionEnd(index: u32): u64 {
    const entry = this.entry(index);
    return entry.baseAddress + entry.length;
  }

  regionKind(index: u32): MemoryRegionKind {
    return kindOf(this.entry(index).type);
  }

  /** The total size of the Usable regions, in bytes. */
  usableBytes(): u64 {
    let total: u64 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      const e = entryAt(entry);
      if (kindOf(e.type) === MemoryRegionKind.Usable) total += e.length;
    }
    return total;
  }

  /** The map entry of region `index`, skipping zero-length entries. */
  private entry(index: u32): MemoryMapEntry {
    let seen: u32 = 0;
    for (let entry = this.mapStart; entry < this.mapEnd; entry = nextEntry(entry)) {
      if (entryAt(entry).length === 0) continue;
      if (seen === index) return entryAt(entry);
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
function memoryTypesAreTheMultibootNumbers(): void {
  assert(kindOf(1) === MemoryRegionKind.Usable, "multiboot memory type 1 is Usable");
  assert(kindOf(2) === MemoryRegionKind.Reserved, "multiboot memory type 2 is Reserved");
  assert(kindOf(3) === MemoryRegionKind.AcpiReclaimable, "multiboot memory type 3 is AcpiReclaimable");
  assert(kindOf(4) === MemoryRegionKind.AcpiNvs, "multiboot memory type 4 is AcpiNvs");
  assert(kindOf(5) === MemoryRegionKind.BadMemory, "multiboot memory type 5 is BadMemory");
  assert(kindOf(0) === MemoryRegionKind.Unknown, "multiboot memory type 0 is Unknown");
  assert(kindOf(6) === MemoryRegionKind.Unknown, "multiboot memory type 6 is Unknown");
}

/** @test */
function usableBytesAgreeWithTheRegions(): void {
  const info = bootInfo();
  let usable: u64 = 0; // summed region by region through regionKind/regionStart/regionEnd, not the map walk
  for (let i: u32 = 0; i < info.regionCount(); i++) {
    if (info.regionKind(i) === MemoryRegionKind.Usable) usable += info.regionEnd(i) - info.regionStart(i);
  }
  assertEq(info.usableBytes(), usable);
  assert(usable > 0, "no usable memory");
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
