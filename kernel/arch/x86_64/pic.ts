/**
 * kernel/arch/x86_64/pic.ts: the PC's two 8259 interrupt controllers, set up
 * for the kernel (blog_os post 07, "The 8259 PIC").
 *
 * The BIOS leaves the master on vectors 8-15, where the CPU's own exceptions
 * are (a timer tick would look like a double fault). They are remapped to
 * 32-47, the first vectors free for external interrupts (Intel SDM vol. 3A,
 * 6.2). Only the lines with handlers are unmasked: the timer (line 0), the
 * keyboard (1), and the cascade (2) that carries the slave's lines.
 * Input: nothing. Output: PICS, the vectors of the lines the kernel uses.
 * Invariants: every handler of a PIC line ends with PICS.notifyEndOfInterrupt
 * (its vector), except for a spurious line 7 or 15 (PICS.isSpurious).
 */
import { ChainedPics } from "../../../lib/pic8259/chained_pics.ts";
import { assert, assertEq } from "../../../lib/core/assert.ts";

export const PIC_1_OFFSET: u8 = 32;
export const PIC_2_OFFSET: u8 = PIC_1_OFFSET + 8;

/** The vectors of the lines the kernel handles: line n of the master is PIC_1_OFFSET + n. */
export enum InterruptIndex {
  Timer = 32,
  Keyboard = 33,
  /** Line 7: also where the master reports a spurious interrupt. */
  MasterSpurious = 39,
  /** Line 15: also where the slave reports a spurious interrupt. */
  SlaveSpurious = 47,
}

/** Unmasked: timer (0), keyboard (1), cascade (2); every slave line masked but 7 (15), for spurious ones. */
const MASTER_MASK: u8 = 0b1111_1000;
const SLAVE_MASK: u8 = 0b0111_1111;

export const PICS = new ChainedPics(PIC_1_OFFSET, PIC_2_OFFSET);

export function initPics(): void {
  PICS.initialize(MASTER_MASK, SLAVE_MASK);
}

/** @test */
function masksReadBack(): void {
  assertEq(PICS.masterMask, MASTER_MASK);
  assertEq(PICS.slaveMask, SLAVE_MASK);
}

/** @test */
function onlyThePicVectorsAreHandled(): void {
  assert(!PICS.handles(31), "vector 31 is an exception, not a PIC line");
  assert(PICS.handles(32) && PICS.handles(47), "vectors 32-47 are the PIC lines");
  assert(!PICS.handles(48), "vector 48 is past the slave's lines");
}

/** @test */
function aLineNotInServiceIsSpuriousAndGetsNoEndOfInterrupt(): void {
  // No handler runs now, so no line is in service: an interrupt on 7 or 15 now is spurious.
  // A timer tick between the reads would send an EOI of its own: read with interrupts off.
  const wereEnabled = interruptsEnabled();
  cli();
  const eoisBefore = PICS.endOfInterrupts;
  const spuriousBefore = PICS.spurious;
  const masterSpurious = PICS.isSpurious(InterruptIndex.MasterSpurious);
  const eoisAfterMaster = PICS.endOfInterrupts;
  const slaveSpurious = PICS.isSpurious(InterruptIndex.SlaveSpurious);
  const eoisAfterSlave = PICS.endOfInterrupts;
  const spuriousAfter = PICS.spurious;
  const timerSpurious = PICS.isSpurious(InterruptIndex.Timer);
  if (wereEnabled) sti();
  assert(masterSpurious, "line 7 not in service was not recognised as spurious");
  assertEq(eoisAfterMaster, eoisBefore); // the master gets no EOI
  assert(slaveSpurious, "line 15 not in service was not recognised as spurious");
  assertEq(eoisAfterSlave, eoisBefore + 1); // only the master's, for the cascade line
  assertEq(spuriousAfter, spuriousBefore + 2);
  assert(!timerSpurious, "only lines 7 and 15 can be spurious");
}
