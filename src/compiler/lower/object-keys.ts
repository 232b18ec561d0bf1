/**
 * lower/object-keys.ts: `Object.keys`, `Object.values` and `Object.entries`
 * of objects that are not records: class instances, interfaces and object
 * types.
 *
 * Input:  the call and its argument. A class instance's own properties
 *         are known at compile time (object-spread.ts `ownProperties`:
 *         fields in definition order, a base class's first). An interface
 *         or union value is dispatched on its object's class, whose
 *         properties may be more than the type lists (a `Dog` literal as a
 *         `Pet`): each class's are listed, as for an instance of it.
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
import { type OwnProperty, hasSubclass, ownProperties } from "./object-spread.ts";
import { addDispatch, classesOfView, synthesize } from "./inspect.ts";
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
  const argType = l.checker.getTypeAtLocation(arg);
  // Behind an interface or union type may be objects with other properties than the type lists (`Dog` as a `Pet`).
  if (t.k === "view") return perClassProperties(l, name, obj, result, arg, call);
  const tmp = l.temp();
  const self: Expr = { e: "local", type: obj.type, name: tmp };
  const props = ownProperties(l, self, argType, arg);
  const optional = props.find((p) => p.optional);
  if (optional) l.fail("TSOS1142", arg, `Object.${name}`, typeName(obj.type), optional.name);
  const list = propertyList(l, name, props, result, typeName(obj.type), arg, call);
  if (name !== "keys" && props.length) return { e: "let", type: result, name: tmp, init: obj, body: list };
  // The names are constants: the object is evaluated only for its effects.
  return hasEffects(obj) ? { e: "seq", type: result, xs: [obj, list] } : list;
}

/** The array of `props` that `Object.<name>` gives, of type `result`. */
function propertyList(l: Lowerer, name: "keys" | "values" | "entries", props: OwnProperty[], result: Extract<Type, { k: "array" }>, what: string, arg: ts.Expression, call: ts.CallExpression): Expr {
  const loc = l.loc(call);
  const key = (n: string): Expr => ({ e: "str", type: T.str, value: n });
  const elems = props.map((p): Expr => {
    if (name === "keys") return key(p.name);
    if (name === "values") return coerce(l, p.read, result.elem, arg);
    const pair = result.elem;
    if (!isTuple(pair)) l.fail("TSOS1113", arg, `Object.${name}`, what);
    const valueType: Type = pair.cls.fields[1]!.type;
    return newTuple(pair, [key(p.name), coerce(l, p.read, valueType, arg)], loc);
  });
  return { e: "arraylit", type: result, elems, loc };
}

/**
 * `Object.keys(v)` of an interface or union value: a function that
 * dispatches on the object's class and lists that class's own properties,
 * in its order, as for an object of that class (JavaScript lists the
 * object's properties, which may be more than its static type's).
 */
function perClassProperties(l: Lowerer, name: "keys" | "values" | "entries", obj: Expr, result: Extract<Type, { k: "array" }>, arg: ts.Expression, call: ts.CallExpression): Expr {
  const view = (obj.type as Extract<Type, { k: "view" }>).view;
  const func = synthesize(l, `object_${name}`, [{ name: "x", type: obj.type }], result, l.loc(call));
  addDispatch(l, {
    func,
    classes: classesOfView(l, view),
    each: (cls, x) => {
      if (!cls.literal && hasSubclass(l, classInfo(cls).decl, arg)) l.fail("TSOS1143", arg, `Object.${name}`, cls.tsName);
      const props = ownProperties(l, x, l.checker.getTypeAtLocation(arg), arg);
      const optional = props.find((p) => p.optional);
      if (optional) l.fail("TSOS1142", arg, `Object.${name}`, cls.tsName, optional.name);
      return propertyList(l, name, props, result, cls.tsName, arg, call);
    },
  });
  return { e: "call", type: result, fn: func.cname, args: [obj] };
}

/** Whether `t` is a tuple (a plain boolean: isTuple's type guard would narrow every class type away). */
function tupleType(t: Type): boolean {
  return isTuple(t);
}
