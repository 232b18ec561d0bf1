/**
 * lower/exceptions.ts: `throw`, `try`/`catch`/`finally` and the Error classes
 * on the hosted target.
 *
 * Input:  ThrowStatement, TryStatement, and the early exits (return, break,
 *         continue) that leave a `try` or `catch` block.
 * Output: protected blocks (ir.ts: a block with `tryId`, its `catch` marker
 *         and `trypop`), which the emitter turns into setjmp/longjmp over a
 *         chain of handlers (runtime/tsos_host.h). `try B catch (e) C
 *         finally F` is `try { try B catch (e) C } finally F`: the finally
 *         region's handler runs F and throws again; on a normal exit F runs
 *         after the region; an early exit runs F (and removes the handlers it
 *         leaves) before it jumps.
 * Invariants: only instances of Error or its subclasses are thrown
 *             (lib/std/error.ts), so a catch variable is an Error whatever
 *             TypeScript calls it (`unknown`); the global Error classes of
 *             lib/tsos.d.ts are built from lib/std/error.ts's (builtinClass).
 *             In the kernel, `throw` panics and `try` is refused (check.ts).
 */
import ts from "typescript";
import type { ClassInst, Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { classInstance, isSubclass } from "./classes.ts";
import { coerce, lowerExpr, setLocalType } from "./expr.ts";
import { functionOf } from "./functions.ts";
import { stdDeclaration } from "./array-methods.ts";
import { tryIrType, typeName } from "./types.ts";
import { DYN } from "./dynamic.ts";
import { lowerBlock } from "./stmt.ts";
import { forOfExitActions } from "./iterables.ts";

const ERROR_CLASSES = new Set(["Error", "RangeError", "TypeError", "SyntaxError", "URIError", "ReferenceError", "EvalError"]);

/** The lib/std class that builds a global class declared in lib/tsos.d.ts (the Error classes, WeakRef, WeakMap, WeakSet, Date, Intl.NumberFormat), else undefined. */
export function builtinClassDecl(l: Lowerer, decl: ts.ClassDeclaration): ts.ClassDeclaration | undefined {
  const name = decl.name?.text;
  if (!name || !l.isLibDecl(decl) || !decl.getSourceFile().isDeclarationFile) return undefined;
  if (ERROR_CLASSES.has(name)) return stdDeclaration("std/error.ts", name, ts.isClassDeclaration);
  if (name === "WeakRef") return stdDeclaration("std/weakref.ts", name, ts.isClassDeclaration);
  if (name === "Date") return stdDeclaration("std/date.ts", name, ts.isClassDeclaration);
  if (name === "TextEncoder" || name === "TextDecoder") return stdDeclaration("std/text.ts", name, ts.isClassDeclaration);
  if (name === "NumberFormat" && ts.isModuleBlock(decl.parent) && decl.parent.parent.name.text === "Intl") return stdDeclaration("std/number.ts", name, ts.isClassDeclaration);
  if (name === "WeakMap" || name === "WeakSet") return stdDeclaration("std/map.ts", name, ts.isClassDeclaration);
  return undefined;
}

export function errorClass(l: Lowerer, node: ts.Node): ClassInst {
  const decl = stdDeclaration("std/error.ts", "Error", ts.isClassDeclaration);
  if (!decl) l.fail("TSOS9001", node, "lib/std/error.ts has no `Error`");
  return classInstance(l, decl, []);
}

const ids = new WeakMap<ts.TryStatement, { catchId?: string; finallyId?: string }>();

/** `try { ... } catch (e) { ... } finally { ... }`. */
export function lowerTry(l: Lowerer, t: ts.TryStatement): Stmt[] {
  const loc = l.loc(t);
  const id = { catchId: t.catchClause ? l.localName("tsos_try") : undefined, finallyId: t.finallyBlock ? l.localName("tsos_finally") : undefined };
  ids.set(t, id);
  let region = lowerBlock(l, t.tryBlock.statements);
  if (t.catchClause && id.catchId) {
    const handler: Stmt[] = [];
    const v = t.catchClause.variableDeclaration;
    // The handler owns the thrown reference (rc.ts: `caught` is fresh): a local of its block, released when it ends.
    const errType: Type = { k: "class", cls: errorClass(l, t.catchClause) };
    const owner = l.localName("tsos_caught");
    handler.push({ s: "let", name: owner, type: errType, init: { e: "caught", type: errType }, loc });
    if (v) {
      if (!ts.isIdentifier(v.name)) l.fail("TSOS1005", v, "destructuring in a catch clause");
      const caught: Expr = { e: "local", type: errType, name: owner };
      // `catch (e)` / `catch (e: unknown)` (hosted): the thrown value itself, whatever its kind (lower/dynamic.ts).
      const dynamic = l.target === "host" && tryIrType(l, l.checker.getTypeAtLocation(v), v)?.k === "dyn";
      const type = dynamic ? DYN : errType;
      const name = l.localName(v.name.text);
      l.scope.locals.set(v, name);
      setLocalType(l, v, type);
      if (!dynamic && l.target === "host") handler.push(notAnError(l, caught, loc, v));
      handler.push({ s: "let", name, type, init: dynamic ? stdCall(l, "caughtValue", [caught], v) : caught, loc });
    }
    handler.push(...lowerBlock(l, t.catchClause.block.statements));
    // Its own block: a local directly in the protected region is never counted (rc.ts findManaged).
    region = [{ s: "block", tryId: id.catchId, body: [...region, { s: "catch", id: id.catchId }, { s: "block", body: handler }] }];
  }
  if (!t.finallyBlock || !id.finallyId) return region;
  const fin = (): Stmt[] => lowerBlock(l, t.finallyBlock!.statements);
  const type: Type = { k: "class", cls: errorClass(l, t) };
  // The thrown value is taken before the finally block runs (it may throw and catch inside).
  const [hold, ...again] = throwValue(l, { e: "caught", type }, { e: "call", type: T.str, fn: "tsos_throw_site", args: [] }, t);
  return [
    { s: "block", tryId: id.finallyId, body: [...region, { s: "catch", id: id.finallyId }, hold!, { s: "block", body: fin() }, ...again] },
    { s: "block", body: fin() },
  ];
}

/** `throw x`: an Error; hosted, any other value is carried inside a ThrownValue (lib/std/error.ts). */
export function lowerThrow(l: Lowerer, s: ts.ThrowStatement): Stmt[] {
  let x = lowerExpr(l, s.expression);
  const err = errorClass(l, s);
  if (l.target === "host" && (x.type.k !== "class" || !isSubclass(x.type.cls, err))) x = stdCall(l, "thrownValue", [coerce(l, x, DYN, s.expression)], s.expression);
  if (x.type.k !== "class" || !isSubclass(x.type.cls, err)) l.fail("TSOS1140", s.expression, typeName(x.type));
  const sf = s.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(s.getStart(sf));
  const site = `${l.program.locs[l.loc(s)]!.file}:${line + 1}:${character + 1}`;
  return throwValue(l, coerce(l, x, { k: "class", cls: err }, s.expression), { e: "str", type: T.str, value: site }, s);
}

/** A function of lib/std/error.ts called with `args`. */
function stdCall(l: Lowerer, name: string, args: Expr[], node: ts.Node): Expr {
  const decl = stdDeclaration("std/error.ts", name, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/std/error.ts has no \`${name}\``);
  const f = functionOf(l, decl, []);
  return { e: "call", type: f.ret, fn: f.cname, args };
}

/** A `catch (e: any)` variable is an Error: a caught value of another kind panics rather than pretend to be one. */
function notAnError(l: Lowerer, caught: Expr, loc: number, node: ts.Node): Stmt {
  const decl = stdDeclaration("std/error.ts", "ThrownValue", ts.isClassDeclaration);
  if (!decl) l.fail("TSOS9001", node, "lib/std/error.ts has no `ThrownValue`");
  const cls = classInstance(l, decl, []);
  const message: Expr = { e: "str", type: T.str, value: "a value that is not an Error was caught in `catch (e: any)`; declare the variable `unknown` and narrow it" };
  return { s: "if", c: { e: "instanceof", type: T.bool, x: caught, cls }, then: [{ s: "expr", x: { e: "panic", type: T.never, message, loc }, loc }], loc };
}

/** Throw `value` (an Error) to the innermost handler, or report it as uncaught. */
export function throwValue(l: Lowerer, value: Expr, site: Expr, node: ts.Node): Stmt[] {
  const loc = l.loc(node);
  const type = value.type;
  const tmp = l.localName("tsos_thrown");
  const held: Expr = { e: "local", type, name: tmp };
  const uncaughtDecl = stdDeclaration("std/error.ts", "uncaught", ts.isFunctionDeclaration);
  if (!uncaughtDecl) l.fail("TSOS9001", node, "lib/std/error.ts has no `uncaught`");
  const uncaught = functionOf(l, uncaughtDecl, []);
  return [
    { s: "let", name: tmp, type, init: value, loc },
    {
      s: "if",
      c: { e: "call", type: T.bool, fn: "tsos_no_handler", args: [] },
      then: [{ s: "expr", x: { e: "call", type: T.never, fn: uncaught.cname, args: [held, site] }, loc }],
      loc,
    },
    { s: "expr", x: { e: "call", type: T.never, fn: "tsos_throw", args: [held, site] }, loc },
  ];
}

/**
 * What an early exit does before it jumps: for each `try` it leaves, remove
 * the handlers it installed and run its `finally` block. `target` is the
 * statement a break/continue jumps to; undefined for `return`.
 */
export function exitActions(l: Lowerer, node: ts.Node, target: ts.Node | undefined): Stmt[] {
  const out: Stmt[] = [];
  let child: ts.Node = node;
  for (let p = node.parent; p && p !== target && !ts.isFunctionLike(p); child = p, p = p.parent) {
    if (child === (p as ts.ForOfStatement).statement) out.push(...forOfExitActions(p)); // lower/iterables.ts: close a generator
    if (!ts.isTryStatement(p)) continue;
    const id = ids.get(p);
    if (!id) continue;
    const leavesFinally = child === p.tryBlock || child === p.catchClause;
    if (child === p.tryBlock && id.catchId) out.push({ s: "trypop", id: id.catchId });
    if (leavesFinally && id.finallyId) {
      out.push({ s: "trypop", id: id.finallyId });
      out.push({ s: "block", body: lowerBlock(l, p.finallyBlock!.statements) });
    }
  }
  return out;
}

/** The statement a `break` or `continue` jumps to. */
export function jumpTarget(s: ts.BreakOrContinueStatement): ts.Node | undefined {
  for (let p: ts.Node | undefined = s.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) return undefined;
    if (s.label) {
      if (ts.isLabeledStatement(p) && p.label.text === s.label.text) return p;
      continue;
    }
    if (ts.isIterationStatement(p, false)) return p;
    if (s.kind === ts.SyntaxKind.BreakStatement && ts.isSwitchStatement(p)) return p;
  }
  return undefined;
}
