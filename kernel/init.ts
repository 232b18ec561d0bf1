/**
 * kernel/init.ts: the kernel's initialization, shared by main.ts and the
 * integration tests (blog_os's `init()`), through the architecture interface
 * (kernel/arch/interrupts.ts, kernel/arch/timer.ts).
 *
 * Order matters: the handlers and interrupt controllers first, then the
 * timer, and only then interrupts on: every interrupt they raise has a
 * handler.
 */
import * as interrupts from "./arch/interrupts.ts";
import * as timer from "./arch/timer.ts";
import { TICK_HZ } from "./timer.ts";

export function init(): void {
  interrupts.init();
  timer.start(TICK_HZ);
  interrupts.enable();
}
