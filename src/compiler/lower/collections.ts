/**
 * lower/collections.ts: Map, Set and iteration over them, onto lib/std/map.ts.
 *
 * Input:  expressions whose TypeScript type is lib/tsos.d.ts's `Map<K, V>`,
 *         `ReadonlyMap`, `Set<T>` or `ReadonlySet`: the types, `new`, member
 *         calls, `for...of`, spread and `Array.from` over them and over their
 *         `keys()`/`values()`/`entries()`, and the library's intrinsics
 *         `hashOf`/`sameValueZero`.
 * Output: instances of lib/std/map.ts's generic classes `Map<K, V>` and
 *         `Set<T>` and calls of their methods.
 * Invariants:
 *   - An iterator is consumed where it is written: `for...of` walks a Cursor
 *     (which follows the table through deletions, additions and rebuilds, as
 *     JavaScript's iteration does); spread and `Array.from` copy the entries
 *     at once (nothing can run in between, so a copy is exact);
 *     `m.keys().next().value` is the first key. An iterator kept as a value
 *     (hosted) is a generator of lib/std/map.ts over a Cursor; in kernel code
 *     it is refused (TSOS1110).
 *   - Key types are those `hashOf` implements (numbers, integers, booleans,
 *     strings, class instances, arrays, function values by identity,
 *     hosted `unknown` values by what they hold, and hosted unions and
 *     nullable keys of those by their member); others are refused
 *     (TSOS1111).
 */
import path from "node:path";
import ts from "typescript";
import { bigintEquals, bigintHash, isBigType } from "./bigint.ts";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { searchedForAbsent } from "./probes.ts";
import { lowerOptionalChain, unwrap } from "./nullable.ts";
import { LIB_DIR } from "../load.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { classInfo, classInstance, constructorOf } from "./classes.ts";
import { markConstructed, resolveMember } from "./dispatch.ts";
import { classMember } from "./views.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { lowerArgs } from "./calls.ts";
import { bindLocal, destructure, isTuple, newTuple } from "./destructure.ts";
import { mappedElements } from "./inspect.ts";
import { arrayType, fnType, irType, sameType, tryIrType, typeName } from "./types.ts";
import { isArrayIteratorCall, stdCall } from "./array-methods.ts";
import { functionOf } from "./functions.ts";
import { recordType } from "./records.ts";
import { customIterableArray } from "./iterables.ts";
import { typedArrayElements } from "./typed-arrays.ts";

export const STD_MAP = path.join(LIB_DIR, "std/map.ts");

let program: ts.Program | undefined;

/** Called once per lowering with the program that holds lib/std/map.ts. */
export function useCollectionsProgram(p: ts.Program): void {
  program = p;
}

/** The declaration of lib/std/map.ts's class `name`. */
export function stdClassDecl(l: Lowerer, name: "Map" | "Set" | "Dict", node: ts.Node): ts.ClassDeclaration {
  const sf = program?.getSourceFile(STD_MAP);
  const decl = sf?.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  if (!decl) l.fail("TSOS9001", node, `lib/std/map.ts has no \`${name}\``);
  return decl;
}

const MAP_TYPES = new Set(["Map", "ReadonlyMap"]);
const SET_TYPES = new Set(["Set", "ReadonlySet"]);


/** The IR type of a lib/tsos.d.ts collection type (Map, Set, their readonly views, records), or undefined for any other type. */
export function collectionType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  const record = recordType(l, type, node);
  if (record) return record;
  const sym = type.getSymbol();
  if (!isLibSymbol(sym)) return undefined;
  const isMap = MAP_TYPES.has(sym.name);
  // (`MapIterator<T>` is a generator's class, mapped before this: iterables.ts protocolIrType.)
  if (!isMap && !SET_TYPES.has(sym.name)) return undefined;
  const args = l.checker.getTypeArguments(type as ts.TypeReference).map((a) => irType(l, a, node));
  checkKeyType(l, args[0]!, node);
  return { k: "class", cls: classInstance(l, stdClassDecl(l, isMap ? "Map" : "Set", node), args) };
}

/** A function value as a key (hosted: a closure object, hashed and compared by address, as JavaScript compares functions). */
function isFunctionKey(l: Lowerer, t: Type): boolean {
  return t.k === "fn" && l.target === "host";
}

/** An `unknown` key (hosted): hashed and compared by what it holds, SameValueZero (runtime tsos_hash_dyn). */
function isDynamicKey(l: Lowerer, t: Type): boolean {
  return t.k === "dyn" && l.target === "host";
}

function checkKeyType(l: Lowerer, key: Type, node: ts.Node): void {
  if (!keyTypeOk(l, key)) l.fail("TSOS1111", node, typeName(key));
}

/** Whether values of `t` can be keys: hashed and compared by SameValueZero (a union or nullable key by its members). */
function keyTypeOk(l: Lowerer, t: Type): boolean {
  if (t.k === "nullable") return t.inner.k !== "never" && keyTypeOk(l, t.inner);
  if (t.k === "union") return l.target === "host" && t.members.every((m) => keyTypeOk(l, m));
  return t.k === "int" || t.k === "bool" || (t.k === "str" && !t.borrowed) || t.k === "class" || t.k === "view" || t.k === "array" || isFunctionKey(l, t) || isDynamicKey(l, t);
}

/** Whether a checker type is lib/tsos.d.ts's Map, Set or a readonly view of one (checked before any lowering). */
function isCollectionTsType(type: ts.Type): boolean {
  const sym = type.getSymbol();
  return isLibSymbol(sym) && (MAP_TYPES.has(sym.name) || SET_TYPES.has(sym.name));
}

/** Which collection `t` is: an instance of lib/std/map.ts's Map or Set. */
export function collectionKind(t: Type): "map" | "set" | undefined {
  if (t.k !== "class" || t.cls.literal || !t.cls.header) return undefined;
  const decl = classInfo(t.cls)?.decl;
  if (!decl || decl.getSourceFile().fileName !== STD_MAP) return undefined;
  const name = decl.name?.text;
  return name === "Map" ? "map" : name === "Set" ? "set" : undefined;
}

/** A call of the std class's method `name` on `recv` with lowered arguments. */
function method(l: Lowerer, recv: Expr, name: string, args: Expr[], node: ts.Node): Expr {
  if (recv.type.k !== "class") l.fail("TSOS9001", node, "collection method on a non-class value");
  const m = classMember(l, recv.type.cls, name);
  if (m?.kind !== "method") l.fail("TSOS9001", node, `lib/std/map.ts has no method \`${name}\``);
  const r = resolveMember(l, recv.type.cls, m.decl, []);
  return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, recv, r.self, node), ...args.map((a, i) => coerce(l, a, r.params[i]!, node))] };
}

/** The parameter types of the std class's method `name`. */
function paramsOf(l: Lowerer, recv: Expr, name: string, node: ts.Node): Type[] {
  const cls = (recv.type as { cls: Parameters<typeof classInfo>[0] }).cls;
  const m = classMember(l, cls, name);
  if (m?.kind !== "method") l.fail("TSOS9001", node, `lib/std/map.ts has no method \`${name}\``);
  return resolveMember(l, cls, m.decl, []).params;
}

const MAP_METHODS = new Set(["get", "set", "has", "delete", "clear", "forEach"]);
const SET_METHODS = new Set(["add", "has", "delete", "clear", "forEach"]);
const ITERATOR_METHODS = new Set(["keys", "values", "entries"]);

/** `m.name(args)` on a Map or Set, or undefined when `recv` is not one. */
export function collectionCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  const kind = collectionKind(recv.type);
  if (!kind) return undefined;
  const callee = call.expression as ts.PropertyAccessExpression;
  if (ITERATOR_METHODS.has(name)) {
    // An iterator kept as a value (returned, stored, stepped by hand; loops, spreads and Array.from over
    // `m.keys()` walk the table where they stand): a generator over a cursor, on the hosted target.
    if (l.target !== "host" || call.arguments.length) l.fail("TSOS1110", call, "iterate it where it is made: `for (const k of m.keys())`, `[...m.keys()]` or `Array.from(m.values())`");
    const which = name === "keys" || (name === "values" && kind === "set") ? "keyIterator" : name === "values" ? "valueIterator" : "entryIterator";
    return method(l, recv, which, [], call);
  }
  if (!(kind === "map" ? MAP_METHODS : SET_METHODS).has(name)) l.fail("TSOS1018", callee.name, name, typeName(recv.type));
  if (name === "forEach" && call.arguments.length > 1) l.fail("TSOS1015", call.arguments[1]!, "the `thisArg` of `forEach`", "use an arrow function");
  const params = paramsOf(l, recv, name, call);
  // `seen.has(t)`, `m.get(s[i + 1])` where the key may be undefined (an array or string read past the end,
  // lower/probes.ts isSearchedFor): false, or undefined.
  const missing = (type: Type): Expr => (name === "has" ? { e: "bool", type: T.bool, value: false } : { e: "nullish", type, undef: true });
  const absent = name === "has" || (name === "get" && kind === "map") ? searchedForAbsent(l, recv, call.arguments[0], params[0]!, missing, (r, x) => method(l, r, name, [x], call)) : undefined;
  if (absent) return absent;
  const args = lowerArgs(l, call.arguments, params);
  return method(l, recv, name, args, call);
}

/** `new Map(...)` / `new Set(...)`, or undefined for any other `new`. */
export function collectionNew(l: Lowerer, n: ts.NewExpression): Expr | undefined {
  if (!ts.isIdentifier(n.expression) || (n.expression.text !== "Map" && n.expression.text !== "Set")) return undefined;
  if (!isLibSymbol(l.symbolOf(n.expression))) return undefined;
  // `const m: Map<string, number[]> = new Map([["x", []]])`: tsc infers Map<string, never[]> for the
  // expression; the declared type is the one the program means.
  const contextual = l.checker.getContextualType(n);
  const checked = contextual && isCollectionTsType(contextual) && contextual.getSymbol()?.name === n.expression.text ? contextual : l.checker.getTypeAtLocation(n);
  const t = irType(l, checked, n);
  const kind = collectionKind(t);
  if (!kind || t.k !== "class") return undefined;
  return filledCollection(l, n, t, kind);
}

/**
 * `new Registry(entries)` where `class Registry extends Map<string, number> {}` declares no constructor: the
 * Map's constructor, as for `new Map(entries)`. Undefined for any other `new`.
 */
export function inheritedCollectionNew(l: Lowerer, n: ts.NewExpression, t: Type): Expr | undefined {
  if (t.k !== "class" || !n.arguments?.length) return undefined;
  for (let c: ClassInst | undefined = t.cls; c; c = c.base) {
    const kind = collectionKind({ k: "class", cls: c });
    if (kind === "map" || kind === "set") return filledCollection(l, n, t, kind);
    const decl = classInfo(c).decl;
    if (!decl || decl.members.some(ts.isConstructorDeclaration)) return undefined;
  }
  return undefined;
}

/** A new Map or Set of class `t` (Map, Set or a subclass), filled from the constructor's argument. */
function filledCollection(l: Lowerer, n: ts.NewExpression, t: Extract<Type, { k: "class" }>, kind: "map" | "set"): Expr {
  markConstructed(l, t.cls);
  const ctor = constructorOf(l, t.cls);
  const made: Expr = { e: "new", type: t, cls: t.cls, init: ctor.init, args: [], loc: l.loc(n) };
  const src = n.arguments?.[0];
  if (!src) return made;
  if (n.arguments!.length > 1) l.fail("TSOS1015", n.arguments![1]!, "a second argument to this constructor", "pass one array of entries");
  if (src.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(src) && src.text === "undefined")) return made;
  // `new Map(parent?.files ?? [])`: a copy of the Map or Set when there is one, else an empty one.
  const fallback = optionalCollectionSource(l, src, kind);
  if (fallback) {
    const v = lowerExpr(l, fallback);
    if (v.type.k === "nullable") {
      const name = l.temp();
      const held: Expr = { e: "local", type: v.type, name };
      const present: Expr = { e: "unwrap", type: v.type.inner, x: held, loc: l.loc(fallback) };
      const from = kind === "map" ? "setFrom" : "addFrom";
      const param = paramsOf(l, made, from, n)[0]!;
      const copy = method(l, made, from, [coerce(l, present, param, fallback)], n);
      // (A subclass of Map or Set, whose filling method returns the library's class, goes the general way.)
      if (sameType(copy.type, t)) return { e: "bind", type: t, name, value: v, body: { e: "cond", type: t, c: { e: "isnullish", type: T.bool, x: held, which: "either" }, a: made, b: copy } };
    }
  }
  // Another Map or Set: copy its entries.
  const srcTs = l.checker.getTypeAtLocation(src);
  const srcType = isCollectionTsType(srcTs) ? irType(l, srcTs, src) : undefined;
  // The filling method returns the collection as the library's Map or Set: a subclass's object is kept as itself.
  const filled = (name: string, args: (recv: Expr) => Expr[]): Expr => {
    const direct = method(l, made, name, args(made), n);
    if (sameType(direct.type, t)) return direct;
    const tmp = l.temp();
    const ref: Expr = { e: "local", type: t, name: tmp };
    return { e: "let", type: t, name: tmp, init: made, body: { e: "seq", type: t, xs: [method(l, ref, name, args(ref), n), ref] } };
  };
  if (srcType && collectionKind(srcType) === kind) {
    const from = kind === "map" ? "setFrom" : "addFrom";
    const param = paramsOf(l, made, from, n)[0]!;
    const other = coerce(l, lowerExpr(l, src, param), param, src);
    return filled(from, () => [other]);
  }
  // Anything else that iterates: an array, a string, or an iterator of another collection.
  const fill = kind === "map" ? "setAll" : "addAll";
  const want = paramsOf(l, made, fill, n)[0]!;
  const arr = iterableArray(l, src, want);
  if (!arr) l.fail("TSOS1015", src, `\`new ${n.expression.getText()}\` from \`${typeName(srcType ?? irType(l, srcTs, src))}\``, "pass an array, or another Map or Set");
  const entries = coerce(l, entryPairs(l, arr, want, src), want, src);
  return filled(fill, () => [entries]);
}

/** `a ?? []` (or `a || []`) where `a` may be absent and is otherwise a Map (kind "map") or Set: `a`; else undefined. */
function optionalCollectionSource(l: Lowerer, src: ts.Expression, kind: "map" | "set"): ts.Expression | undefined {
  const e = emptyArrayFallback(src);
  if (!e) return undefined;
  const left = l.checker.getNonNullableType(l.checker.getTypeAtLocation(e.left));
  if (!isCollectionTsType(left)) return undefined;
  const t = irType(l, left, e.left);
  return t.k === "class" && collectionKind(t) === kind ? e.left : undefined;
}

/**
 * `new Map(ids.map((id) => [id, { id, name }]))` where the map's values are `Player`: the entries are
 * pairs of the literal's type. The constructor only reads each pair, so a copy of the array with each
 * pair converted (`[string, Player]`) cannot be told apart; nor can a Set's objects, each the same object
 * seen through the interface. `arr` itself where it already fits.
 */
function entryPairs(l: Lowerer, arr: Expr, want: Type, node: ts.Node): Expr {
  if (arr.type.k !== "array" || want.k !== "array" || sameType(arr.type, want)) return arr;
  const from = arr.type.elem;
  const to = want.elem;
  // `new Set<Shape>(circles)`: each object seen through the interface (the same object).
  if (to.k === "view" && (from.k === "class" || from.k === "view") && !isTuple(from)) return mappedElements(l, "viewed", arr, want, (e) => coerce(l, e, to, node), node);
  if (!isTuple(from) || !isTuple(to) || from.cls.fields.length !== to.cls.fields.length) return arr;
  return mappedElements(l, "pairs", arr, want, (e) => {
    const name = l.temp();
    const pair: Expr = { e: "local", type: from, name };
    const fields = from.cls.fields.map((f, i) => coerce(l, { e: "field", type: f.type, obj: pair, name: f.name }, to.cls.fields[i]!.type, node));
    return { e: "bind", type: to, name, value: e, body: newTuple(to, fields, l.loc(node)) };
  }, node);
}

/** A collection being iterated: its keys, values or entries. */
interface Iteration {
  recv: Expr;
  kind: "map" | "set";
  which: "keys" | "values" | "entries";
}

/** What `keys()`/`values()`/`entries()` call on a collection `x` is, if it is one. */
function iteratorCall(l: Lowerer, x: ts.Expression): Iteration | undefined {
  const call = collectionIteratorCall(l, x);
  if (!call) return undefined;
  const coll = call.expression.expression;
  const kind = collectionKind(irType(l, l.checker.getTypeAtLocation(coll), coll));
  if (!kind) return undefined;
  return { recv: lowerExpr(l, coll), kind, which: call.expression.name.text as Iteration["which"] };
}

type IteratorCallNode = ts.CallExpression & { expression: ts.PropertyAccessExpression };

/** `x` as `m.keys()`, `values()` or `entries()` of a Map or Set (found without lowering anything), else undefined. */
function collectionIteratorCall(l: Lowerer, x: ts.Expression): IteratorCallNode | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression) || x.arguments.length) return undefined;
  const which = x.expression.name.text;
  if (which !== "keys" && which !== "values" && which !== "entries") return undefined;
  return isCollectionTsType(l.checker.getTypeAtLocation(x.expression.expression)) ? (x as IteratorCallNode) : undefined;
}

/** Whether `x` is `m.keys()`, `values()` or `entries()` of a Map or Set. */
export function isCollectionIteratorCall(l: Lowerer, x: ts.Expression): boolean {
  return collectionIteratorCall(l, x) !== undefined;
}

/** What an iterable expression walks: a collection's keys, values or entries. */
function iterationOf(l: Lowerer, x: ts.Expression): Iteration | undefined {
  // `xs.entries()` on an array is lower/array-methods.ts's.
  if (isArrayIteratorCall(l, x)) return undefined;
  const it = iteratorCall(l, x);
  if (it) return it;
  if (!isCollectionTsType(l.checker.getTypeAtLocation(x))) return undefined;
  const t = irType(l, l.checker.getTypeAtLocation(x), x);
  const kind = collectionKind(t);
  if (!kind) return undefined;
  // A Map iterates its entries, a Set its values.
  return { recv: lowerExpr(l, x), kind, which: kind === "map" ? "entries" : "values" };
}

/** The elements of a collection or of one of its iterators as a new array (spread), or undefined for anything else. */
export function collectionArray(l: Lowerer, x: ts.Expression): Expr | undefined {
  const it = iterationOf(l, x);
  if (it) return iterationArray(l, it, x);
  // A string spreads into its characters (`[...word]`).
  if (l.checker.getTypeAtLocation(x).flags & ts.TypeFlags.StringLike) {
    const s = lowerExpr(l, x);
    if (s.type.k === "str" && !s.type.borrowed) return stringChars(l, s, x);
  }
  return typedArrayElements(l, x) ?? customIterableArray(l, x); // lower/typed-arrays.ts, lower/iterables.ts
}

/** `stringChars(s)` of lib/std/map.ts: a string's characters as a new array. */
function stringChars(l: Lowerer, s: Expr, node: ts.Node): Expr {
  const sf = program?.getSourceFile(STD_MAP);
  const decl = sf?.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === "stringChars");
  if (!decl) l.fail("TSOS9001", node, "lib/std/map.ts has no `stringChars`");
  const f = functionOf(l, decl, []);
  return { e: "call", type: f.ret, fn: f.cname, args: [s] };
}

/** The elements an iteration walks, copied into a new array. */
function iterationArray(l: Lowerer, it: NonNullable<ReturnType<typeof iterationOf>>, x: ts.Expression): Expr {
  const { recv, kind, which } = it;
  if (which === "keys" || (kind === "set" && which === "values")) return method(l, recv, "keyArray", [], x);
  if (which === "values") return method(l, recv, "valueArray", [], x);
  return method(l, recv, "entryArray", [], x);
}

/**
 * The elements of an iterable collection expression as a new array (spread,
 * `Array.from`, `new Set(...)`), or undefined when `x` is not a collection
 * or one of its iterators. `want` is the array type the context expects.
 */
export function iterableArray(l: Lowerer, x: ts.Expression, want?: Type): Expr | undefined {
  const it = iterationOf(l, x);
  if (it) return iterationArray(l, it, x);
  const custom = typedArrayElements(l, x) ?? customIterableArray(l, x); // lower/typed-arrays.ts, lower/iterables.ts
  if (custom) return custom;
  // Arrays and strings (new Set("abc")) are the ordinary path.
  const arr = lowerExpr(l, x, want);
  if (arr.type.k === "array") return arr;
  // `new Set(groups[k])` on a record whose key may be missing: undefined gives an empty collection, as in JavaScript.
  if (arr.type.k === "nullable" && arr.type.inner.k === "array") {
    const name = l.temp();
    const v: Expr = { e: "local", type: arr.type, name };
    const inner = arr.type.inner;
    const empty: Expr = { e: "arraylit", type: inner, elems: [], loc: l.loc(x) };
    return { e: "bind", type: inner, name, value: arr, body: { e: "cond", type: inner, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: empty, b: unwrap(l, v, x) } };
  }
  if (arr.type.k === "str" && !arr.type.borrowed) return stringChars(l, arr, x);
  return undefined;
}

/** `X.next().value` / `X.next().done` where X is a fresh `keys()`/`values()`/`entries()` of a collection. */
export function iteratorResultAccess(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  const name = p.name.text;
  if (name !== "value" && name !== "done") return undefined;
  const call = p.expression;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "next" || call.arguments.length) return undefined;
  const it = iteratorCall(l, call.expression.expression);
  if (!it) return undefined;
  const { recv, kind, which } = it;
  if (name === "done") {
    const field = fieldExpr(l, recv, "size", p);
    return { e: "binary", type: T.bool, op: "==", a: field, b: { e: "int", type: T.number, value: 0n }, loc: l.loc(p) };
  }
  const first = which === "keys" || (kind === "set" && which === "values") ? "firstKey" : which === "values" ? "firstValue" : "firstEntry";
  return method(l, recv, first, [], p);
}

function fieldExpr(l: Lowerer, recv: Expr, name: string, node: ts.Node): Expr {
  const cls = (recv.type as { cls: Parameters<typeof classInfo>[0] }).cls;
  const m = classMember(l, cls, name);
  if (m?.kind !== "field") l.fail("TSOS9001", node, `lib/std/map.ts has no field \`${name}\``);
  return { e: "field", type: m.field.type, obj: recv.type.k === "class" && recv.type.cls === m.owner ? recv : { e: "convert", type: { k: "class", cls: m.owner }, x: recv, checked: false, loc: 0 }, name: m.field.name };
}

/**
 * `for (const x of c)` over a collection or one of its iterators: a Cursor
 * walk that sees deletions and additions made by the body; undefined when
 * `f.expression` is not one.
 */
export function collectionForOf(l: Lowerer, f: ts.ForOfStatement, lowerBody: () => Stmt[]): Stmt | undefined {
  // `for (const [k, v] of this.edges.get(cur) ?? [])`: the collection when there is one, else no turn at all.
  const optional = optionalCollection(l, f.expression);
  if (optional) {
    const loc = l.loc(f);
    const name = l.temp();
    const held: Expr = { e: "local", type: optional.value.type, name };
    const recv = unwrap(l, held, f.expression);
    const kind = collectionKind(recv.type)!;
    const loop = collectionLoop(l, f, { recv, kind, which: kind === "map" ? "entries" : "values" }, lowerBody);
    const present: Expr = { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: held, which: "either" } };
    return { s: "block", body: [{ s: "let", name, type: held.type, init: optional.value, loc }, { s: "if", c: present, then: [loop], loc }] };
  }
  const it = iterationOf(l, f.expression);
  if (!it) return undefined;
  return collectionLoop(l, f, it, lowerBody);
}

/** `m ?? []` (or `m || []`) where m is a Map or Set that may be absent: m lowered, or undefined for anything else. */
function optionalCollection(l: Lowerer, x: ts.Expression): { value: Expr } | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isBinaryExpression(x) || (x.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && x.operatorToken.kind !== ts.SyntaxKind.BarBarToken)) return undefined;
  let right = x.right;
  while (ts.isParenthesizedExpression(right)) right = right.expression;
  if (!ts.isArrayLiteralExpression(right) || right.elements.length) return undefined;
  if (!isCollectionTsType(l.checker.getNonNullableType(l.checker.getTypeAtLocation(x.left)))) return undefined;
  const value = lowerExpr(l, x.left);
  if (value.type.k !== "nullable" || !collectionKind(value.type.inner)) return undefined;
  return { value };
}

/** The walk of `for...of` over a collection or one of its iterators, binding the loop's head each turn. */
function collectionLoop(l: Lowerer, f: ts.ForOfStatement, it: Iteration, lowerBody: () => Stmt[]): Stmt {
  if (!ts.isVariableDeclarationList(f.initializer) || f.initializer.declarations.length !== 1 || !(f.initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)))
    l.fail("TSOS1005", f.initializer, "this `for...of` head");
  const decl = f.initializer.declarations[0]!;
  const bind = bindLocal(l, decl);
  return cursorWalk(l, it, f, (read) => {
    let binds: Stmt[];
    if (it.which !== "entries") binds = destructure(l, decl.name, read[it.which](), bind);
    else if (ts.isArrayBindingPattern(decl.name) && decl.name.elements.length <= 2 && decl.name.elements.every((e) => ts.isOmittedExpression(e) || (!e.dotDotDotToken && !e.initializer))) {
      // `[k, v]`: bind both without making the pair.
      binds = decl.name.elements.flatMap((e, i) => (ts.isOmittedExpression(e) ? [] : destructure(l, e.name, i === 0 ? read.keys() : read.values(), bind)));
    } else binds = destructure(l, decl.name, read.entries(), bind);
    return [...binds, ...lowerBody()];
  });
}

/** `yield* m` (or `yield* m.keys()`) in a generator: each element handed to `each`; undefined when `x` is no collection. */
export function collectionEach(l: Lowerer, x: ts.Expression, each: (elem: Expr) => Stmt[]): Stmt | undefined {
  const it = iterationOf(l, x);
  return it && cursorWalk(l, it, x, (read) => each(read[it.which]()));
}

/**
 * The walk of a collection with a Cursor, which sees deletions and additions the body makes; the body
 * gets the reads of the current key, value and entry (a new pair), each made when called.
 */
function cursorWalk(l: Lowerer, it: Iteration, node: ts.Node, body: (read: Record<Iteration["which"], () => Expr>) => Stmt[]): Stmt {
  const { recv, kind } = it;
  const loc = l.loc(node);
  const cName = l.temp();
  const mName = l.temp();
  const coll: Expr = { e: "local", type: recv.type, name: mName };
  const cursorCall = method(l, coll, "cursor", [], node);
  const cursor: Expr = { e: "local", type: cursorCall.type, name: cName };
  const at = fieldExpr(l, cursor, "at", node);
  const key = (): Expr => method(l, coll, "keyAt", [at], node);
  const value = (): Expr => (kind === "map" ? method(l, coll, "valueAt", [at], node) : key());
  const entries = (): Expr => method(l, coll, "entryAt", [at], node);
  const advance = method(l, cursor, "advance", [], node);
  return {
    s: "block",
    body: [
      { s: "let", name: mName, type: recv.type, init: recv, loc },
      { s: "let", name: cName, type: cursorCall.type, init: cursorCall, loc },
      { s: "while", c: advance, body: body({ keys: key, values: value, entries }), loc },
    ],
  };
}

/** `Array.from(c)` / `Array.from(c, f)` over a collection or its iterator, or undefined. */
export function collectionArrayFrom(l: Lowerer, call: ts.CallExpression, want?: Type): Expr | undefined {
  const src = call.arguments[0];
  if (!src || call.arguments.length > 2) return undefined;
  const it = iterationOf(l, src);
  const arr = it ? iterationArray(l, it, src) : typedArrayElements(l, src) ?? customIterableArray(l, src); // lower/typed-arrays.ts, lower/iterables.ts
  if (!arr) return undefined;
  const mapper = call.arguments[1];
  if (!mapper) return arr;
  // Array.from(c, f) calls f(element, index): the array library's map over the copy.
  const t = irType(l, l.checker.getTypeAtLocation(call), call);
  if (t.k !== "array" || arr.type.k !== "array") l.fail("TSOS9001", call, "Array.from without an array type");
  void want;
  return mapArray(l, arr, t, mapper);
}

/** `arr.map(f)` through lib/std/array.ts (`f` may declare fewer parameters). */
function mapArray(l: Lowerer, arr: Expr, out: Type, f: ts.Expression): Expr {
  const elem = (arr.type as { elem: Type }).elem;
  const outElem = (out as { elem: Type }).elem;
  const fnT = stdMapParam(l, elem, outElem);
  const fn = coerce(l, lowerExpr(l, f, fnT), fnT, f);
  return stdMapCall(l, elem, outElem, arr, fn, f);
}

function stdMapParam(l: Lowerer, elem: Type, outElem: Type): Type {
  return fnType(l, [elem, T.number], outElem);
}

function stdMapCall(l: Lowerer, elem: Type, outElem: Type, arr: Expr, fn: Expr, node: ts.Node): Expr {
  // lib/std/array.ts's `fromMap`: Array.from's mapper gets (element, index).
  const r = stdCall(l, "fromMap", [elem, outElem], [arr, fn], node);
  if (r.type.k === "array") arrayType(l, outElem);
  return r;
}

/**
 * lib/std/map.ts's intrinsics, expanded by key type: `hashOf(k)` (a u32 from
 * runtime/tsos_hash.h), `sameValueZero(a, b)` and `storedKey(k)` (-0 as +0);
 * undefined for any other call.
 */
export function collectionIntrinsic(l: Lowerer, decl: ts.Node, call: ts.CallExpression): Expr | undefined {
  if (!ts.isFunctionDeclaration(decl) || decl.body || decl.getSourceFile().fileName !== STD_MAP) return undefined;
  const name = decl.name?.text;
  if (name === "hashOf") return keyHash(l, lowerExpr(l, call.arguments[0]!), call);
  if (name === "storedKey") return storedKey(l, lowerExpr(l, call.arguments[0]!));
  if (name === "sameValueZero") {
    const a = lowerExpr(l, call.arguments[0]!);
    const b = coerce(l, lowerExpr(l, call.arguments[1]!, a.type), a.type, call.arguments[1]!);
    return sameKey(l, a, b, call);
  }
  return undefined;
}

const U32: Type = T.int("u32");
const u32 = (v: number): Expr => ({ e: "int", type: U32, value: BigInt(v) });

/** `e` held in a new local for `body` (which reads it through the local it is given). */
function held(l: Lowerer, e: Expr, type: Type, body: (v: Expr) => Expr): Expr {
  const name = l.temp();
  return { e: "bind", type, name, value: e, body: body({ e: "local", type: e.type, name }) };
}

/**
 * The hash of a key (runtime/tsos_hash.h). A union key hashes its member
 * (keys of different members are never the same key: a tag says which
 * kind of value it is); a key that may be null or undefined hashes those as
 * two constants.
 */
function keyHash(l: Lowerer, k: Expr, call: ts.CallExpression): Expr {
  const t = k.type;
  if (t.k === "int" && t.kind === "number" && l.doubles) return { e: "call", type: U32, fn: "tsos_hash_num", args: [k], pure: true };
  if (t.k === "int") return { e: "call", type: U32, fn: "tsos_hash_u64", args: [{ e: "convert", type: T.int("u64"), x: k, checked: false, loc: l.loc(call) }], pure: true };
  if (t.k === "bool") return { e: "cond", type: U32, c: k, a: u32(1), b: u32(0) };
  if (t.k === "str" && !t.borrowed) return { e: "call", type: U32, fn: "tsos_hash_str", args: [k], pure: true };
  if (isBigType(t)) return bigintHash(l, k, call); // by value (lower/bigint.ts)
  if (t.k === "class" || t.k === "array") return { e: "call", type: U32, fn: "tsos_hash_ptr", args: [k], pure: true };
  // A function by the function inside any adapting wrapper (runtime tsos_fn_origin), as `===` compares it.
  if (isFunctionKey(l, t)) return { e: "call", type: U32, fn: "tsos_hash_fn", args: [k], pure: true };
  // An object of an interface or object type: by identity, the object behind the view.
  if (t.k === "view") return { e: "call", type: U32, fn: "tsos_hash_view", args: [k], pure: true };
  if (isDynamicKey(l, t)) return { e: "call", type: U32, fn: "tsos_hash_dyn", args: [k], pure: true };
  if (t.k === "nullable" && t.inner.k !== "never")
    return held(l, k, U32, (v) => ({
      e: "cond", type: U32, c: { e: "isnullish", type: T.bool, x: v, which: "either" },
      a: { e: "cond", type: U32, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: u32(0x6e756c6c), b: u32(0x756e6466) },
      b: keyHash(l, { e: "unwrap", type: t.inner, x: v, loc: 0 }, call),
    }));
  if (t.k === "union")
    return held(l, k, U32, (v) => {
      let body: Expr | undefined;
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m = keyHash(l, { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 }, call);
        body = body ? { e: "cond", type: U32, c: { e: "istag", type: T.bool, x: v, tag: i }, a: m, b: body } : m;
      }
      return body!;
    });
  return l.fail("TSOS1111", call, typeName(t));
}

/** A key as a Map or Set stores it: -0 as +0 (SameValueZero), also inside a union or a nullable key. */
function storedKey(l: Lowerer, k: Expr): Expr {
  const t = k.type;
  if (t.k === "int" && t.kind === "number" && l.doubles) return { e: "call", type: t, fn: "tsos_num_plus_zero", args: [k], pure: true };
  if (isDynamicKey(l, t)) {
    // An unknown holding -0 is stored as +0.
    const zero: Expr = { e: "todyn", type: t, x: { e: "int", type: T.number, value: 0n } };
    return held(l, k, t, (v) => ({ e: "cond", type: t, c: { e: "call", type: T.bool, fn: "tsos_dyn_is_zero", args: [v], pure: true }, a: zero, b: v }));
  }
  const hasNumber = (x: Type): boolean => (x.k === "int" && x.kind === "number") || (x.k === "nullable" && hasNumber(x.inner)) || (x.k === "union" && x.members.some(hasNumber));
  if (!l.doubles || !hasNumber(t)) return k;
  if (t.k === "nullable")
    return held(l, k, t, (v) => ({ e: "cond", type: t, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: v, b: { e: "some", type: t, x: storedKey(l, { e: "unwrap", type: t.inner, x: v, loc: 0 }) } }));
  if (t.k === "union")
    return held(l, k, t, (v) => {
      const i = t.members.findIndex((m) => m.k === "int" && m.kind === "number");
      const zeroed: Expr = { e: "tounion", type: t, x: storedKey(l, { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 }), tag: i };
      return { e: "cond", type: t, c: { e: "istag", type: T.bool, x: v, tag: i }, a: zeroed, b: v };
    });
  return k;
}

/** SameValueZero of two keys of one type: union keys of the same member, nullable keys both the same absent value or both present and equal. */
function sameKey(l: Lowerer, a: Expr, b: Expr, call: ts.CallExpression): Expr {
  const t = a.type;
  if (t.k === "int" && t.kind === "number" && l.doubles) return { e: "call", type: T.bool, fn: "tsos_same_value_zero", args: [a, b], pure: true };
  if (t.k === "str") return { e: "streq", type: T.bool, negate: false, a, b };
  if (isBigType(t)) return bigintEquals(l, a, b, call);
  if (t.k === "int" || t.k === "bool" || t.k === "class" || t.k === "array" || isFunctionKey(l, t)) return { e: "binary", type: T.bool, op: "==", a, b, loc: l.loc(call) };
  if (t.k === "view") return { e: "call", type: T.bool, fn: "tsos_same_view", args: [a, b], pure: true };
  if (isDynamicKey(l, t)) return { e: "call", type: T.bool, fn: "tsos_dyn_same_value_zero", args: [a, b], pure: true };
  const and = (x: Expr, y: Expr): Expr => ({ e: "logic", type: T.bool, op: "&&", a: x, b: y });
  const or = (x: Expr, y: Expr): Expr => ({ e: "logic", type: T.bool, op: "||", a: x, b: y });
  const no = (x: Expr): Expr => ({ e: "not", type: T.bool, x });
  if (t.k === "nullable" && t.inner.k !== "never")
    return held(l, a, T.bool, (x) => held(l, b, T.bool, (y) => {
      const is = (v: Expr, which: "null" | "undefined" | "either"): Expr => ({ e: "isnullish", type: T.bool, x: v, which });
      const bothAbsent = or(and(is(x, "null"), is(y, "null")), and(is(x, "undefined"), is(y, "undefined")));
      const bothPresent = and(no(is(y, "either")), sameKey(l, { e: "unwrap", type: t.inner, x, loc: 0 }, { e: "unwrap", type: t.inner, x: y, loc: 0 }, call));
      return { e: "cond", type: T.bool, c: is(x, "either"), a: bothAbsent, b: bothPresent };
    }));
  if (t.k === "union")
    return held(l, a, T.bool, (x) => held(l, b, T.bool, (y) => {
      let body: Expr = { e: "bool", type: T.bool, value: false };
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m = t.members[i]!;
        const same = and({ e: "istag", type: T.bool, x: y, tag: i }, sameKey(l, { e: "fromunion", type: m, x, tag: i, loc: 0 }, { e: "fromunion", type: m, x: y, tag: i, loc: 0 }, call));
        body = { e: "cond", type: T.bool, c: { e: "istag", type: T.bool, x, tag: i }, a: same, b: body };
      }
      return body;
    }));
  return l.fail("TSOS1111", call, typeName(t));
}

/**
 * A spread of a collection or array that may be absent, with an empty array
 * as the fallback (`[...(graph.get(v) ?? [])]`, `...(xs || [])`): its
 * elements (a Map's entries, a Set's values), or none when it is absent. The
 * operand is evaluated once. Undefined for any other spread.
 */
/** `m?.values()` (or `keys`, `entries`) on a Map or Set that may be absent: the collection and the method; else undefined. */
function optionalIteratorCall(l: Lowerer, x: ts.Expression): { collection: ts.Expression; which: "keys" | "values" | "entries" } | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  // `m?.keys()`, or `repo.head?.tree.keys()` (the chain is optional further in: the collection may be absent).
  if (!ts.isCallExpression(x) || x.arguments.length || !ts.isPropertyAccessExpression(x.expression) || !(x.expression.questionDotToken || x.flags & ts.NodeFlags.OptionalChain)) return undefined;
  const which = x.expression.name.text;
  if (which !== "keys" && which !== "values" && which !== "entries") return undefined;
  const collection = x.expression.expression;
  if (!isCollectionTsType(l.checker.getNonNullableType(l.checker.getTypeAtLocation(collection)))) return undefined;
  // Set's entries() are pairs of the value: not one of the arrays kept.
  if (which === "entries" && collectionKind(tryIrType(l, l.checker.getNonNullableType(l.checker.getTypeAtLocation(collection)), collection) ?? T.void) === "set") return undefined;
  return { collection, which };
}

/** `a ?? []` or `a || []` (parenthesized or not): the binary expression; else undefined. */
function emptyArrayFallback(x: ts.Expression): ts.BinaryExpression | undefined {
  let e = x;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isBinaryExpression(e) || (e.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && e.operatorToken.kind !== ts.SyntaxKind.BarBarToken)) return undefined;
  let right = e.right;
  while (ts.isParenthesizedExpression(right)) right = right.expression;
  return ts.isArrayLiteralExpression(right) && !right.elements.length ? e : undefined;
}

export function optionalSpreadArray(l: Lowerer, x: ts.Expression, type: Extract<Type, { k: "array" }>): Expr | undefined {
  const e = emptyArrayFallback(x);
  if (!e) return undefined;
  // `[...(m.get(k)?.values() ?? [])]`: the collection that may be absent, then the array of what the call walks.
  const walked = optionalIteratorCall(l, e.left);
  const value = walked ? (lowerOptionalChain(l, walked.collection, true) ?? lowerExpr(l, walked.collection)) : lowerExpr(l, e.left);
  if (value.type.k !== "nullable") return undefined;
  const name = l.temp();
  const held: Expr = { e: "local", type: value.type, name };
  const inner: Expr = { e: "unwrap", type: value.type.inner, x: held, loc: l.loc(e.left) };
  const kind = collectionKind(inner.type);
  const which = walked?.which ?? (kind === "set" ? "keys" : "entries");
  const arrays = { keys: "keyArray", values: kind === "set" ? "keyArray" : "valueArray", entries: "entryArray" } as const;
  const elems = kind ? method(l, inner, arrays[which], [], e.left) : inner.type.k === "array" && !walked ? inner : undefined;
  if (!elems) return undefined;
  const empty: Expr = { e: "arraylit", type, elems: [], loc: l.loc(e.right) };
  const present = coerce(l, elems, type, e.left);
  return { e: "let", type, name, init: value, body: { e: "cond", type, c: { e: "isnullish", type: T.bool, x: held, which: "either" }, a: empty, b: present } };
}
