/**
 * lower/nullable.ts: null and undefined in expressions (issue 8, item 1).
 *
 * Input:  the TypeScript constructs that make, test or consume nullables:
 *         `null`, `undefined`, `?.`, `??`, `??=`, `||=`, `&&=`, postfix `!`,
 *         `=== null` / `== null`, truthiness, `||`/`&&` whose value is an
 *         operand, `typeof`, optional parameters, and every read of a
 *         variable or property that the checker has narrowed.
 * Output: IR using the nullable nodes of ir.ts (nullish, some, unwrap,
 *         isnullish, reopt, opteq, optstr, bind); emit-nullable.ts spells them.
 * Invariants:
 *   - Every conversion between a nullable and its inner type is explicit:
 *     `coerceNullable` (assignment, arguments, returns) and `narrowRead`
 *     (the checker's narrowed type at a read) make them.
 *   - A narrowed read of a local is unwrapped without a test (the checker's
 *     narrowing of locals is sound: no closures capture them); a narrowed
 *     property or global read is tested, because a call between the check and
 *     the read may have changed it: then it panics like Node's TypeError.
 *   - Each operand is evaluated once, left to right (`bind` holds a value
 *     that is tested and then used).
 * `narrowRead` is the hook for other narrowings (views of object unions):
 * extend it there. Value unions (`string | number`, lower/unions.ts) go
 * through the same conversions, hook and operators.
 */
import ts from "typescript";
import { bigintTruthy, isBigType } from "./bigint-type.ts";
import { elementOrUndefined, isProbe, isProbedVariable, isStrictlyCompared, probedType, takesAbsent } from "./probes.ts";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { quietly, type Lowerer } from "./context.ts";
import { castTo, coerce, lowerCondition, lowerExpr, tryCoerce } from "./expr.ts";
import { irType, mangle, mergedUnion, nullableType, sameType, tryIrType, typeName } from "./types.ts";
import { NULL_LITERAL, UNDEFINED_LITERAL, nullableRepr } from "./nullable-types.ts";
import { convertUnion, fromUnion, isObjectMember, isTag, memberIndex, narrowUnion, objectIntoUnion, objectMemberFor, reUnion, toUnion, valueUnionType } from "./unions.ts";
import { isInt } from "../ints.ts";
import { dynTruthy, dynTypeof, narrowDynamic } from "./dynamic.ts";

const K = ts.SyntaxKind;
type Nullable = Extract<Type, { k: "nullable" }>;

function local(name: string, type: Type): Expr {
  return { e: "local", type, name };
}

export function isnullish(x: Expr, which: "null" | "undefined" | "either"): Expr {
  return { e: "isnullish", type: T.bool, x, which };
}

export function unwrap(l: Lowerer, x: Expr, node: ts.Node, check?: "nonnull" | "narrowed"): Expr {
  return { e: "unwrap", type: (x.type as Nullable).inner, x, loc: l.loc(node), check };
}

/** `x` (a pure read of a nullable that admits undefined) without undefined: unwrapped, or re-typed as `T | null`. */
export function withoutUndefined(l: Lowerer, x: Expr, node: ts.Node): Expr {
  const t = x.type as Extract<Type, { k: "nullable" }>;
  if (t.null) return { e: "reopt", type: nullableType(l, t.inner, true, false), x };
  return unwrap(l, x, node);
}

/**
 * `value` (a nullable) where the program cannot go on without it: without
 * undefined (`which` "undefined") or present (`which` "either"); when it is
 * absent, a panic with `message` at `node` instead of a wrong value.
 */
export function presentOrPanic(l: Lowerer, value: Expr, which: "undefined" | "either", message: string, node: ts.Node): Expr {
  const t = value.type as Extract<Type, { k: "nullable" }>;
  const loc = l.loc(node);
  const name = l.temp();
  const held: Expr = { e: "local", type: t, name };
  const present = which === "either" ? ({ e: "unwrap", type: t.inner, x: held, loc } as Expr) : withoutUndefined(l, held, node);
  const panic: Expr = { e: "panic", type: T.void, message: { e: "str", type: T.str, value: message }, loc };
  const absent: Expr = { e: "isnullish", type: T.bool, x: held, which };
  return { e: "bind", type: present.type, name, value, body: { e: "cond", type: present.type, c: absent, a: { e: "seq", type: present.type, xs: [panic, present] }, b: present } };
}

/** The IR type the checker gives `node`, or undefined where it has none (`null` alone). */
function checkedType(l: Lowerer, node: ts.Node): Type | undefined {
  return tryIrType(l, l.checker.getTypeAtLocation(node), node);
}

/** `null`, or the global `undefined` (not a local of that name). */
export function nullLiteral(l: Lowerer, node: ts.Expression): "null" | "undefined" | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (node.kind === K.NullKeyword) return "null";
  if (ts.isIdentifier(node) && node.text === "undefined" && !l.symbolOf(node)?.valueDeclaration) return "undefined";
  // `void 0`: undefined, with nothing to evaluate.
  if (ts.isVoidExpression(node) && ts.isLiteralExpression(node.expression)) return "undefined";
  // `const EPSILON = null` (an NFA's empty-string label): a constant that is always null (or undefined).
  // Only a `const`'s declared type counts, never a type the checker narrowed by control flow.
  if (ts.isIdentifier(node)) {
    const decl = l.symbolOf(node)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const && ts.isIdentifier(decl.name)) {
      const declared = l.checker.getTypeOfSymbol(l.symbolOf(node)!);
      if (declared.flags & ts.TypeFlags.Null) return "null";
      if (declared.flags & ts.TypeFlags.Undefined) return "undefined";
    }
  }
  return undefined;
}

/** The value of a bare `null` / `undefined`; coerce gives it the type of its context. */
export function lowerNullLiteral(which: "null" | "undefined"): Expr {
  return which === "null" ? { e: "nullish", type: NULL_LITERAL, undef: false } : { e: "nullish", type: UNDEFINED_LITERAL, undef: true };
}

/**
 * What a function of result type `ret` returns from a bare `return;` or by reaching its end: `undefined`
 * where the type admits it (`string | undefined`, `string | void`, `unknown`), else undefined (no value).
 */
export function undefinedResult(l: Lowerer, ret: Type, node: ts.Node): Expr | undefined {
  if (!((ret.k === "nullable" && ret.undef) || ret.k === "dyn")) return undefined;
  return coerce(l, lowerNullLiteral("undefined"), ret, node);
}

/** The conversions into, out of and between nullables; undefined if neither side is one. */
export function coerceNullable(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr | undefined {
  const from = e.type;
  if (to.k === "union" && from.k !== "nullable") {
    if (from.k === "union") return reUnion(from, to, e, sameType) ?? convertUnion(l, from, to, e, node) ?? l.fail("TSOS1021", node, typeName(from), typeName(to));
    const direct = toUnion(to, e, sameType) ?? (isObjectMember(from) ? objectIntoUnion(l, to, e, node) : undefined);
    if (direct) return direct;
    const int = to.members.find((m) => m.k === "int");
    if (isInt(from) && int) return toUnion(to, coerce(l, e, int, node), sameType);
    l.fail("TSOS1021", node, typeName(from), typeName(to));
  }
  // A union where a class or an interface is wanted goes on to coerce, which converts each member (expr.ts).
  if (from.k === "union" && to.k !== "nullable" && to.k !== "class" && to.k !== "view") l.fail("TSOS1021", node, typeName(from), typeName(to));
  if (to.k !== "nullable") {
    if (from.k !== "nullable") return undefined;
    l.fail("TSOS1021", node, typeName(from), typeName(to));
  }
  // A narrowed read stored where undefined fits (`user: m[2]` into `user?: string`): the value as it is,
  // undefined included, as JavaScript stores it, rather than the read's check.
  if (e.e === "unwrap" && e.check === "narrowed" && e.x.type.k === "nullable" && (!e.x.type.null || to.null) && (!e.x.type.undef || to.undef))
    return coerce(l, e.x, to, node);
  if (from.k !== "nullable") return { e: "some", type: to, x: coerce(l, e, to.inner, node) };
  if (from.inner.k === "str" && from.inner.borrowed && to.inner.k === "str" && !to.inner.borrowed) l.fail("TSOS3002", node);
  if (sameType(from, to)) return e;
  if (e.e === "nullish") {
    if (e.undef ? !to.undef : !to.null) l.fail("TSOS1021", node, typeName(from), typeName(to));
    return { e: "nullish", type: to, undef: e.undef };
  }
  // An absent value `to` cannot hold (undefined where tsc said `T | null`, from a read it believed present):
  // checked, since its encoding would read as present.
  const lost = from.undef && !to.undef ? "undefined" : from.null && !to.null ? "null" : undefined;
  if (lost && from.inner.k !== "never") {
    const name = l.temp();
    const t = local(name, from);
    const fail: Expr = { e: "seq", type: from, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: `TypeError: a value typed ${typeName(to)} is ${lost}` }, loc: l.loc(node) }, t] };
    e = { e: "bind", type: from, name, value: e, body: { e: "cond", type: from, c: isnullish(t, lost), a: fail, b: t } };
  }
  if (from.inner.k === "never" || sameType(from.inner, to.inner)) return { e: "reopt", type: to, x: e };
  // Different inner types (an integer that widens): unwrap, convert, wrap again.
  const name = l.temp();
  const t = local(name, from);
  const absent: Expr = { e: "cond", type: to, c: isnullish(t, "undefined"), a: { e: "nullish", type: to, undef: true }, b: { e: "nullish", type: to, undef: false } };
  const present: Expr = { e: "some", type: to, x: coerce(l, unwrap(l, t, node), to.inner, node) };
  return { e: "bind", type: to, name, value: e, body: { e: "cond", type: to, c: isnullish(t, "either"), a: absent, b: present } };
}

/**
 * The narrowing hook: `x` was lowered from `node` (an identifier, property or
 * element read) with its declared type; where the checker knows a narrower
 * type at `node`, convert to it.
 */
export function narrowRead(l: Lowerer, node: ts.Node, x: Expr): Expr {
  if (x.type.k === "dyn") return narrowDynamic(l, node, x); // lower/dynamic.ts
  if (x.type.k !== "nullable" && x.type.k !== "union") return x;
  // `let cur: Hunk | null = null; xs.forEach(() => { cur = ... }); if (cur) out.push(cur)`: tsc does not see the
  // callback's assignment and narrows the test to `never`; the value is the declared one without null, checked.
  // A probed variable given to `typeof`, or to a parameter that admits undefined, is passed as it is (lower/probes.ts).
  // So is one read where it is tested or compared (`num ?? ident ?? op` of regex groups that may not have taken part,
  // `switch (verb)` of a record read).
  if (isProbedVariable(l, x) && (takesAbsent(l, node, x.type.k === "nullable" && x.type.null && !x.type.undef) || isProbe(node) || isStrictlyCompared(node))) return x;
  if (x.type.k === "nullable" && l.checker.getTypeAtLocation(node).flags & ts.TypeFlags.Never) return unwrap(l, x, node, "narrowed");
  const t = arrayNarrowing(l, node, x.type) ?? checkedType(l, node);
  if (!t) return x;
  return narrowTo(l, node, x, t, x.e !== "local" || isProbedVariable(l, x)) ?? x;
}

/**
 * `value` after `Array.isArray(value)` with `value: string | readonly string[]`: tsc narrows it to `any[]`
 * (a readonly array is no `any[]`), which stands for the union's one array member.
 */
function arrayNarrowing(l: Lowerer, node: ts.Node, from: Type): Type | undefined {
  const t = l.checker.getTypeAtLocation(node);
  if (!l.checker.isArrayType(t) || !(l.checker.getTypeArguments(t as ts.TypeReference)[0]!.flags & ts.TypeFlags.Any)) return undefined;
  const union = from.k === "nullable" ? from.inner : from;
  const arrays = union.k === "union" ? union.members.filter((m) => m.k === "array") : [];
  return arrays.length === 1 ? arrays[0] : undefined;
}

/** `x` converted to the narrower type `t`, or undefined if `t` is not a narrowing of x's type. */
function narrowTo(l: Lowerer, node: ts.Node, x: Expr, t: Type, check: boolean): Expr | undefined {
  const from = x.type;
  if (sameType(from, t)) return x;
  if (from.k === "nullable") {
    if (t.k === "nullable") {
      if (sameType(t.inner, from.inner)) {
        // A probed variable that may be undefined where tsc says `T | null` (`const m = last?.match(re)`, lower/stmt.ts):
        // tsc's type is no narrowing of it, and the value stays as it is (its reads are checked).
        const drops = (from.undef && !t.undef) || (from.null && !t.null);
        return drops && isProbedVariable(l, x) ? x : { e: "reopt", type: t, x };
      }
      // `v: string | string[] | undefined` after `if (Array.isArray(v)) return`: the present value narrows.
      return from.inner.k === "union" ? narrowPresent(l, node, x, from, t, check) : undefined;
    }
    // `ev: (A & S) | (B & S) | undefined` after `ev && ev.kind === "a"`: present, and still the view of the union,
    // whose members cover A's (as for a parameter of the union type).
    if (from.inner.k === "view" && t.k === "view") return unwrap(l, x, node, check ? "narrowed" : undefined);
    const inner = sameType(t, from.inner) || from.inner.k === "union" ? unwrap(l, x, node, check ? "narrowed" : undefined) : undefined;
    return inner && narrowTo(l, node, inner, t, check);
  }
  if (from.k === "union") {
    if (t.k === "union") return narrowUnion(from, t, x, sameType) ?? convertUnion(l, from, t, x, node, true);
    const object = objectMemberFor(from, t);
    if (memberIndex(from, t, sameType) < 0 && object >= 0) return fromUnion(l, from, x, from.members[object]!, node, check, sameType);
    return fromUnion(l, from, x, t, node, check, sameType);
  }
  return undefined;
}

/** `x: U | undefined` as `t = V | undefined`, V a narrowing of the union U: absent stays absent, a present value narrows. */
function narrowPresent(l: Lowerer, node: ts.Node, x: Expr, from: Extract<Type, { k: "nullable" }>, t: Extract<Type, { k: "nullable" }>, check: boolean): Expr | undefined {
  const name = l.temp();
  const v = local(name, from);
  const inner = narrowTo(l, node, unwrap(l, v, node), t.inner, check);
  if (!inner) return undefined;
  return { e: "bind", type: t, name, value: x, body: { e: "cond", type: t, c: isnullish(v, "either"), a: absentAs(v, t), b: coerce(l, inner, t, node) } };
}

/** `v`, known to be null or undefined, as the nullable `t`: which of the two it is stays as it was where `t` holds both. */
function absentAs(v: Expr, t: Extract<Type, { k: "nullable" }>): Expr {
  if (!(t.null && t.undef)) return { e: "nullish", type: t, undef: t.undef };
  return { e: "cond", type: t, c: isnullish(v, "undefined"), a: { e: "nullish", type: t, undef: true }, b: { e: "nullish", type: t, undef: false } };
}

/** A read of the target of a compound assignment (`x += 1` after `x !== undefined`), narrowed as `node` is. */
export function narrowCurrent(l: Lowerer, node: ts.Node, target: Expr): Expr {
  const current: Expr = { e: "current", type: target.type };
  if (target.type.k !== "nullable" && target.type.k !== "union") return current;
  const t = checkedType(l, node);
  return (t && narrowTo(l, node, current, t, target.e !== "local")) ?? current;
}

/**
 * The value a test reads (`=== null`, a condition, `??`, `?.`, `typeof`): a
 * narrowed field or global is tested as it is, not through the checked
 * unwrap, so a test after a call that changed it sees the change as Node does.
 */
export function tested(x: Expr): Expr {
  if ((x.e === "unwrap" && x.check === "narrowed") || (x.e === "fromunion" && x.check)) return tested(x.x);
  return x;
}

/** An assignment target: the declared place, not its narrowed read. */
export function unnarrowed(x: Expr): Expr {
  if ((x.e === "unwrap" && x.check !== "nonnull") || x.e === "reopt" || x.e === "fromunion") return unnarrowed(x.x);
  if (x.e === "reunion" && x.x.type.k === "union" && x.x.type.members.length > (x.type as { members: Type[] }).members.length) return unnarrowed(x.x);
  return x;
}

/** Truthiness of a non-boolean, non-integer value, or undefined if it has none. */
export function truthyOf(x: Expr): Expr | undefined {
  const big = bigintTruthy(x); // lower/bigint.ts: 0n is falsy
  if (big) return big;
  const k = x.type.k;
  if (k === "dyn") return dynTruthy(x);
  if (k === "str" || k === "class" || k === "array" || k === "fn" || k === "nullable" || k === "union" || k === "view") return { e: "truthy", type: T.bool, x };
  return undefined;
}

/**
 * A condition built from `&&`, `||`, `!` and parentheses: each operand is a
 * condition of its own (`if (n && n.next)` tests two pointers).
 */
export function logicalCondition(l: Lowerer, node: ts.Expression): Expr | undefined {
  if (ts.isParenthesizedExpression(node)) return logicalCondition(l, node.expression) ?? lowerCondition(l, node.expression);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === K.AmpersandAmpersandToken || node.operatorToken.kind === K.BarBarToken)) {
    const and = node.operatorToken.kind === K.AmpersandAmpersandToken;
    const a = lowerCondition(l, node.left);
    // A constant left operand that decides (a `typeof` known in a generic instance): the right one is never
    // evaluated, and is not compiled (it may not type in this instance).
    if (a.e === "bool" && a.value !== and) return a;
    return { e: "logic", type: T.bool, op: and ? "&&" : "||", a, b: lowerCondition(l, node.right) };
  }
  return undefined;
}

/** `a || b` and `a && b` whose value is an operand, not a boolean. */
export function logicalValue(l: Lowerer, b: ts.BinaryExpression, A0: Expr, B: Expr): Expr {
  const A = tested(A0);
  let R = irType(l, l.checker.getTypeAtLocation(b), b);
  const op = b.operatorToken.getText();
  // `xs[i] || xs[j] || d`: the middle read may be past the end (probes.ts), which tsc's type leaves out.
  if (op === "||" && R.k !== "nullable" && B.type.k === "nullable" && sameType(B.type.inner, R)) R = nullableType(l, R, B.type.null, B.type.undef);
  // `title && \`title="${title}"\`` of a regexp group, which tsc types `string`: the falsy left may be undefined.
  if (op === "&&" && R.k !== "nullable" && A.type.k === "nullable" && sameType(A.type.inner, R)) R = nullableType(l, R, A.type.null, A.type.undef);
  // Only for locals and literals: the checker's narrowing of properties survives calls that may change them.
  const base = A.e === "unwrap" || A.e === "fromunion" || A.e === "reopt" ? A.x : A;
  const stable = base.e === "local" || base.e === "nullish" || base.e === "bool" || base.e === "int" || base.e === "str";
  if (stable && definitelyFalsy(l.checker.getTypeAtLocation(b.left))) {
    // The checker knows the left operand is falsy here: `||` gives the right one, `&&` the left one.
    if (op === "&&") return coerce(l, A, R, b.left);
    return { e: "bind", type: R, name: l.temp(), value: A, body: coerce(l, B, R, b.right) };
  }
  const name = l.temp();
  const t = local(name, A.type);
  const test = A.type.k === "bool" ? t : truthyOf(t) ?? (A.type.k === "int" ? ({ e: "truthy", type: T.bool, x: t } as Expr) : undefined);
  if (!test) l.fail("TSOS2008", b.operatorToken, op, typeName(A.type));
  const present = (): Expr => (t.type.k === "nullable" && !(R.k === "nullable" && sameType(R, t.type)) ? coerce(l, unwrap(l, t, b.left), R, b.left) : coerce(l, t, R, b.left));
  let body: Expr;
  if (op === "||") body = { e: "cond", type: R, c: test, a: present(), b: coerce(l, B, R, b.right) };
  else body = { e: "cond", type: R, c: test, a: coerce(l, B, R, b.right), b: falsyValue(l, t, R, b.left) };
  return { e: "bind", type: R, name, value: A, body };
}

/** Whether a checker type is only `null` and/or `undefined`. */
function definitelyNullish(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).every((t) => !!(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
}

/** Whether every value of a checker type is falsy (`null`, `undefined`, `false`, `0`, `""`). */
function definitelyFalsy(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => {
    if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return true;
    if (t.flags & ts.TypeFlags.BooleanLiteral) return (t as unknown as { intrinsicName: string }).intrinsicName === "false";
    if (t.isNumberLiteral()) return t.value === 0;
    if (t.isStringLiteral()) return t.value === "";
    return false;
  });
}

/** The value of `t` known to be falsy, as type `R` (the left operand of `&&`). */
function falsyValue(l: Lowerer, t: Expr, R: Type, node: ts.Node): Expr {
  if (t.type.k === "nullable" && (nullableRepr(t.type.inner) === "ptr" || nullableRepr(t.type.inner) === "view") && R.k === "nullable") return absentAs(t, R);
  const direct = tryCoerce(l, t, R, node);
  if (direct) return direct;
  // `ok && m.winner && m.winner.seed > 1`, typed `boolean | undefined`: the falsy left (`false | Team | undefined`)
  // is `false` or absent, never the object, which is truthy.
  const inner = t.type.k === "nullable" ? t.type.inner : t.type;
  const boolR = R.k === "nullable" ? R.inner : R;
  if (inner.k === "union" && inner.members.some((m) => m.k === "bool") && boolR.k === "bool") {
    const no = coerce(l, { e: "bool", type: T.bool, value: false }, R, node);
    return t.type.k === "nullable" && R.k === "nullable" ? { e: "cond", type: R, c: isnullish(t, "either"), a: absentAs(t, R), b: no } : no;
  }
  return coerce(l, t, R, node);
}

/** `X[] | never[]` (what tsc makes of `this.lists[k] ?? []` in a generic method) as `X[]`, which holds the empty array. */
function withoutEmptyArray(t: Type): Type {
  if (t.k !== "union" || t.members.length !== 2 || !t.members.every((m) => m.k === "array")) return t;
  const typed = t.members.filter((m) => m.k === "array" && m.elem.k !== "never");
  return typed.length === 1 ? typed[0]! : t;
}

/** `a ?? b`: b is evaluated only when a is null or undefined. */
export function lowerNullish(l: Lowerer, b: ts.BinaryExpression): Expr {
  let R = withoutEmptyArray(irType(l, l.checker.getTypeAtLocation(b), b));
  let A = tested(lowerExpr(l, b.left, R));
  // `xs[i] ?? d` of an `unknown[]`: past the end the element is undefined, which the unknown holds.
  if (A.e === "index" && A.arr.type.k === "array" && A.type.k === "dyn") A = elementOrUndefined(l, A, b.left);
  // `xs[i] ?? d`, `s[i] ?? d`: past the end JavaScript reads undefined, so the default applies.
  if ((A.e === "index" && A.arr.type.k === "array") || (A.e === "strindex" && !A.code && l.doubles))
    A = coerce(l, A, nullableType(l, A.type, false, true), b.left);
  // `m.get(k) ?? d` with `Map<string, unknown>`: missing, or holding null or undefined.
  if (A.type.k === "nullable" && A.type.inner.k === "dyn") A = coerce(l, A, A.type.inner, b.left);
  // An `unknown` holds null and undefined itself: tested at run time.
  if (A.type.k === "dyn") {
    const name = l.temp();
    const t = local(name, A.type);
    const Bd = lowerExpr(l, b.right, R);
    return { e: "bind", type: R, name, value: A, body: { e: "cond", type: R, c: isnullish(t, "either"), a: coerce(l, Bd, R, b.right), b: coerce(l, t, R, b.left) } };
  }
  if (A.type.k !== "nullable") return coerce(l, A, R, b.left);
  // `xs[i] ?? "none"` with `xs: number[]`: tsc believes the left present and types the result as
  // its type alone; the right operand may be the value, so the result is the union of both.
  const leftTs = l.checker.getTypeAtLocation(b.left);
  const rightTs = l.checker.getTypeAtLocation(b.right);
  if (!(leftTs.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) && !leftTs.isUnion() && !l.checker.isTypeAssignableTo(rightTs, leftTs))
    R = valueUnionType(l, [l.checker.getBaseTypeOfLiteralType(leftTs), l.checker.getBaseTypeOfLiteralType(rightTs)], b, (t, n) => tryIrType(l, t, n), mangle) ?? R;
  // tsc narrowed the left operand to null because only a closure assigns it (`let cycle: string[] | null = null;
  // visit(); cycle ?? []`, typed never[]): the variable's own type says what the result can be.
  const left = l.checker.getTypeAtLocation(b.left);
  if (A.type.inner.k !== "never" && definitelyNullish(left)) R = A.type.inner;
  const Bx = lowerExpr(l, b.right, R);
  // The checker believed a narrowed field was never null (so the type leaves out the right
  // operand's null or undefined); the field is tested as it is, so the result may be either.
  if (R.k !== "nullable" && Bx.type.k === "nullable") R = nullableType(l, R, Bx.type.null, Bx.type.undef);
  // A present right operand makes the result present, whatever a generic type says (`handlers[k] ?? []` with `handlers` mapped over `keyof E`).
  else if (R.k === "nullable" && Bx.type.k !== "nullable" && Bx.type.k !== "dyn" && sameType(Bx.type, R.inner) && sameType(A.type.inner, R.inner)) R = R.inner;
  const name = l.temp();
  const t = local(name, A.type);
  const present = coerce(l, unwrap(l, t, b.left), R, b.left);
  const body: Expr = { e: "cond", type: R, c: isnullish(t, "either"), a: coerce(l, Bx, R, b.right), b: present };
  return { e: "bind", type: R, name, value: A, body };
}

/**
 * `(byLevel[lv] ??= []).push(n)` (or `||=`) on an array element that cannot be
 * undefined: past the end JavaScript reads undefined and stores v there, so
 * the read is the element or undefined (probes.ts) and the store may append
 * (an index past the length would leave holes: the store panics). The array
 * and the index are evaluated once. Undefined for any other target.
 */
function elementLogicalAssign(l: Lowerer, b: ts.BinaryExpression, target: Expr): Expr | undefined {
  const op = b.operatorToken.kind;
  if (target.e !== "index" || target.arr.type.k !== "array" || l.target !== "host" || !probedType(target.type)) return undefined;
  const objectLike = target.type.k === "class" || target.type.k === "array" || target.type.k === "view" || target.type.k === "fn";
  if (op !== K.QuestionQuestionEqualsToken && !(op === K.BarBarEqualsToken && objectLike)) return undefined;
  const X = target.type;
  const arr = local(l.temp(), target.arr.type);
  const idx = local(l.temp(), target.idx.type);
  const place: Extract<Expr, { e: "index" }> = { ...target, arr, idx };
  const read = elementOrUndefined(l, place, b);
  const cur = local(l.temp(), read.type);
  const value = coerce(l, lowerExpr(l, b.right, X), X, b.right);
  const store: Expr = { e: "assign", type: X, target: { ...place, append: true }, value };
  const body: Expr = { e: "cond", type: X, c: isnullish(cur, "either"), a: store, b: unwrap(l, cur, b) };
  const withCur: Expr = { e: "bind", type: X, name: (cur as { name: string }).name, value: read, body };
  return { e: "bind", type: X, name: (arr as { name: string }).name, value: target.arr, body: { e: "bind", type: X, name: (idx as { name: string }).name, value: target.idx, body: withCur } };
}

/** `x ??= v`, `x ||= v`, `x &&= v`: the target is evaluated once; v only when it is assigned. */
export function lowerLogicalAssign(l: Lowerer, b: ts.BinaryExpression, target: Expr): Expr {
  const element = elementLogicalAssign(l, b, target);
  if (element) return element;
  const X = target.type;
  const current: Expr = { e: "current", type: X };
  const value = (): Expr => coerce(l, lowerExpr(l, b.right, X.k === "nullable" ? X.inner : X), X, b.right);
  const op = b.operatorToken.kind;
  let v: Expr;
  if (op === K.QuestionQuestionEqualsToken) {
    // (An `unknown` holds null and undefined itself.)
    if (X.k !== "nullable" && X.k !== "dyn") return { e: "compound", type: X, target, value: current, postfix: false };
    v = { e: "cond", type: X, c: isnullish(current, "either"), a: value(), b: current };
  } else {
    const test = X.k === "bool" ? current : truthyOf(current) ?? (X.k === "int" ? ({ e: "truthy", type: T.bool, x: current } as Expr) : undefined);
    if (!test) l.fail("TSOS2008", b.operatorToken, b.operatorToken.getText(), typeName(X));
    v = op === K.BarBarEqualsToken ? { e: "cond", type: X, c: test, a: current, b: value() } : { e: "cond", type: X, c: test, a: value(), b: current };
  }
  return { e: "compound", type: X, target, value: v, postfix: false };
}

/** `x === null`, `x !== undefined`, `x == null`, and `===` between a nullable and a value; undefined if neither side is nullable. */
export function nullableEquality(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  const op = b.operatorToken.kind;
  const negate = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
  const loose = op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken;
  const not = (x: Expr): Expr => (negate ? { e: "not", type: T.bool, x } : x);
  const ln = nullLiteral(l, b.left);
  const rn = nullLiteral(l, b.right);
  if (ln && rn) return not({ e: "bool", type: T.bool, value: loose || ln === rn });
  if (ln || rn) {
    const x = tested(lowerExpr(l, ln ? b.right : b.left));
    return not(isnullish(x, loose ? "either" : (ln ?? rn)!));
  }
  const nullable = (n: ts.Expression) => {
    const t = l.checker.getTypeAtLocation(n);
    const absent = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
    if ((t.flags & absent) !== 0 || (t.isUnion() && t.types.some((m) => m.flags & absent))) return true;
    if (t.isUnion()) return tryIrType(l, t, n)?.k === "union";
    // A type parameter (`xs[i] === x` in lib/std/array.ts) substituted by a union or nullable.
    const k = t.flags & ts.TypeFlags.TypeParameter ? tryIrType(l, t, n)?.k : undefined;
    return k === "union" || k === "nullable";
  };
  if (!nullable(b.left) && !nullable(b.right)) return undefined;
  const A = tested(lowerExpr(l, b.left));
  const B = tested(lowerExpr(l, b.right, A.type.k === "nullable" ? A.type.inner : A.type));
  return optionalEquality(l, b, A, B);
}

/**
 * `a === b` (and `!==`, `==`, `!=`) of lowered operands of which one may be
 * null or undefined; undefined when neither is nullable.
 */
export function optionalEquality(l: Lowerer, b: ts.BinaryExpression, A0: Expr, B: Expr): Expr | undefined {
  let A = A0;
  const op = b.operatorToken.kind;
  const negate = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
  const loose = op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken;
  const not = (x: Expr): Expr => (negate ? { e: "not", type: T.bool, x } : x);
  if (A.type.k === "union" || B.type.k === "union") {
    if (A.type.k !== "nullable" && B.type.k !== "nullable") {
      // `a === b` with `a: string | number` and `b: string | number | string[]`: both as the union that holds the other.
      const wider = [A.type, B.type].filter((t) => t.k === "union").find((t) => tryCoerce(l, A, t, b.left) && tryCoerce(l, B, t, b.right));
      // `string | number` and `number | boolean`: as the union of both.
      const merged = () => mergedUnion(l, [b.left, b.right].map((n) => l.checker.getTypeAtLocation(n)), b);
      const common = wider ?? merged() ?? (A.type.k === "union" ? A.type : B.type);
      return not({ e: "opteq", type: T.bool, a: coerce(l, A, common, b.left), b: coerce(l, B, common, b.right), loose });
    }
  }
  if (A.type.k !== "nullable" && B.type.k !== "nullable") return undefined;
  const mixed = nullableUnionEquality(l, b, A, B);
  if (mixed) return not(mixed);
  if (A.type.k !== "nullable" && A.e === "int" && B.type.k === "nullable") A = coerce(l, A, B.type.inner, b.left);
  const a = A.type as Nullable;
  const c = B.type as Nullable;
  const inner = A.type.k === "nullable" ? a.inner : c.inner;
  if (A.type.k === "nullable" && B.type.k === "nullable" && !sameType(a.inner, c.inner)) {
    // `seen[0] === pixels[0]` (a `Point | undefined` and a `Pixel | undefined`): identity, as the wider object type.
    const object = (t: Type): boolean => t.k === "class" || t.k === "view";
    for (const inner of object(a.inner) && object(c.inner) ? [a.inner, c.inner] : []) {
      const wide = nullableType(l, inner, a.null || c.null, a.undef || c.undef);
      const x = tryCoerce(l, A, wide, b.left);
      const y = x && tryCoerce(l, B, wide, b.right);
      if (x && y) return not({ e: "opteq", type: T.bool, a: x, b: y, loose });
    }
    l.fail("TSOS2008", b.operatorToken, b.operatorToken.getText(), `${typeName(a)}\` and \`${typeName(c)}`);
  }
  const common = nullableType(l, inner, (A.type.k === "nullable" && a.null) || (B.type.k === "nullable" && c.null), (A.type.k === "nullable" && a.undef) || (B.type.k === "nullable" && c.undef));
  return not({ e: "opteq", type: T.bool, a: coerce(l, A, common, b.left), b: coerce(l, B, common, b.right), loose });
}

/**
 * `winner === home` with `Team | undefined` and `Team | "BYE"`: a union on
 * one side and a nullable of another type on the other; both as the
 * nullable of the union of every member (undefined where the present types
 * agree, or where neither side is a union).
 */
function nullableUnionEquality(l: Lowerer, b: ts.BinaryExpression, A: Expr, B: Expr): Expr | undefined {
  const present = (t: Type): Type => (t.k === "nullable" ? t.inner : t);
  if (sameType(present(A.type), present(B.type)) || (present(A.type).k !== "union" && present(B.type).k !== "union")) return undefined;
  const absent = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
  const parts = [b.left, b.right].map((n) => l.checker.getTypeAtLocation(n)).flatMap((t) => (t.isUnion() ? t.types : [t]));
  // The checker's types may be narrowed past the values' (`const s: string | undefined = "x"` reads as a string):
  // the union of the checker's members first, then either side's own union.
  const merged = mergedUnion(l, parts.filter((t) => !(t.flags & absent)), b);
  const flag = (f: "null" | "undef"): boolean => [A.type, B.type].some((t) => t.k === "nullable" && t[f]);
  const loose = b.operatorToken.kind === K.EqualsEqualsToken || b.operatorToken.kind === K.ExclamationEqualsToken;
  for (const u of [merged, present(A.type), present(B.type)]) {
    if (u?.k !== "union") continue;
    const common = nullableType(l, u, flag("null"), flag("undef"));
    const x = tryCoerce(l, A, common, b.left);
    const y = x && tryCoerce(l, B, common, b.right);
    if (x && y) return { e: "opteq", type: T.bool, a: x, b: y, loose };
  }
  return undefined;
}

/** The branches of `c ? a : b` of different types (`c ? "x" : null`, `c ? "x" : 0`): both as the checker's type of the whole. */
export function joinNullable(l: Lowerer, node: ts.Expression, A: Expr, B: Expr): { type: Type; a: Expr; b: Expr } | undefined {
  if (sameType(A.type, B.type)) return undefined;
  const R = checkedType(l, node);
  if (!R || (R.k !== "nullable" && R.k !== "union")) return undefined;
  return { type: R, a: coerce(l, A, R, node), b: coerce(l, B, R, node) };
}

/** Postfix `x!`: TypeScript's promise, checked (a null here would be undefined behaviour in C). */
export function lowerNonNull(l: Lowerer, n: ts.NonNullExpression, want?: Type): Expr {
  const x = lowerExpr(l, n.expression, want);
  // `list.splice(1, 0, list.pop()!)` with `list: (string | null)[]`: `!` there says "not undefined" (the list
  // is not empty); the value goes where null fits, and a null element goes on as it does in JavaScript.
  if (want?.k === "nullable" && want.null && x.type.k === "nullable" && x.type.null && x.type.undef && sameType(want.inner, x.type.inner)) {
    const name = l.temp();
    const t = local(name, x.type);
    const body: Expr = { e: "cond", type: want, c: isnullish(t, "null"), a: { e: "nullish", type: want, undef: false }, b: coerce(l, unwrap(l, t, n, "nonnull"), want, n) };
    return { e: "bind", type: want, name, value: x, body };
  }
  const present = x.type.k === "nullable" ? unwrap(l, x, n, "nonnull") : x;
  // `a!.tag` where tsc narrowed `a` (`El | string | undefined`) to `El | undefined`: the member it is, checked.
  if (present.type.k !== "union") return present;
  const narrowed = tryIrType(l, l.checker.getTypeAtLocation(n), n);
  return narrowed && narrowed.k !== "union" && !sameType(narrowed, present.type) ? castTo(l, present, narrowed, n, n.expression) : present;
}

/** `typeof x`: the name of x's type, as JavaScript spells it. */
export function lowerTypeof(l: Lowerer, n: ts.TypeOfExpression): Expr {
  const x = tested(lowerExpr(l, n.expression));
  if (x.type.k === "dyn") return dynTypeof(x);
  const str = (value: string): Expr => ({ e: "str", type: T.str, value });
  const nameOf = (t: Type): string => {
    switch (t.k) {
      case "str": return "string";
      case "int": return "number";
      case "bool": return "boolean";
      case "fn": return "function";
      case "class": return isBigType(t) ? "bigint" : "object";
      case "array": case "ptr": case "view": return "object";
    }
    l.fail("TSOS2008", n, "typeof", typeName(t));
  };
  if (x.type.k === "union" || (x.type.k === "nullable" && x.type.inner.k === "union")) {
    const name = l.temp();
    const t = local(name, x.type);
    const u = x.type.k === "union" ? x.type : (x.type.inner as Extract<Type, { k: "union" }>);
    const v = x.type.k === "union" ? t : unwrap(l, t, n);
    let body: Expr = str(nameOf(u.members[u.members.length - 1]!));
    for (let i = u.members.length - 2; i >= 0; i--) body = { e: "cond", type: T.str, c: isTag(v, i), a: str(nameOf(u.members[i]!)), b: body };
    if (x.type.k === "nullable")
      body = { e: "cond", type: T.str, c: isnullish(t, "undefined"), a: str("undefined"), b: { e: "cond", type: T.str, c: isnullish(t, "null"), a: str("object"), b: body } };
    return { e: "bind", type: T.str, name, value: x, body };
  }
  if (x.type.k !== "nullable") {
    const s = str(nameOf(x.type));
    return x.e === "local" || x.e === "global" ? s : { e: "bind", type: T.str, name: l.temp(), value: x, body: s };
  }
  const name = l.temp();
  const t = local(name, x.type);
  const inner = x.type.inner.k === "never" ? str("object") : str(nameOf(x.type.inner));
  const body: Expr = { e: "cond", type: T.str, c: isnullish(t, "undefined"), a: str("undefined"), b: { e: "cond", type: T.str, c: isnullish(t, "null"), a: str("object"), b: inner } };
  return { e: "bind", type: T.str, name, value: x, body };
}

/** A value as console.log and templates print it: nullables become "null", "undefined" or their value. */
export function printable(x: Expr): Expr {
  return x.type.k === "nullable" || x.type.k === "union" ? { e: "optstr", type: T.str, x } : x;
}

/** Arguments left out for optional parameters are `undefined`. */
export function missingArgs(params: Type[], given: number): Expr[] {
  const out: Expr[] = [];
  for (let i = given; i < params.length; i++) {
    const p = params[i]!;
    // An optional `unknown` (paramType): its undefined.
    if (p.k === "dyn") {
      out.push({ e: "call", type: p, fn: "tsos_dyn_undef", args: [] });
      continue;
    }
    if (p.k !== "nullable" || !p.undef) break;
    out.push({ e: "nullish", type: p, undef: true });
  }
  return out;
}

/** The type of a parameter: `b?: T` is `T | undefined`. */
export function paramType(l: Lowerer, p: ts.ParameterDeclaration, declared: Type): Type {
  // `unknown` holds undefined itself: `detail?: unknown` is an `unknown` that a missing argument makes undefined.
  return p.questionToken && declared.k !== "dyn" ? nullableType(l, declared, false, true) : declared;
}

// ---- Optional chaining ------------------------------------------------------

/** Chain bases already bound to a temporary: the `a` of `a?.b` -> its unwrapped value. */
const chainBases = new Map<ts.Node, Expr>();

export function chainSubstitute(node: ts.Node): Expr | undefined {
  return chainBases.get(node);
}

/** `build()` with each node of `subs` lowered as its Expr (already evaluated: a temporary or a union member). */
export function withSubstitutes<R>(subs: [ts.Node, Expr][], build: () => R): R {
  for (const [n, x] of subs) chainBases.set(n, x);
  try {
    return build();
  } finally {
    for (const [n] of subs) chainBases.delete(n);
  }
}

function isOutermostChain(node: ts.Node): boolean {
  const p = node.parent;
  return !(ts.isOptionalChain(p) && (p as ts.PropertyAccessExpression).expression === node);
}

/**
 * The outermost node of an optional chain (`a?.b.c`, `a?.m()`, `f?.()`,
 * `a?.[i]`): if the value before `?.` is null or undefined, the whole chain
 * is undefined and nothing after it is evaluated. Undefined when the chain
 * has no `?.` left to handle (its bases are bound): lower it normally.
 */
export function lowerOptionalChain(l: Lowerer, node: ts.Expression, asOutermost = false): Expr | undefined {
  // `asOutermost`: a part of a longer chain lowered as a value of its own (`repo.head?.tree` of `repo.head?.tree.keys()`).
  if (!ts.isOptionalChain(node) || !(asOutermost || isOutermostChain(node))) return undefined;
  let q: ts.Expression | undefined;
  for (let n: ts.Expression = node; ts.isOptionalChain(n); n = (n as ts.PropertyAccessExpression).expression) {
    const inner = (n as ts.PropertyAccessExpression).expression;
    if (chainBases.has(inner)) break;
    if ((n as ts.PropertyAccessExpression).questionDotToken) q = n;
  }
  if (!q) return undefined;
  const baseNode = (q as ts.PropertyAccessExpression).expression;
  let base = tested(lowerExpr(l, baseNode));
  // `s.last?.length` where `last: T | undefined` of a class whose T is erased (lower/phantom.ts): as tsc types it.
  if (base.type.k === "dyn" || (base.type.k === "nullable" && base.type.inner.k === "dyn")) {
    const typed = tryIrType(l, l.checker.getTypeAtLocation(baseNode), baseNode);
    if (typed && typed.k !== "dyn" && !(typed.k === "nullable" && typed.inner.k === "dyn")) base = coerce(l, base, typed, baseNode);
  }
  if (base.type.k !== "nullable") {
    chainBases.set(baseNode, base);
    try {
      return lowerExpr(l, node);
    } finally {
      chainBases.delete(baseNode);
    }
  }
  const name = l.temp();
  const t = local(name, base.type);
  chainBases.set(baseNode, unwrap(l, t, baseNode));
  let rest: Expr;
  try {
    rest = lowerExpr(l, node);
  } finally {
    chainBases.delete(baseNode);
  }
  const checkerType = l.checker.getTypeAtLocation(node);
  if (rest.type.k === "void" || checkerType.flags & ts.TypeFlags.Void) {
    const nothing: Expr = { e: "nullish", type: T.void, undef: true };
    return { e: "bind", type: T.void, name, value: base, body: { e: "cond", type: T.void, c: isnullish(t, "either"), a: nothing, b: rest } };
  }
  // The checker may type the chain as never undefined (a narrowed field), but the field is tested as it is.
  const checked = irType(l, checkerType, node);
  // It may also type it `T | null` (`last?.match(re)` where tsc believes `last` present): undefined is added.
  const R = checked.k !== "nullable" ? nullableType(l, checked, false, true) : checked.undef ? checked : nullableType(l, checked.inner, checked.null, true);
  const body: Expr = { e: "cond", type: R, c: isnullish(t, "either"), a: { e: "nullish", type: R, undef: true }, b: coerce(l, rest, R, node) };
  return { e: "bind", type: R, name, value: base, body };
}
