/**
 * lower/index-loop.ts: the counted loop that `for...of` over arrays and
 * tuples and `yield*` over an array share.
 *
 * Input:  the value walked (evaluated once, into a temporary), its length
 *         as an expression of that temporary, and the loop body as a
 *         function of the temporary and the index.
 * Output: `{ let src = value; for (usize i = 0; i < limit(src); i += 1) body }`.
 * Invariants:
 *   - The limit is read before each step, so a body that shrinks an array
 *     ends the loop where JavaScript's array iterator would; reads at the
 *     index are in range only if the limit is the live length.
 */
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";

export const USIZE: Type = T.int("usize");

/** `i + 1` as the loop's step on the usize index `i`. */
function increment(idx: Expr, loc: number): Expr {
  return { e: "compound", type: USIZE, target: idx, value: { e: "binary", type: USIZE, op: "+", a: { e: "current", type: USIZE }, b: { e: "int", type: USIZE, value: 1n }, loc }, postfix: false };
}

/** The block that holds `value` in a temporary and counts an index from 0 up to `limit(src)`. */
export function indexLoop(
  l: Lowerer,
  loc: number,
  value: Expr,
  limit: (src: Expr) => Expr,
  body: (src: Expr, idx: Expr) => Stmt[],
): Stmt {
  const srcName = l.temp();
  const idxName = l.temp();
  const src: Expr = { e: "local", type: value.type, name: srcName };
  const idx: Expr = { e: "local", type: USIZE, name: idxName };
  return {
    s: "block",
    body: [
      { s: "let", name: srcName, type: value.type, init: value, loc },
      {
        s: "for",
        init: [{ s: "let", name: idxName, type: USIZE, init: { e: "int", type: USIZE, value: 0n }, loc }],
        c: { e: "binary", type: T.bool, op: "<", a: idx, b: limit(src), loc },
        step: [increment(idx, loc)],
        body: body(src, idx),
        loc,
      },
    ],
  };
}

/** The live length of the array `arr`, as the limit of an index loop. */
export function arrayLength(arr: Expr, loc: number): Expr {
  return { e: "arraymethod", type: USIZE, method: "length", arr, args: [], loc };
}
