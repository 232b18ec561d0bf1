/**
 * lower/inspect.ts: a `console.log` argument that is an array.
 *
 * Input:  a lowered console.log argument.
 * Output: for an array of numbers, strings or booleans (or arrays of those,
 *         up to three levels), a call of lib/std/inspect.ts that formats it
 *         as Node's util.inspect does; any other value unchanged (the caller
 *         refuses what it cannot print).
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";

/** The lib/std/inspect.ts function for an array type, e.g. `showNumbers2` for number[][]. */
function showFunction(l: Lowerer, t: Type): string | undefined {
  let levels = 0;
  let elem = t;
  while (elem.k === "array") {
    elem = elem.elem;
    levels++;
  }
  if (levels === 0 || levels > 3) return undefined;
  const base = elem.k === "str" ? "showStrings" : elem.k === "bool" ? "showBooleans" : elem.k === "int" && elem.kind === "number" && l.doubles ? "showNumbers" : undefined;
  return base && (levels === 1 ? base : `${base}${levels}`);
}

export function inspectArgument(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (x.type.k !== "array") return x;
  if (x.type.elem.k === "never" && x.e === "arraylit") return { e: "str", type: T.str, value: "[]" };
  const name = showFunction(l, x.type);
  const decl = name ? stdDeclaration("std/inspect.ts", name, ts.isFunctionDeclaration) : undefined;
  if (!decl) return x;
  const f = functionOf(l, decl, []);
  void node;
  const zero: Expr = { e: "num", type: T.number, value: 0 };
  return { e: "call", type: T.str, fn: f.cname, args: [x, zero, zero] };
}
