/**
 * lower/structured-clone.ts: `structuredClone(value)` (hosted), a deep copy
 * by the value's static type.
 *
 * Input:  the call; the value's IR type decides the copy at compile time.
 * Output: a call of a function generated here per type,
 *         `clone_<type>(x, memo, where): <type>`, with `memo` the table of
 *         one structuredClone call (lib/std/clone.ts) and `where` its
 *         location, which a panic inside reports.
 * Invariants (the HTML structured clone algorithm, as Node runs it):
 *   - Numbers, strings, booleans, bigints, null and undefined are the value
 *     itself (immutable, so a copy is indistinguishable).
 *   - Arrays, tuples, Map, Set, records, Date and plain objects (object
 *     literals, JSON.parse results) are new objects holding copies of their
 *     members, in the same key order, optional members that were left out
 *     still left out (the key-order stamps are copied).
 *   - An object met twice is copied once (the memo): the copy shares what
 *     the original shares. A cycle panics (Node copies it). A tuple, which
 *     has no class header to be a memo key, is copied each time it is met.
 *   - A value of an object type is copied by its runtime class: a plain
 *     object as itself; an instance of a program class, or an object
 *     literal with methods or accessors, panics (Node would make a plain
 *     object without the methods, or throw a DataCloneError).
 *   - Refused at compile time: functions (Node throws DataCloneError), class
 *     instances by their class's type (the copy would lose the class), and
 *     the types not copied yet (unknown, typed arrays, RegExp, Error).
 */
import ts from "typescript";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { isBigType } from "./bigint-type.ts";
import { isTuple, newTuple, refuseOptionalTuple } from "./destructure.ts";
import { literalInitFunction } from "./objects.ts";
import { classInfo } from "./classes.ts";
import { stdDeclaration } from "./array-methods.ts";
import { DYN } from "./dynamic.ts";
import { arrayType, mangle, typeName } from "./types.ts";
import {
  addDispatch, buildBody, className, classesOfView, collectionKind, countedLoop, elementAt, length, libraryBase, literalFunctions, local, push, ret,
  stdFn, synthesize, typeArgsOf,
} from "./inspect.ts";

const LIB = "std/clone.ts";
const LOC: Type = { k: "loc" };
/** Inside a copy function: its caller's location (the structuredClone call a panic reports), as @trackCaller passes it. */
const CALLER: Expr = { e: "callerloc", type: LOC, loc: -1 };

/** What every copy function is passed: the memo of the structuredClone call and its location. */
interface Ctx {
  memo: Expr;
  where: Expr;
}
const CYCLE = "structuredClone of a value that contains itself (a cycle) is not supported";

/** `structuredClone(value)`; undefined for other names. */
export function structuredCloneCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (name !== "structuredClone") return undefined;
  if (l.target === "kernel") l.fail("TSOS3001", call.expression, "structuredClone");
  const [valueNode, options] = call.arguments;
  if (!valueNode) l.fail("TSOS1186", call, "nothing", "pass the value to copy");
  if (options) l.fail("TSOS1186", options, "a value with transfer options", "copy the value alone: `structuredClone(value)`");
  const value = lowerExpr(l, valueNode);
  if (immutable(value.type)) return value;
  const memo = stdFn(l, LIB, "cloneMemo", [], [], call);
  const m = l.temp();
  const where: Expr = { e: "callerloc", type: LOC, loc: l.loc(call) };
  return { e: "bind", type: value.type, name: m, value: memo, body: cloneValue(l, value, { memo: local(m, memo.type), where }, valueNode) };
}

/** Whether values of `t` are their own copy: no object inside. */
function immutable(t: Type): boolean {
  if (t.k === "str" || t.k === "int" || t.k === "bool" || t.k === "never" || t.k === "void") return true;
  if (t.k === "nullable") return immutable(t.inner);
  if (t.k === "union") return t.members.every(immutable);
  return (t.k === "class" || t.k === "view") && isBigType(t);
}

/** The copy of `x`. */
function cloneValue(l: Lowerer, x: Expr, ctx: Ctx, node: ts.Node): Expr {
  const t = x.type;
  if (immutable(t)) return x;
  switch (t.k) {
    case "nullable": {
      const name = l.temp();
      const v = local(name, t);
      const copy: Expr = { e: "some", type: t, x: cloneValue(l, { e: "unwrap", type: t.inner, x: v, loc: 0 }, ctx, node) };
      return { e: "bind", type: t, name, value: x, body: { e: "cond", type: t, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: v, b: copy } };
    }
    case "union": {
      const name = l.temp();
      const v = local(name, t);
      let body: Expr | undefined;
      for (let i = t.members.length - 1; i >= 0; i--) {
        const member: Expr = { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 };
        const m: Expr = immutable(member.type) ? v : { e: "tounion", type: t, x: cloneValue(l, member, ctx, node), tag: i };
        body = body ? { e: "cond", type: t, c: { e: "istag", type: T.bool, x: v, tag: i }, a: m, b: body } : m;
      }
      return { e: "bind", type: t, name, value: x, body: body! };
    }
    case "array":
      if (t.elem.k === "never") return { e: "arraylit", type: t, elems: [], loc: l.loc(node) };
      return { e: "call", type: t, fn: cloneFunction(l, t, ctx.memo.type, node), args: [x, ctx.memo, ctx.where] };
    case "view":
      return { e: "call", type: t, fn: cloneFunction(l, t, ctx.memo.type, node), args: [x, ctx.memo, ctx.where] };
    case "class": {
      const why = uncloneable(l, t.cls, node);
      if (why) l.fail("TSOS1186", node, why.what, why.help);
      return { e: "call", type: t, fn: cloneFunction(l, t, ctx.memo.type, node), args: [x, ctx.memo, ctx.where] };
    }
    case "fn":
      return l.fail("TSOS1186", node, "a function", "Node throws a DataCloneError for a function; copy the data around it");
    case "dyn":
      return l.fail("TSOS1186", node, "an `unknown` value", "copy a value of a declared type");
    default:
      return l.fail("TSOS1186", node, `a value of type \`${typeName(t)}\``, "copy numbers, strings, booleans, arrays, plain objects, Map, Set and Date");
  }
}

/** Why objects of exactly class `cls` are not copied, or undefined. */
function uncloneable(l: Lowerer, cls: ClassInst, node: ts.Node): { what: string; help: string } | undefined {
  if (cls.literal) {
    if (literalFunctions(cls).length) return { what: "an object literal with methods or accessors", help: "Node throws a DataCloneError for its functions; copy the data without them" };
    return undefined;
  }
  if (isTuple({ k: "class", cls }) || collectionKind(l, cls, node) || isDate(l, cls)) return undefined;
  const lib = libraryBase(cls) ?? (classInfo(cls).decl.getSourceFile().fileName.includes("/lib/std/") ? cls : undefined);
  if (lib) return { what: `a \`${className(lib)}\``, help: "copy numbers, strings, booleans, arrays, plain objects, Map, Set and Date" };
  return {
    what: `an instance of class \`${className(cls)}\``,
    help: "the copy would be a plain object without the class's methods (`instanceof` false); construct a new instance from the fields instead",
  };
}

function isDate(l: Lowerer, cls: ClassInst): boolean {
  return !cls.literal && classInfo(cls).decl === stdDeclaration("std/date.ts", "Date", ts.isClassDeclaration);
}

const cloneFns = new WeakMap<Lowerer, Map<string, string>>();

/**
 * The copy function of type `t`: an array, view or class. A view dispatches
 * on the object's runtime class; every other kind goes through the memo.
 */
function cloneFunction(l: Lowerer, t: Type, memoType: Type, node: ts.Node): string {
  let fns = cloneFns.get(l);
  if (!fns) cloneFns.set(l, (fns = new Map()));
  const key = t.k === "class" ? `c:${t.cls.cname}` : t.k === "view" ? `v:${t.view.cname}` : mangle(t);
  const hit = fns.get(key);
  if (hit) return hit;
  const loc = l.loc(node);
  const func = synthesize(l, `clone_${key.replace(/^[cv]:/, "")}`, [{ name: "x", type: t }, { name: "memo", type: memoType }, { name: "tsos_caller", type: LOC }], t, loc);
  fns.set(key, func.cname);
  const memo = local("memo", memoType);
  const ctx: Ctx = { memo, where: CALLER };
  if (t.k === "view") {
    // By the runtime class; a class that is not copied panics there (the view may hold plain objects too).
    addDispatch(l, {
      func,
      classes: classesOfView(l, t.view),
      each: (cls, obj) => {
        const why = uncloneable(l, cls, node);
        if (why) return { e: "call", type: t, fn: refusedFunction(l, t, `structuredClone of ${why.what.replace(/`/g, "")} is not supported`, loc), args: [CALLER] };
        return coerce(l, { e: "call", type: obj.type, fn: cloneFunction(l, obj.type, memoType, node), args: [obj, memo, CALLER] }, t, node);
      },
    });
    return func.cname;
  }
  buildBody(l, func, () => {
    const x = local("x", t);
    // A tuple has no class header, so it cannot be a memo key: copied where met (a tuple reached twice is copied twice).
    if (isTuple(t)) {
      const out = local(l.temp(), t);
      return [...copyInto(l, x, out, ctx, node, loc), ret(out, loc)];
    }
    const box = (v: Expr): Expr => coerce(l, v, DYN, node);
    const state = local(l.temp(), T.int("i32"));
    const out = local(l.temp(), t);
    const is = (n: number): Expr => ({ e: "binary", type: T.bool, op: "==", a: state, b: { e: "int", type: T.int("i32"), value: BigInt(n) }, loc });
    const copied = coerce(l, stdFn(l, LIB, "cloneCopy", [], [memo, box(x)], node), t, node);
    return [
      { s: "let", name: nameOf(state), type: state.type, init: stdFn(l, LIB, "cloneVisit", [], [memo, box(x)], node), loc },
      { s: "if", c: is(2), then: [{ s: "expr", x: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: CYCLE }, loc: -1 }, loc }], loc },
      { s: "if", c: is(1), then: [ret(copied, loc)], loc },
      ...copyInto(l, x, out, ctx, node, loc),
      { s: "expr", x: stdFn(l, LIB, "cloneDone", [], [memo, box(x), box(out)], node), loc },
      ret(out, loc),
    ];
  });
  return func.cname;
}

const nameOf = (x: Expr): string => (x as { name: string }).name;

/** The statements that declare `out` as the copy of `x` (an array or a class instance). */
function copyInto(l: Lowerer, x: Expr, out: Expr, ctx: Ctx, node: ts.Node, loc: number): Stmt[] {
  const t = x.type;
  const declare = (init: Expr): Stmt => ({ s: "let", name: nameOf(out), type: t, init, loc });
  const put = (fn: string, typeArgs: Type[], args: Expr[]): Stmt => ({ s: "expr", x: stdFn(l, LIB, fn, typeArgs, [out, ...args], node), loc });
  if (t.k === "array") {
    return [declare({ e: "arraylit", type: t, elems: [], loc }), ...countedLoop(l, length(x), (i) => [push(out, cloneValue(l, elementAt(x, i, loc), ctx, node), loc)], loc)];
  }
  if (t.k !== "class") throw new Error("copyInto: not an array or class");
  const cls = t.cls;
  if (isTuple(t)) {
    refuseOptionalTuple(l, t, node, "structuredClone");
    return [declare(newTuple(t, cls.fields.map((f) => cloneValue(l, { e: "field", type: f.type, obj: x, name: f.name }, ctx, node)), loc))];
  }
  if (isDate(l, cls)) return [declare(stdFn(l, LIB, "cloneDate", [], [x], node))];
  const kind = collectionKind(l, cls, node);
  if (kind === "Map" || kind === "Set") {
    const [K, V] = typeArgsOf(cls);
    const keys = local(l.temp(), arrayType(l, K!));
    const values = kind === "Map" ? local(l.temp(), arrayType(l, V!)) : undefined;
    const body: Stmt[] = [
      declare(stdFn(l, LIB, kind === "Map" ? "cloneNewMap" : "cloneNewSet", kind === "Map" ? [K!, V!] : [K!], [], node)),
      { s: "let", name: nameOf(keys), type: keys.type, init: stdFn(l, "std/inspect.ts", kind === "Map" ? "mapKeys" : "setValues", kind === "Map" ? [K!, V!] : [K!], [x], node), loc },
    ];
    if (values) body.push({ s: "let", name: nameOf(values), type: values.type, init: stdFn(l, "std/inspect.ts", "mapValues", [K!, V!], [x], node), loc });
    body.push(
      ...countedLoop(l, length(keys), (i) => {
        const k = cloneValue(l, elementAt(keys, i, loc), ctx, node);
        return [values ? put("cloneMapPut", [K!, V!], [k, cloneValue(l, elementAt(values, i, loc), ctx, node)]) : put("cloneSetPut", [K!], [k])];
      }, loc),
    );
    return body;
  }
  if (kind === "Dict") {
    const V = typeArgsOf(cls)[0]!;
    const keys = local(l.temp(), arrayType(l, T.str));
    const values = local(l.temp(), arrayType(l, V));
    return [
      declare(stdFn(l, LIB, "cloneNewRecord", [V], [], node)),
      { s: "let", name: nameOf(keys), type: keys.type, init: stdFn(l, "std/inspect.ts", "recordKeys", [V], [x], node), loc },
      { s: "let", name: nameOf(values), type: values.type, init: stdFn(l, "std/inspect.ts", "recordValues", [V], [x], node), loc },
      ...countedLoop(l, length(keys), (i) => [put("cloneRecordPut", [V], [elementAt(keys, i, loc), cloneValue(l, elementAt(values, i, loc), ctx, node)])], loc),
    ];
  }
  // A plain object: a new object of its class, each member copied; then the source's key-order stamps
  // (lower/key-order.ts), so members added later or left out keep their place or stay out.
  const given = cls.fields.filter((f) => !f.keyOrder);
  const hidden = given.find((f) => f.hidden);
  if (hidden) l.fail("TSOS1186", node, "an object literal with methods", "Node throws a DataCloneError for its functions; copy the data without them");
  const values = given.map((f) => cloneValue(l, { e: "field", type: f.type, obj: x, name: f.name }, ctx, node));
  const stamps: Stmt[] = cls.fields
    .filter((f) => f.keyOrder)
    .map((f) => ({ s: "expr", x: { e: "assign", type: f.type, target: { e: "field", type: f.type, obj: out, name: f.name }, value: { e: "field", type: f.type, obj: x, name: f.name } }, loc }));
  return [declare({ e: "new", type: t, cls, init: initFunction(l, cls, loc), args: values, loc }), ...stamps];
}

const inits = new WeakMap<Lowerer, Map<ClassInst, string>>();

function initFunction(l: Lowerer, cls: ClassInst, loc: number): string {
  let m = inits.get(l);
  if (!m) inits.set(l, (m = new Map()));
  let fn = m.get(cls);
  if (!fn) m.set(cls, (fn = literalInitFunction(l, cls, loc)));
  return fn;
}

/** A function of result type `t` that panics with `message`: the case of a class a view's copy refuses. */
function refusedFunction(l: Lowerer, t: Type, message: string, loc: number): string {
  const func = synthesize(l, "clone_refused", [{ name: "tsos_caller", type: LOC }], t, loc);
  buildBody(l, func, () => [{ s: "expr", x: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: message }, loc: -1 }, loc }]);
  return func.cname;
}
