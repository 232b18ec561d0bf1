/**
 * lower/lambdas.ts: arrow functions and function expressions that capture
 * nothing, and conversions between function types.
 *
 * Input:  an ArrowFunction or FunctionExpression in any expression position;
 *         a function value coerced to a function type with more parameters
 *         or a `void` result (`xs.map(x => x * 2)` where the callback type is
 *         `(x: T, i: number) => U`).
 * Output: the function lifted to a plain C function (one per generic
 *         instantiation of the code around it) and a `fnref` to it; for a
 *         conversion, a small adapter function that drops the extra
 *         arguments or the result, as a JavaScript call would.
 * Invariants:
 *   - A lifted function reads only its own parameters and locals, module
 *     variables (globals) and compile-time constants. Reading or writing a
 *     local or parameter of an enclosing function, or `this` of an enclosing
 *     method, is a capture: refused with TSOS1084 naming the variable
 *     (closures are part 2).
 *   - Only static function values (`fnref`) are adapted; a function value
 *     held in a variable cannot grow parameters without a closure (TSOS1021).
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { instantiateFunction } from "./functions.ts";
import { fnType, mangle, sameType, typeName } from "./types.ts";
import { untypedConst } from "./calls.ts";
import { lowerPrint } from "./stmt.ts";
import { destructureParams } from "./destructure.ts";

type FnLike = ts.ArrowFunction | ts.FunctionExpression;

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

/** An arrow function or function expression as a value: lifted to a C function. */
export function lowerFunctionValue(l: Lowerer, fn: FnLike, want?: Type): Expr {
  if (fn.typeParameters?.length) l.fail("TSOS1019", fn, fn.getText().slice(0, 20));
  if (fn.asteriskToken) l.fail("TSOS1005", fn, "a generator function");
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) l.fail("TSOS1015", fn, "`async`", "async/await arrives with the async issue");
  const dflt = fn.parameters.find((p) => p.initializer || p.questionToken || p.dotDotDotToken);
  if (dflt) l.fail("TSOS1085", dflt);
  checkCaptures(l, fn);
  const env = l.scope.env;
  const owner = enclosingFunction(fn);
  const ownerName = owner && owner.name && ts.isIdentifier(owner.name) ? owner.name.text : l.moduleName(fn.getSourceFile());
  const name = ts.isFunctionExpression(fn) && fn.name ? fn.name.text : "lambda";
  // Without an annotation, the result takes the type the context gives (as tsc types it).
  // (A block body that returns a value where `void` is expected keeps its own type; the adapter drops the value.)
  const contextRet = !fn.type && want?.k === "fn" && (want.ret.k !== "void" || !ts.isBlock(fn.body)) ? want.ret : undefined;
  const envKey = [...env.values(), ...(contextRet ? [contextRet] : [])];
  const f = instantiateFunction(l, fn, env, envKey, {
    cname: `${ownerName}__${name}`,
    isCtor: false,
    ret: contextRet ? () => contextRet : undefined,
    // An expression body binds pattern parameters (`([k, v]) => ...`) first, as a block body does.
    body: ts.isBlock(fn.body) ? undefined : () => [...destructureParams(l, fn), ...expressionBody(l, fn.body as ts.Expression)],
  });
  return { e: "fnref", type: fnType(l, f.params.map((p) => p.type), f.ret), fn: f.cname };
}

function expressionBody(l: Lowerer, body: ts.Expression): Stmt[] {
  const ret = l.scope.ret!;
  const print = ret.k === "void" ? lowerPrint(l, body) : undefined;
  if (print) return [print];
  const x = lowerExpr(l, body, ret);
  // A `never` body (a call that doesn't return) is a statement: C's noreturn function has no `return`.
  if (ret.k === "void" || ret.k === "never") return [{ s: "expr", x, loc: l.loc(body) }];
  return [{ s: "return", x: coerce(l, x, ret, body), loc: l.loc(body) }];
}

/** Adapters made so far, per program being lowered (a compile session lowers several). */
const adapterCache = new WeakMap<object, Map<string, string>>();

/**
 * A function value used as a function type that takes more parameters (they
 * are ignored, as in a JavaScript call) or returns `void` (the result is
 * dropped). Undefined when `to` is not such a widening of `e`'s type.
 */
export function adaptFunction(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  const from = e.type;
  if (from.k !== "fn" || to.k !== "fn") return undefined;
  if (from.params.length > to.params.length) return undefined;
  // An interrupt handler's signature is what the CPU pushes: never adapted.
  const first = to.params[0];
  if (first?.k === "class" && first.cls.cname === "tsos_interrupt_frame") return undefined;
  if (!from.params.every((p, i) => sameType(p, to.params[i]!))) return undefined;
  if (!(sameType(from.ret, to.ret) || to.ret.k === "void")) return undefined;
  if (e.e !== "fnref") l.fail("TSOS1021", node, typeName(from), typeName(to));
  const key = `${e.fn}|${to.cname}`;
  let adapters = adapterCache.get(l.program);
  if (!adapters) adapterCache.set(l.program, (adapters = new Map()));
  const hit = adapters.get(key);
  if (hit) return { e: "fnref", type: to, fn: hit };
  const target = l.program.funcs.find((f) => f.cname === e.fn);
  const cname = l.uniqueName(`${e.fn}__as_${mangle(to)}`);
  const params = to.params.map((type, i) => ({ name: `a${i}`, type }));
  const call: Expr = { e: "call", type: from.ret, fn: e.fn, args: params.slice(0, from.params.length).map((p) => ({ e: "local", type: p.type, name: p.name }) as Expr) };
  const loc = target?.loc ?? l.loc(node);
  const body: Stmt[] = to.ret.k === "void" ? [{ s: "expr", x: call, loc }] : [{ s: "return", x: call, loc }];
  l.addFunc({ cname, params, ret: to.ret, body, loc, isStatic: true });
  adapters.set(key, cname);
  return { e: "fnref", type: to, fn: cname };
}
