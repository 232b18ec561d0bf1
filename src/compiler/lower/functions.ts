/**
 * lower/functions.ts: function declarations -> C functions (monomorphized).
 *
 * Input:  a function-like declaration, the generic substitution to use, and
 *         naming/shape overrides for constructors and methods.
 * Output: an IR Func registered with the program; its body is lowered later
 *         from the Lowerer's work list, so recursion and mutual recursion
 *         need no forward planning.
 * Invariants: one Func per (declaration, type arguments); the signature is
 *             known as soon as the instance exists; methods get `self` as
 *             their first parameter.
 */
import { UNDEFINED_LITERAL } from "./nullable-types.ts";
import { quietIrType } from "./key-distribution.ts";
import ts from "typescript";
import { absentResult } from "./absent-results.ts";
import { probedType } from "./probes.ts";
import type { Expr, Func, Param, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { Bail, type ClosureScope, type FnScope, type Lowerer } from "./context.ts";
import { closureScopes } from "./closures.ts";
import { irType, mangle, nullableType, typeFromTypeNode } from "./types.ts";
import { lowerBlock } from "./stmt.ts";
import { paramType, undefinedResult } from "./nullable.ts";
import { rememberInstance } from "./defaults.ts";
import { hoistVars } from "./control.ts";
import { setLocalType } from "./expr.ts";
import { destructureParams, isTuple, newTuple } from "./destructure.ts";
import { generatorCreation, isGeneratorDecl } from "./generators.ts";
import { defaultPrologue, hasDefault, missingAllowed } from "./fn-params.ts";

export function withScope<R>(l: Lowerer, scope: FnScope, fn: () => R): R {
  const saved = l.scope;
  l.scope = scope;
  try {
    return fn();
  } finally {
    l.scope = saved;
  }
}

export interface ParamSpec {
  name: ts.Identifier;
  decl: ts.Node;
  type: Type;
  /** The type came from the callee, not from tsc (contextParams): reads of the parameter take it too. */
  contextual?: boolean;
}

export interface InstanceOptions {
  cname: string;
  thisType?: Type;
  isCtor: boolean;
  params?: () => ParamSpec[];
  ret?: () => Type;
  body?: () => Stmt[];
  /** False for a wrapper that passes its pattern parameters on whole (lower/defaults.ts): the full function binds them. */
  bindPatterns?: boolean;
  /** The code of a function value (hosted, lower/closures.ts): a leading `tsos_self` parameter, the closure object. */
  closureCode?: boolean;
  /** Its environment when it captures variables. */
  closure?: ClosureScope;
  /** A function value: parameters with defaults take `T | undefined` and the body evaluates the defaults (lower/fn-params.ts). */
  defaultsInBody?: boolean;
  /** A static method (or an arrow in one): the class its `this` is (lower/static-this.ts). */
  staticThis?: ts.ClassLikeDeclaration;
}

export function instantiateFunction(
  l: Lowerer,
  decl: ts.SignatureDeclaration | ts.ClassDeclaration,
  env: Map<ts.Symbol, Type>,
  typeArgs: Type[],
  opts: InstanceOptions,
): Func {
  // `function*` and generator methods: the function creates the generator object (lower/generators.ts).
  if (!opts.body && isGeneratorDecl(decl)) {
    const plain = opts;
    // A destructured parameter is taken apart in the body, when it first runs (generators.ts generatorBody).
    opts = { ...opts, body: () => generatorCreation(l, decl, func, plain), bindPatterns: false };
  }
  // One instance per class `this` is in a static method, as per type arguments (lower/static-this.ts).
  const key = `${opts.cname}|${decl.pos}|${decl.getSourceFile().fileName}|${typeArgs.map(mangle).join(",")}|${opts.staticThis?.name?.text ?? ""}@${opts.staticThis?.pos ?? ""}`;
  const hit = l.funcInstances.get(key);
  if (hit) return hit;
  const scope = l.newScope(env, opts.thisType);
  scope.isCtor = opts.isCtor;
  scope.closure = opts.closure;
  scope.staticThis = opts.staticThis;
  const func: Func = { cname: l.uniqueName(opts.cname), params: [], ret: T.void, body: [], loc: l.loc(decl), isStatic: false, ...(opts.isCtor ? { ctor: true } : {}) };
  l.funcInstances.set(key, func);
  l.funcNodes.set(func.cname, (decl as ts.SignatureDeclaration).name ?? decl);
  try {
    withScope(l, scope, () => signature(l, decl, opts, scope, func));
  } catch (e) {
    // The signature was refused (a located diagnostic is recorded): forget the
    // instance, so every call site bails with that diagnostic instead of
    // calling a function without a signature.
    l.funcInstances.delete(key);
    throw e;
  }
  l.addFunc(func);
  closureScopes.set(func, scope);
  rememberInstance({ decl, env, typeArgs, thisType: opts.thisType, func });
  l.work.push(() =>
    withScope(l, scope, () => {
      try {
        // Pattern parameters are bound first, also for an arrow's expression body (`([k, v]) => k + v`).
        const prologue = [...restTuplePrologue(func), ...(opts.defaultsInBody ? defaultPrologue(l, decl) : [])];
        func.body = opts.body ? [...prologue, ...(opts.bindPatterns === false ? [] : destructureParams(l, decl)), ...opts.body()] : [...prologue, ...destructureParams(l, decl), ...hoistVars(l, decl), ...lowerBlock(l, ((decl as ts.FunctionDeclaration).body?.statements ?? []) as readonly ts.Statement[])];
        const last = func.body[func.body.length - 1];
        if (func.ret.k !== "void" && last?.s !== "return") {
          const end = (decl as ts.FunctionDeclaration).body ?? decl;
          // Reaching the end returns undefined where the result type admits it (`string | void`), else it cannot happen.
          const absent = undefinedResult(l, func.ret, end);
          func.body.push(absent ? { s: "return", x: absent, loc: l.loc(end) } : { s: "expr", x: { e: "noreturn", type: T.never, loc: l.loc(end) }, loc: l.loc(end) });
        }
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
      }
    }),
  );
  return func;
}

/**
 * The parameters of a function expression whose unannotated parameters tsc
 * typed `any` (`new Array(n).fill(0).map((_, i) => ...)`: `new Array(n)` is
 * `any[]` to tsc), each of those taking the type the callee gives it
 * (`context[i]`), which is the type of the values it will receive.
 */
export function contextParams(l: Lowerer, decl: ts.SignatureDeclaration, context: Type[]): ParamSpec[] | undefined {
  // Also a parameter whose type tsc built from a keyed read of every key, where the callee takes one
  // key's (`this.handlers[k]!.every((h) => ...)` compiled per key, lower/key-distribution.ts).
  const untyped = (t: ts.Type): boolean => isAnyOrAnyArray(l, t) || quietIrType(l, t, decl) === undefined;
  const typed = decl.parameters.map((p, i) => (!p.type && ts.isIdentifier(p.name) && !p.dotDotDotToken && !p.initializer && untyped(l.checker.getTypeAtLocation(p)) ? context[i] : undefined));
  return typed.some((t) => t) ? defaultParams(l, decl, typed) : undefined;
}

/** `any`, `any[]`, `any[][]`...: what tsc says of an element of `new Array(n)` (or a row of them). */
function isAnyOrAnyArray(l: Lowerer, t: ts.Type): boolean {
  if (t.flags & ts.TypeFlags.Any) return true;
  return l.checker.isArrayType(t) && isAnyOrAnyArray(l, l.checker.getTypeArguments(t as ts.TypeReference)[0]!);
}

const restTuples = new WeakMap<Func, { name: string; type: Extract<Type, { k: "class" }>; parts: string[] }>();

/** A rest parameter of a tuple type, made of the parameters that carry its elements. */
function restTuplePrologue(func: Func): Stmt[] {
  const rest = restTuples.get(func);
  if (!rest) return [];
  const args: Expr[] = rest.type.cls.fields.map((f, i) => ({ e: "local", type: f.type, name: rest.parts[i]! }));
  return [{ s: "let", name: rest.name, type: rest.type, init: newTuple(rest.type, args, func.loc), loc: func.loc }];
}

/** The parameters and return type of `func`; bails (with a located diagnostic) on a refused type. */
function signature(l: Lowerer, decl: ts.SignatureDeclaration | ts.ClassDeclaration, opts: InstanceOptions, scope: FnScope, func: Func): void {
  const params: Param[] = [];
  if (opts.closureCode) {
    scope.used.add("tsos_self");
    params.push({ name: "tsos_self", type: { k: "anyobj" } });
  }
  if (opts.thisType) {
    scope.used.add("self");
    params.push({ name: "self", type: opts.thisType });
  }
  scope.used.add("self");
  const specs = opts.params ? opts.params() : defaultParams(l, decl as ts.SignatureDeclaration);
  for (const p of specs) {
    const name = l.localName(p.name.text);
    scope.locals.set(p.decl, name);
    if (ts.isParameter(p.decl) && p.decl.dotDotDotToken && isTuple(p.type)) {
      // `...args: A` with A a tuple (a generic wrapper's `(...args: A) => R`): one parameter per element; the body
      // sees them as the tuple `args` (restTuplePrologue).
      const t = p.type;
      const parts = t.cls.fields.map((f, i) => ({ name: l.localName(`${p.name.text}_${i}`), type: f.type }));
      params.push(...parts);
      restTuples.set(func, { name, type: t, parts: parts.map((q) => q.name) });
      continue;
    }
    const withDefault = opts.defaultsInBody && ts.isParameter(p.decl) && hasDefault(p.decl);
    // A `void` parameter (`wrap<T>(x: T)` called with a call that returns nothing) holds undefined.
    const type = p.type.k === "void" ? UNDEFINED_LITERAL : p.type;
    params.push({ name, type: withDefault ? missingAllowed(l, type) : type });
    if (p.contextual || type !== p.type) setLocalType(l, p.decl, type);
  }
  if (ts.getJSDocTags(decl).some((t) => t.tagName.text === "trackCaller")) {
    func.trackCaller = true;
    scope.trackCaller = true;
    params.push({ name: "tsos_caller", type: { k: "loc" } });
  }
  func.params = params;
  const first = params[opts.thisType ? 1 : 0]?.type;
  if (first?.k === "class" && first.cls.cname === "tsos_interrupt_frame") {
    func.interrupt = true;
    const code = params[1]?.type;
    const ok = !opts.thisType && (params.length === 1 || (params.length === 2 && code?.k === "int" && code.kind === "u64"));
    if (!ok) l.error("TSOS3012", (decl as ts.SignatureDeclaration).name ?? decl);
  }
  func.ret = opts.ret ? opts.ret() : returnType(l, decl as ts.SignatureDeclaration);
  if (func.ret.k === "str" && func.ret.borrowed) l.error("TSOS3002", (decl as ts.SignatureDeclaration).type ?? decl);
  scope.ret = func.ret;
}

function defaultParams(l: Lowerer, decl: ts.SignatureDeclaration, context: (Type | undefined)[] = []): ParamSpec[] {
  return decl.parameters.map((p, i) => {
    const type = p.type ? typeFromTypeNode(l, p.type) : (context[i] ?? irType(l, l.checker.getTypeAtLocation(p), p));
    return { name: paramIdentifier(p, i), decl: p, type: paramType(l, p, type), ...(context[i] ? { contextual: true } : {}) };
  });
}

/** A parameter's name; a pattern parameter (`[a, b]: Pair`, `{ x }: Opts`) arrives as `argN`, and lower/destructure.ts binds its names. */
export function paramIdentifier(p: ts.ParameterDeclaration, i: number): ts.Identifier {
  return ts.isIdentifier(p.name) ? p.name : ts.factory.createIdentifier(`arg${i}`);
}

function returnType(l: Lowerer, decl: ts.SignatureDeclaration): Type {
  const ret = declaredReturnType(l, decl);
  // `peek() { return this.tokens[this.pos]; }` whose callers test the result: `T | undefined` (lower/absent-results.ts).
  return absentResult(l, decl) && probedType(ret) ? nullableType(l, ret, false, true) : ret;
}

function declaredReturnType(l: Lowerer, decl: ts.SignatureDeclaration): Type {
  if (decl.type) return typeFromTypeNode(l, decl.type);
  const sig = l.checker.getSignatureFromDeclaration(decl);
  if (!sig) return T.void;
  const inferred = l.checker.getReturnTypeOfSignature(sig);
  const implemented = hasEmptyArray(l, inferred) ? implementedReturnType(l, decl, inferred) : undefined;
  return irType(l, implemented ?? inferred, decl.name ?? decl);
}

/** Whether `t` is `never[]` (tsc's type of `[]`), alone or in a union. */
function hasEmptyArray(l: Lowerer, t: ts.Type): boolean {
  const empty = (m: ts.Type): boolean => l.checker.isArrayType(m) && !!(l.checker.getTypeArguments(m as ts.TypeReference)[0]!.flags & ts.TypeFlags.Never);
  return t.isUnion() ? t.types.some(empty) : empty(t);
}

/**
 * `list() { return []; }` in a class implementing (or extending) a type that declares `list(): string[]`, or in
 * an object literal of such a type: tsc infers `never[]`; the result is the declared member's, which holds it.
 */
function implementedReturnType(l: Lowerer, decl: ts.SignatureDeclaration, inferred: ts.Type): ts.Type | undefined {
  if (!ts.isMethodDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  const name = decl.name.text;
  const owner = decl.parent;
  const supers: ts.Type[] = [];
  if (ts.isClassLike(owner)) {
    for (const clause of owner.heritageClauses ?? []) for (const t of clause.types) supers.push(l.checker.getTypeAtLocation(t));
  } else if (ts.isObjectLiteralExpression(owner)) {
    const context = l.checker.getContextualType(owner);
    if (context) supers.push(context);
  }
  for (const t of supers) {
    const prop = l.checker.getPropertyOfType(l.checker.getNonNullableType(t), name);
    const sig = prop && l.checker.getTypeOfSymbolAtLocation(prop, decl).getCallSignatures()[0];
    const declared = sig?.getReturnType();
    if (declared && !hasEmptyArray(l, declared) && l.checker.isTypeAssignableTo(inferred, declared)) return declared;
  }
  return undefined;
}

/** The instance of a module-level function for the given type arguments. */
export function functionOf(l: Lowerer, decl: ts.FunctionDeclaration, typeArgs: Type[]): Func {
  const env = new Map<ts.Symbol, Type>();
  decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const mod = l.moduleName(decl.getSourceFile());
  const base = `${mod}__${decl.name?.text ?? "default"}${typeArgs.length ? "_" + typeArgs.map(mangle).join("_") : ""}`;
  return instantiateFunction(l, decl, env, typeArgs, { cname: base, isCtor: false });
}
