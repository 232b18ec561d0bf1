/**
 * lower/generic-consts.ts: generic arrow functions held in a `const`.
 *
 * Input:  `const pair = <A, B>(a: A, b: B): [A, B] => [a, b]` (module level,
 *         or local and capturing nothing) and the calls `pair(1, "x")`.
 * Output: no variable; each call instantiates the arrow for the type
 *         arguments tsc inferred, like a generic function declaration
 *         (monomorphized, called directly).
 *
 *         The same for a generic member of a `const` object literal used as a
 *         namespace (`const tools = { last: <T,>(xs: T[]) => ..., ... }`,
 *         `tools.last([1, 2])`) that lower/erasure.ts cannot erase: the
 *         member is left out of the object and each call instantiates it.
 * Invariants:
 *   - Only a `const` whose every use is a direct call is compiled so; any
 *     other use of the name (passing it as a value) is TSOS1019, as for a
 *     generic function declaration.
 *   - A local one must capture nothing (closures.ts `captureList`); one
 *     that captures, and only called in its own function, is made a closure
 *     at each call instead (`capturingGenericFunction`, below).
 *   - A namespace member is left out only when the object is never seen
 *     whole: every use of the `const` (in its own file; it is not exported)
 *     reads a member, and every read of a left-out member is a call. Its
 *     function captures nothing and does not use `this`.
 */
import ts from "typescript";
import type { Func, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { captureList } from "./closures.ts";
import { usesThis } from "./method-values.ts";
import { instantiateFunction } from "./functions.ts";
import { mangle } from "./types.ts";
import { destructureParams } from "./destructure.ts";
import { expressionBody } from "./lambdas.ts";
import { enclosingFunctionName } from "./nested-functions.ts";

type GenericFn = ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** The generic arrow or function expression that the `const` declaration `decl` holds, if it is compiled as above. */
export function genericFunctionConst(l: Lowerer, decl: ts.Node): GenericFn | undefined {
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || decl.type || !decl.initializer) return undefined;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  let init: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || !init.typeParameters?.length) return undefined;
  const local = !!ts.findAncestor(decl.parent, ts.isFunctionLike);
  if (local) {
    const caps = captureList(l, init);
    if (caps.decls.length || caps.usesThis || caps.ownThis) return undefined;
  }
  return init;
}

/**
 * A local generic arrow in a `const` that captures variables of its function
 * (`const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]`),
 * whose every use is a direct call in that same function and not inside the
 * arrow itself: each call makes the arrow's closure for the type arguments
 * tsc inferred and calls it (calls.ts). A closure reads its captured
 * variables where it is called, which is where JavaScript's single closure
 * would read them too (a variable written after the arrow is a cell,
 * closures.ts). Undefined for anything else.
 */
export function capturingGenericFunction(l: Lowerer, decl: ts.Node): CapturingFn | undefined {
  // Asked at the declaration, its block's start and every call: the scan of the function around it runs once.
  if (!capturingFns.has(decl)) capturingFns.set(decl, findCapturingFunction(l, decl));
  return capturingFns.get(decl);
}

type CapturingFn = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
const capturingFns = new WeakMap<ts.Node, CapturingFn | undefined>();

function findCapturingFunction(l: Lowerer, decl: ts.Node): CapturingFn | undefined {
  let init: ts.Expression | ts.FunctionDeclaration;
  let name: ts.Identifier;
  if (ts.isFunctionDeclaration(decl) && decl.name && decl.body) {
    // A nested `function pick<T>(...)` that captures: the same, hoisted as JavaScript hoists it (a call before its line works).
    [init, name] = [decl, decl.name];
  } else {
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || decl.type || !decl.initializer) return undefined;
    if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
    [init, name] = [unparenthesized(decl.initializer), decl.name];
  }
  if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isFunctionDeclaration(init)) || !init.typeParameters?.length || init.asteriskToken) return undefined;
  const home = ts.findAncestor(decl.parent, ts.isFunctionLike);
  if (!home) return undefined;
  const caps = captureList(l, init);
  // An arrow's `this` is the function's, which a closure made at the call captures as well; another function's is its caller's.
  const thisOk = ts.isArrowFunction(init) || !(caps.usesThis || caps.ownThis || usesThis(init));
  if (!(caps.decls.length || caps.usesThis) || !thisOk) return undefined;
  const sym = l.checker.getSymbolAtLocation(name);
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== name && l.checker.getSymbolAtLocation(n) === sym) {
      const direct = ts.isCallExpression(n.parent) && n.parent.expression === n;
      if (!direct || ts.findAncestor(n.parent, ts.isFunctionLike) !== home || init.pos <= n.pos && n.end <= init.end) ok = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(home);
  return ok ? init : undefined;
}

/**
 * A generic function member of a `const` object literal compiled per call
 * (see the header), given its literal member; undefined for other members.
 */
export function namespaceObjectMember(l: Lowerer, member: ts.ObjectLiteralElement): GenericFn | undefined {
  if (!namespaceMembers.has(member)) namespaceMembers.set(member, findNamespaceMember(l, member));
  return namespaceMembers.get(member);
}

const namespaceMembers = new WeakMap<ts.ObjectLiteralElement, GenericFn | undefined>();

function findNamespaceMember(l: Lowerer, member: ts.ObjectLiteralElement): GenericFn | undefined {
  const fn = ts.isMethodDeclaration(member) ? member : ts.isPropertyAssignment(member) ? unparenthesized(member.initializer) : undefined;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) || !fn.typeParameters?.length || fn.asteriskToken) return undefined;
  if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) return undefined;
  const lit = member.parent;
  const decl = lit.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== lit || !ts.isIdentifier(decl.name) || decl.type) return undefined;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  if (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Export) return undefined;
  const caps = captureList(l, fn);
  if (caps.decls.length || caps.usesThis || caps.ownThis || usesThis(fn)) return undefined;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const name = member.name.text;
  let whole = false;
  const visit = (n: ts.Node): void => {
    if (whole) return;
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym) {
      const access = n.parent;
      if (!ts.isPropertyAccessExpression(access) || access.expression !== n) whole = true;
      else if (access.name.text === name && !(ts.isCallExpression(access.parent) && access.parent.expression === access)) whole = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(decl.getSourceFile());
  return whole ? undefined : fn;
}

/** `tools.last(xs)` where `last` is a namespace member (above): the member's function. */
export function namespaceCallee(l: Lowerer, callee: ts.PropertyAccessExpression): { fn: GenericFn; owner: ts.VariableDeclaration } | undefined {
  const member = l.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
  if (!member || !(ts.isPropertyAssignment(member) || ts.isMethodDeclaration(member)) || !ts.isObjectLiteralExpression(member.parent)) return undefined;
  const fn = namespaceObjectMember(l, member);
  return fn ? { fn, owner: member.parent.parent as ts.VariableDeclaration } : undefined;
}

function unparenthesized(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The generic environment in force with `fn`'s type parameters bound to `typeArgs`. */
export function typeParameterEnv(l: Lowerer, fn: ts.SignatureDeclaration, typeArgs: Type[]): Map<ts.Symbol, Type> {
  const env = new Map(l.scope.env);
  fn.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  return env;
}

/** The instance of a generic `const` function (or namespace member, named `member`) for these type arguments. */
export function genericConstInstance(l: Lowerer, decl: ts.VariableDeclaration, fn: GenericFn, typeArgs: Type[], member?: string): Func {
  const env = typeParameterEnv(l, fn, typeArgs);
  const prefix = enclosingFunctionName(l, decl);
  const name = `${prefix}__${(decl.name as ts.Identifier).text}${member ? `__${member.replace(/[^A-Za-z0-9_]/g, "_")}` : ""}${typeArgs.length ? "_" + typeArgs.map(mangle).join("_") : ""}`;
  const body = fn.body!;
  return instantiateFunction(l, fn, env, [...env.values()], {
    cname: name,
    isCtor: false,
    body: ts.isBlock(body) ? undefined : () => [...destructureParams(l, fn), ...expressionBody(l, body)],
  });
}
