/**
 * lib/std/text.ts: TextEncoder and TextDecoder (WHATWG Encoding Standard),
 * UTF-8 only, written in the dialect.
 *
 * Input:  `new TextEncoder()`, `new TextDecoder(label?, { fatal?, ignoreBOM? })`:
 *         lib/tsos.d.ts declares the global classes for tsc; the compiler
 *         builds them from the classes of the same names here
 *         (lower/exceptions.ts builtinClassDecl).
 * Output: `encode(s)`, the UTF-8 bytes of s in a new Uint8Array; `decode(bytes)`,
 *         the string those bytes encode.
 * Invariants:
 *   - A tsos string is well-formed UTF-8 without lone surrogates, so its bytes
 *     are exactly what the encoder must produce (Encoding 8.2.1; JavaScript
 *     would first replace a lone surrogate with U+FFFD, which tsos strings
 *     never hold).
 *   - The decoder follows the standard's UTF-8 decoder (Encoding 8.1.1): each
 *     maximal ill-formed subsequence becomes one U+FFFD, or with `fatal` a
 *     TypeError, as Node's; a leading byte order mark is dropped unless
 *     `ignoreBOM`.
 */
import { strByte, strByteLength, strConcatAll } from "./string-intrinsics";
import { asciiChar } from "./uri";

const REPLACEMENT = 0xfffd;

export class TextEncoder {
  readonly encoding: string = "utf-8";

  /** The UTF-8 bytes of `input`. */
  encode(input?: string): Uint8Array {
    const s = input ?? "";
    const n = strByteLength(s);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = strByte(s, i);
    return out;
  }
}

export class TextDecoder {
  readonly encoding: string = "utf-8";
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;

  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) {
    const name = (label ?? "utf-8").trim().toLowerCase();
    if (name !== "utf-8" && name !== "utf8" && name !== "unicode-1-1-utf-8") throw new RangeError(`The "${label}" encoding is not supported`);
    this.fatal = options?.fatal ?? false;
    this.ignoreBOM = options?.ignoreBOM ?? false;
  }

  /** The string the UTF-8 bytes of `input` encode. */
  decode(input?: Uint8Array): string {
    if (input === undefined) return "";
    const parts: string[] = [];
    let start = 0;
    if (!this.ignoreBOM && input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) start = 3;
    let needed = 0;
    let seen = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    let i = start;
    while (i < input.length) {
      const b = input[i];
      if (needed === 0) {
        i++;
        if (b <= 0x7f) parts.push(asciiChar(b));
        else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0;
          if (b === 0xed) upper = 0x9f;
          needed = 2;
          cp = b & 0x0f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90;
          if (b === 0xf4) upper = 0x8f;
          needed = 3;
          cp = b & 0x07;
        } else parts.push(this.invalid());
        continue;
      }
      if (b < lower || b > upper) {
        // The sequence ends here, ill-formed; the byte starts the next one.
        needed = 0;
        seen = 0;
        lower = 0x80;
        upper = 0xbf;
        parts.push(this.invalid());
        continue;
      }
      i++;
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
      seen++;
      if (seen === needed) {
        parts.push(codePointString(cp));
        needed = 0;
        seen = 0;
      }
    }
    if (needed !== 0) parts.push(this.invalid());
    return strConcatAll(parts);
  }

  /** U+FFFD for an ill-formed sequence, or with `fatal`, the TypeError Node throws. */
  private invalid(): string {
    if (this.fatal) throw new TypeError("The encoded data was not valid for encoding utf-8");
    return codePointString(REPLACEMENT);
  }
}

/** The code point `cp` (not a surrogate, at most U+10FFFF) as a string. */
function codePointString(cp: number): string {
  if (cp < 0x10000) return String.fromCharCode(cp);
  return String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
}
