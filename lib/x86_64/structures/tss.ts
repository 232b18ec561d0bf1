/**
 * lib/x86_64/structures/tss.ts: the 64-bit task state segment, after the Rust
 * x86_64 crate's structures::tss (blog_os post 06, "Double Faults").
 *
 * In 64-bit mode the TSS no longer holds a task's registers; it only lists
 * stacks the CPU switches to (Intel SDM vol. 3A, 7.7 "Task Management in
 * 64-bit Mode", figure 7-11 "64-Bit TSS Format"):
 *   - privilegeStackTable: RSP0-RSP2, loaded when an interrupt raises the
 *     privilege level to 0-2 (6.14.4 "Stack Switching in IA-32e Mode");
 *   - interruptStackTable: IST1-IST7, loaded whenever a gate's IST field
 *     names them, whatever the privilege level (6.14.5 "Interrupt Stack
 *     Table"). A double-fault handler on an IST stack survives a stack overflow.
 * The 64-bit fields sit at 4-byte offsets, so the struct is @packed. The CPU
 * finds the TSS through a TSS descriptor in the GDT (gdt.ts) and LTR.
 * Invariants: 104 bytes; an IST entry is the TOP of its stack (stacks grow
 * down), and a loaded TSS must stay in place for good.
 */

/** @packed */
export class TaskStateSegment {
  private readonly reserved1: u32 = 0;
  /** RSP0-RSP2: the stacks for entering privilege levels 0-2. */
  privilegeStackTable!: FixedArray<u64, 3>;
  private readonly reserved2: u64 = 0;
  /** IST1-IST7 at indexes 0-6: the stacks a gate's IST index (1-7) selects. */
  interruptStackTable!: FixedArray<u64, 7>;
  private readonly reserved3: u64 = 0;
  private readonly reserved4: u16 = 0;
  /**
   * Offset of the I/O permission bitmap from the TSS base (7.7, 18.5.2). At or
   * beyond the segment limit it means "no bitmap": every port access at CPL 3
   * faults.
   */
  iomapBase: u16 = u16(sizeOf<TaskStateSegment>());
}
staticAssert(sizeOf<TaskStateSegment>() === 104, "the 64-bit TSS is 104 bytes");
