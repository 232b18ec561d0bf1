/**
 * lib/x86_64/structures/gdt.ts: the global descriptor table, after the Rust
 * x86_64 crate's structures::gdt (blog_os post 06, "Double Faults").
 *
 * In 64-bit mode segmentation is mostly off (Intel SDM vol. 3A, 3.2.4
 * "Segmentation in IA-32e Mode"), but the GDT still has two jobs: CS must
 * select a 64-bit code segment descriptor, and LTR must select a TSS
 * descriptor (7.2.3 "TSS Descriptor in 64-bit Mode"). Descriptors are 8 bytes;
 * a TSS descriptor is a 16-byte system descriptor and takes two slots.
 * A selector is (index << 3) | table indicator | requested privilege level
 * (3.4.2 "Segment Selectors", figure 3-6).
 * Invariants: slot 0 is the null descriptor (3.5.1); at most 8 slots; a
 * loaded table and the TSS it names must stay in place for good.
 */
import { DescriptorTablePointer } from "./descriptor_table_pointer.ts";
import { TaskStateSegment } from "./tss.ts";
import { assertEq } from "../../core/assert.ts";

// Bits of a code or data segment descriptor (3.4.5 "Segment Descriptors", figure 3-8).
const LIMIT_0_15: u64 = 0x0000_0000_0000_ffff; // limit bits 0-15 (ignored in 64-bit mode)
const READABLE: u64 = u64(1) << 41; // code: may be read, not only executed (3.4.5.1, table 3-1)
const EXECUTABLE: u64 = u64(1) << 43; // type bit 3: a code segment
const USER_SEGMENT: u64 = u64(1) << 44; // S: a code or data segment, not a system descriptor
const DPL_SHIFT: u64 = 45; // bits 45-46: descriptor privilege level
const DPL_MASK: u64 = 3;
const PRESENT: u64 = u64(1) << 47; // P: loading a non-present segment raises #NP
const LIMIT_16_19: u64 = u64(0xf) << 48; // limit bits 16-19
const LONG_MODE: u64 = u64(1) << 53; // L: 64-bit code (5.2.1 "Code-Segment Descriptors in 64-bit Mode")
const GRANULARITY: u64 = u64(1) << 55; // G: the limit counts 4 KiB pages

/** A 64-bit kernel code segment: present, DPL 0, execute/read, L set. Equals 0x00af9a000000ffff. */
export const KERNEL_CODE_SEGMENT: u64 =
  LIMIT_0_15 | READABLE | EXECUTABLE | USER_SEGMENT | PRESENT | LIMIT_16_19 | LONG_MODE | GRANULARITY;
staticAssert(KERNEL_CODE_SEGMENT === 0x00af_9a00_0000_ffff, "the kernel code segment is blog_os's 0x00af9a000000ffff");

// The low half of a TSS descriptor (7.2.3, figure 7-4 "Format of TSS and LDT Descriptors in 64-bit Mode").
const TSS_AVAILABLE_64: u64 = u64(0x9) << 40; // type 1001b: available 64-bit TSS (table 3-2)

const MAX_ENTRIES: u32 = 8;
const SELECTOR_INDEX_SHIFT: u16 = 3; // bits 0-1 RPL, bit 2 TI (0: GDT)

/** The selector of GDT slot `index` (3.4.2, figure 3-6: TI = 0 for the GDT). */
function selector(index: u32, privilegeLevel: u16): u16 {
  return (u16(index) << SELECTOR_INDEX_SHIFT) | privilegeLevel;
}

/** @struct */
export class GlobalDescriptorTable {
  private table!: FixedArray<u64, 8>;
  /** Slots in use; slot 0 is the null descriptor. */
  private length: u32 = 1;

  /** Adds a code or data segment descriptor; returns its selector (RPL = the descriptor's DPL). */
  addSegment(descriptor: u64): u16 {
    const index = this.push(descriptor);
    return selector(index, u16((descriptor >> DPL_SHIFT) & DPL_MASK));
  }

  /**
   * Adds a TSS descriptor for the TSS at `tss` (two slots); returns its
   * selector for LTR. The TSS must stay in place for good.
   */
  addTss(tss: Ptr<TaskStateSegment>): u16 {
    const base = tss.address;
    const limit = u64(sizeOf<TaskStateSegment>() - 1);
    let low = PRESENT | TSS_AVAILABLE_64;
    low |= limit & 0xffff; // limit bits 0-15
    low |= ((limit >> 16) & 0xf) << 48; // limit bits 16-19
    low |= (base & 0xff_ffff) << 16; // base bits 0-23 at 16-39
    low |= ((base >> 24) & 0xff) << 56; // base bits 24-31 at 56-63
    const high = base >> 32; // base bits 32-63; bits 32-63 of the high half are reserved (0)
    const index = this.push(low);
    this.push(high);
    return selector(index, 0);
  }

  /** The descriptor in slot `index` (the high half of a TSS descriptor counts as a slot). */
  entry(index: u32): u64 {
    if (index >= this.length) throw new Error(`GDT slot ${index} is unused (${this.length} in use)`);
    return this.table[index];
  }

  /**
   * Makes this the CPU's GDT (LGDT). The segment registers keep their old
   * selectors until reloaded (setCs, setDataSegments, ltr). The table must
   * stay in place for good: only load a module-level table.
   */
  load(): void {
    GDT_POINTER.limit = u16(usize(this.length) * sizeOf<u64>() - 1);
    GDT_POINTER.base = Ptr.to(this).address;
    lgdt(Ptr.to(GDT_POINTER).address);
  }

  private push(descriptor: u64): u32 {
    if (this.length >= MAX_ENTRIES) throw new Error(`the GDT is full (${MAX_ENTRIES} slots)`);
    const index = this.length;
    this.table[index] = descriptor;
    this.length++;
    return index;
  }
}

/** The LGDT operand; read only while the instruction runs. */
const GDT_POINTER = new DescriptorTablePointer();


