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
import { T } from "../ir.ts";
import { Bail, quietly, type Lowerer } from "./context.ts";
import { sameType, tryIrType } from "./types.ts";

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
/** The same, by the key's type when that is a key parameter (`n: K`): `Components[K]` in a copy is the key's type. */
const paramOverrides = new WeakMap<Lowerer, Map<ts.Symbol, string>>();

/** The key a copy of a target is being compiled for, when `key` is the distributed variable. */
export function keyOverride(l: Lowerer, key: ts.Expression): string | undefined {
  if (!ts.isIdentifier(key)) return undefined;
  const sym = l.checker.getSymbolAtLocation(key);
  return sym ? overrides.get(l)?.get(sym) : undefined;
}

/** The key a copy is being compiled for, when `param` is the type parameter of the distributed variable. */
export function keyParamOverride(l: Lowerer, param: ts.Type): string | undefined {
  const sym = param.flags & ts.TypeFlags.TypeParameter ? param.getSymbol() : undefined;
  return sym ? paramOverrides.get(l)?.get(sym) : undefined;
}

/**
 * Throws a DistributeKey when the read `x` has a target. It records an error first (the read's type is
 * not supported), which the catch removes; if no lowerExpr catches it, the program is refused with it.
 */
export function distributeIfTarget(l: Lowerer, x: ts.ElementAccessExpression, keys: string[]): void {
  const target = keys.length > 1 && keys.length <= MAX_KEYS && stableKey(l, x.argumentExpression) ? targetOf(l, x, false) : undefined;
  if (!target) return;
  const reported = l.diagnostics.length;
  l.error("TSOS1006", x, l.checker.typeToString(l.checker.getTypeAtLocation(x)));
  throw new DistributeKey(target, x.argumentExpression as ts.Identifier, keys, reported);
}

/**
 * A generic call whose key parameter stands for several keys, where the callee names a property's type by
 * that parameter and the types differ by key:
 *
 *     add<K extends ComponentName>(e: Entity, name: K, data: Components[K]): void { ... }
 *     for (const key of Object.keys(parts) as ComponentName[]) this.add(id, key, parts[key]!);
 *
 * `Components[K]` of every key has no one IR type, so the call (or the nearest expression around it with
 * a type) is compiled once per key, with the key argument known: each copy calls the instance for one key
 * (`add<"position">`), whose `Components[K]` is that key's type. `typeArgs` are the call's type arguments
 * as lower/key-params.ts gives them; inside a copy the key parameter has the copy's key alone.
 */
export function oneKeyPerCopy(l: Lowerer, sig: ts.Signature, call: ts.CallExpression, typeArgs: Type[]): Type[] {
  const decl = sig.declaration;
  if (!decl || ts.isJSDocSignature(decl) || !decl.typeParameters) return typeArgs;
  return typeArgs.map((t, i) => {
    if (t.k !== "str" || !t.keys || t.keys.length < 2) return t;
    const tp = decl.typeParameters![i]!;
    const arg = keyArgument(l, call, decl, tp);
    if (!arg) return t;
    const only = keyOverride(l, arg);
    if (only !== undefined && t.keys.includes(only)) return { ...t, keys: [only] };
    const named = t.keys.length <= MAX_KEYS ? propertyTypeNamedBy(l, decl, tp) : undefined;
    const target = named && !oneTypeForKeys(l, sig, decl, named, t.keys) && stableKey(l, arg) ? targetOf(l, call, true) : undefined;
    if (target) {
      const reported = l.diagnostics.length;
      l.error("TSOS1006", call, named!.getText());
      throw new DistributeKey(target, arg, t.keys, reported);
    }
    return t;
  });
}

/**
 * Whether `X[K]` has one IR type over `keys`, or a union of strings, numbers and booleans (`getProp(user, k)`
 * with `k: keyof User`), which one instance handles (lower/keyed.ts). X is a type or the callee's own type
 * parameter; for anything else (a class's type parameter) the keys are distributed.
 */
function oneTypeForKeys(l: Lowerer, sig: ts.Signature, decl: ts.SignatureDeclaration, named: ts.IndexedAccessTypeNode, keys: string[]): boolean {
  let obj = l.checker.getTypeFromTypeNode(named.objectType);
  if (obj.flags & ts.TypeFlags.TypeParameter) {
    const i = decl.typeParameters!.findIndex((p) => l.checker.getSymbolAtLocation(p.name) === obj.getSymbol());
    const arg = i >= 0 ? l.checker.getTypeArgumentsForResolvedSignature(sig)?.[i] : undefined;
    if (!arg) return false;
    obj = arg;
  }
  const types = keys.map((k) => {
    const prop = l.checker.getPropertyOfType(obj, k);
    return prop && quietIrType(l, l.checker.getTypeOfSymbol(prop), named);
  });
  if (types.some((t) => !t)) return false;
  return types.every((t) => sameType(t!, types[0]!)) || types.every((t) => t!.k === "str" || t!.k === "int" || t!.k === "bool");
}

/** The argument `call` passes for a parameter declared as the type parameter `tp` itself (`name: K`). */
function keyArgument(l: Lowerer, call: ts.CallExpression, decl: ts.SignatureDeclaration, tp: ts.TypeParameterDeclaration): ts.Identifier | undefined {
  const sym = l.checker.getSymbolAtLocation(tp.name);
  const j = decl.parameters.findIndex((p) => !p.dotDotDotToken && p.type && ts.isTypeReferenceNode(p.type) && l.checker.getSymbolAtLocation(p.type.typeName) === sym);
  const arg = j >= 0 ? call.arguments[j] : undefined;
  return arg && ts.isIdentifier(arg) ? arg : undefined;
}

/** An indexed access type `X[K]` in the callee (its signature or its body), K being `tp`. */
function propertyTypeNamedBy(l: Lowerer, decl: ts.SignatureDeclaration, tp: ts.TypeParameterDeclaration): ts.IndexedAccessTypeNode | undefined {
  const sym = l.checker.getSymbolAtLocation(tp.name);
  let found: ts.IndexedAccessTypeNode | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIndexedAccessTypeNode(n) && ts.isTypeReferenceNode(n.indexType) && l.checker.getSymbolAtLocation(n.indexType.typeName) === sym) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(decl);
  return found;
}

/**
 * The nearest expression around `x` (or `x` itself, with `self`), in the same function, whose checker
 * type has an IR type; or a whole expression statement whose value is unused, when `x` is its receiver
 * chain or its assignment target (`this.stores[k].set(e, v);`, `o[k] = v;`), not inside an argument. A
 * method read as a call's callee is no value to copy.
 */
function targetOf(l: Lowerer, x: ts.Expression, self: boolean): ts.Expression | undefined {
  let direct = true;
  for (let n: ts.Expression = x; ; ) {
    if (n !== x || self) {
      if (direct && ts.isExpressionStatement(n.parent)) return n;
      const callee = ts.isCallExpression(n.parent) && n.parent.expression === n;
      const type = callee ? undefined : quietIrType(l, l.checker.getTypeAtLocation(n), n);
      if (type && type.k !== "void") return n;
    }
    const p: ts.Node = n.parent;
    if (!p || !ts.isExpression(p) || ts.isFunctionLike(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p)) return undefined;
    const assigned = ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
    // An assignment's target is no value to copy, but the whole statement is.
    if (assigned && !ts.isExpressionStatement(p.parent)) return undefined;
    direct &&= assigned || ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isAsExpression(p) || ((ts.isPropertyAccessExpression(p) || ts.isCallExpression(p)) && p.expression === n);
    n = p;
  }
}

/** `f()` with `sym` standing for `key` in `table`. */
function withOverride<R>(l: Lowerer, table: WeakMap<Lowerer, Map<ts.Symbol, string>>, sym: ts.Symbol, key: string, f: () => R): R {
  let map = table.get(l);
  if (!map) table.set(l, (map = new Map()));
  const outer = map.get(sym);
  map.set(sym, key);
  try {
    return f();
  } finally {
    if (outer === undefined) map.delete(sym);
    else map.set(sym, outer);
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
  if (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) return !!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const);
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
  // A whole expression statement whose value has no one type is compiled for its effects.
  const type = quietIrType(l, l.checker.getTypeAtLocation(node), node) ?? T.void;
  const sym = l.checker.getSymbolAtLocation(d.key)!;
  const keyType = l.checker.getTypeAtLocation(d.key);
  const param = keyType.flags & ts.TypeFlags.TypeParameter ? keyType.getSymbol() : undefined;
  const copies = d.keys.map((k) => withOverride(l, overrides, sym, k, () => (param ? withOverride(l, paramOverrides, param, k, () => convert(lowerCopy(), type)) : convert(lowerCopy(), type))));
  const name = l.temp();
  const key: Expr = { e: "local", type: { k: "str" }, name };
  let out = copies[copies.length - 1]!;
  for (let i = copies.length - 2; i >= 0; i--) {
    out = { e: "cond", type, c: { e: "streq", type: { k: "bool" }, negate: false, a: key, b: { e: "str", type: { k: "str" }, value: d.keys[i]! } }, a: copies[i]!, b: out };
  }
  return { e: "bind", type, name, value: read(d.key), body: out };
}
