/**
 * lower/relational.ts: `<`, `<=`, `>`, `>=` on values that may be a number,
 * a string or a boolean (`number | string`, as a sort key `(x: T) =>
 * number | string`; a table cell `string | number | boolean`).
 *
 * Input:  the comparison's operator and its two lowered operands, at least
 *         one of them a union whose members are numbers and strings.
 * Output: JavaScript's IsLessThan: when both operands hold strings, the
 *         strings compare by UTF-16 code units; otherwise both are converted
 *         to numbers (a string as `Number(s)` does, a boolean as 1 or 0)
 *         and compared, so NaN compares false. Each operand is evaluated
 *         once, left first.
 * Invariants: unions with members other than numbers, strings and booleans
 *             (objects, arrays) are not handled here (undefined).
 */
import type ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce } from "./expr.ts";
import { isTag, unionConvert } from "./unions.ts";
import { stringOrder, stringToNumber } from "./string-methods.ts";
import { isInt } from "../ints.ts";

type Order = "<" | "<=" | ">" | ">=";

/** `a op b` on number-or-string operands, or undefined when the operands are of other kinds. */
export function mixedOrder(l: Lowerer, op: Order, A: Expr, B: Expr, node: ts.Node): Expr | undefined {
  if (!l.doubles || !numberOrString(A.type) || !numberOrString(B.type)) return undefined;
  // (Two booleans compare as 1 and 0: `false < true`.)
  if (A.type.k !== "union" && B.type.k !== "union" && A.type.k !== "bool" && B.type.k !== "bool") return undefined;
  const a: Expr = { e: "local", type: A.type, name: l.temp() };
  const b: Expr = { e: "local", type: B.type, name: l.temp() };
  const both = strings(a, b);
  const numeric: Expr = { e: "binary", type: T.bool, op, a: toNumber(l, a, node), b: toNumber(l, b, node), loc: l.loc(node) };
  let body: Expr = numeric;
  if (both) body = { e: "cond", type: T.bool, c: both.test, a: stringOrder(l, op, both.a, both.b, node), b: numeric };
  const bind = (x: Expr, value: Expr, inner: Expr): Expr => ({ e: "bind", type: T.bool, name: (x as { name: string }).name, value, body: inner });
  return bind(a, A, bind(b, B, body));
}

function numberOrString(t: Type): boolean {
  if (t.k === "union") return t.members.every((m) => m.k === "str" || m.k === "bool" || (isInt(m) && m.kind === "number"));
  return t.k === "str" || t.k === "bool" || (isInt(t) && t.kind === "number");
}

/** The test that both hold strings, and each as a string; undefined when one of them never does. */
function strings(a: Expr, b: Expr): { test: Expr; a: Expr; b: Expr } | undefined {
  const one = (x: Expr): { test?: Expr; str: Expr } | undefined => {
    if (x.type.k === "str") return { str: x };
    if (x.type.k !== "union") return undefined;
    const tag = x.type.members.findIndex((m) => m.k === "str");
    return tag < 0 ? undefined : { test: isTag(x, tag), str: { e: "fromunion", type: T.str, x, tag, loc: 0 } };
  };
  const sa = one(a);
  const sb = one(b);
  if (!sa || !sb) return undefined;
  const tests = [sa.test, sb.test].filter((t): t is Expr => !!t);
  const test = tests.length === 2 ? ({ e: "logic", type: T.bool, op: "&&", a: tests[0]!, b: tests[1]! } as Expr) : tests[0]!;
  return { test, a: sa.str, b: sb.str };
}

/** ToNumber of a number, a string or a union of both. */
function toNumber(l: Lowerer, x: Expr, node: ts.Node): Expr {
  const one: Expr = { e: "num", type: T.number, value: 1 };
  const zero: Expr = { e: "num", type: T.number, value: 0 };
  const part = (m: Expr): Expr =>
    m.type.k === "str" ? stringToNumber(l, m, node) : m.type.k === "bool" ? { e: "cond", type: T.number, c: m, a: one, b: zero } : coerce(l, m, T.number, node);
  return x.type.k === "union" ? unionConvert(l, x, T.number, part)! : part(x);
}
