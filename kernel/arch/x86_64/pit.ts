/**
 * kernel/arch/x86_64/pit.ts: the 8253/8254 programmable interval timer,
 * channel 0, which drives the PIC's line 0 (OSDev "Programmable Interval
 * Timer"; Intel 8254 datasheet).
 *
 * The PIT counts down from a divisor at 1193182 Hz and raises line 0 each
 * time it wraps: the rate is 1193182 / divisor. Command 0x36 on port 0x43
 * selects channel 0 (bits 6-7 = 00), low byte then high byte (bits 4-5 = 11),
 * mode 3, square wave (bits 1-3 = 011), binary counting (bit 0 = 0); the
 * divisor follows on port 0x40, low byte first.
 * Invariants: 1 <= divisor <= 65535 (0 would mean 65536).
 */
import { assertEq } from "../../../lib/core/assert.ts";

export const PIT_FREQUENCY_HZ: u32 = 1193182;
const CHANNEL_0_DATA: u16 = 0x40;
const MODE_COMMAND: u16 = 0x43;
const CHANNEL_0_LOHI_SQUARE_WAVE: u8 = 0x36;

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

/** @test */
function divisorFor100HzIsAbout11932(): void {
  assertEq(pitDivisor(100), 11932);
  assertEq(pitDivisor(1000), 1193);
  assertEq(pitDivisor(PIT_FREQUENCY_HZ), 1);
}
