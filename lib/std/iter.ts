/**
 * lib/std/iter.ts: arrays as `Iterable<T>` values (lower/iterables.ts).
 *
 * Input:  an array passed where the program expects an `Iterable<T>` (a
 *         parameter `xs: Iterable<number>` given `[1, 2, 3]`).
 * Output: an ArrayIterable wrapping the array; each `[Symbol.iterator]()`
 *         call starts a new ArrayCursor, as each for...of over an array does.
 * Invariants: the cursor reads the array's live length at every step (an
 *   element pushed during the loop is visited, as in JavaScript), and once
 *   it has reported done it stays done. The array is shared, never copied.
 */
export class ArrayIterable<T> {
  constructor(private readonly items: T[]) {}

  [Symbol.iterator](): Iterator<T> {
    return new ArrayCursor<T>(this.items);
  }
}

export class ArrayCursor<T> {
  private index = 0;
  private finished = false;
  constructor(private readonly items: T[]) {}

  next(): IteratorResult<T> {
    if (this.finished || this.index >= this.items.length) {
      this.finished = true;
      return { value: undefined, done: true };
    }
    return { value: this.items[this.index++], done: false };
  }
}
