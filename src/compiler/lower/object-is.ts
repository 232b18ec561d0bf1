/**
 * lower/object-is.ts: `Object.is(a, b)`, JavaScript's SameValue.
 *
 * Input:  a call `Object.is(a, b)`.
 * Output: on two hosted numbers, a call of lib/std/number.ts's sameValue
 *         (NaN is NaN, +0 is not -0), on unknowns the runtime's
 *         tsos_dyn_same_value; on integers, booleans, strings,
 *         objects, arrays and functions of one type, `a === b`; both
 *         arguments evaluated first, left to right.
 * Invariants: other operand types (unions, nullables, values of two
 *             different types) are refused (TSOS1322): their comparison is
 *             not built here.
 */
import ts from "typescript";
import type { Expr } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
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
