/**
 * lower/inspect.ts: a `console.log` argument that is not a string, number or
 * boolean: arrays, objects, class instances, Map, Set, records, nullables
 * and unions of those, printed as Node's util.inspect prints them.
 *
 * Input:  a lowered console.log argument.
 * Output: for an array of numbers, strings or booleans (or arrays of those,
 *         up to three levels), a call of lib/std/inspect.ts that formats it;
 *         for any other composite value a call of a show function generated
 *         here for its static type, `show(x, indent, depth): string`, which
 *         formats the members with the show functions of their types and
 *         hands the entries to lib/std/inspect.ts (`formatObject`,
 *         `formatArray`) for Node's line breaking. Strings, numbers and
 *         booleans at top level stay unchanged (the print statement writes
 *         them as they are).
 * Invariants:
 *   - A value of class type may hold any subclass, and a view any class
 *     with a table for it: their show functions test the object's class
 *     descriptor against every class constructed in the program (rebuilt
 *     until lowering is done, as lower/dispatch.ts does for methods) and
 *     print the runtime class's own fields with its name.
 *   - Fields print in JavaScript's property order: base class first, then
 *     parameter properties, then declared fields; `#private` fields and
 *     getters are not shown; an optional member an object literal left out
 *     is shown only once it holds a value.
 *   - Depth 2 as Node: deeper objects are `[Object]`, `[Point]`, `[Array]`,
 *     `[Map]` (an empty one still prints `{}`/`[]`). A circular structure is
 *     a panic (runtime/tsos_inspect.h finds it), never a wrong print.
 *   - Functions print as `[Function: name]` (hosted; lower/fn-names.ts), an
 *     object literal's methods and accessors as `[Function: m]`, `[Getter]`,
 *     `[Setter]` or `[Getter/Setter]` at their place in the literal.
 *   - What Node would print but this does not know how (Error objects, a
 *     literal with methods and a spread) is refused (TSOS1180).
 */
import { isGenType } from "./generators.ts";
import { ITERATOR_KEY, isSymbolIteratorName } from "./iterables.ts";
import { hasPropertyFunction, inspectUnionArgument, objectIn, tupleAsUnionArray } from "./unions.ts";
import { isTuple, refuseOptionalTuple } from "./destructure.ts";
import ts from "typescript";
import { bigintToString, isBigType } from "./bigint.ts";
import { isRecord, recordEntryHas, recordString } from "./records.ts";
import type { ClassInst, Expr, Func, Stmt, Type, ViewInst } from "../ir.ts";
import { T } from "../ir.ts";
import { Bail, type Lowerer } from "./context.ts";
import { stdDeclaration } from "./array-methods.ts";
import { functionOf, withScope } from "./functions.ts";
import { propertyOfField, classInfo, fieldName, isSubclass, methodOf, upcast } from "./classes.ts";
import { constructedClasses, isOverridden, registerFinisher } from "./dispatch.ts";
import { arrayType, mangle, nullableType, typeName } from "./types.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { tested } from "./nullable.ts";
import { neverString } from "./never.ts";
import { classMember, literalNodes, objectToString } from "./views.ts";
import { stdClassDecl } from "./collections.ts";
import { hasKeyOrder, inKeyOrder, keyStamp, memberPresent } from "./key-order.ts";
import { partOrderedShapes, spreadShapes } from "./objects.ts";
import { dynIsNumber, dynPrinted, dynShow, isDynamic } from "./dynamic.ts";
import { typedArrayShow } from "./typed-arrays.ts";
import { checkedDelete } from "./frozen.ts";

// ---- IR building blocks shared with lower/json.ts ----------------------------

export const USIZE: Type = T.int("usize");
export const num = (v: number): Expr => ({ e: "int", type: T.number, value: BigInt(v) });
export const str = (v: string): Expr => ({ e: "str", type: T.str, value: v });
export const local = (name: string, type: Type): Expr => ({ e: "local", type, name });
export const plus = (a: Expr, b: Expr): Expr => ({ e: "binary", type: T.number, op: "+", a, b, loc: 0 });
export const concat = (...parts: Expr[]): Expr => ({ e: "concat", type: T.str, parts });
export const ret = (x: Expr, loc: number): Stmt => ({ s: "return", x, loc });
export const push = (arr: Expr, v: Expr, loc: number): Stmt => ({ s: "expr", x: { e: "arraymethod", type: T.number, method: "push", arr, args: [v], loc }, loc });
export const length = (arr: Expr): Expr => ({ e: "arraymethod", type: USIZE, method: "length", arr, args: [], loc: 0 });

/** A call of a function of lib/std/<file>. */
export function stdFn(l: Lowerer, file: string, name: string, typeArgs: Type[], args: Expr[], node: ts.Node): Expr {
  const decl = stdDeclaration(file, name, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/${file} has no \`${name}\``);
  const f = functionOf(l, decl, typeArgs);
  return { e: "call", type: f.ret, fn: f.cname, args };
}

/** `for (i = 0; i < count; i++) body(i)`, with `i` a usize local. */
export function countedLoop(l: Lowerer, count: Expr, body: (i: Expr) => Stmt[], loc: number): Stmt[] {
  const i = local(l.temp(), USIZE);
  const name = (i as { name: string }).name;
  return [
    { s: "let", name, type: USIZE, init: { e: "int", type: USIZE, value: 0n }, loc },
    {
      s: "while",
      c: { e: "binary", type: T.bool, op: "<", a: i, b: count, loc },
      body: [...body(i), { s: "expr", x: { e: "assign", type: USIZE, target: i, value: { e: "binary", type: USIZE, op: "+", a: i, b: { e: "int", type: USIZE, value: 1n }, loc } }, loc }],
      loc,
    },
  ];
}

/** The element `i` of array `arr`, `i` known in range. */
const mappedFns = new WeakMap<Lowerer, Map<string, string>>();

/**
 * A new array of `to` holding `each` of every element of the array `x`, in
 * order: a function `<base>_<from>_to_<to>` synthesized once per pair of
 * types (destructure.ts widens spread elements; console-format.ts prints them).
 */
export function mappedElements(l: Lowerer, base: string, x: Expr, to: Extract<Type, { k: "array" }>, each: (e: Expr) => Expr, node: ts.Node): Expr {
  const from = x.type as Extract<Type, { k: "array" }>;
  let fns = mappedFns.get(l);
  if (!fns) mappedFns.set(l, (fns = new Map()));
  const key = `${base}_${mangle(from)}_to_${mangle(to)}`;
  let fn = fns.get(key);
  if (!fn) {
    const loc = l.loc(node);
    const func = synthesize(l, key, [{ name: "xs", type: from }], to, loc);
    fn = func.cname;
    fns.set(key, fn);
    buildBody(l, func, () => {
      const xs = local("xs", from);
      const out = local(l.temp(), to);
      return [
        { s: "let", name: (out as { name: string }).name, type: to, init: { e: "arraylit", type: to, elems: [], loc }, loc },
        ...countedLoop(l, length(xs), (i) => [push(out, each(elementAt(xs, i, loc)), loc)], loc),
        ret(out, loc),
      ];
    });
  }
  return { e: "call", type: to, fn, args: [x] };
}

export function elementAt(arr: Expr, i: Expr, loc: number): Expr {
  return { e: "index", type: (arr.type as { elem: Type }).elem, arr, idx: i, loc, unchecked: true };
}

/** Panics unless `obj` is none of the objects being formatted around it (runtime/tsos_inspect.h). */
export function cycleCheck(obj: Expr, depth: Expr, message: string, loc: number): Stmt {
  const seen: Expr = { e: "call", type: T.bool, fn: "tsos_seen_at", args: [depth, obj, { e: "callerloc", type: { k: "loc" }, loc }] };
  return { s: "if", c: seen, then: [{ s: "expr", x: { e: "panic", type: T.never, message: str(message), loc }, loc }], loc };
}

/** A generated function: registered at once (so recursive types find it), its body built by `body` in a fresh scope. */
export function synthesize(l: Lowerer, base: string, params: { name: string; type: Type }[], retType: Type, loc: number): Func {
  const func: Func = { cname: l.uniqueName(base), params, ret: retType, body: [], loc, isStatic: true };
  l.addFunc(func);
  return func;
}

export function buildBody(l: Lowerer, func: Func, build: () => Stmt[]): void {
  const scope = l.newScope();
  for (const p of func.params) scope.used.add(p.name);
  func.body = withScope(l, scope, build);
}

// ---- What a class holds, as JavaScript sees it -----------------------------

export interface VisibleField {
  /** The C field name. */
  name: string;
  /** The JavaScript property name. */
  key: string;
  type: Type;
  /** The class whose struct stores it. */
  owner: ClassInst;
  /** An optional member an object literal left out: a property only once assigned. */
  absent: boolean;
}


/** The own enumerable data properties of an instance of `cls`, in JavaScript's order (base class first). */
export function visibleFields(cls: ClassInst): VisibleField[] {
  const chain: ClassInst[] = [];
  for (let c: ClassInst | undefined = cls; c; c = c.base) chain.unshift(c);
  const out: VisibleField[] = [];
  for (const c of chain) {
    const hidden = new Set<string>();
    if (!c.literal) {
      for (const m of classInfo(c).decl.members) if (ts.isPropertyDeclaration(m) && ts.isPrivateIdentifier(m.name)) hidden.add(fieldName(m.name));
    }
    for (const f of c.fields) {
      if (hidden.has(f.name) || f.hidden) continue;
      const key = propertyOfField(f.name);
      out.push({ name: f.name, key, type: f.type, owner: c, absent: !!f.absent });
    }
  }
  return out;
}

/** A field of `obj` (a pointer to `owner` or a subclass). */
export function fieldOf(obj: Expr, f: VisibleField): Expr {
  return { e: "field", type: f.type, obj: upcast(obj, f.owner), name: f.name };
}

/** The name Node shows for a class instance: the class's own name without type arguments. */
export function className(cls: ClassInst): string {
  return cls.tsName.replace(/<.*$/, "");
}

/** Which lib/std class `cls` is, when it is one of the collections. */
export function collectionKind(l: Lowerer, cls: ClassInst, node: ts.Node): "Map" | "Set" | "Dict" | undefined {
  // An object literal's class and a tuple's struct have no declaration.
  if (cls.literal || isTuple({ k: "class", cls })) return undefined;
  const decl = classInfo(cls).decl;
  for (const k of ["Dict", "Map", "Set"] as const) if (decl === stdClassDecl(l, k, node)) return k;
  return undefined;
}

/** The type arguments of an instance of a generic class. */
export function typeArgsOf(cls: ClassInst): Type[] {
  const info = classInfo(cls);
  return (info.decl.typeParameters ?? []).map((tp) => {
    for (const [sym, t] of info.env) if (sym.declarations?.includes(tp)) return t;
    throw new Error(`no type argument for ${tp.name.text}`);
  });
}

/** The library class (Map, Set, Error, ...) that a user class extends, if any: its internals are not JavaScript properties. */
export function libraryBase(cls: ClassInst): ClassInst | undefined {
  for (let c: ClassInst | undefined = cls.base; c; c = c.base) if (!c.literal && classInfo(c).decl.getSourceFile().fileName.includes("/lib/std/")) return c;
  return undefined;
}

/** Whether `cls` is (or extends) one of the Error classes of lib/std/error.ts. */
/** Whether a checker type is the global Error class or a subclass of it. */
function isErrorType(l: Lowerer, t: ts.Type): boolean {
  for (let c: ts.Type | undefined = t; c; c = c.isClass() ? l.checker.getBaseTypes(c)[0] : undefined) {
    if (c.getSymbol()?.getName() === "Error" && c.getSymbol()?.declarations?.some((d) => d.getSourceFile().isDeclarationFile)) return true;
    if (!c.isClass()) return false;
  }
  return false;
}

export function isErrorClass(cls: ClassInst): boolean {
  for (let c: ClassInst | undefined = cls; c; c = c.base) if (!c.literal && classInfo(c).decl.getSourceFile().fileName.endsWith("std/error.ts")) return true;
  return false;
}

/** The methods and accessors an object literal's class has (its own functions). */
/**
 * The keys of an object literal's methods and accessors, in the literal's order among all its keys, with
 * what Node shows for each (`[Function: log]`, `[Getter]`, `[Setter]`, `[Getter/Setter]`); empty for other
 * classes. Undefined when the order is not the literal's alone: a spread, or keys the object adds later.
 */
export function literalFunctionKeys(cls: ClassInst): Map<string, string> | undefined {
  const fns = literalFunctions(cls);
  const out = new Map<string, string>();
  if (!fns.length) return out;
  const node = literalNodes.get(cls) as ts.ObjectLiteralExpression;
  const iterator = (p: ts.ObjectLiteralElementLike): boolean => ts.isMethodDeclaration(p) && isSymbolIteratorName(p.name);
  if (node.properties.some((p) => ts.isSpreadAssignment(p) || (p.name && ts.isComputedPropertyName(p.name) && !iterator(p))) || hasKeyOrder(cls.fields)) return undefined;
  for (const p of node.properties) {
    if (iterator(p)) continue;
    const key = p.name && !ts.isComputedPropertyName(p.name) ? p.name.text : "";
    if (ts.isMethodDeclaration(p)) out.set(key, `[${p.asteriskToken ? "GeneratorFunction" : "Function"}: ${key}]`);
    else if (ts.isGetAccessor(p)) out.set(key, out.has(key) ? "[Getter/Setter]" : "[Getter]");
    else if (ts.isSetAccessor(p)) out.set(key, out.has(key) ? "[Getter/Setter]" : "[Setter]");
    else out.set(key, "");
  }
  // A symbol key comes after every string key, as Node lists them.
  const it = node.properties.find(iterator) as ts.MethodDeclaration | undefined;
  if (it) out.set(ITERATOR_KEY, `[${it.asteriskToken ? "GeneratorFunction" : "Function"}: [Symbol.iterator]]`);
  return out;
}

export function literalFunctions(cls: ClassInst): ts.ObjectLiteralElementLike[] {
  const node = literalNodes.get(cls);
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  return node.properties.filter((p) => ts.isMethodDeclaration(p) || ts.isAccessor(p));
}

/**
 * Generated functions whose body tests the runtime class (class and view
 * types): rebuilt until no new class appears, as method dispatchers are.
 */
export interface Dispatch {
  func: Func;
  /** The classes an object of the static type can be. */
  classes: () => ClassInst[];
  /** The body's case for one runtime class: `x` converted to it. */
  each: (cls: ClassInst, x: Expr) => Expr;
  /** For an `unknown` x, which may hold any value: the result when x holds no instance of these classes. */
  otherwise?: Expr;
}

const dispatches = new WeakMap<Lowerer, Dispatch[]>();

export function addDispatch(l: Lowerer, d: Dispatch): void {
  let list = dispatches.get(l);
  if (!list) {
    list = [];
    dispatches.set(l, list);
    const all = list;
    registerFinisher(l, () => {
      for (let i = 0; i < all.length; i++) buildDispatch(l, all[i]!);
      return `${all.length}/${constructedClasses(l).size}/${l.program.viewTables.length}`;
    });
  }
  list.push(d);
  buildDispatch(l, d);
}

function buildDispatch(l: Lowerer, d: Dispatch): void {
  try {
    buildDispatchBody(l, d);
  } catch (e) {
    // A refusal inside a case is recorded as a diagnostic; the build fails with it.
    if (!(e instanceof Bail)) throw e;
  }
}

function buildDispatchBody(l: Lowerer, d: Dispatch): void {
  buildBody(l, d.func, () => {
    const x = local(d.func.params[0]!.name, d.func.params[0]!.type);
    const loc = d.func.loc;
    const classes = d.classes();
    const out: Stmt[] = [];
    if (x.type.k === "dyn") {
      // An unknown: each class tested, then what holds for anything else.
      for (const cls of classes) {
        const as: Expr = { e: "fromdyn", type: { k: "class", cls }, x, loc: 0, check: false };
        out.push({ s: "if", c: { e: "dynis", type: T.bool, x, cls, exact: true }, then: [ret(d.each(cls, as), loc)], loc });
      }
      out.push(ret(d.otherwise!, loc));
      return out;
    }
    classes.forEach((cls, i) => {
      const as: Expr = x.type.k === "view" ? { e: "viewobj", type: { k: "class", cls }, x } : { e: "convert", type: { k: "class", cls }, x, checked: false, loc: 0 };
      const r = ret(d.each(cls, as), loc);
      if (i === classes.length - 1) out.push(r);
      else out.push({ s: "if", c: { e: "instanceof", type: T.bool, x, cls, exact: true }, then: [r], loc });
    });
    if (!classes.length) out.push({ s: "expr", x: { e: "noreturn", type: T.never, loc }, loc });
    return out;
  });
}

/** Every constructed class that a value of static class `cls` can be. */
export function classesBelow(l: Lowerer, cls: ClassInst): () => ClassInst[] {
  return () => [...constructedClasses(l)].filter((c) => isSubclass(c, cls));
}

/** Every class with a table for `view`. */
export function classesOfView(l: Lowerer, view: ViewInst): () => ClassInst[] {
  return () => [...new Set(l.program.viewTables.filter((t) => t.view === view).map((t) => t.cls))];
}

// ---- String(obj) -------------------------------------------------------------

/**
 * `${obj}` / `"" + obj` of an object literal or an instance of a user class
 * that has no `toString` anywhere in its chain or below it: JavaScript's
 * Object.prototype.toString, "[object Object]". Undefined otherwise.
 */
export function plainObjectString(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (x.type.k === "view") return { e: "call", type: T.str, fn: viewStringFunction(l, x.type.view, node), args: [x] };
  if (x.type.k !== "class" || !x.type.cls.header || classMember(l, x.type.cls, "toString")) return undefined;
  const cls = x.type.cls;
  // A Map or Set (or a class extending one without a toString): Object.prototype.toString's tag, "[object Map]".
  // (A record is built on Map, but is a plain object to JavaScript.)
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    const kind = collectionKind(l, c, node);
    if (kind === "Dict") break;
    if (kind === "Map" || kind === "Set") return { e: "seq", type: T.str, xs: [x, str(`[object ${kind}]`)] };
  }
  if (!cls.literal) {
    for (let c: ClassInst | undefined = cls; c; c = c.base) if (!c.literal && l.isLibDecl(classInfo(c).decl)) return undefined;
    if (classInfo(cls).decl.getSourceFile().fileName.includes("/lib/std/") || isOverridden(l, classInfo(cls).decl, "toString")) return undefined;
  }
  return { e: "seq", type: T.str, xs: [x, str("[object Object]")] };
}

const viewStringFns = new WeakMap<Lowerer, Map<ViewInst, string>>();

/** The string form of a view value, by its runtime class: that class's toString() or "[object Object]". */
function viewStringFunction(l: Lowerer, view: ViewInst, node: ts.Node): string {
  let fns = viewStringFns.get(l);
  if (!fns) {
    fns = new Map();
    viewStringFns.set(l, fns);
  }
  const hit = fns.get(view);
  if (hit) return hit;
  const func = synthesize(l, `string_${view.cname}`, [{ name: "x", type: { k: "view", view } }], T.str, l.loc(node));
  fns.set(view, func.cname);
  addDispatch(l, {
    func,
    classes: classesOfView(l, view),
    // A record can be behind a view all of whose members are optional: its string form is a plain object's.
    each: (_cls, obj) => objectToString(l, obj, node) ?? plainObjectString(l, obj, node) ?? recordString(l, obj, node) ?? l.fail("TSOS1031", node, "a part of a string", typeName(obj.type)),
  });
  return func.cname;
}

// ---- console.log -------------------------------------------------------------

/** The lib/std/inspect.ts function for an array of primitives, e.g. `showNumbers2` for number[][]. */
function primitiveArrayFunction(l: Lowerer, t: Type): string | undefined {
  let levels = 0;
  let elem = t;
  while (elem.k === "array") {
    elem = elem.elem;
    levels++;
  }
  if (levels === 0 || levels > 3) return undefined;
  const base = elem.k === "str" ? "showStrings" : elem.k === "bool" ? "showBooleans" : elem.k === "int" && elem.kind === "number" && l.doubles ? "showNumbers" : undefined;
  return base && (levels === 1 ? base : `${base}${levels}`);
}

/** Whether console.log writes a value of type `t` itself (strings, numbers, booleans and nullables of those). */
function printedDirectly(t: Type): boolean {
  if (t.k === "nullable") return t.inner.k === "never" || printedDirectly(t.inner);
  if (t.k === "union") return t.members.every(printedDirectly);
  return t.k === "str" || t.k === "bool" || t.k === "int";
}

export function inspectArgument(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (isDynamic(x)) return dynPrinted(l, x, node);
  const union = inspectUnionArgument(l, x, (m) => showValue(l, m, num(0), num(0), node));
  if (union) return union;
  if (x.type.k === "never") return neverString(l, x, node);
  if (printedDirectly(x.type) || x.type.k === "void") return x;
  if (x.type.k === "array" && x.type.elem.k === "never" && x.e === "arraylit") return str("[]");
  return showValue(l, x, num(0), num(0), node);
}

const SHOW = "std/inspect.ts";

/** `x` as util.inspect shows it inside a structure at `depth`, its lines indented by `indent`. */
export function showValue(l: Lowerer, x: Expr, indent: Expr, depth: Expr, node: ts.Node): Expr {
  const t = x.type;
  switch (t.k) {
    case "str":
      return stdFn(l, SHOW, "showString", [], [x, indent, depth], node);
    case "bool":
      return stdFn(l, SHOW, "showBoolean", [], [x, indent, depth], node);
    case "int":
      return stdFn(l, SHOW, "showNumber", [], [coerce(l, x, T.number, node), indent, depth], node);
    case "nullable": {
      const name = l.temp();
      const v = local(name, t);
      let body: Expr = t.inner.k === "never" ? str(t.null ? "null" : "undefined") : showValue(l, { e: "unwrap", type: t.inner, x: v, loc: 0 }, indent, depth, node);
      if (t.null && t.inner.k !== "never") body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: str("null"), b: body };
      if (t.undef && t.inner.k !== "never") body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: str("undefined"), b: body };
      if (t.null && t.undef && t.inner.k === "never") body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: str("null"), b: str("undefined") };
      return { e: "bind", type: T.str, name, value: x, body };
    }
    case "union": {
      const name = l.temp();
      const v = local(name, t);
      let body: Expr | undefined;
      for (let i = t.members.length - 1; i >= 0; i--) {
        const m: Expr = showValue(l, { e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 }, indent, depth, node);
        body = body ? { e: "cond", type: T.str, c: { e: "istag", type: T.bool, x: v, tag: i }, a: m, b: body } : m;
      }
      return { e: "bind", type: T.str, name, value: x, body: body! };
    }
    case "array": {
      // An array of `never` (`[]` nested in literals) can only be empty.
      if (t.elem.k === "never") return x.e === "local" || x.e === "index" ? str("[]") : { e: "seq", type: T.str, xs: [x, str("[]")] };
      const prim = primitiveArrayFunction(l, t);
      if (prim) return stdFn(l, SHOW, prim, [], [x, indent, depth], node);
      return { e: "call", type: T.str, fn: showFunction(l, t, node), args: [x, indent, depth] };
    }
    case "class":
    case "view": {
      const typed = typedArrayShow(l, x, indent, depth, node); // lower/typed-arrays.ts
      if (typed) return typed;
      const date = dateShow(l, x);
      if (date) return date;
      if (isBigType(t)) return concat(bigintToString(l, x, node), str("n")); // `10n` (lower/bigint.ts)
      // A tuple is an array in JavaScript, and prints as one.
      refuseOptionalTuple(l, t, node, "console.log");
      const tuple = isTuple(t) ? tupleAsUnionArray(l, x, node, mangle, (e) => arrayType(l, e), (i, n, u) => nullableType(l, i, n, u)) : undefined;
      if (tuple) return showValue(l, tuple, indent, depth, node);
      return { e: "call", type: T.str, fn: showFunction(l, t, node), args: [x, indent, depth] };
    }
    case "dyn":
      return dynShow(l, x, indent, depth, node);
    case "fn":
      // `[Function: name]` or `[Function (anonymous)]` (hosted: the name is in the closure's descriptor, lower/fn-names.ts).
      if (l.target === "host") return { e: "call", type: T.str, fn: "tsos_fn_show", args: [x], pure: true };
      return l.fail("TSOS1180", node, `a value of type \`${typeName(t)}\``);
    default:
      return l.fail("TSOS1180", node, `a value of type \`${typeName(t)}\``);
  }
}

const showFns = new WeakMap<Lowerer, Map<string, string>>();

/** The generated show function of a composite type (one per type). */
function showFunction(l: Lowerer, t: Type, node: ts.Node): string {
  let fns = showFns.get(l);
  if (!fns) {
    fns = new Map();
    showFns.set(l, fns);
  }
  const key = t.k === "class" ? `c:${t.cls.cname}` : t.k === "view" ? `v:${t.view.cname}` : mangle(t);
  const hit = fns.get(key);
  if (hit) return hit;
  const loc = l.loc(node);
  const params = [
    { name: "x", type: t },
    { name: "indent", type: T.number },
    { name: "depth", type: T.number },
  ];
  const func = synthesize(l, `show_${key.replace(/^[cv]:/, "")}`, params, T.str, loc);
  fns.set(key, func.cname);
  const x = local("x", t);
  const indent = local("indent", T.number);
  const depth = local("depth", T.number);
  if (t.k === "array") buildBody(l, func, () => showArray(l, x, indent, depth, node, loc));
  // An Error behind an interface or union (a caught error narrowed to `DimensionError | RangeError`) prints with its
  // stack in Node: refused where it is reached, at run time, as printing it directly is at compile time.
  else if (t.k === "view") addDispatch(l, { func, classes: classesOfView(l, t.view), each: (cls, obj) => (isErrorClass(cls) ? errorShowPanic(l, cls, node) : ownShow(l, cls, obj, indent, depth, node)) });
  else if (t.k === "class") {
    const kind = collectionKind(l, t.cls, node);
    if (isTuple(t as Type)) buildBody(l, func, () => showTuple(l, x, indent, depth, node, loc));
    else if (kind) buildBody(l, func, () => showCollection(l, kind, x, indent, depth, node, loc));
    else addDispatch(l, { func, classes: classesBelow(l, t.cls), each: (cls, obj) => ownShow(l, cls, obj, indent, depth, node) });
  }
  return func.cname;
}

/** Whether an element of this type counts as a number for column alignment (Node right-aligns all-number arrays). */
function isNumber(t: Type, v: Expr): Expr {
  if (t.k === "int") return { e: "bool", type: T.bool, value: true };
  if (t.k === "dyn") return dynIsNumber(v);
  if (t.k === "union") {
    const i = t.members.findIndex((m) => m.k === "int");
    if (i >= 0) return { e: "istag", type: T.bool, x: v, tag: i };
  }
  if (t.k === "nullable" && t.inner.k === "int") return { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: v, which: "either" } };
  return { e: "bool", type: T.bool, value: false };
}

function showArray(l: Lowerer, x: Expr, indent: Expr, depth: Expr, node: ts.Node, loc: number): Stmt[] {
  const elem = (x.type as { elem: Type }).elem;
  const strs = arrayType(l, T.str);
  const n = local(l.temp(), USIZE);
  const shown = local(l.temp(), USIZE);
  const out = local(l.temp(), strs);
  const numeric = local(l.temp(), T.bool);
  const name = (e: Expr) => (e as { name: string }).name;
  const gt = (a: Expr, b: Expr, type: Type = T.number): Expr => ({ e: "binary", type: T.bool, op: ">", a, b: b.e === "int" ? { ...b, type } : b, loc });
  const hundred: Expr = { e: "int", type: USIZE, value: 100n };
  const updateNumeric = (i: Expr): Stmt[] => {
    const test = isNumber(elem, elementAt(x, i, loc));
    if (test.e === "bool" && test.value) return [];
    return [{ s: "expr", x: { e: "assign", type: T.bool, target: numeric, value: { e: "logic", type: T.bool, op: "&&", a: numeric, b: test } }, loc }];
  };
  return [
    { s: "let", name: name(n), type: USIZE, init: length(x), loc },
    { s: "if", c: { e: "binary", type: T.bool, op: "==", a: n, b: { e: "int", type: USIZE, value: 0n }, loc }, then: [ret(str("[]"), loc)], loc },
    { s: "if", c: gt(depth, num(2)), then: [ret(str("[Array]"), loc)], loc },
    // Every structure takes its depth's place among the ancestors, so none left from a sibling is mistaken for one.
    cycleCheck(x, depth, "console.log of a circular structure is not supported", loc),
    { s: "let", name: name(shown), type: USIZE, init: { e: "cond", type: USIZE, c: gt(n, hundred, USIZE), a: hundred, b: n }, loc },
    { s: "let", name: name(out), type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
    { s: "let", name: name(numeric), type: T.bool, init: { e: "bool", type: T.bool, value: true }, loc },
    ...countedLoop(l, shown, (i) => [push(out, showValue(l, elementAt(x, i, loc), plus(indent, num(2)), plus(depth, num(1)), node), loc), ...updateNumeric(i)], loc),
    // Node also looks at the element after the last one shown when deciding the alignment.
    { s: "if", c: gt(n, hundred, USIZE), then: updateNumeric(hundred), loc },
    ret(stdFn(l, SHOW, "formatArray", [], [out, { e: "convert", type: T.number, x: n, checked: false, loc }, indent, numeric], node), loc),
  ];
}

/** A Date (lib/std/date.ts): Node shows its ISO text, or `Invalid Date`. */
function dateShow(l: Lowerer, x: Expr): Expr | undefined {
  if (x.type.k !== "class") return undefined;
  const decl = classInfo(x.type.cls)?.decl;
  if (!decl || decl.name?.text !== "Date" || !decl.getSourceFile().fileName.endsWith("lib/std/date.ts")) return undefined;
  const m = decl.members.find((d): d is ts.MethodDeclaration => ts.isMethodDeclaration(d) && ts.isIdentifier(d.name) && d.name.text === "inspectText");
  if (!m) return undefined;
  const f = methodOf(l, x.type.cls, m, []);
  return { e: "call", type: T.str, fn: f.cname, args: [x] };
}

/** A tuple (`[string, number]`): Node shows it as the array it is. */
function showTuple(l: Lowerer, x: Expr, indent: Expr, depth: Expr, node: ts.Node, loc: number): Stmt[] {
  const fields = (x.type as { cls: ClassInst }).cls.fields;
  if (!fields.length) return [ret(str("[]"), loc)];
  const shown = fields.map((f) => showValue(l, { e: "field", type: f.type, obj: x, name: f.name }, plus(indent, num(2)), plus(depth, num(1)), node));
  const numeric = fields.every((f) => f.type.k === "int");
  const count: Expr = { e: "int", type: T.number, value: BigInt(fields.length) };
  return [
    { s: "if", c: { e: "binary", type: T.bool, op: ">", a: depth, b: num(2), loc }, then: [ret(str("[Array]"), loc)], loc },
    cycleCheck(x, depth, "console.log of a circular structure is not supported", loc),
    ret(stdFn(l, SHOW, "formatArray", [], [{ e: "arraylit", type: arrayType(l, T.str), elems: shown, loc }, count, indent, { e: "bool", type: T.bool, value: numeric }], node), loc),
  ];
}

/** Map, Set and records (Record<string, V>). */
function showCollection(l: Lowerer, kind: "Map" | "Set" | "Dict", x: Expr, indent: Expr, depth: Expr, node: ts.Node, loc: number): Stmt[] {
  const cls = (x.type as { cls: ClassInst }).cls;
  const args = typeArgsOf(cls);
  const K = kind === "Dict" ? T.str : args[0]!;
  const V = kind === "Dict" ? args[0]! : kind === "Map" ? args[1]! : undefined;
  const strs = arrayType(l, T.str);
  const ks = local(l.temp(), arrayType(l, K));
  const n = local(l.temp(), USIZE);
  const out = local(l.temp(), strs);
  const name = (e: Expr) => (e as { name: string }).name;
  const keysCall = kind === "Map" ? stdFn(l, SHOW, "mapKeys", [K, V!], [x], node) : kind === "Set" ? stdFn(l, SHOW, "setValues", [K], [x], node) : stdFn(l, SHOW, "recordKeys", [V!], [x], node);
  const body: Stmt[] = [
    { s: "let", name: name(ks), type: ks.type, init: keysCall, loc },
    { s: "let", name: name(n), type: USIZE, init: length(ks), loc },
  ];
  const count: Expr = { e: "convert", type: T.number, x: n, checked: false, loc };
  const open: Expr = kind === "Dict" ? str("{") : concat(str(`${kind}(`), { e: "tostr", type: T.str, x: count, radix: 10 }, str(") {"));
  body.push({ s: "if", c: { e: "binary", type: T.bool, op: "==", a: n, b: { e: "int", type: USIZE, value: 0n }, loc }, then: [ret(concat(open, str("}")), loc)], loc });
  body.push({ s: "if", c: { e: "binary", type: T.bool, op: ">", a: depth, b: num(2), loc }, then: [ret(str(kind === "Dict" ? "[Object]" : `[${kind}]`), loc)], loc });
  body.push(cycleCheck(x, depth, "console.log of a circular structure is not supported", loc));
  const inner = plus(indent, num(2));
  const deeper = plus(depth, num(1));
  let vs: Expr | undefined;
  if (V) {
    vs = local(l.temp(), arrayType(l, V));
    body.push({ s: "let", name: name(vs), type: vs.type, init: kind === "Map" ? stdFn(l, SHOW, "mapValues", [K, V], [x], node) : stdFn(l, SHOW, "recordValues", [V], [x], node), loc });
  }
  body.push({ s: "let", name: name(out), type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc });
  body.push(
    ...countedLoop(l, n, (i) => {
      const k = elementAt(ks, i, loc);
      const keyText = kind === "Dict" ? stdFn(l, SHOW, "showKey", [], [k], node) : showValue(l, k, inner, deeper, node);
      const entry = vs ? concat(keyText, str(kind === "Dict" ? ": " : " => "), showValue(l, elementAt(vs, i, loc), inner, deeper, node)) : keyText;
      return [push(out, entry, loc)];
    }, loc),
  );
  body.push(ret(stdFn(l, SHOW, "formatObject", [], [open, out, indent], node), loc));
  return body;
}

function errorShowPanic(l: Lowerer, cls: ClassInst, node: ts.Node): Expr {
  const message = `console.log of ${className(cls)} (an Error object) is not supported: Node prints its stack`;
  return { e: "seq", type: T.str, xs: [{ e: "panic", type: T.void, message: str(message), loc: l.loc(node) }, str("")] };
}

/** The fields of an object whose class is exactly `cls`, `Point { x: 1, y: 2 }`. */
function ownShow(l: Lowerer, cls: ClassInst, obj: Expr, indent: Expr, depth: Expr, node: ts.Node): Expr {
  // A typed array behind an interface (`const s: Sized = bytes`) prints as itself (lower/typed-arrays.ts).
  const typed = typedArrayShow(l, { e: "convert", type: { k: "class", cls }, x: obj, checked: false, loc: 0 }, indent, depth, node);
  if (typed) return typed;
  return { e: "call", type: T.str, fn: ownShowFunction(l, cls, node), args: [obj, indent, depth] };
}

const ownFns = new WeakMap<Lowerer, Map<ClassInst, string>>();

function ownShowFunction(l: Lowerer, cls: ClassInst, node: ts.Node): string {
  let fns = ownFns.get(l);
  if (!fns) {
    fns = new Map();
    ownFns.set(l, fns);
  }
  const hit = fns.get(cls);
  if (hit) return hit;
  if (collectionKind(l, cls, node)) return showFunction(l, { k: "class", cls }, node);
  if (isErrorClass(cls)) l.fail("TSOS1180", node, `${className(cls)} (an Error object)`);
  const lib = libraryBase(cls);
  if (lib) l.fail("TSOS1180", node, `\`${className(cls)}\` (a class extending \`${className(lib)}\`)`);
  const functionKeys = literalFunctionKeys(cls);
  if (!functionKeys) l.fail("TSOS1180", node, "an object literal with methods or accessors and a spread or keys added later");
  if (isGenType({ k: "class", cls })) l.fail("TSOS1180", node, "a generator object inside another value"); // lower/generators.ts
  const t: Type = { k: "class", cls };
  const loc = l.loc(node);
  const func = synthesize(l, `show_own_${cls.cname}`, [{ name: "x", type: t }, { name: "indent", type: T.number }, { name: "depth", type: T.number }], T.str, loc);
  fns.set(cls, func.cname);
  const x = local("x", t);
  const indent = local("indent", T.number);
  const depth = local("depth", T.number);
  buildBody(l, func, () => {
    const fields = visibleFields(cls);
    const prefix = cls.literal ? "" : `${className(cls)} `;
    if (!fields.length && !functionKeys.size) return [ret(str(`${prefix}{}`), loc)];
    const strs = arrayType(l, T.str);
    const out = local(l.temp(), strs);
    const body: Stmt[] = [];
    // Deeper than depth 2: `[Point]`, unless it has no properties at all (then Node prints `{}`).
    const tooDeep: Expr = str(cls.literal ? "[Object]" : `[${className(cls)}]`);
    const present = fields.filter((f) => f.absent).map((f) => memberPresent(cls, fieldOf(x, f) as Extract<Expr, { e: "field" }>));
    const deep: Expr = fields.some((f) => !f.absent) || !present.length ? tooDeep : { e: "cond", type: T.str, c: present.reduce((a, b) => ({ e: "logic", type: T.bool, op: "||", a, b })), a: tooDeep, b: str(`${prefix}{}`) };
    body.push({ s: "if", c: { e: "binary", type: T.bool, op: ">", a: depth, b: num(2), loc }, then: [ret(deep, loc)], loc });
    body.push(cycleCheck(x, depth, "console.log of a circular structure is not supported", loc));
    body.push({ s: "let", name: (out as { name: string }).name, type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc });
    const added: { field: string; write: Stmt[] }[] = [];
    const labelOf = (key: string): Expr =>
      key === ITERATOR_KEY ? str("[Symbol(Symbol.iterator)]: ") : /^[A-Za-z_][A-Za-z_0-9]*$/.test(key) ? str(`${key}: `) : concat(stdFn(l, SHOW, "showKey", [], [str(key)], node), str(": "));
    // A method or accessor of an object literal: where the literal has it, as Node shows it.
    const pending = new Map(functionKeys);
    const functionsBefore = (key: string | undefined): void => {
      for (const [k, shown] of pending) {
        if (k === key) break;
        pending.delete(k);
        if (shown) body.push(push(out, concat(labelOf(k), str(shown)), loc));
      }
    };
    for (const f of fields) {
      functionsBefore(f.key);
      const entry = push(out, concat(labelOf(f.key), showValue(l, fieldOf(x, f), plus(indent, num(2)), plus(depth, num(1)), node)), loc);
      // A member the literal left out is a property once assigned (even undefined, where the object records its keys).
      if (hasKeyOrder(cls.fields)) added.push({ field: f.name, write: [entry] });
      else body.push(f.absent ? { s: "if", c: memberPresent(cls, fieldOf(x, f) as Extract<Expr, { e: "field" }>), then: [entry], loc } : entry);
    }
    functionsBefore(undefined);
    // An object with members its literal left out: in the order the keys were added (lower/key-order.ts).
    if (added.length) body.push(...inKeyOrder(l, x, added, loc));
    body.push(ret(stdFn(l, SHOW, "formatObject", [], [str(`${prefix}{`), out, indent], node), loc));
    return body;
  });
  return func.cname;
}

/**
 * `delete o.p` on an object literal's optional member (through its own type
 * or an interface): the member holds undefined again and, where the class
 * records the order keys were added (key-order.ts), its key is gone, so a
 * later write adds it at the end. True, as in JavaScript. Undefined for
 * other operands; a class instance's member (always a key in JavaScript
 * until deleted, which tsos does not track) is TSOS1005.
 */
export function objectDelete(l: Lowerer, d: ts.DeleteExpression): Expr | undefined {
  let target: ts.Expression = d.expression;
  while (ts.isParenthesizedExpression(target)) target = target.expression;
  if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.name)) return undefined;
  const prop = target.name.text;
  const obj = lowerExpr(l, target.expression);
  const t = obj.type;
  if (t.k !== "view" && !(t.k === "class" && t.cls.header)) return undefined;
  const loc = l.loc(d);
  const func = synthesize(l, `delete_${prop.replace(/[^A-Za-z0-9_]/g, "_")}`, [{ name: "x", type: t }], T.bool, loc);
  const yes: Expr = { e: "bool", type: T.bool, value: true };
  addDispatch(l, {
    func,
    classes: t.k === "view" ? classesOfView(l, t.view) : classesBelow(l, (t as { cls: ClassInst }).cls),
    each: (cls, x) => {
      const name = fieldName({ text: prop } as ts.Identifier);
      const f = cls.literal ? cls.fields.find((g) => g.name === name && !g.hidden) : undefined;
      if (!cls.literal) l.fail("TSOS1005", d, `\`delete\` of a member of a class instance (\`${cls.tsName}\`)`);
      if (!f) return yes;
      if (f.type.k !== "nullable" || !f.type.undef) l.fail("TSOS1005", d, "`delete` of a required member");
      const field: Expr = { e: "field", type: f.type, obj: x, name: f.name };
      const clear: Expr = { e: "assign", type: f.type, target: field, value: { e: "nullish", type: f.type, undef: true }, noKey: true };
      // A frozen object keeps a member that holds a value (lower/frozen.ts); one without a value is no key to delete.
      const check = checkedDelete(l, x, { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: field, which: "undefined" } }, prop);
      const unstamp: Expr[] = hasKeyOrder(cls.fields) ? [{ e: "assign", type: T.int("u32"), target: keyStamp(x, f.name), value: { e: "int", type: T.int("u32"), value: 0n } }] : [];
      return { e: "seq", type: T.bool, xs: [...check, clear, ...unstamp, yes] };
    },
  });
  return { e: "call", type: T.bool, fn: func.cname, args: [obj] };
}

/** The property names of an instance of `cls`: its own and inherited fields, methods and accessors (an object literal's members). */
function classPropertyNames(cls: ClassInst): string[] {
  const names: string[] = [];
  for (let c: ClassInst | undefined = cls; c; c = c.base) {
    for (const f of c.fields) if (!f.hidden && !f.keyOrder && !f.coroutine) names.push(propertyOfField(f.name));
    const decl = cls.literal ? undefined : classInfo(c).decl;
    for (const m of decl?.members ?? []) {
      if (!m.name || !ts.isIdentifier(m.name) || ts.isPropertyDeclaration(m) || ts.isConstructorDeclaration(m)) continue;
      if (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) continue;
      names.push(m.name.text);
    }
  }
  for (const m of cls.literal ? literalFunctions(cls) : []) if (m.name && ts.isIdentifier(m.name)) names.push(m.name.text);
  return names;
}

/** `"p" in obj` on a class instance or view (lower/unions.ts `objectIn`), its class test built as the dispatchers here are. */
export function objectInOperator(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  // `"cause" in err`: an Error has the key when it was made with a cause, even an undefined one, which tsos does not record.
  const right = l.checker.getTypeAtLocation(b.right);
  if (ts.isStringLiteral(b.left) && b.left.text === "cause" && isErrorType(l, right))
    l.fail("TSOS1005", b, "`\"cause\" in` an Error (whether it has the key depends on how it was made)");
  // The object as tested (a union member tsc narrowed it to is the whole union), but present where tsc
  // narrowed an optional one (`it.discount && "label" in it.discount`).
  const lower = (n: ts.Expression): Expr => {
    const x = lowerExpr(l, n);
    const t = tested(x);
    return t.type.k === "nullable" && x.type.k !== "nullable" ? x : t;
  };
  return objectIn(l, b, lower, inHelpers(l, b, "in"));
}

/**
 * Whether the object `x` (a view, held in a temporary) has the property `prop` now, for a spread that copies it
 * only then (object-spread.ts). An object a spread built does not record it: there a member holding undefined
 * counts as left out, as the spread that built it took it.
 */
export function spreadPresence(l: Lowerer, x: Expr, prop: string, node: ts.Node): Expr {
  return { e: "call", type: T.bool, fn: hasPropertyFunction(l, x.type, prop, inHelpers(l, node, "spread"), "spread"), args: [x] };
}

function inHelpers(l: Lowerer, node: ts.Node, purpose: "in" | "spread"): Parameters<typeof objectIn>[3] {
  const loc = l.loc(node);
  return {
    synthesize: (base, params, ret) => synthesize(l, base, params, ret, loc),
    dispatchWith: (fn, t, each) =>
      t.k === "dyn"
        ? addDispatch(l, { func: fn as Func, classes: () => [...constructedClasses(l)].filter((c) => c.header && !c.tuple), each, otherwise: { e: "bool", type: T.bool, value: false } })
        : addDispatch(l, { func: fn as Func, classes: t.k === "view" ? classesOfView(l, t.view) : classesBelow(l, (t as { cls: ClassInst }).cls), each }),
    member: (cls, prop) => classMember(l, cls, prop),
    propertyNames: (cls) => classPropertyNames(cls),
    entry: (cls, x, key) => (isRecord({ k: "class", cls }) ? recordEntryHas(l, x, key, node) : undefined),
    recordsKeys: (cls) => !!cls.literal && hasKeyOrder(cls.fields),
    present: (cls, x, prop) => {
      const f = cls.fields.find((g) => g.name === fieldName({ text: prop } as ts.Identifier))!;
      const read: Expr = { e: "field", type: f.type, obj: x, name: f.name };
      if (f.absent && spreadShapes.has(cls) && !partOrderedShapes.has(cls)) {
        if (purpose === "spread") return { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: read, which: "undefined" } };
        l.fail("TSOS1005", node, `\`in\` with the optional member \`${prop}\` of an object a spread built (a spread does not copy a member that holds undefined)`);
      }
      return memberPresent(cls, read as Extract<Expr, { e: "field" }>);
    },
  };
}
