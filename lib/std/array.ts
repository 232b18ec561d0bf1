/**
 * lib/std/array.ts: the array methods that take callbacks, and the others
 * that are plain loops, written in the dialect.
 *
 * Input:  `xs.method(args)` on an array; lower/array-methods.ts maps the
 *         member call onto the function of the same name here, with the
 *         array as the first argument (as AssemblyScript does).
 * Output: ordinary dialect code, monomorphized per element type like any
 *         generic function.
 * Invariants: each function does what ECMAScript specifies for a dense array:
 *   callbacks get (element, index) (or (accumulator, element, index)), and
 *   visit the elements that existed when the call started (an array only
 *   grows, so they all still exist); `sort` is stable; indices are clamped
 *   and negative ones count from the end, as in JavaScript.
 */

/** `xs[i]` where the program expects `T | undefined`: undefined outside the array, as in JavaScript. */
export function elementOrUndefined<T>(xs: T[], i: i64): T | undefined {
  if (i < 0 || i >= i64(xs.length)) return undefined;
  const x = xs[i]; // a plain read: returning `xs[i]` itself would come back here
  return x;
}

/** The same for a `number` index, which may also be fractional (`xs[1.5]` is undefined). */
export function elementOrUndefinedAt<T>(xs: T[], i: number): T | undefined {
  if (!Number.isInteger(i) || i < 0 || i >= xs.length) return undefined;
  return elementOrUndefined(xs, i64(i));
}

export function forEach<T>(xs: T[], f: (x: T, i: number) => void): void {
  const len = xs.length;
  for (let i = 0; i < len; i++) f(xs[i], i);
}

export function map<T, U>(xs: T[], f: (x: T, i: number) => U): U[] {
  const len = xs.length;
  const out: U[] = [];
  for (let i = 0; i < len; i++) out.push(f(xs[i], i));
  return out;
}

export function filter<T>(xs: T[], f: (x: T, i: number) => boolean): T[] {
  const len = xs.length;
  const out: T[] = [];
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    if (f(x, i)) out.push(x);
  }
  return out;
}

export function reduce<T, U>(xs: T[], f: (acc: U, x: T, i: number) => U, initial: U): U {
  const len = xs.length;
  let acc = initial;
  for (let i = 0; i < len; i++) acc = f(acc, xs[i], i);
  return acc;
}

/** `reduce` without an initial value: the first element is the start (an empty array is an error, as in JavaScript). */
export function reduceFirst<T>(xs: T[], f: (acc: T, x: T, i: number) => T): T {
  const len = xs.length;
  if (len === 0) throw new Error("Reduce of empty array with no initial value");
  let acc = xs[0];
  for (let i = 1; i < len; i++) acc = f(acc, xs[i], i);
  return acc;
}

export function some<T>(xs: T[], f: (x: T, i: number) => boolean): boolean {
  const len = xs.length;
  for (let i = 0; i < len; i++) if (f(xs[i], i)) return true;
  return false;
}

export function every<T>(xs: T[], f: (x: T, i: number) => boolean): boolean {
  const len = xs.length;
  for (let i = 0; i < len; i++) if (!f(xs[i], i)) return false;
  return true;
}

export function find<T>(xs: T[], f: (x: T, i: number) => boolean): T | undefined {
  const len = xs.length;
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    if (f(x, i)) return x;
  }
  return undefined;
}

export function findIndex<T>(xs: T[], f: (x: T, i: number) => boolean): number {
  const len = xs.length;
  for (let i = 0; i < len; i++) if (f(xs[i], i)) return i;
  return -1;
}

/** Stable merge sort, in place; `cmp(a, b) < 0` puts a first, `0` keeps their order. */
export function sort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  const n = xs.length;
  if (n < 2) return xs;
  let src: T[] = [];
  let dst: T[] = [];
  for (let i = 0; i < n; i++) {
    src.push(xs[i]);
    dst.push(xs[i]);
  }
  for (let width = 1; width < n; width = width * 2) {
    for (let lo = 0; lo < n; lo = lo + 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        if (a < mid && (b >= hi || cmp(src[b], src[a]) >= 0)) {
          dst[k] = src[a];
          a++;
        } else {
          dst[k] = src[b];
          b++;
        }
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  for (let i = 0; i < n; i++) xs[i] = src[i];
  return xs;
}

export function indexOf<T>(xs: T[], x: T): number {
  for (let i = 0; i < xs.length; i++) if (xs[i] === x) return i;
  return -1;
}

/** Whether `v` is NaN: the one value not equal to itself (false for every non-number). */
function isNaNValue<T>(v: T): boolean {
  const w = v;
  return v !== w;
}

/** SameValueZero: like `===`, except that NaN includes NaN. */
export function includes<T>(xs: T[], x: T): boolean {
  for (let i = 0; i < xs.length; i++) {
    const y = xs[i];
    if (y === x || (isNaNValue(y) && isNaNValue(x))) return true;
  }
  return false;
}

export function join<T>(xs: T[], separator: string): string {
  let out = "";
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out += separator;
    out += `${xs[i]}`;
  }
  return out;
}

/** A relative index as `slice` reads it: negative counts from the end; clamped to 0..len. */
function relativeIndex(i: number, len: number): number {
  if (i < 0) return Math.max(len + i, 0);
  return Math.min(i, len);
}

export function slice<T>(xs: T[], start: number, end: number): T[] {
  const len = xs.length;
  const from = relativeIndex(start, len);
  const to = relativeIndex(end, len);
  const out: T[] = [];
  for (let i = from; i < to; i++) out.push(xs[i]);
  return out;
}

export function reverse<T>(xs: T[]): T[] {
  let i = 0;
  let j = xs.length - 1;
  while (i < j) {
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
    i++;
    j--;
  }
  return xs;
}

export function concat<T>(xs: T[], ys: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < xs.length; i++) out.push(xs[i]);
  for (let i = 0; i < ys.length; i++) out.push(ys[i]);
  return out;
}
