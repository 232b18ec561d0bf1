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
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { castTo, coerce, lowerCondition, lowerExpr } from "./expr.ts";
import { ownProperties, ownPropertiesInSourceOrder } from "./object-spread.ts";
import { buildBody, synthesize } from "./inspect.ts";
import { hasKeyOrder } from "./key-order.ts";
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
  // An object that may have been given members late (its type has optional ones): its entries in its own key order.
  const late = (src.type.k === "view" && src.type.view.slots.some((s) => s.kind === "get" && s.optional)) || (src.type.k === "class" && src.type.cls.literal && hasKeyOrder(src.type.cls.fields));
  const ordered = late ? copyInSourceOrder(l, d, src, tsType, v, node, ops) : undefined;
  if (ordered) return ordered;
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

/**
 * `{ ...defaults, ...partial }` into a record, `partial` of an object type with optional members: a function
 * that sets the entries in the order the object's keys were added (lower/spread-order.ts), as JavaScript
 * copies them; an optional member left out is not copied, one holding undefined is (a record whose values
 * cannot be undefined panics there). Undefined where the
 * object's order is the type's anyway.
 */
function copyInSourceOrder(l: Lowerer, d: Expr, src: Expr, tsType: ts.Type, v: Type, node: ts.Expression, ops: DictOps): Expr | undefined {
  const U32 = T.int("u32");
  const loc = l.loc(node);
  const func = synthesize(l, "record_from_object", [{ name: "d", type: d.type }, { name: "x", type: src.type }], d.type, loc);
  let ordered = true;
  buildBody(l, func, () => {
    const dl: Expr = { e: "local", type: d.type, name: "d" };
    const x: Expr = { e: "local", type: src.type, name: "x" };
    const { props, order } = ownPropertiesInSourceOrder(l, x, tsType, node);
    if (!order) {
      ordered = false;
      return [{ s: "return", x: dl, loc }];
    }
    const count = l.temp();
    const k = l.temp();
    const kx: Expr = { e: "local", type: U32, name: k };
    let chain: Stmt[] = [];
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i]!;
      const key: Expr = { e: "str", type: T.str, value: p.name };
      let set: Stmt[];
      if (p.read.type.k === "nullable" && p.read.type.undef && p.optional) {
        const name = l.temp();
        const held: Expr = { e: "local", type: p.read.type, name };
        // The key is there (its place says so) but holds undefined: JavaScript copies it; a record whose values
        // cannot be undefined has no way to, so that panics rather than leave the key out.
        const holdsUndefined: Stmt[] = v.k === "nullable" && v.undef
          ? [{ s: "expr", x: ops.method(dl, "set", [key, { e: "nullish", type: v, undef: true }], node), loc }]
          : [{ s: "expr", x: { e: "panic", type: T.never, message: { e: "str", type: T.str, value: `a spread copies the key "${p.name}" holding undefined into a record whose values cannot be undefined (not supported)` }, loc }, loc }];
        set = [
          { s: "let", name, type: p.read.type, init: p.read, loc },
          {
            s: "if", c: { e: "isnullish", type: T.bool, x: held, which: "undefined" }, then: holdsUndefined,
            else: [{ s: "expr", x: ops.method(dl, "set", [key, coerce(l, unwrap(l, held, node), v, node)], node), loc }], loc,
          },
        ];
      } else set = [{ s: "expr", x: ops.method(dl, "set", [key, coerce(l, p.read, v, node)], node), loc }];
      const here: Expr = { e: "binary", type: T.bool, op: "==", a: order.place(p.name), b: kx, loc };
      chain = [{ s: "if", c: here, then: set, ...(chain.length ? { else: chain } : {}), loc }];
    }
    return [
      { s: "let", name: count, type: U32, init: order.count, loc },
      { s: "let", name: k, type: U32, init: { e: "int", type: U32, value: 1n }, loc },
      {
        s: "while",
        c: { e: "binary", type: T.bool, op: "<=", a: kx, b: { e: "local", type: U32, name: count }, loc },
        body: [...chain, { s: "expr", x: { e: "assign", type: U32, target: kx, value: { e: "binary", type: U32, op: "+", a: kx, b: { e: "int", type: U32, value: 1n }, loc } }, loc }],
        loc,
      },
      { s: "return", x: dl, loc },
    ];
  });
  if (!ordered) {
    l.program.funcs.splice(l.program.funcs.indexOf(func), 1);
    return undefined;
  }
  return { e: "call", type: d.type, fn: func.cname, args: [d, src] };
}
