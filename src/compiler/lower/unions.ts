/**
 * lower/unions.ts: unions of value types (`string | number`,
 * `number | boolean`, `string | number | null`), issue 8 item 6 (value half).
 *
 * Input:  a checker union whose members map to two or more distinct value
 *         IR types (string, one integer kind, boolean); union values met by
 *         coerce, the narrowing hook, typeof, `===`, printing and truthiness.
 * Output: a `union` IR type (a tagged struct registered in
 *         Program.unionTypes) and the tounion / fromunion / istag / reunion
 *         nodes that enter, leave, test and convert it.
 * Invariants: members are sorted by their mangled name, so `string | number`
 *             and `number | string` are one type; a union never holds null
 *             or undefined (that is a nullable whose inner type is the union)
 *             nor another union. Literal unions of one kind (`"a" | "b"`,
 *             `1 | 2`) are not unions here: they are their base type.
 */
import type ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";

type Union = Extract<Type, { k: "union" }>;

function isValue(t: Type): boolean {
  return t.k === "str" || t.k === "int" || t.k === "bool";
}

/**
 * The union type of checker members `parts`, or undefined if they are not
 * two or more distinct value types.
 */
export function valueUnionType(
  l: Lowerer,
  parts: readonly ts.Type[],
  node: ts.Node,
  map: (t: ts.Type, node: ts.Node) => Type | undefined,
  mangle: (t: Type) => string,
): Type | undefined {
  const members: Type[] = [];
  for (const p of parts) {
    const t = map(p, node);
    if (!t || !isValue(t) || (t.k === "str" && t.borrowed)) return undefined;
    if (!members.some((m) => mangle(m) === mangle(t))) members.push(t);
  }
  if (members.length < 2 || members.filter((m) => m.k === "int").length > 1) return undefined;
  return unionOf(l, members, mangle);
}

export function unionOf(l: Lowerer, members: Type[], mangle: (t: Type) => string): Type {
  const sorted = [...members].sort((a, b) => (mangle(a) < mangle(b) ? -1 : 1));
  const cname = `tsos_union_${sorted.map(mangle).join("_")}`;
  if (!l.program.unionTypes.some((u) => u.cname === cname)) l.program.unionTypes.push({ cname, members: sorted });
  return { k: "union", members: sorted, cname };
}

/** The index of member `t` in union `u`, or -1. */
export function memberIndex(u: Union, t: Type, same: (a: Type, b: Type) => boolean): number {
  return u.members.findIndex((m) => same(m, t));
}

/** Member type -> union (an integer literal adopts the union's integer member). */
export function toUnion(u: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  let i = memberIndex(u, x.type, same);
  let value = x;
  if (i < 0 && x.e === "int") {
    i = u.members.findIndex((m) => m.k === "int");
    if (i >= 0) value = { ...x, type: u.members[i]! };
  }
  if (i < 0) return undefined;
  return { e: "tounion", type: u, x: value, tag: i };
}

/** Union -> union whose members include all of `from`'s. */
export function reUnion(from: Union, to: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const map = from.members.map((m) => memberIndex(to, m, same));
  if (map.some((i) => i < 0)) return undefined;
  return { e: "reunion", type: to, x, map };
}

export function isTag(x: Expr, tag: number): Expr {
  return { e: "istag", type: T.bool, x, tag };
}

/** Union -> one member (the checker narrowed it); `check` when the read may have changed since. */
export function fromUnion(l: Lowerer, u: Union, x: Expr, t: Type, node: ts.Node, check: boolean, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const i = memberIndex(u, t, same);
  if (i < 0) return undefined;
  return { e: "fromunion", type: u.members[i]!, x, tag: i, loc: l.loc(node), check };
}

/** Union -> a smaller union (narrowed): only the members it keeps can occur. */
export function narrowUnion(from: Union, to: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const map = from.members.map((m) => memberIndex(to, m, same));
  if (!to.members.every((m) => memberIndex(from, m, same) >= 0)) return undefined;
  return { e: "reunion", type: to, x, map };
}
