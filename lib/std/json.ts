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

// ---- JSON.parse -------------------------------------------------------------

/** Ends the program with this message (lower/json.ts compiles it to a panic): the text has another shape than the program declared. */
declare function jsonPanic(message: string): never;

/** An object, array or function held in an unknown, serialized by the function for the type it was boxed with (lower/json.ts): an intrinsic. */
declare function jsonOfBoxed(v: unknown, options: JsonOptions, indent: string, depth: number): string;

/** Whether JSON.stringify leaves an unknown value out (undefined, a function): omitted as a member, undefined at the top. */
export function jsonSkips(v: unknown): boolean {
  return v === undefined || typeof v === "function";
}

/**
 * JSON.stringify's walk with a replacer function (lower/json.ts): the value
 * the replacer gives for `key` and `v`, with the members of an array or
 * object it gives replaced in turn, as JavaScript serializes them: an
 * array's elements by their indexes as strings, an object's own enumerable
 * properties in key order, a member replaced by undefined or a function
 * left out of an object (an array writes it as null). The result is then
 * written as any unknown is (`jsonUnknown`).
 */
export function jsonReplaced(key: string, v: unknown, replacer: (key: string, value: unknown) => unknown): unknown {
  return replacedIn(key, v, replacer, []);
}

/** jsonReplaced below the arrays and objects of `open` (a circular structure panics, as JSON.stringify's does). */
function replacedIn(key: string, v: unknown, replacer: (key: string, value: unknown) => unknown, open: unknown[]): unknown {
  const r = replacer(key, v);
  if (r === null || typeof r !== "object") return r;
  if (open.includes(r)) jsonPanic("JSON.stringify of a circular structure is not supported");
  open.push(r);
  let out: unknown;
  if (Array.isArray(r)) {
    const elems: unknown[] = [];
    for (let i = 0; i < r.length; i++) elems.push(replacedIn(String(i), r[i], replacer, open));
    out = elems;
  } else {
    const members = r as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const k of Object.keys(members)) {
      const x = replacedIn(k, members[k], replacer, open);
      if (!jsonSkips(x)) kept[k] = x;
    }
    out = kept;
  }
  open.pop();
  return out;
}

/** A value of type unknown, as JSON.stringify writes it in an array (where undefined and functions are `null`). */
export function jsonUnknown(v: unknown, options: JsonOptions, indent: string, depth: number): string {
  if (v === undefined || v === null || typeof v === "function") return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return jsonNumber(v);
  if (typeof v === "string") return jsonQuote(v);
  return jsonOfBoxed(v, options, indent, depth);
}
// lower/json.ts's parse functions first check the whole text (`jsonCheck`,
// SyntaxError with V8's messages), then read it into the declared type with
// a JsonReader, which may assume the text is well formed.

/** Kinds of JSON values, as `JsonReader.kind` reports the next one. */
export const JSON_NULL = 0;
export const JSON_BOOLEAN = 1;
export const JSON_NUMBER = 2;
export const JSON_STRING = 3;
export const JSON_ARRAY = 4;
export const JSON_OBJECT = 5;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export class JsonReader {
  text: string;
  pos: number = 0;
  /** What the value being read was declared as, for a mismatch's message. */
  target: string;

  constructor(text: string, target: string) {
    this.text = text;
    this.target = target;
  }

  // -- Checking (V8's SyntaxError messages) --

  at(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  skip(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  unexpected(): SyntaxError {
    const n = this.text.length;
    if (this.pos >= n) return new SyntaxError("Unexpected end of JSON input");
    const token = this.text[this.pos];
    let context = `"${this.text}"`;
    if (n >= 21) {
      const start = this.pos >= 10 ? this.pos - 10 : 0;
      const end = this.pos + 10 < n ? this.pos + 10 : n;
      context = `${start > 0 ? "..." : ""}"${this.text.slice(start, end)}"${end < n ? "..." : ""}`;
    }
    return new SyntaxError(`Unexpected token '${token}', ${context} is not valid JSON`);
  }

  error(message: string): SyntaxError {
    return new SyntaxError(`${message} in JSON at position ${this.pos}`);
  }

  checkLiteral(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.at() !== word.charCodeAt(i)) throw this.unexpected();
      this.pos++;
    }
  }

  checkNumber(): void {
    if (this.at() === 45) {
      this.pos++;
      if (!isDigit(this.at())) throw this.error("No number after minus sign");
    }
    if (this.at() === 48) {
      this.pos++;
      if (isDigit(this.at())) throw this.error("Unexpected number");
    } else {
      while (isDigit(this.at())) this.pos++;
    }
    if (this.at() === 46) {
      this.pos++;
      if (!isDigit(this.at())) throw this.error("Unterminated fractional number");
      while (isDigit(this.at())) this.pos++;
    }
    if (this.at() === 101 || this.at() === 69) {
      this.pos++;
      if (this.at() === 43 || this.at() === 45) this.pos++;
      if (!isDigit(this.at())) throw this.error("Exponent part is missing a number");
      while (isDigit(this.at())) this.pos++;
    }
  }

  checkString(): void {
    this.pos++;
    for (;;) {
      const c = this.at();
      if (c === -1) throw this.error("Unterminated string");
      if (c === 34) {
        this.pos++;
        return;
      }
      if (c < 32) throw this.error("Bad control character in string literal");
      if (c === 92) {
        this.pos++;
        const e = this.at();
        if (e === -1) throw this.unexpected();
        if (e === 117) {
          for (let i = 0; i < 4; i++) {
            this.pos++;
            const h = this.at();
            const hex = isDigit(h) || (h >= 97 && h <= 102) || (h >= 65 && h <= 70);
            if (!hex) throw this.error("Bad Unicode escape");
          }
        } else if (!(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) {
          throw this.error("Bad escaped character");
        }
      }
      this.pos++;
    }
  }

  checkValue(): void {
    this.skip();
    const c = this.at();
    if (c === 123) {
      this.pos++;
      this.skip();
      if (this.at() === 125) {
        this.pos++;
        return;
      }
      let first = true;
      for (;;) {
        this.skip();
        if (this.at() !== 34) throw this.error(first ? "Expected property name or '}'" : "Expected double-quoted property name");
        first = false;
        this.checkString();
        this.skip();
        if (this.at() !== 58) throw this.error("Expected ':' after property name");
        this.pos++;
        this.checkValue();
        this.skip();
        if (this.at() === 44) {
          this.pos++;
          continue;
        }
        if (this.at() === 125) {
          this.pos++;
          return;
        }
        throw this.error("Expected ',' or '}' after property value");
      }
    }
    if (c === 91) {
      this.pos++;
      this.skip();
      if (this.at() === 93) {
        this.pos++;
        return;
      }
      for (;;) {
        this.checkValue();
        this.skip();
        if (this.at() === 44) {
          this.pos++;
          continue;
        }
        if (this.at() === 93) {
          this.pos++;
          return;
        }
        throw this.error("Expected ',' or ']' after array element");
      }
    }
    if (c === 34) return this.checkString();
    if (c === 45 || isDigit(c)) return this.checkNumber();
    if (c === 116) return this.checkLiteral("true");
    if (c === 102) return this.checkLiteral("false");
    if (c === 110) return this.checkLiteral("null");
    throw this.unexpected();
  }

  // -- Reading a checked text --

  /** The kind of the next value. */
  kind(): number {
    this.skip();
    const c = this.at();
    if (c === 110) return JSON_NULL;
    if (c === 116 || c === 102) return JSON_BOOLEAN;
    if (c === 34) return JSON_STRING;
    if (c === 91) return JSON_ARRAY;
    if (c === 123) return JSON_OBJECT;
    return JSON_NUMBER;
  }

  /** The text does not have the declared type: a panic naming what was expected and where. */
  mismatch(expected: string): never {
    const names = ["null", "a boolean", "a number", "a string", "an array", "an object"];
    const found = names[this.kind()];
    jsonPanic(`JSON.parse(...) as ${this.target}: expected ${expected} at position ${this.pos}, found ${found}`);
  }

  readNull(): void {
    if (this.kind() !== JSON_NULL) this.mismatch("null");
    this.pos += 4;
  }

  readBoolean(): boolean {
    if (this.kind() !== JSON_BOOLEAN) this.mismatch("a boolean");
    const value = this.at() === 116;
    this.pos += value ? 4 : 5;
    return value;
  }

  readNumber(): number {
    if (this.kind() !== JSON_NUMBER) this.mismatch("a number");
    const start = this.pos;
    this.checkNumber();
    return Number(this.text.slice(start, this.pos));
  }

  readString(): string {
    if (this.kind() !== JSON_STRING) this.mismatch("a string");
    this.pos++;
    let out = "";
    let start = this.pos;
    for (;;) {
      const c = this.at();
      if (c === 34) break;
      if (c !== 92) {
        this.pos++;
        continue;
      }
      out += this.text.slice(start, this.pos);
      const e = this.text.charCodeAt(this.pos + 1);
      if (e === 117) {
        let code = parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16);
        this.pos += 6;
        // A surrogate pair written as two escapes is one character.
        if (code >= 0xd800 && code <= 0xdbff && this.text.startsWith("\\u", this.pos)) {
          const low = parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(code, low);
            this.pos += 6;
            start = this.pos;
            continue;
          }
        }
        out += String.fromCharCode(code);
      } else {
        this.pos += 2;
        if (e === 98) out += "\b";
        else if (e === 102) out += "\f";
        else if (e === 110) out += "\n";
        else if (e === 114) out += "\r";
        else if (e === 116) out += "\t";
        else out += String.fromCharCode(e);
      }
      start = this.pos;
    }
    out += this.text.slice(start, this.pos);
    this.pos++;
    return out;
  }

  /** Enters an array (mismatch if the next value is not one). */
  enterArray(): void {
    if (this.kind() !== JSON_ARRAY) this.mismatch("an array");
    this.pos++;
  }

  /** Before each element: true when one follows, false (and the `]` consumed) at the end. */
  nextElement(): boolean {
    this.skip();
    if (this.at() === 44) {
      this.pos++;
      return true;
    }
    if (this.at() === 93) {
      this.pos++;
      return false;
    }
    return true;
  }

  enterObject(): void {
    if (this.kind() !== JSON_OBJECT) this.mismatch("an object");
    this.pos++;
  }

  /** Before each member: its key (the `:` consumed), or null (and the `}` consumed) at the end. */
  nextKey(): string | null {
    this.skip();
    if (this.at() === 44) {
      this.pos++;
      this.skip();
    }
    if (this.at() === 125) {
      this.pos++;
      return null;
    }
    const key = this.readString();
    this.skip();
    this.pos++;
    return key;
  }

  /** A key the declared type does not have, or a required one the object lacks. */
  badKey(key: string, why: string): never {
    jsonPanic(`JSON.parse(...) as ${this.target}: property "${key}" ${why}`);
  }

  /** After the value: only white space may follow. */
  end(): void {
    this.skip();
  }
}

/** Checks the whole text as JSON.parse does, throwing its SyntaxError; a reader for it at the start. */
export function jsonReader(text: string, target: string): JsonReader {
  const r = new JsonReader(text, target);
  r.checkValue();
  r.skip();
  if (r.pos < text.length) throw new SyntaxError(`Unexpected non-whitespace character after JSON at position ${r.pos}`);
  r.pos = 0;
  return r;
}

// The reader's steps as functions, for the code lower/json.ts generates.
export function jsonReadString(r: JsonReader): string {
  return r.readString();
}
export function jsonReadNumber(r: JsonReader): number {
  return r.readNumber();
}
export function jsonReadBoolean(r: JsonReader): boolean {
  return r.readBoolean();
}
/** Whether the next value is null (then it is read). */
export function jsonIsNull(r: JsonReader): boolean {
  if (r.kind() !== JSON_NULL) return false;
  r.readNull();
  return true;
}
export function jsonKind(r: JsonReader): number {
  return r.kind();
}
export function jsonEnterArray(r: JsonReader): void {
  r.enterArray();
}
export function jsonNextElement(r: JsonReader): boolean {
  return r.nextElement();
}
export function jsonEnterObject(r: JsonReader): void {
  r.enterObject();
}
export function jsonNextKey(r: JsonReader): string | null {
  return r.nextKey();
}
export function jsonKeyIs(key: string | null, name: string): boolean {
  return key !== null && key === name;
}
/** The declared property `name` is required but the object has no such key. */
export function jsonMissing(r: JsonReader, name: string): void {
  r.badKey(name, "is missing");
}
/** The object has a key its declared type does not have. */
export function jsonUndeclaredKey(r: JsonReader, key: string | null): void {
  r.badKey(key ?? "", "is not declared");
}
/** A value of a kind none of the declared union's members has. */
export function jsonFail<T>(r: JsonReader, expected: string): T {
  return r.mismatch(expected);
}
/**
 * A value of any kind (`JSON.parse` without a declared type, lower/dynamic.ts):
 * objects as Record<string, unknown> (keys in JavaScript's order, a repeated
 * key keeping its first place and its last value), arrays as unknown[].
 */
export function jsonReadUnknown(r: JsonReader): unknown {
  const kind = r.kind();
  if (kind === JSON_NULL) {
    r.readNull();
    return null;
  }
  if (kind === JSON_BOOLEAN) return r.readBoolean();
  if (kind === JSON_NUMBER) return r.readNumber();
  if (kind === JSON_STRING) return r.readString();
  if (kind === JSON_ARRAY) {
    const out: unknown[] = [];
    r.enterArray();
    while (r.nextElement()) out.push(jsonReadUnknown(r));
    return out;
  }
  const rec: Record<string, unknown> = {};
  r.enterObject();
  let key = r.nextKey();
  while (key !== null) {
    rec[key] = jsonReadUnknown(r);
    key = r.nextKey();
  }
  return rec;
}

export function jsonRecord<V>(): Record<string, V> {
  return {};
}
export function jsonRecordSet<V>(rec: Record<string, V>, key: string, value: V): void {
  rec[key] = value;
}
