/**
 * lower/uri.ts: the global URI functions on the hosted target.
 *
 * Input:  a call `encodeURIComponent(x)`, `encodeURI(s)`,
 *         `decodeURIComponent(s)` or `decodeURI(s)` (declared in
 *         lib/tsos.d.ts), from builtinCall in calls.ts.
 * Output: IR: a call of the function of the same name in lib/std/uri.ts,
 *         its argument converted to a string as JavaScript's ToString does
 *         (`encodeURIComponent(42)` encodes "42"); as a function value
 *         (`parts.map(decodeURIComponent)`), through string-methods.ts's
 *         conversionAsFunction.
 * Invariants: hosted only (kernel strings are byte strings: TSOS1102, as
 *             for the string methods); undefined for any other name.
 */
import ts from "typescript";
import type { Expr } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { stdDeclaration } from "./array-methods.ts";
import { lowerExpr, stringPart } from "./expr.ts";
import { functionOf } from "./functions.ts";

export const URI_FUNCTIONS = new Set(["encodeURIComponent", "encodeURI", "decodeURIComponent", "decodeURI"]);

export function uriCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (!URI_FUNCTIONS.has(name)) return undefined;
  if (!l.doubles) l.fail("TSOS1102", call.expression, name);
  const a = call.arguments[0];
  if (!a || ts.isSpreadElement(a)) l.fail("TSOS1015", call, `\`${name}\` without one plain argument`, `pass the string: \`${name}(s)\``);
  const x = lowerExpr(l, a, T.str);
  return uriLibCall(l, name, x.type.k === "str" ? x : { e: "concat", type: T.str, parts: [stringPart(l, x, a)] }, call);
}

/** The call of lib/std/uri.ts's `name` on the string `s`. */
export function uriLibCall(l: Lowerer, name: string, s: Expr, node: ts.Node): Expr {
  const decl = stdDeclaration("std/uri.ts", name, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/std/uri.ts has no \`${name}\``);
  const f = functionOf(l, decl, []);
  return { e: "call", type: f.ret, fn: f.cname, args: [s] };
}
