/**
 * kernel/arch/x86_64/pit.ts: the 8253/8254 programmable interval timer,
 * channel 0, which drives the PIC's line 0 (OSDev "Programmable Interval
 * Timer"; Intel 8254 datasheet).
 *
 * The PIT counts down from a divisor at 1193182 Hz and raises line 0 each
 * time it wraps: the rate is 1193182 / divisor. Command 0x36 on port 0x43
 * selects channel 0 (bits 6-7 = 00), low byte then high byte (bits 4-5 = 11),
 * mode 3, square wave (bits 1-3 = 011), binary counting (bit 0 = 0); the
 * divisor follows on port 0x40, low byte first. Command 0x30 selects mode 0,
 * "interrupt on terminal count" (bits 1-3 = 000): the output goes low at the
 * command and rises once, when the count written after it has run out; it
 * raises line 0 once (8254 datasheet, "Mode 0"), for timing one interval;
 * the counter then wraps to 0xffff and goes on counting down. Command 0x00
 * latches channel 0's count, read as low then high byte ("Counter Latch
 * Command").
 * Invariants: 1 <= divisor <= 65535 (0 would mean 65536).
 */
import { assert, assertEq } from "../../../lib/core/assert.ts";
import { disableInterrupts, restoreInterrupts } from "../../../lib/x86_64/instructions/interrupts.ts";

export const PIT_FREQUENCY_HZ: u32 = 1193182;
const CHANNEL_0_DATA: u16 = 0x40;
const MODE_COMMAND: u16 = 0x43;
const CHANNEL_0_LOHI_SQUARE_WAVE: u8 = 0x36;
const CHANNEL_0_LOHI_ONE_SHOT: u8 = 0x30;
const CHANNEL_0_LATCH: u8 = 0x00;

/** The divisor that makes `hz` interrupts a second, rounded to the nearest. */
export function pitDivisor(hz: u32): u16 {
  const divisor = (PIT_FREQUENCY_HZ + hz / 2) / hz;
  if (divisor < 1 || divisor > 0xffff) throw new Error(`the PIT cannot tick at ${hz} Hz`);
  return u16(divisor);
}

/** Makes channel 0 raise line 0 every `divisor` input clocks. */
export function setPitDivisor(divisor: u16): void {
  outb(MODE_COMMAND, CHANNEL_0_LOHI_SQUARE_WAVE);
  outb(CHANNEL_0_DATA, u8(divisor));
  outb(CHANNEL_0_DATA, u8(divisor >> 8));
}

/**
 * Makes channel 0 raise line 0 once, `count` input clocks from now (the
 * periodic rate is gone until setPitDivisor is called again).
 */
export function startPitOneShot(count: u16): void {
  outb(MODE_COMMAND, CHANNEL_0_LOHI_ONE_SHOT);
  outb(CHANNEL_0_DATA, u8(count));
  outb(CHANNEL_0_DATA, u8(count >> 8));
}

/** Channel 0's current count, latched so that the two bytes belong together. */
export function readPitCount(): u16 {
  outb(MODE_COMMAND, CHANNEL_0_LATCH);
  const low = inb(CHANNEL_0_DATA);
  const high = inb(CHANNEL_0_DATA);
  return (u16(high) << 8) | u16(low);
}

/** @test */
function divisorFor100HzIsAbout11932(): void {
  assertEq(pitDivisor(100), 11932);
  assertEq(pitDivisor(1000), 1193);
  assertEq(pitDivisor(PIT_FREQUENCY_HZ), 1);
}

/** @test */
function oneShotCountRunsDownAndReadsBackWhole(): void {
  const wereEnabled = disableInterrupts();
  startPitOneShot(0xf000); // 51 ms: room for a host that stalls QEMU
  const first = readPitCount();
  let later = readPitCount();
  while (later === first) later = readPitCount();
  setPitDivisor(pitDivisor(100)); // the kernel's rate back (timer.ts TICK_HZ)
  restoreInterrupts(wereEnabled);
  assert(first <= 0xf000 && first > 0x7000, "the count starts at what was written, high byte included");
  assert(later < first, "the count runs down");
}
