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
 * Test: the 8042's command 0xD2, "write keyboard output buffer", makes the
 * next byte written to port 0x60 arrive as if typed, with IRQ 1 (OSDev "8042
 * PS/2 Controller", "PS/2 Controller Commands"): the unit test types through
 * the real interrupt path without a keyboard.
 */
import { InterruptDescriptorTable } from "../../../lib/x86_64/structures/idt.ts";
import { InterruptIndex, PICS } from "./pic.ts";
import { onTimerTick, sleep } from "../../timer.ts";
import { processKeyboardInput, pushScancode, takeScancode } from "../../keyboard.ts";
import { BUFFER_HEIGHT, WRITER, assertRowShows, vgaPrintln } from "./vga.ts";
import { assert, assertEq } from "../../../lib/core/assert.ts";

const PS2_DATA_PORT: u16 = 0x60;
const PS2_STATUS_COMMAND_PORT: u16 = 0x64;
const PS2_STATUS_INPUT_FULL: u8 = 0x02; // bit 1: the controller has not taken the last byte written yet
const PS2_WRITE_KEYBOARD_OUTPUT: u8 = 0xd2;

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

function ps2Write(port: u16, byte: u8): void {
  while ((inb(PS2_STATUS_COMMAND_PORT) & PS2_STATUS_INPUT_FULL) !== 0) spinLoopHint();
  outb(port, byte);
}

/** Makes `byte` arrive from the keyboard: the 8042 raises IRQ 1 for it. */
function typeThroughTheController(byte: u8): void {
  ps2Write(PS2_STATUS_COMMAND_PORT, PS2_WRITE_KEYBOARD_OUTPUT);
  ps2Write(PS2_DATA_PORT, byte);
}

/** @test */
function keyboardInterruptsFollowOneAnother(): void {
  assert(interruptsEnabled(), "the keyboard interrupt must be enabled");
  // A missing end of interrupt would leave IRQ 1 in service: the second byte would never come.
  typeThroughTheController(0x1e); // "a" pressed
  sleep(20);
  typeThroughTheController(0x9e); // "a" released
  sleep(20);
  assertEq(takeScancode() ?? 0, 0x1e);
  assertEq(takeScancode() ?? 0, 0x9e);
  assert(takeScancode() === null, "a byte arrived that was not typed");
}

/** @test */
function typedBackspaceErasesOnScreen(): void {
  vgaPrintln(""); // a fresh bottom row
  typeThroughTheController(0x1e); // a
  typeThroughTheController(0x9e);
  typeThroughTheController(0x30); // b
  typeThroughTheController(0xb0);
  typeThroughTheController(0x0e); // Backspace
  typeThroughTheController(0x8e);
  sleep(50);
  processKeyboardInput();
  const writer = WRITER.lock();
  assertRowShows(writer, BUFFER_HEIGHT - 1, "a");
  WRITER.unlock();
  vgaPrintln(""); // later tests start on a fresh row
}

const GATES = new InterruptDescriptorTable();

/** @test */
function eachPicLineHasItsGate(): void {
  installIrqHandlers(GATES);
  // interrupts[i] is vector 32 + i: the timer's line 0, the keyboard's 1, the spurious 7 and 15.
  assertEq(GATES.interrupts[0].handlerAddress(), functionAddress(timerInterrupt));
  assertEq(GATES.interrupts[1].handlerAddress(), functionAddress(keyboardInterrupt));
  assertEq(GATES.interrupts[7].handlerAddress(), functionAddress(masterSpuriousInterrupt));
  assertEq(GATES.interrupts[15].handlerAddress(), functionAddress(slaveSpuriousInterrupt));
  for (let line = 2; line < 7; line++) assert(!GATES.interrupts[line].isPresent(), "a PIC line without a device has a gate");
  for (let line = 8; line < 15; line++) assert(!GATES.interrupts[line].isPresent(), "a PIC line without a device has a gate");
}
