/**
 * lower/fn-params.ts: default, optional and rest parameters of function
 * values (arrows, function expressions, declared functions used as values),
 * and the argument conversions between function types that differ in them.
 *
 * Input:  a function-like declaration being lifted to a function value; a
 *         signature parameter of a checker function type; a call through a
 *         function value; a pair of function types to adapt between.
 * Output: - the lifted function takes a parameter with a default as
 *           `T | undefined` and evaluates the default in its own prologue
 *           (`defaultPrologue`), so one C signature serves every caller;
 *         - a function type's parameter with a default admits `undefined`
 *           (`signatureParamType`), as tsc types it (`b?: number`);
 *         - a call through a value whose signature has a rest parameter
 *           packs its trailing arguments into an array (`valueArgs`);
 *         - `adaptArg`: the argument an adapter passes for one parameter.
 * Invariants: defaults run after every argument is evaluated, left to right,
 *             each seeing the earlier parameters, as in JavaScript; passing
 *             `undefined` explicitly selects the default, as in JavaScript.
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr, setLocalType } from "./expr.ts";
import { lowerArgs } from "./calls.ts";
import { restArgs } from "./destructure.ts";
import { irType, nullableType, sameType, typeFromTypeNode } from "./types.ts";
import { isSubclass } from "./classes.ts";
import { implementationOf } from "./overloads.ts";

/** `T` as a parameter that may be missing: `T | undefined` (T itself when it admits undefined already). */
export function missingAllowed(l: Lowerer, t: Type): Type {
  if (t.k === "nullable" && t.undef) return t;
  return t.k === "nullable" ? nullableType(l, t.inner, t.null, true) : nullableType(l, t, false, true);
}

/** A parameter with a default value (not a rest parameter). */
export function hasDefault(p: ts.ParameterDeclaration): boolean {
  return !!p.initializer && !p.dotDotDotToken;
}

/** The IR type of a checker signature's parameter: one with a default may be left out (`b = 2` is `b?: T`). */
export function signatureParamType(l: Lowerer, p: ts.Symbol, t: Type): Type {
  const d = p.valueDeclaration;
  return d && ts.isParameter(d) && hasDefault(d) ? missingAllowed(l, t) : t;
}

/**
 * The statements that start a lifted function whose parameters have
 * defaults: for each, in order, a local holding the argument, or the
 * default when the argument is `undefined`. The parameter's name then
 * means that local.
 */
export function defaultPrologue(l: Lowerer, decl: ts.Node): Stmt[] {
  if (!ts.isFunctionLike(decl)) return [];
  const out: Stmt[] = [];
  decl.parameters.forEach((p, i) => {
    if (!hasDefault(p)) return;
    const given = l.scope.locals.get(p);
    if (!given) return;
    const declared = declaredParamType(l, p);
    const passed = missingAllowed(l, declared);
    const arg: Expr = { e: "local", type: passed, name: given };
    const init = p.initializer!;
    const dflt = coerce(l, lowerExpr(l, init, declared), declared, init);
    const present: Expr = sameType(passed, declared) ? arg : { e: "unwrap", type: declared, x: arg, loc: l.loc(p) };
    const name = l.localName(ts.isIdentifier(p.name) ? p.name.text : `arg${i}`);
    const isUndefined: Expr = { e: "isnullish", type: { k: "bool" }, x: arg, which: "undefined" };
    out.push({ s: "let", name, type: declared, init: { e: "cond", type: declared, c: isUndefined, a: dflt, b: present }, loc: l.loc(p) });
    l.scope.locals.set(p, name);
    setLocalType(l, p, declared);
  });
  return out;
}

/** A parameter's type as declared (or as the context gives it), before `missingAllowed`. */
export function declaredParamType(l: Lowerer, p: ts.ParameterDeclaration): Type {
  return p.type ? typeFromTypeNode(l, p.type) : irType(l, l.checker.getTypeAtLocation(p), p);
}

/** The arguments of a call through a function value: trailing ones packed into an array for a rest parameter. */
export function valueArgs(l: Lowerer, call: ts.CallExpression | ts.NewExpression, params: Type[]): Expr[] {
  const resolved = l.checker.getResolvedSignature(call)?.declaration;
  const decl = resolved && !ts.isJSDocSignature(resolved) ? implementationOf(resolved) : undefined;
  const args = call.arguments ?? [];
  if (decl && !ts.isJSDocSignature(decl)) {
    const packed = restArgs(l, decl, args, params, (a, p) => lowerArgs(l, a, p));
    if (packed) return packed;
  }
  return lowerArgs(l, args, params);
}

/**
 * Whether a function of type `from` can be called with the arguments of
 * type `to`: each parameter the same, or one that may be left out receiving
 * the present value; parameters of `from` beyond `to`'s may be left out.
 */
export function argsAdaptable(from: Type[], to: Type[], restTo = false): boolean {
  if (restTo && !argsAdaptable(from, to)) return restAdaptable(from, to);
  return from.every((p, i) => {
    const t = to[i];
    if (!t) return p.k === "nullable" && p.undef;
    return sameType(p, t) || (p.k === "nullable" && p.undef && t.k !== "nullable" && sameType(p.inner, t)) || unwrapsTo(t, p) || unionWidens(t, p) || objectWidens(t, p) || unboxes(t, p);
  });
}

/**
 * A value of type `given` is also one of `param`, by boxing or upcasting: a
 * callback taking `unknown` serves where `(msg: Message) => void` is wanted,
 * one taking a base class or an interface serves for a subclass or an
 * implementing class (tsc checked the program; the adapter converts).
 */
function objectWidens(given: Type, param: Type): boolean {
  if (param.k === "dyn") return given.k !== "void" && given.k !== "never";
  if (param.k === "view") return given.k === "class" || given.k === "view";
  return param.k === "class" && given.k === "class" && isSubclass(given.cls, param.cls);
}

/**
 * An `unknown` argument for a parameter of another type: a callback taking `number` held where
 * `(value: unknown) => void` is, as a generic class whose type parameter is erased holds its
 * callbacks (lower/phantom.ts). The adapter casts the argument, checked: a value of another type
 * panics there rather than reaching the callback.
 */
function unboxes(given: Type, param: Type): boolean {
  return given.k === "dyn" && param.k !== "dyn" && param.k !== "void" && param.k !== "never";
}

/**
 * A value of type `given` is also one of the wider union `param`: each
 * member of `given` (and its null or undefined) is one of `param`'s. A
 * callback taking `string | number | null | undefined` serves where
 * `(v: string | null) => ...` is wanted; the adapter widens the argument.
 */
export function unionWidens(given: Type, param: Type): boolean {
  if (sameType(given, param)) return true;
  if (param.k === "nullable") {
    if (given.k !== "nullable") return unionWidens(given, param.inner);
    return (!given.null || param.null) && (!given.undef || param.undef) && (given.inner.k === "never" || unionWidens(given.inner, param.inner));
  }
  if (param.k !== "union" || given.k === "nullable") return false;
  const members = given.k === "union" ? given.members : [given];
  // An object member may be one of the objects the wider union groups into a view (`Sym` where the parameter's
  // union holds the view of `Sym | Procedure`): the adapter converts it, and coerce refuses one that does not fit.
  return members.every((m) => param.members.some((q) => sameType(m, q) || (q.k === "view" && ((m.k === "class" && !!m.cls.header) || m.k === "view"))));
}

/**
 * A parameter of type `T` given a `T | undefined`: the element of a match
 * array (`s.match(re)`), which TypeScript types `string` but which is
 * undefined for a capture group that did not take part. The adapter checks
 * it: a callback never sees undefined as a string.
 */
function unwrapsTo(given: Type, param: Type): boolean {
  return given.k === "nullable" && given.undef && !given.null && sameType(given.inner, param);
}

/**
 * `to` ends in a rest parameter (`(...args: string[]) => R`): `from`'s
 * parameters past `to`'s fixed ones take the rest array's elements, so they
 * must admit `undefined` (there may be fewer).
 */
function restAdaptable(from: Type[], to: Type[]): boolean {
  const rest = to[to.length - 1];
  if (rest?.k !== "array") return false;
  const fixed = to.length - 1;
  // A parameter that cannot be undefined (`(x) => Math.sqrt(x)` as `(...xs: number[]) => number`) takes element j, which must be there.
  return argsAdaptable(from.slice(0, fixed), to.slice(0, fixed)) && from.slice(fixed).every((p) => sameType(p, rest.elem) || (p.k === "nullable" && p.undef && sameType(p.inner, rest.elem)));
}

/** Whether the function type the context of `node` wants ends in a rest parameter. */
export function restWanted(l: Lowerer, node: ts.Node): boolean {
  const t = ts.isExpression(node) ? l.checker.getContextualType(node) : undefined;
  const sigs = t?.getCallSignatures() ?? [];
  const d = sigs.length === 1 ? sigs[0]!.declaration : undefined;
  return !!d && !ts.isJSDocSignature(d) && !!d.parameters[d.parameters.length - 1]?.dotDotDotToken;
}

/** What an adapter passes for `from`'s parameter i, given its own arguments `args` (undefined when absent). */
export function adaptArg(from: Type, arg: Expr | undefined, loc = 0, widen?: (x: Expr, to: Type) => Expr): Expr {
  if (!arg) return { e: "nullish", type: from, undef: true };
  if (sameType(arg.type, from)) return arg;
  if (unwrapsTo(arg.type, from)) return { e: "unwrap", type: from, x: arg, loc, check: "narrowed" };
  if (from.k === "nullable" && from.undef && arg.type.k !== "nullable" && sameType(from.inner, arg.type)) return { e: "some", type: from, x: arg };
  return widen ? widen(arg, from) : { e: "some", type: from, x: arg };
}

/**
 * The arguments an adapter of type `to` passes to a function of type
 * `from`, given its own parameters `own`: as `adaptArg` does, or, when
 * `from` takes the elements of `to`'s rest array, element j or `undefined`.
 */
export function adaptArgs(from: Type[], to: Type[], own: Expr[], loc: number, widen?: (x: Expr, to: Type) => Expr): Expr[] {
  if (argsAdaptable(from, to)) return from.map((p, i) => adaptArg(p, own[i], loc, widen));
  const fixed = to.length - 1;
  const rest = own[fixed]!;
  const elem = (rest.type as Extract<Type, { k: "array" }>).elem;
  return from.map((p, i) => {
    if (i < fixed) return adaptArg(p, own[i], loc);
    const j = i - fixed;
    const length: Expr = { e: "arraymethod", type: { k: "int", kind: "number" }, method: "length", arr: rest, args: [], loc };
    const has: Expr = { e: "binary", type: { k: "bool" }, op: "<", a: { e: "int", type: { k: "int", kind: "number" }, value: BigInt(j) }, b: length, loc };
    const idx: Expr = { e: "int", type: { k: "int", kind: "i64" }, value: BigInt(j) };
    // Required: a call with fewer arguments would pass undefined, which the parameter cannot hold (the bounds check panics).
    if (sameType(p, elem)) return { e: "index", type: elem, arr: rest, idx, loc };
    const at: Expr = { e: "index", type: elem, arr: rest, idx, loc, unchecked: true };
    return { e: "cond", type: p, c: has, a: adaptArg(p, at), b: adaptArg(p, undefined) };
  });
}
