/**
 * kernel/init.ts: the kernel's initialization, shared by main.ts and the
 * integration tests (blog_os's `init()`), through the architecture interface
 * (kernel/arch/interrupts.ts, kernel/arch/timer.ts).
 *
 * Order matters: the exception and interrupt handlers and the interrupt
 * controllers first (interrupts stay off), so that memory set-up (the frame
 * allocator and the kernel's page tables) can already report a fault; then
 * the timer, and only then interrupts on: every interrupt they raise has a
 * handler.
 */
import * as interrupts from "./arch/interrupts.ts";
import * as timer from "./arch/timer.ts";
import { TICK_HZ } from "./timer.ts";
import { initMemory } from "./memory/memory.ts";

export function init(): void {
  interrupts.init();
  initMemory();
  timer.start(TICK_HZ);
  interrupts.enable();
}
