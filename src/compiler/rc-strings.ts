/**
 * rc-strings.ts: the string part of reference counting (docs/design/memory.md, "Strings").
 *
 * Input:  IR types, runtime helper names and function bodies, from rc.ts.
 * Output: which values are counted strings, the runtime calls that count
 *         them (runtime/tsos_rt.h tsos_str_retain / tsos_str_release), which
 *         runtime helpers keep none of the strings they are given, and `s += x` on a
 *         local rewritten as `s = s + x` (so the old value is released).
 * Invariants:
 *   - Which helpers return a reference of their own, and which keep a string
 *     they are given, is rc-helpers.ts's table.
 *   - A runtime helper whose arguments are not known to be borrowed pins
 *     every string it is given (retained, never released): a leak, never
 *     an early free.
 *   - Strings never refer to anything: releasing one frees at most its own
 *     block, so string stores and releases never free an object.
 */
import type { Expr, Stmt, Type } from "./ir.ts";
import { childExprs } from "./ir.ts";
import { helperKeepsStrings } from "./rc-helpers.ts";

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
 * Whether the runtime helper `fn` (not a function of the program) keeps no
 * reference to a string argument: its result is a number, a boolean,
 * nothing, or a string (a string result that is an argument is handled by
 * the result's classification). A helper that returns an object, array,
 * union or `unknown` could hold the string in it: its string arguments are pinned.
 */
export function borrowsStrings(fn: string, result: Type): boolean {
  if (helperKeepsStrings(fn)) return false;
  const t = result.k === "nullable" ? result.inner : result;
  return t.k === "void" || t.k === "bool" || t.k === "int" || t.k === "str" || t.k === "never";
}

