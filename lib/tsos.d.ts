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
/**
 * Hosted only (lib/std/regexp.ts): ECMAScript regular expressions without
 * the `u`, `v` and `d` flags. A literal is checked
 * and compiled when the program is compiled.
 */
interface RegExp {
  /** The match and its groups (undefined for a group that did not take part), with `index`, `input` and `groups`, or null. */
  exec(string: string): RegExpExecArray | null;
  test(string: string): boolean;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
  readonly sticky: boolean;
  readonly unicode: boolean;
  readonly hasIndices: boolean;
  lastIndex: number;
  toString(): string;
}
interface RegExpConstructor {
  /** Compiled when called: an invalid pattern throws SyntaxError, as in Node. */
  new (pattern: RegExp | string, flags?: string): RegExp;
}
declare var RegExp: RegExpConstructor;
interface RegExpMatchArray extends Array<string> {
  index?: number;
  input?: string;
  groups?: { [key: string]: string };
  0: string;
}
interface RegExpExecArray extends Array<string> {
  index: number;
  input: string;
  groups?: { [key: string]: string };
  0: string;
}
interface RegExpStringIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> {
  [Symbol.iterator](): RegExpStringIterator<T>;
}
interface Boolean {
  valueOf(): boolean;
}
interface BooleanConstructor {
  /** The value's truthiness (false for `0`, `NaN`, `""`, `null`, `undefined`); also as a value (hosted), `xs.filter(Boolean)`. */
  <T>(value?: T): boolean;
}
declare var Boolean: BooleanConstructor;
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
  /** Hosted only: `precision` (1 to 100) significant digits, rounded from the exact value (halves up), as JavaScript. */
  toPrecision(precision?: number): string;
  /**
   * Hosted only: the number as Node prints it in the en-US locale, digits
   * grouped by threes, at most three fraction digits: 1234.5678 is "1,234.568".
   * Other locales and options are not supported yet (TSOS1145).
   */
  toLocaleString(locales?: string | string[], options?: { [option: string]: string | number | boolean }): string;
  /**
   * Hosted only: exponent form with `digits` (0 to 100) digits after the point,
   * rounded from the exact value (halves up); without `digits`, as many as
   * needed to read back the same number. As JavaScript: (123.456).toExponential(2) is "1.23e+2".
   */
  toExponential(digits?: number): string;
}
/**
 * Hosted only: the methods of a bigint, an integer of any size (lib/std/bigint.ts).
 * The operators `+ - * / % **`, the bitwise ones and `<< >>` work between bigints,
 * comparisons also with numbers, as in JavaScript.
 */
interface BigInt {
  /** The digits in base `radix` (2 to 36, default 10), without the `n`. */
  toString(radix?: number): string;
  /** As `toString()`, with the digits grouped by threes (en-US): `1,234,567`. */
  toLocaleString(): string;
  valueOf(): bigint;
}
interface BigIntConstructor {
  /** A bigint from an integer number (RangeError otherwise), a boolean, or a string of digits (SyntaxError otherwise). */
  (value: bigint | boolean | number | string): bigint;
  /** The value modulo 2^bits, as a signed integer of that width. */
  asIntN(bits: number, int: bigint): bigint;
  /** The value modulo 2^bits. */
  asUintN(bits: number, int: bigint): bigint;
}
declare var BigInt: BigIntConstructor;
/** A tagged template's strings: a `string[]` in tsos. Reading `raw` is not supported (TSOS1005). */
interface TemplateStringsArray extends ReadonlyArray<string> {
  readonly raw: readonly string[];
}

interface NumberConstructor {
  /**
   * Converts an integer of any width to `number`. Hosted: a 64-bit value
   * rounds to the nearest double (as Number(bigint)); a string is parsed as
   * JavaScript parses it (`Number("")` is 0, `Number("0x10")` 16). Kernel:
   * panics if it is not a safe integer.
   */
  (value: number | string | boolean | unknown): number;
  readonly MAX_SAFE_INTEGER: number;
  readonly MIN_SAFE_INTEGER: number;
  /** Hosted only (these are doubles): */
  readonly EPSILON: number;
  readonly MAX_VALUE: number;
  readonly MIN_VALUE: number;
  readonly NaN: number;
  readonly POSITIVE_INFINITY: number;
  readonly NEGATIVE_INFINITY: number;
  /** These four take any value, as in TypeScript's own library: anything but a number gives false. */
  isInteger(value: unknown): boolean;
  isSafeInteger(value: unknown): boolean;
  isNaN(value: unknown): boolean;
  isFinite(value: unknown): boolean;
  /** Hosted only: as the global parseInt / parseFloat. */
  parseInt(string: string, radix?: number): number;
  parseFloat(string: string): number;
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
/**
 * Hosted only: JavaScript's parseInt. Exact for radix 10 and powers of two;
 * other radixes panic above 2^53 (V8 rounds those its own way).
 */
declare function parseInt(string: string, radix?: number): number;
/** Hosted only: JavaScript's parseFloat (correctly rounded, as V8). */
declare function parseFloat(string: string): number;
/**
 * Hosted only (lower/structured-clone.ts): a deep copy of plain data
 * (arrays, object literals, Map, Set, records, Date), sharing what the value
 * shares. Functions and class instances are refused; a cycle panics.
 */
declare function structuredClone<T>(value: T): T;
/** Hosted only (lib/std/uri.ts): a malformed escape throws URIError, as in Node. */
declare function encodeURIComponent(uriComponent: string | number | boolean): string;
declare function encodeURI(uri: string): string;
declare function decodeURIComponent(encodedURIComponent: string): string;
declare function decodeURI(encodedURI: string): string;

/**
 * Hosted strings count UTF-16 code units, as JavaScript does (language.md
 * section 3); kernel strings are byte strings with only `length`, `[i]` and
 * `charCodeAt` (the byte). The methods are JavaScript's (lib/std/string.ts).
 */
interface String {
  readonly length: number;
  readonly [index: number]: string;
  /** The UTF-16 code unit at `index` (NaN out of range). Kernel: the byte. */
  charCodeAt(index: number): number;
  charAt(pos: number): string;
  at(index: number): string | undefined;
  codePointAt(pos: number): number | undefined;
  concat(...strings: string[]): string;
  endsWith(searchString: string, endPosition?: number): boolean;
  includes(searchString: string, position?: number): boolean;
  indexOf(searchString: string, position?: number): number;
  lastIndexOf(searchString: string, position?: number): number;
  /**
   * ICU root collation for printable ASCII and Latin-1 letters with accents;
   * other text panics. `locales` may be left out (undefined) or English ("en",
   * "en-US", ...); `options` is a literal object whose `sensitivity` ("base"
   * ignores accents and case, "accent" case, "case" accents) and `numeric`
   * (digit runs by value) are literals.
   */
  localeCompare(that: string, locales?: string | string[], options?: Intl.CollatorOptions): number;
  padEnd(maxLength: number, fillString?: string): string;
  padStart(maxLength: number, fillString?: string): string;
  repeat(count: number): string;
  /** A string pattern (replaces the first match); `$$`, `$&`, `` $` `` and `$'` in the replacement work as in JavaScript. */
  /** A regex, or a string pattern as a regex (`s.match("a+")`); with `g`, every match. */
  match(regexp: string | RegExp): RegExpMatchArray | null;
  /** Consumed where it is made: `for (const m of s.matchAll(re))`, `[...s.matchAll(re)]` or `Array.from(s.matchAll(re))`. */
  matchAll(regexp: RegExp | string): RegExpStringIterator<RegExpExecArray>;
  /** `$$`, `$&`, `` $` ``, `$'` (and with a regex `$1`..`$99`, `$<name>`) in the replacement work as in JavaScript. */
  replace(searchValue: string | RegExp, replaceValue: string): string;
  /** With a regex, the function gets (match, group1, ..., offset, string) as in JavaScript. */
  replace(searchValue: string | RegExp, replacer: (substring: string, ...args: any[]) => string): string;
  replaceAll(searchValue: string | RegExp, replaceValue: string): string;
  replaceAll(searchValue: string | RegExp, replacer: (substring: string, ...args: any[]) => string): string;
  search(regexp: string | RegExp): number;
  slice(start?: number, end?: number): string;
  split(separator: string | RegExp, limit?: number): string[];
  startsWith(searchString: string, position?: number): boolean;
  substring(start: number, end?: number): string;
  substr(from: number, length?: number): string;
  /** Full Unicode case mapping as in JavaScript (ß becomes SS); see language.md for what panics. */
  toLowerCase(): string;
  toUpperCase(): string;
  /** In the default locale only, which maps case as `toLowerCase` does (a locale argument is not taken). */
  toLocaleLowerCase(): string;
  toLocaleUpperCase(): string;
  trim(): string;
  trimStart(): string;
  trimEnd(): string;
  /** The older names of `trimStart` and `trimEnd`. */
  trimLeft(): string;
  trimRight(): string;
  toString(): string;
  valueOf(): string;
}
interface StringConstructor {
  /** The value as Node's `String(value)` spells it: `"null"`, `"undefined"`, `"42"`, `"true"`, an object's toString(). */
  (value?: unknown): string;
  /** Hosted only: the string of these UTF-16 code units (a lone surrogate panics). */
  fromCharCode(...codes: number[]): string;
  /** Hosted only: the string of these code points; one that is not an integer in 0..0x10FFFF is a RangeError. */
  fromCodePoint(...codePoints: number[]): string;
  /** Hosted only, as a tag: `` String.raw`a\n${x}` `` keeps the escapes as written. */
  raw(template: { raw: readonly string[] | ArrayLike<string> }, ...substitutions: unknown[]): string;
}
declare var String: StringConstructor;

interface SymbolConstructor {
  readonly iterator: unique symbol;
}
declare var Symbol: SymbolConstructor;
interface IteratorYieldResult<TYield> {
  done?: false;
  value: TYield;
}
interface IteratorReturnResult<TReturn> {
  done: true;
  value: TReturn;
}
type IteratorResult<T, TReturn = any> = IteratorYieldResult<T> | IteratorReturnResult<TReturn>;
// The arities and defaults match TypeScript's lib (tsc looks these up to type for...of and spread).
interface Iterator<T, TReturn = any, TNext = any> {
  next(...[value]: [] | [TNext]): IteratorResult<T, TReturn>;
  /** tsos refuses iterators that have one (TSOS1241): for...of would have to call it. */
  return?(value?: TReturn): IteratorResult<T, TReturn>;
  throw?(e?: any): IteratorResult<T, TReturn>;
}
interface Iterable<T, TReturn = any, TNext = any> {
  [Symbol.iterator](): Iterator<T, TReturn, TNext>;
}
interface IterableIterator<T, TReturn = any, TNext = any> extends Iterator<T, TReturn, TNext> {
  [Symbol.iterator](): IterableIterator<T, TReturn, TNext>;
}
interface IteratorObject<T, TReturn = unknown, TNext = unknown> extends Iterator<T, TReturn, TNext> {
  [Symbol.iterator](): IteratorObject<T, TReturn, TNext>;
}
type BuiltinIteratorReturn = intrinsic;
type NoInfer<T> = intrinsic;
/** What a generator function returns (as in lib.es2015.generator.d.ts; lower/generators.ts). */
interface Generator<T = unknown, TReturn = any, TNext = any> extends IteratorObject<T, TReturn, TNext> {
  next(...[value]: [] | [TNext]): IteratorResult<T, TReturn>;
  return(value: TReturn): IteratorResult<T, TReturn>;
  throw(e: any): IteratorResult<T, TReturn>;
  [Symbol.iterator](): Generator<T, TReturn, TNext>;
}

/** What `xs.entries()`, `keys()` and `values()` return (as in lib.es2015.iterable.d.ts). */
interface ArrayIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> {
  [Symbol.iterator](): ArrayIterator<T>;
}
/** The shape `concat` accepts (as in lib.es5.d.ts). */
interface ConcatArray<T> {
  readonly length: number;
  readonly [n: number]: T;
  join(separator?: string): string;
  slice(start?: number, end?: number): T[];
}
/** An object with a length and numeric indices (`Array.from`'s argument). */
interface ArrayLike<T> {
  readonly length: number;
  readonly [n: number]: T;
}
/** `arr.flat(depth)`'s element type (as in lib.es2019.array.d.ts). */
type FlatArray<Arr, Depth extends number> = {
  done: Arr;
  recur: Arr extends ReadonlyArray<infer InnerArr> ? FlatArray<InnerArr, [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20][Depth]> : Arr;
}[Depth extends -1 ? "done" : "recur"];

// Arrays. The signatures are ES2022's (lib.es5.d.ts ... lib.es2022.array.d.ts)
// without `thisArg`; `findLast` and `findLastIndex` (ES2023) are added. The
// methods are implemented by lib/std/array.ts (lower/array-methods.ts) or by
// the runtime (push, length). A `readonly T[]` is the same array, read-only to tsc.
interface ReadonlyArray<T> {
  readonly length: number;
  readonly [n: number]: T;
  toString(): string;
  concat(...items: ConcatArray<T>[]): T[];
  concat(...items: (T | ConcatArray<T>)[]): T[];
  join(separator?: string): string;
  slice(start?: number, end?: number): T[];
  indexOf(searchElement: T, fromIndex?: number): number;
  lastIndexOf(searchElement: T, fromIndex?: number): number;
  includes(searchElement: T, fromIndex?: number): boolean;
  every(predicate: (value: T, index: number, array: readonly T[]) => unknown): boolean;
  some(predicate: (value: T, index: number, array: readonly T[]) => unknown): boolean;
  forEach(callbackfn: (value: T, index: number, array: readonly T[]) => void): void;
  map<U>(callbackfn: (value: T, index: number, array: readonly T[]) => U): U[];
  filter<S extends T>(predicate: (value: T, index: number, array: readonly T[]) => value is S): S[];
  filter(predicate: (value: T, index: number, array: readonly T[]) => unknown): T[];
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T): T;
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T, initialValue: T): T;
  reduce<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: readonly T[]) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T): T;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T, initialValue: T): T;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: readonly T[]) => U, initialValue: U): U;
  find<S extends T>(predicate: (value: T, index: number, obj: readonly T[]) => value is S): S | undefined;
  find(predicate: (value: T, index: number, obj: readonly T[]) => unknown): T | undefined;
  findIndex(predicate: (value: T, index: number, obj: readonly T[]) => unknown): number;
  findLast<S extends T>(predicate: (value: T, index: number, array: readonly T[]) => value is S): S | undefined;
  findLast(predicate: (value: T, index: number, array: readonly T[]) => unknown): T | undefined;
  findLastIndex(predicate: (value: T, index: number, array: readonly T[]) => unknown): number;
  /** ES2023: a sorted copy; the array itself is unchanged. */
  toSorted(compareFn?: (a: T, b: T) => number): T[];
  /** ES2023: a reversed copy. */
  toReversed(): T[];
  /** ES2023: a copy with `splice`'s change made. */
  toSpliced(start: number, deleteCount?: number, ...items: T[]): T[];
  /** ES2023: a copy with the element at `index` (negative counts from the end) replaced; RangeError outside the array. */
  with(index: number, value: T): T[];
  flatMap<U>(callback: (value: T, index: number, array: T[]) => U | ReadonlyArray<U>): U[];
  flat<A, D extends number = 1>(this: A, depth?: D): FlatArray<A, D>[];
  /** The element at `index` (negative counts from the end), or undefined outside the array. */
  at(index: number): T | undefined;
  entries(): ArrayIterator<[number, T]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<T>;
  [Symbol.iterator](): ArrayIterator<T>;
}

interface Array<T> {
  /** Assigning a smaller length removes the elements past it; a larger one panics (it would leave holes). */
  length: number;
  [n: number]: T;
  toString(): string;
  /** Removes the last element and returns it (undefined if the array is empty). */
  pop(): T | undefined;
  /** Appends the items and returns the new length. */
  push(...items: T[]): number;
  concat(...items: ConcatArray<T>[]): T[];
  concat(...items: (T | ConcatArray<T>)[]): T[];
  join(separator?: string): string;
  reverse(): T[];
  /** Removes the first element and returns it (undefined if the array is empty). */
  shift(): T | undefined;
  slice(start?: number, end?: number): T[];
  /** Stable, in place. Without a comparator, elements are ordered by their string forms, as JavaScript does. */
  sort(compareFn?: (a: T, b: T) => number): this;
  splice(start: number, deleteCount?: number): T[];
  splice(start: number, deleteCount: number, ...items: T[]): T[];
  unshift(...items: T[]): number;
  indexOf(searchElement: T, fromIndex?: number): number;
  lastIndexOf(searchElement: T, fromIndex?: number): number;
  includes(searchElement: T, fromIndex?: number): boolean;
  every(predicate: (value: T, index: number, array: T[]) => unknown): boolean;
  some(predicate: (value: T, index: number, array: T[]) => unknown): boolean;
  forEach(callbackfn: (value: T, index: number, array: T[]) => void): void;
  map<U>(callbackfn: (value: T, index: number, array: T[]) => U): U[];
  filter<S extends T>(predicate: (value: T, index: number, array: T[]) => value is S): S[];
  filter(predicate: (value: T, index: number, array: T[]) => unknown): T[];
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T): T;
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T, initialValue: T): T;
  reduce<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: T[]) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T): T;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T, initialValue: T): T;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: T[]) => U, initialValue: U): U;
  find<S extends T>(predicate: (value: T, index: number, obj: T[]) => value is S): S | undefined;
  find(predicate: (value: T, index: number, obj: T[]) => unknown): T | undefined;
  findIndex(predicate: (value: T, index: number, obj: T[]) => unknown): number;
  findLast<S extends T>(predicate: (value: T, index: number, array: T[]) => value is S): S | undefined;
  findLast(predicate: (value: T, index: number, array: T[]) => unknown): T | undefined;
  findLastIndex(predicate: (value: T, index: number, array: T[]) => unknown): number;
  toSorted(compareFn?: (a: T, b: T) => number): T[];
  toReversed(): T[];
  toSpliced(start: number, deleteCount?: number, ...items: T[]): T[];
  with(index: number, value: T): T[];
  /** Sets the elements from `start` to `end` (negative counts from the end) to `value`; returns the array. */
  fill(value: T, start?: number, end?: number): this;
  copyWithin(target: number, start: number, end?: number): this;
  flatMap<U>(callback: (value: T, index: number, array: T[]) => U | ReadonlyArray<U>): U[];
  flat<A, D extends number = 1>(this: A, depth?: D): FlatArray<A, D>[];
  /** The element at `index` (negative counts from the end), or undefined outside the array. */
  at(index: number): T | undefined;
  entries(): ArrayIterator<[number, T]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<T>;
  [Symbol.iterator](): ArrayIterator<T>;
}

interface ArrayConstructor {
  /** `const xs: number[] = new Array(n).fill(0)`: the element type comes from the declared type. */
  new (arrayLength: number): any[];
  /** `new Array<T>(n)`: n elements; use `.fill(v)` before reading them. */
  new <T>(arrayLength: number): T[];
  /** `Array(n)`: the same as `new Array(n)`. */
  (arrayLength: number): any[];
  <T>(arrayLength: number): T[];
  isArray(arg: any): arg is any[];
  /** What `v instanceof Array` narrows to (lower/dynamic.ts). */
  readonly prototype: any[];
  /** `Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from<U>(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => U): U[];
  from<T>(iterable: Iterable<T> | ArrayLike<T>): T[];
  from<T, U>(iterable: Iterable<T> | ArrayLike<T>, mapfn: (v: T, k: number) => U): U[];
  of<T>(...items: T[]): T[];
}
declare var Array: ArrayConstructor;

// ---------------------------------------------------------------------------
// Map and Set, implemented in the dialect by lib/std/map.ts (lower/collections.ts).
// Keys compare by SameValueZero; iteration is in insertion order. An iterator
// (`keys()`, `values()`, `entries()`) is consumed where it is made: by
// for...of, spread, `Array.from`, or `.next().value` for the first element.
// ---------------------------------------------------------------------------
interface MapIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> {
  [Symbol.iterator](): MapIterator<T>;
}
interface SetIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> {
  [Symbol.iterator](): SetIterator<T>;
}
interface Map<K, V> {
  clear(): void;
  /** True if the key was present. */
  delete(key: K): boolean;
  forEach(callbackfn: (value: V, key: K, map: Map<K, V>) => void): void;
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): this;
  readonly size: number;
  [Symbol.iterator](): MapIterator<[K, V]>;
  entries(): MapIterator<[K, V]>;
  keys(): MapIterator<K>;
  values(): MapIterator<V>;
}
interface MapConstructor {
  new <K, V>(entries?: readonly (readonly [K, V])[] | null): Map<K, V>;
  new <K, V>(iterable?: Iterable<readonly [K, V]> | null): Map<K, V>;
  readonly prototype: Map<unknown, unknown>;
}
declare var Map: MapConstructor;
interface ReadonlyMap<K, V> {
  forEach(callbackfn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void;
  get(key: K): V | undefined;
  has(key: K): boolean;
  readonly size: number;
  [Symbol.iterator](): MapIterator<[K, V]>;
  entries(): MapIterator<[K, V]>;
  keys(): MapIterator<K>;
  values(): MapIterator<V>;
}
interface Set<T> {
  add(value: T): this;
  clear(): void;
  /** True if the value was present. */
  delete(value: T): boolean;
  forEach(callbackfn: (value: T, value2: T, set: Set<T>) => void): void;
  has(value: T): boolean;
  readonly size: number;
  [Symbol.iterator](): SetIterator<T>;
  entries(): SetIterator<[T, T]>;
  keys(): SetIterator<T>;
  values(): SetIterator<T>;
}
interface SetConstructor {
  new <T>(values?: readonly T[] | null): Set<T>;
  new <T>(iterable?: Iterable<T> | null): Set<T>;
  readonly prototype: Set<unknown>;
}
declare var Set: SetConstructor;

// ---------------------------------------------------------------------------
// ArrayBuffer, typed arrays and DataView (hosted), implemented in the dialect
// by lib/std/typed-array.ts (lower/typed-arrays.ts). Signatures are ES2022's
// without `thisArg`; `findLast`/`findLastIndex` (ES2023) are added. A
// typed array's buffer is always an ArrayBuffer (no SharedArrayBuffer).
// Reading an element outside the array panics (JavaScript reads undefined);
// writing one is ignored, as in JavaScript.
// ---------------------------------------------------------------------------
interface ArrayBuffer {
  readonly byteLength: number;
  slice(begin?: number, end?: number): ArrayBuffer;
}
interface ArrayBufferConstructor {
  readonly prototype: ArrayBuffer;
  new (byteLength: number): ArrayBuffer;
  isView(arg: any): boolean;
}
declare var ArrayBuffer: ArrayBufferConstructor;
type ArrayBufferLike = ArrayBuffer;
interface ArrayBufferView {
  buffer: ArrayBuffer;
  byteLength: number;
  byteOffset: number;
}
interface DataView {
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  getFloat32(byteOffset: number, littleEndian?: boolean): number;
  getFloat64(byteOffset: number, littleEndian?: boolean): number;
  getInt8(byteOffset: number): number;
  getInt16(byteOffset: number, littleEndian?: boolean): number;
  getInt32(byteOffset: number, littleEndian?: boolean): number;
  getUint8(byteOffset: number): number;
  getUint16(byteOffset: number, littleEndian?: boolean): number;
  getUint32(byteOffset: number, littleEndian?: boolean): number;
  setFloat32(byteOffset: number, value: number, littleEndian?: boolean): void;
  setFloat64(byteOffset: number, value: number, littleEndian?: boolean): void;
  setInt8(byteOffset: number, value: number): void;
  setInt16(byteOffset: number, value: number, littleEndian?: boolean): void;
  setInt32(byteOffset: number, value: number, littleEndian?: boolean): void;
  setUint8(byteOffset: number, value: number): void;
  setUint16(byteOffset: number, value: number, littleEndian?: boolean): void;
  setUint32(byteOffset: number, value: number, littleEndian?: boolean): void;
}
interface DataViewConstructor {
  readonly prototype: DataView;
  new (buffer: ArrayBuffer, byteOffset?: number, byteLength?: number): DataView;
}
declare var DataView: DataViewConstructor;

interface Int8Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Int8Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Int8Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Int8Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Int8Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Int8ArrayConstructor {
  readonly prototype: Int8Array;
  new (length?: number): Int8Array;
  new (array: ArrayLike<number> | Iterable<number>): Int8Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Int8Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Int8Array;
  /** `Int8Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Int8Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Int8Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Int8Array;
}
declare var Int8Array: Int8ArrayConstructor;

interface Uint8Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Uint8Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Uint8Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Uint8Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Uint8Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Uint8ArrayConstructor {
  readonly prototype: Uint8Array;
  new (length?: number): Uint8Array;
  new (array: ArrayLike<number> | Iterable<number>): Uint8Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Uint8Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Uint8Array;
  /** `Uint8Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Uint8Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Uint8Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Uint8Array;
}
declare var Uint8Array: Uint8ArrayConstructor;

interface Uint8ClampedArray {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Uint8ClampedArray;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Uint8ClampedArray;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Uint8ClampedArray;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Uint8ClampedArray;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Uint8ClampedArrayConstructor {
  readonly prototype: Uint8ClampedArray;
  new (length?: number): Uint8ClampedArray;
  new (array: ArrayLike<number> | Iterable<number>): Uint8ClampedArray;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Uint8ClampedArray;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Uint8ClampedArray;
  /** `Uint8ClampedArray.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Uint8ClampedArray;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Uint8ClampedArray;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Uint8ClampedArray;
}
declare var Uint8ClampedArray: Uint8ClampedArrayConstructor;

interface Int16Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Int16Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Int16Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Int16Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Int16Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Int16ArrayConstructor {
  readonly prototype: Int16Array;
  new (length?: number): Int16Array;
  new (array: ArrayLike<number> | Iterable<number>): Int16Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Int16Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Int16Array;
  /** `Int16Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Int16Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Int16Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Int16Array;
}
declare var Int16Array: Int16ArrayConstructor;

interface Uint16Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Uint16Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Uint16Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Uint16Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Uint16Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Uint16ArrayConstructor {
  readonly prototype: Uint16Array;
  new (length?: number): Uint16Array;
  new (array: ArrayLike<number> | Iterable<number>): Uint16Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Uint16Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Uint16Array;
  /** `Uint16Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Uint16Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Uint16Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Uint16Array;
}
declare var Uint16Array: Uint16ArrayConstructor;

interface Int32Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Int32Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Int32Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Int32Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Int32Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Int32ArrayConstructor {
  readonly prototype: Int32Array;
  new (length?: number): Int32Array;
  new (array: ArrayLike<number> | Iterable<number>): Int32Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Int32Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Int32Array;
  /** `Int32Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Int32Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Int32Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Int32Array;
}
declare var Int32Array: Int32ArrayConstructor;

interface Uint32Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Uint32Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Uint32Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Uint32Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Uint32Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Uint32ArrayConstructor {
  readonly prototype: Uint32Array;
  new (length?: number): Uint32Array;
  new (array: ArrayLike<number> | Iterable<number>): Uint32Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Uint32Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Uint32Array;
  /** `Uint32Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Uint32Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Uint32Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Uint32Array;
}
declare var Uint32Array: Uint32ArrayConstructor;

interface Float64Array {
  readonly BYTES_PER_ELEMENT: number;
  readonly buffer: ArrayBuffer;
  readonly byteLength: number;
  readonly byteOffset: number;
  readonly length: number;
  [index: number]: number;
  copyWithin(target: number, start: number, end?: number): this;
  every(predicate: (value: number, index: number, array: this) => unknown): boolean;
  fill(value: number, start?: number, end?: number): this;
  filter(predicate: (value: number, index: number, array: this) => unknown): Float64Array;
  find(predicate: (value: number, index: number, obj: this) => boolean): number | undefined;
  findIndex(predicate: (value: number, index: number, obj: this) => boolean): number;
  findLast(predicate: (value: number, index: number, array: this) => unknown): number | undefined;
  findLastIndex(predicate: (value: number, index: number, array: this) => unknown): number;
  forEach(callbackfn: (value: number, index: number, array: this) => void): void;
  indexOf(searchElement: number, fromIndex?: number): number;
  join(separator?: string): string;
  lastIndexOf(searchElement: number, fromIndex?: number): number;
  map(callbackfn: (value: number, index: number, array: this) => number): Float64Array;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduce(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduce<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number): number;
  reduceRight(callbackfn: (previousValue: number, currentValue: number, currentIndex: number, array: this) => number, initialValue: number): number;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: number, currentIndex: number, array: this) => U, initialValue: U): U;
  reverse(): this;
  set(array: ArrayLike<number>, offset?: number): void;
  slice(start?: number, end?: number): Float64Array;
  some(predicate: (value: number, index: number, array: this) => unknown): boolean;
  /** Numeric order without a comparator (not by string forms, as arrays sort). */
  sort(compareFn?: (a: number, b: number) => number): this;
  subarray(begin?: number, end?: number): Float64Array;
  toString(): string;
  valueOf(): this;
  at(index: number): number | undefined;
  includes(searchElement: number, fromIndex?: number): boolean;
  entries(): ArrayIterator<[number, number]>;
  keys(): ArrayIterator<number>;
  values(): ArrayIterator<number>;
  [Symbol.iterator](): ArrayIterator<number>;
}
interface Float64ArrayConstructor {
  readonly prototype: Float64Array;
  new (length?: number): Float64Array;
  new (array: ArrayLike<number> | Iterable<number>): Float64Array;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Float64Array;
  readonly BYTES_PER_ELEMENT: number;
  of(...items: number[]): Float64Array;
  /** `Float64Array.from({ length: n }, (_, i) => ...)`: n elements computed from their indices. */
  from(arrayLike: { readonly length: number; readonly [n: number]: never }, mapfn: (v: undefined, k: number) => number): Float64Array;
  from(arrayLike: ArrayLike<number> | Iterable<number>): Float64Array;
  from<T>(arrayLike: ArrayLike<T> | Iterable<T>, mapfn: (v: T, k: number) => number): Float64Array;
}
declare var Float64Array: Float64ArrayConstructor;
interface ReadonlySet<T> {
  forEach(callbackfn: (value: T, value2: T, set: ReadonlySet<T>) => void): void;
  has(value: T): boolean;
  readonly size: number;
  [Symbol.iterator](): SetIterator<T>;
  entries(): SetIterator<[T, T]>;
  keys(): SetIterator<T>;
  values(): SetIterator<T>;
}
/** A string iterates its characters (`for (const ch of s)`); tsc needs this once Iterable exists. */
interface StringIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> {
  [Symbol.iterator](): StringIterator<T>;
}
interface String {
  [Symbol.iterator](): StringIterator<string>;
}
/** `Array.from` over a Map, a Set or one of their iterators (lower/collections.ts). */
interface ArrayConstructor {
  from<T>(iterable: Iterable<T>): T[];
  from<T, U>(iterable: Iterable<T>, mapfn: (v: T, k: number) => U): U[];
}

// ---------------------------------------------------------------------------
// Records: string-keyed objects used as dictionaries (lower/records.ts).
// ---------------------------------------------------------------------------
/** An object whose keys are K and values V (`Record<string, number>`, `Record<Color, string>`). */
type Record<K extends keyof any, T> = {
  [P in K]: T;
};

// The utility types of the ES lib, with its definitions (they are types only; the
// compiler sees the object types they produce, e.g. Partial<T> has optional members).
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
type NonNullable<T> = T & {};
type ReturnType<T extends (...args: any) => any> = T extends (...args: any) => infer R ? R : any;
type Parameters<T extends (...args: any) => any> = T extends (...args: infer P) => any ? P : never;
type ConstructorParameters<T extends abstract new (...args: any) => any> = T extends abstract new (...args: infer P) => any ? P : never;
type InstanceType<T extends abstract new (...args: any) => any> = T extends abstract new (...args: any) => infer R ? R : any;
/** Marks the type of `this` in an object literal's methods (types only). */
interface ThisType<T> {}
/** String literal types changed as the string methods would change the values (`Capitalize<"name">` is `"Name"`). */
type Uppercase<S extends string> = intrinsic;
type Lowercase<S extends string> = intrinsic;
type Capitalize<S extends string> = intrinsic;
type Uncapitalize<S extends string> = intrinsic;
interface ObjectConstructor {
  /** A record's own keys: array-index keys ascending, then the others in insertion order. */
  keys(o: object): string[];
  /** For an object that is no array, function or string: the same as `keys` (every own property is enumerable). */
  getOwnPropertyNames(o: object): string[];
  values<T>(o: { [s: string]: T }): T[];
  /** An object whose properties have no one type (a union of object types): its values as dynamic values. */
  values(o: {}): any[];
  entries<T>(o: { [s: string]: T }): [string, T][];
  entries(o: {}): [string, any][];
  fromEntries<T = unknown>(entries: Iterable<readonly [PropertyKey, T]>): { [k: string]: T };
  /** SameValue: like `===`, but NaN is NaN and +0 is not -0. */
  is(value1: any, value2: any): boolean;
  /** Whether a record has its own entry for the key (`Object.hasOwn(table, k)`); what every object inherits is not one. */
  hasOwn(o: object, v: PropertyKey): boolean;
  /** Only as `Object.prototype.hasOwnProperty.call(record, key)`, the same as `Object.hasOwn`. */
  readonly prototype: Object;
  /** The object itself, typed readonly (tsc then refuses writes; tsos does not stop writes through a cast, which JavaScript's strict mode would throw on). */
  freeze<T extends Function>(f: T): T;
  freeze<T extends { [idx: string]: U | null | undefined | object }, U extends string | bigint | number | boolean | symbol>(o: T): Readonly<T>;
  freeze<T>(o: T): Readonly<T>;
  /** Whether `Object.freeze` froze o; a primitive, null and undefined are frozen. */
  isFrozen(o: any): boolean;
  /** Copies each source's own properties to `target` (which must already have them) and returns it. */
  assign<T extends {}, U>(target: T, source: U): T & U;
  assign<T extends {}, U, V>(target: T, source1: U, source2: V): T & U & V;
  assign<T extends {}, U, V, W>(target: T, source1: U, source2: V, source3: W): T & U & V & W;
  assign<T extends {}, U, V, W, X>(target: T, source1: U, source2: V, source3: W, source4: X): T & U & V & W & X;
  assign<T extends {}, U, V, W, X, Y>(target: T, source1: U, source2: V, source3: W, source4: X, source5: Y): T & U & V & W & X & Y;
}
declare var Object: ObjectConstructor;

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
  /** `x ** y`, computed as V8 computes it (fdlibm's pow, lib/std/math.ts). */
  pow(x: number, y: number): number;
  hypot(...values: number[]): number;
  /** A pseudo-random number in [0, 1) (xorshift128+, seeded at start): not for cryptography. */
  random(): number;
  /** Computed as V8 computes them (its fdlibm port, lib/std/math.ts): bit-for-bit Node's results. */
  sin(x: number): number;
  cos(x: number): number;
  tan(x: number): number;
  asin(x: number): number;
  acos(x: number): number;
  atan(x: number): number;
  atan2(y: number, x: number): number;
  exp(x: number): number;
  expm1(x: number): number;
  log(x: number): number;
  log1p(x: number): number;
  log2(x: number): number;
  log10(x: number): number;
  cbrt(x: number): number;
  sinh(x: number): number;
  cosh(x: number): number;
  tanh(x: number): number;
  asinh(x: number): number;
  acosh(x: number): number;
  atanh(x: number): number;
  /** The 32-bit product of ToInt32 of both, as a signed integer. */
  imul(x: number, y: number): number;
  /** The number of leading zero bits of ToUint32(x). */
  clz32(x: number): number;
  /** The nearest single-precision value. */
  fround(x: number): number;
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
interface JSON {
  /**
   * The JSON text of a value of a declared type (lower/json.ts). `replacer`:
   * an array of the property names to keep; `space`: the indentation step.
   */
  stringify(value: any, replacer?: (this: any, key: string, value: any) => any, space?: string | number): string;
  /**
   * The value of a JSON text, read into the type the program declares for it
   * (`JSON.parse(text) as Config`); a text of another shape throws a TypeError.
   */
  parse(text: string, reviver?: (this: any, key: string, value: any) => any): any;
  stringify(value: any, replacer?: (number | string)[] | null, space?: string | number): string;
}
declare var JSON: JSON;

interface Console {
  /** Prints the arguments separated by spaces, as Node does, then a newline: strings as they are, other values as Node's util.inspect shows them (lower/inspect.ts). */
  log(...args: any[]): void;
  /** As `log`, to standard error. */
  error(...args: any[]): void;
  /** As `log` (Node's console.info and console.debug are console.log). */
  info(...args: any[]): void;
  debug(...args: any[]): void;
  /** As `error`, to standard error (Node's console.warn is console.error). */
  warn(...args: any[]): void;
  /** Prints the arguments as `log` does (if any), then indents what console prints after it by two more spaces, until `groupEnd`. */
  group(...label: any[]): void;
  /** As `group` (Node prints no collapsed form). */
  groupCollapsed(...label: any[]): void;
  /** Ends the innermost group: two spaces less indentation. */
  groupEnd(): void;
}
declare var console: Console;

interface Process {
  /** [executable, program.ts, ...arguments], as Node's process.argv. */
  readonly argv: string[];
  exit(code: number): never;
  /** Hosted: `process.stdout.write(text)` as a statement prints the text without a newline. */
  readonly stdout: WritableStream;
  readonly stderr: WritableStream;
}
interface WritableStream {
  write(text: string): boolean;
}
declare var process: Process;

/**
 * Errors (lib/std/error.ts builds them). Hosted programs throw and catch them;
 * in the kernel, `throw new Error("message")` panics with the message.
 */
/** The options of `new Error(message, { cause })`: the error that caused this one (an Error in tsos). */
type ErrorOptions = { cause?: unknown };
declare class Error {
  constructor(message?: string, options?: ErrorOptions);
  name: string;
  message: string;
  /** Set from `options.cause` when given (ES2022). */
  cause?: unknown;
  toString(): string;
}
declare class RangeError extends Error {}
declare class TypeError extends Error {}
declare class SyntaxError extends Error {}
declare class URIError extends Error {}
declare class ReferenceError extends Error {}
declare class EvalError extends Error {}

/** UTF-8 encoding (WHATWG Encoding; lib/std/text.ts builds it): `encode(s)` gives the bytes of s. */
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
/**
 * UTF-8 decoding (WHATWG Encoding; lib/std/text.ts builds it): `decode(bytes)` gives the string, each
 * ill-formed sequence as U+FFFD (a TypeError with `fatal`). Other encodings are a RangeError.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: Uint8Array): string;
}

/**
 * A reference that does not keep its target alive (lib/std/weakref.ts builds
 * it): `deref()` gives the target, or undefined once it has been freed.
 */
declare class WeakRef<T extends object> {
  constructor(target: T);
  deref(): T | undefined;
}

/**
 * A map whose entries do not keep their keys alive (lib/std/map.ts builds it): an entry goes away
 * with its key's object. Keys are objects, compared by identity.
 */
declare class WeakMap<K extends object, V> {
  constructor();
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
}

/** A set of objects that does not keep them alive (lib/std/map.ts builds it). */
declare class WeakSet<T extends object> {
  constructor();
  add(value: T): this;
  has(value: T): boolean;
  delete(value: T): boolean;
}

/**
 * A point in time (lib/std/date.ts builds it): milliseconds since
 * 1970-01-01T00:00:00Z. Local time is UTC. `new Date(text)` and `Date.parse`
 * read the ISO formats; the locale methods write en-US.
 */
declare class Date {
  constructor();
  constructor(value: number | string | Date);
  constructor(year: number, monthIndex: number, date?: number, hours?: number, minutes?: number, seconds?: number, ms?: number);
  static now(): number;
  static UTC(year: number, monthIndex?: number, date?: number, hours?: number, minutes?: number, seconds?: number, ms?: number): number;
  static parse(text: string): number;
  getTime(): number;
  valueOf(): number;
  getTimezoneOffset(): number;
  getFullYear(): number;
  getMonth(): number;
  getDate(): number;
  getDay(): number;
  getHours(): number;
  getMinutes(): number;
  getSeconds(): number;
  getMilliseconds(): number;
  getUTCFullYear(): number;
  getUTCMonth(): number;
  getUTCDate(): number;
  getUTCDay(): number;
  getUTCHours(): number;
  getUTCMinutes(): number;
  getUTCSeconds(): number;
  getUTCMilliseconds(): number;
  setTime(time: number): number;
  setFullYear(year: number, month?: number, date?: number): number;
  setMonth(month: number, date?: number): number;
  setDate(date: number): number;
  setHours(hours: number, minutes?: number, seconds?: number, ms?: number): number;
  setMinutes(minutes: number, seconds?: number, ms?: number): number;
  setSeconds(seconds: number, ms?: number): number;
  setMilliseconds(ms: number): number;
  setUTCFullYear(year: number, month?: number, date?: number): number;
  setUTCMonth(month: number, date?: number): number;
  setUTCDate(date: number): number;
  setUTCHours(hours: number, minutes?: number, seconds?: number, ms?: number): number;
  setUTCMinutes(minutes: number, seconds?: number, ms?: number): number;
  setUTCSeconds(seconds: number, ms?: number): number;
  toISOString(): string;
  toJSON(): string | null;
  toDateString(): string;
  toTimeString(): string;
  toString(): string;
  toUTCString(): string;
  toLocaleDateString(): string;
  toLocaleTimeString(): string;
  toLocaleString(): string;
}

/**
 * The global allocator (docs/language.md section 11): every heap allocation
 * of objects, arrays, closures and strings goes through the allocator
 * installed last. Hosted programs start with the C library's; the kernel has
 * none until it sets up its heap (blog_os post 10).
 */
interface GlobalAllocator {
  /** `size` bytes aligned to `align` (a power of two), or 0 when there is no room. */
  alloc(size: usize, align: usize): usize;
  /** Gives back a block `alloc` returned, with the same size and alignment. */
  free(ptr: usize, size: usize, align: usize): void;
}
/**
 * Installs `allocator` for every later allocation: the runtime asks it for
 * sizes rounded up to 16 with alignment 16 and zeroes what it returns; a 0
 * answer panics (`out of memory`). Once per program; under Node it does nothing.
 * The allocator's methods must not allocate (checked at compile time).
 */
declare function setGlobalAllocator(allocator: GlobalAllocator): void;
/** Hosted: `size` bytes aligned to `align` from the C library (posix_memalign), or 0. What an installed hosted allocator can build on. */
declare function systemAlloc(size: usize, align: usize): usize;
/** Hosted: gives back a block systemAlloc returned. */
declare function systemFree(ptr: usize, size: usize, align: usize): void;
/**
 * Runs the cycle collector now (docs/design/memory.md, "Cycles"): objects
 * that refer to each other in a cycle that nothing else refers to are freed.
 * It also runs by itself when enough possible roots are buffered, in steps of
 * at most 8 192 roots (1 024 in the kernel). `maxRoots` bounds this step the
 * same way; without it, every buffered root is examined. A pause is the graph
 * below the roots examined. Under Node it does nothing. Not in interrupt
 * handlers or allocator code (it frees).
 */
declare function collectCycles(maxRoots?: number): void;

declare namespace Intl {
  /** The options `localeCompare` takes (the others of JavaScript's Intl.Collator are not supported). */
  interface CollatorOptions {
    sensitivity?: "base" | "accent" | "case" | "variant";
    numeric?: boolean;
  }
  /** The options `toLocaleString` and `NumberFormat` take, as a literal object of literal values, in the "en-US" locale. */
  interface NumberFormatOptions {
    style?: "decimal" | "percent" | "currency";
    /** USD, EUR, GBP, JPY or INR. */
    currency?: string;
    minimumFractionDigits?: number;
    maximumFractionDigits?: number;
    minimumIntegerDigits?: number;
    useGrouping?: boolean;
  }
  /** Hosted only: a number formatter; `format(x)` is `x.toLocaleString(locale, options)`. */
  class NumberFormat {
    constructor(locales?: string | string[], options?: NumberFormatOptions);
    format(value: number): string;
  }
}
