/**
 * kernel/init.ts: the kernel's initialization, shared by main.ts and the
 * integration tests (blog_os's `init()`).
 *
 * Order matters: the GDT first, since the IDT's gates take the current code
 * segment and the double-fault gate takes a stack from the GDT's TSS.
 * Then the interrupt controllers (remapped past the exceptions) and the
 * timer, and only then interrupts on: every vector they raise has a handler.
 */
import { initGdt } from "./arch/x86_64/gdt.ts";
import { initIdt } from "./arch/x86_64/interrupts.ts";
import { initPics } from "./arch/x86_64/pic.ts";
import { pitDivisor, setPitDivisor } from "./arch/x86_64/pit.ts";
import { TICK_HZ } from "./timer.ts";

export function init(): void {
  initGdt();
  initIdt();
  initPics();
  setPitDivisor(pitDivisor(TICK_HZ));
  sti();
}
