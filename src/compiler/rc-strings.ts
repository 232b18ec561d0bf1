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
 * Whether the string form of a value of type `t` (a template part, `String(x)`)
 * may be made for it: a number, an integer or a boolean, or a nullable or a
 * union that may hold one. Such a form is converted as a reference of its
 * own (emit-c.ts `toStrOf` with `owned`): a made string, a static one
 * ("null", "true") or a retained string member, which its user releases.
 */
export function stringFormIsMade(t: Type): boolean {
  if (t.k === "int" || t.k === "bool") return true;
  if (t.k === "nullable") return stringFormIsMade(t.inner);
  if (t.k === "union") return t.members.some(stringFormIsMade);
  return false;
}

/**
 * Runtime helpers whose string result is always a reference of its own: a
 * new block (count 1), a static string, or an argument they retained
 * (runtime/tsos_str.h `tsos_str_sub` of the whole string, `tsos_str_case`
 * of text with nothing to change, `tsos_str_concat_all` of one part);
 * `tsos_str_split`'s array is new, its pieces references of their own.
 */
export const FRESH_STRING_HELPERS = new Set([
  "tsos_str_slice_units", "tsos_str_slice_bytes", "tsos_str_repeat", "tsos_str_pad", "tsos_str_concat_all", "tsos_str_trim",
  "tsos_str_upper", "tsos_str_lower", "tsos_str_char_at", "tsos_str_at_rel", "tsos_str_unit_at", "tsos_str_unit_at_or_undefined",
  "tsos_str_from_char_codes", "tsos_str_char_at_byte", "tsos_join_strs", "tsos_str_split",
  "tsos_num_to_fixed", "tsos_num_to_exponential", "tsos_num_to_precision", "tsos_num_to_radix", "tsos_num_to_string_radix",
  "tsos_str_from_num", "tsos_str_from_radix", "tsos_str_from_bool", "tsos_str_from_i64", "tsos_str_from_u64",
  "tsos_dyn_to_str", "tsos_dyn_show_other", "tsos_dyn_json", "tsos_fn_show",
]);

/** Runtime helpers that keep a string they are given after they return (the thrown site of an exception). */
const KEEPING_HELPERS = new Set(["tsos_throw", "tsos_pend"]);

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

