/**
 * kernel/init.ts: the kernel's initialization, shared by main.ts and the
 * integration tests (blog_os's `init()`).
 *
 * Order matters: the GDT first, since the IDT's gates take the current code
 * segment and the double-fault gate takes a stack from the GDT's TSS. Then
 * memory (the frame allocator and the kernel's page tables), with the IDT
 * already able to report a fault.
 * Then the interrupt controllers (remapped past the exceptions) and the
 * timer, and only then interrupts on: every vector they raise has a handler.
 */
import { initGdt } from "./arch/x86_64/gdt.ts";
import { initIdt } from "./arch/x86_64/interrupts.ts";
import { initPics } from "./arch/x86_64/pic.ts";
import { pitDivisor, setPitDivisor } from "./arch/x86_64/pit.ts";
import { TICK_HZ } from "./timer.ts";
import { initMemory } from "./memory/memory.ts";

export function init(): void {
  initGdt();
  initIdt();
  initMemory();
  initPics();
  setPitDivisor(pitDivisor(TICK_HZ));
  sti();
}
