/**
 * kernel/init.ts: the kernel's initialization, shared by main.ts and the
 * integration tests (blog_os's `init()`).
 *
 * Order matters: the GDT first, since the IDT's gates take the current code
 * segment and the double-fault gate takes a stack from the GDT's TSS.
 * Later posts add the interrupt controllers and `sti()` here.
 */
import { initGdt } from "./gdt.ts";
import { initIdt } from "./interrupts.ts";

export function init(): void {
  initGdt();
  initIdt();
}
