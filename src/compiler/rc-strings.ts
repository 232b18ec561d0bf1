/**
 * rc-strings.ts: the string part of reference counting (docs/design/memory.md, "Strings").
 *
 * Input:  IR types, runtime helper names and function bodies, from rc.ts.
 * Output: which values are counted strings, the runtime calls that count
 *         them (runtime/tsos_rt.h tsos_str_retain / tsos_str_release), which
 *         runtime helpers return a string reference of their own (+1) and
 *         which keep none of the strings they are given, and `s += x` on a
 *         local rewritten as `s = s + x` (so the old value is released).
 * Invariants:
 *   - A string helper not listed in FRESH_STRING_HELPERS may return one of
 *     its arguments: its result is "unstable" (retained where it is kept),
 *     never "fresh" (which would move a reference it does not own).
 *   - A runtime helper whose arguments are not known to be borrowed pins
 *     every string it is given (retained, never released): a leak, never
 *     an early free.
 *   - Strings never refer to anything: releasing one frees at most its own
 *     block, so string stores and releases never free an object.
 */
import type { Expr, Stmt, Type } from "./ir.ts";
import { childExprs } from "./ir.ts";

export const STR_RETAIN = "tsos_str_retain";
export const STR_RELEASE = "tsos_str_release";

/** A string whose storage is counted: every hosted and kernel string, not a borrowed Text (stack text valid during one call). */
export function countedString(t: Type): boolean {
  const inner = t.k === "nullable" ? t.inner : t;
  return inner.k === "str" && !inner.borrowed;
}

/**
 * Runtime helpers whose string result is always a reference of its own: a
 * new block (count 1), a static string, or an argument they retained
 * (runtime/tsos_str.h `tsos_str_sub` of the whole string, `tsos_str_case`
 * of text with nothing to change, `tsos_str_concat_all` of one part).
 */
export const FRESH_STRING_HELPERS = new Set([
  "tsos_str_slice_units", "tsos_str_slice_bytes", "tsos_str_repeat", "tsos_str_concat_all", "tsos_str_trim",
  "tsos_str_upper", "tsos_str_lower", "tsos_str_char_at", "tsos_str_at_rel", "tsos_str_unit_at", "tsos_str_unit_at_or_undefined",
  "tsos_str_from_char_codes", "tsos_str_char_at_byte", "tsos_join_strs",
  "tsos_num_to_fixed", "tsos_num_to_exponential", "tsos_num_to_precision", "tsos_num_to_radix", "tsos_num_to_string_radix",
  "tsos_str_from_num", "tsos_str_from_radix", "tsos_str_from_bool", "tsos_str_from_i64", "tsos_str_from_u64",
]);

/** Runtime helpers that keep a string they are given after they return (the thrown site of an exception). */
const KEEPING_HELPERS = new Set(["tsos_throw"]);

/**
 * Whether the runtime helper `fn` (not a function of the program) keeps no
 * reference to a string argument: its result is a number, a boolean,
 * nothing, or a string (a string result that is an argument is handled by
 * the result's classification). A helper that returns an object, array,
 * union or `unknown` could hold the string in it: its string arguments are pinned.
 */
export function borrowsStrings(fn: string, result: Type): boolean {
  if (KEEPING_HELPERS.has(fn)) return false;
  const t = result.k === "nullable" ? result.inner : result;
  return t.k === "void" || t.k === "bool" || t.k === "int" || t.k === "str" || t.k === "never";
}

/**
 * `s += x` where `s` is a local string: rewritten as `s = s + x` (the
 * compound's `current` read is the local itself), so rc.ts counts it as an
 * assignment: the new string is moved in and the old one released after
 * the statement. Other compound targets (fields, elements) stay compounds
 * (their old value is kept: a leak).
 */
export function stringCompoundsToAssigns(list: Stmt[]): Stmt[] {
  return list.map(stmt);
}

function stmt(s: Stmt): Stmt {
  switch (s.s) {
    case "let": return s.init ? { ...s, init: expr(s.init) } : s;
    case "expr": return { ...s, x: expr(s.x) };
    case "print": return { ...s, args: s.args.map(expr) };
    case "if": return { ...s, c: expr(s.c), then: s.then.map(stmt), else: s.else?.map(stmt) };
    case "while": case "dowhile": return { ...s, c: expr(s.c), body: s.body.map(stmt) };
    case "for": return { ...s, init: s.init.map(stmt), c: s.c && expr(s.c), step: s.step.map(expr), body: s.body.map(stmt) };
    case "return": return s.x ? { ...s, x: expr(s.x) } : s;
    case "block": return { ...s, body: s.body.map(stmt) };
    case "switch": return { ...s, x: expr(s.x), cases: s.cases.map((c) => ({ ...c, values: c.values.map(expr), body: c.body.map(stmt) })) };
    default: return s;
  }
}

function expr(x: Expr): Expr {
  const y = mapChildren(x, expr);
  if (y.e === "compound" && y.target.e === "local" && countedString(y.target.type) && y.type.k === "str" && !y.postfix) {
    const target = y.target;
    return { e: "assign", type: y.type, target, value: replaceCurrent(y.value, target) };
  }
  return y;
}

/** `value` with its `current` reads (not those of a nested compound) replaced by `target`. */
function replaceCurrent(x: Expr, target: Expr): Expr {
  if (x.e === "current") return target;
  if (x.e === "compound") return x;
  return mapChildren(x, (c) => replaceCurrent(c, target));
}

/** `x` with every child expression replaced by `each(child)`. */
function mapChildren(x: Expr, each: (c: Expr) => Expr): Expr {
  if (!childExprs(x).length) return x;
  const out: Record<string, unknown> = { ...x };
  for (const [key, v] of Object.entries(x)) {
    if (key === "type" || key === "cls") continue;
    if (Array.isArray(v)) out[key] = v.map((y) => (y && typeof y === "object" && "e" in y ? each(y as Expr) : y));
    else if (v && typeof v === "object" && "e" in v) out[key] = each(v as Expr);
  }
  return out as unknown as Expr;
}
