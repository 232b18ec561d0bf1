/**
 * lib/std/weakref.ts: JavaScript's WeakRef, written in the dialect.
 *
 * Input:  `new WeakRef(target)` and `ref.deref()`: lib/tsos.d.ts declares
 *         the global class for tsc; the compiler builds it from the class
 *         of the same name here (lower/exceptions.ts builtinClassDecl).
 * Output: an object that refers to `target` without keeping it alive.
 * Invariants: `target` is a weak field (`@weak`, honoured only in lib/): the
 *             reference counting pass neither retains nor releases what it
 *             holds, and the runtime (runtime/tsos_weak.h) sets it to
 *             undefined when the target is freed, as soon as its last
 *             counted reference goes away or the cycle collector frees it.
 *             JavaScript clears a WeakRef at some garbage collection after
 *             the current job instead: a program whose output depends on
 *             that moment behaves differently under Node from run to run.
 */

export class WeakRef<T extends object> {
  /** @weak */
  private target: T | undefined;

  constructor(target: T) {
    this.target = target;
  }

  /** The target, or undefined once it has been freed. */
  deref(): T | undefined {
    return this.target;
  }
}
