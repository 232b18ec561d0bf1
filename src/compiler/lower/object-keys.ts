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
 * Invariants: an optional member an object literal left out is listed
 *             once assigned, in the order keys were added (key-order.ts);
 *             of an object a spread built (which does not copy a member that
 *             holds undefined) that would not be exact: TSOS1142. Instances
 *             of classes with subclasses are TSOS1143; what `ownProperties`
 *             refuses gets its own diagnostic.
 */
import ts from "typescript";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce } from "./expr.ts";
import { presentOrPanic } from "./nullable.ts";
import { irType, typeName } from "./types.ts";
import { isTuple, newTuple } from "./destructure.ts";
import { type OwnProperty, hasSubclass, ownProperties } from "./object-spread.ts";
import { addDispatch, buildBody, classesOfView, synthesize } from "./inspect.ts";
import { hasKeyOrder, inKeyOrder, memberPresent } from "./key-order.ts";
import { classInfo, propertyOfField } from "./classes.ts";
import { partOrderedShapes, spreadShapes } from "./objects.ts";
import { hasEffects } from "../eval-order.ts";
import { isRecord, recordListing } from "./records.ts";

/** `Object.<name>(arg)` for a class instance or a view; undefined for other values. */
export function objectPropertiesCall(l: Lowerer, name: "keys" | "values" | "entries", obj: Expr, arg: ts.Expression, call: ts.Node, listType?: Type): Expr | undefined {
  const t: Type = obj.type;
  const instance = t.k === "class" && t.cls.header && !tupleType(t);
  if (!instance && t.k !== "view") return undefined;
  const result = listType ?? irType(l, l.checker.getTypeAtLocation(call), call);
  if (result.k !== "array") return undefined;
  if (t.k === "class" && !t.cls.literal && hasSubclass(l, classInfo(t.cls).decl, arg)) l.fail("TSOS1143", arg, `Object.${name}`, typeName(t));
  const argType = l.checker.getTypeAtLocation(arg);
  // Behind an interface or union type may be objects with other properties than the type lists (`Dog` as a `Pet`).
  if (t.k === "view") return perClassProperties(l, name, obj, result, arg, call);
  const tmp = l.temp();
  const self: Expr = { e: "local", type: obj.type, name: tmp };
  const props = ownProperties(l, self, argType, arg);
  const list = presentProperties(l, name, props, (obj.type as Extract<Type, { k: "class" }>).cls, result, arg, call, self);
  if (name !== "keys" || props.some((p) => p.optional)) return props.length ? { e: "let", type: result, name: tmp, init: obj, body: list } : list;
  // The names are constants: the object is evaluated only for its effects.
  return hasEffects(obj) ? { e: "seq", type: result, xs: [obj, list] } : list;
}

/**
 * The array of an object of class `cls`'s properties `props` (reads of a
 * pure local): an optional member an object literal left out is listed only
 * when it holds a value (one holding undefined counts as absent, as in
 * spread). Where the class records the order in which such members were
 * added (key-order.ts), the list would need that order: TSOS1142.
 */
function presentProperties(l: Lowerer, name: "keys" | "values" | "entries", props: OwnProperty[], cls: ClassInst, result: Extract<Type, { k: "array" }>, arg: ts.Expression, call: ts.Node, self?: Expr): Expr {
  const optional = props.find((p) => p.optional);
  if (!optional) return propertyList(l, name, props, result, cls.tsName, arg, call);
  // A spread does not copy a member that holds undefined (docs/language.md): which keys such an object has is not exact.
  if (spreadShapes.has(cls) && !partOrderedShapes.has(cls)) l.fail("TSOS1142", arg, `Object.${name}`, cls.tsName, optional.name);
  if (hasKeyOrder(cls.fields) && self) return inAddedOrder(l, name, cls, result, arg, call, self);
  const out = l.temp();
  const list: Expr = { e: "local", type: result, name: out };
  const loc = l.loc(call);
  const steps = props.map((p): Expr => {
    const push: Expr = { e: "arraymethod", type: T.number, method: "push", arr: list, args: [propertyElement(l, name, p, result, cls.tsName, arg, call)], loc };
    if (!p.optional) return push;
    // A member the literal wrote is a key even when it holds undefined (`{ depth: undefined }`).
    const read = p.read as Extract<Expr, { e: "field" }>;
    if (cls.literal && cls.fields.some((f) => f.name === read.name && !f.absent)) return push;
    const present = memberPresent(cls, read);
    return { e: "cond", type: T.number, c: present, a: push, b: { e: "int", type: T.number, value: 0n } };
  });
  return { e: "bind", type: result, name: out, value: { e: "arraylit", type: result, elems: [], loc }, body: { e: "seq", type: result, xs: [...steps, list] } };
}

/**
 * As presentProperties, for a class that records the order in which its
 * keys were added (key-order.ts): a function that writes the list in that
 * order, as the printer does. `self` is the object (a pure local).
 */
function inAddedOrder(l: Lowerer, name: "keys" | "values" | "entries", cls: ClassInst, result: Extract<Type, { k: "array" }>, arg: ts.Expression, call: ts.Node, self: Expr): Expr {
  const loc = l.loc(call);
  const func = synthesize(l, `object_${name}_in_order`, [{ name: "o", type: self.type }], result, loc);
  buildBody(l, func, () => {
    const o: Expr = { e: "local", type: self.type, name: "o" };
    const own = ownProperties(l, o, l.checker.getTypeAtLocation(arg), arg);
    const out: Expr = { e: "local", type: result, name: l.temp() };
    const entries = own.map((p) => {
      const field = cls.fields.find((f) => propertyOfField(f.name) === p.name)!;
      const push: Expr = { e: "arraymethod", type: T.number, method: "push", arr: out, args: [propertyElement(l, name, p, result, cls.tsName, arg, call)], loc };
      return { field: field.name, write: [{ s: "expr", x: push, loc } as Stmt] };
    });
    return [
      { s: "let", name: (out as { name: string }).name, type: result, init: { e: "arraylit", type: result, elems: [], loc }, loc },
      ...inKeyOrder(l, o, entries, loc),
      { s: "return", x: out, loc },
    ];
  });
  return { e: "call", type: result, fn: func.cname, args: [self] };
}

/** The array of `props` that `Object.<name>` gives, of type `result`. */
function propertyList(l: Lowerer, name: "keys" | "values" | "entries", props: OwnProperty[], result: Extract<Type, { k: "array" }>, what: string, arg: ts.Expression, call: ts.Node): Expr {
  return { e: "arraylit", type: result, elems: props.map((p) => propertyElement(l, name, p, result, what, arg, call)), loc: l.loc(call) };
}

/** The element of `Object.<name>`'s array (of type `result`) for the property `p`: its name, its value, or the pair. */
function propertyElement(l: Lowerer, name: "keys" | "values" | "entries", p: OwnProperty, result: Extract<Type, { k: "array" }>, what: string, arg: ts.Expression, call: ts.Node): Expr {
  const loc = l.loc(call);
  const key: Expr = { e: "str", type: T.str, value: p.name };
  // An optional member is listed only when present (presentProperties): where the list's type leaves out undefined, its
  // value is unwrapped. A key the program assigned undefined is present and holds it: that panics, never reads as 0.
  const holdsUndefined = `Object.${name}: the property \`${p.name}\` holds undefined, which the result's element type cannot hold`;
  const value = (to: Type): Expr =>
    coerce(l, p.optional && p.read.type.k === "nullable" && !(to.k === "nullable" || to.k === "dyn") ? presentOrPanic(l, p.read, "either", holdsUndefined, arg) : p.read, to, arg);
  if (name === "keys") return key;
  if (name === "values") return value(result.elem);
  const pair = result.elem;
  if (!isTuple(pair)) l.fail("TSOS1113", arg, `Object.${name}`, what);
  return newTuple(pair, [key, value(pair.cls.fields[1]!.type)], loc);
}

/**
 * `Object.keys(v)` of an interface or union value: a function that
 * dispatches on the object's class and lists that class's own properties,
 * in its order, as for an object of that class (JavaScript lists the
 * object's properties, which may be more than its static type's).
 */
function perClassProperties(l: Lowerer, name: "keys" | "values" | "entries", obj: Expr, result: Extract<Type, { k: "array" }>, arg: ts.Expression, call: ts.Node): Expr {
  const view = (obj.type as Extract<Type, { k: "view" }>).view;
  const func = synthesize(l, `object_${name}`, [{ name: "x", type: obj.type }], result, l.loc(call));
  addDispatch(l, {
    func,
    classes: classesOfView(l, view),
    each: (cls, x) => {
      // A record behind the view (a `Partial<Record<K, V>>` built as one): its own entries.
      if (isRecord({ k: "class", cls })) return coerce(l, recordListing(l, name, x, call), result, arg);
      if (!cls.literal && hasSubclass(l, classInfo(cls).decl, arg)) l.fail("TSOS1143", arg, `Object.${name}`, cls.tsName);
      return presentProperties(l, name, ownProperties(l, x, l.checker.getTypeAtLocation(arg), arg), cls, result, arg, call, x);
    },
  });
  return { e: "call", type: result, fn: func.cname, args: [obj] };
}

/** Whether `t` is a tuple (a plain boolean: isTuple's type guard would narrow every class type away). */
function tupleType(t: Type): boolean {
  return isTuple(t);
}
