/**
 * lower/nullable-types.ts: the IR types of `T | null`, `T | undefined` and
 * `T | null | undefined` (docs/design/dialect-part1.md, "null and undefined").
 *
 * Input:  a checker union type that includes null or undefined (or void),
 *         and the caller's type mapper for the remaining members.
 * Output: a `nullable` IR type; for a value inner type (integers, booleans)
 *         its tagged struct is registered in Program.optTypes.
 * Invariants: a nullable's inner type is never nullable (T | null | undefined
 *             is one type admitting both); `null | undefined` alone has no
 *             IR type of its own (only the literals carry the inner `never`).
 */
import ts from "typescript";
import type { Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";

/** How a nullable is stored: a C pointer, a tsos_str or a view {obj, vt} (tested by their pointer), or a { tag, value } struct. */
export function nullableRepr(inner: Type): "ptr" | "str" | "view" | "tag" | "none" {
  if (inner.k === "never") return "none";
  if (inner.k === "view") return "view";
  if (inner.k === "class" || inner.k === "array" || inner.k === "fn" || inner.k === "ptr") return "ptr";
  if (inner.k === "str") return "str";
  return "tag";
}

/** The type of a bare `null` or `undefined` literal before it meets a context. */
export const NULL_LITERAL: Type = { k: "nullable", inner: { k: "never" }, null: true, undef: false };
export const UNDEFINED_LITERAL: Type = { k: "nullable", inner: { k: "never" }, null: false, undef: true };

/** `inner | null` (when `hasNull`) `| undefined` (when `hasUndef`), flattened. */
export function nullableOf(l: Lowerer, inner: Type, hasNull: boolean, hasUndef: boolean, mangle: (t: Type) => string): Type {
  if (inner.k === "nullable") return nullableOf(l, inner.inner, hasNull || inner.null, hasUndef || inner.undef, mangle);
  // `R | undefined` with R = void (a generic instantiated with a callback that returns nothing): void's value is
  // undefined, so the type is void itself; with null, a value that is null or undefined.
  if (inner.k === "void") return hasNull ? nullableOf(l, { k: "never" }, true, true, mangle) : inner;
  if (nullableRepr(inner) === "tag") {
    const cname = `tsos_opt_${mangle(inner)}`;
    if (!l.program.optTypes.some((o) => o.cname === cname)) l.program.optTypes.push({ cname, inner });
    return { k: "nullable", inner, null: hasNull, undef: hasUndef, cname };
  }
  return { k: "nullable", inner, null: hasNull, undef: hasUndef };
}

const ABSENT = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** Whether a checker type is a union with null, undefined or void among its members. */
export function isNullableUnion(type: ts.Type): type is ts.UnionType {
  return type.isUnion() && type.types.some((t) => t.flags & ABSENT);
}

/**
 * The IR type of a union with null/undefined members: the other members must
 * map to one IR type (`Node`, `"a" | "b"` as string, `true | false` as
 * boolean); otherwise undefined (the caller reports the type).
 */
export function nullableUnionType(
  l: Lowerer,
  type: ts.UnionType,
  node: ts.Node,
  map: (t: ts.Type, node: ts.Node) => Type | undefined,
  mangle: (t: Type) => string,
  sameType: (a: Type, b: Type) => boolean,
  mapMembers?: (ts: ts.Type[], node: ts.Node) => Type | undefined,
): Type | undefined {
  const hasNull = type.types.some((t) => t.flags & ts.TypeFlags.Null);
  const hasUndef = type.types.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  const rest = type.types.filter((t) => !(t.flags & ABSENT));
  // `null | undefined`: a value that is one or the other (a tag).
  if (!rest.length) return nullableOf(l, { k: "never" }, hasNull, hasUndef, mangle);
  let inner: Type | undefined;
  const parts = rest.map((t) => map(t, node));
  if (parts.every((p) => p && sameType(p, parts[0]!))) inner = parts[0];
  else if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) inner = { k: "bool" };
  else if (mapMembers) inner = mapMembers(rest, node);
  // A union of object types (`Token | undefined` where Token is a discriminated union) is a nullable view.
  if (!inner && rest.length > 1) inner = map(l.checker.getNonNullableType(type), node);
  if (!inner) return undefined;
  return nullableOf(l, inner, hasNull, hasUndef, mangle);
}

/**
 * `T & {}` or `T & ({} | null)` (or the latter distributed, `(T & {}) | (T & null)`): what TypeScript narrows a type parameter `T`
 * to after `x !== undefined` / `x != null` (`map.get(k)` in generic code). The
 * IR type is T's substitution without the absent values the intersection
 * excludes; undefined for any other intersection.
 */
export function narrowedTypeParameter(
  l: Lowerer,
  type: ts.IntersectionType | ts.UnionType,
  node: ts.Node,
  map: (t: ts.Type, node: ts.Node) => Type | undefined,
  mangle: (t: Type) => string,
): Type | undefined {
  // The checker may hold `T & ({} | null)` distributed: `(T & {}) | (T & null)`. Each member keeps what it keeps.
  const members = type.isUnion() ? type.types : [type];
  if (!members.every((m) => m.isIntersection())) return undefined;
  let param: ts.Type | undefined;
  let keepNull = false;
  let keepUndef = false;
  for (const m of members as ts.IntersectionType[]) {
    const params = m.types.filter((t) => t.flags & ts.TypeFlags.TypeParameter);
    if (params.length !== 1 || (param && params[0] !== param)) return undefined;
    param = params[0];
    let null_ = true;
    let undef = true;
    for (const r of m.types) {
      if (r === param) continue;
      const parts = r.isUnion() ? r.types : [r];
      const emptyObject = (p: ts.Type) => !!(p.flags & ts.TypeFlags.Object) && !p.getProperties().length && !p.getCallSignatures().length && !p.getConstructSignatures().length;
      if (!parts.every((p) => p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined) || emptyObject(p))) return undefined;
      null_ &&= parts.some((p) => p.flags & ts.TypeFlags.Null);
      undef &&= parts.some((p) => p.flags & ts.TypeFlags.Undefined);
    }
    keepNull ||= null_;
    keepUndef ||= undef;
  }
  const params = [param];
  const sub = map(params[0]!, node);
  if (!sub || sub.k !== "nullable") return sub;
  const hasNull = sub.null && keepNull;
  const hasUndef = sub.undef && keepUndef;
  return hasNull || hasUndef ? nullableOf(l, sub.inner, hasNull, hasUndef, mangle) : sub.inner;
}
