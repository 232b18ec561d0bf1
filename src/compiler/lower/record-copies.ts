/**
 * lower/record-copies.ts: an object (a class instance or an object-type
 * value) where a record (`Record<string, V>`) is wanted, as a new record
 * holding its properties.
 *
 * `const o = { a: 1, b: 2 }; o.a; show(o)` with `show(r: Record<string,
 * number>)`: JavaScript passes the object itself. A record is a table of its
 * own in tsos, so the object's properties are copied into a new one
 * (record-spread.ts recordCopy, in the object's key order), which is only
 * right where no one can tell the copy from the object:
 *   - an argument whose parameter the callee only reads: `r[k]`, `r.x`,
 *     `k in r`, `for (k in r)`, `Object.keys/values/entries(r)`, a test of
 *     whether it is there (`r ? ... : d`, `!r`, `r && ...`, `r === undefined`), printing or
 *     serializing it, iterating or spreading it, passing it to a parameter
 *     that is only read in turn (a recursive call included); never written,
 *     deleted, stored, and not captured by a function inside. The same
 *     test lets a tuple serve as a copy of itself as an array (expr.ts
 *     coerce: `pick(COLORS, i)` with `COLORS = [...] as const`);
 *   - `return res` of a local made from an object literal in the same
 *     function and used otherwise only through its properties, there or in
 *     a callback an array method runs before it returns (`xs.forEach((x) =>
 *     counts[x.k]++)`): nothing else holds the object, so the caller's copy
 *     is the only one left.
 * Input:  the lowered value, the wanted record type, and the expression.
 * Output: the copy, or undefined where the copy could be told apart (the
 *         caller then refuses or checks as before).
 * Invariants: the properties' values are shared, not copied (an object
 *             inside is the same object), as the record would hold them.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { isRecord, newRecordOf, recordOps, recordValueType } from "./records.ts";
import { recordCopy } from "./record-spread.ts";
import { isAssigned, isReadOnlyArrayMethod } from "./dynamic.ts";

/**
 * `x` (lowered from `node`) as a new record of type `to`, or undefined where that is not safe or not an object.
 * `onlyRead`: the caller has found that the value is only read (an assertion, `onlyReadValue`).
 */
export function objectAsRecord(l: Lowerer, x: Expr, to: Type, node: ts.Node, onlyRead = false): Expr | undefined {
  const from = x.type;
  if (!(from.k === "view" || (from.k === "class" && from.cls.header)) || !isRecord(to) || isRecord(from)) return undefined;
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = (n as ts.ParenthesizedExpression).expression;
  if (!ts.isExpression(n) || !(onlyRead || readOnlyArgument(l, n) || soleReturn(l, n))) return undefined;
  const copy = recordCopy(l, x, n, recordValueType(to), recordOps(l));
  const name = l.temp();
  const d: Expr = { e: "local", type: to, name };
  return { e: "let", type: to, name, init: newRecordOf(l, to, node), body: copy(d) };
}

/** `f(obj)` where f's parameter is only read inside f (see above): a copy given to f cannot be told from the object. */
export function readOnlyArgument(l: Lowerer, arg: ts.Expression, visiting = new Set<ts.ParameterDeclaration>()): boolean {
  let n: ts.Node = arg;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const call = n.parent;
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(n as ts.Expression)) return false;
  const sig = l.checker.getResolvedSignature(call);
  const decl = sig?.getDeclaration();
  if (!decl || !("body" in decl) || !decl.body || decl.getSourceFile().isDeclarationFile) return false;
  const param = decl.parameters[call.arguments.indexOf(n as ts.Expression)];
  if (!param || !ts.isIdentifier(param.name) || param.dotDotDotToken) return false;
  // A parameter property (`constructor(private values: Iterable<number>)`) is stored in the object: kept, not read.
  if (ts.isParameterPropertyDeclaration(param, param.parent)) return false;
  // Passed on to a parameter whose reads are being checked (`evaluate(e.left, env)` inside evaluate): its
  // other uses decide.
  if (visiting.has(param)) return true;
  visiting.add(param);
  const sym = l.checker.getSymbolAtLocation(param.name);
  return !!sym && onlyRead(l, decl.body, sym, param.name, visiting);
}

/** Every reference to `sym` in `body` reads the object (see above). */
function onlyRead(l: Lowerer, body: ts.Node, sym: ts.Symbol, declName: ts.Identifier, visiting: Set<ts.ParameterDeclaration>): boolean {
  let ok = true;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== declName && l.checker.getSymbolAtLocation(n) === sym) {
      if (nested || !(readUse(l, n) || readOnlyArgument(l, n, visiting))) ok = false;
      return;
    }
    // A callback an array method runs before it returns (`keys.filter((k) => rec[k] !== undefined)`) reads the
    // copy while it is current; any other function might run later.
    ts.forEachChild(n, (c) => visit(c, nested || (ts.isFunctionLike(c) && !calledInPlace(l, c))));
  };
  visit(body, false);
  return ok;
}

/**
 * Whether the object `node` evaluates to is only read: where it stands (`(u as Rec)["k"]`, an argument to a
 * parameter only read), or as the initializer of a `const` whose every reference reads it (`const rec = u as
 * Record<string, unknown>; rec["name"]; Object.keys(rec)`), none inside a nested function.
 */
export function onlyReadValue(l: Lowerer, node: ts.Expression): boolean {
  let n = outermost(node);
  // `u as Record<string, unknown>`: the assertion's uses are the value's.
  while (ts.isAsExpression(n.parent) || ts.isTypeAssertionExpression(n.parent) || ts.isSatisfiesExpression(n.parent)) n = outermost(n.parent);
  const p = n.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name) && ts.isVariableDeclarationList(p.parent) && p.parent.flags & ts.NodeFlags.Const) {
    const sym = l.checker.getSymbolAtLocation(p.name);
    const scope = ts.findAncestor(p.parent, (a) => ts.isBlock(a) || ts.isSourceFile(a) || ts.isModuleBlock(a) || ts.isCaseClause(a) || ts.isDefaultClause(a));
    return !!sym && !!scope && onlyRead(l, scope, sym, p.name, new Set());
  }
  return readUse(l, n as ts.Identifier) || (ts.isExpression(n) && readOnlyArgument(l, n));
}

/** `n` with the parentheses around it. */
function outermost(n: ts.Node): ts.Node {
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

function readUse(l: Lowerer, n: ts.Identifier): boolean {
  let u: ts.Node = n;
  while (ts.isParenthesizedExpression(u.parent) || ts.isNonNullExpression(u.parent)) u = u.parent;
  const p = u.parent;
  // A method called on an array or tuple reads it only if it is one of those that never change it (not `xs.sort()`).
  if (ts.isPropertyAccessExpression(p) && p.expression === u && ts.isCallExpression(p.parent) && p.parent.expression === p) {
    const t = l.checker.getTypeAtLocation(u);
    if (l.checker.isArrayType(t) || l.checker.isTupleType(t)) return isReadOnlyArrayMethod(p.name.text);
  }
  if ((ts.isElementAccessExpression(p) || ts.isPropertyAccessExpression(p)) && p.expression === u) return !isAssigned(outermost(p));
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InKeyword && p.right === u) return true;
  // A test of whether it is there (`headers ? ... : "none"`, `if (!opts)`, `opts && opts.x`, `r === undefined`).
  if ((ts.isConditionalExpression(p) && p.condition === u) || ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === u)) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === u) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(p.operatorToken.kind)) {
    const other = p.left === u ? p.right : p.left;
    return other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined");
  }
  if (ts.isForInStatement(p) && p.expression === u) return true;
  // An array iterated or spread, an object spread (each copies the elements or properties out).
  if ((ts.isForOfStatement(p) && p.expression === u) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(u as ts.Expression)) {
    const callee = p.expression.getText();
    // `Object.hasOwn(o, k)`, `Object.prototype.hasOwnProperty.call(o, k)`: a test of its keys.
    const hasOwn = (callee === "Object.hasOwn" || callee === "Object.prototype.hasOwnProperty.call") && p.arguments[0] === u;
    return hasOwn || ["Object.keys", "Object.values", "Object.entries", "console.log", "JSON.stringify", "String", "Array.from"].includes(callee) || (TYPED_FROM.test(callee) && p.arguments[0] === u);
  }
  // `new Float64Array(values)`: a copy of the elements.
  if (ts.isNewExpression(p) && p.arguments?.[0] === u && TYPED_FROM.test(`${p.expression.getText()}.from`)) return true;
  return false;
}

/** A typed array's `from` (`Float64Array.from(values)`), which copies the elements it is given. */
const TYPED_FROM = /^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|Float32|Float64)Array\.from$/;

/** `return res` where `res` is a local made from an object literal here and otherwise used only through its properties. */
function soleReturn(l: Lowerer, x: ts.Expression): boolean {
  let u: ts.Node = x;
  while (ts.isParenthesizedExpression(u.parent)) u = u.parent;
  const ret = u.parent;
  if (!ts.isIdentifier(x) || !(ts.isReturnStatement(ret) || (ts.isArrowFunction(ret) && ret.body === u))) return false;
  const d = l.checker.getSymbolAtLocation(x)?.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !d.initializer) return false;
  let init = d.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!ts.isObjectLiteralExpression(init)) return false;
  const fn = ts.findAncestor(d, ts.isFunctionLike);
  if (!fn || ts.findAncestor(ret, ts.isFunctionLike) !== fn) return false;
  const sym = l.checker.getSymbolAtLocation(d.name)!;
  let ok = true;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== d.name && n !== x && l.checker.getSymbolAtLocation(n) === sym) {
      const p = n.parent;
      const through = (ts.isElementAccessExpression(p) || ts.isPropertyAccessExpression(p)) && p.expression === n;
      if (nested || !through) ok = false;
      return;
    }
    ts.forEachChild(n, (c) => visit(c, nested || (ts.isFunctionLike(c) && !calledInPlace(l, c))));
  };
  visit(fn, false);
  return ok;
}

/** Array methods (and Map/Set forEach) that call their callback before they return and keep no reference to it. */
const IN_PLACE = new Set(["forEach", "map", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap", "sort"]);

/** `xs.forEach((b) => ...)`: a function passed to an array method, which runs it before the call returns. */
function calledInPlace(l: Lowerer, fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const call = outermost(fn).parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(outermost(fn) as ts.Expression) || !ts.isPropertyAccessExpression(call.expression)) return false;
  if (!IN_PLACE.has(call.expression.name.text)) return false;
  const receiver = l.checker.getTypeAtLocation(call.expression.expression);
  if (l.checker.isArrayType(receiver) || l.checker.isTupleType(receiver)) return true;
  // A Map's or Set's forEach runs its callback in place too.
  const sym = receiver.getSymbol();
  return call.expression.name.text === "forEach" && isLibSymbol(sym) && ["Map", "Set", "ReadonlyMap", "ReadonlySet"].includes(sym.name);
}
