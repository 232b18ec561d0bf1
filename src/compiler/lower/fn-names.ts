/**
 * lower/fn-names.ts: the `name` JavaScript gives a function value, which
 * console.log shows (`[Function: greet]`, `[Function (anonymous)]`).
 *
 * Input:  the node that creates a function value (an arrow, a function
 *         expression or declaration, a method), and the C name of what the
 *         value's class descriptor is emitted for: the static closure object
 *         of a code function, or a closure environment struct.
 * Output: Program.fnNames, C name -> JavaScript name, and Program.fnKinds,
 *         the generator functions and classes among them; the emitters put
 *         the name (and the runtime's mark of its kind as its parent) in that
 *         descriptor (emit-closures.ts, rc-closures.ts) and the
 *         runtime reads it back (tsos_dyn.h tsos_fn_show).
 * Invariants: the name follows ECMAScript's NamedEvaluation: a function's
 *             own name, else the binding, property or class field it is the
 *             whole initializer of (through parentheses and type
 *             assertions, which JavaScript does not have), else the
 *             variable a plain `x = ...` assigns it to; anything else is
 *             anonymous (""). A name that is not printable ASCII is
 *             recorded as anonymous rather than mis-measured.
 */
import ts from "typescript";
import type { Expr, FnKind, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";

/** The name JavaScript gives the function value `fn` creates. */
export function jsFunctionName(fn: ts.Node): string {
  if ((ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) && fn.name) return fn.name.text;
  if ((ts.isMethodDeclaration(fn) || ts.isPropertyDeclaration(fn)) && !ts.isComputedPropertyName(fn.name)) return propertyText(fn.name);
  let n: ts.Node = fn;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) || ts.isTypeAssertionExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.initializer === n && ts.isIdentifier(p.name)) return p.name.text;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.initializer === n && !ts.isComputedPropertyName(p.name)) return propertyText(p.name);
  if (ts.isBinaryExpression(p) && p.right === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) return p.left.text;
  return "";
}

function propertyText(name: ts.PropertyName): string {
  if (ts.isPrivateIdentifier(name)) return name.text;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : "";
}

/** Record that the descriptor emitted for `cname` belongs to a function named `name`. */
export function nameFunction(l: Lowerer, cname: string, name: string, kind?: FnKind | false): void {
  (l.program.fnNames ??= new Map()).set(cname, /^[\x20-\x7e]*$/.test(name) ? name : "");
  if (kind) (l.program.fnKinds ??= new Map()).set(cname, kind);
}

/** "generator" for a generator function (`function*`, a `*method()`), which console.log shows as `[GeneratorFunction: name]`. */
export function generatorKind(fn: ts.Node): FnKind | false {
  return (ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && !!fn.asteriskToken && "generator";
}

/** The recorded name of `cname`'s function, if any. */
export function functionNameOf(l: Lowerer, cname: string): string | undefined {
  return l.program.fnNames?.get(cname);
}

/**
 * A built-in used as a function value (`xs.map(Math.round)`, `.filter(Boolean)`, `.forEach(console.log)`): a C
 * function of type `want` (parameters a0, a1, ...) whose body is `body` (statements, or an expression returned or,
 * for `void`, evaluated), named `jsName` as JavaScript names the built-in (`round`, `Boolean`, `log`).
 */
export function builtinValue(l: Lowerer, prefix: string, jsName: string, want: Extract<Type, { k: "fn" }>, body: Expr | Stmt[], node: ts.Node): Expr {
  const cname = l.uniqueName(`${prefix}_as_${want.cname}`);
  const loc = l.loc(node);
  const stmts: Stmt[] = Array.isArray(body) ? body : [want.ret.k === "void" ? { s: "expr", x: body, loc } : { s: "return", x: body, loc }];
  l.addFunc({ cname, params: want.params.map((type, i) => ({ name: `a${i}`, type })), ret: want.ret, body: stmts, loc, isStatic: true });
  if (l.target === "host") nameFunction(l, cname, jsName);
  return { e: "fnref", type: want, fn: cname };
}
