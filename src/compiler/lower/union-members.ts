/**
 * lower/union-members.ts: members of a union of objects that is not one view.
 *
 * Input:  `store.delete(id)` or `m.size` where tsc types the receiver as a
 *         union of class instances tsos keeps as a union (`Map<number, P> |
 *         Map<number, V>`: library classes, or instances of one generic class
 *         with different type arguments), and the member exists on each.
 * Output: the receiver and the arguments evaluated once, in order; then the
 *         member of whichever class the value holds (a test of the union's
 *         tag per member), its result converted to the type tsc gives the
 *         whole expression.
 * Invariants: each arm is lowered as the same expression on one member (the
 *         receiver and the argument nodes stand for their temporaries:
 *         nullable.ts withSubstitutes), so it is checked exactly as a call on
 *         that class is. An argument that is a function literal is not
 *         supported (its parameter types differ per member); such a call is
 *         left to the caller's refusal.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { tryIrType } from "./types.ts";
import { withSubstitutes } from "./nullable.ts";
import { unionConvert } from "./unions.ts";

/** Whether `t` is a union whose members are all objects of classes (each member a class instance with a header). */
function unionOfClasses(t: Type): t is Extract<Type, { k: "union" }> {
  return t.k === "union" && t.members.every((m) => m.k === "class" && !!m.cls.header && !m.cls.tuple);
}

/** The type tsc gives `node`, as tsos holds it (void for a call that returns nothing). */
function resultType(l: Lowerer, node: ts.Expression): Type | undefined {
  const t = l.checker.getTypeAtLocation(node);
  if (t.flags & ts.TypeFlags.Void) return T.void;
  return tryIrType(l, t, node);
}

/** `recv.name(args)` on a union of classes (recv already lowered from `call.expression.expression`); undefined otherwise. */
export function unionMemberCall(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !unionOfClasses(recv.type)) return undefined;
  if (call.arguments.some((a) => ts.isSpreadElement(a) || ts.isArrowFunction(a) || ts.isFunctionExpression(a))) return undefined;
  const type = resultType(l, call);
  if (!type) return undefined;
  // The arguments, each evaluated once into a temporary, in order (after the receiver, as JavaScript does).
  const held: { name: string; value: Expr; node: ts.Expression }[] = call.arguments.map((a) => ({ name: l.temp(), value: lowerExpr(l, a), node: a }));
  const subs = (m: Expr): [ts.Node, Expr][] => [[callee.expression, m], ...held.map((h): [ts.Node, Expr] => [h.node, { e: "local", type: h.value.type, name: h.name }])];
  const body = quietly(l, () => unionConvert(l, recv, type, (m) => withSubstitutes(subs(m), () => coerce(l, lowerExpr(l, call), type, call))));
  if (!body) return undefined;
  let out = body;
  for (let i = held.length - 1; i >= 0; i--) out = { e: "bind", type, name: held[i]!.name, value: held[i]!.value, body: out };
  return out;
}

/** `recv.name` read on a union of classes (recv already lowered from `p.expression`); undefined otherwise. */
export function unionMemberGet(l: Lowerer, recv: Expr, p: ts.PropertyAccessExpression): Expr | undefined {
  if (!unionOfClasses(recv.type)) return undefined;
  const type = resultType(l, p);
  if (!type || type.k === "void") return undefined;
  return quietly(l, () => unionConvert(l, recv, type, (m) => withSubstitutes([[p.expression, m]], () => coerce(l, lowerExpr(l, p), type, p))));
}
