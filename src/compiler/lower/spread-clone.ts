/**
 * lower/spread-clone.ts: `{ ...item, qty: 2 }` of an interface-typed value,
 * copied by the class of the object behind the view.
 *
 *     interface Line { sku: string; qty: number; unitPrice: number }
 *     const prev: Line = { sku, unitPrice, qty };
 *     lines.set(sku, { ...prev, qty: prev.qty - 1 });
 *
 * JavaScript copies the source's own properties in the source's key order,
 * which is the order its literal wrote them (or its class defined them), not
 * the order the interface lists them. A copy made in the type's order
 * (object-spread.ts) has to refuse sources whose order differs
 * (spread-order.ts, TSOS1360). When every other member of the literal
 * replaces a property the type surely has, the result has exactly the
 * source's keys in the source's order, so it is made per class of the
 * source instead: a dispatch function (inspect.ts addDispatch) builds, for
 * an object literal's class, a new object of that same class with the
 * replaced fields set (its key-order stamps copied, lower/key-order.ts), and
 * for a class instance a plain object of its fields in definition order.
 * The same holds for a union of object types, whose members have properties
 * of their own, and for keys the literal adds: they follow the object's own.
 *
 * Input:  a spread object literal whose first member spreads a view-typed
 *         value and whose other members are plain `name: value` or
 *         shorthand members that replace required properties of that view or
 *         add new keys; or the rest of an object pattern over a view value.
 * Output: a call of the dispatch function `clone_<view>(x, values...)`,
 *         typed as the literal's (or the rest's) view; undefined when the
 *         literal is not of that form. A new key the object already has
 *         (a property its type does not list) is replaced in place; one it
 *         may have left out (an optional member) is refused, as is a class
 *         that implements a property of the type with a getter.
 * Invariants: the source is evaluated first, then the members' values left
 *             to right, then the copy is made (JavaScript reads the
 *             source's properties at the spread, before later members are
 *             evaluated; the copy reads fields, which no member's value can
 *             change without going through the object, and then only a
 *             getter could observe the difference, and classes with getters
 *             the type lists are refused).
 */
import ts from "typescript";
import { isOpenRecord, isRecord } from "./records.ts";
import type { ClassInst, Expr, Field, Func, Type, ViewInst } from "../ir.ts";
import { KEY_ORDER_COUNTER, T, keyOrderStamp } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { irType, mangle } from "./types.ts";
import { fieldName, upcast } from "./classes.ts";
import { hasKeyOrder, stampIfNew } from "./key-order.ts";
import { literalMembers } from "./views.ts";
import { addDispatch, classesOfView, synthesize, visibleFields } from "./inspect.ts";
import { literalInits, newLiteralObject, propName } from "./objects.ts";
import { propertyNameOfField } from "./object-spread.ts";
import { lowerNullLiteral } from "./nullable.ts";

type Member = ts.PropertyAssignment | ts.ShorthandPropertyAssignment;

/** `{ ...src, a: x, b }` made per class of `src`'s object; undefined when the literal is not of that form. */
export function spreadClone(l: Lowerer, node: ts.ObjectLiteralExpression, want?: Type): Expr | undefined {
  const [first, ...rest] = node.properties;
  if (!first || !ts.isSpreadAssignment(first)) return undefined;
  if (!rest.every((p): p is Member => (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name)) || ts.isShorthandPropertyAssignment(p))) return undefined;
  const srcTs = l.checker.getTypeAtLocation(first.expression);
  if (srcTs.flags & ts.TypeFlags.TypeParameter) return undefined;
  // `{ ...overrides[key] }`: a record's entry may be missing (undefined copies nothing), which object-spread.ts handles.
  let inner = first.expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isElementAccessExpression(inner) && isOpenRecord(l, l.checker.getTypeAtLocation(inner.expression))) return undefined;
  const srcType = quietly(l, () => irType(l, srcTs, first));
  if (srcType?.k !== "view") return undefined;
  const view = srcType.view;
  const resultType = want?.k === "view" ? want : quietly(l, () => irType(l, l.checker.getTypeAtLocation(node), node));
  if (resultType?.k !== "view") return undefined;
  // A member naming an optional property of the source keeps the source's key only when it has one: object-spread.ts.
  const names = rest.map((p) => propName(l, p.name));
  const slotOf = (v: ViewInst, name: string) => v.slots.find((s) => s.kind === "get" && s.prop === name);
  if (names.some((n) => slotOf(view, n)?.optional)) return undefined;

  const binds: { name: string; value: Expr }[] = [];
  const temp = (value: Expr): Expr => {
    const name = l.temp();
    binds.push({ name, value });
    return { e: "local", type: value.type, name };
  };
  const src = temp(lowerExpr(l, first.expression));
  const values = new Map<string, Expr>();
  rest.forEach((p, i) => {
    const ret = (slotOf(view, names[i]!) ?? slotOf(resultType.view, names[i]!))?.ret;
    const expr = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    const value = lowerExpr(l, expr, ret);
    values.set(names[i]!, temp(ret ? coerce(l, value, ret, expr) : value));
  });
  // The members in the literal's order: a key the source lacks is added in this order after the source's.
  const given = [...values.keys()];
  const func = cloneFunction(l, view, resultType, given.map((n) => ({ name: n, type: values.get(n)!.type })), [], first.expression, l.checker.typeToString(srcTs));
  let out: Expr = { e: "call", type: resultType, fn: func.cname, args: [src, ...given.map((n) => values.get(n)!)] };
  for (let i = binds.length - 1; i >= 0; i--) out = { e: "bind", type: out.type, name: binds[i]!.name, value: binds[i]!.value, body: out };
  return out;
}

/**
 * `const { id, ...rest } = item` with `item` (`src`, evaluated once) of an interface or object type:
 * the object's other own properties, in its key order; undefined when `src` is not a view.
 */
export function restClone(l: Lowerer, src: Expr, taken: string[], pattern: ts.Node, el: ts.BindingElement): Expr | undefined {
  if (src.type.k !== "view") return undefined;
  const resultType = quietly(l, () => irType(l, l.checker.getTypeAtLocation(el.name), el));
  if (resultType?.k !== "view") return undefined;
  const func = cloneFunction(l, src.type.view, resultType, [], taken, el, l.checker.typeToString(l.checker.getTypeAtLocation(pattern)));
  return { e: "call", type: resultType, fn: func.cname, args: [src] };
}

const clones = new WeakMap<Lowerer, Map<string, Func>>();

type Given = (name: string) => Expr | undefined;

/** The dispatch function that copies an object of `view` without the properties `omit`, with `members` given as arguments, as a `result`. */
function cloneFunction(l: Lowerer, view: ViewInst, result: Type, members: { name: string; type: Type }[], omit: string[], node: ts.Node, typeText: string): Func {
  let fns = clones.get(l);
  if (!fns) clones.set(l, (fns = new Map()));
  const key = `${view.cname}|${mangle(result)}|${members.map((m) => `${m.name}:${mangle(m.type)}`).join(",")}|${omit.join(",")}`;
  const hit = fns.get(key);
  if (hit) return hit;
  const params = [{ name: "x", type: { k: "view", view } as Type }, ...members.map((m, i) => ({ name: `v${i}`, type: m.type }))];
  const func = synthesize(l, `clone_${view.cname}`, params, result, l.loc(node));
  fns.set(key, func);
  const given: Given = (name) => {
    const i = members.findIndex((m) => m.name === name);
    return i < 0 ? undefined : { e: "local", type: params[i + 1]!.type, name: params[i + 1]!.name };
  };
  const names = members.map((m) => m.name);
  addDispatch(l, { func, classes: classesOfView(l, view), each: (cls, obj) => coerce(l, copyOf(l, view, cls, obj, names, given, omit, node, typeText, result), result, node) });
  return func;
}

/**
 * A new object with the own properties of `obj` (of class `cls`) in its key order, the `names` it has
 * replaced by `given`, and the ones it lacks added after them in their order.
 */
function copyOf(l: Lowerer, view: ViewInst, cls: ClassInst, obj: Expr, names: string[], given: Given, omit: string[], node: ts.Node, typeText: string, result: Type): Expr {
  if (isRecord({ k: "class", cls })) l.fail("TSOS1170", node, typeText, "the object may be a record (a `Record<string, V>` seen as this type), whose entries a copy of the type's members would not all take; copy the properties by name");
  const own = visibleFields(cls).filter((f) => !omit.includes(f.key));
  if (cls.literal && (literalMembers(l, cls).size || cls.fields.some((f) => f.hidden && !f.keyOrder)))
    l.fail("TSOS1170", node, typeText, "an object literal with methods or accessors cannot be copied yet; copy its data properties by name");
  // A property the class provides with a getter lives on its prototype: JavaScript would not copy it.
  const missing = view.slots.find((s) => s.kind === "get" && !s.optional && !given(s.prop) && !omit.includes(s.prop) && !own.some((f) => f.key === s.prop));
  if (missing)
    l.fail("TSOS1170", node, typeText, `the object may be an instance of \`${cls.tsName}\`, whose \`${missing.prop}\` a spread would not copy (it is not a field); copy the properties by name`);
  // A member that is a property only once added: whether the copy has that key first depends on the object.
  const late = own.find((f) => f.absent && names.includes(f.key));
  if (late) l.fail("TSOS1170", node, typeText, `the object may have left out \`${late.key}\`, so where the copy gets that key depends on the object; copy the properties by name`);
  const added = names.filter((n) => !own.some((f) => f.key === n));
  // Room for the optional members of the type the copy is made for (`{ ...call }` as a `Passenger` with `pickedAt?`),
  // which the program may assign later: left out, as in a literal of that type.
  const room = result.k === "view" ? result.view.slots.filter((s) => s.kind === "get" && s.optional && !own.some((f) => f.key === s.prop) && !names.includes(s.prop)) : [];
  const ordered = hasKeyOrder(cls.fields);
  const init = literalInits.get(cls);
  if (cls.literal && init && !added.length && !omit.length && !room.length) {
    // The same class: the copy keeps the order in which the source's left-out members were added.
    const args = cls.fields.filter((f) => !f.keyOrder).map((f) => fieldValue(l, f.name, propertyNameOfField(cls, f), f.type, obj, given, node, f.inline));
    const made: Expr = { e: "new", type: { k: "class", cls }, cls, init, args, loc: l.loc(node) };
    return ordered ? withStamps(l, made, cls.fields.filter((f) => f.keyOrder).map((f) => f.name), obj, [], node) : made;
  }
  // A plain object of the source's properties (a class instance's fields, base class first), then the added ones.
  // It has exactly the keys the source has (a member holding undefined included), so it is no spread shape (objects.ts).
  const fields: Field[] = [
    ...own.map((f) => ({ name: f.name, type: f.type, absent: f.absent })),
    ...added.map((n) => ({ name: fieldName({ text: n } as ts.Identifier), type: given(n)!.type })),
    ...room.map((s) => ({ name: fieldName({ text: s.prop } as ts.Identifier), type: s.ret, absent: true })),
  ];
  const values = [
    ...own.map((f) => fieldValue(l, f.name, f.key, f.type, upcast(obj, f.owner), given, node)),
    ...added.map((n) => given(n)!),
    ...room.map((s) => coerce(l, lowerNullLiteral("undefined"), s.ret, node)),
  ];
  const made = newLiteralObject(l, fields, values, node, false, ordered);
  // Without a member that may be added later (or deleted), the copy's keys are always in field order.
  if (!ordered || made.type.k !== "class" || !hasKeyOrder(made.type.cls.fields)) return made;
  const stamps = [KEY_ORDER_COUNTER, ...own.map((f) => keyOrderStamp(f.name))];
  return withStamps(l, made, stamps, obj, added.map((n) => fieldName({ text: n } as ts.Identifier)), node);
}

/** `made` with the key-order fields `copied` taken from `obj`, then the keys `added` stamped after them. */
function withStamps(l: Lowerer, made: Expr, copied: string[], obj: Expr, added: string[], node: ts.Node): Expr {
  const name = l.temp();
  const self: Expr = { e: "local", type: made.type, name };
  const U32 = T.int("u32");
  const xs: Expr[] = copied.map((f) => ({ e: "assign", type: U32, target: { e: "field", type: U32, obj: self, name: f }, value: { e: "field", type: U32, obj, name: f } }));
  for (const f of added) xs.push(stampIfNew(self, f, undefined, l.loc(node)));
  return { e: "bind", type: made.type, name, value: made, body: { e: "seq", type: made.type, xs: [...xs, self] } };
}

function fieldValue(l: Lowerer, field: string, key: string | undefined, type: Type, obj: Expr, given: Given, node: ts.Node, inline?: boolean): Expr {
  const value = key === undefined ? undefined : given(key);
  return value ? coerce(l, value, type, node) : { e: "field", type, obj, name: field, inline };
}
