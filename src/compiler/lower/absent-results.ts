/**
 * lower/absent-results.ts: functions that return an array element (or a
 * record value) which their callers test for absence.
 *
 * `peek() { return this.tokens[this.pos]; }` with `if (!this.peek())` or
 * `this.peek()?.type` at a call site: TypeScript types the result as the
 * element type, but past the end JavaScript returns undefined, and the caller
 * tests for it. lower/probes.ts gives such reads `T | undefined` where the
 * read itself, or a local it initialises, is tested; this module carries the
 * same through one function's result.
 *
 * Input:  a function declaration, method, or arrow or function expression
 *         that initialises a `const`; its call sites.
 * Output: `absentResult(decl)`: whether the function's result takes
 *         `T | undefined` (functions.ts returnType, stmt.ts for the const);
 *         `absentCall(call, x)`: a call's result, unwrapped with a check
 *         where the call site does not test it.
 * Invariants:
 *   - Only where the change cannot be seen elsewhere: every reference to the
 *     function is the callee of a call (it is never a value, so no function
 *     type holds the old result), and for a method no other class or
 *     interface member in the program has its name (nothing overrides it or
 *     reaches it through a table).
 *   - Some `return` (or the arrow's body) is an element read of an array or
 *     a read of a record with any keys, and some call site tests the result:
 *     `?.`, `??`, `!`, a condition, `=== undefined`, a strict comparison, or
 *     a local it initialises or is assigned to that is tested so (probes.ts
 *     usesProbe). Printing the result is no test.
 *   - Every other call site unwraps the result with a check: an absent value
 *     panics there, never reads as 0.
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { fnType, nullableType, typeOfNode } from "./types.ts";
import type { Lowerer } from "./context.ts";
import { isOpenRecord } from "./records.ts";
import { probedType, testedValue, usesProbe } from "./probes.ts";
import { presentOrPanic } from "./nullable.ts";
import { programFiles } from "./closures.ts";
import { LIB_DIR } from "../load.ts";

const STD_DIR = path.join(LIB_DIR, "std") + path.sep;

type FunctionDecl = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const verdicts = new WeakMap<Lowerer, Map<ts.Node, boolean>>();

/** Whether `decl`'s result is `T | undefined` in the IR (see above). */
export function absentResult(l: Lowerer, decl: ts.Node): boolean {
  let m = verdicts.get(l);
  if (!m) verdicts.set(l, (m = new Map()));
  let v = m.get(decl);
  if (v === undefined) m.set(decl, (v = decide(l, decl)));
  return v;
}

/** The call `call`'s result `x`: as it is where the call site tests it, otherwise unwrapped with a check. */
export function absentCall(l: Lowerer, call: ts.CallExpression, x: Expr): Expr {
  if (x.type.k !== "nullable") return x;
  const decl = calleeDecl(l, call);
  if (!decl || !absentResult(l, decl) || testedCall(l, call)) return x;
  const name = nameOf(decl)!.text;
  return presentOrPanic(l, x, "undefined", `${name}() returned undefined (an element past the end of an array, or a missing key) where a value is used`, call);
}

/**
 * The type of `const peek = () => tokens[pos]` (no annotation) whose result
 * may be absent: the checker's function type `checked` with the result `T |
 * undefined`; `checked` itself otherwise.
 */
export function absentConstType(l: Lowerer, decl: ts.VariableDeclaration, checked: Type): Type {
  let init = decl.initializer;
  while (init && ts.isParenthesizedExpression(init)) init = init.expression;
  if (!init || decl.type || checked.k !== "fn" || !probedType(checked.ret)) return checked;
  if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || !absentResult(l, init)) return checked;
  return fnType(l, checked.params, nullableType(l, checked.ret, false, true));
}

/** The checker's type of a variable not declared yet (captured above its declaration), as its declaration will make it. */
export function earlyVariableType(l: Lowerer, decl: ts.Node): Type {
  return ts.isVariableDeclaration(decl) ? absentConstType(l, decl, typeOfNode(l, decl)) : typeOfNode(l, decl);
}

/** The function a call calls, where it is one this module may change. */
function calleeDecl(l: Lowerer, call: ts.CallExpression): FunctionDecl | undefined {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  if (!ts.isIdentifier(callee)) return undefined;
  return functionOf(l.checker.getSymbolAtLocation(callee));
}

function functionOf(sym: ts.Symbol | undefined): FunctionDecl | undefined {
  const d = sym?.valueDeclaration;
  if (!d || sym!.declarations?.length !== 1) return undefined;
  if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) return d;
  if (ts.isVariableDeclaration(d) && d.initializer && ts.isVariableDeclarationList(d.parent) && d.parent.flags & ts.NodeFlags.Const) {
    let init = d.initializer;
    while (ts.isParenthesizedExpression(init)) init = init.expression;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** The name the function is called by: its own, or its `const`'s. */
function nameOf(decl: FunctionDecl): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl.name && ts.isIdentifier(decl.name) ? decl.name : undefined;
  const v = decl.parent;
  return ts.isVariableDeclaration(v) && ts.isIdentifier(v.name) ? v.name : undefined;
}

function decide(l: Lowerer, node: ts.Node): boolean {
  if (!(ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node))) return false;
  const decl = node;
  if (isStd(decl.getSourceFile())) return false;
  if (decl.asteriskToken || decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  const name = nameOf(decl);
  if (!name || !decl.body) return false;
  const sym = l.checker.getSymbolAtLocation(name);
  if (!sym || functionOf(sym) !== decl) return false;
  // TypeScript's result must leave out undefined, and some returned value must be a read that may be absent.
  const sig = l.checker.getSignatureFromDeclaration(decl);
  if (!sig) return false;
  const ret = l.checker.getReturnTypeOfSignature(sig);
  const loose = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null | ts.TypeFlags.Never;
  if ((ret.isUnion() ? ret.types : [ret]).some((t) => t.flags & loose)) return false;
  if (!returnedValues(decl).some((x) => mayBeAbsent(l, x))) return false;
  return callSitesTest(l, decl, sym, name.text);
}

function isStd(sf: ts.SourceFile): boolean {
  return sf.fileName.startsWith(STD_DIR);
}

/** The values `decl` returns (its own `return`s, not those of functions inside it). */
function returnedValues(decl: FunctionDecl): ts.Expression[] {
  const body = decl.body!;
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

function mayBeAbsent(l: Lowerer, x: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (ts.isElementAccessExpression(x)) {
    const obj = l.checker.getTypeAtLocation(x.expression);
    return (l.checker.isArrayType(obj) && !l.checker.isTupleType(obj)) || isOpenRecord(l, obj);
  }
  return ts.isPropertyAccessExpression(x) && isOpenRecord(l, l.checker.getTypeAtLocation(x.expression));
}

/**
 * Every reference to `sym` in the program is the callee of a call, no other
 * member shares a method's name, and some call tests its result.
 */
function callSitesTest(l: Lowerer, decl: FunctionDecl, sym: ts.Symbol, name: string): boolean {
  const method = ts.isMethodDeclaration(decl);
  let tested = false;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (method && n !== decl && (ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isMethodSignature(n) || ts.isPropertySignature(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n)) && n.name.getText() === name) {
      ok = false;
      return;
    }
    // A member of a generic class is reached through a symbol of its instance: compare declarations.
    if (ts.isIdentifier(n) && n.text === name && n !== nameOf(decl) && l.checker.getSymbolAtLocation(n)?.valueDeclaration === sym.valueDeclaration) {
      const callee = ts.isPropertyAccessExpression(n.parent) && n.parent.name === n ? n.parent : n;
      const call = callee.parent;
      if (!ts.isCallExpression(call) || call.expression !== callee) {
        ok = false;
        return;
      }
      if (!tested && testedCall(l, call)) tested = true;
    }
    ts.forEachChild(n, visit);
  };
  // The standard library's classes neither extend nor implement the program's.
  for (const sf of programFiles()) if (!isStd(sf)) visit(sf);
  return ok && tested;
}

/**
 * Whether the call's result is tested where it is used, or initialises or is assigned to a local that is.
 * Passing it where undefined is a value (console.log) tests nothing: there a read past the end panics, as
 * it did inside the function (a program that prints such a value is most likely wrong).
 */
function testedCall(l: Lowerer, call: ts.CallExpression): boolean {
  if (testedValue(l, call, false)) return true;
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.right === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) {
    const d = l.checker.getSymbolAtLocation(p.left)?.valueDeclaration;
    return !!d && ts.isVariableDeclaration(d) && usesProbe(l, d, false);
  }
  return false;
}
