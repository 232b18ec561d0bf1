/**
 * kernel/arch/x86_64/irq.ts: the handlers of the 8259's lines (blog_os post
 * 07): the timer (line 0), the PS/2 keyboard (line 1), and the spurious
 * interrupts the 8259s report on lines 7 and 15.
 *
 * Input: the IDT to fill. Output: each handler does its device's minimum and
 * hands over to architecture-neutral code (timer.ts, keyboard.ts), then sends
 * the end of interrupt. Invariants: handlers never allocate (the compiler
 * checks it) and run with interrupts off (interrupt gates); the keyboard's
 * byte must be read from port 0x60 before the EOI, or the controller sends
 * no further interrupts (OSDev "8042 PS/2 Controller").
 */
import { InterruptDescriptorTable } from "../../../lib/x86_64/structures/idt.ts";
import { InterruptIndex, PICS } from "./pic.ts";
import { onTimerTick } from "../../timer.ts";
import { pushScancode } from "../../keyboard.ts";

const PS2_DATA_PORT: u16 = 0x60;

function timerInterrupt(frame: InterruptStackFrame): void {
  onTimerTick();
  PICS.notifyEndOfInterrupt(InterruptIndex.Timer);
}

function keyboardInterrupt(frame: InterruptStackFrame): void {
  pushScancode(inb(PS2_DATA_PORT));
  PICS.notifyEndOfInterrupt(InterruptIndex.Keyboard);
}

function masterSpuriousInterrupt(frame: InterruptStackFrame): void {
  if (!PICS.isSpurious(InterruptIndex.MasterSpurious)) PICS.notifyEndOfInterrupt(InterruptIndex.MasterSpurious);
}

function slaveSpuriousInterrupt(frame: InterruptStackFrame): void {
  if (!PICS.isSpurious(InterruptIndex.SlaveSpurious)) PICS.notifyEndOfInterrupt(InterruptIndex.SlaveSpurious);
}

/** Installs the PIC lines' handlers; `interrupts[i]` is vector 32 + i. */
export function installIrqHandlers(idt: InterruptDescriptorTable): void {
  idt.interrupts[InterruptIndex.Timer - 32].setHandler(timerInterrupt);
  idt.interrupts[InterruptIndex.Keyboard - 32].setHandler(keyboardInterrupt);
  idt.interrupts[InterruptIndex.MasterSpurious - 32].setHandler(masterSpuriousInterrupt);
  idt.interrupts[InterruptIndex.SlaveSpurious - 32].setHandler(slaveSpuriousInterrupt);
}
