/**
 * lib/x86_64/structures/descriptor_table_pointer.ts: the operand of LGDT and
 * LIDT, after the Rust x86_64 crate's structures::DescriptorTablePointer.
 *
 * In 64-bit mode both instructions read 10 bytes from memory: a 16-bit limit
 * (the table's size in bytes, minus one) followed directly by the table's
 * 64-bit linear base address (Intel SDM vol. 3A, 2.4.1 "Global Descriptor
 * Table Register (GDTR)", 2.4.3 "IDTR Interrupt Descriptor Table Register",
 * and figure 6-1 "Relationship of the IDTR and IDT"). The base lies at offset
 * 2, unaligned, so the struct is @packed. The operand is read only while the
 * instruction runs; the table it points at must stay in place for good.
 */

/** @packed */
export class DescriptorTablePointer {
  /** Size of the table in bytes, minus one. */
  limit: u16 = 0;
  /** Linear address of the table's first byte. */
  base: u64 = 0;
}
staticAssert(sizeOf<DescriptorTablePointer>() === 10, "the LGDT/LIDT operand is 10 bytes");
