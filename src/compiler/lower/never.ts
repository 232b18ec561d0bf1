/**
 * lower/never.ts: values of type `never`, which tsc proves cannot exist.
 *
 * Input:  expressions whose checked type is `never` (a call to a function
 *         returning `never`, a variable narrowed to `never` in the default
 *         branch of an exhaustive switch) and places that want one
 *         (`const x: never = s`, a `never` parameter such as assertNever's).
 * Output: IR that keeps the program well-formed C: a `never` value used
 *         where a value of type T is wanted becomes a `convert` to T (the
 *         emitter evaluates the never-returning expression, then a zero it
 *         never reaches); a value that tsc narrowed to `never` but that the
 *         program reaches anyway (an enum holding an unlisted number) panics
 *         with a clear message instead of continuing.
 * Invariants: nothing here changes a reachable computation; a local of type
 *             `never` has no C variable (every read of it is unreachable).
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";

/** Locals declared with type `never`: they get no C variable. */
export const neverLocals = new WeakSet<ts.Node>();

export const UNREACHABLE_MESSAGE = "reached code that the type `never` marks unreachable";

/** A panic for a value tsc proved impossible. */
export function unreachable(l: Lowerer, node: ts.Node): Expr {
  return { e: "panic", type: T.never, message: { e: "str", type: T.str, value: UNREACHABLE_MESSAGE }, loc: l.loc(node) };
}

/**
 * A never-typed value printed or made part of a string (`${fail()}`, or a
 * variable narrowed away in code tsc proves dead): it is evaluated, then the
 * unreachable panic stands for its text.
 */
export function neverString(l: Lowerer, x: Expr, node: ts.Node): Expr {
  return neverAs({ e: "seq", type: T.never, xs: [x, unreachable(l, node)] }, T.str, l, node);
}

/** A never-typed expression used where a `to` is wanted. */
export function neverAs(e: Expr, to: Type, l: Lowerer, node: ts.Node): Expr {
  if (to.k === "never" || to.k === "void") return e;
  return { e: "convert", type: to, x: e, checked: false, loc: l.loc(node) };
}

/**
 * A function with a `never` parameter (`assertNever(x: never): never`) can
 * only be called with an impossible value: the call is the unreachable panic,
 * and the function itself is never compiled.
 */
export function callTakingNever(l: Lowerer, decl: ts.SignatureDeclaration, call: ts.CallExpression): Expr | undefined {
  const i = neverParam(l, decl);
  if (i < 0) return undefined;
  return unreachable(l, call.arguments[i] ?? call);
}

/** The index of `decl`'s first parameter of type `never`, or -1. */
export function neverParam(l: Lowerer, decl: ts.SignatureDeclaration): number {
  return decl.parameters.findIndex((p) => p.type && l.checker.getTypeFromTypeNode(p.type).flags & ts.TypeFlags.Never);
}

/** A field's or module variable's type: `never` and `void` have no values to store. */
export function storable(l: Lowerer, t: Type, node: ts.Node): Type {
  if (t.k === "never" || t.k === "void") l.fail("TSOS1006", node, t.k);
  return t;
}
