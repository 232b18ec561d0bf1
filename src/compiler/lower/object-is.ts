/**
 * lower/object-is.ts: `Object.is(a, b)`, JavaScript's SameValue.
 *
 * Input:  a call `Object.is(a, b)`.
 * Output: on two hosted numbers, a call of lib/std/number.ts's sameValue
 *         (NaN is NaN, +0 is not -0), on unknowns the runtime's
 *         tsos_dyn_same_value; on integers, booleans, strings,
 *         objects, arrays and functions of one type, `a === b`; both
 *         arguments evaluated first, left to right.
 *         `T | null` / `T | undefined`: both present and the same value, or
 *         the same one of null and undefined. `Object.is` as a function value
 *         of two parameters of one type (objectIsValue).
 * Invariants: other operand types (unions, values of two different types)
 *             are refused (TSOS1322): their comparison is not built here.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { builtinValue } from "./fn-names.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { functionOf } from "./functions.ts";
import { isInt } from "../ints.ts";
import { isDouble } from "./number.ts";
import { stdDeclaration } from "./array-methods.ts";
import { sameType, typeName } from "./types.ts";

export function objectIs(l: Lowerer, call: ts.CallExpression): Expr {
  const [a, b] = call.arguments;
  if (!a || !b || call.arguments.length !== 2 || call.arguments.some(ts.isSpreadElement)) l.fail("TSOS1322", call, "these arguments");
  const A = lowerExpr(l, a);
  const B = coerce(l, lowerExpr(l, b, A.type), A.type, b);
  if (!sameType(A.type, B.type)) l.fail("TSOS1322", call, `\`${typeName(A.type)}\` and \`${typeName(B.type)}\``);
  return sameValue(l, A, B, call);
}

/**
 * `Object.is` as a function value where a function of two parameters of one type returning a boolean
 * is wanted (`equals: (a: T, b: T) => boolean = Object.is`): a small C function of that type.
 * Undefined for any other property or wanted type.
 */
export function objectIsValue(l: Lowerer, p: ts.PropertyAccessExpression, want: Type | undefined): Expr | undefined {
  if (!want || want.k !== "fn" || p.name.text !== "is" || !ts.isIdentifier(p.expression) || p.expression.text !== "Object") return undefined;
  const decl = l.symbolOf(p.expression)?.valueDeclaration;
  const [x, y] = want.params;
  if (!decl || !l.isLibDecl(decl) || want.params.length !== 2 || !x || !y || !sameType(x, y) || (want.ret.k !== "bool" && want.ret.k !== "void")) return undefined;
  const loc = l.loc(p);
  const body = sameValue(l, { e: "local", type: x, name: "a0" }, { e: "local", type: y, name: "a1" }, p);
  return builtinValue(l, "tsos_Object_is", "is", want, body, p);
}

/** SameValue of two evaluated operands of one type. */
function sameValue(l: Lowerer, A: Expr, B: Expr, call: ts.Node): Expr {
  // `T | null` (or undefined): both present and the same value, or the same one of null and undefined.
  if (A.type.k === "nullable") {
    const t = A.type;
    const a = l.temp(), b = l.temp();
    const x: Expr = { e: "local", type: t, name: a };
    const y: Expr = { e: "local", type: t, name: b };
    const is = (v: Expr, which: "null" | "undefined" | "either"): Expr => ({ e: "isnullish", type: T.bool, x: v, which });
    const same = (p: Expr, q: Expr): Expr => ({ e: "binary", type: T.bool, op: "==", a: p, b: q, loc: 0 });
    const present: Expr = { e: "logic", type: T.bool, op: "&&", a: { e: "not", type: T.bool, x: is(x, "either") }, b: { e: "not", type: T.bool, x: is(y, "either") } };
    const inner = sameValue(l, { e: "unwrap", type: t.inner, x, loc: 0 }, { e: "unwrap", type: t.inner, x: y, loc: 0 }, call);
    const absent: Expr = { e: "logic", type: T.bool, op: "&&", a: same(is(x, "null"), is(y, "null")), b: same(is(x, "undefined"), is(y, "undefined")) };
    return { e: "bind", type: T.bool, name: a, value: A, body: { e: "bind", type: T.bool, name: b, value: B, body: { e: "cond", type: T.bool, c: present, a: inner, b: absent } } };
  }
  if (isDouble(l, A.type)) {
    const decl = stdDeclaration("std/number.ts", "sameValue", ts.isFunctionDeclaration);
    if (!decl) l.fail("TSOS9001", call, "lib/std/number.ts has no `sameValue`");
    return { e: "call", type: T.bool, fn: functionOf(l, decl, []).cname, args: [A, B] };
  }
  if (A.type.k === "str") return { e: "streq", type: T.bool, negate: false, a: A, b: B };
  if (A.type.k === "dyn" && l.doubles) return { e: "call", type: T.bool, fn: "tsos_dyn_same_value", args: [A, B], pure: true };
  // Objects, arrays and functions: SameValue is identity, as for `===` (which compares a function wrapper's function).
  const identity = A.type.k === "array" || A.type.k === "class" || A.type.k === "view" || A.type.k === "fn";
  if (isInt(A.type) || A.type.k === "bool" || identity) return { e: "binary", type: T.bool, op: "==", a: A, b: B, loc: l.loc(call) };
  l.fail("TSOS1322", call, `\`${typeName(A.type)}\``);
}
