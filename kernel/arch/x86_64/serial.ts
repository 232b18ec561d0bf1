/**
 * kernel/arch/x86_64/serial.ts: COM1, a 16550 UART at I/O port 0x3F8 (blog_os post 04).
 *
 * Registers (PC16550D datasheet, Table II "Summary of Registers"; OSDev "Serial
 * Ports") are offsets from the base; with LCR bit 7 (DLAB) set, offsets 0 and
 * 1 are the baud-rate divisor instead. Output: serialPrint / serialPrintln,
 * which QEMU shows on stdio with `-serial stdio`. The UART is set up once, at
 * module initialization, before any importer runs.
 * Invariants: only the holder of COM1_LOCK touches the registers.
 */
import { SpinLock } from "../../../lib/core/spin.ts";
import { Port, PortReadOnly, PortWriteOnly } from "../../../lib/x86_64/port.ts";
import { assertEq } from "../../../lib/core/assert.ts";
import { disableInterrupts, restoreInterrupts } from "../../../lib/x86_64/instructions/interrupts.ts";

const COM1: u16 = 0x3f8;
const DATA = new Port<u8>(COM1 + 0); // THR on write, RBR on read; divisor low byte while DLAB = 1
const INTERRUPT_ENABLE = new Port<u8>(COM1 + 1); // IER; divisor high byte while DLAB = 1
const FIFO_CONTROL = new PortWriteOnly<u8>(COM1 + 2); // FCR (reading this offset gives IIR)
const LINE_CONTROL = new Port<u8>(COM1 + 3); // LCR
const MODEM_CONTROL = new Port<u8>(COM1 + 4); // MCR
const LINE_STATUS = new PortReadOnly<u8>(COM1 + 5); // LSR

const IER_NONE: u8 = 0x00; // no UART interrupts: the kernel polls
const LCR_DLAB: u8 = 0x80; // bit 7: offsets 0 and 1 address the divisor latch
const LCR_8N1: u8 = 0x03; // bits 0-1 = 11: 8 data bits; bit 2 = 0: 1 stop bit; bit 3 = 0: no parity; DLAB off
const BAUD_DIVISOR: u16 = 3; // 115200 / 3 = 38400 baud (1.8432 MHz clock / 16 / divisor)
const FCR_ENABLE_AND_CLEAR: u8 = 0xc7; // bit 0 enable FIFOs, bits 1-2 clear them, bits 6-7 = 11: 14-byte trigger
const MCR_DTR_RTS_OUT2: u8 = 0x0b; // bits 0, 1, 3: DTR, RTS, OUT2 (OUT2 gates the IRQ line on PCs)
const LSR_TRANSMIT_EMPTY: u8 = 0x20; // bit 5: the transmit holding register can take a byte
const LSR_TRANSMITTER_IDLE: u8 = 0x40; // bit 6 (TEMT): the FIFO and the shift register are both empty

const NEWLINE: u8 = 0x0a;

const COM1_LOCK = new SpinLock();

/** The init sequence of OSDev "Serial Ports", as in the uart_16550 crate. */
function init(): void {
  INTERRUPT_ENABLE.write(IER_NONE);
  LINE_CONTROL.write(LCR_DLAB);
  DATA.write(u8(BAUD_DIVISOR));
  INTERRUPT_ENABLE.write(u8(BAUD_DIVISOR >> 8));
  LINE_CONTROL.write(LCR_8N1);
  FIFO_CONTROL.write(FCR_ENABLE_AND_CLEAR);
  MODEM_CONTROL.write(MCR_DTR_RTS_OUT2);
}

/** Waits until the UART can take a byte, then hands it over. Caller holds COM1_LOCK. */
function sendByte(byte: u8): void {
  while ((LINE_STATUS.read() & LSR_TRANSMIT_EMPTY) === 0) spinLoopHint();
  DATA.write(byte);
}

function sendText(s: Text): void {
  for (let i = 0; i < s.length; i++) sendByte(u8(s.charCodeAt(i)));
}

// The lock is held with interrupts off: handlers print too (see vga.ts).
export function serialPrint(s: Text): void {
  const wereEnabled = disableInterrupts();
  COM1_LOCK.lock();
  sendText(s);
  COM1_LOCK.unlock();
  restoreInterrupts(wereEnabled);
}

export function serialPrintln(s: Text): void {
  const wereEnabled = disableInterrupts();
  COM1_LOCK.lock();
  sendText(s);
  sendByte(NEWLINE);
  COM1_LOCK.unlock();
  restoreInterrupts(wereEnabled);
}

/**
 * Waits until COM1 has sent every byte it was given (PC16550D LSR bit 6,
 * TEMT). A byte whose bit 5 let the next one in may still be in the shift
 * register, and QEMU drops it if the machine ends first: exitQemu waits here.
 * Only reads LSR, so it needs no lock.
 */
export function serialFlush(): void {
  while ((LINE_STATUS.read() & LSR_TRANSMITTER_IDLE) === 0) spinLoopHint();
}

init();

/** @test */
function baudDivisorReadsBackThroughDlab(): void {
  COM1_LOCK.lock();
  const lineControl = LINE_CONTROL.read();
  LINE_CONTROL.write(lineControl | LCR_DLAB);
  const low = DATA.read();
  const high = INTERRUPT_ENABLE.read();
  LINE_CONTROL.write(lineControl);
  const interruptEnable = INTERRUPT_ENABLE.read(); // DLAB off again: the real IER
  COM1_LOCK.unlock();
  assertEq((u16(high) << 8) | u16(low), BAUD_DIVISOR);
  assertEq(lineControl, LCR_8N1);
  assertEq(interruptEnable, IER_NONE);
}
