// @expect-serial: timer_interrupts::ticksAdvance...	[ok]
// @expect-serial: timer_interrupts::sleepWaitsLongEnough...	[ok]
// @expect-serial: timer_interrupts::survivesAnInterruptStorm...	[ok]
// @expect-serial: timer_interrupts::printingFromMainAndTimerDoesNotDeadlock...	[ok]
/**
 * kernel/tests/timer_interrupts.ts: integration test, its own kernel (blog_os
 * post 07, "Timer Interrupts" and "Deadlocks").
 *
 * With the kernel's init (PICs remapped, PIT at TICK_HZ, interrupts on):
 * ticks advance while the CPU halts; sleep(ms) waits at least that long,
 * measured by the time-stamp counter against the PIT's own rate; the PIT at
 * a hundred times its normal rate for 1000 ticks does not kill the
 * kernel; and the main loop printing while the timer prints a dot per tick
 * does not deadlock on the screen's lock.
 */
import { testPanic } from "../panic.ts"; // first: COM1 is initialized before anything can panic
import { serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { init } from "../init.ts";
import { TICK_HZ, printTicks, runAtNextTick, sleep, ticks } from "../timer.ts";
import { println } from "../console.ts";
import { pitDivisor, setPitDivisor } from "../arch/x86_64/pit.ts";
import { assert } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}

function ticksAdvance(): void {
  const start = ticks();
  while (ticks() - start < 5) hlt();
  assert(interruptsEnabled(), "init() left interrupts off");
}

function sleepWaitsLongEnough(): void {
  const before = ticks();
  sleep(100);
  // 100 ms at TICK_HZ is 10 ticks; sleep waits for one more than that.
  assert(ticks() - before >= (100 * TICK_HZ) / 1000, "sleep(100) returned before 10 ticks");
}

/** QEMU under TCG livelocks near the 8254's top rate (divisor 2) on a loaded host; 10 kHz it sustains. */
const STORM_DIVISOR: u16 = 120; // about 10 kHz, a hundred times the normal rate
const STORM_TICKS: u32 = 1000;
const STORM_LEFT = new AtomicU32(0);
const STORM_OVER = new AtomicBool(false);

/**
 * Runs in the timer handler at each storm tick; the handler itself ends the
 * storm, so it ends even if the interrupted code never gets the CPU meanwhile.
 */
function stormTick(): void {
  if (STORM_LEFT.fetchAdd(0xffff_ffff) === 1) {
    setPitDivisor(pitDivisor(TICK_HZ));
    STORM_OVER.store(true);
  } else {
    runAtNextTick(stormTick);
  }
}

function survivesAnInterruptStorm(): void {
  const start = ticks();
  STORM_LEFT.store(STORM_TICKS);
  runAtNextTick(stormTick);
  setPitDivisor(STORM_DIVISOR);
  while (!STORM_OVER.load()) hlt();
  assert(ticks() - start >= STORM_TICKS, "the storm's ticks were not all counted");
  println("still printing after the storm");
  const after = ticks();
  while (ticks() - after < 3) hlt();
}

function printingFromMainAndTimerDoesNotDeadlock(): void {
  printTicks(true);
  const start = ticks();
  for (let i = 0; ticks() - start < 20; i++) println(`main loop line ${i}`);
  printTicks(false);
}

/** Runs one test; its result line comes after it, since the console also writes COM1. */
function run(name: Text, test: () => void): void {
  test();
  serialPrintln(`timer_interrupts::${name}...\t[ok]`);
}

init();
run("ticksAdvance", ticksAdvance);
run("sleepWaitsLongEnough", sleepWaitsLongEnough);
run("survivesAnInterruptStorm", survivesAnInterruptStorm);
run("printingFromMainAndTimerDoesNotDeadlock", printingFromMainAndTimerDoesNotDeadlock);
exitQemu(QemuExitCode.Success);
