/**
 * lower/defaults.ts: default parameter values (`function f(a: T, b: U = init)`).
 *
 * Input:  a call site with fewer arguments than the callee has parameters,
 *         and the callee's instance (functions.ts records how each instance
 *         was made: declaration, generic substitution, `this` type).
 * Output: the C function to call instead: a wrapper `<callee>__<n>` that
 *         takes the `n` given arguments, evaluates the missing parameters'
 *         initializers in the callee's scope (so they can read earlier
 *         parameters and `this`), then calls the full function.
 * Invariants: initializers run after every argument, left to right, as in
 *             JavaScript; one wrapper per (instance, argument count).
 *             Passing `undefined` explicitly is not a missing argument here.
 */
import ts from "typescript";
import type { Expr, Func, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr, setLocalType } from "./expr.ts";
import { lowerNullLiteral } from "./nullable.ts";
import { instantiateFunction, paramIdentifier } from "./functions.ts";

interface InstanceInfo {
  decl: ts.SignatureDeclaration | ts.ClassDeclaration;
  env: Map<ts.Symbol, Type>;
  typeArgs: Type[];
  thisType?: Type;
  func: Func;
}

const instances = new Map<string, InstanceInfo>();

/** Called by instantiateFunction for every new instance. */
export function rememberInstance(info: InstanceInfo): void {
  instances.set(info.func.cname, info);
}

/**
 * How many arguments a call passes: a spread of a tuple (`add(...pair)`) passes each of its elements
 * (lower/destructure.ts tupleSpreadArgs); any other spread counts as one (a rest parameter takes it).
 */
export function givenArguments(l: Lowerer, args: readonly ts.Expression[]): number {
  let n = 0;
  for (const a of args) {
    const t = ts.isSpreadElement(a) ? l.checker.getTypeAtLocation(a.expression) : undefined;
    n += t && l.checker.isTupleType(t) ? l.checker.getTypeArguments(t as ts.TypeReference).length : 1;
  }
  return n;
}

/**
 * The function to call when `given` arguments are passed to the instance
 * `cname`, and its parameter types after `self` (if any); the instance itself
 * when nothing is missing.
 */
export function withDefaults(
  l: Lowerer,
  cname: string,
  given: number,
  hasSelf: boolean,
  inheritedCtor?: ts.Declaration,
): { cname: string; params: Type[]; func?: Func } | undefined {
  const info = instances.get(cname);
  if (!info) return undefined;
  // A class without a constructor takes its base's parameters, and their defaults (`inheritedCtor`).
  const inherited = inheritedCtor && ts.isConstructorDeclaration(inheritedCtor) ? inheritedCtor : undefined;
  const decl = ts.isClassDeclaration(info.decl) ? inherited : info.decl;
  const params = decl?.parameters ?? [];
  if (!decl || given >= params.length) return undefined;
  if (!params.slice(given).every((p) => p.initializer || p.questionToken || p.dotDotDotToken)) return undefined;
  if (!params.slice(given).some((p) => p.initializer)) return undefined;
  const full = info.func;
  const skip = hasSelf ? 1 : 0;
  const wrapper = instantiateFunction(l, decl, info.env, info.typeArgs, {
    cname: `${full.cname}__${given}`,
    thisType: info.thisType,
    isCtor: false,
    params: () => params.slice(0, given).map((p, i) => ({ name: paramIdentifier(p, i), decl: p, type: full.params[skip + i]!.type })),
    ret: () => full.ret,
    body: () => wrapperBody(l, full, params, given, skip),
    bindPatterns: false,
  });
  // A constructor's wrapper (a `super(name)` call that leaves out a defaulted parameter) returns the storage it is
  // given, as the constructor does: compiler/rc.ts must not count its result as a new reference.
  if (full.ctor) wrapper.ctor = true;
  return { cname: wrapper.cname, params: wrapper.params.slice(skip).filter((p) => p.type.k !== "loc").map((p) => p.type), func: wrapper };
}

function wrapperBody(l: Lowerer, full: Func, params: readonly ts.ParameterDeclaration[], given: number, skip: number): Stmt[] {
  const out: Stmt[] = [];
  const args: Expr[] = [];
  if (skip) args.push({ e: "local", type: full.params[0]!.type, name: "self" });
  params.forEach((p, i) => {
    const type = full.params[skip + i]!.type;
    if (i < given) {
      args.push({ e: "local", type, name: l.scope.locals.get(p)! });
      return;
    }
    // A pattern parameter (`{ a = 1 }: Opts = {}`) is bound in the full function; here it is one value.
    const name = l.localName(ts.isIdentifier(p.name) ? p.name.text : `arg${i}`);
    const init = p.initializer;
    // An optional parameter without a default (`c?: T`) is undefined; a rest parameter, an empty array.
    const value: Expr = init
      ? coerce(l, lowerExpr(l, init, type), type, init)
      : p.dotDotDotToken && type.k === "array"
        ? { e: "arraylit", type, elems: [], loc: l.loc(p) }
        : coerce(l, lowerNullLiteral("undefined"), type, p); // `body?: unknown` holds the unknown undefined
    out.push({ s: "let", name, type, init: value, loc: l.loc(p) });
    l.scope.locals.set(p, name);
    setLocalType(l, p, type);
    args.push({ e: "local", type, name });
  });
  if (full.trackCaller) args.push({ e: "callerloc", type: { k: "loc" }, loc: -1 });
  const call: Expr = { e: "call", type: full.ret, fn: full.cname, args };
  const loc = l.loc(params[given] ?? params[0]!);
  out.push(full.ret.k === "void" ? { s: "expr", x: call, loc } : { s: "return", x: call, loc });
  return out;
}

/**
 * The argument that passes a value which may be `undefined` (`limit?: number`
 * forwarded) to a parameter with a default: JavaScript uses the default
 * then. The index of the first such argument, or -1.
 */
export function undefinedForDefault(l: Lowerer, decl: ts.SignatureDeclaration, args: readonly ts.Expression[], params: Type[]): number[] {
  void params;
  const out: number[] = [];
  for (let i = 0; i < args.length && i < decl.parameters.length; i++) {
    const p = decl.parameters[i]!;
    if (!p.initializer || p.dotDotDotToken) continue;
    const t = l.checker.getTypeAtLocation(args[i]!);
    if (t.flags & ts.TypeFlags.Undefined || (t.isUnion() && t.types.some((m) => m.flags & ts.TypeFlags.Undefined))) out.push(i);
  }
  return out;
}

/**
 * A wrapper of the instance `cname` whose parameters `indexes` may be
 * `undefined`: it evaluates that parameter's default in the callee's scope
 * when the argument is `undefined`, then calls the instance.
 */
export function withUndefinedDefault(l: Lowerer, cname: string, indexes: number[], hasSelf: boolean, nullable: (t: Type) => Type): { cname: string; params: Type[]; func: Func } | undefined {
  return indexes.length ? withUndefinedDefaults(l, cname, indexes, hasSelf, nullable) : undefined;
}

/**
 * The wrapper of the instance `cname` whose parameters with defaults all
 * may be `undefined` (a declared function used as a value, lower/lambdas.ts);
 * undefined when it has none.
 */
export function withAllUndefinedDefaults(l: Lowerer, cname: string, hasSelf: boolean, nullable: (t: Type) => Type): { cname: string; params: Type[]; func: Func } | undefined {
  const info = instances.get(cname);
  if (!info || ts.isClassDeclaration(info.decl)) return undefined;
  const indexes = info.decl.parameters.flatMap((p, i) => (p.initializer && !p.dotDotDotToken ? [i] : []));
  return indexes.length ? withUndefinedDefaults(l, cname, indexes, hasSelf, nullable) : undefined;
}

function withUndefinedDefaults(l: Lowerer, cname: string, indexes: number[], hasSelf: boolean, nullable: (t: Type) => Type): { cname: string; params: Type[]; func: Func } | undefined {
  const info = instances.get(cname);
  if (!info || ts.isClassDeclaration(info.decl)) return undefined;
  const decl = info.decl;
  const full = info.func;
  const skip = hasSelf ? 1 : 0;
  const own = full.params.slice(skip).filter((p) => p.type.k !== "loc");
  const params = decl.parameters.slice(0, own.length);
  const target = params[indexes[0]!];
  if (!indexes.every((index) => params[index]?.initializer)) return undefined;
  const wrapper = instantiateFunction(l, decl, info.env, info.typeArgs, {
    cname: `${full.cname}__u${indexes.join("_")}`,
    thisType: info.thisType,
    isCtor: false,
    params: () => params.map((p, i) => ({ name: paramIdentifier(p, i), decl: p, type: indexes.includes(i) ? nullable(own[i]!.type) : own[i]!.type })),
    ret: () => full.ret,
    bindPatterns: false,
    body: () => {
      const loc = l.loc(target!);
      const args: Expr[] = [];
      if (skip) args.push({ e: "local", type: full.params[0]!.type, name: "self" });
      const out: Stmt[] = [];
      params.forEach((p, i) => {
        const type = own[i]!.type;
        const given: Expr = { e: "local", type: indexes.includes(i) ? nullable(type) : type, name: l.scope.locals.get(p)! };
        if (!indexes.includes(i)) return args.push(given);
        const name = l.localName(`${paramIdentifier(p, i).text}_value`);
        const dflt = coerce(l, lowerExpr(l, p.initializer!, type), type, p.initializer!);
        // `x: T | null = d` receives `T | null | undefined`: past the undefined check it is a `T | null`.
        const present: Expr = type.k === "nullable" ? { e: "reopt", type, x: given } : { e: "unwrap", type, x: given, loc };
        out.push({ s: "let", name, type, init: { e: "cond", type, c: { e: "isnullish", type: { k: "bool" }, x: given, which: "undefined" }, a: dflt, b: present }, loc });
        // A later default reads this parameter's value, not the argument.
        l.scope.locals.set(p, name);
        setLocalType(l, p, type);
        args.push({ e: "local", type, name });
      });
      if (full.trackCaller) args.push({ e: "callerloc", type: { k: "loc" }, loc: -1 });
      const call: Expr = { e: "call", type: full.ret, fn: full.cname, args };
      out.push(full.ret.k === "void" ? { s: "expr", x: call, loc } : { s: "return", x: call, loc });
      return out;
    },
  });
  // A constructor's wrapper (a `super(name)` call that leaves out a defaulted parameter) returns the storage it is
  // given, as the constructor does: compiler/rc.ts must not count its result as a new reference.
  if (full.ctor) wrapper.ctor = true;
  return { cname: wrapper.cname, params: wrapper.params.slice(skip).filter((p) => p.type.k !== "loc").map((p) => p.type), func: wrapper };
}

/**
 * The instance `cname` wrapped so that every parameter with a default also
 * accepts `undefined` where `argTypes` may carry it: a call through an
 * interface or object type whose signature makes the parameter optional
 * (`log(msg: string, level?: number)` implemented as `log(msg, level = 3)`).
 * The instance itself, and its parameters, when no wrapping is needed.
 */
export function acceptingUndefined(l: Lowerer, cname: string, params: Type[], hasSelf: boolean, argTypes: Type[], nullable: (t: Type) => Type): { cname: string; params: Type[] } {
  let current = { cname, params };
  for (let i = 0; i < argTypes.length && i < current.params.length; i++) {
    const arg = argTypes[i]!;
    const param = current.params[i]!;
    if (arg.k !== "nullable" || !arg.undef || (param.k === "nullable" && param.undef)) continue;
    const info = instances.get(current.cname);
    if (!info || ts.isClassDeclaration(info.decl) || !info.decl.parameters[i]?.initializer) continue;
    const w = withUndefinedDefault(l, current.cname, [i], hasSelf, nullable);
    if (w) current = { cname: w.cname, params: w.params };
  }
  return current;
}
