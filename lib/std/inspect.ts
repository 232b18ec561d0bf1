/**
 * lib/std/inspect.ts: `console.log(value)` as Node prints it (util.inspect
 * with console.log's defaults: line width 80, compact mode 3, depth 2, at
 * most 100 elements shown).
 *
 * Input:  an array of numbers, strings or booleans, or arrays of those up to
 *         three levels (lower/inspect.ts picks the `show` functions); for
 *         objects, class instances, Map and Set, the entries that the
 *         compiler's generated show functions formatted (`formatObject`,
 *         `formatArray`).
 * Output: the text Node prints: `[ 1, 2, 3 ]` on one line when it fits;
 *         otherwise one element per line, or, for more than six short
 *         elements, rows of aligned columns (numbers right-aligned, other
 *         values left-aligned); strings quoted as Node quotes them; arrays
 *         deeper than depth 2 as `[Array]`; objects as `{ a: 1 }`,
 *         `Point { x: 1 }`, `Map(1) { 'a' => 1 }` with the same line rules.
 * Invariants: the layout rules were measured against Node's output
 *             (test/fixtures/run/186_console_log_arrays.ts and
 *             725_console_log_objects.ts compare them).
 */

import { regexpPanic } from "./string-intrinsics";

const BREAK_LENGTH = 80;

/** A number as inspect shows it: like String(n), but -0 is "-0". */
export function showNumber(n: number, indent: number, depth: number): string {
  if (n === 0 && 1 / n < 0) return "-0";
  return `${n}`;
}

export function showBoolean(b: boolean, indent: number, depth: number): string {
  return b ? "true" : "false";
}

/** A string in quotes: single quotes unless it contains one (then double quotes, then backticks), escapes as Node writes them. */
export function showString(s: string, indent: number, depth: number): string {
  let quote = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) quote = '"';
    else if (!s.includes("`") && !s.includes("${")) quote = "`";
  }
  // Runs of characters that need no escape are copied whole (a surrogate pair stays one character).
  let out = quote;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let escape = "";
    if (c === 10) escape = "\\n";
    else if (c === 9) escape = "\\t";
    else if (c === 8) escape = "\\b";
    else if (c === 12) escape = "\\f";
    else if (c === 13) escape = "\\r";
    else if (c === 11) escape = "\\x0B";
    else if (c === 92) escape = "\\\\";
    else if (c === 39 && quote === "'") escape = "\\'";
    else if (c < 32 || (c >= 0x7f && c <= 0x9f)) escape = "\\x" + c.toString(16).toUpperCase().padStart(2, "0");
    else continue;
    out += s.slice(start, i) + escape;
    start = i + 1;
  }
  return out + s.slice(start) + quote;
}

export function showNumbers(xs: number[], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showNumber, true);
}
export function showStrings(xs: string[], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showString, false);
}
export function showBooleans(xs: boolean[], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showBoolean, false);
}
export function showNumbers2(xs: number[][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showNumbers, false);
}
export function showStrings2(xs: string[][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showStrings, false);
}
export function showBooleans2(xs: boolean[][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showBooleans, false);
}
export function showNumbers3(xs: number[][][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showNumbers2, false);
}
export function showStrings3(xs: string[][][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showStrings2, false);
}
export function showBooleans3(xs: boolean[][][], indent: number, depth: number): string {
  return inspectArray(xs, indent, depth, showBooleans2, false);
}

/** An array at nesting `depth` whose elements `show` formats; `indent`: the columns its lines are indented by. */
export function inspectArray<T>(xs: T[], indent: number, depth: number, show: (x: T, indent: number, depth: number) => string, numeric: boolean): string {
  const n = xs.length;
  if (n === 0) return "[]";
  if (depth > 2) return "[Array]";
  const shown = n > 100 ? 100 : n;
  const out: string[] = [];
  for (let i = 0; i < shown; i++) out.push(show(xs[i], indent + 2, depth + 1));
  return formatArray(out, n, indent, numeric);
}

/** An array of `total` elements whose first (at most 100) are `shown`, formatted; `numeric`: every element is a number (columns right-aligned). */
export function formatArray(shown: string[], total: number, indent: number, numeric: boolean): string {
  if (total === 0) return "[]";
  const more = total - shown.length;
  if (more > 0) shown.push(`... ${more} more item${more > 1 ? "s" : ""}`);
  return formatList(shown, more > 0 ? 1 : 0, indent, numeric, "[", "]", true);
}

/**
 * An object's entries (`x: 1`, `'a' => 1`) in braces: `open` is "{", "Point {"
 * or "Map(2) {". No entries: `open` closed at once ("{}", "Point {}").
 */
export function formatObject(open: string, entries: string[], indent: number): string {
  if (entries.length === 0) return `${open}}`;
  return formatList(entries, 0, indent, false, open, "}", false);
}

/** A property name as inspect writes it: bare when it is an identifier of ASCII letters, digits and `_`, else quoted. */
export function showKey(key: string): string {
  if (key.length === 0) return showString(key, 0, 0);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return showString(key, 0, 0);
  }
  return key;
}

/** A Map's keys and values, a Set's values, a record's keys and values: what the generated show functions walk. */
export function mapKeys<K, V>(m: Map<K, V>): K[] {
  return Array.from(m.keys());
}
export function mapValues<K, V>(m: Map<K, V>): V[] {
  return Array.from(m.values());
}
export function setValues<T>(s: Set<T>): T[] {
  return Array.from(s);
}
export function recordKeys<V>(r: Record<string, V>): string[] {
  return Object.keys(r);
}
export function recordValues<V>(r: Record<string, V>): V[] {
  return Object.values(r);
}

/**
 * Node's reduceToSingleString: the entries on one line if they fit, else
 * (arrays of more than six) grouped in columns, else one per line.
 * `extra`: a trailing "... more items" entry.
 */
function formatList(entries: string[], extra: number, indent: number, numeric: boolean, open: string, close: string, group: boolean): string {
  let output = entries;
  const count = entries.length;
  if (group && count > 6) output = groupColumns(entries, extra, indent, numeric);
  if (count === output.length) {
    const start = output.length + indent + open.length + 10;
    if (fitsOnOneLine(output, start)) {
      const joined = output.join(", ");
      if (!joined.includes("\n")) return `${open} ${joined} ${close}`;
    }
  }
  const lineStart = "\n" + " ".repeat(indent);
  return `${open}${lineStart}  ${output.join(`,${lineStart}  `)}${lineStart}${close}`;
}

function fitsOnOneLine(output: string[], start: number): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const s of output) {
    total += s.length;
    if (total > BREAK_LENGTH) return false;
  }
  return true;
}

/** More than six short entries: rows of columns, about as high as wide on screen (a character is about 2.5 times as high as wide). */
function groupColumns(output: string[], extra: number, indent: number, numeric: boolean): string[] {
  const dataCount = output.length - extra;
  const separatorSpace = 2;
  const lengths: number[] = [];
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < dataCount; i++) {
    const len = output[i].length;
    lengths.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (!(actualMax * 3 + indent < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6))) return output;
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * dataCount) / biasedMax), Math.floor((BREAK_LENGTH - indent) / actualMax), 12, 15);
  if (columns <= 1) return output;
  const columnWidths: number[] = [];
  for (let c = 0; c < columns; c++) {
    let width = 0;
    for (let j = c; j < dataCount; j += columns) if (lengths[j] > width) width = lengths[j];
    columnWidths.push(width + separatorSpace);
  }
  const rows: string[] = [];
  for (let i = 0; i < dataCount; i += columns) {
    const max = Math.min(i + columns, dataCount);
    let row = "";
    let j = i;
    for (; j < max - 1; j++) {
      const cell = `${output[j]}, `;
      row += numeric ? cell.padStart(columnWidths[j - i]) : cell.padEnd(columnWidths[j - i]);
    }
    row += numeric ? output[j].padStart(columnWidths[j - i] - separatorSpace) : output[j];
    rows.push(row);
  }
  if (extra > 0) rows.push(output[dataCount]);
  return rows;
}

/**
 * The first argument of a `console.log` with more arguments, when it is
 * computed (lower/console-format.ts): Node would substitute the next
 * argument for a format directive in it (`%s`, `%d`, `%%`, ...), which tsos
 * does only for a literal format string, so one found here panics rather
 * than print something else.
 * @trackCaller
 */
export function withoutFormatDirective(s: string): string {
  const n = s.length;
  for (let i = 0; i + 1 < n; i++) {
    if (s.charCodeAt(i) !== 37) continue;
    // s j d O o i f c %
    const c = s.charCodeAt(i + 1);
    if (c === 115 || c === 106 || c === 100 || c === 79 || c === 111 || c === 105 || c === 102 || c === 99 || c === 37)
      regexpPanic("console.log of a computed format string holding a directive (%s, %d, ...) is not supported: Node would substitute the next argument");
  }
  return s;
}

/** An array formatted as `formatArray` does, with another opening (`Uint8Array(3) [`, lib/std/typed-array.ts); `total` is more than 0. */
export function formatArrayAs(open: string, shown: string[], total: number, indent: number, numeric: boolean): string {
  const more = total - shown.length;
  if (more > 0) shown.push(`... ${more} more item${more > 1 ? "s" : ""}`);
  return formatList(shown, more > 0 ? 1 : 0, indent, numeric, open, "]", true);
}
