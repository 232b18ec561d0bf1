/**
 * lower/sort-keys.ts: the keys `xs.sort()` without a comparator orders by,
 * for elements that are neither strings nor numbers (tuples, nested arrays,
 * nullables, objects with a `toString`).
 *
 * Input:  the element type and the (already bound) array, from the `sort`
 *         case of array-methods.ts.
 * Output: a call of a static function, one per element type, that returns
 *         each element's string form (`String(x)`, what JavaScript's
 *         default comparison compares: `["b", [1, 2]]` is "b,1,2"), for
 *         lib/std/array.ts's sortByKeys.
 * Invariants: an element without a string form that matches JavaScript's is
 *             refused as a template part would be (TSOS1031).
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { stringPart } from "./expr.ts";
import { printable } from "./nullable.ts";
import { arrayType, mangle } from "./types.ts";

const helpers = new WeakMap<Lowerer, Map<string, string>>();

export function sortKeys(l: Lowerer, xs: Expr, elem: Type, node: ts.Node): Expr {
  const strs = arrayType(l, T.str);
  let byType = helpers.get(l);
  if (!byType) helpers.set(l, (byType = new Map()));
  let cname = byType.get(mangle(elem));
  if (!cname) {
    cname = l.uniqueName(`tsos_sort_keys_${mangle(elem)}`);
    byType.set(mangle(elem), cname);
    const loc = l.loc(node);
    const usize = T.int("usize");
    const arr: Expr = { e: "local", type: xs.type, name: "xs" };
    const out: Expr = { e: "local", type: strs, name: "out" };
    const i: Expr = { e: "local", type: usize, name: "i" };
    const len: Expr = { e: "arraymethod", type: usize, method: "length", arr, args: [], loc };
    const element: Expr = { e: "index", type: elem, arr, idx: i, loc, unchecked: true };
    const key: Expr = { e: "concat", type: T.str, parts: [printable(stringPart(l, element, node))] };
    const body: Stmt[] = [
      { s: "let", name: "out", type: strs, init: { e: "arraylit", type: strs, elems: [], loc }, loc },
      {
        s: "for",
        init: [{ s: "let", name: "i", type: usize, init: { e: "int", type: usize, value: 0n }, loc }],
        c: { e: "binary", type: T.bool, op: "<", a: i, b: len, loc },
        step: [{ e: "assign", type: usize, target: i, value: { e: "binary", type: usize, op: "+", a: i, b: { e: "int", type: usize, value: 1n }, loc } }],
        body: [{ s: "expr", x: { e: "arraymethod", type: usize, method: "push", arr: out, args: [key], loc }, loc }],
        loc,
      },
      { s: "return", x: out, loc },
    ];
    l.addFunc({ cname, params: [{ name: "xs", type: xs.type }], ret: strs, body, loc, isStatic: true });
  }
  return { e: "call", type: strs, fn: cname, args: [xs] };
}
