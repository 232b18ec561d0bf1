/**
 * lib/std/typed-array.ts: ArrayBuffer, the typed arrays and DataView,
 * written in the dialect (hosted).
 *
 * Input:  the program's `ArrayBuffer`, `Int8Array` ... `Float64Array`,
 *         `Uint8ClampedArray` and `DataView` (declared in lib/tsos.d.ts) are
 *         these classes: lower/typed-arrays.ts maps the types, `new`, the
 *         statics (`from`, `of`), element reads and writes, the methods,
 *         iteration, console.log and JSON.stringify onto them.
 * Output: ordinary dialect code; `TypedArray<E>` is monomorphized per
 *         element type E (i8 u8 i16 u16 i32 u32, and `number` for
 *         Float64Array).
 * Invariants:
 *   - An ArrayBuffer owns its bytes (`bytes`, a u8[] whose length never
 *     changes). A typed array or DataView holds its buffer by an ordinary
 *     reference, plus its offset and length: views made by `subarray` share
 *     the bytes, so a write through one is seen through every other.
 *   - A typed array's elements are `length` elements of type E starting at
 *     element `first` of the bytes (byteOffset / element size: offsets are
 *     multiples of the element size, as JavaScript requires), so
 *     `first + length` never passes the end of the buffer.
 *   - Every store converts as JavaScript does: ToInt8 ... ToUint32 wrap
 *     (fraction dropped, NaN and Infinity give 0), Uint8ClampedArray rounds
 *     half to even and clamps to 0..255, Float64Array stores the double
 *     (the intrinsic `storeElement`).
 *   - DataView reads and writes bytes one by one in the order the
 *     `littleEndian` flag gives (big-endian by default, as JavaScript).
 */

import { fromWords, highWord, lowWord } from "./math-intrinsics";
import { formatArrayAs, formatObject, showNumber } from "./inspect";
import { JsonOptions, jsonNumber, jsonObject } from "./json";

/** The size in bytes of one element of type E (lower/typed-arrays.ts). */
declare function elementSize<E>(): number;
/** "Int8Array" ... "Float64Array": the name of the typed array of element type E. */
declare function arrayName<E>(): string;
/** Element `index` of `bytes` seen as an array of E (an index in elements, checked against the bytes), as a number. */
declare function loadElement<E>(bytes: u8[], index: number): number;
/** Stores `v` converted to E (clamped to 0..255 when `clamped`) at element `index` of `bytes`. */
declare function storeElement<E>(bytes: u8[], index: number, v: number, clamped: boolean): void;
/** The float32 whose encoding is `bits`, as a double. */
declare function float32FromBits(bits: u32): number;
/** The encoding of `v` rounded to float32. */
declare function float32Bits(v: number): u32;

/** ToIndex: undefined-free JavaScript's conversion of a length or offset (NaN is 0, fractions dropped); `message` for a negative or too large value. */
function toIndex(v: number, message: string): number {
  if (v !== v) return 0;
  const t = Math.trunc(v);
  if (t < 0 || t > 4294967295) throw new RangeError(message);
  return t === 0 ? 0 : t;
}

/** A relative index as slice/fill/subarray read it: negative counts from the end; clamped to 0..len. */
function relative(v: number, len: number): number {
  if (v !== v) return 0;
  const t = Math.trunc(v);
  if (t < 0) return t + len < 0 ? 0 : t + len;
  return t < len ? t : len;
}

export class ArrayBuffer {
  bytes: u8[];

  constructor(byteLength: number) {
    const n = toIndex(byteLength, "Invalid array buffer length");
    this.bytes = new Array<u8>(n);
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  toString(): string {
    return "[object ArrayBuffer]";
  }

  slice(begin: number, end: number): ArrayBuffer {
    const len = this.bytes.length;
    const from = relative(begin, len);
    const to = relative(end, len);
    const n = to > from ? to - from : 0;
    const out = new ArrayBuffer(n);
    const src = this.bytes;
    const dst = out.bytes;
    for (let i = 0; i < n; i++) dst[i] = src[from + i];
    return out;
  }
}

export class TypedArray<E> {
  buffer: ArrayBuffer;
  bytes: u8[];
  byteOffset: number;
  length: number;
  /** The index of element 0 among the buffer's elements of type E. */
  first: number;
  /** A Uint8ClampedArray (E is u8). */
  clamped: boolean;

  constructor(buffer: ArrayBuffer, byteOffset: number, length: number, clamped: boolean) {
    this.buffer = buffer;
    this.bytes = buffer.bytes;
    this.byteOffset = byteOffset;
    this.length = length;
    this.first = byteOffset / elementSize<E>();
    this.clamped = clamped;
  }

  get byteLength(): number {
    return this.length * elementSize<E>();
  }

  get BYTES_PER_ELEMENT(): number {
    return elementSize<E>();
  }

  /** Element i, 0 <= i < length. */
  get(i: number): number {
    return loadElement<E>(this.bytes, this.first + i);
  }

  /** Stores element i, 0 <= i < length, converted to E. */
  put(i: number, v: number): void {
    storeElement<E>(this.bytes, this.first + i, v, this.clamped);
  }

  name(): string {
    return this.clamped ? "Uint8ClampedArray" : arrayName<E>();
  }

  /** A new typed array of this kind, of n elements. */
  fresh(n: number): TypedArray<E> {
    return new TypedArray<E>(new ArrayBuffer(n * elementSize<E>()), 0, n, this.clamped);
  }

  at(index: number): number | undefined {
    const len = this.length;
    let k = index !== index ? 0 : Math.trunc(index);
    if (k < 0) k += len;
    if (k < 0 || k >= len) return undefined;
    return this.get(k);
  }

  fill(value: number, start: number, end: number): TypedArray<E> {
    const len = this.length;
    const from = relative(start, len);
    const to = relative(end, len);
    for (let i = from; i < to; i++) this.put(i, value);
    return this;
  }

  indexOf(value: number, fromIndex: number): number {
    const len = this.length;
    for (let i = relative(fromIndex, len); i < len; i++) if (this.get(i) === value) return i;
    return -1;
  }

  lastIndexOf(value: number, fromIndex: number): number {
    const len = this.length;
    let k = fromIndex !== fromIndex ? 0 : Math.trunc(fromIndex);
    if (k < 0) k += len;
    if (k >= len) k = len - 1;
    for (let i = k; i >= 0; i--) if (this.get(i) === value) return i;
    return -1;
  }

  includes(value: number, fromIndex: number): boolean {
    const len = this.length;
    const nan = value !== value;
    for (let i = relative(fromIndex, len); i < len; i++) {
      const x = this.get(i);
      if (x === value || (nan && x !== x)) return true;
    }
    return false;
  }

  join(separator: string): string {
    const parts: string[] = [];
    const len = this.length;
    for (let i = 0; i < len; i++) parts.push(`${this.get(i)}`);
    return parts.join(separator);
  }

  reverse(): TypedArray<E> {
    let i = 0;
    let j = this.length - 1;
    while (i < j) {
      const a = this.get(i);
      this.put(i, this.get(j));
      this.put(j, a);
      i++;
      j--;
    }
    return this;
  }

  toString(): string {
    return this.join(",");
  }

  /** The elements as a number[] (a copy). */
  toNumbers(): number[] {
    const out: number[] = [];
    const len = this.length;
    for (let i = 0; i < len; i++) out.push(this.get(i));
    return out;
  }

  /** Writes `xs` back, from element 0 (xs holds values of E already). */
  putAll(xs: number[]): void {
    const n = xs.length;
    for (let i = 0; i < n; i++) this.put(i, xs[i]);
  }

  /** `sort()`: numeric order, -0 before +0, NaN last. */
  sortNumeric(): TypedArray<E> {
    const xs = this.toNumbers();
    xs.sort(compareNumbers);
    this.putAll(xs);
    return this;
  }

  sortBy(compare: (a: number, b: number) => number): TypedArray<E> {
    const xs = this.toNumbers();
    xs.sort(compare);
    this.putAll(xs);
    return this;
  }

  slice(start: number, end: number): TypedArray<E> {
    const len = this.length;
    const from = relative(start, len);
    const to = relative(end, len);
    const n = to > from ? to - from : 0;
    const out = this.fresh(n);
    for (let i = 0; i < n; i++) out.put(i, this.get(from + i));
    return out;
  }

  subarray(begin: number, end: number): TypedArray<E> {
    const len = this.length;
    const from = relative(begin, len);
    const to = relative(end, len);
    const n = to > from ? to - from : 0;
    return new TypedArray<E>(this.buffer, this.byteOffset + from * elementSize<E>(), n, this.clamped);
  }

  copyWithin(target: number, start: number, end: number): TypedArray<E> {
    const len = this.length;
    const to = relative(target, len);
    const from = relative(start, len);
    const last = relative(end, len);
    let count = last - from;
    if (len - to < count) count = len - to;
    if (count <= 0) return this;
    if (from < to && to < from + count) {
      for (let i = count - 1; i >= 0; i--) this.put(to + i, this.get(from + i));
    } else {
      for (let i = 0; i < count; i++) this.put(to + i, this.get(from + i));
    }
    return this;
  }

  /** `set(array, offset)`: the values of an array. */
  setFrom(xs: number[], offset: number): void {
    const at = toIndex(offset, "offset is out of bounds");
    const n = xs.length;
    if (n + at > this.length) throw new RangeError("offset is out of bounds");
    for (let i = 0; i < n; i++) this.put(at + i, xs[i]);
  }

  forEach(f: (value: number, index: number, array: TypedArray<E>) => void): void {
    const len = this.length;
    for (let i = 0; i < len; i++) f(this.get(i), i, this);
  }

  map(f: (value: number, index: number, array: TypedArray<E>) => number): TypedArray<E> {
    const len = this.length;
    const out = this.fresh(len);
    for (let i = 0; i < len; i++) out.put(i, f(this.get(i), i, this));
    return out;
  }

  filter<R>(f: (value: number, index: number, array: TypedArray<E>) => R): TypedArray<E> {
    const kept: number[] = [];
    const len = this.length;
    for (let i = 0; i < len; i++) {
      const v = this.get(i);
      if (f(v, i, this)) kept.push(v);
    }
    const out = this.fresh(kept.length);
    out.putAll(kept);
    return out;
  }

  reduce<U>(f: (acc: U, value: number, index: number, array: TypedArray<E>) => U, initial: U): U {
    let acc = initial;
    const len = this.length;
    for (let i = 0; i < len; i++) acc = f(acc, this.get(i), i, this);
    return acc;
  }

  /** @trackCaller */
  reduceFirst(f: (acc: number, value: number, index: number, array: TypedArray<E>) => number): number {
    const len = this.length;
    if (len === 0) throw new TypeError("Reduce of empty array with no initial value");
    let acc = this.get(0);
    for (let i = 1; i < len; i++) acc = f(acc, this.get(i), i, this);
    return acc;
  }

  reduceRight<U>(f: (acc: U, value: number, index: number, array: TypedArray<E>) => U, initial: U): U {
    let acc = initial;
    for (let i = this.length - 1; i >= 0; i--) acc = f(acc, this.get(i), i, this);
    return acc;
  }

  /** @trackCaller */
  reduceRightFirst(f: (acc: number, value: number, index: number, array: TypedArray<E>) => number): number {
    const len = this.length;
    if (len === 0) throw new TypeError("Reduce of empty array with no initial value");
    let acc = this.get(len - 1);
    for (let i = len - 2; i >= 0; i--) acc = f(acc, this.get(i), i, this);
    return acc;
  }

  every<R>(f: (value: number, index: number, array: TypedArray<E>) => R): boolean {
    const len = this.length;
    for (let i = 0; i < len; i++) if (!f(this.get(i), i, this)) return false;
    return true;
  }

  some<R>(f: (value: number, index: number, array: TypedArray<E>) => R): boolean {
    const len = this.length;
    for (let i = 0; i < len; i++) if (f(this.get(i), i, this)) return true;
    return false;
  }

  find<R>(f: (value: number, index: number, array: TypedArray<E>) => R): number | undefined {
    const len = this.length;
    for (let i = 0; i < len; i++) {
      const v = this.get(i);
      if (f(v, i, this)) return v;
    }
    return undefined;
  }

  findIndex<R>(f: (value: number, index: number, array: TypedArray<E>) => R): number {
    const len = this.length;
    for (let i = 0; i < len; i++) if (f(this.get(i), i, this)) return i;
    return -1;
  }

  findLast<R>(f: (value: number, index: number, array: TypedArray<E>) => R): number | undefined {
    for (let i = this.length - 1; i >= 0; i--) {
      const v = this.get(i);
      if (f(v, i, this)) return v;
    }
    return undefined;
  }

  findLastIndex<R>(f: (value: number, index: number, array: TypedArray<E>) => R): number {
    for (let i = this.length - 1; i >= 0; i--) if (f(this.get(i), i, this)) return i;
    return -1;
  }

  /** `[...ta.keys()]`. */
  keyArray(): number[] {
    const out: number[] = [];
    const len = this.length;
    for (let i = 0; i < len; i++) out.push(i);
    return out;
  }

  /** `[...ta.entries()]`. */
  entryArray(): [number, number][] {
    const out: [number, number][] = [];
    const len = this.length;
    for (let i = 0; i < len; i++) out.push([i, this.get(i)]);
    return out;
  }

  /** console.log: `Uint8Array(3) [ 1, 2, 3 ]`, at most 100 elements shown. */
  inspect(indent: number, depth: number): string {
    if (depth > 2) return `[${this.name()}]`;
    const len = this.length;
    const open = `${this.name()}(${len}) [`;
    if (len === 0) return `${open}]`;
    const shown: string[] = [];
    const n = len > 100 ? 100 : len;
    for (let i = 0; i < n; i++) shown.push(showNumber(this.get(i), indent + 2, depth + 1));
    return formatArrayAs(open, shown, len, indent, true);
  }
}

/** The default sort order of typed arrays: numeric, -0 before +0, NaN last. */
function compareNumbers(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === 0 && b === 0) {
    const na = 1 / a < 0;
    const nb = 1 / b < 0;
    if (na && !nb) return -1;
    if (nb && !na) return 1;
  }
  return 0;
}

/** `new Uint8Array(n)`. */
export function typedWithLength<E>(n: number, clamped: boolean): TypedArray<E> {
  const len = toIndex(n, `Invalid typed array length: ${n}`);
  return new TypedArray<E>(new ArrayBuffer(len * elementSize<E>()), 0, len, clamped);
}

/** `new Uint8Array([1, 2, 3])`, `Uint8Array.from(xs)`, `Uint8Array.of(...)`. */
export function typedFromNumbers<E>(xs: number[], clamped: boolean): TypedArray<E> {
  const n = xs.length;
  const out = new TypedArray<E>(new ArrayBuffer(n * elementSize<E>()), 0, n, clamped);
  for (let i = 0; i < n; i++) out.put(i, xs[i]);
  return out;
}

/** `new Int32Array(otherTypedArray)`: the values converted, in a new buffer. */
export function typedFromTyped<E, F>(src: TypedArray<F>, clamped: boolean): TypedArray<E> {
  const n = src.length;
  const out = new TypedArray<E>(new ArrayBuffer(n * elementSize<E>()), 0, n, clamped);
  for (let i = 0; i < n; i++) out.put(i, src.get(i));
  return out;
}

/** `Uint8Array.from(src, f)`. */
export function typedFromMapped<E, T>(xs: T[], f: (v: T, k: number) => number, clamped: boolean): TypedArray<E> {
  const n = xs.length;
  const out = new TypedArray<E>(new ArrayBuffer(n * elementSize<E>()), 0, n, clamped);
  for (let i = 0; i < n; i++) out.put(i, f(xs[i], i));
  return out;
}

/** `new Uint16Array(buffer, byteOffset, length)`; `length` NaN: to the end of the buffer. */
export function typedOnBuffer<E>(buffer: ArrayBuffer, byteOffset: number, length: number, clamped: boolean): TypedArray<E> {
  const size = elementSize<E>();
  const offset = toIndex(byteOffset, `Start offset ${byteOffset} is outside the bounds of the buffer`);
  if (offset % size !== 0) throw new RangeError(`start offset of ${arrayName<E>()} should be a multiple of ${size}`);
  const total = buffer.bytes.length;
  let n = 0;
  if (length !== length) {
    if (total % size !== 0) throw new RangeError(`byte length of ${arrayName<E>()} should be a multiple of ${size}`);
    if (offset > total) throw new RangeError(`Start offset ${offset} is outside the bounds of the buffer`);
    n = (total - offset) / size;
  } else {
    n = toIndex(length, `Invalid typed array length: ${length}`);
    if (offset + n * size > total) throw new RangeError(`Invalid typed array length: ${n}`);
  }
  return new TypedArray<E>(buffer, offset, n, clamped);
}

/** `ta.set(other, offset)`: when both share a buffer, the source is read in full first (as JavaScript clones it). */
export function typedSetTyped<E, F>(dst: TypedArray<E>, src: TypedArray<F>, offset: number): void {
  dst.setFrom(src.toNumbers(), offset);
}

/** JSON.stringify of a typed array: an object whose keys are the indices (`{"0":1,"1":2}`). */
export function typedJson<E>(ta: TypedArray<E>, options: JsonOptions, indent: string): string {
  const names: string[] = [];
  const values: string[] = [];
  const len = ta.length;
  for (let i = 0; i < len; i++) {
    names.push(`${i}`);
    values.push(jsonNumber(ta.get(i)));
  }
  return jsonObject(options, names, values, indent);
}

/** console.log of an ArrayBuffer: `ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 }`. */
export function inspectBuffer(b: ArrayBuffer, indent: number, depth: number): string {
  if (depth > 2) return "[ArrayBuffer]";
  const bytes = b.bytes;
  const n = bytes.length;
  const shown = n > 100 ? 100 : n;
  const hex: string[] = [];
  for (let i = 0; i < shown; i++) hex.push(bytes[i].toString(16).padStart(2, "0"));
  let contents = `<${hex.join(" ")}`;
  if (n > shown) contents += ` ... ${n - shown} more byte${n - shown > 1 ? "s" : ""}`;
  contents += ">";
  return formatObject("ArrayBuffer {", [`[Uint8Contents]: ${contents}`, `byteLength: ${n}`], indent);
}

export class DataView {
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;

  constructor(buffer: ArrayBuffer, byteOffset: number, byteLength: number) {
    const total = buffer.bytes.length;
    const offset = toIndex(byteOffset, `Start offset ${byteOffset} is outside the bounds of the buffer`);
    if (offset > total) throw new RangeError(`Start offset ${offset} is outside the bounds of the buffer`);
    let n = total - offset;
    if (byteLength === byteLength) {
      n = toIndex(byteLength, `Invalid DataView length ${byteLength}`);
      if (offset + n > total) throw new RangeError(`Invalid DataView length ${byteLength}`);
    }
    this.buffer = buffer;
    this.byteOffset = offset;
    this.byteLength = n;
  }

  toString(): string {
    return "[object DataView]";
  }

  /** The position in the buffer of `size` bytes at `at` in the view; a RangeError outside it. */
  place(at: number, size: number): number {
    const k = toIndex(at, "Offset is outside the bounds of the DataView");
    if (k + size > this.byteLength) throw new RangeError("Offset is outside the bounds of the DataView");
    return this.byteOffset + k;
  }

  /** The unsigned value of `size` (1, 2 or 4) bytes at `at`. */
  readUnsigned(at: number, size: number, little: boolean): number {
    const p = this.place(at, size);
    const b = this.buffer.bytes;
    let v = 0;
    for (let i = 0; i < size; i++) {
      const byte: number = b[little ? p + size - 1 - i : p + i];
      v = v * 256 + byte;
    }
    return v;
  }

  /** Writes the low `size` bytes of the unsigned 32-bit `v` at `at`. */
  writeUnsigned(at: number, size: number, v: u32, little: boolean): void {
    const p = this.place(at, size);
    const b = this.buffer.bytes;
    let x = v;
    for (let i = 0; i < size; i++) {
      b[little ? p + i : p + size - 1 - i] = u8(x & 0xff);
      x = x >>> 8;
    }
  }

  getUint8(at: number): number {
    return this.readUnsigned(at, 1, false);
  }
  getInt8(at: number): number {
    return i8(this.readUnsigned(at, 1, false));
  }
  getUint16(at: number, little: boolean): number {
    return this.readUnsigned(at, 2, little);
  }
  getInt16(at: number, little: boolean): number {
    return i16(this.readUnsigned(at, 2, little));
  }
  getUint32(at: number, little: boolean): number {
    return this.readUnsigned(at, 4, little);
  }
  getInt32(at: number, little: boolean): number {
    return i32(this.readUnsigned(at, 4, little));
  }
  getFloat32(at: number, little: boolean): number {
    return float32FromBits(u32(this.readUnsigned(at, 4, little)));
  }
  getFloat64(at: number, little: boolean): number {
    const p = this.place(at, 8);
    const hi = this.readUnsigned(p - this.byteOffset + (little ? 4 : 0), 4, little);
    const lo = this.readUnsigned(p - this.byteOffset + (little ? 0 : 4), 4, little);
    return fromWords(i32(hi), u32(lo));
  }

  setUint8(at: number, v: number): void {
    this.writeUnsigned(at, 1, u32(v), false);
  }
  setInt8(at: number, v: number): void {
    this.writeUnsigned(at, 1, u32(v), false);
  }
  setUint16(at: number, v: number, little: boolean): void {
    this.writeUnsigned(at, 2, u32(v), little);
  }
  setInt16(at: number, v: number, little: boolean): void {
    this.writeUnsigned(at, 2, u32(v), little);
  }
  setUint32(at: number, v: number, little: boolean): void {
    this.writeUnsigned(at, 4, u32(v), little);
  }
  setInt32(at: number, v: number, little: boolean): void {
    this.writeUnsigned(at, 4, u32(v), little);
  }
  setFloat32(at: number, v: number, little: boolean): void {
    this.writeUnsigned(at, 4, float32Bits(v), little);
  }
  setFloat64(at: number, v: number, little: boolean): void {
    const p = this.place(at, 8) - this.byteOffset;
    this.writeUnsigned(p + (little ? 4 : 0), 4, u32(highWord(v)), little);
    this.writeUnsigned(p + (little ? 0 : 4), 4, lowWord(v), little);
  }

  /** console.log: `DataView { byteLength: 4, byteOffset: 0, buffer: ArrayBuffer { ... } }`. */
  inspect(indent: number, depth: number): string {
    if (depth > 2) return "[DataView]";
    return formatObject("DataView {", [`byteLength: ${this.byteLength}`, `byteOffset: ${this.byteOffset}`, `buffer: ${inspectBuffer(this.buffer, indent + 2, depth + 1)}`], indent);
  }
}
