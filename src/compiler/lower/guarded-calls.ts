/**
 * lower/guarded-calls.ts: method calls on a value a type guard narrowed to
 * an intersection (`if (isCloseable(x)) x.close()`, `x: T & Closeable`) in a
 * generic function's instance, where T's own type has no such method.
 *
 * Input:  the call and its lowered receiver (views.ts lowerViewCall and
 *         lowerClassCallByName, calls.ts for primitives).
 * Output: for a view receiver, the call through the view of the whole
 *         intersection (intersections.ts), which finds the method by the
 *         object's class; for a class or primitive receiver without the
 *         method, JavaScript's `TypeError: x.close is not a function`
 *         (lib/std/error.ts notAFunction), after the receiver and arguments
 *         are evaluated.
 * Invariants: a class some subclass of which declares the method is left to
 *             the caller's diagnostic (an instance of the subclass would
 *             have it).
 */
import ts from "typescript";
import type { ClassInst, Expr } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { lowerExpr } from "./expr.ts";
import { irType, tryIrType } from "./types.ts";
import { classInfo } from "./classes.ts";
import { stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";
import { subclassDeclares } from "./closures.ts";
import { literalNodes, viewCoerce } from "./views.ts";

/** The receiver of `x.m()` as the view of its narrowed intersection type, if that view has `m`; else undefined. */
export function intersectionReceiver(l: Lowerer, v: Expr, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const t = l.checker.getTypeAtLocation(callee.expression);
  if (!t.isIntersection()) return undefined;
  const wide = quietly(l, () => irType(l, t, callee.expression));
  if (wide?.k !== "view" || !wide.view.slots.some((x) => x.prop === callee.name.text)) return undefined;
  return quietly(l, () => viewCoerce(l, v, wide, callee.expression));
}

/**
 * `instance.close()` where TypeScript sees the method through a narrowing
 * (`T & Closeable` after a type guard) and this instance's class (or
 * primitive type) has no such member: JavaScript evaluates the receiver and the arguments, then throws
 * `TypeError: instance.close is not a function` (lib/std/error.ts).
 */
export function missingMethodCall(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !l.checker.getTypeAtLocation(callee.expression).isIntersection()) return undefined;
  if (recv.type.k !== "class" && recv.type.k !== "int" && recv.type.k !== "str" && recv.type.k !== "bool") return undefined;
  // An instance of a subclass that has the method would call it.
  const cls = recv.type.k === "class" ? recv.type.cls : undefined;
  if (cls && !literalNodes.has(cls)) {
    const decl = classInfo(cls)?.decl;
    if (!decl || subclassDeclares(l, decl, callee.name.text)) return undefined;
  }
  const thrower = stdDeclaration("std/error.ts", "notAFunction", ts.isFunctionDeclaration);
  const ret = tryIrType(l, l.checker.getTypeAtLocation(call), call);
  if (!thrower || !ret) return undefined;
  const f = functionOf(l, thrower, [ret]);
  const thrown: Expr = { e: "call", type: ret, fn: f.cname, args: [{ e: "str", type: T.str, value: `${callee.expression.getText()}.${callee.name.text}` }] };
  const effects = [recv, ...call.arguments.map((a) => lowerExpr(l, a))].filter((x) => x.e !== "local");
  return effects.length ? { e: "seq", type: ret, xs: [...effects, thrown] } : thrown;
}

