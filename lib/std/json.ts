/**
 * lib/std/json.ts: JSON.stringify, written in the dialect.
 *
 * Input:  the pieces lower/json.ts's generated functions produce for a value
 *         of a static type: quoted strings, numbers, and for arrays and
 *         objects the already serialized members; the options of the call
 *         (`space`, the array form of `replacer`).
 * Output: the text JSON.stringify returns, byte for byte as V8 writes it:
 *         compact without `space`; with `space`, members on their own lines
 *         indented by the gap (at most 10 characters), `"key": value`.
 * Invariants: strings are well-formed JSON (ES2019): `"`, `\` and control
 *             characters escaped (`\n` ... or `\u00xx`), lone surrogates as
 *             `\udxxx`, everything else copied as is.
 */

/** The options of one JSON.stringify call. */
export class JsonOptions {
  /** The indentation step: "" (compact) or up to 10 characters. */
  gap: string;
  /** The replacer's property list (duplicates removed), or null for every property. */
  keys: string[] | null;

  constructor(gap: string, keys: string[] | null) {
    this.gap = gap;
    this.keys = keys;
  }
}

/** `space` given as a number: that many spaces, at most 10. */
export function jsonGapNumber(space: number): string {
  const n = Math.min(10, Math.floor(space));
  return n >= 1 ? " ".repeat(n) : "";
}

/** `space` given as a string: its first 10 characters. */
export function jsonGapString(space: string): string {
  return space.length > 10 ? space.slice(0, 10) : space;
}

export function jsonOptions(gap: string, keys: string[] | null): JsonOptions {
  if (keys === null) return new JsonOptions(gap, null);
  const unique: string[] = [];
  for (const k of keys) if (!unique.includes(k)) unique.push(k);
  return new JsonOptions(gap, unique);
}

/** Whether the object member `key` is serialized (the replacer's list, when there is one, names it). */
export function jsonWants(options: JsonOptions, key: string): boolean {
  const keys = options.keys;
  return keys === null || keys.includes(key);
}

/** The indentation of the members of a structure whose own lines are indented by `indent`. */
export function jsonInner(options: JsonOptions, indent: string): string {
  return indent + options.gap;
}

/** A number as JSON writes it: NaN and the infinities are `null`, -0 is `0`. */
export function jsonNumber(n: number): string {
  return Number.isFinite(n) ? `${n}` : "null";
}

function hex4(c: number): string {
  return c.toString(16).padStart(4, "0");
}

/** A string in double quotes with JSON's escapes. */
export function jsonQuote(s: string): string {
  let out = '"';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let escape = "";
    if (c === 34) escape = '\\"';
    else if (c === 92) escape = "\\\\";
    else if (c === 8) escape = "\\b";
    else if (c === 12) escape = "\\f";
    else if (c === 10) escape = "\\n";
    else if (c === 13) escape = "\\r";
    else if (c === 9) escape = "\\t";
    else if (c < 32) escape = "\\u" + hex4(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      escape = "\\u" + hex4(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) escape = "\\u" + hex4(c);
    else continue;
    out += s.slice(start, i) + escape;
    start = i + 1;
  }
  return out + s.slice(start, n) + '"';
}

/** An array whose elements are serialized already. */
export function jsonArray(options: JsonOptions, elems: string[], indent: string): string {
  if (elems.length === 0) return "[]";
  if (options.gap === "") return `[${elems.join(",")}]`;
  const inner = indent + options.gap;
  return `[\n${inner}${elems.join(`,\n${inner}`)}\n${indent}]`;
}

/** An object whose members are serialized already, in property order (the replacer's list reorders them). */
export function jsonObject(options: JsonOptions, names: string[], values: string[], indent: string): string {
  const order: number[] = [];
  const keys = options.keys;
  if (keys === null) {
    for (let i = 0; i < names.length; i++) order.push(i);
  } else {
    for (const k of keys) {
      const at = names.indexOf(k);
      if (at >= 0) order.push(at);
    }
  }
  if (order.length === 0) return "{}";
  const colon = options.gap === "" ? ":" : ": ";
  const members: string[] = [];
  for (const i of order) members.push(jsonQuote(names[i]) + colon + values[i]);
  if (options.gap === "") return `{${members.join(",")}}`;
  const inner = indent + options.gap;
  return `{\n${inner}${members.join(`,\n${inner}`)}\n${indent}}`;
}
