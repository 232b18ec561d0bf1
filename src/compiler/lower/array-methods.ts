/**
 * lower/array-methods.ts: array methods, `Array.from/of/isArray`, and
 * assignment to an array's `length`.
 *
 * Input:  a member call `xs.name(args)` on an array (or `readonly` array);
 *         a call of `Array.from`, `Array.of` or `Array.isArray`; an
 *         assignment `xs.length = n`; `Math.max(...xs)` / `Math.min(...xs)`.
 * Output: a call to the generic function of lib/std/array.ts that implements
 *         the method, instantiated with the element type first, then the
 *         method's own type arguments (the callback's result type `R` for
 *         predicates, tested for truthiness as JavaScript does); missing
 *         optional arguments get JavaScript's defaults (`join()` is
 *         `join(",")`). The few operations the dialect cannot express are IR
 *         `arraymethod` nodes the runtime implements (tsos_rt.h): `push`,
 *         `fill` of the whole array, `length` assignment (shrinking only: a
 *         larger length would leave holes, so it panics) and `copyWithin`
 *         (a memmove).
 * Invariants:
 *   - lib/std/array.ts is loaded into every program (load.ts), so its
 *     functions are type-checked with the user's code; callbacks that
 *     declare fewer parameters are adapted (lambdas.ts).
 *   - JavaScript's order: the receiver, then every argument, then the
 *     operation (several `push` arguments are all evaluated before the first
 *     is appended).
 *   - An array iterator (`xs.entries()`, `keys()`, `values()`) is only
 *     consumed where it is created: by `for...of` (lowered as an index loop
 *     over the live array, stmt.ts), by spread or by `Array.from`. Anywhere
 *     else it would be a lazy view of a changing array: refused.
 */
import { sortKeys } from "./sort-keys.ts";
import { isArrayTest, isJsArray } from "./unions.ts";
import { tested } from "./nullable.ts";
import { searchedForAbsent } from "./probes.ts";
import path from "node:path";
import ts from "typescript";
import { tupleAsArray } from "./tuples.ts";
import { dynIsArray } from "./dynamic.ts";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import { hasEffects } from "../eval-order.ts";
import { isLibSymbol, quietly, type Lowerer } from "./context.ts";
import { coerce, lowerExpr, stringPart } from "./expr.ts";
import { buildBody, countedLoop, elementAt, length, mappedElements, push as pushStmt, synthesize } from "./inspect.ts";
import { functionOf } from "./functions.ts";
import { toInteger } from "./number.ts";
import { arrayType, irType, mangle, sameType, tryIrType, typeName, typeOfNode } from "./types.ts";
import { bindLocal, destructure, spreadArray, tupleType } from "./destructure.ts";
import { collectionArray, collectionArrayFrom } from "./collections.ts";
import { objectToString } from "./views.ts";
import { untypedArrayType } from "./calls.ts";
import { checkedArrayWrite } from "./frozen.ts";

export const STD_ARRAY = path.join(LIB_DIR, "std/array.ts");

type ArrayT = Extract<Type, { k: "array" }>;

/** The largest safe integer: the "to the end" default of `slice`, `splice` and `lastIndexOf`. */
const MAX: Expr = { e: "int", type: T.number, value: (1n << 53n) - 1n };
const ZERO: Expr = { e: "int", type: T.number, value: 0n };

let program: ts.Program | undefined;

/** Called once per lowering with the program that holds lib/std/array.ts. */
export function useStdProgram(p: ts.Program): void {
  program = p;
}

/** A top-level declaration of a lib/std file (the files load.ts adds to every program). */
export function stdDeclaration<D extends ts.Statement>(file: string, name: string, is: (s: ts.Statement) => s is D): D | undefined {
  const sf = program?.getSourceFile(path.join(LIB_DIR, file));
  return sf?.statements.find((s): s is D => is(s) && (s as { name?: ts.Identifier }).name?.text === name);
}

function stdFunction(l: Lowerer, name: string, node: ts.Node): ts.FunctionDeclaration {
  const sf = program?.getSourceFile(STD_ARRAY);
  const decl = sf?.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!decl) l.fail("TSOS9001", node, `lib/std/array.ts has no \`${name}\``);
  return decl;
}

/** lib/std/array.ts's functions a method `name` may call (lower/closures.ts checks that each only calls its callback). */
const VARIANTS: Record<string, string[]> = {
  filter: ["filterAs"], find: ["findAs"], findLast: ["findLastAs"], reduce: ["reduceFirst"], reduceRight: ["reduceRightFirst"],
  sort: ["sortByKeys", "sortDefault"], flatMap: ["map"],
};
export function stdArrayFunctions(name: string): ts.FunctionDeclaration[] {
  const sf = program?.getSourceFile(STD_ARRAY);
  const names = new Set([name, `${name}As`, `${name}First`, ...(VARIANTS[name] ?? [])]);
  return sf?.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name && names.has(s.name.text)) ?? [];
}

/** A call of lib/std/array.ts's `name` with these type arguments and already lowered arguments. */
export function stdCall(l: Lowerer, name: string, typeArgs: Type[], args: Expr[], node: ts.Node): Expr {
  const f = functionOf(l, stdFunction(l, name, node), typeArgs);
  return { e: "call", type: f.ret, fn: f.cname, args };
}

/**
 * A call of lib/std/array.ts's `name` on `recv`: `given` are the source
 * arguments for the parameters after the array (lowered against the
 * instance's parameter types); `defaults[i]` stands for a missing argument i.
 */
function libCall(l: Lowerer, name: string, typeArgs: Type[], recv: Expr, given: readonly ts.Expression[], defaults: (Expr | undefined)[], node: ts.Node): Expr {
  const f = functionOf(l, stdFunction(l, name, node), typeArgs);
  // An @trackCaller function (a panic inside reports this call) takes the location last.
  const params = f.params.slice(1).filter((p) => p.type.k !== "loc");
  const args = params.map((p, i) => {
    const a = given[i];
    if (a) return coerce(l, lowerExpr(l, a, p.type), p.type, a);
    const d = defaults[i];
    if (!d) l.fail("TSOS9001", node, `missing argument to \`${name}\``);
    return d;
  });
  if (f.trackCaller) args.push({ e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) });
  return { e: "call", type: f.ret, fn: f.cname, args: [recv, ...args] };
}

/**
 * `ops.includes(t as Op)` where `t` is a local that may hold undefined (an
 * element read past the end, lower/probes.ts isSearchedFor): false or -1.
 */
function searchForAbsent(l: Lowerer, name: string, elem: Type, recv: Expr, args: readonly ts.Expression[], call: ts.CallExpression): Expr | undefined {
  const missing = (): Expr => (name === "includes" ? { e: "bool", type: T.bool, value: false } : { e: "num", type: T.number, value: -1 });
  return searchedForAbsent(l, recv, args[0], elem, missing, (arr, x) => libCall(l, name, [elem], arr, [], [x, name === "lastIndexOf" ? MAX : ZERO], call));
}

/** The IR type of what a callback argument returns (a type predicate returns boolean). */
function callbackResult(l: Lowerer, a: ts.Expression | undefined, node: ts.Node): Type {
  if (!a) l.fail("TSOS9001", node, "a callback is missing");
  const sig = l.checker.getTypeAtLocation(a).getCallSignatures()[0];
  if (!sig) l.fail("TSOS1031", a, "a callback", l.checker.typeToString(l.checker.getTypeAtLocation(a)));
  return irType(l, sig.getReturnType(), a);
}

/** The resolved type arguments tsc gave the method (`map<U>`, `filter<S>`). */
function ownTypeArgs(l: Lowerer, call: ts.CallExpression): Type[] {
  const sig = l.checker.getResolvedSignature(call);
  const own = (sig ? l.checker.getTypeArgumentsForResolvedSignature(sig) : undefined) ?? [];
  return own.map((t) => irType(l, t, call));
}

/**
 * The element type `U` of `xs.map(f)`: the one tsc inferred, unless the call stands where an
 * array of another element type is wanted (`const cs: Cluster[] = xs.map((x) => ({ c: x, members: [] }))`
 * infers `members: never[]`; `const ys: (number | string)[] = ns.map((n) => n)`): then the callback
 * builds that element type directly, since arrays of different element types do not convert.
 */
function mapResult(l: Lowerer, call: ts.CallExpression): Type {
  const [u] = ownTypeArgs(l, call);
  return wantedElement(l, call, u!);
}

/** Array methods whose result holds elements of the receiver (the same array, or a new one of the same type). */
const SAME_ELEMENTS = new Set(["sort", "reverse", "slice", "fill", "copyWithin", "toSorted", "toReversed"]);

/** The element type an array built by `call` should have: `u`, or the one its context wants (see mapResult). */
function wantedElement(l: Lowerer, call: ts.CallExpression, u: Type): Type {
  // `xs.map(f).sort(cmp)` (also `.slice`, `.reverse`): the array the chain ends in is this one's
  // elements, so the context of the whole chain decides.
  let outer: ts.Expression = call;
  for (;;) {
    const access = outer.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== outer || !SAME_ELEMENTS.has(access.name.text) || !ts.isCallExpression(access.parent) || access.parent.expression !== access) break;
    outer = access.parent;
  }
  const given = l.checker.getContextualType(outer);
  const ctx = given && l.checker.getNonNullableType(given);
  // An array, or an iterable one is passed for (`new Map<string, Row>(teams.map((t) => [t.name, { ..., form: [] }]))`).
  const iterable = ctx?.getSymbol()?.name === "Iterable" && isLibSymbol(ctx.getSymbol());
  if (!ctx || !(l.checker.isArrayType(ctx) || iterable)) return u!;
  const [e] = l.checker.getTypeArguments(ctx as ts.TypeReference);
  const want = e ? quietly(l, () => tryIrType(l, e, call)) : undefined;
  if (!want || want.k === "dyn" || (u && sameType(u, want))) return u!;
  return want;
}

function local(type: Type, name: string): Expr {
  return { e: "local", type, name };
}

/** `let name = value in body(name)`: the value evaluated once, first. */
/** `xs.sort(cmp)`: by the comparator, or by the elements' string forms as JavaScript's default order. */
function sortCall(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr {
  const elem = (recv.type as Extract<Type, { k: "array" }>).elem;
  const args = call.arguments;
  if (elem.k === "nullable" && elem.undef) l.fail("TSOS1120", call, typeName(elem));
  if (args[0]) return libCall(l, "sort", [elem], recv, args, [], call);
  if (elem.k === "str") return letIn(l, recv, (xs) => stdCall(l, "sortByKeys", [elem], [xs, xs], call));
  // Tuples, nested arrays, nullables, objects with toString: by their string forms (lower/sort-keys.ts).
  if (elem.k !== "int" && elem.k !== "bool") return letIn(l, recv, (xs) => stdCall(l, "sortByKeys", [elem], [xs, sortKeys(l, xs, elem, call)], call));
  return stdCall(l, "sortDefault", [elem], [recv], call);
}

/** A new array of xs's elements (`xs.slice()`). */
function copyOf(l: Lowerer, xs: Expr, call: ts.CallExpression): Expr {
  return stdCall(l, "slice", [(xs.type as Extract<Type, { k: "array" }>).elem], [xs, ZERO, MAX], call);
}

/** `body(x)` with x a temporary holding `value`, evaluated once. */
export function letIn(l: Lowerer, value: Expr, body: (x: Expr) => Expr): Expr {
  const name = l.temp();
  const inner = body(local(value.type, name));
  return { e: "let", type: inner.type, name, init: value, body: inner };
}

function hasSpread(args: readonly ts.Expression[]): boolean {
  return args.some((a) => ts.isSpreadElement(a));
}

/** The arguments as one new array of type `t` (spread ones included). */
function argsArray(l: Lowerer, args: readonly ts.Expression[], t: ArrayT, node: ts.Node): Expr {
  return spreadArray(l, args, t, node);
}

/** `xs.push(a, b, ...)`: every argument first, then one append each; the value is the new length. */
function push(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr {
  const args = call.arguments;
  // pushAll (a spread) tests the frozen mark itself (lib/std/array.ts).
  if (hasSpread(args)) return pushUnchecked(l, recv, call);
  return checkedArrayWrite(l, recv, args.length > 0, (arr) => pushUnchecked(l, arr, call), l.loc(call)); // lower/frozen.ts
}

function pushUnchecked(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr {
  const t = recv.type as ArrayT;
  const args = call.arguments;
  const loc = l.loc(call);
  const one = (arr: Expr, v: Expr): Expr => ({ e: "arraymethod", type: T.number, method: "push", arr, args: [v], loc });
  if (hasSpread(args)) {
    const single = args.length === 1 ? (args[0] as ts.SpreadElement).expression : undefined;
    const ys = single ? coerce(l, collectionArray(l, single) ?? lowerExpr(l, single, t), t, single) : argsArray(l, args, t, call);
    return stdCall(l, "pushAll", [t.elem], [recv, ys], call);
  }
  if (args.length === 1) return one(recv, coerce(l, lowerExpr(l, args[0]!, t.elem), t.elem, args[0]!));
  if (args.length === 0) return { e: "arraymethod", type: T.number, method: "length", arr: recv, args: [], loc };
  const values = args.map((a) => coerce(l, lowerExpr(l, a, t.elem), t.elem, a));
  return letIn(l, recv, (arr) => {
    const bindAll = (i: number, bound: Expr[]): Expr => {
      if (i === values.length) return { e: "seq", type: T.number, xs: bound.map((v) => one(arr, v)) };
      return letIn(l, values[i]!, (v) => bindAll(i + 1, [...bound, v]));
    };
    return bindAll(0, []);
  });
}

/** `xs.concat(a, b, ...)`: a copy of xs, then each argument's elements (an array) or itself (a value). */
function concat(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr {
  const t = recv.type as ArrayT;
  const args = call.arguments;
  if (hasSpread(args)) l.fail("TSOS1086", args.find((a) => ts.isSpreadElement(a))!, "spread into `concat`");
  const parts = args.map((a) => {
    const argType = l.checker.getTypeAtLocation(a);
    const looksArray = l.checker.isArrayType(argType) || l.checker.isTupleType(argType);
    if (t.elem.k !== "array" && looksArray) return { spread: true, x: coerce(l, lowerExpr(l, a, t), t, a) };
    const x = lowerExpr(l, a, t.elem.k === "array" ? undefined : t.elem);
    if (sameType(x.type, t)) return { spread: true, x };
    return { spread: false, x: coerce(l, x, t.elem, a) };
  });
  if (parts.length === 1 && parts[0]!.spread) return stdCall(l, "concat", [t.elem], [recv, parts[0]!.x], call);
  const loc = l.loc(call);
  return letIn(l, recv, (arr) => {
    const bindAll = (i: number, bound: Expr[]): Expr => {
      if (i < parts.length) return letIn(l, parts[i]!.x, (v) => bindAll(i + 1, [...bound, v]));
      return letIn(l, stdCall(l, "slice", [t.elem], [arr, ZERO, MAX], call), (out) => ({
        e: "seq",
        type: t,
        xs: [
          ...bound.map((v, j): Expr => (parts[j]!.spread ? stdCall(l, "pushAll", [t.elem], [out, v], call) : { e: "arraymethod", type: T.number, method: "push", arr: out, args: [v], loc })),
          out,
        ],
      }));
    };
    return bindAll(0, []);
  });
}

/** `xs.join(sep)`: strings are joined by the runtime in one allocation; other elements through their string forms. */
function join(l: Lowerer, recv: Expr, sep: ts.Expression | undefined, call: ts.Node, name: string): Expr {
  const t = recv.type as ArrayT;
  const separator: Expr = sep ? coerce(l, lowerExpr(l, sep, T.str), T.str, sep) : { e: "str", type: T.str, value: "," };
  const elem = t.elem;
  if (elem.k === "str") return { e: "call", type: T.str, fn: "tsos_join_strs", args: [coerce(l, recv, arrayType(l, T.str), call), separator] };
  if (elem.k === "array") return stdCall(l, "joinArrays", [elem.elem], [recv, separator], call);
  // `[].join()`: an array that can hold nothing joins to "".
  if (elem.k === "never") return { e: "seq", type: T.str, xs: [recv, separator, { e: "str", type: T.str, value: "" }] };
  const inner = elem.k === "nullable" ? elem.inner : elem;
  // Objects join through their own toString() (lower/views.ts), as in a template.
  const ownString = (inner.k === "class" || inner.k === "view") && objectToString(l, { e: "local", type: inner, name: "tsos_probe" }, call) !== undefined;
  if (!ownString && !["str", "int", "bool", "union", "dyn"].includes(inner.k)) {
    // Elements with a string form of their own (tuples, `[[1, 2], [3]]`'s arrays): each made a string, then joined.
    const probe: Expr = { e: "local", type: elem, name: "tsos_probe" };
    if (elem === inner && quietly(l, () => stringPart(l, probe, call))) {
      const strings = mappedElements(l, "strings_of", recv, arrayType(l, T.str) as ArrayT, (e) => stringPart(l, e, call), call);
      return { e: "call", type: T.str, fn: "tsos_join_strs", args: [strings, separator] };
    }
    l.fail("TSOS1018", ts.isCallExpression(call) ? call.expression : call, name, typeName(t));
  }
  return stdCall(l, "join", [elem], [recv, separator], call);
}

/** An array as a part of a string (a template, `+`): its elements joined with commas, as `toString` does. */
export function arrayString(l: Lowerer, x: Expr, node: ts.Node): Expr {
  return join(l, x, undefined, node, "toString");
}

/** Predicates (`filter`, `find`, ...): the callback's result type is the last type argument. */
const PREDICATES = new Set(["filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex"]);
/** Predicates whose type-guard overload (`(x): x is S`) narrows the result to S. */
const GUARDED: Record<string, string> = { filter: "filterAs", find: "findAs", findLast: "findLastAs" };

/** `xs.name(args)` for an array method, or undefined for any other name. */
export function arrayLibraryCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  if (recv.type.k !== "array") return undefined;
  const t = recv.type;
  const elem = t.elem;
  const args = call.arguments;
  const loc = l.loc(call);
  if (PREDICATES.has(name)) {
    // A callback that never returns (it throws, or tsc narrowed what it returns to `never`) tests as a boolean.
    const r0 = callbackResult(l, args[0], call);
    const r = r0.k === "never" && elem.k !== "never" ? T.bool : r0;
    const [s] = ownTypeArgs(l, call);
    const guarded = GUARDED[name];
    if (s && guarded && !sameType(s, elem)) return libCall(l, guarded, [elem, s, r], recv, args, [], call);
    return libCall(l, name, [elem, r], recv, args, [], call);
  }
  switch (name) {
    case "push":
      return push(l, recv, call);
    case "concat":
      return concat(l, recv, call);
    case "join":
      return join(l, recv, args[0], call, name);
    case "toString":
      return join(l, recv, undefined, call, name);
    case "forEach":
    case "reverse":
    case "pop":
    case "shift":
    case "at":
      return libCall(l, name, [elem], recv, args, [], call);
    case "map":
      return libCall(l, name, [elem, mapResult(l, call)], recv, args, [], call);
    case "slice":
      return libCall(l, name, [elem], recv, args, [ZERO, MAX], call);
    case "indexOf":
    case "includes":
      return searchForAbsent(l, name, elem, recv, args, call) ?? libCall(l, name, [elem], recv, args, [undefined, ZERO], call);
    case "lastIndexOf":
      return searchForAbsent(l, name, elem, recv, args, call) ?? libCall(l, name, [elem], recv, args, [undefined, MAX], call);
    case "reduce":
    case "reduceRight": {
      if (args.length < 2) return libCall(l, name === "reduce" ? "reduceFirst" : "reduceRightFirst", [elem], recv, args, [], call);
      const [u] = ownTypeArgs(l, call);
      return libCall(l, name, [elem, u ?? elem], recv, args, [], call);
    }
    case "sort":
      return sortCall(l, recv, call);
    // ES2023's copying methods: the method on a copy (`slice()`), the array itself unchanged.
    case "toSorted":
      return sortCall(l, copyOf(l, recv, call), call);
    case "toReversed":
      return libCall(l, "reverse", [elem], copyOf(l, recv, call), args, [], call);
    case "toSpliced": {
      const start = args[0] ? coerce(l, lowerExpr(l, args[0], T.number), T.number, args[0]) : MAX;
      const count = args[1] ? coerce(l, lowerExpr(l, args[1], T.number), T.number, args[1]) : args[0] ? MAX : ZERO;
      if (hasSpread(args.slice(0, 2))) l.fail("TSOS1086", call, "spread into the first arguments of `toSpliced`");
      return stdCall(l, "toSpliced", [elem], [recv, start, count, argsArray(l, args.slice(2), t, call)], call);
    }
    case "with":
      return libCall(l, "withAt", [elem], recv, args, [], call);
    case "unshift": {
      if (args.length === 1 && !hasSpread(args)) return libCall(l, "unshiftOne", [elem], recv, args, [], call);
      return stdCall(l, "unshift", [elem], [recv, argsArray(l, args, t, call)], call);
    }
    case "splice": {
      const start = args[0] ? coerce(l, lowerExpr(l, args[0], T.number), T.number, args[0]) : ZERO;
      const count = args[1] ? coerce(l, lowerExpr(l, args[1], T.number), T.number, args[1]) : MAX;
      if (hasSpread(args.slice(0, 2))) l.fail("TSOS1086", call, "spread into the first arguments of `splice`");
      const items = argsArray(l, args.slice(2), t, call);
      return stdCall(l, "splice", [elem], [recv, start, count, items], call);
    }
    case "fill": {
      // In a program that may freeze, lib/std/array.ts fill, which tests the frozen mark.
      if (args.length === 1 && !l.mayFreeze) return { e: "arraymethod", type: t, method: "fill", arr: recv, args: [coerce(l, lowerExpr(l, args[0]!, elem), elem, args[0]!)], loc };
      return libCall(l, "fill", [elem], recv, args, [undefined, ZERO, MAX], call);
    }
    case "copyWithin": {
      const ints = args.map((a) => toInteger(l, coerce(l, lowerExpr(l, a, T.number), T.number, a), a));
      const end = ints[2] ?? MAX;
      return { e: "arraymethod", type: t, method: "copyWithin", arr: recv, args: [ints[0]!, ints[1]!, end], loc };
    }
    case "flatMap": {
      const r = callbackResult(l, args[0], call);
      if (r.k === "array") return libCall(l, "flatMap", [elem, r.elem], recv, args, [], call);
      return libCall(l, "map", [elem, r], recv, args, [], call);
    }
    case "flat":
      return flat(l, recv, args[0], call);
    case "entries":
    case "keys":
    case "values":
      return iteratorValue(l, recv, name, call);
  }
  return undefined;
}

/** `xs.flat(depth)`: one level per step while the elements are arrays (a literal depth, 1 by default). */
function flat(l: Lowerer, recv: Expr, depthArg: ts.Expression | undefined, call: ts.CallExpression): Expr {
  let depth = 1;
  if (depthArg) {
    const dt = l.checker.getTypeAtLocation(depthArg);
    const text = depthArg.getText();
    if (dt.isNumberLiteral()) depth = dt.value;
    else if (text === "Infinity") depth = Infinity;
    else l.fail("TSOS1122", depthArg);
  }
  let x = recv;
  // Elements of which only some are arrays (`[1, [2, 3]]`): JavaScript spreads those; not done here yet.
  const mixed = (t: Type): boolean => t.k !== "array" && mayHoldArray(t);
  const recvNode = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : call.expression;
  const refuse = (): never => l.fail("TSOS1125", call, l.checker.typeToString(l.checker.getTypeAtLocation(recvNode)));
  // One level of elements that are only sometimes arrays (`[node, [a, b], null].flat()`): spread where an array.
  if (depth === 1 && mixed((x.type as ArrayT).elem) && (x.type as ArrayT).elem.k !== "dyn") {
    const result = tryIrType(l, l.checker.getTypeAtLocation(call), call);
    if (result?.k === "array") return mixedFlat(l, x, result, call);
  }
  if (depth >= 1 && mixed((x.type as ArrayT).elem)) refuse();
  if (depth < 1 || (x.type as ArrayT).elem.k !== "array") return stdCall(l, "slice", [(x.type as ArrayT).elem], [x, ZERO, MAX], call);
  for (let d = 0; d < depth; d++) {
    const elem = (x.type as ArrayT).elem;
    if (mixed(elem)) refuse();
    if (elem.k !== "array") break;
    x = stdCall(l, "flat", [elem.elem], [x], call);
  }
  return x;
}

/**
 * `xs.flat()` of elements that are arrays only sometimes (`(VNode | VNode[] | null)[]`): a function generated
 * per pair of types that pushes the elements of each array member and every other element as it is.
 */
function mixedFlat(l: Lowerer, xs: Expr, result: ArrayT, call: ts.CallExpression): Expr {
  const from = xs.type as ArrayT;
  const loc = l.loc(call);
  const func = synthesize(l, `flat_${mangle(from)}_to_${mangle(result)}`, [{ name: "xs", type: from }], result, loc);
  buildBody(l, func, () => {
    const out = local(result, l.temp());
    const put = (v: Expr): Stmt[] => [pushStmt(out, coerce(l, v, result.elem, call), loc)];
    // What one element adds to `out`: its elements if it is an array, else itself.
    const add = (e: Expr): Stmt[] => {
      const t = e.type;
      if (t.k === "array") return countedLoop(l, length(e), (i) => put(elementAt(e, i, loc)), loc);
      if (!mayHoldArray(t)) return put(e);
      const name = l.temp();
      const v = local(t, name);
      const held: Stmt = { s: "let", name, type: t, init: e, loc };
      if (t.k === "nullable") {
        const absent: Expr = { e: "cond", type: result.elem, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: { e: "nullish", type: result.elem, undef: false }, b: { e: "nullish", type: result.elem, undef: true } };
        return [held, { s: "if", c: { e: "isnullish", type: T.bool, x: v, which: "either" }, then: [pushStmt(out, absent, loc)], else: add({ e: "unwrap", type: t.inner, x: v, loc: 0 }), loc }];
      }
      if (t.k !== "union") return put(e);
      let chain: Stmt[] = [];
      for (let i = t.members.length - 1; i >= 0; i--) {
        const member = add({ e: "fromunion", type: t.members[i]!, x: v, tag: i, loc: 0 });
        chain = i === t.members.length - 1 ? member : [{ s: "if", c: { e: "istag", type: T.bool, x: v, tag: i }, then: member, else: chain, loc }];
      }
      return [held, ...chain];
    };
    return [
      { s: "let", name: (out as { name: string }).name, type: result, init: { e: "arraylit", type: result, elems: [], loc }, loc },
      ...countedLoop(l, length(local(from, "xs")), (i) => add(elementAt(local(from, "xs"), i, loc)), loc),
      { s: "return", x: out, loc },
    ];
  });
  return { e: "call", type: result, fn: func.cname, args: [xs] };
}

/** Whether a value of type `t` may be an array (an array, or a union, nullable or `unknown` that may hold one). */
function mayHoldArray(t: Type): boolean {
  if (t.k === "array" || t.k === "dyn") return true;
  if (t.k === "nullable") return mayHoldArray(t.inner);
  if (t.k === "union") return t.members.some(mayHoldArray);
  return false;
}

/** Whether an iterator-returning call is consumed at once: spread, or the argument of `Array.from`. */
function consumedWhole(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isSpreadElement(p)) return true;
  if (ts.isCallExpression(p) && p.arguments[0] === n && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === "from" && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === "Array") return true;
  return false;
}

/** `xs.entries()` / `keys()` / `values()` consumed whole: the array of what they would yield. */
function iteratorValue(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr {
  if (!consumedWhole(call)) l.fail("TSOS1123", call, name);
  const elem = (recv.type as ArrayT).elem;
  if (name === "values") return stdCall(l, "slice", [elem], [recv, ZERO, MAX], call);
  if (name === "keys") return stdCall(l, "keys", [elem], [recv], call);
  tupleType(l, [T.number, elem]);
  return stdCall(l, "entries", [elem], [recv], call);
}

/** Whether `x` is `xs.entries()`, `xs.keys()` or `xs.values()` on an array (or readonly array). */
export function isArrayIteratorCall(l: Lowerer, x: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isCallExpression(x) || x.arguments.length || !ts.isPropertyAccessExpression(x.expression)) return false;
  const kind = x.expression.name.text;
  if (kind !== "entries" && kind !== "keys" && kind !== "values") return false;
  return l.checker.isArrayType(l.checker.getTypeAtLocation(x.expression.expression));
}

/** `for (const x of xs.entries() | keys() | values())`: the array itself, and what each step binds. */
export function arrayIterator(l: Lowerer, x: ts.Expression): { arr: Expr; kind: "entries" | "keys" | "values" } | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!isArrayIteratorCall(l, x) || !ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression)) return undefined;
  const kind = x.expression.name.text as "entries" | "keys" | "values";
  const arr = lowerExpr(l, x.expression.expression);
  if (arr.type.k !== "array") return undefined;
  return { arr, kind };
}

/**
 * What one step of `for (... of xs.entries() | keys() | values())` binds:
 * the element, the index, or both. `for (const [i, x] of xs.entries())`
 * binds i and x directly (no pair is built); other heads get a pair.
 */
export function iteratorStep(l: Lowerer, f: ts.ForOfStatement, kind: "entries" | "keys" | "values", idx: Expr, elem: Expr, bind: (x: Expr) => Stmt[]): Stmt[] {
  const index: Expr = { e: "convert", type: T.number, x: idx, checked: false, loc: l.loc(f) };
  if (kind === "values") return bind(elem);
  if (kind === "keys") return bind(index);
  const list = f.initializer;
  const decl = ts.isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0]! : undefined;
  const pattern = decl?.name;
  const direct =
    decl && pattern && ts.isArrayBindingPattern(pattern) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0 && pattern.elements.length <= 2 &&
    pattern.elements.every((el) => ts.isOmittedExpression(el) || (!el.dotDotDotToken && !el.initializer));
  if (decl && pattern && direct && ts.isArrayBindingPattern(pattern)) {
    const values = [index, elem];
    return pattern.elements.flatMap((el, i) => (ts.isOmittedExpression(el) ? [] : destructure(l, el.name, values[i]!, bindLocal(l, decl))));
  }
  return bind(stdCall(l, "entry", [elem.type], [index, elem], f));
}

/** `xs.length = n`: shrinks the array (a larger length panics: it would leave holes). */
export function arrayLengthAssign(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  let left = b.left;
  while (ts.isParenthesizedExpression(left)) left = left.expression;
  if (!ts.isPropertyAccessExpression(left) || left.name.text !== "length") return undefined;
  const objType = l.checker.getTypeAtLocation(left.expression);
  if (!l.checker.isArrayType(objType)) return undefined;
  const arr = lowerExpr(l, left.expression);
  if (arr.type.k !== "array") return undefined;
  const n = toInteger(l, coerce(l, lowerExpr(l, b.right, T.number), T.number, b.right), b.right);
  return checkedArrayWrite(l, arr, false, (a) => ({ e: "arraymethod", type: T.number, method: "setLength", arr: a, args: [n], loc: l.loc(b) }), l.loc(b));
}

/** `Array.isArray(x)`, and `x instanceof Array` (the same test for values of one program). */
export function isArrayValue(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (x.type.k === "dyn") return dynIsArray(x); // lower/dynamic.ts
  const known: Expr = { e: "bool", type: T.bool, value: isJsArray(x.type) };
  return isArrayTest(l, tested(x), node) ?? (hasEffects(x) ? { e: "seq", type: T.bool, xs: [x, known] } : known);
}

/** `Array.from`, `Array.of`, `Array.isArray`, or undefined for another name. */
export function arrayConstructorCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  const args = call.arguments;
  switch (name) {
    case "Array.isArray":
      return isArrayValue(l, lowerExpr(l, args[0]!), call);
    case "Array.of": {
      const t = typeOfNode(l, call);
      if (t.k !== "array") l.fail("TSOS1031", call, "the result of `Array.of`", typeName(t));
      return argsArray(l, args, t, call);
    }
    case "Array.from":
      return arrayFrom(l, call);
  }
  return undefined;
}

/**
 * The elements `Array.from(source)` reads, as an array: an array (itself, not
 * copied), a string (its characters), an array iterator consumed whole.
 * (Map, Set and their iterators are lower/collections.ts's `collectionArrayFrom`.)
 */
export function iterableAsArray(l: Lowerer, source: ts.Expression): Expr | undefined {
  const x = lowerExpr(l, source);
  if (x.type.k === "array") return x;
  if (x.type.k === "str") return stdCall(l, "chars", [], [x], source);
  return undefined;
}

function arrayFrom(l: Lowerer, call: ts.CallExpression): Expr {
  // Map, Set and their iterators (lower/collections.ts) first.
  const collection = collectionArrayFrom(l, call);
  if (collection) return collection;
  const [source, mapfn] = call.arguments;
  if (!source || hasSpread(call.arguments)) l.fail("TSOS1086", call, "this form of `Array.from`");
  // `Array.from({ length: n }, (_, i) => ...)`
  // (`{ length }` names a local `length`.)
  const lengthOnly = ts.isObjectLiteralExpression(source) ? source.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "length") : undefined;
  const lengthValue = lengthOnly && (ts.isPropertyAssignment(lengthOnly) ? lengthOnly.initializer : ts.isShorthandPropertyAssignment(lengthOnly) ? lengthOnly.name : undefined);
  if (lengthValue && ts.isObjectLiteralExpression(source) && source.properties.length === 1) {
    if (!mapfn) l.fail("TSOS1124", call);
    const n = toInteger(l, coerce(l, lowerExpr(l, lengthValue, T.number), T.number, lengthValue), lengthValue);
    // `const grid: string[][] = Array.from({ length: h }, () => Array(w).fill("."))`: tsc says `any[]` for the rows.
    const u = wantedElement(l, call, untypedResult(l, mapfn) ?? callbackResult(l, mapfn, call));
    const f = functionOf(l, stdFunction(l, "fromLength", call), [u]);
    const fnParam = f.params[1]!.type;
    return { e: "call", type: f.ret, fn: f.cname, args: [{ e: "convert", type: T.number, x: n, checked: false, loc: l.loc(call) }, coerce(l, lowerExpr(l, mapfn, fnParam), fnParam, mapfn)] };
  }
  const arr = iterableAsArray(l, source);
  if (!arr || arr.type.k !== "array") l.fail("TSOS1031", source, "the argument of `Array.from`", l.checker.typeToString(l.checker.getTypeAtLocation(source)));
  const elem = arr.type.elem;
  const fresh = arr.e === "call";
  if (!mapfn) {
    const want = typeOfNode(l, call);
    if (fresh) return coerce(l, arr, want, call);
    return coerce(l, stdCall(l, "slice", [elem], [arr, ZERO, MAX], call), want, call);
  }
  const u = wantedElement(l, call, untypedResult(l, mapfn) ?? callbackResult(l, mapfn, call));
  const f = functionOf(l, stdFunction(l, "fromMap", call), [elem, u]);
  const fnParam = f.params[1]!.type;
  return { e: "call", type: f.ret, fn: f.cname, args: [arr, coerce(l, lowerExpr(l, mapfn, fnParam), fnParam, mapfn)] };
}

/** A callback `() => Array(n).fill(v)`, whose result tsc types `any[]`: the array of v's type (calls.ts untypedArrayType). */
function untypedResult(l: Lowerer, fn: ts.Expression): Type | undefined {
  return ts.isArrowFunction(fn) && !ts.isBlock(fn.body) ? untypedArrayType(l, fn.body) : undefined;
}

/** `Math.max(...xs)` / `Math.min(...xs)` (hosted numbers): over all the arguments, spread ones included. */
export function spreadMinMax(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (!hasSpread(call.arguments) || !l.doubles) return undefined;
  const t = arrayType(l, T.number) as ArrayT;
  const args = call.arguments;
  const single = args.length === 1 ? (args[0] as ts.SpreadElement).expression : undefined;
  // A Map or Set iterator spreads its elements (`Math.max(...scores.values())`).
  const one = single && (collectionArray(l, single) ?? lowerExpr(l, single, t));
  // A tuple of numbers (`Math.max(...sides)`) spreads its elements.
  const xs = single ? coerce(l, tupleAsArray(l, one!, single) ?? one!, t, single) : argsArray(l, args, t, call);
  return stdCall(l, name === "Math.max" ? "maxOf" : "minOf", [], [xs], call);
}

/**
 * `x as S` inside lib/std/array.ts (`filterAs`, `findAs`): the element a
 * type-guard predicate accepted, converted to S with a check, so a guard
 * that lies panics instead of reinterpreting the value: a nullable is
 * unwrapped (null/undefined panics), a class is narrowed to a subclass
 * (another class panics).
 */
export function guardedAs(l: Lowerer, n: ts.AsExpression | ts.TypeAssertion): Expr | undefined {
  if (n.getSourceFile().fileName !== STD_ARRAY) return undefined;
  const to = typeOfNode(l, n);
  let x = lowerExpr(l, n.expression);
  if (sameType(x.type, to)) return x;
  const loc = l.loc(n);
  if (x.type.k === "nullable" && to.k !== "nullable") {
    x = { e: "unwrap", type: x.type.inner, x, loc: l.scope.trackCaller ? -1 : loc, check: "nonnull" };
    if (sameType(x.type, to)) return x;
  }
  if (x.type.k === "class" && to.k === "class" && x.type.cls.header) {
    const cls = to.cls;
    return letIn(l, x, (v) => ({
      e: "cond",
      type: to,
      c: { e: "instanceof", type: T.bool, x: v, cls },
      a: { e: "convert", type: to, x: v, checked: false, loc },
      b: {
        e: "convert",
        type: to,
        // In an @trackCaller function (filterAs...) the panic names the caller's line (loc -1).
        x: { e: "seq", type: v.type, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: `a type guard accepted a value that is not a ${cls.tsName}` }, loc: l.scope.trackCaller ? -1 : loc }, v] },
        checked: false,
        loc,
      },
    }));
  }
  return undefined;
}

