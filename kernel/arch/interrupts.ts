/**
 * kernel/arch/interrupts.ts: the architecture interface, part 1: turning the
 * CPU's interrupts on and off, waiting for one, and setting up the tables and
 * controllers that deliver them. Architecture-neutral kernel code reaches
 * interrupt hardware only through this module (`import * as interrupts`).
 *
 * Contract (what a RISC-V port implements over kernel/arch/riscv64/, with
 * sstatus.SIE for the flag, WFI for waiting, stvec and the PLIC for set-up):
 *   init()           exception and interrupt handlers installed, the interrupt
 *                    controller(s) ready; interrupts stay off.
 *   enable()         maskable interrupts on.
 *   disable()        off; returns whether they were on, for restore().
 *   restore(was)     back to what disable() found; sections nest.
 *   areEnabled()     the flag as it is now.
 *   wait()           sleeps until the next interrupt (off: until NMI/reset).
 *   enableAndWait()  enable() and wait() with no gap between them, so an
 *                    interrupt that arrives after a check made with
 *                    interrupts off still ends the wait.
 * The bodies below are the x86_64 implementation: RFLAGS.IF set by STI and
 * cleared by CLI, HLT (Intel SDM vol. 2A/2B); STI delays interrupts by one
 * instruction, so STI; HLT cannot miss one (vol. 2B, STI). init() loads the
 * GDT first (gates take its code segment, the double-fault gate its TSS's
 * stack), then the IDT, then remaps the 8259 PICs past the exceptions.
 */
import { initGdt } from "./x86_64/gdt.ts";
import { initIdt } from "./x86_64/interrupts.ts";
import { initPics } from "./x86_64/pic.ts";
import { disableInterrupts, restoreInterrupts } from "../../lib/x86_64/instructions/interrupts.ts";

export function init(): void {
  initGdt();
  initIdt();
  initPics();
}

export function enable(): void {
  sti();
}

export function disable(): boolean {
  return disableInterrupts();
}

export function restore(wereEnabled: boolean): void {
  restoreInterrupts(wereEnabled);
}

export function areEnabled(): boolean {
  return interruptsEnabled();
}

export function wait(): void {
  hlt();
}

export function enableAndWait(): void {
  enableInterruptsAndHalt();
}
