/**
 * lib/x86_64/structures/paging/page.ts: virtual pages and physical frames of
 * the three x86_64 page sizes, after the x86_64 crate's `Page<S>` and
 * `PhysFrame<S>` (blog_os post 09).
 *
 * Intel SDM vol. 3A, 4.5 "4-Level Paging": a level-1 entry maps a 4 KiB page,
 * a level-2 entry with PS = 1 a 2 MiB page, a level-3 entry with PS = 1 a
 * 1 GiB page (tables 4-15 and 4-17; 1 GiB pages need CPUID.80000001H:EDX
 * bit 26). A page or frame is named by its first address, which is aligned
 * to its size.
 *
 * Like VirtAddr and PhysAddr (../../addr.ts), these are a u64 with a brand
 * tsc checks: `Page<Size2MiB>` where a `Page<Size4KiB>` is wanted, or a page
 * where a frame is wanted, does not compile; at run time they are the start
 * address, nothing more. Constructors check alignment; `...Containing`
 * rounds down.
 */
import { type PhysAddr, type VirtAddr, alignDown, isAligned } from "../../addr.ts";

export type Size4KiB = "4KiB";
export type Size2MiB = "2MiB";
export type Size1GiB = "1GiB";
export type PageSize = Size4KiB | Size2MiB | Size1GiB;

export const SIZE_4KIB: u64 = 4096;
export const SIZE_2MIB: u64 = 0x20_0000;
export const SIZE_1GIB: u64 = 0x4000_0000;

/** A virtual page of size S, named by its first address. */
export type Page<S extends PageSize> = u64 & { readonly __page: S };
/** A physical frame of size S, named by its first address. */
export type PhysFrame<S extends PageSize> = u64 & { readonly __frame: S };

/** The 4 KiB page holding `address`. */
export function pageContaining(address: VirtAddr): Page<Size4KiB> {
  return alignDown(address, SIZE_4KIB) as Page<Size4KiB>;
}

export function page2MiBContaining(address: VirtAddr): Page<Size2MiB> {
  return alignDown(address, SIZE_2MIB) as Page<Size2MiB>;
}

export function page1GiBContaining(address: VirtAddr): Page<Size1GiB> {
  return alignDown(address, SIZE_1GIB) as Page<Size1GiB>;
}

/** The 4 KiB page starting at `address`, or null if `address` is not 4 KiB-aligned. */
export function pageStartingAt(address: VirtAddr): Page<Size4KiB> | null {
  return isAligned(address, SIZE_4KIB) ? (address as u64 as Page<Size4KiB>) : null;
}

/** The first address of any page. */
export function pageStart(page: Page<PageSize>): VirtAddr {
  return page as u64 as VirtAddr;
}

/** The 4 KiB page after `page`. */
export function nextPage(page: Page<Size4KiB>): Page<Size4KiB> {
  return (page + SIZE_4KIB) as Page<Size4KiB>;
}

/** The 4 KiB frame holding `address`. */
export function frameContaining(address: PhysAddr): PhysFrame<Size4KiB> {
  return alignDown(address, SIZE_4KIB) as PhysFrame<Size4KiB>;
}

export function frame2MiBContaining(address: PhysAddr): PhysFrame<Size2MiB> {
  return alignDown(address, SIZE_2MIB) as PhysFrame<Size2MiB>;
}

export function frame1GiBContaining(address: PhysAddr): PhysFrame<Size1GiB> {
  return alignDown(address, SIZE_1GIB) as PhysFrame<Size1GiB>;
}

/** The 4 KiB frame starting at `address`, or null if `address` is not 4 KiB-aligned. */
export function frameStartingAt(address: PhysAddr): PhysFrame<Size4KiB> | null {
  return isAligned(address, SIZE_4KIB) ? (address as u64 as PhysFrame<Size4KiB>) : null;
}

/** The first address of any frame. */
export function frameStart(frame: PhysFrame<PageSize>): PhysAddr {
  return frame as u64 as PhysAddr;
}
