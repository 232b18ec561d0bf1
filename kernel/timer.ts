/**
 * kernel/timer.ts: time in ticks of the interrupt timer (blog_os post 07,
 * "Timer Interrupts"), independent of which hardware ticks.
 *
 * Input: onTimerTick(), called by the architecture's timer interrupt handler
 * TICK_HZ times a second. Output: ticks() since boot, sleep(ms), and, when
 * printTicks(true) asks for it, blog_os's dot on the console per tick.
 * Invariants: the tick counter only grows (a u32 wraps after 497 days at
 * 100 Hz); sleep needs interrupts enabled, or no tick arrives.
 */
import { print } from "./console.ts";
import * as interrupts from "./arch/interrupts.ts";
import { Mutex, SpinLock } from "../lib/core/spin.ts";
import { assert, assertEq } from "../lib/core/assert.ts";

export const TICK_HZ: u32 = 100;
const MS_PER_SECOND: u32 = 1000;

const TICKS = new AtomicU32(0);
const PRINT_TICKS = new AtomicBool(false);
/** A function the next tick runs once, in the interrupt handler. */
let nextTickCallback: (() => void) | null = null;

/** Called by the timer interrupt handler: never allocates. */
export function onTimerTick(): void {
  TICKS.fetchAdd(1);
  if (PRINT_TICKS.load()) print(".");
  const callback = nextTickCallback;
  if (callback !== null) {
    nextTickCallback = null;
    callback();
  }
}

/**
 * Runs `callback` once, from the next timer interrupt (interrupts off, so it
 * must not allocate, block or take a lock the interrupted code may hold).
 */
export function runAtNextTick(callback: () => void): void {
  nextTickCallback = callback;
}

export function ticks(): u32 {
  return TICKS.load();
}

/** blog_os prints a dot per tick; here only when asked. */
export function printTicks(on: boolean): void {
  PRINT_TICKS.store(on);
}

/** Ticks that cover at least `ms` milliseconds (rounded up). */
export function ticksFor(ms: u32): u32 {
  return (ms * TICK_HZ + MS_PER_SECOND - 1) / MS_PER_SECOND;
}

/**
 * Waits at least `ms` milliseconds, halted between ticks. One more tick than
 * ticksFor(ms) is waited, since the current tick may be nearly over.
 */
export function sleep(ms: u32): void {
  const start = ticks();
  const wait = ticksFor(ms) + 1;
  while (ticks() - start < wait) interrupts.wait();
}

const CONTENDED = new Mutex<u32>(0);
const CONTENDED_LOCK = new SpinLock();
const RELEASED = new AtomicBool(false);

function releaseContended(): void {
  RELEASED.store(true);
  CONTENDED.unlock();
}

function releaseContendedLock(): void {
  RELEASED.store(true);
  CONTENDED_LOCK.unlock();
}

/** @test */
function mutexLockWaitsUntilTheHolderReleases(): void {
  assert(interrupts.areEnabled(), "the timer must be running");
  CONTENDED.lock();
  runAtNextTick(releaseContended); // the "other holder": the timer releases it
  CONTENDED.lock(); // must spin until then
  assert(RELEASED.load(), "Mutex.lock() returned while the mutex was held");
  CONTENDED.unlock();
}

/** @test */
function spinLockLockWaitsUntilTheHolderReleases(): void {
  assert(interrupts.areEnabled(), "the timer must be running");
  RELEASED.store(false);
  CONTENDED_LOCK.lock();
  runAtNextTick(releaseContendedLock);
  CONTENDED_LOCK.lock(); // must spin until the tick releases it
  assert(RELEASED.load(), "SpinLock.lock() returned while the lock was held");
  CONTENDED_LOCK.unlock();
}

/** @test */
function ticksForRoundsUpToWholeTicks(): void {
  // 100 Hz: a tick is 10 ms.
  assertEq(ticksFor(0), 0);
  assertEq(ticksFor(1), 1);
  assertEq(ticksFor(10), 1);
  assertEq(ticksFor(11), 2);
  assertEq(ticksFor(1000), 100);
}
