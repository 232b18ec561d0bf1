/**
 * lower/object-keys.ts: `Object.keys`, `Object.values` and `Object.entries`
 * of objects that are not records: class instances, interfaces and object
 * types.
 *
 * Input:  the call and its argument, whose own properties are known at
 *         compile time (object-spread.ts `ownProperties`: fields in
 *         definition order, a base class's first; a view's properties in
 *         its type's order).
 * Output: a new array: the property names; their values, each converted to
 *         the element type tsc gives the result (`(string | number)[]`); or
 *         `[name, value]` tuples. The object is evaluated once, first.
 * Invariants: only objects without optional properties (whose presence
 *             would be known only at run time, TSOS1142) and of classes
 *             without subclasses (TSOS1143) are listed; what `ownProperties`
 *             refuses gets its own diagnostic.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce } from "./expr.ts";
import { irType, typeName } from "./types.ts";
import { isTuple, newTuple } from "./destructure.ts";
import { hasSubclass, ownProperties } from "./object-spread.ts";
import { classInfo } from "./classes.ts";
import { hasEffects } from "../eval-order.ts";

/** `Object.<name>(arg)` for a class instance or a view; undefined for other values. */
export function objectPropertiesCall(l: Lowerer, name: "keys" | "values" | "entries", obj: Expr, arg: ts.Expression, call: ts.CallExpression): Expr | undefined {
  const t: Type = obj.type;
  const instance = t.k === "class" && t.cls.header && !tupleType(t);
  if (!instance && t.k !== "view") return undefined;
  const result = irType(l, l.checker.getTypeAtLocation(call), call);
  if (result.k !== "array") return undefined;
  if (t.k === "class" && !t.cls.literal && hasSubclass(l, classInfo(t.cls).decl, arg)) l.fail("TSOS1143", arg, `Object.${name}`, typeName(t));
  const tmp = l.temp();
  const self: Expr = { e: "local", type: obj.type, name: tmp };
  const props = ownProperties(l, self, l.checker.getTypeAtLocation(arg), arg);
  const optional = props.find((p) => p.optional);
  if (optional) l.fail("TSOS1142", arg, `Object.${name}`, typeName(obj.type), optional.name);
  const loc = l.loc(call);
  const key = (n: string): Expr => ({ e: "str", type: T.str, value: n });
  const elems = props.map((p): Expr => {
    if (name === "keys") return key(p.name);
    if (name === "values") return coerce(l, p.read, result.elem, arg);
    const pair = result.elem;
    if (!isTuple(pair)) l.fail("TSOS1113", arg, `Object.${name}`, typeName(obj.type));
    const valueType: Type = pair.cls.fields[1]!.type;
    return newTuple(pair, [key(p.name), coerce(l, p.read, valueType, arg)], loc);
  });
  const list: Expr = { e: "arraylit", type: result, elems, loc };
  if (name !== "keys" && props.length) return { e: "let", type: result, name: tmp, init: obj, body: list };
  // The names are constants: the object is evaluated only for its effects.
  return hasEffects(obj) ? { e: "seq", type: result, xs: [obj, list] } : list;
}

/** Whether `t` is a tuple (a plain boolean: isTuple's type guard would narrow every class type away). */
function tupleType(t: Type): boolean {
  return isTuple(t);
}
