/**
 * lower/method-values.ts: an instance method read as a value (`obj.m`
 * without a call), and `obj.m.bind(obj)`.
 *
 * Input:  the property access `obj.m` whose declaration is the method `m`
 *         of a class or of an object literal.
 * Output: JavaScript reads the function from the object and calls it later
 *         with `this` undefined, so only a method that never uses `this` (or
 *         `super`) can run that way:
 *         - a class method nobody overrides: one static function value that
 *           calls the method (its `self` unused): identity as in JavaScript,
 *           the same value wherever it is read;
 *         - an object literal's method (it reads the variables it captured
 *           through its object): a closure holding the object, allowed only
 *           where the value is called or passed to a parameter that is only
 *           called (lower/closures.ts valueContained), so no `===` can tell
 *           two reads apart;
 *         - anything else: TSOS1131 (a method that uses `this`), TSOS1221
 *           (one a subclass overrides), TSOS1220 (an object literal's
 *           method value that escapes).
 *         `obj.m.bind(obj)`: a closure holding `obj` that calls the method.
 * Invariants: the receiver expression is evaluated once, where the value is
 *             read; the function values built here never see a `this`
 *             that JavaScript would not give them.
 */
import { generatorKind, jsFunctionName, nameFunction } from "./fn-names.ts";
import ts from "typescript";
import type { Expr, Stmt, Type, ViewSlot } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { onlyCalledVariable, valueContained } from "./closures.ts";
import { fnType } from "./types.ts";
import { isOverridden, memberKey, resolveMember } from "./dispatch.ts";

/** Whether `decl`'s body mentions its own `this` or `super` (arrows inside see the same `this`). */
export function usesThis(decl: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword || n.kind === ts.SyntaxKind.SuperKeyword) {
      found = true;
      return;
    }
    // A nested function or class has a `this` of its own.
    if ((ts.isFunctionLike(n) && !ts.isArrowFunction(n)) || ts.isClassLike(n)) return;
    ts.forEachChild(n, visit);
  };
  if (decl.body) visit(decl.body);
  decl.parameters.forEach(visit);
  return found;
}

/** Per compilation: the code functions built for method values, by key. */
const built = new WeakMap<Lowerer, Map<string, { code: string; env?: string }>>();
function cache(l: Lowerer): Map<string, { code: string; env?: string }> {
  let m = built.get(l);
  if (!m) built.set(l, (m = new Map()));
  return m;
}

/** The receiver evaluated for its effects, then `value` (a pure receiver is dropped). */
function afterReceiver(recv: Expr, value: Expr): Expr {
  if (recv.e === "local" || recv.e === "global" || (recv.e === "field" && afterReceiverPure(recv.obj))) return value;
  return { e: "seq", type: value.type, xs: [recv, value] };
}
function afterReceiverPure(x: Expr): boolean {
  return x.e === "local" || x.e === "global" || (x.e === "field" && afterReceiverPure(x.obj));
}

/** `obj.m` for an instance method `m` (hosted). */
export function instanceMethodValue(l: Lowerer, p: ts.PropertyAccessExpression, decl: ts.MethodDeclaration): Expr {
  if (usesThis(decl)) l.fail("TSOS1131", p, p.name.text);
  const recv = lowerExpr(l, p.expression);
  if (recv.type.k === "view" && ts.isObjectLiteralExpression(decl.parent)) {
    // An object literal typed by its own shape (returned from a factory): call through its table.
    if (!valueContained(l, p)) l.fail("TSOS1220", p, p.name.text);
    const slot = recv.type.view.slots.find((s) => s.kind === "method" && s.prop === p.name.text);
    if (!slot) l.fail("TSOS1131", p, p.name.text);
    return boundViewMethod(l, recv, slot.name, slot.params, slot.ret, decl, p);
  }
  if (recv.type.k !== "class") l.fail("TSOS1131", p, p.name.text);
  const cls = recv.type.cls;
  const r = resolveMember(l, cls, decl, [], false);
  const type = fnType(l, r.params, r.ret);
  const owner = decl.parent;
  if (ts.isClassLike(owner)) {
    const key = memberKey(decl);
    if (!key || isOverridden(l, owner, key)) l.fail("TSOS1221", p, p.name.text);
    return afterReceiver(recv, { e: "fnref", type, fn: unboundCode(l, r, decl) });
  }
  // An object literal's method reads its captured variables through the object: bind it.
  if (!valueContained(l, p)) l.fail("TSOS1220", p, p.name.text);
  return boundMethod(l, recv, r, decl, p, false);
}

/** A static code function that calls the method with a null `self` (the method never reads it). */
function unboundCode(l: Lowerer, r: { fn: string; params: Type[]; ret: Type; self: Type }, decl: ts.Node): string {
  const key = `${r.fn}|unbound`;
  const hit = cache(l).get(key);
  if (hit) return hit.code;
  const code = l.uniqueName(`${r.fn}__unbound`);
  const params = r.params.map((t, i) => ({ name: `a${i}`, type: t }));
  const self: Expr = { e: "nullish", type: { k: "nullable", inner: r.self, null: true, undef: false }, undef: false };
  const x: Expr = { e: "call", type: r.ret, fn: r.fn, args: [self, ...params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr)] };
  const loc = l.loc(decl);
  const body: Stmt[] = r.ret.k === "void" ? [{ s: "expr", x, loc }] : [{ s: "return", x, loc }];
  l.addFunc({ cname: code, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...params], ret: r.ret, body, loc, isStatic: true });
  nameFunction(l, code, jsFunctionName(decl), generatorKind(decl));
  cache(l).set(key, { code });
  return code;
}

/** A closure of the method's function type holding the receiver `recv`, whose code calls the method on it. */
export function boundMethod(l: Lowerer, recv: Expr, r: { fn: string; params: Type[]; ret: Type; self: Type }, decl: ts.Node, node: ts.Expression, heap: boolean): Expr {
  const type = fnType(l, r.params, r.ret);
  const key = `${r.fn}|bound`;
  let w = cache(l).get(key);
  if (!w) {
    const code = l.uniqueName(`${r.fn}__bound`);
    const env = l.uniqueName(`${code}__env`);
    (l.program.closureEnvs ??= []).push({ cname: env, fnType: (type as { cname: string }).cname, fields: [{ name: "self", type: r.self }] });
    // `.bind` names its result "bound m"; an object literal's method used as a value keeps its name.
    // A bound function is an ordinary function to console.log, even of a generator method.
    nameFunction(l, env, `${ts.isCallExpression(node) ? "bound " : ""}${jsFunctionName(decl)}`, !ts.isCallExpression(node) && generatorKind(decl));
    const params = r.params.map((t, i) => ({ name: `a${i}`, type: t }));
    const self: Expr = { e: "envfield", type: r.self, env, name: "self" };
    const x: Expr = { e: "call", type: r.ret, fn: r.fn, args: [self, ...params.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr)] };
    const loc = l.loc(decl);
    const body: Stmt[] = r.ret.k === "void" ? [{ s: "expr", x, loc }] : [{ s: "return", x, loc }];
    l.addFunc({ cname: code, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...params], ret: r.ret, body, loc, isStatic: true });
    w = { code, env };
    cache(l).set(key, w);
  }
  return { e: "closure", type, fn: w.code, env: w.env!, fields: ["self"], values: [coerce(l, recv, r.self, node)], heap, loc: l.loc(node) };
}

/**
 * A method of an interface value read as a value: `api.getState` (`node` its name) or a destructured
 * `{ getState }` (`node` the binding's key). JavaScript reads the function and calls it with `this`
 * undefined; here it is a closure holding the object that calls the method through the object's table, so
 * a method that uses `this` runs where JavaScript would throw. Two reads are different closures, so the
 * value may only be called: passed on to a parameter that is only called, held in a `const` (or a
 * destructured name) that is only called. TSOS1220 otherwise.
 */
export function viewMethodValue(l: Lowerer, recv: Expr, slot: ViewSlot, node: ts.Node): Expr {
  const p = node.parent;
  const read = ts.isPropertyAccessExpression(p) && p.name === node ? p : undefined;
  if (read && valueContained(l, read)) return boundViewMethod(l, recv, slot.name, slot.params, slot.ret, node, read, false);
  const name = read ? heldName(read) : ts.isBindingElement(p) && ts.isIdentifier(p.name) ? p.name : undefined;
  const decl = name && l.checker.getSymbolAtLocation(name)?.valueDeclaration;
  if (!decl || !onlyCalledVariable(l, decl)) l.fail("TSOS1220", node, slot.prop);
  return boundViewMethod(l, recv, slot.name, slot.params, slot.ret, node, read ?? name, true);
}

/** `const g = api.getState`: the name the read initializes. */
function heldName(read: ts.Expression): ts.Identifier | undefined {
  let n: ts.Node = read;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const d = n.parent;
  return ts.isVariableDeclaration(d) && d.initializer === n && ts.isIdentifier(d.name) ? d.name : undefined;
}

/** A closure holding the view `recv` whose code calls the table slot `slot` on it (on the stack where it does not escape). */
function boundViewMethod(l: Lowerer, recv: Expr, slot: string, params: Type[], ret: Type, decl: ts.Node, node: ts.Expression, heap = false): Expr {
  const type = fnType(l, params, ret);
  const key = `${(recv.type as { view: { cname: string } }).view.cname}|${slot}|bound`;
  let w = cache(l).get(key);
  if (!w) {
    const code = l.uniqueName(`${(recv.type as { view: { cname: string } }).view.cname}_${slot}__bound`);
    const env = l.uniqueName(`${code}__env`);
    (l.program.closureEnvs ??= []).push({ cname: env, fnType: (type as { cname: string }).cname, fields: [{ name: "self", type: recv.type }] });
    nameFunction(l, env, jsFunctionName(decl), generatorKind(decl));
    const own = params.map((t, i) => ({ name: `a${i}`, type: t }));
    const self: Expr = { e: "envfield", type: recv.type, env, name: "self" };
    const x: Expr = { e: "viewcall", type: ret, view: self, slot, args: own.map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr) };
    const loc = l.loc(decl);
    const body: Stmt[] = ret.k === "void" ? [{ s: "expr", x, loc }] : [{ s: "return", x, loc }];
    l.addFunc({ cname: code, params: [{ name: "tsos_self", type: { k: "anyobj" } }, ...own], ret, body, loc, isStatic: true });
    w = { code, env };
    cache(l).set(key, w);
  }
  return { e: "closure", type, fn: w.code, env: w.env!, fields: ["self"], values: [recv], heap, loc: l.loc(node) };
}
