/**
 * lib/std/string.ts: the string methods with JavaScript's argument rules,
 * written in the dialect on a few C intrinsics (lib/std/string-intrinsics.d.ts).
 *
 * Input:  `s.method(args)` on a hosted string; lower/string-methods.ts maps
 *         the call onto the function of the same name here, with the string
 *         first and JavaScript's defaults for missing arguments (`slice(1)`
 *         is `slice(s, 1, Infinity)`).
 * Output: ordinary dialect code.
 * Invariants:
 *   - Positions and lengths are UTF-16 code units, as in JavaScript; the
 *     intrinsics search and cut UTF-8 bytes, on character boundaries.
 *   - Results are built with one allocation each (a slice, `strRepeat`,
 *     `strPad`, or a list of parts joined by `strConcatAll`), never a
 *     character at a time (padding nothing gives the string itself).
 *   - Every function is @trackCaller: a panic (a RangeError in JavaScript,
 *     or a lone surrogate tsos cannot hold) names the user's call.
 */
import {
  strByte, strByteLength, strByteOffset, strConcatAll, strFind, strFindLast, strMatchAt, strPad, strRepeat, strSliceBytes, strSplit, strSliceUnits, strUnitIndex,
} from "./string-intrinsics";

/** ToIntegerOrInfinity: NaN is 0, the fraction is dropped. */
function toInteger(x: number): number {
  if (isNaN(x)) return 0;
  return Math.trunc(x);
}

/** A relative position as `slice` reads it: negative counts from the end; clamped to 0..len. */
function relative(i: number, len: number): number {
  if (i < 0) return Math.max(len + i, 0);
  return Math.min(i, len);
}

function clamp(i: number, len: number): number {
  return Math.min(Math.max(i, 0), len);
}

/** @trackCaller */
export function slice(s: string, start: number, end: number): string {
  const len = s.length;
  const from = relative(toInteger(start), len);
  const to = relative(toInteger(end), len);
  return from < to ? strSliceUnits(s, from, to) : "";
}

/** @trackCaller */
export function substring(s: string, start: number, end: number): string {
  const len = s.length;
  const a = clamp(toInteger(start), len);
  const b = clamp(toInteger(end), len);
  return strSliceUnits(s, Math.min(a, b), Math.max(a, b));
}

/** @trackCaller */
export function substr(s: string, start: number, length: number): string {
  const len = s.length;
  const from = relative(toInteger(start), len);
  const n = Math.min(Math.max(toInteger(length), 0), len - from);
  return n > 0 ? strSliceUnits(s, from, from + n) : "";
}

/** @trackCaller */
export function repeat(s: string, count: number): string {
  const n = toInteger(count);
  if (n < 0 || n === Infinity) throw new RangeError(`Invalid count value: ${count}`);
  return strRepeat(s, n);
}

/** @trackCaller `String.fromCodePoint(...points)`: each code point as one UTF-16 code unit, or two (a surrogate pair) above U+FFFF. */
export function fromCodePoints(points: number[]): string {
  let out = "";
  for (const cp of points) {
    if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff) throw new RangeError(`Invalid code point ${cp}`);
    out += cp < 0x10000 ? String.fromCharCode(cp) : String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
  return out;
}

/** How many code units `padStart`/`padEnd` must add to reach `maxLength`: 0 when none (already long enough, or an empty fill). */
function missingUnits(s: string, maxLength: number, fill: string): number {
  const target = toInteger(maxLength);
  if (target <= s.length || fill === "") return 0;
  return target - s.length;
}

/** @trackCaller `fill` repeated and cut to the missing length, then s: one allocation (strPad), or s itself when nothing is missing. */
export function padStart(s: string, maxLength: number, fill: string): string {
  const missing = missingUnits(s, maxLength, fill);
  return missing > 0 ? strPad(s, fill, missing, true) : s;
}

/** @trackCaller */
export function padEnd(s: string, maxLength: number, fill: string): string {
  const missing = missingUnits(s, maxLength, fill);
  return missing > 0 ? strPad(s, fill, missing, false) : s;
}

/** @trackCaller */
export function indexOf(s: string, pattern: string, position: number): number {
  const start = clamp(toInteger(position), s.length);
  if (pattern === "") return start;
  const at = strFind(s, pattern, strByteOffset(s, start, true));
  return at < 0 ? -1 : strUnitIndex(s, at);
}

/** @trackCaller */
export function lastIndexOf(s: string, pattern: string, position: number): number {
  const start = clamp(isNaN(position) ? Infinity : toInteger(position), s.length);
  if (pattern === "") return start;
  const at = strFindLast(s, pattern, strByteOffset(s, start, false));
  return at < 0 ? -1 : strUnitIndex(s, at);
}

/** @trackCaller */
export function includes(s: string, pattern: string, position: number): boolean {
  return indexOf(s, pattern, position) >= 0;
}

/** Whether `pattern` occurs at code unit `start` (a pattern never starts inside a surrogate pair). */
function occursAt(s: string, pattern: string, start: number): boolean {
  if (pattern === "") return true;
  const at = strByteOffset(s, start, false);
  return strUnitIndex(s, at) === start && strMatchAt(s, pattern, at);
}

/** @trackCaller */
export function startsWith(s: string, pattern: string, position: number): boolean {
  const start = clamp(toInteger(position), s.length);
  if (start + pattern.length > s.length) return false;
  return occursAt(s, pattern, start);
}

/** @trackCaller */
export function endsWith(s: string, pattern: string, endPosition: number): boolean {
  const end = clamp(toInteger(endPosition), s.length);
  const start = end - pattern.length;
  if (start < 0) return false;
  return occursAt(s, pattern, start);
}

/** @trackCaller */
export function split(s: string, separator: string, limit: number): string[] {
  const lim = Number(u32(limit));
  if (separator !== "") return strSplit(s, separator, lim);
  const out: string[] = [];
  const n = Math.min(s.length, lim);
  for (let i = 0; i < n; i++) out.push(strSliceUnits(s, i, i + 1));
  return out;
}

const DOLLAR = 36;

/**
 * The replacement text for a match of `matchBytes` bytes at byte `at` of `s`
 * (GetSubstitution for a string pattern, which has no capture groups):
 * `$$` is `$`, `$&` the match, `` $` `` the text before it, `$'` the text after;
 * every other `$` (`$1`, `$<name>`) stands for itself.
 */
function substitute(s: string, at: number, matchBytes: number, replacement: string): string {
  const n = strByteLength(replacement);
  if (strFind(replacement, "$", 0) < 0) return replacement;
  const parts: string[] = [];
  let literalFrom = 0;
  let i = 0;
  while (i + 1 < n) {
    if (strByte(replacement, i) !== DOLLAR) {
      i++;
      continue;
    }
    const c = strByte(replacement, i + 1);
    let part = "";
    let special = true;
    if (c === DOLLAR) part = "$";
    else if (c === 38) part = strSliceBytes(s, at, at + matchBytes); // $&
    else if (c === 96) part = strSliceBytes(s, 0, at); // $`
    else if (c === 39) part = strSliceBytes(s, at + matchBytes, strByteLength(s)); // $'
    else special = false;
    if (special) {
      parts.push(strSliceBytes(replacement, literalFrom, i));
      parts.push(part);
      i += 2;
      literalFrom = i;
    } else i++;
  }
  parts.push(strSliceBytes(replacement, literalFrom, n));
  return strConcatAll(parts);
}

/** @trackCaller */
export function replace(s: string, pattern: string, replacement: string): string {
  const at = strFind(s, pattern, 0);
  if (at < 0) return s;
  const matchBytes = strByteLength(pattern);
  const parts: string[] = [strSliceBytes(s, 0, at), substitute(s, at, matchBytes, replacement), strSliceBytes(s, at + matchBytes, strByteLength(s))];
  return strConcatAll(parts);
}

/** @trackCaller */
export function replaceAll(s: string, pattern: string, replacement: string): string {
  const parts: string[] = [];
  if (pattern === "") {
    // A match before every code unit and at the end.
    const len = s.length;
    for (let i = 0; i < len; i++) {
      const byte = strByteOffset(s, i, false);
      parts.push(substitute(s, byte, 0, replacement));
      parts.push(strSliceUnits(s, i, i + 1));
    }
    parts.push(substitute(s, strByteLength(s), 0, replacement));
    return strConcatAll(parts);
  }
  const matchBytes = strByteLength(pattern);
  let p = 0;
  let q = strFind(s, pattern, 0);
  while (q >= 0) {
    parts.push(strSliceBytes(s, p, q));
    parts.push(substitute(s, q, matchBytes, replacement));
    p = q + matchBytes;
    q = strFind(s, pattern, p);
  }
  if (p === 0) return s;
  parts.push(strSliceBytes(s, p, strByteLength(s)));
  return strConcatAll(parts);
}
