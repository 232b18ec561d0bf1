/**
 * lower/bigint.ts: TypeScript's `bigint` on the hosted target, as values of
 * lib/std/bigint.ts's class `Big` (an immutable arbitrary-precision integer).
 *
 * Input:  bigint literals (`10n`), operators whose operands are bigints,
 *         `BigInt(x)`, `BigInt.asIntN`/`asUintN`, `Number(b)`, truthiness,
 *         `typeof`, and the equality that Map, Set, `includes` and
 *         `indexOf` use.
 * Output: calls of lib/std/bigint.ts's functions. A bigint is an ordinary
 *         counted object to the rest of the compiler: fields, arrays,
 *         closures and collections hold it like any class instance.
 * Invariants:
 *   - Equality is by value, never by identity: `===`, `==`, SameValueZero
 *     and the Map/Set hash all compare the digits.
 *   - A bigint is never mixed with a number in arithmetic (tsc refuses
 *     that); comparisons with a number are exact, as in JavaScript.
 *   - The kernel has no bigint: check.ts refuses the literals (TSOS1016).
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { classInstance } from "./classes.ts";
import { isBigType, isZeroFunction, registerBigClass } from "./bigint-type.ts";
import { stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { sameType, typeName } from "./types.ts";
import { unionConvert } from "./unions.ts";

const FILE = "std/bigint.ts";

export { isBigType };

/** The IR type of every bigint. */
export function bigintType(l: Lowerer, node: ts.Node): Type {
  if (l.target === "kernel") l.fail("TSOS1016", node);
  const decl = stdDeclaration(FILE, "Big", ts.isClassDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/${FILE} has no \`Big\``);
  const cls = classInstance(l, decl, []);
  if (!isZeroFunction(cls)) {
    const f = stdDeclaration(FILE, "bigIsZero", ts.isFunctionDeclaration);
    if (f) registerBigClass(cls, functionOf(l, f, []).cname);
  }
  return { k: "class", cls };
}

/** Whether tsc types `node` as a bigint (`bigint` or a bigint literal type). */
export function isBigintNode(l: Lowerer, node: ts.Expression): boolean {
  const t = l.checker.getTypeAtLocation(node);
  return t.isUnion() ? t.types.every((m) => m.flags & ts.TypeFlags.BigIntLike) : !!(t.flags & ts.TypeFlags.BigIntLike);
}

function call(l: Lowerer, name: string, args: Expr[], node: ts.Node): Expr {
  const decl = stdDeclaration(FILE, name, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/${FILE} has no \`${name}\``);
  const f = functionOf(l, decl, []);
  return { e: "call", type: f.ret, fn: f.cname, args };
}

/** The C name of lib/std/bigint.ts's function `name`. */
function fnName(l: Lowerer, name: string, node: ts.Node): string {
  return (call(l, name, [], node) as Extract<Expr, { e: "call" }>).fn;
}

/** A bigint of a known value: from a number where it is exact, else from its decimal digits. */
export function bigintConstant(l: Lowerer, value: bigint, node: ts.Node): Expr {
  bigintType(l, node);
  const small = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
  if (small) return call(l, "bigFromNumber", [{ e: "num", type: T.number, value: Number(value) }], node);
  return call(l, "bigFromString", [{ e: "str", type: T.str, value: value.toString() }], node);
}

/** `10n`, `0xffn`, `1_000n`. */
export function bigintLiteral(l: Lowerer, node: ts.BigIntLiteral): Expr {
  return bigintConstant(l, bigintLiteralValue(node)!, node);
}

/** The value of a bigint literal or a negated one (`-1n`), else undefined. */
export function bigintLiteralValue(node: ts.Expression): bigint | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const v = bigintLiteralValue(node.operand);
    return v === undefined ? undefined : -v;
  }
  return ts.isBigIntLiteral(node) ? BigInt(node.text.slice(0, -1).replace(/_/g, "")) : undefined;
}

const ARITH_FNS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: "bigAdd",
  [ts.SyntaxKind.MinusToken]: "bigSub",
  [ts.SyntaxKind.AsteriskToken]: "bigMul",
  [ts.SyntaxKind.SlashToken]: "bigDiv",
  [ts.SyntaxKind.PercentToken]: "bigRem",
  [ts.SyntaxKind.AsteriskAsteriskToken]: "bigPow",
  [ts.SyntaxKind.AmpersandToken]: "bigAnd",
  [ts.SyntaxKind.BarToken]: "bigOr",
  [ts.SyntaxKind.CaretToken]: "bigXor",
  [ts.SyntaxKind.LessThanLessThanToken]: "bigShl",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: "bigShr",
};

/**
 * `a op b` (also the `op` of `a op= b`, then `left` is the lowered old value) where the left operand is a bigint;
 * undefined when it is not.
 */
export function bigintArith(l: Lowerer, opKind: ts.SyntaxKind, left: ts.Expression | Expr, right: ts.Expression, node: ts.Node): Expr | undefined {
  const lowered = "e" in left;
  if (lowered ? !isBigType(left.type) : !isBigintNode(l, left)) return undefined;
  const fn = ARITH_FNS[opKind];
  if (!fn) l.fail("TSOS2008", node, ts.tokenToString(opKind) ?? "?", "bigint");
  const A = lowered ? left : lowerExpr(l, left);
  const B = lowerExpr(l, right);
  if (!isBigType(B.type)) l.fail("TSOS2008", node, ts.tokenToString(opKind) ?? "?", typeName(B.type));
  return call(l, fn, [A, B], node);
}

/** `-b`, `~b`. */
export function bigintUnary(l: Lowerer, op: "-" | "~", x: Expr, node: ts.PrefixUnaryExpression): Expr {
  const literal = op === "-" ? bigintLiteralValue(node) : undefined;
  if (literal !== undefined) return bigintConstant(l, literal, node);
  return call(l, op === "-" ? "bigNeg" : "bigNot", [x], node);
}

/** The new value of `b++`/`b--` from the old one. */
export function bigintStep(l: Lowerer, old: Expr, op: "+" | "-", node: ts.Node): Expr {
  return call(l, op === "+" ? "bigAdd" : "bigSub", [old, bigintConstant(l, 1n, node)], node);
}

/**
 * A comparison where an operand is a bigint: with another bigint by value, with a number exactly (`1n < 1.5`,
 * `2n == 2`); undefined when neither operand is a bigint.
 */
export function bigintCompare(l: Lowerer, op: string, A: Expr, B: Expr, node: ts.Node): Expr | undefined {
  const a = isBigType(A.type) || (A.type.k === "nullable" && isBigType(A.type.inner));
  const b = isBigType(B.type) || (B.type.k === "nullable" && isBigType(B.type.inner));
  if (!a && !b) return undefined;
  const eq = op === "==" || op === "!=";
  const negate = op === "!=";
  if (eq && (A.type.k === "nullable" || B.type.k === "nullable")) return optionalEquality(l, A, B, negate, node);
  // `exp > 0n`, `r !== 1n`: a small literal is compared as the number it is, without making a bigint of it.
  const small = (x: Expr): Expr | undefined => (x.e === "call" && x.fn === fnName(l, "bigFromNumber", node) && x.args[0]?.e === "num" ? x.args[0] : undefined);
  const smallA = a && b ? small(A) : undefined;
  const smallB = a && b && !smallA ? small(B) : undefined;
  if (smallA || smallB) return bigintCompare(l, op, smallA ?? A, smallB ?? B, node);
  if (a && b) {
    if (eq) {
      const same = call(l, "bigEquals", [A, B], node);
      return negate ? { e: "not", type: T.bool, x: same } : same;
    }
    return order(op, call(l, "bigCompare", [A, B], node));
  }
  const [big, other, flipped] = a ? [A, B, false] : [B, A, true];
  if (other.type.k !== "int") l.fail("TSOS2008", node, op, typeName(other.type));
  const x: Expr = other.type.kind === "number" ? other : { e: "convert", type: T.number, x: other, checked: false, loc: l.loc(node) };
  if (eq) {
    const same = call(l, "bigLooseEqualsNumber", [big, x], node);
    return negate ? { e: "not", type: T.bool, x: same } : same;
  }
  // `x < b` is `b > x`; a NaN (2 from bigCompareNumber) makes every order false.
  const mirrored = flipped ? ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as Record<string, string>)[op]! : op;
  const c = call(l, "bigCompareNumber", [big, x], node);
  const name = l.temp();
  const v: Expr = { e: "local", type: T.number, name };
  const lt = (k: number): Expr => ({ e: "binary", type: T.bool, op: "==", a: v, b: { e: "num", type: T.number, value: k }, loc: 0 });
  const or = (p: Expr, q: Expr): Expr => ({ e: "logic", type: T.bool, op: "||", a: p, b: q });
  const body = mirrored === "<" ? lt(-1) : mirrored === ">" ? lt(1) : mirrored === "<=" ? or(lt(-1), lt(0)) : or(lt(1), lt(0));
  return { e: "bind", type: T.bool, name, value: c, body };
}

/**
 * `a === b` where a side may be null or undefined (`xs[i] === x` probing past an array's end): absent values
 * compare as JavaScript compares them, two present ones by value.
 */
function optionalEquality(l: Lowerer, A: Expr, B: Expr, negate: boolean, node: ts.Node): Expr {
  const t = A.type.k === "nullable" ? A.type : B.type;
  if (t.k !== "nullable" || (A.type.k === "nullable" && B.type.k === "nullable" && !sameType(A.type, B.type))) l.fail("TSOS2008", node, "===", typeName(A.type));
  const a = l.temp();
  const b = l.temp();
  const va: Expr = { e: "local", type: t, name: a };
  const vb: Expr = { e: "local", type: t, name: b };
  const absent = (v: Expr): Expr => ({ e: "isnullish", type: T.bool, x: v, which: "either" });
  const either: Expr = { e: "logic", type: T.bool, op: "||", a: absent(va), b: absent(vb) };
  const byValue = call(l, "bigEquals", [{ e: "unwrap", type: t.inner, x: va, loc: 0 }, { e: "unwrap", type: t.inner, x: vb, loc: 0 }], node);
  const same: Expr = { e: "cond", type: T.bool, c: either, a: { e: "opteq", type: T.bool, a: va, b: vb, loose: false }, b: byValue };
  const body: Expr = negate ? { e: "not", type: T.bool, x: same } : same;
  return { e: "bind", type: T.bool, name: a, value: coerce(l, A, t, node), body: { e: "bind", type: T.bool, name: b, value: coerce(l, B, t, node), body } };
}

/** `a < b` of two bigints from their three-way comparison. */
function order(op: string, c: Expr): Expr {
  const zero: Expr = { e: "num", type: T.number, value: 0 };
  return { e: "binary", type: T.bool, op: op as "<", a: c, b: zero, loc: 0 };
}

/** SameValueZero and `===` of two bigints (a Map's or Set's keys, `includes`, `indexOf`). */
export function bigintEquals(l: Lowerer, a: Expr, b: Expr, node: ts.Node): Expr {
  return call(l, "bigEquals", [a, b], node);
}

/** The hash of a bigint key, by value (lib/std/bigint.ts bigHash), so equal values meet. */
export function bigintHash(l: Lowerer, k: Expr, node: ts.Node): Expr {
  return call(l, "bigHash", [k], node);
}

/** `BigInt(x)`, `BigInt.asIntN(bits, b)`, `BigInt.asUintN(bits, b)`; undefined for other calls. */
export function bigintCall(l: Lowerer, name: string, c: ts.CallExpression): Expr | undefined {
  if (name === "BigInt") {
    const arg = c.arguments[0];
    if (!arg) l.fail("TSOS1182", c);
    const x = lowerExpr(l, arg);
    const big = bigintType(l, c);
    const from = (m: Expr): Expr | undefined => {
      if (isBigType(m.type)) return m;
      if (m.type.k === "str") return call(l, "bigFromString", [m], c);
      if (m.type.k === "bool") return call(l, "bigFromBoolean", [m], c);
      if (m.type.k === "int") return call(l, "bigFromNumber", [m.type.kind === "number" ? m : { e: "convert", type: T.number, x: m, checked: false, loc: l.loc(c) }], c);
      return undefined;
    };
    // `BigInt(v)` with `v: bigint | number`: each member converted by its kind.
    const converted = from(x) ?? unionConvert(l, x, big, from);
    if (converted) return converted;
    l.fail("TSOS1031", arg, "the argument of `BigInt`", typeName(x.type));
  }
  if (name === "BigInt.asIntN" || name === "BigInt.asUintN") {
    const [bits, value] = c.arguments;
    if (!bits || !value) l.fail("TSOS1182", c);
    return call(l, name === "BigInt.asIntN" ? "bigAsIntN" : "bigAsUintN", [lowerExpr(l, bits, T.number), lowerExpr(l, value)], c);
  }
  return undefined;
}

/** `b.toString()`: the decimal digits. */
export function bigintToString(l: Lowerer, x: Expr, node: ts.Node, radix?: Expr): Expr {
  return call(l, "bigToString", [x, radix ?? { e: "num", type: T.number, value: 10 }], node);
}

/** `Number(b)`: the nearest number. */
export function bigintToNumber(l: Lowerer, x: Expr, node: ts.Node): Expr {
  return call(l, "bigToNumber", [x], node);
}
