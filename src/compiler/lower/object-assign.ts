/**
 * lower/object-assign.ts: `Object.assign(target, ...sources)`.
 *
 * Input:  the call. The target is a new object literal (built as the
 *         spread `{ ...target, ...sources }` is, object-spread.ts
 *         assignToLiteral), a class instance, an object-type value
 *         (a view) or a record (record-spread.ts copies into it); each source is an object whose own properties are known
 *         at compile time (object-spread.ts `ownProperties`), or null or
 *         undefined.
 * Output: the target, after each source's properties have been written to
 *         it, through the target's setters where it has them.
 * Invariants:
 *   - Every argument is evaluated first, left to right; then the sources are
 *     copied one after the other, each in its key order, as JavaScript does.
 *   - A null or undefined source adds nothing. An optional property holding
 *     undefined counts as absent, as in object spread (object-spread.ts):
 *     the representation cannot tell it from one set to undefined.
 *   - Each source property must be a writable property of the target's
 *     type: JavaScript would add a new property, which a fixed layout cannot
 *     hold (TSOS1144). A source `{ [key]: value }` whose key is not a
 *     literal writes the member the key names, or panics where the type
 *     has no writable member of that name.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { castTo, coerce, lowerExpr } from "./expr.ts";
import { nullableType, tryIrType, typeName } from "./types.ts";
import { classSetterByName, viewSetter } from "./views.ts";
import { assignToLiteral, ownProperties } from "./object-spread.ts";
import { unwrap } from "./nullable.ts";
import { isRecord, recordLiteral, recordOps, recordValueType } from "./records.ts";
import { recordCopy } from "./record-spread.ts";

/** `Object.assign(...)`; undefined when the call is not one. */
export function objectAssign(l: Lowerer, call: ts.CallExpression): Expr | undefined {
  const [targetArg, ...sourceArgs] = call.arguments;
  if (!targetArg || call.arguments.some(ts.isSpreadElement)) return undefined;
  const binds: { name: string; value: Expr }[] = [];
  const bound = (x: Expr): Expr => {
    const name = l.temp();
    binds.push({ name, value: x });
    return { e: "local", type: x.type, name };
  };
  // `Object.assign({}, base)` with `base` a record: a new record holding the literal's entries, then each source's.
  const result = ts.isObjectLiteralExpression(targetArg) ? tryIrType(l, l.checker.getTypeAtLocation(call), call) : undefined;
  if (result && isRecord(result) && ts.isObjectLiteralExpression(targetArg)) {
    const target = bound(recordLiteral(l, targetArg, result)!);
    return recordAssign(l, target, sourceArgs, bound, binds);
  }
  if (ts.isObjectLiteralExpression(targetArg))
    return assignToLiteral(l, call) ?? l.fail("TSOS1144", targetArg, "a new object with methods or accessors", "build it with spread instead: `{ ...a, ...b }`");
  const target = bound(lowerExpr(l, targetArg));
  if (isRecord(target.type as Type)) return recordAssign(l, target, sourceArgs, bound, binds);
  if (target.type.k !== "view" && !(target.type.k === "class" && target.type.cls.header))
    l.fail("TSOS1144", targetArg, `\`${typeName(target.type)}\``, "the target must be an object of a class, interface or object type");
  const keyed = sourceArgs.length === 1 ? computedKeySource(l, sourceArgs[0]!) : undefined;
  if (keyed) {
    const key = bound(coerce(l, lowerExpr(l, keyed.key), T.str, keyed.key));
    const value = bound(lowerExpr(l, keyed.value));
    let body: Expr = { e: "seq", type: target.type, xs: [writeByKey(l, target, targetArg, key, value, keyed.value), target] };
    for (let i = binds.length - 1; i >= 0; i--) body = { e: "bind", type: body.type, name: binds[i]!.name, value: binds[i]!.value, body };
    return body;
  }
  const sources = sourceArgs.map((a) => ({ arg: a, value: bound(lowerExpr(l, a)) }));
  const writes: Expr[] = [];
  for (const { arg, value } of sources) {
    const present = value.type.k === "nullable" ? bound(unwrap(l, value, arg)) : value;
    const copies: Expr[] = [];
    for (const p of ownProperties(l, present, l.checker.getNonNullableType(l.checker.getTypeAtLocation(arg)), arg)) {
      const set = target.type.k === "view" ? viewSetter(l, target, p.name, arg) : classSetterByName(l, target, p.name, arg);
      if (!set) l.fail("TSOS1144", arg, `\`${typeName(target.type)}\``, `it has no writable property \`${p.name}\`, and an object's layout is fixed`);
      copies.push(p.optional ? copyIfPresent(l, p.read, set, arg) : set.call(coerce(l, p.read, set.param, arg)));
    }
    if (value.type.k !== "nullable") writes.push(...copies);
    else writes.push(skipWhen({ e: "isnullish", type: T.bool, x: value, which: "either" }, copies));
  }
  let body: Expr = { e: "seq", type: target.type, xs: [...writes, target] };
  for (let i = binds.length - 1; i >= 0; i--) body = { e: "bind", type: body.type, name: binds[i]!.name, value: binds[i]!.value, body };
  return body;
}

/** `{ [field]: value }` with a key that is not a literal: its key and value expressions; else undefined. */
function computedKeySource(l: Lowerer, arg: ts.Expression): { key: ts.Expression; value: ts.Expression } | undefined {
  let x = arg;
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isObjectLiteralExpression(x) || x.properties.length !== 1) return undefined;
  const p = x.properties[0]!;
  if (!ts.isPropertyAssignment(p) || !ts.isComputedPropertyName(p.name)) return undefined;
  const keyType = l.checker.getTypeAtLocation(p.name.expression);
  if (keyType.isStringLiteral() || !(keyType.flags & ts.TypeFlags.StringLike)) return undefined;
  return { key: p.name.expression, value: p.initializer };
}

/**
 * `Object.assign(out, { [field]: value })` on an object of known members: the member the key names is
 * written, the value cast to its type (checked, as tsc trusted the key); a key the type does not have
 * panics (JavaScript would add a property, which a fixed layout cannot hold).
 */
function writeByKey(l: Lowerer, target: Expr, targetArg: ts.Expression, key: Expr, value: Expr, node: ts.Expression): Expr {
  const loc = l.loc(node);
  const names = l.checker.getPropertiesOfType(l.checker.getNonNullableType(l.checker.getTypeAtLocation(targetArg))).map((p) => p.name);
  const message: Expr = {
    e: "concat",
    type: T.str,
    parts: [{ e: "str", type: T.str, value: `Object.assign with a computed key cannot write the property ` }, key, { e: "str", type: T.str, value: ` of \`${typeName(target.type)}\`: the type has no writable member of that name (JavaScript would add or write it)` }],
  };
  let out: Expr = { e: "panic", type: T.bool, message, loc };
  for (const name of names.reverse()) {
    const set = quietly(l, () => (target.type.k === "view" ? viewSetter(l, target, name, node) : classSetterByName(l, target, name, node)));
    if (!set) continue;
    // An optional member (`Partial<Item>`) takes the value as its present type.
    const present = set.param.k === "nullable" && value.type.k !== "nullable" ? set.param.inner : set.param;
    const given = quietly(l, () => coerce(l, castTo(l, value, present, node), set.param, node));
    if (!given) continue;
    const hit: Expr = { e: "streq", type: T.bool, negate: false, a: key, b: { e: "str", type: T.str, value: name } };
    out = { e: "cond", type: T.bool, c: hit, a: { e: "seq", type: T.bool, xs: [set.call(given), { e: "bool", type: T.bool, value: true }] }, b: out };
  }
  return out;
}

/**
 * `Object.assign(record, ...sources)` on a `Record<string, V>`: every source
 * is evaluated first, then its entries (a record's, or an object's known
 * properties) are set into the record in its key order (record-spread.ts).
 */
function recordAssign(l: Lowerer, target: Expr, sourceArgs: ts.Expression[], bound: (x: Expr) => Expr, binds: { name: string; value: Expr }[]): Expr {
  const v = recordValueType(target.type);
  const sources = sourceArgs.map((arg) => ({ arg, value: bound(lowerExpr(l, arg)) }));
  let body: Expr = target;
  for (const { arg, value } of sources.reverse()) {
    const copy = recordCopy(l, value, arg, v, recordOps(l))(target);
    body = { e: "seq", type: target.type, xs: [copy, body] };
  }
  for (let i = binds.length - 1; i >= 0; i--) body = { e: "bind", type: body.type, name: binds[i]!.name, value: binds[i]!.value, body };
  return body;
}

/** `set(read)` unless `read` is undefined (an absent optional property). */
function copyIfPresent(l: Lowerer, read: Expr, set: { param: Type; call: (x: Expr) => Expr }, node: ts.Node): Expr {
  const name = l.temp();
  const value: Expr = { e: "local", type: read.type, name };
  // A target property that admits undefined takes the value as it is; else past the check it is present.
  const admits = set.param.k === "nullable" && set.param.undef;
  const given = admits || read.type.k !== "nullable" ? value : unwrapUndefined(l, read.type, value, node);
  const write = set.call(coerce(l, given, set.param, node));
  return { e: "bind", type: T.bool, name, value: read, body: skipWhen({ e: "isnullish", type: T.bool, x: value, which: "undefined" }, [write]) };
}

/** A `T | null | undefined` known not to be undefined: `T | null`, or `T` when null is not a member either. */
function unwrapUndefined(l: Lowerer, t: Type, x: Expr, node: ts.Node): Expr {
  if (t.k !== "nullable") return x;
  if (!t.null) return { e: "unwrap", type: t.inner, x, loc: l.loc(node) };
  return { e: "reopt", type: nullableType(l, t.inner, true, false), x };
}

/** `skip ? false : (xs..., true)`: the writes, unless `skip`. */
function skipWhen(skip: Expr, xs: Expr[]): Expr {
  return { e: "cond", type: T.bool, c: skip, a: { e: "bool", type: T.bool, value: false }, b: { e: "seq", type: T.bool, xs: [...xs, { e: "bool", type: T.bool, value: true }] } };
}
