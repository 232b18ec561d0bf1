/**
 * lib/std/bigint.ts: JavaScript's bigint, written in the dialect.
 *
 * Input:  bigint literals, operators and conversions of a program; the
 *         compiler (lower/bigint.ts) gives every value of TypeScript's
 *         `bigint` this file's class `Big` and calls the functions here.
 * Output: immutable arbitrary-precision integers and ECMAScript's operations
 *         on them (ECMA-262 §6.1.6.2, the BigInt type): `+ - * / % **`,
 *         the bitwise operators on two's complement of unbounded width,
 *         `<< >>`, comparisons (also with numbers), `toString(radix)`,
 *         `BigInt(x)`, `Number(b)`, `BigInt.asIntN` and `BigInt.asUintN`.
 * Invariants:
 *   - A value is a sign and a magnitude: little-endian limbs of 16 bits in
 *     a number[] (each product of two limbs and every carry stays well
 *     inside a double's exact integers), with no zero limb at the top; zero
 *     has no limbs and is never negative.
 *   - A value is never changed after it is made: every operation returns a
 *     new one, so sharing a value is always safe.
 *   - Errors are JavaScript's: `x / 0n` and `x % 0n` throw RangeError
 *     "Division by zero", a negative exponent "Exponent must be
 *     non-negative", `BigInt(1.5)` a RangeError, `BigInt("x")` a SyntaxError.
 */

const BASE = 65536;

/** A bigint: `negative` and the magnitude's limbs (see the invariants above). */
export class Big {
  constructor(
    readonly negative: boolean,
    readonly mag: number[],
  ) {}

  /** The digits in `radix` (2-36), with a leading "-" when negative: what `${b}` and `String(b)` give. */
  toString(radix?: number): string {
    return bigToString(this, radix ?? 10);
  }

  /** The decimal digits grouped by threes, as Node's en-US locale writes them: `1,234,567`. */
  toLocaleString(): string {
    const digits = bigToString(this, 10);
    const start = this.negative ? 1 : 0;
    let out = "";
    for (let i = start; i < digits.length; i++) {
      if (i > start && (digits.length - i) % 3 === 0) out += ",";
      out += digits[i];
    }
    return (this.negative ? "-" : "") + out;
  }

  valueOf(): Big {
    return this;
  }
}

// ---------------------------------------------------------------- magnitudes

/** Drops zero limbs at the top. */
function trimmed(m: number[]): number[] {
  let n = m.length;
  while (n > 0 && m[n - 1] === 0) n--;
  if (n < m.length) m.length = n;
  return m;
}

function make(negative: boolean, m: number[]): Big {
  const mag = trimmed(m);
  return new Big(mag.length > 0 && negative, mag);
}

function compareMag(a: number[], b: number[]): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function addMag(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let carry = 0;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const s = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0) + carry;
    out.push(s % BASE);
    carry = s >= BASE ? 1 : 0;
  }
  if (carry > 0) out.push(carry);
  return out;
}

/** a - b for a >= b. */
function subMag(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let d = a[i] - (i < b.length ? b[i] : 0) - borrow;
    borrow = 0;
    if (d < 0) {
      d += BASE;
      borrow = 1;
    }
    out.push(d);
  }
  return trimmed(out);
}

function mulMag(a: number[], b: number[]): number[] {
  if (a.length === 0 || b.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < a.length + b.length; i++) out.push(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    const ai = a[i];
    for (let j = 0; j < b.length; j++) {
      const t = out[i + j] + ai * b[j] + carry;
      out[i + j] = t % BASE;
      carry = Math.floor(t / BASE);
    }
    let k = i + b.length;
    while (carry > 0) {
      const t = out[k] + carry;
      out[k] = t % BASE;
      carry = Math.floor(t / BASE);
      k++;
    }
  }
  return trimmed(out);
}

/** The magnitude times 2^bits. */
function shiftLeftMag(a: number[], bits: number): number[] {
  if (a.length === 0) return [];
  const limbs = Math.floor(bits / 16);
  const rest = bits % 16;
  const out: number[] = [];
  for (let i = 0; i < limbs; i++) out.push(0);
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] * 2 ** rest + carry;
    out.push(v % BASE);
    carry = Math.floor(v / BASE);
  }
  if (carry > 0) out.push(carry);
  return trimmed(out);
}

/** The magnitude divided by 2^bits, rounded down. */
function shiftRightMag(a: number[], bits: number): number[] {
  const limbs = Math.floor(bits / 16);
  const rest = bits % 16;
  const out: number[] = [];
  for (let i = limbs; i < a.length; i++) {
    const high = i + 1 < a.length ? a[i + 1] : 0;
    out.push(Math.floor(a[i] / 2 ** rest) + ((high % 2 ** rest) * 2 ** (16 - rest)) % BASE);
  }
  return trimmed(out);
}

/** Whether any of the low `bits` bits is set (what `>>` of a negative value drops). */
function lowBitsSet(a: number[], bits: number): boolean {
  const limbs = Math.floor(bits / 16);
  for (let i = 0; i < limbs && i < a.length; i++) if (a[i] !== 0) return true;
  return limbs < a.length && a[limbs] % 2 ** (bits % 16) !== 0;
}

/** Quotient and remainder of a magnitude by one limb (0 < d < BASE). */
function divSmall(a: number[], d: number): { q: number[]; r: number } {
  const q: number[] = [];
  for (let i = 0; i < a.length; i++) q.push(0);
  let r = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = r * BASE + a[i];
    q[i] = Math.floor(cur / d);
    r = cur % d;
  }
  return { q: trimmed(q), r };
}

/** Quotient and remainder of magnitudes, b not zero (Knuth, TAOCP vol. 2, §4.3.1, Algorithm D). */
function divMag(a: number[], b: number[]): { q: number[]; r: number[] } {
  if (compareMag(a, b) < 0) return { q: [], r: a.slice() };
  if (b.length === 1) {
    const s = divSmall(a, b[0]);
    return { q: s.q, r: s.r === 0 ? [] : [s.r] };
  }
  // Normalize: the divisor's top limb gets its high bit set.
  let shift = 0;
  while (b[b.length - 1] * 2 ** shift < BASE / 2) shift++;
  const v = shiftLeftMag(b, shift);
  const u = shiftLeftMag(a, shift);
  while (u.length <= a.length) u.push(0);
  const n = v.length;
  const m = u.length - n;
  const q: number[] = [];
  for (let i = 0; i < m; i++) q.push(0);
  const top = v[n - 1];
  const next = v[n - 2];
  for (let j = m - 1; j >= 0; j--) {
    const num = u[j + n] * BASE + u[j + n - 1];
    let qhat = Math.floor(num / top);
    let rhat = num - qhat * top;
    while (qhat >= BASE || qhat * next > rhat * BASE + u[j + n - 2]) {
      qhat--;
      rhat += top;
      if (rhat >= BASE) break;
    }
    // u[j..j+n] -= qhat * v
    let borrow = 0;
    let carry = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * v[i] + carry;
      carry = Math.floor(p / BASE);
      let t = u[i + j] - (p % BASE) - borrow;
      borrow = 0;
      if (t < 0) {
        t += BASE;
        borrow = 1;
      }
      u[i + j] = t;
    }
    const t = u[j + n] - carry - borrow;
    if (t < 0) {
      // qhat was one too large: add the divisor back.
      u[j + n] = t + BASE;
      qhat--;
      let c = 0;
      for (let i = 0; i < n; i++) {
        const s = u[i + j] + v[i] + c;
        u[i + j] = s % BASE;
        c = s >= BASE ? 1 : 0;
      }
      u[j + n] = (u[j + n] + c) % BASE;
    } else u[j + n] = t;
    q[j] = qhat;
  }
  u.length = n;
  return { q: trimmed(q), r: shiftRightMag(trimmed(u), shift) };
}

// ---------------------------------------------------------------- conversions

/** `BigInt(x)` of a number: RangeError unless x is an integer. */
export function bigFromNumber(x: number): Big {
  if (!Number.isInteger(x)) throw new RangeError(`The number ${x} cannot be converted to a BigInt because it is not an integer`);
  const mag: number[] = [];
  let rest = Math.abs(x);
  while (rest > 0) {
    mag.push(rest % BASE);
    rest = Math.floor(rest / BASE);
  }
  return make(x < 0, mag);
}

export function bigFromBoolean(b: boolean): Big {
  return bigFromNumber(b ? 1 : 0);
}

/** The digits of `text` (no sign, no prefix) in `radix`, or undefined if one is not a digit of it. */
function digitsIn(text: string, radix: number): Big | undefined {
  if (text.length === 0) return undefined;
  let mag: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : 99;
    if (d >= radix) return undefined;
    mag = addMag(mulMag(mag, [radix]), d === 0 ? [] : [d]);
  }
  return make(false, mag);
}

/** `BigInt(s)` (ECMA-262 §7.1.14 StringToBigInt): SyntaxError for text that is no integer. */
export function bigFromString(s: string): Big {
  const text = s.trim();
  if (text.length === 0) return new Big(false, []);
  const prefix = text.length > 2 && text[0] === "0" ? text[1].toLowerCase() : "";
  const radix = prefix === "x" ? 16 : prefix === "o" ? 8 : prefix === "b" ? 2 : 10;
  const signed = radix === 10 && (text[0] === "-" || text[0] === "+");
  const value = digitsIn(text.slice(radix !== 10 ? 2 : signed ? 1 : 0), radix);
  if (value === undefined) throw new SyntaxError(`Cannot convert ${s} to a BigInt`);
  return make(text[0] === "-", value.mag);
}

/** `JSON.stringify` of a bigint: JavaScript has no JSON form for it. */
export function bigJson(a: Big): string {
  throw new TypeError(`Do not know how to serialize a BigInt`);
}

/** `Number(b)`: the nearest double (ties to even), ±Infinity past the largest. */
export function bigToNumber(a: Big): number {
  const m = a.mag;
  if (m.length === 0) return 0;
  let bits = (m.length - 1) * 16;
  for (let top = m[m.length - 1]; top > 0; top = Math.floor(top / 2)) bits++;
  let value: number;
  if (bits <= 53) {
    value = 0;
    for (let i = m.length - 1; i >= 0; i--) value = value * BASE + m[i];
  } else {
    // The top 53 bits, rounded to nearest by the next bit, ties to even by the bits below it.
    const drop = bits - 53;
    const head = shiftRightMag(m, drop);
    let mant = 0;
    for (let i = head.length - 1; i >= 0; i--) mant = mant * BASE + head[i];
    const next = drop - 1;
    const half = Math.floor(m[Math.floor(next / 16)] / 2 ** (next % 16)) % 2 === 1;
    if (half && (lowBitsSet(m, next) || mant % 2 === 1)) mant++;
    value = mant * 2 ** drop;
  }
  return a.negative ? -value : value;
}

/** The digits in `radix`, JavaScript's `b.toString(radix)`. */
export function bigToString(a: Big, radix: number): string {
  if (!Number.isInteger(radix) || radix < 2 || radix > 36) throw new RangeError("toString() radix must be between 2 and 36");
  if (a.mag.length === 0) return "0";
  // Chunks of `per` digits, each one division by radix^per (< BASE).
  let per = 1;
  while (radix ** (per + 1) < BASE) per++;
  const chunk = radix ** per;
  const parts: string[] = [];
  let rest = a.mag;
  while (rest.length > 0) {
    const d = divSmall(rest, chunk);
    rest = d.q;
    const digits = d.r.toString(radix);
    parts.push(rest.length > 0 ? digits.padStart(per, "0") : digits);
  }
  parts.reverse();
  return (a.negative ? "-" : "") + parts.join("");
}

// ---------------------------------------------------------------- arithmetic

export function bigNeg(a: Big): Big {
  return make(!a.negative, a.mag.slice());
}

export function bigAdd(a: Big, b: Big): Big {
  if (a.negative === b.negative) return make(a.negative, addMag(a.mag, b.mag));
  const c = compareMag(a.mag, b.mag);
  if (c === 0) return new Big(false, []);
  return c > 0 ? make(a.negative, subMag(a.mag, b.mag)) : make(b.negative, subMag(b.mag, a.mag));
}

export function bigSub(a: Big, b: Big): Big {
  return bigAdd(a, make(!b.negative, b.mag.slice()));
}

export function bigMul(a: Big, b: Big): Big {
  return make(a.negative !== b.negative, mulMag(a.mag, b.mag));
}

/** `a / b`: truncated toward zero. */
export function bigDiv(a: Big, b: Big): Big {
  if (b.mag.length === 0) throw new RangeError("Division by zero");
  return make(a.negative !== b.negative, divMag(a.mag, b.mag).q);
}

/** `a % b`: the sign of the dividend. */
export function bigRem(a: Big, b: Big): Big {
  if (b.mag.length === 0) throw new RangeError("Division by zero");
  return make(a.negative, divMag(a.mag, b.mag).r);
}

export function bigPow(a: Big, e: Big): Big {
  if (e.negative) throw new RangeError("Exponent must be non-negative");
  let result: number[] = [1];
  let base = a.mag;
  let exp = e.mag.slice();
  while (exp.length > 0) {
    if (exp[0] % 2 === 1) result = mulMag(result, base);
    exp = shiftRightMag(exp, 1);
    if (exp.length > 0) base = mulMag(base, base);
  }
  return make(a.negative && e.mag.length > 0 && e.mag[0] % 2 === 1, result);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function bigCompare(a: Big, b: Big): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const c = compareMag(a.mag, b.mag);
  return a.negative ? -c : c;
}

export function bigEquals(a: Big, b: Big): boolean {
  return a.negative === b.negative && compareMag(a.mag, b.mag) === 0;
}

/** `a < x` and the like with a number: -1, 0 or 1, or 2 when x is NaN (every comparison is false). */
export function bigCompareNumber(a: Big, x: number): number {
  if (Number.isNaN(x)) return 2;
  if (x === Infinity) return -1;
  if (x === -Infinity) return 1;
  const whole = Math.floor(x);
  const c = bigCompare(a, bigFromNumber(whole));
  return c !== 0 ? c : whole < x ? -1 : 0;
}

/** `a == x` with a number (ECMA-262 §7.2.14): the same mathematical value. */
export function bigLooseEqualsNumber(a: Big, x: number): boolean {
  return Number.isInteger(x) && bigCompareNumber(a, x) === 0;
}

/** The hash of a Map or Set key (FNV-1a over the limbs): equal values hash alike. */
export function bigHash(a: Big): u32 {
  let h = a.negative ? 2166136261 ^ 1 : 2166136261;
  for (let i = 0; i < a.mag.length; i++) h = Math.imul(h ^ a.mag[i], 16777619) >>> 0;
  return u32(h);
}

export function bigIsZero(a: Big): boolean {
  return a.mag.length === 0;
}

// ---------------------------------------------------------------- bits

/** The low `width` limbs of a's two's complement (width above a's own). */
function twosComplement(a: Big, width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < width; i++) out.push(i < a.mag.length ? a.mag[i] : 0);
  if (!a.negative) return out;
  // -m = ~(m - 1)
  let borrow = 1;
  for (let i = 0; i < width; i++) {
    let d = out[i] - borrow;
    borrow = 0;
    if (d < 0) {
      d += BASE;
      borrow = 1;
    }
    out[i] = BASE - 1 - d;
  }
  return out;
}

/** The value whose two's complement of `width` limbs is `t` (negative when its top bit is set). */
function fromTwosComplement(t: number[]): Big {
  const negative = t.length > 0 && t[t.length - 1] >= BASE / 2;
  if (!negative) return make(false, t);
  // m = ~t + 1
  const m: number[] = [];
  let carry = 1;
  for (let i = 0; i < t.length; i++) {
    const s = BASE - 1 - t[i] + carry;
    m.push(s % BASE);
    carry = s >= BASE ? 1 : 0;
  }
  return make(true, m);
}

function bitwise(a: Big, b: Big, op: number): Big {
  const width = Math.max(a.mag.length, b.mag.length) + 1;
  const x = twosComplement(a, width);
  const y = twosComplement(b, width);
  const out: number[] = [];
  for (let i = 0; i < width; i++) out.push(op === 0 ? x[i] & y[i] : op === 1 ? x[i] | y[i] : x[i] ^ y[i]);
  return fromTwosComplement(out);
}

export function bigAnd(a: Big, b: Big): Big {
  return bitwise(a, b, 0);
}

export function bigOr(a: Big, b: Big): Big {
  return bitwise(a, b, 1);
}

export function bigXor(a: Big, b: Big): Big {
  return bitwise(a, b, 2);
}

/** `~a` = -a - 1. */
export function bigNot(a: Big): Big {
  return bigSub(bigNeg(a), bigFromNumber(1));
}

/** A shift count as a number; a count past what any memory could hold is refused as JavaScript runs out of memory. */
function shiftCount(b: Big): number {
  if (b.mag.length > 2) throw new RangeError("Maximum BigInt size exceeded");
  return bigToNumber(b);
}

/** `a << b`; a negative count shifts right. */
export function bigShl(a: Big, b: Big): Big {
  const n = shiftCount(b);
  return n >= 0 ? shiftBy(a, n) : shiftRight(a, -n);
}

/** `a >> b`: rounds toward -Infinity; a negative count shifts left. */
export function bigShr(a: Big, b: Big): Big {
  const n = shiftCount(b);
  return n >= 0 ? shiftRight(a, n) : shiftBy(a, -n);
}

function shiftBy(a: Big, n: number): Big {
  if (n > 1073741824) throw new RangeError("Maximum BigInt size exceeded");
  return make(a.negative, shiftLeftMag(a.mag, n));
}

function shiftRight(a: Big, n: number): Big {
  const q = shiftRightMag(a.mag, n);
  // A negative value rounds down: -5n >> 1n is -3n.
  if (a.negative && lowBitsSet(a.mag, n)) return make(true, addMag(q, [1]));
  return make(a.negative, q);
}

/** `BigInt.asUintN(bits, a)`: a modulo 2^bits. */
export function bigAsUintN(bits: number, a: Big): Big {
  if (!Number.isInteger(bits) || bits < 0) throw new RangeError(`Invalid value: not (convertible to) a safe integer`);
  const width = Math.floor(bits / 16) + 1;
  const t = twosComplement(a, Math.max(width, a.mag.length + 1));
  t.length = width;
  t[width - 1] = t[width - 1] % 2 ** (bits % 16);
  return make(false, t);
}

/** `BigInt.asIntN(bits, a)`: a modulo 2^bits, as a signed value of that width. */
export function bigAsIntN(bits: number, a: Big): Big {
  const u = bigAsUintN(bits, a);
  if (bits === 0) return u;
  const half = shiftLeftMag([1], bits - 1);
  return compareMag(u.mag, half) >= 0 ? make(true, subMag(shiftLeftMag([1], bits), u.mag)) : u;
}
