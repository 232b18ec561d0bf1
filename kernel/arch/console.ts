/**
 * kernel/arch/console.ts: the architecture interface, part 3: the devices
 * under kernel/console.ts: a text screen and a serial line.
 *
 * Contract (a RISC-V port on QEMU virt: a framebuffer or none, and the
 * 16550 at 0x1000_0000, which is MMIO there):
 *   screenPrint(s), screenPrintln(s)   text on the screen, scrolling.
 *   screenPutByte(b)                  one byte, as typed (keyboard echo).
 *   screenErase()                     erases the last character (Backspace).
 *   screenPanic(line)                 a line in red, even when the screen's
 *                                     lock is held by code that will never
 *                                     resume (a panic).
 *   serialPrint(s), serialPrintln(s)  the serial line, which test runners
 *                                     and headless runs read.
 * Every function takes the device's lock with interrupts off, so an interrupt
 * handler may print without deadlocking the code it interrupted.
 * x86_64: the VGA text buffer at 0xb8000 (vga.ts) and COM1, a 16550 at port
 * 0x3F8 (serial.ts). serial.ts is imported first: COM1 is set up before any
 * other module initializes, so even an early panic is reported.
 */
import { serialPrint as com1Print, serialPrintln as com1Println } from "./x86_64/serial.ts";
import { Color, WRITER, vgaPrint, vgaPrintln } from "./x86_64/vga.ts";
import { disableInterrupts, restoreInterrupts } from "../../lib/x86_64/instructions/interrupts.ts";

export function screenPrint(s: Text): void {
  vgaPrint(s);
}

export function screenPrintln(s: Text): void {
  vgaPrintln(s);
}

export function screenPutByte(byte: u8): void {
  const wereEnabled = disableInterrupts();
  WRITER.lock().writeByte(byte);
  WRITER.unlock();
  restoreInterrupts(wereEnabled);
}

export function screenErase(): void {
  const wereEnabled = disableInterrupts();
  WRITER.lock().backspace();
  WRITER.unlock();
  restoreInterrupts(wereEnabled);
}

/** For the panic handler only: interrupts are off, and nothing runs after it. */
export function screenPanic(line: Text): void {
  WRITER.forceUnlock();
  const writer = WRITER.lock();
  writer.setColor(Color.LightRed, Color.Black);
  writer.writeLine(line);
  WRITER.unlock();
}

export function serialPrint(s: Text): void {
  com1Print(s);
}

export function serialPrintln(s: Text): void {
  com1Println(s);
}
