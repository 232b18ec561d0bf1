/**
 * lib/x86_64/instructions/interrupts.ts: turning maskable interrupts off
 * around a critical section (the x86_64 crate's `without_interrupts`).
 *
 * CLI clears RFLAGS.IF; STI sets it (Intel SDM vol. 2A/2B). A lock that an
 * interrupt handler may also take must be held with interrupts off, or the
 * handler can interrupt the holder and spin forever on the lock (blog_os
 * post 07, "Deadlocks").
 * Usage: `const wereEnabled = disableInterrupts(); ...; restoreInterrupts(wereEnabled);`
 * Invariants: sections nest: only the outermost restore turns interrupts back on.
 */

/** Disables interrupts; returns whether they were enabled, for restoreInterrupts. */
export function disableInterrupts(): boolean {
  const wereEnabled = interruptsEnabled();
  cli();
  return wereEnabled;
}

/** Ends a section begun by disableInterrupts. */
export function restoreInterrupts(wereEnabled: boolean): void {
  if (wereEnabled) sti();
}
