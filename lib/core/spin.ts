/**
 * lib/core/spin.ts: spin locks, the kernel's only locks until it has a scheduler.
 *
 * SpinLock guards a critical section; Mutex<T> guards one object and hands it
 * out only to the lock holder (Rust's spin::Mutex, without a guard object:
 * `const w = M.lock(); ...; M.unlock();`). Both busy-wait with PAUSE (Intel SDM
 * vol. 2B, PAUSE: "improves the performance of spin-wait loops").
 * Invariants: not reentrant (locking twice on one CPU spins forever); a holder
 * never keeps the object returned by Mutex.lock() after unlock().
 */
import { assert } from "./assert.ts";

/** A test-and-set lock: `locked` is swapped to true; whoever saw false owns it. */
export class SpinLock {
  private readonly locked = new AtomicBool(false);

  /** Takes the lock if it is free; returns whether it did. Never waits. */
  tryLock(): boolean {
    return !this.locked.swap(true);
  }

  /** Takes the lock, spinning until it is free. */
  lock(): void {
    while (!this.tryLock()) spinLoopHint();
  }

  unlock(): void {
    this.locked.store(false);
  }

  /**
   * Frees the lock whoever holds it. Only for the panic handler: a panic can
   * strike while the lock is held, and nothing resumes after a panic.
   */
  forceUnlock(): void {
    this.locked.store(false);
  }
}

/** An object that only the holder of its spin lock may use. */
export class Mutex<T> {
  private readonly locked = new AtomicBool(false);

  constructor(private readonly value: T) {}

  /** Spins until the lock is free, takes it and returns the guarded object. */
  lock(): T {
    while (this.locked.swap(true)) spinLoopHint();
    return this.value;
  }

  /** Releases the lock. The caller must stop using the object lock() returned. */
  unlock(): void {
    this.locked.store(false);
  }

  /** As SpinLock.forceUnlock: only for the panic handler. */
  forceUnlock(): void {
    this.locked.store(false);
  }
}

const TEST_LOCK = new SpinLock(); // module level: tests may not allocate

/** @test */
function tryLockFailsWhileLocked(): void {
  TEST_LOCK.lock();
  const tookTwice = TEST_LOCK.tryLock();
  TEST_LOCK.unlock();
  assert(!tookTwice, "a locked SpinLock was taken a second time");
  assert(TEST_LOCK.tryLock(), "an unlocked SpinLock could not be taken");
  TEST_LOCK.unlock();
}
