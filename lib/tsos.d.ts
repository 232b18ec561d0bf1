/**
 * lib/tsos.d.ts: the ambient world of the tsos dialect.
 *
 * Input:  read by `tsc`, VS Code and the tsos compiler instead of TypeScript's
 *         own lib files (`noLib: true`), so editors offer exactly what the
 *         dialect compiles: no DOM, no Node types.
 * Output: declarations only; nothing here emits code.
 * Invariants:
 *   - Every name declared here is implemented by the compiler (src/compiler)
 *     and, for hosted programs run under Node, by lib/node-prelude.ts.
 *   - Integer types are `number` branded with the set of types that may widen
 *     into them, so tsc itself rejects implicit narrowing (u32 -> u8) while
 *     literals and widening (u8 -> u32) type-check. See docs/language.md.
 */

// ---------------------------------------------------------------------------
// Integers. `T` accepts a value of type `S` exactly when S's brand set is a
// subset of T's. Plain `number` is an IEEE double on the hosted target and the
// safe-integer type on the kernel (see language.md).
// ---------------------------------------------------------------------------
declare const __tsosInt: unique symbol;
type u8 = number & { readonly [__tsosInt]?: "u8" };
type u16 = number & { readonly [__tsosInt]?: "u8" | "u16" };
type u32 = number & { readonly [__tsosInt]?: "u8" | "u16" | "u32" };
type u64 = number & { readonly [__tsosInt]?: "u8" | "u16" | "u32" | "u64" | "usize" };
type usize = number & { readonly [__tsosInt]?: "u8" | "u16" | "u32" | "u64" | "usize" };
type i8 = number & { readonly [__tsosInt]?: "i8" };
type i16 = number & { readonly [__tsosInt]?: "u8" | "i8" | "i16" };
type i32 = number & { readonly [__tsosInt]?: "u8" | "u16" | "i8" | "i16" | "i32" };
type i64 = number & {
  readonly [__tsosInt]?: "u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "i64" | "isize";
};
type isize = number & {
  readonly [__tsosInt]?: "u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "i64" | "isize";
};

/**
 * Conversions: wrap (truncate) to the target width, like Rust's `as`. From a
 * hosted `number` (a double), as JavaScript's ToUint32/ToInt32: the fraction
 * is dropped, NaN and ±Infinity give 0, and the value wraps modulo 2^width.
 */
declare function u8(value: number): u8;
declare function u16(value: number): u16;
declare function u32(value: number): u32;
declare function u64(value: number): u64;
declare function usize(value: number): usize;
declare function i8(value: number): i8;
declare function i16(value: number): i16;
declare function i32(value: number): i32;
declare function i64(value: number): i64;
declare function isize(value: number): isize;

// ---------------------------------------------------------------------------
// The core interfaces TypeScript requires. They have their real shapes (as in
// TypeScript's lib.es5.d.ts), so tsc rejects what JavaScript would: calling a
// value that is not a function, for one (an empty `Function` would make every
// object callable). Members the compiler does not implement are refused with
// a diagnostic where they are used.
// ---------------------------------------------------------------------------
type PropertyKey = string | number | symbol;
interface Object {
  /** Not compiled by tsos. */
  constructor: Function;
  /** Not compiled by tsos. */
  toString(): string;
  /** Not compiled by tsos. */
  valueOf(): Object;
  /** Not compiled by tsos. */
  hasOwnProperty(v: PropertyKey): boolean;
}
/** The type of every function value; tsos compiles calls, not these members. */
interface Function {
  apply(this: Function, thisArg: unknown, argArray?: unknown): unknown;
  call(this: Function, thisArg: unknown, ...argArray: unknown[]): unknown;
  bind(this: Function, thisArg: unknown, ...argArray: unknown[]): unknown;
  toString(): string;
  prototype: unknown;
  readonly length: number;
  readonly name: string;
}
interface CallableFunction extends Function {
  apply<T, R>(this: (this: T) => R, thisArg: T): R;
  call<T, A extends unknown[], R>(this: (this: T, ...args: A) => R, thisArg: T, ...args: A): R;
  bind<T>(this: T, thisArg: ThisParameterType<T>): OmitThisParameter<T>;
}
interface NewableFunction extends Function {
  apply<T>(this: new () => T, thisArg: T): void;
  call<T, A extends unknown[]>(this: new (...args: A) => T, thisArg: T, ...args: A): void;
  bind<T>(this: T, thisArg: unknown): T;
}
type ThisParameterType<T> = T extends (this: infer U, ...args: never) => unknown ? U : unknown;
type OmitThisParameter<T> = unknown extends ThisParameterType<T> ? T : T extends (...args: infer A) => infer R ? (...args: A) => R : T;
interface IArguments {
  [index: number]: unknown;
  length: number;
  callee: Function;
}
interface RegExp {
  readonly source: string;
  test(string: string): boolean;
}
interface Boolean {
  valueOf(): boolean;
}
interface Number {
  /**
   * The number in base `radix` (2 to 36, default 10), as in JavaScript.
   * Hosted: base 10 is JavaScript's shortest round-trip form; other bases
   * take safe integers only (a fraction panics). Kernel: an integer.
   */
  toString(radix?: number): string;
  /**
   * Hosted only: `digits` (0 to 100) digits after the point, rounded from the
   * exact value (halves away from zero), as JavaScript: (1.005).toFixed(2) is "1.00".
   */
  toFixed(digits?: number): string;
}
interface TemplateStringsArray extends ReadonlyArray<string> {}

interface NumberConstructor {
  /**
   * Converts an integer of any width to `number`. Hosted: a 64-bit value
   * rounds to the nearest double (as Number(bigint)). Kernel: panics if it is
   * not a safe integer.
   */
  (value: number): number;
  readonly MAX_SAFE_INTEGER: number;
  readonly MIN_SAFE_INTEGER: number;
  /** Hosted only (these are doubles): */
  readonly EPSILON: number;
  readonly MAX_VALUE: number;
  readonly MIN_VALUE: number;
  readonly NaN: number;
  readonly POSITIVE_INFINITY: number;
  readonly NEGATIVE_INFINITY: number;
  isInteger(value: number): boolean;
  isSafeInteger(value: number): boolean;
  isNaN(value: number): boolean;
  isFinite(value: number): boolean;
}
declare var Number: NumberConstructor;
/** Hosted only. */
declare const NaN: number;
/** Hosted only. */
declare const Infinity: number;
/** Hosted only. */
declare function isNaN(value: number): boolean;
/** Hosted only. */
declare function isFinite(value: number): boolean;

interface String {
  readonly length: number;
  /** The byte at `index` (strings are UTF-8 byte strings; see language.md). */
  charCodeAt(index: number): number;
  readonly [index: number]: string;
}

interface SymbolConstructor {
  readonly iterator: unique symbol;
}
declare var Symbol: SymbolConstructor;
interface IteratorResult<T> {
  done?: boolean;
  value: T;
}
interface Iterator<T> {
  next(): IteratorResult<T>;
}
interface Iterable<T> {
  [Symbol.iterator](): Iterator<T>;
}
interface IterableIterator<T> extends Iterator<T> {
  [Symbol.iterator](): IterableIterator<T>;
}

interface ReadonlyArray<T> {
  readonly length: number;
  readonly [index: number]: T;
  [Symbol.iterator](): IterableIterator<T>;
}

interface Array<T> {
  /** Read-only in the dialect: arrays grow with push, never by assignment. */
  readonly length: number;
  [index: number]: T;
  /** Appends one element and returns the new length. */
  push(item: T): number;
  /** Sets every element to `value` and returns the array. */
  fill(value: T): this;
  // Implemented in the dialect by lib/std/array.ts (callbacks must not capture locals yet).
  forEach(callbackfn: (value: T, index: number) => void): void;
  map<U>(callbackfn: (value: T, index: number) => U): U[];
  filter(predicate: (value: T, index: number) => boolean): T[];
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number) => T): T;
  reduce<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number) => U, initialValue: U): U;
  some(predicate: (value: T, index: number) => boolean): boolean;
  every(predicate: (value: T, index: number) => boolean): boolean;
  findIndex(predicate: (value: T, index: number) => boolean): number;
  find(predicate: (value: T, index: number) => boolean): T | undefined;
  /** Stable, in place; a comparator is required (the default order compares strings). */
  sort(compareFn: (a: T, b: T) => number): this;
  indexOf(searchElement: T): number;
  includes(searchElement: T): boolean;
  join(separator?: string): string;
  slice(start?: number, end?: number): T[];
  reverse(): this;
  concat(items: T[]): T[];
  [Symbol.iterator](): IterableIterator<T>;
}

interface ArrayConstructor {
  /** `new Array<T>(n)`: n elements; use `.fill(v)` before reading them. */
  new <T>(length: number): T[];
}
declare var Array: ArrayConstructor;

// ---------------------------------------------------------------------------
// Math. On integer types (u8 ... i64) floor, trunc, abs, min and max keep the
// integer type: `Math.floor(a / b)` and `Math.trunc(a / b)` are integer
// divisions. On hosted `number` (a double) every function is JavaScript's.
// The kernel has no floating point: only the integer forms exist there.
// ---------------------------------------------------------------------------
interface Math {
  floor(x: number): number;
  trunc(x: number): number;
  abs(x: number): number;
  min(...values: number[]): number;
  max(...values: number[]): number;
  /** Hosted only: */
  ceil(x: number): number;
  round(x: number): number;
  sign(x: number): number;
  sqrt(x: number): number;
  /**
   * `x ** y`. V8 computes powers with fdlibm; tsos gives its exact result for
   * exponents 0, 1, -1, 2 and 0.5, for integer powers of powers of two, and
   * for integer powers of integers up to 2^53. Other operands panic (not yet supported).
   */
  pow(x: number, y: number): number;
  hypot(...values: number[]): number;
  readonly PI: number;
  readonly E: number;
  readonly LN2: number;
  readonly LN10: number;
  readonly LOG2E: number;
  readonly LOG10E: number;
  readonly SQRT2: number;
  readonly SQRT1_2: number;
}
declare var Math: Math;

// ---------------------------------------------------------------------------
// Output and process (hosted target; the kernel console is kernel/ code).
// ---------------------------------------------------------------------------
type Printable = string | number | boolean | null | undefined;
interface Console {
  /** Prints the arguments separated by spaces, as Node does, then a newline. */
  log(...args: Printable[]): void;
  /** As `log`, to standard error. */
  error(...args: Printable[]): void;
}
declare var console: Console;
/** The value as Node's `String(value)` spells it: `"null"`, `"undefined"`, `"42"`, `"true"`. */
declare function String(value: Printable): string;

interface Process {
  /** [executable, program.ts, ...arguments], as Node's process.argv. */
  readonly argv: string[];
  exit(code: number): never;
}
declare var process: Process;

/**
 * Errors (lib/std/error.ts builds them). Hosted programs throw and catch them;
 * in the kernel, `throw new Error("message")` panics with the message.
 */
declare class Error {
  constructor(message?: string);
  name: string;
  message: string;
  toString(): string;
}
declare class RangeError extends Error {}
declare class TypeError extends Error {}
declare class SyntaxError extends Error {}
