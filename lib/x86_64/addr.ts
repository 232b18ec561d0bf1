/**
 * lib/x86_64/addr.ts: virtual and physical addresses as distinct types, after
 * the Rust x86_64 crate's `VirtAddr` and `PhysAddr` (blog_os post 09).
 *
 * Intel SDM vol. 3A, 4.5 "4-Level Paging": a linear (virtual) address has 48
 * significant bits, and bits 63:48 must copy bit 47 ("canonical", 3.3.7.1);
 * a physical address has at most 52 bits (MAXPHYADDR, 4.1.4). A 4-level walk
 * takes 9 bits per level: bits 47:39 index the level-4 table, 38:30 level 3,
 * 29:21 level 2, 20:12 level 1, and bits 11:0 are the offset in the page
 * (figure 4-8).
 *
 * Both types are a u64 with a brand tsc sees and the compiler ignores, so
 * they cost nothing (a C uint64_t) and mixing them is a type error:
 * `translate(phys)` or `const v: VirtAddr = someU64` does not compile; a
 * VirtAddr still widens to u64 wherever a plain number is wanted. The only
 * ways in are virtAddr()/physAddr() (checked) and the helpers below, which
 * keep the brand.
 */

export type VirtAddr = u64 & { readonly __addressSpace: "virtual" };
export type PhysAddr = u64 & { readonly __addressSpace: "physical" };

/** Bits 52..63 of a physical address must be zero (MAXPHYADDR is at most 52). */
const PHYS_ADDRESS_LIMIT: u64 = 0x0010_0000_0000_0000;
/** Bit 47: bits 48..63 of a canonical address copy it. */
const SIGN_BIT: u64 = 47;
const INDEX_MASK: u64 = 0x1ff;

/** Whether bits 63:47 of `address` are all zeros or all ones (3.3.7.1). */
export function isCanonical(address: u64): boolean {
  const top = address >> SIGN_BIT; // 17 bits
  return top === 0 || top === 0x1_ffff;
}

/** `address` as a VirtAddr; a non-canonical address panics (the CPU would raise #GP on it). */
export function virtAddr(address: u64): VirtAddr {
  if (!isCanonical(address)) throw new Error(`virtual address 0x${address.toString(16)} is not canonical`);
  return address as VirtAddr;
}

/** `address` as a VirtAddr with bits 63:48 made to copy bit 47 (the x86_64 crate's new_truncate). */
export function virtAddrTruncate(address: u64): VirtAddr {
  const low = address & 0x0000_ffff_ffff_ffff;
  return ((low & 0x0000_8000_0000_0000) !== 0 ? low | 0xffff_0000_0000_0000 : low) as VirtAddr;
}

/** `address` as a PhysAddr; an address of 2^52 or more panics. */
export function physAddr(address: u64): PhysAddr {
  if (address >= PHYS_ADDRESS_LIMIT) throw new Error(`physical address 0x${address.toString(16)} has bits above 52 set`);
  return address as PhysAddr;
}

/** The largest multiple of `align` (a power of two) at or below `value`. */
export function alignDown(value: u64, align: u64): u64 {
  return value & ~(align - 1);
}

/** The smallest multiple of `align` (a power of two) at or above `value` (wraps to 0 at the top). */
export function alignUp(value: u64, align: u64): u64 {
  return (value + align - 1) & ~(align - 1);
}

export function isAligned(value: u64, align: u64): boolean {
  return (value & (align - 1)) === 0;
}

export function virtAlignDown(address: VirtAddr, align: u64): VirtAddr {
  return alignDown(address, align) as VirtAddr;
}

export function physAlignDown(address: PhysAddr, align: u64): PhysAddr {
  return alignDown(address, align) as PhysAddr;
}

/** `address + bytes`, still canonical (panics otherwise). */
export function virtAdd(address: VirtAddr, bytes: u64): VirtAddr {
  return virtAddr(address + bytes);
}

export function physAdd(address: PhysAddr, bytes: u64): PhysAddr {
  return physAddr(address + bytes);
}

/** The index into the table of `level` (4 = PML4 ... 1 = page table) that `address` selects. */
export function tableIndex(address: VirtAddr, level: u32): u32 {
  return u32((address >> (12 + 9 * u64(level - 1))) & INDEX_MASK);
}

export function p4Index(address: VirtAddr): u32 {
  return u32((address >> 39) & INDEX_MASK);
}

export function p3Index(address: VirtAddr): u32 {
  return u32((address >> 30) & INDEX_MASK);
}

export function p2Index(address: VirtAddr): u32 {
  return u32((address >> 21) & INDEX_MASK);
}

export function p1Index(address: VirtAddr): u32 {
  return u32((address >> 12) & INDEX_MASK);
}

/** Bits 11:0: the offset inside a 4 KiB page. */
export function pageOffset(address: VirtAddr): u32 {
  return u32(address & 0xfff);
}
