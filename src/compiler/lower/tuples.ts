/**
 * lower/tuples.ts: tuples used like the arrays they are in JavaScript.
 *
 * Input:  `t[i]` on a tuple with an index that is not a literal; a tuple
 *         whose elements all have one type used where an array's string
 *         form or an array method is wanted (`pos.join(",")`, `${pos}`).
 * Output: for `t[i]`, the element chosen by comparing the index with each
 *         position, as a place (`*(i == 0 ? &t.f0 : &t.f1)`) so it can be
 *         read, assigned and incremented; for array uses, a fresh array of
 *         the elements (a tuple is a struct, not an array, in tsos).
 * Invariants:
 *   - The tuple and the index are evaluated once, tuple first.
 *   - An index outside the tuple panics, unless the checker proves the
 *     index is one of the positions (a literal union such as `0 | 1`).
 *     JavaScript would read undefined there; tsos never reads a wrong value.
 *   - Only tuples whose elements all have one type are indexed dynamically
 *     or used as arrays (TSOS1087 / TSOS1018 otherwise).
 *   - A new array asserted to a tuple type (`xs.map(f) as RGB`) becomes the
 *     tuple of its elements, its length checked (freshArrayAsTuple).
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr, tryCoerce } from "./expr.ts";
import { isInt } from "../ints.ts";
import { arrayType, sameType, tryIrType, typeName } from "./types.ts";
import { isTuple, newTuple, refuseOptionalTuple, tupleElement } from "./destructure.ts";
import { toInteger } from "./number.ts";
import { USIZE, indexLoop } from "./index-loop.ts";

type TupleType = Extract<Type, { k: "class" }>;

/** The one element type of a tuple whose elements all have it, else undefined. */
function commonElement(t: TupleType): Type | undefined {
  const fields = t.cls.fields;
  const first = fields[0]?.type;
  return first && fields.every((f) => sameType(f.type, first)) ? first : undefined;
}

/** `t[i]`: a literal index is the field itself; another index selects among the fields. */
export function tupleIndex(l: Lowerer, obj: Expr, x: ts.ElementAccessExpression): Expr {
  const idx = x.argumentExpression;
  if (ts.isNumericLiteral(idx)) return tupleElement(l, obj, x);
  const t = obj.type as TupleType;
  const elem = commonElement(t);
  if (!elem) l.fail("TSOS1087", idx, typeName(t));
  const k = toInteger(l, lowerExpr(l, idx, T.number), idx);
  if (!isInt(k.type)) l.fail("TSOS1087", idx, typeName(t));
  const fields = t.cls.fields;
  const tuple = l.temp();
  const index = l.temp();
  const cell: Type = { k: "cell", elem };
  const place = (i: number): Expr => ({ e: "addrof", type: cell, x: { e: "field", type: elem, obj: { e: "local", type: t, name: tuple }, name: fields[i]!.name } });
  const at = (i: number): Expr => ({ e: "binary", type: T.bool, op: "==", a: { e: "local", type: k.type, name: index }, b: { e: "int", type: k.type, value: BigInt(i) }, loc: l.loc(idx) });
  // Past the last position: a panic, unless every value the index can have is a position.
  const proven = withinTuple(l, idx, fields.length);
  let chosen: Expr = proven
    ? place(fields.length - 1)
    : { e: "seq", type: cell, xs: [{ e: "panic", type: T.never, message: { e: "str", type: T.str, value: `tuple index out of range for ${typeName(t)}` }, loc: l.loc(idx) }, place(0)] };
  for (let i = fields.length - (proven ? 2 : 1); i >= 0; i--) chosen = { e: "cond", type: cell, c: at(i), a: place(i), b: chosen };
  const body: Expr = { e: "let", type: cell, name: index, init: k, body: chosen };
  return { e: "deref", type: elem, ptr: { e: "let", type: cell, name: tuple, init: obj, body } };
}

/** The checker's type of the index is a union of numeric literals, each a position of the tuple. */
function withinTuple(l: Lowerer, idx: ts.Expression, length: number): boolean {
  const t = l.checker.getTypeAtLocation(idx);
  const members = t.isUnion() ? t.types : [t];
  return members.every((m) => m.isNumberLiteral() && Number.isInteger(m.value) && m.value >= 0 && m.value < length);
}

/** A tuple whose elements share one type, as a new array of its elements; undefined for other values. */
export function tupleAsArray(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (!isTuple(x.type)) return undefined;
  refuseOptionalTuple(l, x.type, node, "an array use");
  const elem = commonElement(x.type);
  if (!elem) return undefined;
  const tuple = l.temp();
  const elems = x.type.cls.fields.map((f): Expr => ({ e: "field", type: f.type, obj: { e: "local", type: x.type, name: tuple }, name: f.name }));
  const type = arrayType(l, elem);
  return { e: "let", type, name: tuple, init: x, body: { e: "arraylit", type, elems, loc: l.loc(node) } };
}

/** Array methods whose result is a new array no one else holds. */
const FRESH_RESULTS = new Set(["map", "filter", "slice", "concat", "split", "flat", "flatMap", "toSorted", "toReversed", "match"]);

/**
 * `xs.map(f) as RGB`: a new array (an array literal, or the result of a
 * method that makes one) taken as a tuple of its element type. The tuple
 * is built from its elements; since no one else holds the array, the copy
 * is not observable. A length other than the tuple's panics (JavaScript
 * would go on with the wrong length). Undefined for anything else: a
 * stored array may be changed later through another reference.
 */
/** Whether `node` makes a new array no one else holds: an array literal, or a method that returns a new one (`filter`, `map`). */
export function isFreshArrayNode(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return ts.isArrayLiteralExpression(n) || (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && FRESH_RESULTS.has(n.expression.name.text));
}

export function freshArrayAsTuple(l: Lowerer, x: Expr, to: Type, node: ts.Expression): Expr | undefined {
  if (x.type.k !== "array" || !isTuple(to)) return undefined;
  const fresh = isFreshArrayNode(node);
  const elem = x.type.elem;
  if (!fresh || !to.cls.fields.every((f) => sameType(f.type, elem))) return undefined;
  const name = l.temp();
  const arr: Expr = { e: "local", type: x.type, name };
  const loc = l.loc(node);
  const len: Expr = { e: "arraymethod", type: T.int("usize"), method: "length", arr, args: [], loc };
  const want: Expr = { e: "int", type: T.int("usize"), value: BigInt(to.cls.fields.length) };
  const message = `an array of another length than the tuple type \`${typeName(to)}\` (not supported)`;
  const check: Expr = { e: "cond", type: T.bool, c: { e: "binary", type: T.bool, op: "!=", a: len, b: want, loc }, a: { e: "panic", type: T.bool, message: { e: "str", type: T.str, value: message }, loc }, b: { e: "bool", type: T.bool, value: true } };
  const elems = to.cls.fields.map((f, i): Expr => ({ e: "index", type: f.type, arr, idx: { e: "int", type: T.int("usize"), value: BigInt(i) }, loc, unchecked: true }));
  return { e: "let", type: to, name, init: x, body: { e: "seq", type: to, xs: [check, newTuple(to, elems, loc)] } };
}

/**
 * The string form of a tuple whose elements have different types
 * (`["a", [1, 2]]` is "a,1,2"): Array.prototype.join's, each element's
 * string form separated by commas, null and undefined as empty strings.
 * `part` is the caller's string form of one element. Undefined if `x` is no
 * tuple.
 */
export function mixedTupleString(l: Lowerer, x: Expr, node: ts.Node, part: (e: Expr) => Expr): Expr | undefined {
  if (!isTuple(x.type)) return undefined;
  refuseOptionalTuple(l, x.type, node, "the string form");
  const name = l.temp();
  const tuple: Expr = { e: "local", type: x.type, name };
  const parts: Expr[] = [];
  x.type.cls.fields.forEach((f, i) => {
    if (i > 0) parts.push({ e: "str", type: T.str, value: "," });
    const v: Expr = { e: "field", type: f.type, obj: tuple, name: f.name };
    if (f.type.k !== "nullable") return parts.push(part(v));
    const present: Expr = { e: "unwrap", type: f.type.inner, x: v, loc: l.loc(node) };
    parts.push({ e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: { e: "str", type: T.str, value: "" }, b: { e: "concat", type: T.str, parts: [part(present)] } });
  });
  return { e: "let", type: T.str, name, init: x, body: { e: "concat", type: T.str, parts } };
}

/**
 * `for (const s of SUBJECTS)` over a readonly tuple (`["a", "b"] as const`) whose elements share
 * one type: the loop runs over an array of its elements. The copy is not observable since no one
 * can change a readonly tuple's elements during the loop. Other values are returned unchanged.
 */
export function readonlyTupleArray(l: Lowerer, node: ts.Expression, x: Expr): Expr {
  if (!isTuple(x.type) || !isReadonlyTuple(l, node)) return x;
  return tupleAsArray(l, x, node) ?? x;
}

/** Whether tsc types `node` as a read-only tuple (`as const`). */
function isReadonlyTuple(l: Lowerer, node: ts.Expression): boolean {
  const t = l.checker.getTypeAtLocation(node);
  return l.checker.isTupleType(t) && ((t as ts.TypeReference).target as ts.TupleType).readonly;
}

/**
 * A tuple as a tuple of the same length whose elements its own convert to (`["null", null]` as
 * `[string, boolean | null]`, types.ts mergedTuple): a new tuple of the converted elements, or
 * undefined when one does not convert. The caller makes sure a copy cannot be told apart: the
 * tuple is new, or read-only to tsc (an `as const` list).
 */
export function copiedTuple(l: Lowerer, x: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (!isTuple(x.type) || !isTuple(to) || x.type.cls.fields.length !== to.cls.fields.length) return undefined;
  if (x.type.cls.tupleRequired !== undefined || to.cls.tupleRequired !== undefined) return undefined;
  const fresh = x.e === "new";
  const name = fresh ? "" : l.temp();
  const source: Expr = { e: "local", type: x.type, name };
  const fields = x.type.cls.fields;
  const args: Expr[] = [];
  for (let i = 0; i < fields.length; i++) {
    const elem: Expr = x.e === "new" ? x.args[i]! : { e: "field", type: fields[i]!.type, obj: source, name: fields[i]!.name };
    const converted = tryCoerce(l, elem, to.cls.fields[i]!.type, node);
    if (!converted) return undefined;
    args.push(converted);
  }
  const made = newTuple(to, args, l.loc(node));
  return fresh ? made : { e: "let", type: to, name, init: x, body: made };
}

/**
 * `for (const v of t)` over a tuple: a loop over its positions that reads each element when it gets
 * there (so a write to a later element in the body is seen, as in JavaScript), as the type of the
 * tuple's elements together (`string | number` for `[string, number]`). Undefined if x is no tuple.
 */
export function tupleForOf(l: Lowerer, f: ts.ForOfStatement, x: Expr, bind: (elem: Expr) => Stmt[], lowerBody: () => Stmt[]): Stmt | undefined {
  if (!isTuple(x.type)) return undefined;
  refuseOptionalTuple(l, x.type, f.expression, "a `for...of` loop");
  const fields = x.type.cls.fields;
  const elemTs = l.checker.getIndexTypeOfType(l.checker.getTypeAtLocation(f.expression), ts.IndexKind.Number);
  const elem = elemTs && (commonElement(x.type) ?? tryIrType(l, elemTs, f.expression));
  if (!elem) return undefined;
  const loc = l.loc(f);
  const count: Expr = { e: "int", type: USIZE, value: BigInt(fields.length) };
  return indexLoop(l, loc, x, () => count, (tuple, idx) => {
    // An `as const` list of pairs of different types (`[["true", true], ["null", null]] as const`): each pair copied
    // as the one tuple type of its elements (nothing can write a read-only tuple, so the copy cannot be told apart).
    const readonly = isReadonlyTuple(l, f.expression);
    const read = (i: number): Expr => {
      const field: Expr = { e: "field", type: fields[i]!.type, obj: tuple, name: fields[i]!.name };
      return (readonly && copiedTuple(l, field, elem, f.expression)) || coerce(l, field, elem, f.expression);
    };
    let value: Expr = read(fields.length - 1);
    for (let i = fields.length - 2; i >= 0; i--) value = { e: "cond", type: elem, c: { e: "binary", type: T.bool, op: "==", a: idx, b: { e: "int", type: USIZE, value: BigInt(i) }, loc }, a: read(i), b: value };
    return [...bind(value), ...lowerBody()];
  });
}
