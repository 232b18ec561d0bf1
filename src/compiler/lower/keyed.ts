/**
 * lower/keyed.ts: `o[k]` on an object whose keys are known: a class
 * instance, an object literal or a view (interface, object type), with `k`
 * a string literal union (`Priority`, `keyof Todo`, `Dir`) or a string.
 *
 * Input:  an ElementAccessExpression read, assigned (`o[k] = v`,
 *         `o[k] += v`) or incremented (`o[k]++`), whose object is no array,
 *         string, tuple or record (those have their own lowering).
 * Output: the object and the key evaluated once into temporaries, then a
 *         chain of string comparisons over the candidate keys, each reading
 *         or writing its property by name (a field, an accessor or a view
 *         slot), as `o.name` would.
 * Invariants:
 *   - Evaluation order is JavaScript's: object, key, (old value,) right
 *     side, write.
 *   - The candidate keys are the literal members of the key's type, else
 *     every property of the object's type. Where their properties' types
 *     differ and the read has no one type, the enclosing expression is
 *     compiled per key (lower/key-distribution.ts). A key that is no property reads
 *     `undefined` where the result type admits it; otherwise (only a value
 *     cast past the checker can get there) the read or write panics.
 */
import ts from "typescript";
import { isMappedOverParam } from "./mapped-types.ts";
import type { ClassInst, Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, isExpr, lowerExpr, lowerGiven, truthValue } from "./expr.ts";
import { isProbe } from "./probes.ts";
import { irType, mangle, nullableType, sameType, tryIrType, typeName } from "./types.ts";
import { unionOfTypes } from "./unions.ts";
import { classInfo, isStatic } from "./classes.ts";
import { classSetterByName, literalMembers, viewSetter } from "./views.ts";
import { isTuple } from "./destructure.ts";
import { tupleAsArray } from "./tuples.ts";
import { isRecord, recordValueType } from "./records.ts";
import { propertyNameOfField, readProperty } from "./object-spread.ts";
import { accessorUpdate } from "./accessors.ts";
import { lowerNullLiteral, narrowRead } from "./nullable.ts";
import { keysOfParam } from "./key-params.ts";
import { distributeIfTarget, keyOverride, keyParamOverride, quietIrType } from "./key-distribution.ts";

export function isKeyedObject(t: Type): boolean {
  if (t.k === "view") return true;
  return t.k === "class" && !!t.cls.header && !isTuple(t) && !isRecord(t);
}

/**
 * The literal keys of k's type (`"a" | "b"`, `keyof Todo`), "all" when k is a
 * string-like key without literals (a `K extends keyof T` parameter, `keyof
 * T & string`), undefined if k is no string key.
 */
function literalKeys(l: Lowerer, x: ts.ElementAccessExpression): string[] | "all" | "any string" | undefined {
  const kt = l.checker.getTypeAtLocation(x.argumentExpression);
  const parts = kt.isUnion() ? kt.types : [kt];
  if (parts.every((p) => p.isStringLiteral())) return parts.map((p) => (p as ts.StringLiteralType).value);
  const param = keysOfParam(l, kt);
  if (param) return param;
  const generic = (t: ts.Type): boolean => !!(t.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Index)) || (t.isIntersection() && t.types.some(generic));
  if (generic(kt)) return "all";
  // `({ "&": "&amp;", "<": "&lt;" })[ch]` with `ch: string`: tsc lets a fresh object literal be indexed by any
  // string, reading `T | undefined`.
  let o: ts.Expression = x.expression;
  while (ts.isParenthesizedExpression(o)) o = o.expression;
  if (kt.flags & ts.TypeFlags.String && ts.isObjectLiteralExpression(o)) return "any string";
  return undefined;
}

/**
 * The names a fresh object literal inherits from Object.prototype (ECMA-262 §20.1.3): JavaScript reads a
 * function there, which a literal indexed by any string cannot give, so such a key panics instead of
 * reading undefined.
 */
export const OBJECT_PROTOTYPE_NAMES = ["constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];

/** The data properties of a keyed object (fields, getters, view properties): what `o[k]` can name. */
function objectKeys(l: Lowerer, o: Expr): string[] {
  if (o.type.k === "view") return o.type.view.slots.filter((s) => s.kind === "get").map((s) => s.prop);
  if (o.type.k !== "class") return [];
  const keys: string[] = [];
  for (let c: ClassInst | undefined = o.type.cls; c; c = c.base) {
    for (const f of c.fields) {
      const name = propertyNameOfField(c, f);
      if (name !== undefined && !keys.includes(name)) keys.push(name);
    }
    if (c.literal) {
      for (const [name, fns] of literalMembers(l, c)) if (fns.get && !keys.includes(name)) keys.push(name);
      continue;
    }
    for (const m of classInfo(c).decl.members)
      if (ts.isGetAccessor(m) && ts.isIdentifier(m.name) && !isStatic(m) && !keys.includes(m.name.text)) keys.push(m.name.text);
  }
  return keys;
}

function temp(l: Lowerer, value: Expr, binds: { name: string; value: Expr }[]): Expr {
  if (value.e === "str" || value.e === "int") return value;
  const name = l.temp();
  binds.push({ name, value });
  return { e: "local", type: value.type, name };
}

function wrap(binds: { name: string; value: Expr }[], body: Expr): Expr {
  for (let i = binds.length - 1; i >= 0; i--) body = { e: "bind", type: body.type, name: binds[i]!.name, value: binds[i]!.value, body };
  return body;
}

function keyIs(key: Expr, name: string): Expr {
  return { e: "streq", type: T.bool, negate: false, a: key, b: { e: "str", type: T.str, value: name } };
}

/** A chain `key == k1 ? f(k1) : key == k2 ? f(k2) : ... : missing`. */
function chain(keys: string[], key: Expr, type: Type, each: (k: string) => Expr, missing: Expr): Expr {
  let out = missing;
  for (let i = keys.length - 1; i >= 0; i--) out = { e: "cond", type, c: keyIs(key, keys[i]!), a: each(keys[i]!), b: out };
  return out;
}

/** What a key outside the candidates gives: undefined if `type` admits it, else a panic (yielding a value of `type` for C). */
function missingKey(l: Lowerer, type: Type, fallback: Expr, node: ts.Node, anyString?: Expr, otherKeys: string[] = []): Expr {
  const panic = (message: string): Expr => ({ e: "seq", type, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: message }, loc: l.loc(node) }, fallback] });
  if (!(type.k === "nullable" && type.undef)) return panic("a key that is not a property of the object");
  const undef = coerce(l, lowerNullLiteral("undefined"), type, node);
  if (!anyString) return undef;
  const named = (names: string[]): Expr | undefined =>
    names.map((n): Expr => ({ e: "streq", type: T.bool, negate: false, a: anyString, b: { e: "str", type: T.str, value: n } })).reduce<Expr | undefined>((a, b) => (a ? { e: "logic", type: T.bool, op: "||", a, b } : b), undefined);
  const other = named(otherKeys);
  const inherited: Expr = { e: "cond", type, c: named(OBJECT_PROTOTYPE_NAMES)!, a: panic("reading a property an object literal inherits from Object.prototype through a string key"), b: undef };
  return other ? { e: "cond", type, c: other, a: panic("a key cast to other keys names a property of another type"), b: inherited } : inherited;
}

/** Whether the key of `x` is cast (`o[c as "n" | "t"]`, `o[<"b">k]`): it may hold another string. */
function isCastKey(x: ts.ElementAccessExpression): boolean {
  let key = x.argumentExpression;
  while (ts.isParenthesizedExpression(key)) key = key.expression;
  return ts.isAsExpression(key) || ts.isTypeAssertionExpression(key);
}

/** The object and candidate keys of a keyed access, or undefined if `x` is none. */
function keyedParts(l: Lowerer, x: ts.ElementAccessExpression, obj?: Expr): { obj: Expr; keys: string[]; oneKey: boolean; anyString: boolean } | undefined {
  const lits = literalKeys(l, x);
  if (!lits) return undefined;
  const o = obj ?? lowerExpr(l, x.expression);
  if (!isKeyedObject(o.type)) return undefined;
  // Inside a copy made for one key (lower/key-distribution.ts), that key alone.
  const only = keyOverride(l, x.argumentExpression);
  let keys = only !== undefined ? [only] : lits === "all" || lits === "any string" ? objectKeys(l, o) : lits;
  // A key cast to some of the keys (`W[k as "a"]`) may hold any of them, as JavaScript reads it: every key
  // whose property has the type of the named ones is a candidate.
  if (only === undefined && isCastKey(x) && Array.isArray(lits)) {
    const named = readProperty(l, o, keys[0]!, x).type;
    const all = objectKeys(l, o);
    if (keys.every((k) => all.includes(k)) && all.every((k) => sameType(readProperty(l, o, k, x).type, named))) keys = all;
  }
  if (!keys.length) l.fail("TSOS1172", x.argumentExpression, l.checker.typeToString(l.checker.getTypeAtLocation(x.argumentExpression)), typeName(o.type), "the object has no properties to index");
  return { obj: o, keys, oneKey: only !== undefined, anyString: lits === "any string" };
}

/**
 * The type of the reads: the checker's type of `o[k]`, or the one type every candidate property has.
 * `oneKey`: inside a copy made for one key (lower/key-distribution.ts).
 */
function readType(l: Lowerer, x: ts.ElementAccessExpression, o: Expr, keys: string[], oneKey: boolean): Type {
  const types = keys.map((k) => readProperty(l, o, k, x).type);
  const same = types.every((t) => sameType(t, types[0]!));
  // Different types by key: the nearest enclosing expression with one type is compiled per key (lower/key-distribution.ts).
  // Read-only tuples of different lengths (`patterns[name]` of an `as const` object) read as one array type (types.ts).
  const list = !same && types.every((t) => isTuple(t)) ? quietIrType(l, l.checker.getTypeAtLocation(x), x) : undefined;
  if (list?.k === "array") return list;
  if (!same) distributeIfTarget(l, x, keys);
  // In a copy for one key the checker's type is still that of every key: the property's own.
  if (oneKey) return types[0]!;
  const checked = quietIrType(l, l.checker.getTypeAtLocation(x), x);
  if (checked && !(same && types[0]!.k === "nullable" && checked.k !== "nullable")) return checked;
  if (same) return types[0]!;
  return irType(l, l.checker.getTypeAtLocation(x), x);
}

/** `o[k]` read; `obj` is the already lowered object. Undefined if this is no keyed access. */
export function keyedRead(l: Lowerer, x: ts.ElementAccessExpression, obj: Expr): Expr | undefined {
  const parts = keyedParts(l, x, obj);
  if (!parts) return undefined;
  const binds: { name: string; value: Expr }[] = [];
  const o = temp(l, parts.obj, binds);
  const key = temp(l, lowerExpr(l, x.argumentExpression, T.str), binds);
  const read0 = readType(l, x, o, parts.keys, parts.oneKey);
  // `({ n: "\n", t: "\t" })[c as "n" | "t"] ?? c`: a key cast to the object's keys, where the program tests the
  // read for absence, may be no key at all; the read is then undefined, as in JavaScript. (A key that is no
  // candidate, whose property has another type, panics: JavaScript would read that property.)
  const type = isCastKey(x) && isProbe(x) && !(read0.k === "nullable" && read0.undef) ? nullableType(l, read0, false, true) : read0;
  const read = (k: string): Expr => {
    const p = readProperty(l, o, k, x);
    return coerce(l, type.k === "array" && isTuple(p.type) ? (tupleAsArray(l, p, x) ?? p) : p, type, x);
  };
  const others = type !== read0 ? objectKeys(l, o).filter((k) => !parts.keys.includes(k)) : [];
  const value = wrap(binds, chain(parts.keys, key, type, read, missingKey(l, type, read(parts.keys[0]!), x, parts.anyString || type !== read0 ? key : undefined, others)));
  // Where the checker narrowed the read (`o[k]` after `o[k] = v`), as for `o.name` (not in a copy for one
  // key, lower/key-distribution.ts: the checker's type there is that of every key).
  return parts.oneKey ? value : narrowRead(l, x, value);
}

/** A write of `value` (a pure read) to property `k` of `o`: the value of the expression is `value`. */
function writeProperty(l: Lowerer, o: Expr, k: string, value: Expr, node: ts.Node): Expr {
  const set = o.type.k === "view" ? viewSetter(l, o, k, node) : classSetterByName(l, o, k, node);
  if (!set) l.fail("TSOS1018", node, k, typeName(o.type));
  return { e: "seq", type: value.type, xs: [set.call(coerce(l, value, set.param, node)), value] };
}

/**
 * The target of a write to `o[k]`: the object and the key evaluated once into
 * `binds`, the property type, the old value read once (`readOld`, which adds
 * its temporary to `binds`), and a store of a pure value `v` to whichever
 * candidate key `k` holds (`store`).
 */
function keyedTarget(l: Lowerer, x: ts.ElementAccessExpression, node: ts.Node) {
  const parts = keyedParts(l, x);
  if (!parts) return undefined;
  const binds: { name: string; value: Expr }[] = [];
  const o = temp(l, parts.obj, binds);
  const key = temp(l, lowerExpr(l, x.argumentExpression, T.str), binds);
  const type = readType(l, x, o, parts.keys, parts.oneKey);
  const read = (k: string): Expr => coerce(l, readProperty(l, o, k, x), type, x);
  const readOld = (): Expr => temp(l, chain(parts.keys, key, type, read, missingKey(l, type, read(parts.keys[0]!), x)), binds);
  const store = (v: Expr): Expr => chain(parts.keys, key, v.type, (k) => writeProperty(l, o, k, v, node), missingKey(l, { k: "void" }, v, node));
  return { binds, type, readOld, store };
}

/**
 * `o[k] = v`, `o[k] op= v`, `o[k]++`: `update` computes the new value from
 * the old one (absent for a plain assignment, which never reads).
 */
function keyedWrite(l: Lowerer, x: ts.ElementAccessExpression, value: ts.Expression | Expr | undefined, update: ((old: Expr) => Expr) | undefined, postfix: boolean, node: ts.Node): Expr | undefined {
  const t = keyedTarget(l, x, node);
  if (!t) return undefined;
  const { binds, type } = t;
  let next: Expr;
  let result: Expr;
  if (!update) {
    next = temp(l, coerce(l, lowerGiven(l, value!, type), type, isExpr(value!) ? node : value!), binds);
    result = next;
  } else {
    const old = t.readOld();
    next = temp(l, coerce(l, update(old), type, node), binds);
    result = postfix ? old : next;
  }
  return wrap(binds, { e: "seq", type: result.type, xs: [t.store(next), result] });
}

/** `o[k] = v` and `o[k] op= v` on a keyed object; undefined otherwise. */
/** `o[k] = value` with the value already lowered (a destructuring assignment's element); undefined when `o` is not keyed. */
export function keyedStore(l: Lowerer, target: ts.Expression, value: Expr, node: ts.Node): Expr | undefined {
  while (ts.isParenthesizedExpression(target)) target = target.expression;
  if (!ts.isElementAccessExpression(target) || !isKeyedCandidate(l, target)) return undefined;
  return keyedWrite(l, target, value, undefined, false, node);
}

export function keyedAssign(l: Lowerer, b: ts.BinaryExpression, compound: ts.SyntaxKind | undefined): Expr | undefined {
  let left = b.left;
  while (ts.isParenthesizedExpression(left)) left = left.expression;
  if (!ts.isElementAccessExpression(left) || !isKeyedCandidate(l, left)) return undefined;
  return keyedWrite(l, left, compound === undefined ? b.right : undefined, compound === undefined ? undefined : accessorUpdate(l, compound, b.right, b), false, b);
}

/**
 * `o[k] ??= v`, `o[k] ||= v`, `o[k] &&= v` on a keyed object (undefined
 * otherwise): the old value is read once; `v` is evaluated and written only
 * when JavaScript assigns, and the expression is the written value or the old one.
 */
export function keyedLogicalAssign(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  let left = b.left;
  while (ts.isParenthesizedExpression(left)) left = left.expression;
  if (!ts.isElementAccessExpression(left) || !isKeyedCandidate(l, left)) return undefined;
  const t = keyedTarget(l, left, b);
  if (!t) return undefined;
  const { binds, type } = t;
  const old = t.readOld();
  const op = b.operatorToken.kind;
  const assigns: Expr =
    op === ts.SyntaxKind.QuestionQuestionEqualsToken ? (type.k === "nullable" || type.k === "dyn" ? { e: "isnullish", type: T.bool, x: old, which: "either" } : { e: "bool", type: T.bool, value: false })
    : op === ts.SyntaxKind.BarBarEqualsToken ? { e: "not", type: T.bool, x: truthValue(l, old, b.left) }
    : truthValue(l, old, b.left);
  const want = type.k === "nullable" ? type.inner : type;
  // The right side runs only when JavaScript assigns, so it is bound here, not among `binds`.
  const name = l.temp();
  // An object or array is truthy whenever it is there: `||=` on one assigns exactly when `??=` would.
  const objectLike = type.k === "nullable" && ["array", "class", "view", "fn"].includes(type.inner.k);
  if ((op === ts.SyntaxKind.QuestionQuestionEqualsToken || (op === ts.SyntaxKind.BarBarEqualsToken && objectLike)) && type.k === "nullable" && !type.null) {
    // `(this.handlers[k] ??= []).push(f)`, `(acc[k] ||= []).push(x)`: the value is present either way, and typed so.
    const v: Expr = { e: "local", type: want, name };
    const made: Expr = { e: "bind", type: want, name, value: coerce(l, lowerExpr(l, b.right, want), want, b.right), body: { e: "seq", type: want, xs: [t.store(coerce(l, v, type, b)), v] } };
    return wrap(binds, { e: "cond", type: want, c: assigns, a: made, b: { e: "unwrap", type: want, x: old, loc: l.loc(b) } });
  }
  const next: Expr = { e: "local", type, name };
  const assigned: Expr = { e: "bind", type, name, value: coerce(l, lowerExpr(l, b.right, want), type, b.right), body: { e: "seq", type, xs: [t.store(next), next] } };
  return wrap(binds, { e: "cond", type, c: assigns, a: assigned, b: old });
}

/** `o[k]++` and friends on a keyed object; undefined otherwise. */
export function keyedIncDec(l: Lowerer, operand: ts.Expression, op: "+" | "-", postfix: boolean, node: ts.Node): Expr | undefined {
  while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
  if (!ts.isElementAccessExpression(operand) || !isKeyedCandidate(l, operand)) return undefined;
  return keyedWrite(l, operand, undefined, accessorUpdate(l, op === "+" ? "inc" : "dec", undefined, node), postfix, node);
}

/** Whether the checker's types make `x` a keyed access (decided before lowering anything). */
function isKeyedCandidate(l: Lowerer, x: ts.ElementAccessExpression): boolean {
  const ot = l.checker.getTypeAtLocation(x.expression);
  if (l.checker.isArrayType(ot) || l.checker.isTupleType(ot) || ot.flags & ts.TypeFlags.StringLike) return false;
  if (!(ot.flags & ts.TypeFlags.TypeParameter) && (ot.getStringIndexType() || ot.getNumberIndexType()) && !isMappedOverParam(l, ot)) return false;
  if (!(ot.flags & ts.TypeFlags.Object) && !ot.isIntersection() && !(ot.flags & ts.TypeFlags.TypeParameter)) return false;
  return literalKeys(l, x) !== undefined;
}

/**
 * `T[K]` as a type (`T[K][]` in `pluck<T, K extends keyof T>`), T already
 * substituted: the one IR type every candidate property of T has; undefined
 * if they differ (or T is no keyed object).
 */
export function indexedAccessType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  if (!(type.flags & ts.TypeFlags.IndexedAccess)) return undefined;
  const t = type as ts.IndexedAccessType;
  const objType = tryIrType(l, t.objectType, node);
  // `Record<K, V>[K]` (a generic record read by its key parameter): V.
  if (objType && isRecord(objType)) return recordValueType(objType);
  // `L[number]` of a generic type that is an array in this instance (`[...list]`): its element type.
  if (objType?.k === "array" && t.indexType.flags & ts.TypeFlags.NumberLike) return objType.elem;
  if (!objType || !isKeyedObject(objType)) return undefined;
  const index = t.indexType;
  const parts = index.isUnion() ? index.types : [index];
  const o: Expr = { e: "local", type: objType, name: "_" };
  // Inside a copy made for one key of a variable typed by a key parameter (lower/key-distribution.ts), that key.
  const only = keyParamOverride(l, index);
  const keys = only !== undefined ? [only] : parts.every((p) => p.isStringLiteral()) ? parts.map((p) => (p as ts.StringLiteralType).value) : (keysOfParam(l, index) ?? objectKeys(l, o));
  const types = keys.map((k) => readProperty(l, o, k, node).type);
  if (!types.length) return undefined;
  if (types.every((x) => sameType(x, types[0]!))) return types[0];
  return valueUnionOf(l, types);
}

/**
 * `T[K]` where K is a union of keys whose properties have different types (`get(user, k)` with `k:
 * keyof User`): the union of those types when they are strings, numbers and booleans; undefined otherwise.
 */
function valueUnionOf(l: Lowerer, types: Type[]): Type | undefined {
  // Values only (`string | number | boolean`): where objects, arrays or functions differ by key, the
  // expression around the read is compiled per key instead (lower/key-distribution.ts).
  return unionOfTypes(l, types, mangle, (inner, n, u) => nullableType(l, inner, n, u), (m) => m.k === "str" || m.k === "int" || m.k === "bool");
}
