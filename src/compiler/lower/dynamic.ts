/**
 * lower/dynamic.ts: `unknown` and `object` (hosted), the dynamic value type.
 *
 * Input:  checker types `unknown`, `object` (and `any` where tsc infers it,
 *         as `Array.isArray` narrows to `any[]`); values converted into or
 *         out of them (coerce, the narrowing hook), and the operations that
 *         test them: `typeof`, `instanceof`, `Array.isArray`, `===`,
 *         truthiness, String(v), templates and console.log.
 * Output: the `dyn` IR type (runtime/tsos_dyn.h: a descriptor pointer and a
 *         payload) and the todyn / fromdyn / dynis nodes; one descriptor per
 *         boxed object, array, view or function type (Program.dynTypes) with
 *         generated show and String functions.
 * Invariants:
 *   - Boxing never copies an object: the payload is its pointer (a view's
 *     fat pointer), so identity, mutation and instanceof are the object's.
 *   - Unboxing is checked at run time unless the value was just tested: a
 *     value of another kind panics with what it holds, never reads as a
 *     wrong value. An array, view or function comes back only as exactly
 *     the static type it was boxed with (its descriptor).
 *   - Class instances are tested through their class header, so
 *     `instanceof` sees subclasses whatever static type boxed them.
 */
import ts from "typescript";
import { isBigType } from "./bigint-type.ts";
import type { ClassInst, Expr, Func, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { buildBody, classesBelow, classesOfView, collectionKind, countedLoop, isErrorClass, libraryBase, literalFunctionKeys, elementAt, length, push, showValue, stdFn, synthesize } from "./inspect.ts";
import { arrayType, mangle, tryIrType, typeName } from "./types.ts";
import { coerce, stringPart } from "./expr.ts";
import { viewCoerce } from "./views.ts";
import { registerFinisher } from "./dispatch.ts";
import { instanceofNarrowed } from "./classes.ts";
import { isRecord, newRecordOf, recordOps, recordValueType } from "./records.ts";
import { recordCopy } from "./record-spread.ts";
import { onlyReadValue } from "./record-copies.ts";

export const DYN: Type = { k: "dyn" };
type Nullable = Extract<Type, { k: "nullable" }>;
type Union = Extract<Type, { k: "union" }>;

const KIND = { undefined: 0, null: 1, boolean: 2, number: 3, string: 4, object: 5, function: 6 } as const;

const call = (fn: string, type: Type, args: Expr[]): Expr => ({ e: "call", type, fn, args });
const kindIs = (x: Expr, kind: keyof typeof KIND): Expr => call("tsos_dyn_is", T.bool, [x, { e: "int", type: T.int("u8"), value: BigInt(KIND[kind]) }]);
const local = (name: string, type: Type): Expr => ({ e: "local", type, name });

/** Whether a checker type is one the dynamic type stands for (`{}` is `unknown` narrowed to neither null nor undefined). */
function isDynamicFlag(t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any | ts.TypeFlags.NonPrimitive)) return true;
  return isEmptyObjectType(t);
}

function isEmptyObjectType(t: ts.Type): boolean {
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  const of = (t as ts.ObjectType).objectFlags;
  if (!(of & ts.ObjectFlags.Anonymous) || of & ts.ObjectFlags.ObjectLiteral) return false;
  return !t.getProperties().length && !t.getCallSignatures().length && !t.getConstructSignatures().length && !t.getStringIndexType() && !t.getNumberIndexType();
}

/** `unknown`, `object`, `object | null` (null and undefined are values it holds): the dynamic type, hosted only. */
export function dynamicType(l: Lowerer, type: ts.Type): Type | undefined {
  if (l.target !== "host") return undefined;
  if (isDynamicFlag(type)) return DYN;
  if (type.isUnion() && type.types.some(isDynamicFlag) && type.types.every((t) => isDynamicFlag(t) || t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void))) return DYN;
  return undefined;
}

// ---- Descriptors ------------------------------------------------------------

const descriptors = new WeakMap<Lowerer, Map<string, string>>();

/** A function body built by `build`, or one that panics with `message` if the type has no such form yet. */
export function buildOrPanic(l: Lowerer, func: ReturnType<typeof synthesize>, build: () => Expr, message: string): void {
  const built = quietly(l, () => {
    buildBody(l, func, () => [{ s: "return", x: build(), loc: func.loc }]);
    return true;
  });
  if (!built) buildBody(l, func, () => [{ s: "expr", x: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: message }, loc: func.loc }, loc: func.loc }]);
}

/** The C name of the descriptor of boxed values of static type `t` (an object, array, view or function type). */
export function descriptor(l: Lowerer, t: Type, node: ts.Node): string {
  let m = descriptors.get(l);
  if (!m) descriptors.set(l, (m = new Map()));
  const key = mangle(t);
  const hit = m.get(key);
  if (hit) return hit;
  const cname = l.uniqueName(`tsos_dynty_${key}`);
  m.set(key, cname);
  const loc = l.loc(node);
  const v = local("v", DYN);
  const raw: Expr = { e: "fromdyn", type: t, x: v, loc, check: false };
  const show = synthesize(l, `dynshow_${key}`, [{ name: "v", type: DYN }, { name: "indent", type: T.number }, { name: "depth", type: T.number }], T.str, loc);
  const str = synthesize(l, `dynstr_${key}`, [{ name: "v", type: DYN }], T.str, loc);
  const entry: NonNullable<typeof l.program.dynTypes>[number] = { cname, type: t, kind: (t.k === "fn" ? "fn" : "obj") as "fn" | "obj", isArray: t.k === "array", name: typeName(t), show: show.cname, str: str.cname };
  (l.program.dynTypes ??= []).push(entry);
  if (t.k === "array" && t.elem.k !== "dyn") entry.toArray = copyFunction(l, t, node);
  // Node prints an Error with its stack, which a compiled program does not have.
  // Errors (their stack) and object literals with methods and a spread print as lower/inspect.ts cannot: a class or
  // interface whose objects may be one gets a show function that panics.
  const unshowable = (c: ClassInst): boolean => !collectionKind(l, c, node) && (isErrorClass(c) || !literalFunctionKeys(c) || !!libraryBase(c));
  const objects = t.k === "class" ? classesBelow(l, t.cls)() : t.k === "view" ? classesOfView(l, t.view)() : [];
  const noShow = objects.some(unshowable) || (t.k === "class" && unshowable(t.cls));
  buildOrPanic(l, show, () => (noShow ? l.fail("TSOS1180", node, "an Error object") : showValue(l, raw, local("indent", T.number), local("depth", T.number), node)), `console.log of a ${typeName(t)} held in an unknown is not supported`);
  buildOrPanic(l, str, () => stringPart(l, raw, node), `String() of a ${typeName(t)} held in an unknown is not supported`);
  return cname;
}

/** `dynarr_T(v)`: the array of T held by `v`, copied as an array of unknowns. */
function copyFunction(l: Lowerer, t: Extract<Type, { k: "array" }>, node: ts.Node): string {
  const loc = l.loc(node);
  const func = synthesize(l, `dynarr_${mangle(t)}`, [{ name: "v", type: DYN }], { k: "anyobj" }, loc);
  buildBody(l, func, () => {
    const out = local(l.temp(), arrayType(l, DYN));
    const src = local(l.temp(), t);
    return [
      { s: "let", name: (src as { name: string }).name, type: t, init: { e: "fromdyn", type: t, x: local("v", DYN), loc, check: false }, loc },
      { s: "let", name: (out as { name: string }).name, type: out.type, init: { e: "arraylit", type: out.type, elems: [], loc }, loc },
      // A `never[]` (an empty literal `[]` kept as such) has no element to box.
      ...(t.elem.k === "never" ? [] : countedLoop(l, length(src), (i) => [push(out, box(l, elementAt(src, i, loc), node), loc)], loc)),
      { s: "return", x: out, loc },
    ];
  });
  return func.cname;
}

/**
 * Whether the value read at `node` is only read where it is used: a property
 * or element read, a non-mutating array method whose callbacks do not take the
 * array itself, `for...of`, a spread, a template or console.log argument. A
 * copy there is indistinguishable from the array itself.
 */
export function readOnlyUse(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === n) {
    const name = p.name.text;
    if (name === "length") return !isAssigned(p);
    const c = p.parent;
    if (!ts.isCallExpression(c) || c.expression !== p || !READ_ONLY_METHODS.has(name)) return false;
    return c.arguments.every((a) => !(ts.isArrowFunction(a) || ts.isFunctionExpression(a)) || a.parameters.length < 3);
  }
  if (ts.isElementAccessExpression(p) && p.expression === n) return !isAssigned(p);
  if (ts.isForOfStatement(p) && p.expression === n) return true;
  // `const [name, ...params] = v`: the elements are read (a rest element is a copy anyway).
  if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isArrayBindingPattern(p.name)) return true;
  if (ts.isSpreadElement(p)) return ts.isArrayLiteralExpression(p.parent);
  if (ts.isTemplateSpan(p)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = p.expression.getText();
    return callee === "console.log" || callee === "console.error" || callee === "String" || callee === "JSON.stringify";
  }
  return false;
}

/**
 * `const items = Array.isArray(value) ? value : []` where items is only read: a branch of a conditional
 * whose value initializes a `const` that every use reads (lower/record-copies.ts onlyReadValue).
 */
function readOnlyBranch(l: Lowerer, node: ts.Node): boolean {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || (ts.isConditionalExpression(p) && p.condition !== n)) n = p;
    else break;
  }
  return n !== node && ts.isExpression(n) && onlyReadValue(l, n);
}

/** Whether a Map or Set read at `node` is only read: its size, a lookup, iteration, spreading or printing. */
function readOnlyCollectionUse(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === n) {
    if (p.name.text === "size") return true;
    const c = p.parent;
    return ts.isCallExpression(c) && c.expression === p && ["get", "has", "keys", "values", "entries", "forEach"].includes(p.name.text);
  }
  if ((ts.isForOfStatement(p) && p.expression === n) || (ts.isSpreadElement(p) && ts.isArrayLiteralExpression(p.parent)) || ts.isTemplateSpan(p)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = p.expression.getText();
    return ["console.log", "String", "JSON.stringify", "Array.from", "Object.fromEntries"].includes(callee);
  }
  return false;
}

/** Whether the array method `name` never changes the array it is called on (record-copies.ts, and `readOnlyUse` above). */
export function isReadOnlyArrayMethod(name: string): boolean {
  return READ_ONLY_METHODS.has(name);
}

const READ_ONLY_METHODS = new Set(["join", "keys", "values", "entries", "toSorted", "toReversed", "toSpliced", "with", "map", "filter", "forEach", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "indexOf", "lastIndexOf", "includes", "slice", "reduce", "reduceRight", "concat", "at", "flatMap", "flat", "toString"]);

/** Whether `n` is written: assigned, incremented or decremented, or deleted. */
export function isAssigned(n: ts.Node): boolean {
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return ts.isDeleteExpression(p);
}

// ---- Into and out of the dynamic type ---------------------------------------

/** The conversions into and out of `unknown`; undefined if neither side is dynamic. */
export function coerceDynamic(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (to.k === "dyn") return e.type.k === "dyn" ? e : box(l, e, node);
  if (e.type.k === "dyn") return unbox(l, e, to, node, true);
  return undefined;
}

function box(l: Lowerer, e: Expr, node: ts.Node): Expr {
  const t = e.type;
  switch (t.k) {
    case "int":
      return { e: "todyn", type: DYN, x: t.kind === "number" ? e : coerce(l, e, T.number, node) };
    case "bool":
      return { e: "todyn", type: DYN, x: e };
    case "str":
      if (t.borrowed) l.fail("TSOS3002", node);
      return { e: "todyn", type: DYN, x: e };
    case "class":
      // A bigint in an unknown would answer `typeof` with "object" (lower/bigint.ts): refused.
      if (!t.cls.header || isBigType(t)) break;
      return { e: "todyn", type: DYN, x: e, desc: descriptor(l, t, node) };
    case "array":
    case "view":
    case "fn":
      return { e: "todyn", type: DYN, x: e, desc: descriptor(l, t, node) };
    case "nullable": {
      const name = l.temp();
      const v = local(name, t);
      if (t.inner.k === "never") return { e: "bind", type: DYN, name, value: e, body: nullishOf(t, v) };
      const present = box(l, { e: "unwrap", type: t.inner, x: v, loc: l.loc(node) }, node);
      const test: Expr = { e: "isnullish", type: T.bool, x: v, which: "either" };
      return { e: "bind", type: DYN, name, value: e, body: { e: "cond", type: DYN, c: test, a: nullishOf(t, v), b: present } };
    }
    case "union": {
      const name = l.temp();
      const v = local(name, t);
      let body: Expr | undefined;
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m = box(l, { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 }, node);
        body = body ? { e: "cond", type: DYN, c: { e: "istag", type: T.bool, x: v, tag: i }, a: m, b: body } : m;
      }
      return { e: "bind", type: DYN, name, value: e, body: body! };
    }
    case "never":
    case "dyn":
      return e;
    case "void":
      // `() => unknown` given a function that returns nothing: the call, then undefined.
      return { e: "seq", type: DYN, xs: [e, call("tsos_dyn_undef", DYN, [])] };
  }
  l.fail("TSOS1200", node, typeName(t));
}

/** The absent value a nullable `v` holds, as `unknown`. */
function nullishOf(t: Nullable, v: Expr): Expr {
  const undef = call("tsos_dyn_undef", DYN, []);
  const nul = call("tsos_dyn_null", DYN, []);
  if (!t.null) return undef;
  if (!t.undef) return nul;
  return { e: "cond", type: DYN, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: undef, b: nul };
}

/** Whether `v` (dynamic) holds a value of type `t`. */
function holds(l: Lowerer, v: Expr, t: Type, node: ts.Node): Expr {
  switch (t.k) {
    case "int":
      return kindIs(v, "number");
    case "bool":
      return kindIs(v, "boolean");
    case "str":
      return kindIs(v, "string");
    case "class":
      return { e: "dynis", type: T.bool, x: v, cls: t.cls };
    case "nullable": {
      const inner = t.inner.k === "never" ? undefined : holds(l, v, t.inner, node);
      let c: Expr | undefined = inner;
      const or = (a: Expr | undefined, b: Expr): Expr => (a ? { e: "logic", type: T.bool, op: "||", a, b } : b);
      if (t.null) c = or(c, kindIs(v, "null"));
      if (t.undef) c = or(c, kindIs(v, "undefined"));
      return c!;
    }
    case "union":
      return t.members.map((m) => holds(l, v, m, node)).reduce((a, b) => ({ e: "logic", type: T.bool, op: "||", a, b }));
    case "dyn":
      return { e: "bool", type: T.bool, value: true };
    default:
      return { e: "dynis", type: T.bool, x: v, desc: descriptor(l, t, node) };
  }
}

/**
 * `x` (dynamic) as `to`; `check`: panic unless it holds one. `copyArrays`: an array of unknowns (a member of
 * `to` or `to` itself) may be a copy of an array of another element type, where the value is only read.
 */
export function unbox(l: Lowerer, x: Expr, to: Type, node: ts.Node, check: boolean, copyArrays = false): Expr {
  const loc = l.loc(node);
  switch (to.k) {
    case "dyn":
      return x;
    case "int":
      if (to.kind !== "number") return coerce(l, unbox(l, x, T.number, node, check), to, node);
      return { e: "fromdyn", type: to, x, loc, check };
    case "bool":
    case "str":
      return { e: "fromdyn", type: to, x, loc, check };
    case "class":
      if (!to.cls.header) break;
      // `u as Record<string, unknown>` of an object only read from then on: a record of its properties.
      if (isRecord(to) && ts.isExpression(node) && onlyReadValue(l, node)) {
        const name = l.temp();
        const v = local(name, DYN);
        return { e: "bind", type: to, name, value: x, body: { e: "call", type: to, fn: boxedObjectsAsRecord(l, to, node, check).cname, args: [v] } };
      }
      return { e: "fromdyn", type: to, x, loc, check, cls: to.cls };
    case "view":
      return unboxView(l, x, to, node, check);
    case "array":
    case "fn":
      return { e: "fromdyn", type: to, x, loc, check, desc: descriptor(l, to, node), ...(copyArrays && to.k === "array" && to.elem.k === "dyn" ? { copy: true } : {}) };
    case "nullable": {
      const name = l.temp();
      const v = local(name, DYN);
      const absent = (undef: boolean): Expr => ({ e: "nullish", type: to, undef });
      // A bare `null` or `undefined` type: any other value it holds panics where checked (`u as undefined` of a null).
      const other: Expr = check
        ? { e: "seq", type: to, xs: [{ e: "panic", type: T.never, message: { e: "str", type: T.str, value: `an unknown value used as ${to.null ? "null" : "undefined"} holds another value` }, loc }, absent(to.undef)] }
        : absent(to.undef);
      let body: Expr = to.inner.k === "never" ? other : { e: "some", type: to, x: unbox(l, v, to.inner, node, check) };
      if (to.null && (to.inner.k !== "never" || to.undef || check)) body = { e: "cond", type: to, c: kindIs(v, "null"), a: absent(false), b: body };
      if (to.undef && (to.inner.k !== "never" || check)) body = { e: "cond", type: to, c: kindIs(v, "undefined"), a: absent(true), b: body };
      return { e: "bind", type: to, name, value: x, body };
    }
    case "union": {
      const name = l.temp();
      const v = local(name, DYN);
      const u = to as Union;
      const last = u.members.length - 1;
      let body: Expr = { e: "tounion", type: to, x: unbox(l, v, u.members[last]!, node, check, copyArrays), tag: last };
      for (let i = last - 1; i >= 0; i--)
        body = { e: "cond", type: to, c: holds(l, v, u.members[i]!, node), a: { e: "tounion", type: to, x: unbox(l, v, u.members[i]!, node, false, copyArrays), tag: i }, b: body };
      return { e: "bind", type: to, name, value: x, body };
    }
  }
  l.fail("TSOS1201", node, typeName(to));
}

/**
 * An unknown as an interface or object type (`v as User`, a type guard's
 * narrowing): a value boxed as that type, or an instance of exactly one of
 * the classes the program boxes that fits it (an object literal `{ name,
 * age }` passed as an unknown), viewed through that class's table. Anything
 * else panics: a subclass is not matched, since its own methods may differ.
 * The classes are tested in a function of its own, rebuilt until the whole
 * program is lowered (a class may be boxed by code lowered after this).
 */
function unboxView(l: Lowerer, x: Expr, to: Extract<Type, { k: "view" }>, node: ts.Node, check: boolean): Expr {
  const loc = l.loc(node);
  const name = l.temp();
  const v = local(name, DYN);
  let body: Expr = { e: "call", type: to, fn: boxedClassesAsView(l, to, node, check).cname, args: [v] };
  // `e instanceof DimensionError || e instanceof RangeError` on a caught error (boxed as an Error): by the object's
  // class, each member of the union tsc narrowed it to (a class, or a subclass of one).
  const checked = l.checker.getTypeAtLocation(node);
  const members = checked.isUnion() ? checked.types.map((m) => quietly(l, () => tryIrType(l, m, node))) : [];
  if (members.length && members.every((m) => m?.k === "class" && m.cls.header)) {
    for (const m of (members as Extract<Type, { k: "class" }>[]).reverse()) {
      const viewed = quietly(l, () => viewCoerce(l, { e: "fromdyn", type: m, x: v, loc, check: false, cls: m.cls }, to, node));
      if (viewed) body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, cls: m.cls, exact: false }, a: viewed, b: body };
    }
  }
  return { e: "bind", type: to, name, value: x, body };
}

/**
 * An unknown as a record where the record is only read (see unbox): a record boxed as that type itself, or
 * a new record holding the own properties of an object of one of the classes the program boxes (the values
 * boxed as the record's value type wants), in their key order. Anything else panics as a record read would.
 */
function boxedObjectsAsRecord(l: Lowerer, to: Extract<Type, { k: "class" }>, node: ts.Expression, check: boolean): Func {
  const loc = l.loc(node);
  const func = synthesize(l, `unbox_record_${to.cls.cname}`, [{ name: "v", type: DYN }], to, loc);
  const v = local("v", DYN);
  rebuiltWithBoxedTypes(l, func, (boxed) => {
    const classes = boxed.filter((t): t is Extract<Type, { k: "class" }> => t.k === "class" && t.cls.header === true && !isRecord(t));
    // A view with a record behind it (`{}` held as unknown, filled in later) is left to the record's own unboxing.
    const recordBehind = (t: Extract<Type, { k: "view" }>): boolean => l.program.viewTables.some((vt) => vt.view === t.view && isRecord({ k: "class", cls: vt.cls }));
    const views = boxed.filter((t): t is Extract<Type, { k: "view" }> => t.k === "view" && !recordBehind(t));
    let body: Expr = { e: "fromdyn", type: to, x: v, loc, check, cls: to.cls };
    // A record of other values (`{ [key: string]: Json }` read as `Record<string, unknown>`): its entries, boxed.
    if (recordValueType(to).k === "dyn") {
      const records = boxed.filter((t): t is Extract<Type, { k: "class" }> => isRecord(t) && t.cls !== to.cls);
      for (const r of records.reverse()) {
        const copied = recordOps(l).method({ e: "fromdyn", type: r, x: v, loc, check: false, cls: r.cls }, "asUnknowns", [], node);
        body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, cls: r.cls, exact: true }, a: copied, b: body };
      }
    }
    // An interface or object-type value (`config as unknown as Record<string, unknown>`): the own properties of the
    // object behind the view, by its class, as JavaScript copies them (an element of a list of differently shaped
    // literals has the properties of its own literal, not only those the list's union type shares).
    for (const w of views)
      for (const t of l.program.viewTables)
        if (t.view === w.view && !isRecord({ k: "class", cls: t.cls }) && !classes.some((c) => c.cls === t.cls)) classes.push({ k: "class", cls: t.cls });
    // A new record of the properties of the object `src` (an unboxed read of v), or undefined where it cannot be copied.
    const copyOf = (src: Expr): Expr | undefined =>
      quietly(l, (): Expr => {
        const copy = recordCopy(l, src, node, recordValueType(to), recordOps(l));
        const r = l.temp();
        return { e: "let", type: to, name: r, init: newRecordOf(l, to, node), body: copy(local(r, to)) };
      });
    for (const c of classes.reverse()) {
      const copied = copyOf({ e: "fromdyn", type: c, x: v, loc, check: false, cls: c.cls });
      if (copied) body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, cls: c.cls, exact: true }, a: copied, b: body };
    }
    return body;
  });
  return func;
}

/** The function `unboxView` calls: the unknown `v` as the view, by the boxed class that fits (see above). */
function boxedClassesAsView(l: Lowerer, to: Extract<Type, { k: "view" }>, node: ts.Node, check: boolean): Func {
  const loc = l.loc(node);
  const desc = descriptor(l, to, node);
  const func = synthesize(l, `unbox_${to.view.cname}`, [{ name: "v", type: DYN }], to, loc);
  const v = local("v", DYN);
  rebuiltWithBoxedTypes(l, func, (boxed) => {
    const classes = boxed.filter((t): t is Extract<Type, { k: "class" }> => t.k === "class");
    const views = boxed.filter((t): t is Extract<Type, { k: "view" }> => t.k === "view" && t.view !== to.view);
    let body: Expr = { e: "fromdyn", type: to, x: v, loc, check, desc };
    // A value boxed as another object type (`T` inferred as the literal's own type where `Logger` is resolved
    // later): the object's class's table for this one (views.ts review; it panics for a class without one).
    for (const w of views.reverse()) {
      const d = descriptor(l, w, node);
      const viewed = quietly(l, () => viewCoerce(l, { e: "fromdyn", type: w, x: v, loc, check: false, desc: d }, to, node));
      if (viewed) body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, desc: d }, a: viewed, b: body };
    }
    for (const c of classes.reverse()) {
      const viewed = quietly(l, () => viewCoerce(l, { e: "fromdyn", type: c, x: v, loc, check: false, cls: c.cls }, to, node));
      if (viewed) body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, cls: c.cls, exact: true }, a: viewed, b: body };
    }
    return body;
  });
  return func;
}

/**
 * Gives `func` the body `result(boxed)` returns, from the types the program boxes so far, and builds it again
 * (a finisher, lower/dispatch.ts) whenever more have been boxed since, until the whole program is lowered.
 */
function rebuiltWithBoxedTypes(l: Lowerer, func: Func, result: (boxed: Type[]) => Expr): void {
  let built = -1;
  const build = (): string => {
    const boxed = (l.program.dynTypes ?? []).map((d) => d.type);
    // Also when a class gets a table for a view that is boxed (its objects may then be behind such a value).
    const signature = boxed.length * 100003 + l.program.viewTables.length;
    if (signature !== built) {
      built = signature;
      buildBody(l, func, () => [{ s: "return", x: result(boxed), loc: func.loc }]);
    }
    return `${built}`;
  };
  build();
  registerFinisher(l, build);
}

/** The narrowing hook: a dynamic value read where the checker knows a narrower type (`typeof v === "string"`). */
export function narrowDynamic(l: Lowerer, node: ts.Node, x: Expr): Expr {
  // `e instanceof Box` (Box generic) narrows to `Box<any>`: which instance is not known (classes.ts).
  const checked = instanceofNarrowed(l, l.checker.getTypeAtLocation(node));
  if (!checked) return x;
  // `Array.isArray(v)` and `v instanceof Array` narrow an unknown to `any[]`: an array of unknowns.
  const anyElems = l.checker.isArrayType(checked) && (l.checker.getTypeArguments(checked as ts.TypeReference)[0]!.flags & ts.TypeFlags.Any) !== 0;
  const narrowed = anyElems ? arrayType(l, DYN) : tryIrType(l, checked, node);
  if (!narrowed || narrowed.k === "dyn" || narrowed.k === "never") return x;
  // `v instanceof Map` narrows an unknown to `Map<any, any>`: a Map of unknowns, copied where it is only read.
  const kind = narrowed.k === "class" ? collectionKind(l, narrowed.cls, node) : undefined;
  if ((kind === "Map" || kind === "Set") && readOnlyCollectionUse(node)) {
    const name = l.temp();
    return { e: "bind", type: narrowed, name, value: x, body: { e: "call", type: narrowed, fn: boxedCollectionAsUnknowns(l, narrowed as Extract<Type, { k: "class" }>, kind, node, true).cname, args: [local(name, DYN)] } };
  }
  if (narrowed.k === "array" && narrowed.elem.k === "dyn" && (readOnlyUse(node) || readOnlyBranch(l, node)))
    return { e: "fromdyn", type: narrowed, x, loc: l.loc(node), check: true, desc: descriptor(l, narrowed, node), copy: true };
  // `Array.isArray(v) || typeof v === "string" ? v.length : 0`: a union whose array member may be a copy where only read.
  const arrayMember = narrowed.k === "union" && narrowed.members.some((m) => m.k === "array" && m.elem.k === "dyn");
  return unbox(l, x, narrowed, node, true, arrayMember && readOnlyUse(node));
}

// ---- Operations ---------------------------------------------------------------

export function dynTypeof(x: Expr): Expr {
  return call("tsos_dyn_typeof", T.str, [x]);
}

export function dynTruthy(x: Expr): Expr {
  return call("tsos_dyn_truthy", T.bool, [x]);
}

/** Whether an unknown holds a number (console.log aligns arrays of numbers to the right). */
export function dynIsNumber(x: Expr): Expr {
  return kindIs(x, "number");
}

/** A function value returning `from` may stand for one returning `to`: any result can be boxed as an `unknown`. */
export function boxesResult(from: Type, to: Type): boolean {
  return to.k === "dyn" && from.k !== "dyn" && from.k !== "never";
}

/** The result `x` of an adapted function value, as `unknown` (`node`: where a refusal is reported). */
export function boxResult(l: Lowerer, x: Expr, node: ts.Node): Expr {
  return box(l, x, node);
}

/** Whether `x` is an `unknown`, or an `unknown | undefined` (what generic code makes of `T | undefined`). */
export function isDynamic(x: Expr): boolean {
  return x.type.k === "dyn" || (x.type.k === "nullable" && x.type.inner.k === "dyn");
}

/** String(v), `${v}`. */
export function dynString(l: Lowerer, x: Expr, node: ts.Node): Expr {
  return call("tsos_dyn_to_str", T.str, [coerce(l, x, DYN, node)]);
}

/** `Array.isArray(v)`. */
export function dynIsArray(x: Expr): Expr {
  return call("tsos_dyn_is_array", T.bool, [x]);
}

/** `v instanceof C` for a class, `Array`, `Object`, `Map` or `Set`. */
export function dynInstanceof(l: Lowerer, x: Expr, b: ts.BinaryExpression, target: () => ClassInst): Expr {
  const right = b.right;
  if (ts.isIdentifier(right) && ["Array", "Object", "Map", "Set"].includes(right.text)) {
    const decl = l.symbolOf(right)?.valueDeclaration;
    if (!decl || l.isLibDecl(decl)) {
      if (right.text === "Map" || right.text === "Set") return { e: "call", type: T.bool, fn: boxedCollectionTest(l, right.text, b).cname, args: [x] };
      return right.text === "Array" ? dynIsArray(x) : kindIs(x, "object");
    }
  }
  return { e: "dynis", type: T.bool, x, cls: target() };
}

/** The boxed types that are Maps (or Sets) of some keys and values: classes of lib/std/map.ts's Map (Set), not records. */
function boxedCollections(l: Lowerer, boxed: Type[], kind: "Map" | "Set", node: ts.Node): Extract<Type, { k: "class" }>[] {
  const isKind = (c: ClassInst | undefined): boolean => !!c && (collectionKind(l, c, node) === kind || isKind(c.base));
  return boxed.filter((t): t is Extract<Type, { k: "class" }> => t.k === "class" && isKind(t.cls));
}

/** The functions below, one per program and collection kind (and target type). */
const collectionFns = new WeakMap<Lowerer, Map<string, Func>>();
function collectionFn(l: Lowerer, key: string, make: () => Func): Func {
  let fns = collectionFns.get(l);
  if (!fns) collectionFns.set(l, (fns = new Map()));
  let f = fns.get(key);
  if (!f) fns.set(key, (f = make()));
  return f;
}

/** `v instanceof Map` (`Set`) for an unknown v: whether it holds a Map (Set) of any type (a function rebuilt as types are boxed). */
function boxedCollectionTest(l: Lowerer, kind: "Map" | "Set", node: ts.Node): Func {
  return collectionFn(l, `is ${kind}`, () => makeCollectionTest(l, kind, node));
}

function makeCollectionTest(l: Lowerer, kind: "Map" | "Set", node: ts.Node): Func {
  const func = synthesize(l, `dyn_is_${kind.toLowerCase()}`, [{ name: "v", type: DYN }], T.bool, l.loc(node));
  const v = local("v", DYN);
  rebuiltWithBoxedTypes(l, func, (boxed) =>
    boxedCollections(l, boxed, kind, node).reduce<Expr>((rest, c) => ({ e: "logic", type: T.bool, op: "||", a: { e: "dynis", type: T.bool, x: v, cls: c.cls, exact: true }, b: rest }), { e: "bool", type: T.bool, value: false }),
  );
  return func;
}

/**
 * An unknown narrowed to `Map<any, any>` (`Set<any>`) by `instanceof`, where the value is only read: a Map of
 * unknowns boxed as that, or a new one holding the entries of a Map of other types, boxed (lib/std/map.ts
 * toUnknowns). Anything else panics as the unboxing would.
 */
function boxedCollectionAsUnknowns(l: Lowerer, to: Extract<Type, { k: "class" }>, kind: "Map" | "Set", node: ts.Node, check: boolean): Func {
  return collectionFn(l, `as ${to.cls.cname}`, () => makeCollectionAsUnknowns(l, to, kind, node, check));
}

function makeCollectionAsUnknowns(l: Lowerer, to: Extract<Type, { k: "class" }>, kind: "Map" | "Set", node: ts.Node, check: boolean): Func {
  const loc = l.loc(node);
  const func = synthesize(l, `unbox_${kind.toLowerCase()}_unknowns`, [{ name: "v", type: DYN }], to, loc);
  const v = local("v", DYN);
  rebuiltWithBoxedTypes(l, func, (boxed) => {
    let body: Expr = { e: "fromdyn", type: to, x: v, loc, check, cls: to.cls };
    for (const c of boxedCollections(l, boxed, kind, node).filter((c) => c.cls !== to.cls).reverse()) {
      const copied = quietly(l, () => recordOps(l).method({ e: "fromdyn", type: c, x: v, loc, check: false, cls: c.cls }, "toUnknowns", [], node));
      if (copied) body = { e: "cond", type: to, c: { e: "dynis", type: T.bool, x: v, cls: c.cls, exact: true }, a: copied, b: body };
    }
    return body;
  });
  return func;
}

/** console.log's text of a dynamic value at top level: a string as it is, anything else as util.inspect shows it. */
export function dynPrinted(l: Lowerer, x0: Expr, node: ts.Node): Expr {
  const x = coerce(l, x0, DYN, node);
  const name = l.temp();
  const v = local(name, DYN);
  const s: Expr = { e: "fromdyn", type: T.str, x: v, loc: 0, check: false };
  const shown = call("tsos_dyn_show_other", T.str, [v, { e: "int", type: T.number, value: 0n }, { e: "int", type: T.number, value: 0n }]);
  return { e: "bind", type: T.str, name, value: x, body: { e: "cond", type: T.str, c: kindIs(v, "string"), a: s, b: shown } };
}

/** util.inspect's text of a dynamic value nested in a structure. */
export function dynShow(l: Lowerer, x: Expr, indent: Expr, depth: Expr, node: ts.Node): Expr {
  const name = l.temp();
  const v = local(name, DYN);
  const s: Expr = { e: "fromdyn", type: T.str, x: v, loc: 0, check: false };
  const quoted = stdFn(l, "std/inspect.ts", "showString", [], [s, indent, depth], node);
  return { e: "bind", type: T.str, name, value: x, body: { e: "cond", type: T.str, c: kindIs(v, "string"), a: quoted, b: call("tsos_dyn_show_other", T.str, [v, indent, depth]) } };
}

/**
 * `a === b` / `a !== b` where either side is dynamic (and `== null`): the
 * other side boxed, then IsStrictlyEqual at run time. Undefined if neither
 * side is dynamic.
 */
export function dynEquality(l: Lowerer, b: ts.BinaryExpression, lower: (n: ts.Expression) => Expr, dynamicAt: (n: ts.Expression) => boolean): Expr | undefined {
  if (!dynamicAt(b.left) && !dynamicAt(b.right)) return undefined;
  const op = b.operatorToken.kind;
  const K = ts.SyntaxKind;
  const negate = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
  const loose = op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken;
  const not = (x: Expr): Expr => (negate ? { e: "not", type: T.bool, x } : x);
  const isNullLit = (n: ts.Expression): "null" | "undefined" | undefined => {
    while (ts.isParenthesizedExpression(n)) n = n.expression;
    if (n.kind === K.NullKeyword) return "null";
    if (ts.isIdentifier(n) && n.text === "undefined" && !l.symbolOf(n)?.valueDeclaration) return "undefined";
    return undefined;
  };
  const ln = isNullLit(b.left);
  const rn = isNullLit(b.right);
  if (ln || rn) {
    const x = coerce(l, lower(ln ? b.right : b.left), DYN, ln ? b.right : b.left);
    if (!loose) return not(kindIs(x, (ln ?? rn)!));
    const name = l.temp();
    const v = local(name, DYN);
    return not({ e: "bind", type: T.bool, name, value: x, body: { e: "logic", type: T.bool, op: "||", a: kindIs(v, "null"), b: kindIs(v, "undefined") } });
  }
  if (loose) l.fail("TSOS1202", b.operatorToken);
  const A = coerce(l, lower(b.left), DYN, b.left);
  const B = coerce(l, lower(b.right), DYN, b.right);
  return not(call("tsos_dyn_eq", T.bool, [A, B]));
}

