/**
 * kernel/arch/x86_64/gdt.ts: the kernel's GDT and TSS (blog_os post 06, "Double Faults").
 *
 * Why: when the kernel stack overflows into its guard page, the CPU cannot
 * push the page fault's frame either, so the fault becomes a double fault,
 * whose frame cannot be pushed... and the CPU resets (a triple fault). A
 * double-fault gate with an IST index makes the CPU switch to a known-good
 * stack first (Intel SDM vol. 3A, 6.14.5 "Interrupt Stack Table"). The IST
 * lives in the TSS (7.7), the TSS is found through the GDT (7.2.3), so the
 * kernel needs its own GDT: null, 64-bit kernel code, TSS.
 * Output: initGdt() loads the GDT and reloads CS, the data segments and the
 * task register; DOUBLE_FAULT_IST_INDEX names the stack for interrupts.ts.
 * Invariants: GDT, TSS and stack are module-level (static, never moved);
 * initGdt() runs once, before the IDT is loaded (gates take the current CS).
 */
import { GlobalDescriptorTable, KERNEL_CODE_SEGMENT } from "../../../lib/x86_64/structures/gdt.ts";
import { TaskStateSegment } from "../../../lib/x86_64/structures/tss.ts";
import { assert, assertEq } from "../../../lib/core/assert.ts";

/** The TSS interruptStackTable slot of the double-fault stack (IST1). */
export const DOUBLE_FAULT_IST_INDEX: u16 = 0;

const DOUBLE_FAULT_STACK_SIZE: usize = 4096 * 5;
/** A null selector: allowed in DS, ES, FS, GS and (at CPL 0) SS in 64-bit mode (3.4.4, 5.4.1.1). */
const NULL_SELECTOR: u16 = 0;

/**
 * The double-fault handler's stack: 20 KiB in .bss, as blog_os's. It has no
 * guard page, so the handler must not recurse deeply.
 * @struct
 */
class Stack {
  bytes!: FixedArray<u8, 20480>;
}
staticAssert(sizeOf<Stack>() === 4096 * 5, "the double-fault stack is DOUBLE_FAULT_STACK_SIZE bytes");

const DOUBLE_FAULT_STACK = new Stack();
const TSS = new TaskStateSegment();
const GDT = new GlobalDescriptorTable();

/** Stacks grow down: the IST entry is the first address past the stack. */
TSS.interruptStackTable[DOUBLE_FAULT_IST_INDEX] = Ptr.to(DOUBLE_FAULT_STACK).address + DOUBLE_FAULT_STACK_SIZE;

const CODE_SELECTOR = GDT.addSegment(KERNEL_CODE_SEGMENT);
const TSS_SELECTOR = GDT.addTss(Ptr.to(TSS));

/**
 * Loads the GDT, then the registers that cache descriptors from the old one
 * (boot.S's GDT: code 0x08, data 0x10): CS by a far return, the data
 * segments with the null selector (this GDT has no data segment; 0x10 is now
 * the TSS, and an IRETQ that reloaded SS = 0x10 would fault), and the task
 * register with the TSS.
 */
export function initGdt(): void {
  GDT.load();
  setCs(CODE_SELECTOR);
  setDataSegments(NULL_SELECTOR);
  ltr(TSS_SELECTOR);
}

/** Whether `address` lies on the double-fault stack (tests check the handler runs there). */
export function onDoubleFaultStack(address: usize): boolean {
  const bottom = Ptr.to(DOUBLE_FAULT_STACK).address;
  return address >= bottom && address <= bottom + DOUBLE_FAULT_STACK_SIZE;
}

/** @test */
function codeSegmentIsKernelCode(): void {
  assertEq(GDT.entry(1), KERNEL_CODE_SEGMENT);
  assertEq(readCs(), CODE_SELECTOR);
}

/** @test */
function tssDescriptorNamesTheTss(): void {
  const low = GDT.entry(2);
  const high = GDT.entry(3);
  const base = ((low >> 16) & 0xff_ffff) | (((low >> 56) & 0xff) << 24) | (high << 32);
  assertEq(base, Ptr.to(TSS).address);
  assertEq(low & 0xffff, sizeOf<TaskStateSegment>() - 1);
  assertEq(TSS_SELECTOR, 0x10);
}

/** @test */
function istEntryIsTheTopOfTheStack(): void {
  // The stack grows down: the IST entry is one past the stack's last byte, a
  // 16-byte-aligned address (6.14.2) inside no other object, and the stack's
  // own memory lies below it.
  const top = TSS.interruptStackTable[DOUBLE_FAULT_IST_INDEX];
  const stack = Ptr.to(DOUBLE_FAULT_STACK).address;
  assert(top > stack, "the IST entry is not above the stack's first byte");
  assertEq(top - stack, 20480); // 5 pages, as blog_os's STACK_SIZE (4096 * 5)
  assertEq(top & 0xf, 0);
  for (let i: usize = 0; i < 7; i++) {
    if (i !== DOUBLE_FAULT_IST_INDEX) assertEq(TSS.interruptStackTable[i], 0); // only one IST slot is used
  }
}
