/**
 * lower/intersections.ts: intersection types of object shapes.
 *
 * Input:  a checker intersection type (`A & B`, `Maintainable & { plate:
 *         string }`, `Required<Pick<C, "p">> & C`), as a value's type or a
 *         generic constraint, and `keyof T & string`.
 * Output: a view (lower/views.ts) whose members are the members of every
 *         part, as the checker merges them; `keyof T & string` is a string;
 *         a record with literals' data (`{ start: number } & Record<string,
 *         number>`, what `Object.assign` makes) is that record (records.ts).
 * Invariants: only intersections whose parts are all object types (or
 *             classes) are views; a part that is a primitive other than the
 *             string of `keyof T & string` leaves the type unsupported.
 */
import ts from "typescript";
import type { Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { mergedView, viewType } from "./views.ts";
import { tryIrType } from "./types.ts";
import { recordType } from "./records.ts";

/** The IR type of an intersection of object types, or of `keyof T & string`; undefined otherwise. */
export function intersectionType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  if (!type.isIntersection()) return undefined;
  const parts = type.types;
  // `keyof T & string`: the string keys of T.
  if (parts.some((p) => p.flags & ts.TypeFlags.String) && parts.every((p) => p.flags & (ts.TypeFlags.String | ts.TypeFlags.Index | ts.TypeFlags.StringLiteral)))
    return T.str;
  if (!parts.every((p) => p.flags & ts.TypeFlags.Object)) return guardedTypeParameter(l, type, node);
  return recordType(l, type, node) ?? viewType(l, type, node);
}

/**
 * `T & Closeable` (a type guard's narrowing in a generic function) in an
 * instance where T is an interface or object type: one view with the
 * members of both (views.ts mergedView); undefined otherwise.
 */
function guardedTypeParameter(l: Lowerer, type: ts.IntersectionType, node: ts.Node): Type | undefined {
  if (!type.types.some((p) => p.flags & ts.TypeFlags.TypeParameter)) return undefined;
  // A T that is `unknown` adds no members: the value, unboxed, is one of the guard's type.
  const parts = type.types.map((p) => tryIrType(l, p, node)).filter((p) => p?.k !== "dyn");
  if (!parts.length || !parts.every((p): p is Extract<Type, { k: "view" }> => p?.k === "view")) return undefined;
  return mergedView(l, parts.map((p) => p.view), l.checker.typeToString(type));
}
