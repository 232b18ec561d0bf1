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
 *   callbacks get (element, index, array) (or (accumulator, element, index,
 *   array)) and visit the indices below the length the call started with
 *   that still exist when reached (a callback that shrinks the array makes
 *   the rest be skipped, as JavaScript skips missing indices); `sort` is
 *   stable; indices are clamped and negative ones count from the end.
 *   Predicates return any type `R`: the call tests its truthiness.
 *   The forward callback loops count with an i64 (the length read as
 *   `i64(xs.length)`, the callback given `Number(i)`): no index is a double,
 *   and lower/bounds.ts can version the loop when the array cannot shrink.
 *   Two operations come from the runtime, not from dialect code:
 *   `xs.length = n` (shrinking only; lower/array-methods.ts) and
 *   `xs.copyWithin(...)` (a memmove). An array never gets holes.
 *   A method that writes to an array `Object.freeze` froze throws the
 *   TypeError of its first write, before it changes anything. Those tests
 *   are `if (Object.isFrozen(xs))` alone: in a program that never freezes
 *   anything the compiler drops them (lower/frozen.ts deadFrozenTest).
 */
import { frozenArrayWrite } from "./error.ts";

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

export function forEach<T>(xs: T[], f: (x: T, i: number, a: T[]) => void): void {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) if (i < i64(xs.length)) f(xs[i], Number(i), xs);
}

export function map<T, U>(xs: T[], f: (x: T, i: number, a: T[]) => U): U[] {
  const len = i64(xs.length);
  const out: U[] = [];
  for (let i: i64 = 0; i < len; i++) out.push(f(xs[i], Number(i), xs));
  return out;
}

export function filter<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): T[] {
  const len = i64(xs.length);
  const out: T[] = [];
  for (let i: i64 = 0; i < len; i++) {
    if (i >= i64(xs.length)) continue;
    const x = xs[i];
    if (f(x, Number(i), xs)) out.push(x);
  }
  return out;
}

/** `filter` with a type-guard predicate `(x): x is S`: the kept elements as S.
 * @trackCaller
 */
export function filterAs<T, S extends T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): S[] {
  const len = i64(xs.length);
  const out: S[] = [];
  for (let i: i64 = 0; i < len; i++) {
    if (i >= i64(xs.length)) continue;
    const x = xs[i];
    if (f(x, Number(i), xs)) out.push(x as S);
  }
  return out;
}

export function reduce<T, U>(xs: T[], f: (acc: U, x: T, i: number, a: T[]) => U, initial: U): U {
  const len = i64(xs.length);
  let acc = initial;
  for (let i: i64 = 0; i < len; i++) if (i < i64(xs.length)) acc = f(acc, xs[i], Number(i), xs);
  return acc;
}

/** `reduce` without an initial value: the first element is the start (an empty array is an error, as in JavaScript).
 * @trackCaller
 */
export function reduceFirst<T>(xs: T[], f: (acc: T, x: T, i: number, a: T[]) => T): T {
  const len = i64(xs.length);
  if (len === 0) throw new TypeError("Reduce of empty array with no initial value");
  let acc = xs[0];
  for (let i: i64 = 1; i < len; i++) if (i < i64(xs.length)) acc = f(acc, xs[i], Number(i), xs);
  return acc;
}

export function reduceRight<T, U>(xs: T[], f: (acc: U, x: T, i: number, a: T[]) => U, initial: U): U {
  let acc = initial;
  for (let i = xs.length - 1; i >= 0; i--) if (i < xs.length) acc = f(acc, xs[i], i, xs);
  return acc;
}

/** @trackCaller */
export function reduceRightFirst<T>(xs: T[], f: (acc: T, x: T, i: number, a: T[]) => T): T {
  const len = xs.length;
  if (len === 0) throw new TypeError("Reduce of empty array with no initial value");
  let acc = xs[len - 1];
  for (let i = len - 2; i >= 0; i--) if (i < xs.length) acc = f(acc, xs[i], i, xs);
  return acc;
}

export function some<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): boolean {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) if (i < i64(xs.length) && f(xs[i], Number(i), xs)) return true;
  return false;
}

export function every<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): boolean {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) if (i < i64(xs.length) && !f(xs[i], Number(i), xs)) return false;
  return true;
}

export function find<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): T | undefined {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) {
    const x = xs[i];
    if (f(x, Number(i), xs)) return x;
  }
  return undefined;
}

/** `find` with a type-guard predicate: the element found as S.
 * @trackCaller
 */
export function findAs<T, S extends T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): S | undefined {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) {
    const x = xs[i];
    if (f(x, Number(i), xs)) return x as S;
  }
  return undefined;
}

export function findIndex<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): number {
  const len = i64(xs.length);
  for (let i: i64 = 0; i < len; i++) if (f(xs[i], Number(i), xs)) return Number(i);
  return -1;
}

export function findLast<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i];
    if (f(x, i, xs)) return x;
  }
  return undefined;
}

/** @trackCaller */
export function findLastAs<T, S extends T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): S | undefined {
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i];
    if (f(x, i, xs)) return x as S;
  }
  return undefined;
}

export function findLastIndex<T, R>(xs: T[], f: (x: T, i: number, a: T[]) => R): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i], i, xs)) return i;
  return -1;
}

/** `flatMap` whose callback returns arrays: their elements, in order. */
export function flatMap<T, U>(xs: T[], f: (x: T, i: number, a: T[]) => U[]): U[] {
  const len = xs.length;
  const out: U[] = [];
  for (let i = 0; i < len; i++) {
    if (i >= xs.length) continue;
    const part = f(xs[i], i, xs);
    const n = part.length;
    for (let j = 0; j < n; j++) out.push(part[j]);
  }
  return out;
}

/** One level of `flat`: the elements of each inner array, in order. */
export function flat<T>(xs: T[][]): T[] {
  const out: T[] = [];
  const len = xs.length;
  for (let i = 0; i < len; i++) {
    const part = xs[i];
    const n = part.length;
    for (let j = 0; j < n; j++) out.push(part[j]);
  }
  return out;
}

/**
 * Stable merge sort, in place; `cmp(a, b) < 0` puts a first, `0` keeps their
 * order. The elements are copied once into `items`, which the comparator
 * cannot reach; the passes move indices into it (integers, no counts), and
 * the sorted elements are written back at the end. Runs of 16
 * elements are sorted by insertion first (as TimSort's short runs are), so
 * the merge passes start at that width: four passes fewer over the indices.
 */
export function sort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  const n = i64(xs.length);
  if (n < 2) return xs;
  if (Object.isFrozen(xs)) frozenArrayWrite(0, "set");
  const items: T[] = [];
  let src: i32[] = [];
  let dst: i32[] = [];
  for (let i: i64 = 0; i < n; i++) {
    items.push(xs[i]);
    src.push(i32(i));
    dst.push(0);
  }
  const run: i64 = 16;
  for (let lo: i64 = 0; lo < n; lo = lo + run) {
    const hi = lo + run < n ? lo + run : n;
    for (let k = lo + 1; k < hi; k++) {
      // Shifted right past every earlier element that the new one goes before (`< 0`: a NaN or 0 keeps the order).
      const x = src[k];
      let j = k;
      while (j > lo && cmp(items[x], items[src[j - 1]]) < 0) {
        src[j] = src[j - 1];
        j--;
      }
      src[j] = x;
    }
  }
  for (let width: i64 = run; width < n; width = width * 2) {
    for (let lo: i64 = 0; lo < n; lo = lo + 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        // `!(c < 0)`, not `c >= 0`: a comparator result of NaN counts as 0 (keep the order), as JavaScript's SortCompare does.
        if (a < mid && (b >= hi || !(cmp(items[src[b]], items[src[a]]) < 0))) {
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
  for (let i: i64 = 0; i < n; i++) xs[i] = items[src[i]];
  return xs;
}

/** Strings compared by their UTF-16 code units, as JavaScript's `<` and default `sort` do. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return b < a ? 1 : 0;
}

/**
 * `sort()` without a comparator: stable, by the elements' string forms
 * (`[10, 9, 1]` sorts to `[1, 10, 9]`). `keys[i]` is the string form of
 * `xs[i]` (the array itself for strings); both are permuted together.
 */
export function sortByKeys<T>(xs: T[], keys: string[]): T[] {
  const n = xs.length;
  if (n < 2) return xs;
  if (Object.isFrozen(xs)) frozenArrayWrite(0, "set");
  let src: T[] = [];
  let dst: T[] = [];
  let srcKeys: string[] = [];
  let dstKeys: string[] = [];
  for (let i = 0; i < n; i++) {
    src.push(xs[i]);
    dst.push(xs[i]);
    srcKeys.push(keys[i]);
    dstKeys.push(keys[i]);
  }
  for (let width = 1; width < n; width = width * 2) {
    for (let lo = 0; lo < n; lo = lo + 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        if (a < mid && (b >= hi || compareStrings(srcKeys[b], srcKeys[a]) >= 0)) {
          dst[k] = src[a];
          dstKeys[k] = srcKeys[a];
          a++;
        } else {
          dst[k] = src[b];
          dstKeys[k] = srcKeys[b];
          b++;
        }
      }
    }
    const t = src;
    src = dst;
    dst = t;
    const tk = srcKeys;
    srcKeys = dstKeys;
    dstKeys = tk;
  }
  for (let i = 0; i < n; i++) xs[i] = src[i];
  return xs;
}

/** `sort()` of numbers or booleans: by their string forms. */
export function sortDefault<T>(xs: T[]): T[] {
  const keys: string[] = [];
  const n = xs.length;
  for (let i = 0; i < n; i++) keys.push(`${xs[i]}`);
  return sortByKeys(xs, keys);
}

/** A start position as `indexOf` and `includes` read it: negative counts from the end. */
function startIndex(from: number, len: number): number {
  if (from < 0) return Math.max(len + from, 0);
  return from;
}

export function indexOf<T>(xs: T[], x: T, from: number): number {
  for (let i = startIndex(from, xs.length); i < xs.length; i++) if (xs[i] === x) return i;
  return -1;
}

export function lastIndexOf<T>(xs: T[], x: T, from: number): number {
  const len = xs.length;
  const start = from < 0 ? len + from : Math.min(from, len - 1);
  for (let i = start; i >= 0; i--) if (xs[i] === x) return i;
  return -1;
}

/** Whether `v` is NaN: the one value not equal to itself (false for every non-number). */
function isNaNValue<T>(v: T): boolean {
  const w = v;
  return v !== w;
}

/** SameValueZero: like `===`, except that NaN includes NaN. */
export function includes<T>(xs: T[], x: T, from: number): boolean {
  for (let i = startIndex(from, xs.length); i < xs.length; i++) {
    const y = xs[i];
    if (y === x || (isNaNValue(y) && isNaNValue(x))) return true;
  }
  return false;
}

/** The elements' string forms joined by `separator`; null and undefined elements are empty. */
export function join<T>(xs: T[], separator: string): string {
  const parts: string[] = [];
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (x !== null && x !== undefined) parts.push(`${x}`);
    else parts.push("");
  }
  return parts.join(separator);
}

/** `join` of nested arrays: each inner array is joined with commas, as its toString does. */
export function joinArrays<T>(xs: T[][], separator: string): string {
  const parts: string[] = [];
  const n = xs.length;
  for (let i = 0; i < n; i++) parts.push(xs[i].join(","));
  return parts.join(separator);
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
  if (Object.isFrozen(xs)) {
    if (j > 0) frozenArrayWrite(0, "set");
  }
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

/** Appends every element of `ys` (as many as it had when the call started) to `xs`; returns the new length. */
export function pushAll<T>(xs: T[], ys: T[]): number {
  const n = ys.length;
  if (Object.isFrozen(xs)) frozenArrayWrite(n === 0 ? -1 : xs.length, "add");
  for (let i = 0; i < n; i++) xs.push(ys[i]);
  return xs.length;
}

export function pop<T>(xs: T[]): T | undefined {
  const len = xs.length;
  if (Object.isFrozen(xs)) frozenArrayWrite(len - 1, "delete");
  if (len === 0) return undefined;
  const x = xs[len - 1];
  xs.length = len - 1;
  return x;
}

export function shift<T>(xs: T[]): T | undefined {
  const len = xs.length;
  if (Object.isFrozen(xs)) frozenArrayWrite(len > 1 ? 0 : len - 1, len === 1 ? "delete" : "set");
  if (len === 0) return undefined;
  const x = xs[0];
  xs.copyWithin(0, 1, len);
  xs.length = len - 1;
  return x;
}

export function unshiftOne<T>(xs: T[], x: T): number {
  const len = xs.length;
  if (Object.isFrozen(xs)) frozenArrayWrite(len, "add");
  xs.push(x);
  xs.copyWithin(1, 0, len);
  xs[0] = x;
  return len + 1;
}

export function unshift<T>(xs: T[], items: T[]): number {
  const len = xs.length;
  const k = items.length;
  if (Object.isFrozen(xs)) frozenArrayWrite(k === 0 ? -1 : len + k - 1, "add");
  // Grow with the items themselves (never a hole), then move the old elements up.
  for (let i = 0; i < k; i++) xs.push(items[i]);
  xs.copyWithin(k, 0, len);
  for (let i = 0; i < k; i++) xs[i] = items[i];
  return len + k;
}

/** Removes `deleteCount` elements at `start` (negative counts from the end), inserts `items` there, returns the removed ones. */
export function splice<T>(xs: T[], start: number, deleteCount: number, items: T[]): T[] {
  const len = xs.length;
  const from = relativeIndex(start, len);
  const count = Math.min(Math.max(deleteCount, 0), len - from);
  const removed: T[] = [];
  for (let i = 0; i < count; i++) removed.push(xs[from + i]);
  const k = items.length;
  if (Object.isFrozen(xs)) frozenSplice(len, from, count, k);
  if (k > count) {
    for (let i = count; i < k; i++) xs.push(items[i]);
    xs.copyWithin(from + k, from + count, len);
  } else if (k < count) {
    xs.copyWithin(from + k, from + count, len);
    xs.length = len - count + k;
  }
  for (let i = 0; i < k; i++) xs[from + i] = items[i];
  return removed;
}

/** splice's first write to a frozen array, as V8 orders its writes: the items past the old end, the elements moved down, or the last deleted. */
function frozenSplice(len: number, from: number, count: number, k: number): never {
  if (k === 0 && count === 0) frozenArrayWrite(-1, "set");
  if (k > count) frozenArrayWrite(len + k - count - 1, "add");
  if (k === count || from + count < len) frozenArrayWrite(from + k, "set");
  frozenArrayWrite(len - 1, "delete");
}

/** `xs.toSpliced(start, deleteCount, ...items)` (ES2023): a copy of xs spliced, xs unchanged. */
export function toSpliced<T>(xs: T[], start: number, deleteCount: number, items: T[]): T[] {
  const out = xs.slice(0);
  splice(out, start, deleteCount, items);
  return out;
}

/** `xs.with(index, value)` (ES2023): a copy with one element replaced; an index outside xs throws a RangeError. */
export function withAt<T>(xs: T[], index: number, value: T): T[] {
  const len = xs.length;
  const whole = Math.trunc(index);
  const i = whole < 0 ? len + whole : whole;
  if (!(i >= 0 && i < len)) throw new RangeError(`Invalid index : ${index}`);
  const out = xs.slice(0);
  out[i] = value;
  return out;
}

/** The element at `index` (negative counts from the end), or undefined outside the array. */
export function at<T>(xs: T[], index: number): T | undefined {
  const len = xs.length;
  const i = index < 0 ? len + index : index;
  if (i < 0 || i >= len) return undefined;
  return xs[i];
}

export function fill<T>(xs: T[], value: T, start: number, end: number): T[] {
  const len = xs.length;
  const from = relativeIndex(start, len);
  const to = relativeIndex(end, len);
  if (Object.isFrozen(xs)) {
    if (from < to) frozenArrayWrite(from, "set");
  }
  for (let i = from; i < to; i++) xs[i] = value;
  return xs;
}

/** `Array.from({ length: n }, f)`: f(undefined, i) for each index. */
export function fromLength<U>(n: number, f: (v: undefined, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < n; i++) out.push(f(undefined, i));
  return out;
}

/** `Array.from(xs, f)` over an array. */
export function fromMap<T, U>(xs: T[], f: (x: T, i: number) => U): U[] {
  const len = xs.length;
  const out: U[] = [];
  for (let i = 0; i < len; i++) out.push(f(xs[i], i));
  return out;
}

/** The characters of a string, as `Array.from(s)` and `[...s]` give them. */
export function chars(s: string): string[] {
  const out: string[] = [];
  for (const c of s) out.push(c);
  return out;
}

/** `xs.entries()` consumed whole (spread, Array.from): [index, element] pairs. */
export function entries<T>(xs: T[]): [number, T][] {
  const out: [number, T][] = [];
  const len = xs.length;
  for (let i = 0; i < len; i++) out.push([i, xs[i]]);
  return out;
}

export function keys<T>(xs: T[]): number[] {
  const out: number[] = [];
  const len = xs.length;
  for (let i = 0; i < len; i++) out.push(i);
  return out;
}

/** One `[index, element]` pair of `xs.entries()`. */
export function entry<T>(i: number, x: T): [number, T] {
  return [i, x];
}

/** `Math.max(...xs)`: -Infinity for no elements; NaN if any is NaN. */
export function maxOf(xs: number[]): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return m;
}

/** `Math.min(...xs)`: Infinity for no elements; NaN if any is NaN. */
export function minOf(xs: number[]): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]);
  return m;
}
