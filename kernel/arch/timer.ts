/**
 * kernel/arch/timer.ts: the architecture interface, part 2: the periodic
 * timer interrupt and a cycle counter. kernel/timer.ts builds ticks(),
 * sleep() and the tick dots on top of it.
 *
 * Contract (a RISC-V port: the SBI timer or CLINT mtimecmp, and rdcycle):
 *   start(hz)   the timer interrupts `hz` times a second from now on; its
 *               handler calls onTimerTick() of kernel/timer.ts, then
 *               acknowledges the interrupt.
 *   cycles()    a free-running CPU cycle counter, for measuring short spans
 *               (benchmarks); its rate is the CPU's, not a wall clock.
 * x86_64: the 8254 PIT's channel 0 at 1.193182 MHz divided down (pit.ts),
 * its IRQ 0 handled in irq.ts; cycles() is RDTSC (Intel SDM vol. 2B, RDTSC;
 * vol. 3B 18.17, the time-stamp counter).
 */
import { pitDivisor, setPitDivisor } from "./x86_64/pit.ts";

export function start(hz: u32): void {
  setPitDivisor(pitDivisor(hz));
}

export function cycles(): u64 {
  return readTsc();
}
