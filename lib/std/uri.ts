/**
 * lib/std/uri.ts: encodeURIComponent, encodeURI, decodeURIComponent and
 * decodeURI (ECMA-262 19.2.6), written in the dialect.
 *
 * Input:  the global calls, mapped here by lower/uri.ts.
 * Output: the encoded or decoded string; a malformed escape throws
 *         `URIError: URI malformed`, as V8 does.
 * Invariants:
 *   - A tsos string is well-formed UTF-8 with no lone surrogate, so its
 *     bytes are exactly the UTF-8 octets the specification escapes, and
 *     encoding never throws (a lone surrogate, the only URIError of Encode,
 *     cannot occur). `%`, hex digits and every unescaped character are
 *     ASCII, so both directions scan bytes, not code units.
 *   - Decoding accepts only what the specification's UTF-8 check accepts:
 *     no overlong forms, no surrogates, nothing above U+10FFFF.
 *   - Results are one `strConcatAll` of slices of the input and constant
 *     strings; an unchanged input is returned as it is.
 */
import { strByte, strByteLength, strConcatAll, strSliceBytes } from "./string-intrinsics";

// No module variables: a library file's would need declaring before use (lower/module.ts).

/** The ASCII character with code `b`, as a slice of a constant (no allocation). */
export function asciiChar(b: number): string {
  const ascii =
    "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f";
  return strSliceBytes(ascii, b, b + 1);
}

/** The hex digit of `d` (0..15), uppercase as Encode writes it. */
function hexDigit(d: number): string {
  return strSliceBytes("0123456789ABCDEF", d, d + 1);
}

function isAlnum(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** Whether the byte `b` is one of the ASCII characters of `set`. */
function inSet(b: number, set: string): boolean {
  for (let i = 0; i < set.length; i++) if (set.charCodeAt(i) === b) return true;
  return false;
}

/** The value of a hex digit, or -1. */
function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  return -1;
}

/** Encode: every byte outside the unescaped set (and `keep`) as `%XX`. */
function encode(s: string, keep: string): string {
  const n = strByteLength(s);
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < n; i++) {
    const b = strByte(s, i);
    // uriUnescaped: letters, digits and `-_.!~*'()`.
    if (b < 0x80 && (isAlnum(b) || inSet(b, "-_.!~*'()") || inSet(b, keep))) continue;
    if (run < i) parts.push(strSliceBytes(s, run, i));
    parts.push("%");
    parts.push(hexDigit(b >> 4));
    parts.push(hexDigit(b & 15));
    run = i + 1;
  }
  if (run === 0) return s;
  if (run < n) parts.push(strSliceBytes(s, run, n));
  return strConcatAll(parts);
}

/** The byte escaped as `%XX` at byte offset `at`; throws URIError if there is none. */
function escapedByte(s: string, at: number, n: number): number {
  if (at + 2 >= n || strByte(s, at) !== 0x25) throw new URIError("URI malformed");
  const hi = hexValue(strByte(s, at + 1));
  const lo = hexValue(strByte(s, at + 2));
  if (hi < 0 || lo < 0) throw new URIError("URI malformed");
  return hi * 16 + lo;
}

/** Decode: each `%XX` sequence as the character its UTF-8 octets spell; ASCII characters in `keep` stay escaped. */
function decode(s: string, keep: string): string {
  const n = strByteLength(s);
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  while (i < n) {
    if (strByte(s, i) !== 0x25 /* % */) {
      i++;
      continue;
    }
    const start = i;
    const b = escapedByte(s, i, n);
    i += 3;
    let piece: string;
    if (b < 0x80) {
      if (inSet(b, keep)) continue;
      piece = asciiChar(b);
    } else {
      // The number of octets, from the leading 1 bits; a continuation byte or 0xF8.. cannot start one.
      const count = b >= 0xc0 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf8 ? 4 : 0;
      if (count === 0) throw new URIError("URI malformed");
      let cp = b & (count === 2 ? 0x1f : count === 3 ? 0x0f : 0x07);
      for (let j = 1; j < count; j++) {
        const c = escapedByte(s, i, n);
        if ((c & 0xc0) !== 0x80) throw new URIError("URI malformed");
        cp = cp * 64 + (c & 0x3f);
        i += 3;
      }
      const least = count === 2 ? 0x80 : count === 3 ? 0x800 : 0x10000;
      if (cp < least || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) throw new URIError("URI malformed");
      piece = cp < 0x10000 ? String.fromCharCode(cp) : String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
    if (run < start) parts.push(strSliceBytes(s, run, start));
    parts.push(piece);
    run = i;
  }
  if (run === 0) return s;
  if (run < n) parts.push(strSliceBytes(s, run, n));
  return strConcatAll(parts);
}

export function encodeURIComponent(s: string): string {
  return encode(s, "");
}

// uriReserved and `#`: kept by encodeURI, and kept escaped by decodeURI.

export function encodeURI(s: string): string {
  return encode(s, ";/?:@&=+$,#");
}

export function decodeURIComponent(s: string): string {
  return decode(s, "");
}

export function decodeURI(s: string): string {
  return decode(s, ";/?:@&=+$,#");
}
