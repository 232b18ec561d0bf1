/**
 * lower/iterables.ts: the iteration protocol (hosted target): custom
 * iterables, `Iterator<T>` values, `IteratorResult<T>` and everything that
 * consumes an iterable that is not an array, a string or a collection.
 *
 * Input:  the types `IteratorResult<T>` (and its two halves), `Iterator<T>`;
 *         classes with a `[Symbol.iterator]()` method; object literals
 *         `{ value, done }` where an IteratorResult is expected; `r.value` and
 *         `r.done`; `for...of`, spread, `Array.from`, array destructuring and
 *         `new Set/Map(...)` over an iterable; `it.next()` and
 *         `x[Symbol.iterator]()` called by hand.
 * Output:
 *   - IteratorResult<T> is `T | undefined` (a nullable, nullable.ts): absent
 *     means done, with an undefined value. A T that itself admits
 *     undefined is refused (TSOS1240): its results could not be told apart.
 *     IteratorResult<T, R> with a real R (a generator that returns a value)
 *     is the object `{ value, done }` instead (stepType; an `Iterator<T, R>`
 *     view with one is refused, TSOS1240).
 *   - Iterator<T> is a view (views.ts) with the single slot `next`, so any
 *     class or object literal with a `next()` method converts to it; a
 *     generator's class has `next` as a literal member (generators.ts).
 *   - A `[Symbol.iterator]` method is the class member named `@@iterator`.
 *   - `for...of` over an iterable calls `[Symbol.iterator]()` once, then
 *     `next()` until it reports done; a generator is resumed directly
 *     (monomorphized, no table call). Spread, Array.from and `new Set(...)`
 *     collect the elements into a new array first (nothing runs between the
 *     steps, so the copy is exact); array destructuring takes only as many
 *     elements as the pattern names, as JavaScript does, then stops.
 * Invariants: an early exit from `for...of` over a generator (break, return,
 *   a labeled jump) closes it, as JavaScript's `return()` does; a generator
 *   leaves through its finally blocks (generators.ts). A user iterator with
 *   its own `return()` method is refused (TSOS1241): we never call it.
 */
import ts from "typescript";
import type { ClassInst, Expr, Field, Stmt, Type, ViewInst, ViewSlot } from "../ir.ts";
import { T, childExprs } from "../ir.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { castTo, coerce, lowerExpr } from "./expr.ts";
import { arrayType, fnType, mangle, nullableType, sameType, tryIrType, typeName } from "./types.ts";
import { classMember } from "./views.ts";
import { registerFinisher, resolveMember } from "./dispatch.ts";
import { literalObjectType, newLiteralObject } from "./objects.ts";
import { elementOrUndefined } from "./probes.ts";
import { narrowRead, unwrap } from "./nullable.ts";
import { errorClass, throwValue } from "./exceptions.ts";
import { isArrayIteratorCall, stdCall, stdDeclaration } from "./array-methods.ts";
import { classInstance, constructorOf } from "./classes.ts";
import { markConstructed } from "./dispatch.ts";
import { collectionEach, collectionKind, isCollectionIteratorCall, iteratorResultAccess } from "./collections.ts";
import { genClassOf, genNext, genClose, isGenType } from "./generators.ts";
import { arrayLength, indexLoop } from "./index-loop.ts";
import { typedArrayEach } from "./typed-arrays.ts";

/** The member key of `[Symbol.iterator]` (classes.ts, dispatch.ts). */
export const ITERATOR_KEY = "@@iterator";

const RESULT_NAMES = new Set(["IteratorResult", "IteratorYieldResult", "IteratorReturnResult"]);
const GEN_NAMES = new Set(["Generator", "IterableIterator", "IteratorObject"]);


/** `[Symbol.iterator]` as a member name. */
export function isSymbolIteratorName(name: ts.Node | undefined): boolean {
  if (!name || !ts.isComputedPropertyName(name)) return false;
  const x = name.expression;
  return ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === "Symbol" && x.name.text === "iterator";
}

/** The C-friendly name of a method declaration: its identifier, or `iterator` for `[Symbol.iterator]`. */
export function methodNameText(name: ts.Node | undefined): string | undefined {
  if (name && ts.isIdentifier(name)) return name.text;
  if (isSymbolIteratorName(name)) return "iterator";
  return undefined;
}

// ---------------------------------------------------------------- types

/** What a protocol type is: a result, an iterator view or a generator object; undefined for other types. */
function protocolKind(checker: ts.TypeChecker, type: ts.Type): { kind: "result" | "iterator" | "gen" | "iterable"; args: readonly ts.Type[] } | undefined {
  const alias = type.aliasSymbol;
  if (alias && isLibSymbol(alias) && RESULT_NAMES.has(alias.name)) return { kind: "result", args: type.aliasTypeArguments ?? [] };
  if (type.isUnion()) {
    const parts = type.types.map((t) => protocolKind(checker, t));
    const yieldPart = type.types.find((t) => t.getSymbol()?.name === "IteratorYieldResult");
    if (parts.every((p) => p?.kind === "result") && yieldPart) return { kind: "result", args: (yieldPart as ts.TypeReference).typeArguments ?? [] };
    const literal = literalResultUnion(checker, type);
    if (literal) return { kind: "result", args: [literal] };
    // `Generator<T> | IterableIterator<T>`: one generator class when the element types agree.
    if (parts.every((p) => p?.kind === "gen" && p.args[0] === parts[0]!.args[0])) return parts[0];
    return undefined;
  }
  const sym = type.getSymbol();
  if (!isLibSymbol(sym) || !(sym.flags & ts.SymbolFlags.Interface)) return undefined;
  const args = (type as ts.TypeReference).typeArguments ?? [];
  if (RESULT_NAMES.has(sym.name)) return { kind: "result", args };
  // `const it = xs[Symbol.iterator]()`: an array's cursor, used by its `next()`.
  if (sym.name === "Iterator") return { kind: "iterator", args };
  if (sym.name === "ArrayIterator") return { kind: "iterator", args: args.slice(0, 1) };
  if (sym.name === "Iterable") return { kind: "iterable", args };
  if (GEN_NAMES.has(sym.name)) return { kind: "gen", args };
  // `m.keys()` kept as a value: lib/std/map.ts's keyIterator and the like are generators (collections.ts).
  if (sym.name === "MapIterator" || sym.name === "SetIterator") return { kind: "gen", args: args.slice(0, 1) };
  return undefined;
}

/**
 * The inferred type of an arrow `next: () => (i < n ? { value: x, done: false }
 * : { value: undefined, done: true })`: object literal types with exactly
 * `value` and `done`, one of them done with an undefined value, the others
 * not done with one value type. That value type, else undefined.
 */
function literalResultUnion(checker: ts.TypeChecker, type: ts.UnionType): ts.Type | undefined {
  let value: ts.Type | undefined;
  let doneSeen = false;
  for (const t of type.types) {
    const sym = t.getSymbol();
    if (!sym || !(sym.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral))) return undefined;
    const props = t.getProperties();
    const v = props.find((p) => p.name === "value");
    const d = props.find((p) => p.name === "done");
    if (props.length !== 2 || !v || !d || !v.valueDeclaration || !d.valueDeclaration) return undefined;
    const dt = checker.getTypeOfSymbol(d);
    const doneText = dt.flags & ts.TypeFlags.BooleanLiteral ? checker.typeToString(dt) : undefined;
    const vt = checker.getTypeOfSymbol(v);
    if (!doneText) return undefined;
    if (doneText === "true") {
      if (doneSeen || !(vt.flags & ts.TypeFlags.Undefined)) return undefined;
      doneSeen = true;
    } else if (doneText === "false") {
      if (value && value !== vt) return undefined;
      value = vt;
    } else return undefined;
  }
  return doneSeen ? value : undefined;
}

/** Whether a TypeScript type is a generator object's (Generator, IterableIterator, IteratorObject). */
export function isGenTsType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return protocolKind(checker, type)?.kind === "gen";
}

/** Whether a TypeScript type is an IteratorResult (or one of its halves). */
export function isResultTsType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return protocolKind(checker, type)?.kind === "result";
}

/** The IR type of IteratorResult<T>, Iterator<T>, Generator<T> / IterableIterator<T>; undefined for others. */
export function protocolIrType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const p = protocolKind(l.checker, type);
  if (!p) return undefined;
  if (l.target !== "host") l.fail("TSOS1240", node, `\`${l.checker.typeToString(type)}\` in kernel code`, "iterate over an array");
  const first = p.args[0];
  // IteratorReturnResult<undefined> alone (a narrowed done result): its yield type is not known here.
  if (!first || (p.kind === "result" && type.getSymbol()?.name === "IteratorReturnResult" && !type.aliasSymbol)) return undefined;
  const elem = tryIrType(l, first, node);
  if (!elem) return undefined;
  const ret = p.args[1];
  // A generator that never returns (`Generator<T, never>`, an endless one) has no return value either.
  const returning = !!ret && !(ret.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) && !isBuiltinReturn(ret);
  // A generator's own type may return a value (`Generator<T, R>`: lower/generators.ts keeps it); an Iterator's may not.
  if (returning && p.kind === "iterator")
    l.fail("TSOS1240", node, `\`${l.checker.typeToString(type)}\`, whose return value is not undefined`, "return nothing from the iterator: `{ done: true, value: undefined }`, or write it as a generator");
  if (p.kind === "result") return returning ? stepType(l, type, node) : resultType(l, elem, node);
  if (p.kind === "iterator") return { k: "view", view: iteratorView(l, elem, node) };
  if (p.kind === "iterable") return { k: "view", view: iterableView(l, elem, node) };
  return { k: "class", cls: genClassOf(l, elem, node) };
}

function isBuiltinReturn(t: ts.Type): boolean {
  return !!(t.flags & ts.TypeFlags.Any) || t.aliasSymbol?.name === "BuiltinIteratorReturn";
}

const stepClasses = new WeakSet<ClassInst>();

/**
 * IteratorResult<T, R> of a generator that returns a value (R not undefined):
 * the object `{ value, done }` itself, its value `T | R | undefined` (the
 * done step holds the return value once, undefined after; lower/generators.ts
 * makes them).
 */
function stepType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const valueSym = l.checker.getPropertyOfType(type, "value");
  const value = valueSym && tryIrType(l, l.checker.getTypeOfSymbol(valueSym), node);
  if (!value) return undefined;
  if (value.k === "void" || value.k === "dyn") l.fail("TSOS1240", node, `an iterator result of \`${typeName(value)}\``, "yield and return values that are never undefined");
  const held = value.k === "nullable" ? nullableType(l, value.inner, value.null, true) : nullableType(l, value, false, true);
  const t = literalObjectType(l, [{ name: "value", type: held }, { name: "done", type: T.bool }], node);
  stepClasses.add((t as { cls: ClassInst }).cls);
  return t;
}

/** Whether an IR type is a generator's step object (`IteratorResult<T, R>` with a return value). */
export function isStepType(t: Type): t is Extract<Type, { k: "class" }> {
  return t.k === "class" && stepClasses.has(t.cls);
}

/** IteratorResult<T>: T | undefined, undefined meaning done. */
export function resultType(l: Lowerer, elem: Type, node: ts.Node): Type {
  if (elem.k === "nullable" || elem.k === "void" || elem.k === "dyn")
    l.fail("TSOS1240", node, `an iterator of \`${typeName(elem)}\``, "iterate over values that are never undefined, or wrap them in an object");
  return nullableType(l, elem, false, true);
}

const views = new WeakMap<Lowerer, Map<string, ViewInst>>();

/** The view of Iterator<T>: one slot, `next(): IteratorResult<T>`. */
export function iteratorView(l: Lowerer, elem: Type, node: ts.Node): ViewInst {
  let byElem = views.get(l);
  if (!byElem) views.set(l, (byElem = new Map()));
  const key = mangle(elem);
  let v = byElem.get(key);
  if (!v) {
    v = { cname: l.uniqueName(`V_Iterator_${key}`), tsName: `Iterator<${typeName(elem)}>`, slots: [{ name: "m_next", kind: "method", prop: "next", params: [], ret: resultType(l, elem, node) }] };
    iteratorViewSet.add(v);
    byElem.set(key, v);
    l.program.views.push(v);
  }
  return v;
}

const iterableViews = new WeakMap<Lowerer, Map<string, ViewInst>>();

/** The view of Iterable<T>: one slot, `[Symbol.iterator](): Iterator<T>`. */
export function iterableView(l: Lowerer, elem: Type, node: ts.Node): ViewInst {
  let byElem = iterableViews.get(l);
  if (!byElem) iterableViews.set(l, (byElem = new Map()));
  const key = mangle(elem);
  let v = byElem.get(key);
  if (!v) {
    const it: Type = { k: "view", view: iteratorView(l, elem, node) };
    v = { cname: l.uniqueName(`V_Iterable_${key}`), tsName: `Iterable<${typeName(elem)}>`, slots: [{ name: "m_iterator", kind: "method", prop: ITERATOR_KEY, params: [], ret: it }] };
    byElem.set(key, v);
    l.program.views.push(v);
  }
  return v;
}

/** `{ next: () => ... }` where an Iterator<T> is expected: the arrow's type is `() => IteratorResult<T>`, whatever literal types it returns. */
export function iteratorArrowType(l: Lowerer, want: Type, prop: string): Type | undefined {
  if (want.k !== "view" || prop !== "next" || !iteratorViewSet.has(want.view)) return undefined;
  return fnType(l, [], want.view.slots[0]!.ret);
}

const iteratorViewSet = new WeakSet<ViewInst>();

/** A class or literal with its own `return()` converted to Iterator<T>: for...of would have to call it on an early exit, and does not. */
export function refuseClosableIterator(l: Lowerer, cls: ClassInst, view: ViewInst, node: ts.Node): void {
  if (iteratorViewSet.has(view) && !isGenType({ k: "class", cls }) && classMember(l, cls, "return")) l.fail("TSOS1241", node, "an iterator with its own `return()` method");
}

/** The one slot of an Iterable<T> view, or undefined for any other type. */
function iterableSlot(t: Type): ViewSlot | undefined {
  return t.k === "view" && t.view.slots.length === 1 && t.view.slots[0]!.prop === ITERATOR_KEY ? t.view.slots[0] : undefined;
}

function isIterableView(t: Type): boolean {
  return t.k === "view" && t.view.slots.length === 1 && t.view.slots[0]!.prop === ITERATOR_KEY;
}

/**
 * An array where an Iterable<T> is expected: lib/std/iter.ts's
 * ArrayIterable over it (the array is shared, not copied); undefined for any
 * other conversion.
 */
export function iterableCoerce(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  const toSlot = iterableSlot(to);
  if (!toSlot) return undefined;
  const elem = ((toSlot.ret as { view: ViewInst }).view.slots[0]!.ret as { inner: Type }).inner;
  if (e.type.k === "str" && !e.type.borrowed && elem.k === "str") e = stdCall(l, "chars", [], [e], node);
  // `f([])`: the empty literal gets the element type the parameter names.
  if (e.e === "arraylit" && !e.elems.length) e = { ...e, type: arrayType(l, elem) };
  if (e.type.k === "class" && collectionKind(e.type)) {
    // A Set iterates its values, a Map its entries.
    const args = collectionArgs(l, node);
    if (!args) return undefined;
    return coerce(l, wrap(l, collectionKind(e.type) === "set" ? "KeysIterable" : "EntriesIterable", args, e, node), to, node);
  }
  if (e.type.k !== "array") return undefined;
  return coerce(l, wrap(l, "ArrayIterable", [elem], coerce(l, e, arrayType(l, elem), node), node), to, node);
}

/** The IR type arguments of the Map or Set `node` is (its key, and value). */
function collectionArgs(l: Lowerer, node: ts.Node): Type[] | undefined {
  const t = l.checker.getTypeAtLocation(node);
  const args = t.getSymbol() && (t as ts.TypeReference).typeArguments;
  if (!args?.length) return undefined;
  return l.checker.getTypeArguments(t as ts.TypeReference).map((a) => tryIrType(l, a, node)!);
}

/** `new C<args>(x)` of lib/std/iter.ts's class `name`. */
function wrap(l: Lowerer, name: string, args: Type[], x: Expr, node: ts.Node): Expr {
  const decl = stdDeclaration("std/iter.ts", name, ts.isClassDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/std/iter.ts has no \`${name}\``);
  const cls = classInstance(l, decl, args);
  markConstructed(l, cls);
  const ctor = constructorOf(l, cls);
  return { e: "new", type: { k: "class", cls }, cls, init: ctor.init, args: [coerce(l, x, ctor.params[0]!, node)], loc: l.loc(node) };
}

/** `m.keys()`, `m.values()`, `m.entries()`, `s.values()` where an Iterable<T> is expected: a live view of the table; undefined otherwise. */
export function collectionIterableCall(l: Lowerer, call: ts.CallExpression, want: Type | undefined): Expr | undefined {
  if (!want || !isIterableView(want) || call.arguments.length) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const which = callee.name.text;
  if (which !== "keys" && which !== "values" && which !== "entries") return undefined;
  const recvTs = l.checker.getTypeAtLocation(callee.expression);
  const sym = recvTs.getSymbol();
  if (!isLibSymbol(sym) || !["Map", "ReadonlyMap", "Set", "ReadonlySet"].includes(sym.name)) return undefined;
  const recv = lowerExpr(l, callee.expression);
  const kind = collectionKind(recv.type);
  const args = collectionArgs(l, callee.expression);
  if (!kind || !args) return undefined;
  if (kind === "set" && which === "entries") l.fail("TSOS1241", call, "`entries()` of a Set as an `Iterable` value");
  const name = which === "keys" || kind === "set" ? "KeysIterable" : which === "values" ? "ValuesIterable" : "EntriesIterable";
  return coerce(l, wrap(l, name, name === "KeysIterable" ? [args[0]!] : args, recv, call), want, call);
}

function elemOfResult(t: Type): Type {
  return (t as Extract<Type, { k: "nullable" }>).inner;
}

// ---------------------------------------------------------------- results

/** `{ value: v, done: d }` where an IteratorResult is expected; undefined for any other object literal. */
export function resultLiteral(l: Lowerer, node: ts.ObjectLiteralExpression, want?: Type): Expr | undefined {
  const ctx = l.checker.getContextualType(node);
  if (!ctx || !isResultTsType(l.checker, ctx)) return undefined;
  const type = want?.k === "nullable" && want.undef && !want.null ? want : protocolIrType(l, ctx, node);
  if (type && isStepType(type)) return stepLiteral(l, node, type);
  if (!type || type.k !== "nullable") return undefined;
  const elem = type.inner;
  const loc = l.loc(node);
  let done: Expr | undefined;
  let value: Expr | undefined;
  const steps: { name: string; x: Expr }[] = [];
  for (const p of node.properties) {
    const name = (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (name !== "value" && name !== "done") l.fail("TSOS1241", p, "an iterator result with members other than `value` and `done`");
    const init = ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name;
    if (name === "done") done = lowerExpr(l, init, T.bool);
    else value = lowerExpr(l, init, elem);
    steps.push({ name, x: name === "done" ? done! : value! });
    if (name === "value" && done !== undefined) noteDoneFirst(l, node);
  }
  const absent: Expr = { e: "nullish", type, undef: true };
  const present = (v: Expr, at: ts.Node): Expr => {
    if (v.type.k === "nullable") return { e: "some", type, x: { e: "unwrap", type: elem, x: v, loc, check: "nonnull" } };
    return { e: "some", type, x: coerce(l, v, elem, at) };
  };
  const valueNode = node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "value") ?? node;
  // Both members evaluated once, in source order; then the result.
  const names = steps.map(() => l.temp());
  const held = (i: number): Expr => ({ e: "local", type: steps[i]!.x.type, name: names[i]! });
  const di = steps.findIndex((s) => s.name === "done");
  const vi = steps.findIndex((s) => s.name === "value");
  let result: Expr;
  const doneConst = done?.e === "bool" ? done.value : done === undefined ? false : undefined;
  const isUndef = (x: Expr): boolean => x.type.k === "nullable" && x.type.inner.k === "never";
  // A done result carries no value here (IteratorResult<T> is T | undefined): `{ done: true, value: 42 }` would lose it.
  if (doneConst === true && vi >= 0 && !isUndef(steps[vi]!.x)) l.fail("TSOS1240", valueNodeOf(node), "a done iterator result with a value", "write `{ value: undefined, done: true }`");
  // `{ done: i >= xs.length, value: xs[i] }`: past the end the read gives undefined, as in JavaScript.
  if (doneConst === undefined && vi >= 0) {
    const v = steps[vi]!.x;
    if (v.e === "index" && v.arr.type.k === "array") steps[vi]!.x = elementOrUndefined(l, v, valueNodeOf(node));
  }
  if (doneConst === true || (vi >= 0 && isUndef(steps[vi]!.x) && doneConst === undefined && false)) result = absent;
  else if (vi < 0 || isUndef(steps[vi]!.x)) {
    // `{ done: d }` / `{ done: d, value: undefined }`: a not-done result would hold undefined.
    if (doneConst === false) l.fail("TSOS1240", node, "an iterator result whose value is undefined", "yield values that are never undefined");
    result = di >= 0 ? { e: "cond", type, c: held(di), a: absent, b: { e: "panic", type, message: { e: "str", type: T.str, value: "an iterator result that is not done has no value" }, loc } } : absent;
  } else if (doneConst === false) result = present(held(vi), valueNode);
  else result = { e: "cond", type, c: held(di), a: absent, b: present(held(vi), valueNode) };
  // Members the result reads are held in temporaries; the others are evaluated for their effects only.
  const reads = (x: Expr, name: string): boolean => (x.e === "local" && x.name === name) || childExprs(x).some((c) => reads(c.x, name));
  for (let i = steps.length - 1; i >= 0; i--) {
    const x = steps[i]!.x;
    if (reads(result, names[i]!)) result = { e: "let", type, name: names[i]!, init: x, body: result };
    else if (!(x.e === "bool" || x.e === "nullish" || x.e === "int" || x.e === "num" || x.e === "str" || x.e === "local")) result = { e: "seq", type, xs: [x, result] };
  }
  return result;
}

/** `{ value: v, done: d }` where a step of an iterator that returns a value is expected (`IteratorResult<T, R>`). */
function stepLiteral(l: Lowerer, node: ts.ObjectLiteralExpression, type: Extract<Type, { k: "class" }>): Expr {
  const [valueField, doneField] = type.cls.fields as [Field, Field];
  const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ""));
  if (names.join() !== "value,done" && names.join() !== "value") l.fail("TSOS1241", node, "an iterator result of a value-returning iterator written other than `{ value, done }`", "write `{ value: v, done: d }`, in that order");
  const init = (p: ts.ObjectLiteralElementLike): ts.Expression => (ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name);
  const value = lowerExpr(l, init(node.properties[0]!), valueField.type);
  const done: Expr = node.properties[1] ? lowerExpr(l, init(node.properties[1]), T.bool) : { e: "bool", type: T.bool, value: false };
  return newLiteralObject(l, [valueField, doneField], [coerce(l, value, valueField.type, node.properties[0]!), done], node);
}

function valueNodeOf(node: ts.ObjectLiteralExpression): ts.Node {
  return node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "value") ?? node;
}

/**
 * Result literals written `{ done, value }` and printed results: printing
 * builds `{ value, done }`, so a program with both could print the wrong key
 * order. Checked once lowering is done (the order of the two is not known before).
 */
const orderCheck = new WeakMap<Lowerer, { doneFirst?: ts.Node; prints: ts.Node[]; reported: boolean }>();

function orderState(l: Lowerer): { doneFirst?: ts.Node; prints: ts.Node[]; reported: boolean } {
  let s = orderCheck.get(l);
  if (!s) {
    const st: { doneFirst?: ts.Node; prints: ts.Node[]; reported: boolean } = { prints: [], reported: false };
    s = st;
    orderCheck.set(l, st);
    registerFinisher(l, () => {
      if (st.doneFirst && st.prints.length && !st.reported) {
        st.reported = true;
        l.error("TSOS1241", st.prints[0]!, "printing an iterator result in a program that builds one with `done` before `value`");
      }
      return "";
    });
  }
  return s;
}

function noteDoneFirst(l: Lowerer, node: ts.Node): void {
  orderState(l).doneFirst ??= node;
}

/** `r.value` / `r.done` on an IteratorResult; undefined for any other property access. */
export function resultMember(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  const name = p.name.text;
  if (name !== "value" && name !== "done") return undefined;
  if (!isResultTsType(l.checker, l.checker.getTypeAtLocation(p.expression))) return undefined;
  // `m.keys().next().value` on a Map or Set: lower/collections.ts's.
  const first = iteratorResultAccess(l, p);
  if (first) return first;
  const r = lowerExpr(l, p.expression);
  const loc = l.loc(p);
  if (isStepType(r.type)) {
    // A step of a generator that returns a value: `value` as the checker narrowed it (T, R, or T | R), checked.
    const held = r.type.cls.fields[name === "value" ? 0 : 1]!;
    const read: Expr = { e: "field", type: held.type, obj: r, name: held.name };
    if (name === "done") return read;
    // `T | R` of objects is one view of both: narrowed to one of them, it is converted to that type's view, checked.
    const narrowed = narrowRead(l, p, read);
    const want = tryIrType(l, l.checker.getTypeAtLocation(p), p);
    if (!want || sameType(narrowed.type, want) || want.k === "nullable") return narrowed;
    const present = narrowed.type.k === "nullable" ? unwrap(l, narrowed, p, "narrowed") : narrowed;
    return sameType(present.type, want) ? present : castTo(l, present, want, p);
  }
  if (r.type.k !== "nullable") {
    // Already narrowed to its value (a yielded result).
    return name === "done" ? { e: "seq", type: T.bool, xs: [r, { e: "bool", type: T.bool, value: false }] } : r;
  }
  if (name === "done") return { e: "isnullish", type: T.bool, x: r, which: "undefined" };
  // Narrowed by `!r.done` to the yielded half: the value is there.
  const recv = l.checker.getTypeAtLocation(p.expression);
  if (!recv.isUnion() && recv.getSymbol()?.name === "IteratorYieldResult") return { e: "unwrap", type: r.type.inner, x: r, loc, check: "narrowed" };
  // The result of a generator that never returns (`Generator<T, never>`): tsc types the value T. Past its end
  // (closed by `return()` or a `break`) JavaScript reads undefined, where the check panics.
  if (recv.isUnion() && recv.types.some((t) => t.getSymbol()?.name === "IteratorReturnResult" && returnsNever(l, t))) return { e: "unwrap", type: r.type.inner, x: r, loc, check: "narrowed" };
  return r;
}

/** An IteratorReturnResult<never>: the done half of a generator that never returns. */
function returnsNever(l: Lowerer, t: ts.Type): boolean {
  const value = l.checker.getPropertyOfType(t, "value");
  return !!value && !!(l.checker.getTypeOfSymbol(value).flags & ts.TypeFlags.Never);
}

/** A result as console.log shows it: `{ value: 1, done: false }`. */
export function printableResult(l: Lowerer, x: ts.Expression): Expr | undefined {
  if (isGenTsType(l.checker, l.checker.getTypeAtLocation(x))) {
    // A generator object shows no properties.
    const g = lowerExpr(l, x);
    if (isGenType(g.type)) return { e: "seq", type: T.str, xs: [g, { e: "str", type: T.str, value: "Object [Generator] {}" }] };
  }
  if (!isResultTsType(l.checker, l.checker.getTypeAtLocation(x))) return undefined;
  const r = lowerExpr(l, x);
  if (r.type.k !== "nullable") return undefined;
  orderState(l).prints.push(x);
  const name = l.temp();
  const held: Expr = { e: "local", type: r.type, name };
  const obj = newLiteralObject(
    l,
    [
      { name: "value", type: r.type },
      { name: "done", type: T.bool },
    ],
    [held, { e: "isnullish", type: T.bool, x: held, which: "undefined" }],
    x,
  );
  return { e: "let", type: obj.type, name, init: r, body: obj };
}

// ---------------------------------------------------------------- iterators

/** An iterator source: how to take the next result, and how to close it early. */
interface Source {
  /** Statements that set up the iteration (evaluate the iterable once). */
  setup: Stmt[];
  elem: Type;
  next: () => Expr;
  close: () => Stmt[];
}

/** The `[Symbol.iterator]` method of a class, if it has one. */
function iteratorMethod(l: Lowerer, cls: ClassInst): ts.MethodDeclaration | undefined {
  if (cls.literal) return undefined;
  const m = classMember(l, cls, ITERATOR_KEY);
  return m?.kind === "method" ? m.decl : undefined;
}

/**
 * The Source of an iterable value held in `v` (a local): a generator, an
 * Iterator view, or a class instance whose `[Symbol.iterator]()` gives one;
 * `fresh` names the locals it needs. Undefined for any other value.
 */
function sourceFromValue(l: Lowerer, v: Expr, node: ts.Node, fresh: () => string): Source | undefined {
  const loc = l.loc(node);
  if (isGenType(v.type)) {
    const cls = (v.type as { cls: ClassInst }).cls;
    return { setup: [], elem: cls.fields.find((f) => f.name === "value")!.type, next: () => genNext(l, v, node), close: () => [{ s: "expr", x: genClose(l, v, node), loc }] };
  }
  // An Iterable<T>, or an object type with a `[Symbol.iterator]()` among other members (an object literal's).
  const vSlot = iterableSlot(v.type) ?? (v.type.k === "view" ? v.type.view.slots.find((s) => s.prop === ITERATOR_KEY && s.kind === "method" && !s.params.length) : undefined);
  if (vSlot) {
    const slot = vSlot;
    const name = fresh();
    const held: Expr = { e: "local", type: slot.ret, name };
    const src = sourceFromValue(l, held, node, fresh)!;
    return { ...src, setup: [{ s: "let", name, type: slot.ret, init: { e: "viewcall", type: slot.ret, view: v, slot: slot.name, args: [] }, loc }, ...src.setup] };
  }
  if (v.type.k === "view") {
    const slot = v.type.view.slots.find((s) => s.prop === "next" && s.kind === "method" && !s.params.length);
    if (!slot || slot.ret.k !== "nullable" || !slot.ret.undef) return undefined;
    if (v.type.view.slots.some((s) => s.prop === "return")) l.fail("TSOS1241", node, "an iterator with a `return()` method");
    const ret = slot.ret;
    return { setup: [], elem: ret.inner, next: () => ({ e: "viewcall", type: ret, view: v, slot: slot.name, args: [] }), close: () => [] };
  }
  if (v.type.k === "class") {
    const decl = iteratorMethod(l, v.type.cls);
    if (!decl) return undefined;
    const it = callIteratorMethod(l, v, decl, node);
    const name = fresh();
    const held: Expr = { e: "local", type: it.type, name };
    const src = sourceFromValue(l, held, node, fresh);
    if (!src || it.type.k === "class" && !isGenType(it.type)) l.fail("TSOS1241", node, `iteration over \`${typeName(v.type)}\`, whose \`[Symbol.iterator]()\` returns \`${typeName(it.type)}\``);
    return { ...src, setup: [{ s: "let", name, type: it.type, init: it, loc }, ...src.setup] };
  }
  return undefined;
}

/** Call `[Symbol.iterator]()` on a class instance. */
function callIteratorMethod(l: Lowerer, recv: Expr, decl: ts.MethodDeclaration, node: ts.Node): Expr {
  const cls = (recv.type as { cls: ClassInst }).cls;
  const r = resolveMember(l, cls, decl, []);
  return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, recv, r.self, node)] };
}

/** The iterable `x` lowered and held in a fresh local, with its Source; undefined when it is not a custom iterable. */
function sourceOf(l: Lowerer, x: ts.Expression): { value: Expr; src: Source } | undefined {
  const v = lowerExpr(l, x);
  const name = l.temp();
  const src = sourceFromValue(l, { e: "local", type: v.type, name }, x, () => l.temp());
  if (!src) return undefined;
  return { value: v, src: { ...src, setup: [{ s: "let", name, type: v.type, init: v, loc: l.loc(x) }, ...src.setup] } };
}

/** Whether `x` is an iterable this file lowers (a class with `[Symbol.iterator]`, a generator, an Iterator). */
export function isCustomIterable(l: Lowerer, x: ts.Expression): boolean {
  if (l.target !== "host") return false;
  // `xs.entries()` and the like are the array's own iteration (array-methods.ts).
  if (isArrayIteratorCall(l, x)) return false;
  // `m.keys()` where it is consumed: a walk of the table (collections.ts), no generator.
  if (isCollectionIteratorCall(l, x)) return false;
  return isCustomIterableType(l, l.checker.getTypeAtLocation(x));
}

function isCustomIterableType(l: Lowerer, tsType: ts.Type): boolean {
  if (protocolKind(l.checker, tsType)) return true;
  // `const [small] = c ? [this, other] : [other, this]`: `this | Vec`, each an iterable class.
  if (tsType.isUnion()) return tsType.types.every((t) => isCustomIterableType(l, t));
  const sym = tsType.getSymbol();
  if (!sym || isLibSymbol(sym) || tsType.flags & ts.TypeFlags.StringLike) return false;
  return tsType.getProperties().some((q) => q.escapedName.toString().startsWith("__@iterator"));
}

/** Closing statements for the `for...of` loops an early exit leaves (exceptions.ts exitActions). */
const closers = new WeakMap<ts.ForOfStatement, () => Stmt[]>();

export function forOfExitActions(f: ts.Node): Stmt[] {
  return ts.isForOfStatement(f) ? closers.get(f)?.() ?? [] : [];
}

/**
 * `for (const x of it)` over a custom iterable or iterator: the iterator is
 * taken once, then `next()` is called before each iteration. Undefined when
 * `f.expression` is not one.
 */
export function iterableForOf(l: Lowerer, f: ts.ForOfStatement, bind: (elem: Expr) => Stmt[], lowerBody: () => Stmt[]): Stmt | undefined {
  if (!isCustomIterable(l, f.expression)) return undefined;
  const found = sourceOf(l, f.expression);
  if (!found) return undefined;
  const src = found.src;
  const loc = l.loc(f);
  const rType = resultType(l, src.elem, f);
  const rName = l.temp();
  const r: Expr = { e: "local", type: rType, name: rName };
  // A generator is closed on every early exit: a throw from the body too, so the loop runs in a protected region.
  const closable = src.close().length > 0;
  const tryId = closable ? l.localName("tsos_forof") : undefined;
  closers.set(f, () => [...(tryId ? [{ s: "trypop", id: tryId } as Stmt] : []), ...src.close()]);
  const step: Stmt[] = [
    { s: "let", name: rName, type: rType, init: src.next(), loc },
    { s: "if", c: { e: "isnullish", type: T.bool, x: r, which: "undefined" }, then: [{ s: "break", loc }], loc },
  ];
  const body = [...step, ...bind({ e: "unwrap", type: src.elem, x: r, loc }), ...lowerBody()];
  closers.delete(f);
  const loop: Stmt = { s: "while", c: { e: "bool", type: T.bool, value: true }, body, loc };
  // A plain `break` leaves the loop: close the iterator after it (closing a finished one does nothing).
  if (!tryId) return { s: "block", body: [...src.setup, loop, ...src.close()] };
  return { s: "block", body: [...src.setup, { s: "block", tryId, body: [loop, { s: "catch", id: tryId }, ...closeAndRethrow(l, src, f)] }, ...src.close()] };
}

/** The handler of a for...of over a generator: close it (its finally blocks run), then throw the caught value on. */
function closeAndRethrow(l: Lowerer, src: Source, node: ts.Node): Stmt[] {
  const loc = l.loc(node);
  const site = l.localName("tsos_site");
  const errType: Type = { k: "class", cls: errorClass(l, node) };
  const [hold, ...again] = throwValue(l, { e: "caught", type: errType }, { e: "local", type: T.str, name: site }, node);
  return [hold!, { s: "let", name: site, type: T.str, init: { e: "call", type: T.str, fn: "tsos_throw_site", args: [] }, loc }, ...src.close(), ...again];
}

/** Every element of a custom iterable, in a new array; at most `limit` elements when given (destructuring). */
export function customIterableArray(l: Lowerer, x: ts.Expression, limit?: number, outElem?: Type): Expr | undefined {
  if (!isCustomIterable(l, x)) return undefined;
  const v = lowerExpr(l, x);
  const fn = collector(l, v.type, x, outElem);
  if (!fn) return undefined;
  const usize = T.int("usize");
  return { e: "call", type: fn.ret, fn: fn.cname, args: [v, { e: "int", type: usize, value: BigInt(limit ?? Number.MAX_SAFE_INTEGER) }] };
}

const collectors = new WeakMap<Lowerer, Map<string, { cname: string; ret: Type }>>();

/**
 * `collect(src, limit)`: the first `limit` elements of an iterable of IR type
 * `t` in a new array, then the iterator is closed (one function per type).
 */
function collector(l: Lowerer, t: Type, node: ts.Node, outElem?: Type): { cname: string; ret: Type } | undefined {
  let byType = collectors.get(l);
  if (!byType) collectors.set(l, (byType = new Map()));
  const key = mangle(t) + (outElem ? `_as_${mangle(outElem)}` : "");
  const hit = byType.get(key);
  if (hit) return hit;
  let n = 0;
  const src = sourceFromValue(l, { e: "local", type: t, name: "src" }, node, () => `it${n++}`);
  if (!src) return undefined;
  const loc = l.loc(node);
  const usize = T.int("usize");
  const arrT = arrayType(l, outElem ?? src.elem) as Extract<Type, { k: "array" }>;
  const out: Expr = { e: "local", type: arrT, name: "out" };
  const rType = resultType(l, src.elem, node);
  const r: Expr = { e: "local", type: rType, name: "r" };
  const fn = { cname: l.uniqueName(`tsos_collect_${key}`), ret: arrT as Type };
  byType.set(key, fn);
  const len: Expr = { e: "arraymethod", type: usize, method: "length", arr: out, args: [], loc };
  l.addFunc({
    cname: fn.cname,
    params: [
      { name: "src", type: t },
      { name: "limit", type: usize },
    ],
    ret: arrT,
    body: [
      ...src.setup,
      { s: "let", name: "out", type: arrT, init: { e: "arraylit", type: arrT, elems: [], loc }, loc },
      {
        s: "while",
        c: { e: "binary", type: T.bool, op: "<", a: len, b: { e: "local", type: usize, name: "limit" }, loc },
        body: [
          { s: "let", name: "r", type: rType, init: src.next(), loc },
          { s: "if", c: { e: "isnullish", type: T.bool, x: r, which: "undefined" }, then: [{ s: "break", loc }], loc },
          { s: "expr", x: { e: "arraymethod", type: T.void, method: "push", arr: out, args: [coerce(l, { e: "unwrap", type: src.elem, x: r, loc }, arrT.elem, node)], loc }, loc },
        ],
        loc,
      },
      ...src.close(),
      { s: "return", x: out, loc },
    ],
    loc,
    isStatic: true,
  });
  return fn;
}

/** `yield* x`: the statements `each` gives for every element of x (an array or a custom iterable). */
export function sourceForYieldStar(
  l: Lowerer,
  x: ts.Expression,
  each: (elem: Expr, node: ts.Node, close: Stmt[]) => Stmt[],
  around?: (gen: Expr) => { before: Stmt[]; after: Stmt[] },
): Stmt[] {
  const loc = l.loc(x);
  if (around && !isGenType(tryIrType(l, l.checker.getTypeAtLocation(x), x) ?? T.void)) l.fail("TSOS1242", x, "the value of `yield*` over an iterable that is not a generator", "yield* a generator, whose `return v` gives the value");
  if (isCustomIterable(l, x)) {
    const found = sourceOf(l, x);
    if (found) {
      const { src } = found;
      // `const r = yield* inner()`: statements before and after the walk, given the generator (generators.ts).
      const held = src.setup[0] as Extract<Stmt, { s: "let" }>;
      const { before, after } = around?.({ e: "local", type: held.type, name: held.name }) ?? { before: [], after: [] };
      const rType = resultType(l, src.elem, x);
      const rName = l.temp();
      const r: Expr = { e: "local", type: rType, name: rName };
      const body: Stmt[] = [
        { s: "let", name: rName, type: rType, init: src.next(), loc },
        { s: "if", c: { e: "isnullish", type: T.bool, x: r, which: "undefined" }, then: [{ s: "break", loc }], loc },
        ...each({ e: "unwrap", type: src.elem, x: r, loc }, x, src.close()),
      ];
      return [{ s: "block", body: [...src.setup, ...before, { s: "while", c: { e: "bool", type: T.bool, value: true }, body, loc }, ...after] }];
    }
  }
  const walk = collectionEach(l, x, (elem) => each(elem, x, []));
  if (walk) return [walk];
  const arr = lowerExpr(l, x);
  const typed = typedArrayEach(l, arr, x, (elem) => each(elem, x, []));
  if (typed) return [typed];
  if (arr.type.k !== "array") l.fail("TSOS1241", x, `\`yield*\` over \`${typeName(arr.type)}\``);
  const elemType = arr.type.elem;
  return [indexLoop(l, loc, arr, (src) => arrayLength(src, loc), (src, idx) => each({ e: "index", type: elemType, arr: src, idx, loc, unchecked: true }, x, []))];
}

/** `x[Symbol.iterator]()` called by hand; undefined for any other call. */
export function symbolIteratorCall(l: Lowerer, call: ts.CallExpression): Expr | undefined {
  const callee = call.expression;
  if (!ts.isElementAccessExpression(callee) || call.arguments.length) return undefined;
  const key = callee.argumentExpression;
  if (!ts.isPropertyAccessExpression(key) || !ts.isIdentifier(key.expression) || key.expression.text !== "Symbol" || key.name.text !== "iterator") return undefined;
  const recv = lowerExpr(l, callee.expression);
  if (isGenType(recv.type) || (recv.type.k === "view" && recv.type.view.tsName.startsWith("Iterator<"))) return recv;
  // An array's: a new cursor over it (lib/std/iter.ts ArrayCursor), reading the live length at each step.
  if (recv.type.k === "array") return wrap(l, "ArrayCursor", [recv.type.elem], recv, call);
  const slot = iterableSlot(recv.type);
  if (slot) {
    return { e: "viewcall", type: slot.ret, view: recv, slot: slot.name, args: [] };
  }
  const decl = recv.type.k === "class" ? iteratorMethod(l, recv.type.cls) : undefined;
  if (!decl) l.fail("TSOS1241", call, `\`[Symbol.iterator]()\` of \`${typeName(recv.type)}\``);
  return callIteratorMethod(l, recv, decl, call);
}

export { elemOfResult };

/** `const [a, b] = it`: the first elements of a custom iterable, only as many as the pattern takes; undefined otherwise. */
export function destructuredIterable(l: Lowerer, pattern: ts.BindingName, init: ts.Expression): Expr | undefined {
  if (!ts.isArrayBindingPattern(pattern) || !isCustomIterable(l, init)) return undefined;
  const rest = pattern.elements.some((e) => ts.isBindingElement(e) && e.dotDotDotToken);
  return customIterableArray(l, init, rest ? undefined : pattern.elements.length);
}
