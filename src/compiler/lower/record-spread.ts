/**
 * lower/record-spread.ts: spread members of an object literal whose type is
 * a record (`{ ...defaults, ...overrides, [key]: value }` as a
 * `Record<string, V>`), from records.ts's recordLiteral.
 *
 * Input:  one `...source` member, the new record's value type V, and the
 *         record being filled (a `Dict<V>` temporary).
 * Output: an expression that copies the source's entries into the record,
 *         in the source's key order: a record of the same value type with
 *         Dict.setFrom, an object of known properties (a class instance or
 *         an object type, object-spread.ts `ownProperties`) property by
 *         property; `...null`, `...undefined` and a nullable source that
 *         holds one add nothing; `...(c ? a : b)` copies one branch; an
 *         unknown, in a record of unknowns, copies the record or object it
 *         holds.
 * Invariants:
 *   - Members are evaluated left to right, each source once; a later key
 *     overrides an earlier one and keeps its position, as Dict.set does
 *     (JavaScript's key order: array-index keys ascending, then insertion
 *     order).
 *   - An optional property that holds undefined is left out, as in object
 *     spread (object-spread.ts).
 *   - A record of another value type is refused (TSOS1170) until entries can
 *     be converted one by one.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { castTo, coerce, lowerCondition, lowerExpr } from "./expr.ts";
import { ownProperties } from "./object-spread.ts";
import { unwrap } from "./nullable.ts";
import { sameType, typeName } from "./types.ts";

/** What records.ts lends: a Dict method call and the record test. */
export interface DictOps {
  method: (recv: Expr, name: string, args: Expr[], node: ts.Node) => Expr;
  isRecord: (t: Type) => boolean;
  valueType: (t: Type) => Type;
}

/**
 * The copy of `...expr` into the record `d` (a local) of value type `v`,
 * lowered now (in member order) and placed by the caller; its value is `d`.
 */
export function recordSpreadMember(l: Lowerer, expr: ts.Expression, v: Type, ops: DictOps): (d: Expr) => Expr {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === "undefined" && !l.symbolOf(expr)?.valueDeclaration)) return (d) => d;
  if (ts.isConditionalExpression(expr)) {
    const c = lowerCondition(l, expr.condition);
    const a = recordSpreadMember(l, expr.whenTrue, v, ops);
    const b = recordSpreadMember(l, expr.whenFalse, v, ops);
    return (d) => ({ e: "cond", type: d.type, c, a: a(d), b: b(d) });
  }
  if (ts.isObjectLiteralExpression(expr) && expr.properties.length === 0) return (d) => d;
  return recordCopy(l, lowerExpr(l, expr), expr, v, ops);
}

/** The copy of `src` (lowered from `expr`, evaluated where the copy is placed) into the record `d`; its value is `d`. */
export function recordCopy(l: Lowerer, src: Expr, expr: ts.Expression, v: Type, ops: DictOps): (d: Expr) => Expr {
  const tsType = l.checker.getTypeAtLocation(expr);
  return (d) => {
    const name = l.temp();
    const ref: Expr = { e: "local", type: src.type, name };
    let copy: Expr;
    if (src.type.k === "nullable") {
      if (src.type.inner.k === "never") return { e: "seq", type: d.type, xs: [src, d] };
      const inner = unwrap(l, ref, expr);
      copy = { e: "cond", type: d.type, c: { e: "isnullish", type: T.bool, x: ref, which: "either" }, a: d, b: copyFrom(l, d, inner, l.checker.getNonNullableType(tsType), v, expr, ops) };
    } else copy = copyFrom(l, d, ref, tsType, v, expr, ops);
    return { e: "let", type: d.type, name, init: src, body: copy };
  };
}

/** The entries of `src` (a pure read) set into `d`; the value is `d`. */
function copyFrom(l: Lowerer, d: Expr, src: Expr, tsType: ts.Type, v: Type, node: ts.Expression, ops: DictOps): Expr {
  // `{ ...base }` with `base: T` where T is `{}` (an unknown) in a record of unknowns: the record it holds, or
  // a copy of the object's properties (a spread only reads; dynamic.ts unbox), checked.
  if (src.type.k === "dyn" && v.k === "dyn") return copyFrom(l, d, castTo(l, src, d.type, node), tsType, v, node, ops);
  if (ops.isRecord(src.type)) {
    if (!sameType(ops.valueType(src.type), v))
      l.fail("TSOS1170", node, typeName(src.type), `its values are \`${typeName(ops.valueType(src.type))}\`, the new record's \`${typeName(v)}\`; give both records the same value type`);
    return { e: "seq", type: d.type, xs: [ops.method(d, "setFrom", [src], node), d] };
  }
  const xs: Expr[] = [];
  for (const p of ownProperties(l, src, tsType, node)) {
    const key: Expr = { e: "str", type: T.str, value: p.name };
    if (p.optional && p.read.type.k === "nullable" && p.read.type.undef) {
      // An optional property left out (undefined) is not copied.
      const name = l.temp();
      const t: Expr = { e: "local", type: p.read.type, name };
      const set: Expr = { e: "seq", type: d.type, xs: [ops.method(d, "set", [key, coerce(l, unwrap(l, t, node), v, node)], node), d] };
      xs.push({ e: "let", type: d.type, name, init: p.read, body: { e: "cond", type: d.type, c: { e: "isnullish", type: T.bool, x: t, which: "undefined" }, a: d, b: set } });
      continue;
    }
    xs.push(ops.method(d, "set", [key, coerce(l, p.read, v, node)], node));
  }
  return { e: "seq", type: d.type, xs: [...xs, d] };
}
