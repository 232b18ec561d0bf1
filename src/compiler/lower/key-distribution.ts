/**
 * lower/key-distribution.ts: `o[k]` whose type differs by key, used where
 * the whole expression has one type.
 *
 *     listenerCount(event: keyof Events): number {
 *       return this.handlers[event]?.length ?? 0;   // Array<A> | Array<B> | ..., then a number
 *     }
 *
 * The read `this.handlers[event]` has no one IR type (an array of each
 * event's listeners), but `this.handlers[event]?.length` is a number for
 * every key. The nearest enclosing expression with a type (the target) is
 * compiled once per candidate key, with `event` known to be that key, and
 * the key picks the copy: `event === "order" ? <target for "order"> : ...`.
 *
 * Input:  a keyed read (lower/keyed.ts) whose candidate properties have
 *         different types and whose checker type has no IR type.
 * Output: DistributeKey, thrown by keyed.ts and caught by lowerExpr at the
 *         target, which calls `distribute`; while a copy is compiled,
 *         `keyOverride` gives keyed.ts the one key to read.
 * Invariants:
 *   - The key is a parameter or `const` that nothing assigns, so it holds
 *     the same string when tested and when read inside the target.
 *   - The target is an expression inside the same function (a closure is
 *     never copied) whose checker type has an IR type; each copy is
 *     converted to it. The last candidate is the fallback, as the checker
 *     allows no other key.
 *   - The error the read would report is recorded before the throw; the
 *     catch removes it. Uncaught (no target was lowered through lowerExpr),
 *     the program is refused with it, as before.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { Bail, quietly, type Lowerer } from "./context.ts";
import { tryIrType } from "./types.ts";

const MAX_KEYS = 24;

export class DistributeKey extends Bail {
  constructor(
    readonly target: ts.Expression,
    readonly key: ts.Identifier,
    readonly keys: string[],
    /** The diagnostics before the read's own error. */
    readonly reported: number,
  ) {
    super();
  }
}

const overrides = new WeakMap<Lowerer, Map<ts.Symbol, string>>();

/** The key a copy of a target is being compiled for, when `key` is the distributed variable. */
export function keyOverride(l: Lowerer, key: ts.Expression): string | undefined {
  if (!ts.isIdentifier(key)) return undefined;
  const sym = l.checker.getSymbolAtLocation(key);
  return sym ? overrides.get(l)?.get(sym) : undefined;
}

/**
 * Throws a DistributeKey when the read `x` has a target. It records an error first (the read's type is
 * not supported), which the catch removes; if no lowerExpr catches it, the program is refused with it.
 */
export function distributeIfTarget(l: Lowerer, x: ts.ElementAccessExpression, keys: string[]): void {
  const target = keys.length > 1 && keys.length <= MAX_KEYS ? targetOf(l, x) : undefined;
  if (!target) return;
  const reported = l.diagnostics.length;
  l.error("TSOS1006", x, l.checker.typeToString(l.checker.getTypeAtLocation(x)));
  throw new DistributeKey(target, x.argumentExpression as ts.Identifier, keys, reported);
}

/** The nearest expression around `x`, in the same function, whose checker type has an IR type. */
function targetOf(l: Lowerer, x: ts.ElementAccessExpression): ts.Expression | undefined {
  if (!stableKey(l, x.argumentExpression)) return undefined;
  for (let n: ts.Node = x; ; ) {
    const p = n.parent;
    if (!p || !ts.isExpression(p) || ts.isFunctionLike(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p)) return undefined;
    // An assignment's target is no value to copy.
    if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return undefined;
    n = p;
    const type = quietIrType(l, l.checker.getTypeAtLocation(p), p);
    if (type && type.k !== "void") return p;
  }
}

/** The IR type of `type`, or undefined where it has none, without reporting anything. */
export function quietIrType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  return quietly(l, () => tryIrType(l, type, node));
}

/** A parameter or `const` identifier that nothing in its function assigns. */
function stableKey(l: Lowerer, key: ts.Expression): key is ts.Identifier {
  if (!ts.isIdentifier(key)) return false;
  const decl = l.checker.getSymbolAtLocation(key)?.valueDeclaration;
  if (!decl) return false;
  if (ts.isVariableDeclaration(decl)) return ts.isVariableDeclarationList(decl.parent) && !!(decl.parent.flags & ts.NodeFlags.Const);
  if (!ts.isParameter(decl) || !ts.isIdentifier(decl.name)) return false;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  let assigned = false;
  const visit = (n: ts.Node): void => {
    if (assigned) return;
    const target = ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment ? n.left
      : (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) ? n.operand
      : undefined;
    if (target && ts.isIdentifier(target) && l.checker.getSymbolAtLocation(target) === sym) assigned = true;
    ts.forEachChild(n, visit);
  };
  const body = (decl.parent as ts.FunctionLikeDeclaration).body;
  if (body) visit(body);
  return !assigned;
}

/**
 * The target `node` compiled once per candidate key (`lowerCopy`, with the key known), each converted
 * to the target's type, chosen by the key's value.
 */
export function distribute(l: Lowerer, d: DistributeKey, node: ts.Expression, lowerCopy: () => Expr, read: (key: ts.Expression) => Expr, convert: (x: Expr, to: Type) => Expr): Expr {
  l.diagnostics.length = d.reported;
  const type = quietIrType(l, l.checker.getTypeAtLocation(node), node)!;
  const sym = l.checker.getSymbolAtLocation(d.key)!;
  let map = overrides.get(l);
  if (!map) overrides.set(l, (map = new Map()));
  const copies = d.keys.map((k) => {
    const outer = map!.get(sym);
    map!.set(sym, k);
    try {
      return convert(lowerCopy(), type);
    } finally {
      if (outer === undefined) map!.delete(sym);
      else map!.set(sym, outer);
    }
  });
  const name = l.temp();
  const key: Expr = { e: "local", type: { k: "str" }, name };
  let out = copies[copies.length - 1]!;
  for (let i = copies.length - 2; i >= 0; i--) {
    out = { e: "cond", type, c: { e: "streq", type: { k: "bool" }, negate: false, a: key, b: { e: "str", type: { k: "str" }, value: d.keys[i]! } }, a: copies[i]!, b: out };
  }
  return { e: "bind", type, name, value: read(d.key), body: out };
}
