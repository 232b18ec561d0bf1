/**
 * lower/lambdas.ts: arrow functions, function expressions and methods as
 * function values, and conversions between function types.
 *
 * Input:  an ArrowFunction or FunctionExpression in any expression position;
 *         a module-level function, static method or `obj.m.bind(obj)` used as
 *         a value; a function value coerced to a function type with more
 *         parameters or a `void` result (`xs.map(x => x * 2)` where the
 *         callback type is `(x: T, i: number) => U`).
 * Output: the function lifted to a C function (one per generic instantiation
 *         of the code around it). Kernel: a `fnref`, a raw C function
 *         pointer. Hosted: the code takes the closure object first
 *         (`tsos_self`); without captures the value is a `fnref` to a static
 *         object, with captures a `closure` (lower/closures.ts). For a
 *         conversion, a small adapter that drops the extra arguments or the
 *         result, as a JavaScript call would.
 * Invariants:
 *   - Kernel: a lifted function reads only its own parameters and locals,
 *     module variables (globals) and compile-time constants; a capture is
 *     TSOS1084 (kernel function values stay raw pointers).
 *   - Function values keep JavaScript's identity: a declared function is one
 *     object; an arrow evaluated more than once whose value can escape is a
 *     new object each time; a function variable adapted to another type is
 *     wrapped (on the stack where the wrapper cannot escape, else on the
 *     heap), and `===`, Map and Set see the function inside the wrapper.
 *   - Each function value's descriptor carries the name JavaScript gives it
 *     (lower/fn-names.ts), for console.log.
 *   - An instance method used as a value loses its `this`: allowed only when
 *     it never uses `this` (lower/method-values.ts), else TSOS1131.
 */
import ts from "typescript";
import { boxResult, boxesResult } from "./dynamic.ts";
import type { Expr, Func, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { ClosureScope, Lowerer } from "./context.ts";
import { castTo, coerce, localType, lowerExpr, tryCoerce } from "./expr.ts";
import { captureBeforeDeclaration, captureFields, captureList, capturedThis, closureEscapes, readForCapture, valueContained } from "./closures.ts";
import { contextParams, instantiateFunction } from "./functions.ts";
import { fnType, mangle, sameType, typeName } from "./types.ts";
import { untypedConst } from "./calls.ts";
import { logicalStatement, lowerPrint } from "./stmt.ts";
import { destructureParams } from "./destructure.ts";
import { adaptArgs, argsAdaptable, missingAllowed, restWanted, unionWidens } from "./fn-params.ts";
import { withAllUndefinedDefaults } from "./defaults.ts";
import { boundMethod, instanceMethodValue } from "./method-values.ts";
import { isSubclass } from "./classes.ts";
import { erasedEnv } from "./erasure.ts";
import { functionNameOf, generatorKind, jsFunctionName, nameFunction } from "./fn-names.ts";

type FnLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

/** The nearest enclosing function-like node of `n` (not `n` itself), or undefined at module level. */
function enclosingFunction(n: ts.Node): ts.SignatureDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p;
  return undefined;
}

function within(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** Report the first variable (or `this`) that `fn` captures from an enclosing function. */
function checkCaptures(l: Lowerer, fn: FnLike): void {
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) {
      // An arrow's `this` is its enclosing function's; a function expression's own `this` is unknown.
      const owner = ts.isArrowFunction(fn) ? thisOwner(fn) : fn;
      if (owner) l.fail("TSOS1084", n, "this");
    }
    if (ts.isIdentifier(n) && !isPropertyName(n)) {
      // `{ k }` in an object literal reads the variable `k`.
      const sym = ts.isShorthandPropertyAssignment(n.parent) && n.parent.name === n ? l.checker.getShorthandAssignmentValueSymbol(n.parent) : l.checker.getSymbolAtLocation(n);
      const decl = sym?.valueDeclaration;
      if (decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl) || ts.isBindingElement(decl) || ts.isFunctionDeclaration(decl))) {
        if (!within(decl, fn) && !isModuleLevel(decl) && untypedConst(l, n) === undefined) l.fail("TSOS1084", n, n.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
}

/**
 * Declared at module level and stored as a global: a top-level variable or
 * function, or a `var` anywhere in module code. (A module-level loop or block
 * `let` lives in module initialization: capturing it is a closure.)
 */
function isModuleLevel(decl: ts.Node): boolean {
  if (enclosingFunction(decl)) return false;
  if (ts.isFunctionDeclaration(decl)) return true;
  if (!ts.isVariableDeclaration(decl)) return false;
  const list = decl.parent;
  if (ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) return true;
  return ts.isVariableStatement(list.parent) && ts.isSourceFile(list.parent.parent);
}

/** The function whose `this` an arrow sees: the nearest non-arrow enclosing function, if any. */
function thisOwner(fn: ts.ArrowFunction): ts.Node | undefined {
  for (let p = fn.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) && !ts.isArrowFunction(p)) return p;
    if (ts.isClassLike(p)) return p; // a field initializer's `this`
  }
  return undefined;
}

function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id) || (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p));
}

/**
 * `[() => { throw e; }, () => new M()]`: a function that never returns, wanted as a union of function
 * types, takes the first member with its parameters (tsc reduced its own type, `() => never`, away).
 */
function neverReturningMember(l: Lowerer, fn: FnLike, want: Extract<Type, { k: "union" }>): Type {
  const sig = l.checker.getSignatureFromDeclaration(fn);
  const never = sig && l.checker.getReturnTypeOfSignature(sig).flags & ts.TypeFlags.Never;
  const member = never ? want.members.find((m) => m.k === "fn" && m.params.length === fn.parameters.length) : undefined;
  return member ?? want;
}

/** An arrow function or function expression as a value: lifted to a C function (and, hosted, a closure object). */
export function lowerFunctionValue(l: Lowerer, fn: FnLike, wanted?: Type): Expr {
  // An optional callback (`onClick?: (w: W) => void`) is given a function of its function type.
  const want = wanted?.k === "nullable" && wanted.inner.k === "fn" ? wanted.inner : wanted?.k === "union" ? neverReturningMember(l, fn, wanted) : wanted;
  // A generic arrow (`<T,>(x: T) => ...`, or one a generic signature types): its type parameters as `unknown` (lower/erasure.ts).
  const sig = l.checker.getSignatureFromDeclaration(fn);
  if (sig?.typeParameters?.length) {
    const erased = erasedEnv(l.checker, sig, l.scope.env);
    if (!erased) l.fail("TSOS1019", fn, fn.getText().slice(0, 20));
    return instantiatedFunctionValue(l, fn, erased, want);
  }
  return lowerFunctionValueOf(l, fn, want);
}

/**
 * The closure of the generic `fn` for the type parameters bound in `env`: erased to `unknown` (above), or the
 * call's type arguments (lower/generic-consts.ts capturingGenericFunction).
 */
export function instantiatedFunctionValue(l: Lowerer, fn: FnLike, env: Map<ts.Symbol, Type>, want?: Type): Expr {
  const outer = l.scope.env;
  l.scope.env = env;
  try {
    return lowerFunctionValueOf(l, fn, want);
  } finally {
    l.scope.env = outer;
  }
}

function lowerFunctionValueOf(l: Lowerer, fn: FnLike, want: Type | undefined): Expr {
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) l.fail("TSOS1015", fn, "`async`", "async/await arrives with the async issue");
  if (l.target === "kernel") {
    const dflt = fn.parameters.find((p) => p.initializer || p.questionToken || p.dotDotDotToken);
    if (dflt) l.fail("TSOS1085", dflt);
    // Kernel function values stay raw C function pointers (interrupt handlers, handler tables).
    checkCaptures(l, fn);
    return liftFunction(l, fn, want).value;
  }
  const found = captureList(l, fn);
  // In a static method `this` is a class, known when compiling (lower/static-this.ts): nothing to capture.
  const caps = l.scope.staticThis && !l.scope.thisType ? { ...found, usesThis: false } : found;
  if (caps.ownThis) l.fail("TSOS1130", caps.ownThis);
  // `const squares = function* (n: number) { ... }`: a generator that captures nothing is a generator function
  // like a declared one; one that captures is a closure whose generators hold its object (lower/generators.ts).
  // Without captures one static object serves, unless the value can escape from code that runs more
  // than once: JavaScript creates a new function each time, and `===` can tell them apart.
  if (!caps.decls.length && !caps.usesThis && (!closureEscapes(l, fn) || evaluatedOnce(fn))) return liftFunction(l, fn, want).value;
  return lowerClosure(l, fn, caps, want);
}

/** Module code outside any loop: runs once. */
function evaluatedOnce(fn: ts.Node): boolean {
  for (let p = fn.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isIterationStatement(p, false)) return false;
  }
  return true;
}

/** Lift `fn` to a C function; hosted, its code takes the closure object first (`tsos_self`). */
function liftFunction(l: Lowerer, fn: FnLike, want: Type | undefined, closure?: ClosureScope): { func: Func; value: Expr } {
  const env = l.scope.env;
  const owner = enclosingFunction(fn);
  const ownerName = owner && owner.name && ts.isIdentifier(owner.name) ? owner.name.text : l.moduleName(fn.getSourceFile());
  const name = !ts.isArrowFunction(fn) && fn.name ? fn.name.text : "lambda";
  // Without an annotation, the result takes the type the context gives (as tsc types it).
  // (A block body that returns a value where `void` is expected keeps its own type; the adapter drops the value.)
  const contextRet = !fn.type && want?.k === "fn" && (want.ret.k !== "void" || (!!fn.body && !ts.isBlock(fn.body))) ? want.ret : undefined;
  // Parameters tsc typed `any` (an element of `new Array(n)`) take the types the callee passes.
  const contextual = want?.k === "fn" ? contextParams(l, fn, want.params) : undefined;
  const envKey = [...env.values(), ...(contextRet ? [contextRet] : []), ...(contextual ? contextual.map((p) => p.type) : [])];
  const f = instantiateFunction(l, fn, env, envKey, {
    cname: `${ownerName}__${name}`,
    isCtor: false,
    ret: contextRet ? () => contextRet : undefined,
    params: contextual && (() => contextual),
    // An expression body binds pattern parameters (`([k, v]) => ...`) first, as a block body does.
    body: !fn.body || ts.isBlock(fn.body) ? undefined : () => [...destructureParams(l, fn), ...expressionBody(l, fn.body as ts.Expression)],
    closureCode: l.target === "host",
    closure,
    defaultsInBody: l.target === "host",
    staticThis: l.scope.staticThis,
  });
  const params = l.target === "host" ? f.params.slice(1) : f.params;
  if (l.target === "host") nameFunction(l, f.cname, jsFunctionName(fn), generatorKind(fn));
  return { func: f, value: { e: "fnref", type: fnType(l, params.map((p) => p.type), f.ret), fn: f.cname } };
}

/** Per compilation: adapters, wrappers and closure environments already built, by key. */
interface FnValueState {
  adapters: Map<string, string>;
  wrappers: Map<string, { code: string; env: string }>;
  envs: Map<string, ClosureScope>;
}
const states = new WeakMap<Lowerer, FnValueState>();
function state(l: Lowerer): FnValueState {
  let s = states.get(l);
  if (!s) states.set(l, (s = { adapters: new Map(), wrappers: new Map(), envs: new Map() }));
  return s;
}

/** A closure that captures variables: its code, its environment struct, and the IR that fills one in. */
function lowerClosure(l: Lowerer, fn: FnLike, caps: { decls: ts.Node[]; usesThis: boolean }, want: Type | undefined): Expr {
  const readVariable = (decl: ts.Node): Expr => readForCapture(l, decl, (d) => localType(l, d), (d) => captureBeforeDeclaration(l, (d as ts.NamedDeclaration).name ?? fn, "a closure that uses a variable before its declaration"), fn);
  const { fields, names, values } = captureFields(l, fn, caps, readVariable, () => currentThis(l, fn));
  const scope: ClosureScope = { node: fn, env: "", type: T.void, fields };
  const { func, value } = liftFunction(l, fn, want, scope);
  const known = state(l).envs.get(func.cname);
  const env = known ?? scope;
  if (!known) {
    // The value has the wanted function type when the closure takes fewer parameters or drops its result.
    const type = want && want.k === "fn" && adaptable(value.type, want, restWanted(l, fn), resultConverts(l, fn)) ? want : value.type;
    env.type = type;
    env.env = l.uniqueName(`${func.cname}__env`);
    nameFunction(l, env.env, jsFunctionName(fn), generatorKind(fn));
    state(l).envs.set(func.cname, env);
    (l.program.closureEnvs ??= []).push({ cname: env.env, fnType: (type as { cname: string }).cname, fields: names.map((n, i) => ({ name: n, type: values[i]!.type })) });
  }
  const code = sameType(env.type, value.type) ? func.cname : adapterCode(l, func.cname, value.type, env.type, func.loc, fn);
  return { e: "closure", type: env.type, fn: code, env: env.env, fields: names, values, heap: closureEscapes(l, fn), loc: l.loc(fn) };
}

/** `this` where a closure is created: the method's own, or the one the closure around captured. */
function currentThis(l: Lowerer, node: ts.Node): Expr {
  const captured = capturedThis(l);
  if (captured) return captured;
  if (!l.scope.thisType) l.fail("TSOS1005", node, "`this` outside a class");
  return { e: "local", type: l.scope.thisType, name: "self" };
}

/** `to` takes the parameters of `from` and maybe more, and returns the same or `void`. */
function adaptable(from: Type, to: Type, restTo = false, converts?: (from: Type, to: Type) => boolean): boolean {
  if (from.k !== "fn" || to.k !== "fn") return false;
  const first = to.params[0];
  if (first?.k === "class" && first.cls.cname === "tsos_interrupt_frame") return false;
  // A result that is one member of a wider union (`(e): Leaf => ...` where `HuffNode` is wanted) is widened,
  // as is any result the checker let through that converts to the wanted one (`converts`).
  const results = sameType(from.ret, to.ret) || to.ret.k === "void" || resultUpcast(from.ret, to.ret) || boxesResult(from.ret, to.ret) || unionWidens(from.ret, to.ret);
  return argsAdaptable(from.params, to.params, restTo) && (results || !!converts?.(from.ret, to.ret));
}

/** An adapter's argument as the parameter of the function it calls: an `unknown` one cast, checked (fn-params.ts unboxes). */
function adaptedArg(l: Lowerer, x: Expr, to: Type, node: ts.Node): Expr {
  return x.type.k === "dyn" && to.k !== "dyn" ? castTo(l, x, to, node as ts.Expression) : coerce(l, x, to, node);
}

/** Whether a result of one type converts to another where the code at `node` adapts a function value. */
function resultConverts(l: Lowerer, node: ts.Node): (from: Type, to: Type) => boolean {
  return (from, to) => tryCoerce(l, { e: "local", type: from, name: "tsos_probe" }, to, node) !== undefined;
}

/** A result of class type returned as its base class or as an interface (a constructor value `() => Dog` used as `new () => Animal`). */
function resultUpcast(from: Type, to: Type): boolean {
  if (from.k !== "class" || !from.cls.header) return false;
  return to.k === "view" || (to.k === "class" && isSubclass(from.cls, to.cls));
}

export function expressionBody(l: Lowerer, body: ts.Expression): Stmt[] {
  const ret = l.scope.ret!;
  const print = ret.k === "void" ? lowerPrint(l, body) : undefined;
  if (print) return [print];
  // `(n) => n > 1 && note(n)` where nothing is returned: the statement `if (n > 1) note(n);`.
  const logical = ret.k === "void" ? logicalStatement(l, body) : undefined;
  if (logical) return logical;
  const x = lowerExpr(l, body, ret);
  // A `never` body (a call that doesn't return) is a statement: C's noreturn function has no `return`.
  if (ret.k === "void" || ret.k === "never") return [{ s: "expr", x, loc: l.loc(body) }];
  return [{ s: "return", x: coerce(l, x, ret, body), loc: l.loc(body) }];
}


/**
 * A function of type `to` that calls `target` (of type `from`) with its
 * leading arguments and returns its result, or drops it for `void`. Hosted,
 * both take the closure object first and the adapter passes its own on.
 */
function adapterCode(l: Lowerer, target: string, from: Type, to: Type, loc: number, node: ts.Node): string {
  const key = `${target}|${(to as { cname: string }).cname}`;
  const hit = state(l).adapters.get(key);
  if (hit) return hit;
  const f = from as Extract<Type, { k: "fn" }>;
  const t = to as Extract<Type, { k: "fn" }>;
  const hosted = l.target === "host";
  const cname = l.uniqueName(`${target}__as_${mangle(to)}`);
  const self = hosted ? [{ name: "tsos_self", type: { k: "anyobj" } as Type }] : [];
  const params = t.params.map((type, i) => ({ name: `a${i}`, type }));
  const own = params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr);
  const args = [...self.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr), ...adaptArgs(f.params, t.params, own, loc, (x, to) => adaptedArg(l, x, to, node))];
  const call: Expr = { e: "call", type: f.ret, fn: target, args };
  // The result converted as the wanted type says: boxed as unknown (lower/dynamic.ts) or upcast.
  const result = sameType(f.ret, t.ret) ? call : boxesResult(f.ret, t.ret) ? boxResult(l, call, node) : coerce(l, call, t.ret, node);
  const body: Stmt[] = t.ret.k === "void" ? [{ s: "expr", x: call, loc }] : [{ s: "return", x: result, loc }];
  l.addFunc({ cname, params: [...self, ...params], ret: t.ret, body, loc, isStatic: true });
  // It shows as the function it adapts: its name and kind (`[class Dog]` where a `(name: string) => Animal` is wanted).
  if (hosted) nameFunction(l, cname, functionNameOf(l, target) ?? "", l.program.fnKinds?.get(target));
  state(l).adapters.set(key, cname);
  return cname;
}

/**
 * A function value used as a function type that takes more parameters (they
 * are ignored, as in a JavaScript call) or returns `void` (the result is
 * dropped). Undefined when `to` is not such a widening of `e`'s type.
 */
export function adaptFunction(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  const from = e.type;
  if (!adaptable(from, to, restWanted(l, node), resultConverts(l, node))) return undefined;
  if (e.e === "fnref") {
    const target = l.program.funcs.find((f) => f.cname === e.fn);
    return { e: "fnref", type: to, fn: adapterCode(l, e.fn, from, to, target?.loc ?? l.loc(node), node) };
  }
  // A function value held in a variable: a small closure around it, on the stack, or on the heap where
  // it may escape. A wrapper is a new object each time, but `===` and Map and Set keys see the function
  // inside it (runtime tsos_fn_origin), so removing a listener finds it as JavaScript would.
  if (l.target === "kernel") l.fail("TSOS1021", node, typeName(from), typeName(to));
  return wrapValue(l, e, to, !valueContained(l, node), l.loc(node), node);
}


/** A closure of type `to` whose environment holds the function value `inner` and whose code calls it. */
function wrapValue(l: Lowerer, inner: Expr, to: Type, heap: boolean, loc: number, node: ts.Node): Expr {
  const from = inner.type as Extract<Type, { k: "fn" }>;
  const t = to as Extract<Type, { k: "fn" }>;
  const key = `${from.cname}|${t.cname}`;
  let w = state(l).wrappers.get(key);
  if (!w) {
    const code = l.uniqueName(`${from.cname}__as_${t.cname}`);
    const env = l.uniqueName(`${code}__env`);
    (l.program.closureEnvs ??= []).push({ cname: env, fnType: t.cname, fields: [{ name: "inner", type: from }], wrapper: true });
    const params = t.params.map((type, i) => ({ name: `a${i}`, type }));
    const callee: Expr = { e: "envfield", type: from, env, name: "inner" };
    const own = params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr);
    const call: Expr = { e: "callptr", type: from.ret, callee, args: adaptArgs(from.params, t.params, own, loc, (x, to) => adaptedArg(l, x, to, node)) };
    const result = sameType(from.ret, t.ret) ? call : boxesResult(from.ret, t.ret) ? boxResult(l, call, node) : coerce(l, call, t.ret, node);
    const body: Stmt[] = t.ret.k === "void" ? [{ s: "expr", x: call, loc }] : [{ s: "return", x: result, loc }];
    l.addFunc({ cname: code, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...params], ret: t.ret, body, loc, isStatic: true });
    w = { code, env };
    state(l).wrappers.set(key, w);
  }
  return { e: "closure", type: to, fn: w.code, env: w.env, fields: ["inner"], values: [inner], heap, loc };
}

/**
 * A module-level function used as a value. Hosted, a function value is a
 * closure object: the function gets a small code function that takes (and
 * ignores) the object, with a static object of its own.
 */
export function functionValue(l: Lowerer, full: Func): Expr {
  // Parameters with defaults may be left out of a call through the value (lower/fn-params.ts).
  const f = withAllUndefinedDefaults(l, full.cname, false, (t) => missingAllowed(l, t))?.func ?? full;
  const type = fnType(l, f.params.map((p) => p.type), f.ret);
  if (l.target === "kernel") return { e: "fnref", type, fn: f.cname };
  let code = state(l).adapters.get(`${f.cname}|value`);
  if (!code) {
    code = l.uniqueName(`${f.cname}__value`);
    const params = f.params.map((p, i) => ({ name: `a${i}`, type: p.type }));
    const call: Expr = { e: "call", type: f.ret, fn: f.cname, args: params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr) };
    const body: Stmt[] = f.ret.k === "void" ? [{ s: "expr", x: call, loc: f.loc }] : [{ s: "return", x: call, loc: f.loc }];
    l.addFunc({ cname: code, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...params], ret: f.ret, body, loc: f.loc, isStatic: true });
    // funcNodes holds the declaration's name (or the declaration itself when it has none).
    const named = l.funcNodes.get(full.cname);
    const decl = named && (ts.isIdentifier(named) ? named.parent : named);
    nameFunction(l, code, decl ? jsFunctionName(decl) : "", !!decl && generatorKind(decl));
    state(l).adapters.set(`${f.cname}|value`, code);
  }
  return { e: "fnref", type, fn: code };
}

/**
 * `obj.m` used as a value. A static method is a plain function value. An
 * instance method loses its `this` in JavaScript (`arr.forEach(obj.m)` calls
 * it with `this` undefined): lower/method-values.ts makes the value when
 * the method never uses `this`, and refuses it otherwise (TSOS1131);
 * `obj.m.bind(obj)` keeps `this`.
 */
export function methodValue(l: Lowerer, p: ts.PropertyAccessExpression, decl: ts.MethodDeclaration, staticMethod: (decl: ts.MethodDeclaration) => Func): Expr {
  if (decl.typeParameters?.length) l.fail("TSOS1019", p, p.getText());
  if (decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return functionValue(l, staticMethod(decl));
  if (l.target === "kernel") l.fail("TSOS1015", p, "a method used as a value", "call the method directly");
  return instanceMethodValue(l, p, decl);
}

/** `obj.m.bind(obj)` (the same variable, or `this`, on both sides): a closure holding `obj` that calls the method. */
export function lowerBind(l: Lowerer, call: ts.CallExpression, resolve: (recv: Expr, decl: ts.MethodDeclaration) => { fn: string; params: Type[]; ret: Type; self: Type }): Expr | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "bind" || !ts.isPropertyAccessExpression(callee.expression)) return undefined;
  const member = callee.expression;
  const decl = l.symbolOf(member.name)?.valueDeclaration;
  if (!decl || !ts.isMethodDeclaration(decl) || l.isLibDecl(decl)) return undefined;
  if (decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
  if (l.target === "kernel") l.fail("TSOS1015", call, "`bind`", "call the method directly");
  const arg = call.arguments[0];
  const same = (a: ts.Expression, b: ts.Expression): boolean =>
    (a.kind === ts.SyntaxKind.ThisKeyword && b.kind === ts.SyntaxKind.ThisKeyword) ||
    (ts.isIdentifier(a) && ts.isIdentifier(b) && !!l.symbolOf(a) && l.symbolOf(a) === l.symbolOf(b));
  if (call.arguments.length !== 1 || !arg || !same(member.expression, arg)) l.fail("TSOS1131", member, member.name.text);
  if (decl.typeParameters?.length) l.fail("TSOS1019", member, member.getText());
  const recv = lowerExpr(l, member.expression);
  if (recv.type.k !== "class") l.fail("TSOS1131", member, member.name.text);
  return boundMethod(l, recv, resolve(recv, decl), decl, call, !valueContained(l, call));
}
