/**
 * lower/erasure.ts: generic functions used as values, with their type
 * parameters erased to `unknown`.
 *
 *     interface Ctx { provide<T>(key: string, value: T): void }
 *     const ctx: Ctx = { provide: (k, v) => store.set(k, String(v)) };
 *     const pick = { first: <T,>(x: T, y: T): T => x };
 *
 * A generic function declaration is compiled once per type arguments at its
 * calls (functions.ts); a generic function *value* has no calls of its own to
 * instantiate it at. Its type `<T>(value: T) => T` becomes the function type
 * `(value: unknown) => unknown`, and its body is compiled with T as `unknown`,
 * which is what a body may assume of an unconstrained T anyway.
 *
 * Input:  a generic call signature (a function type, an arrow or function
 *         expression that is generic or contextually typed by a generic
 *         signature).
 * Output: whether it can be erased, and the scope environment that binds
 *         its type parameters to `unknown`. A call of an erased value boxes
 *         its arguments (lower/dynamic.ts) and unboxes its result to the
 *         type tsc gives the call, checked (lower/overloads.ts callResult).
 * Invariants: a signature is erased only when each type parameter is
 *             unconstrained and appears, in a parameter or the result, only
 *             as the whole type (`T`, `T | undefined`, `T | null`). A `T[]`
 *             or `{ value: T }` would need a converted copy, which loses
 *             identity and writes, so those stay refused (TSOS1006). Boxing
 *             keeps objects by pointer, so an erased value passes objects
 *             through unchanged.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { sameType, tryIrType } from "./types.ts";

const UNKNOWN: Type = { k: "dyn" };

/** The type parameters of `sig` bound to `unknown`, added to `env`; undefined when the signature cannot be erased. */
export function erasedEnv(checker: ts.TypeChecker, sig: ts.Signature, env: ReadonlyMap<ts.Symbol, Type>): Map<ts.Symbol, Type> | undefined {
  const params = sig.typeParameters ?? [];
  if (!params.length) return undefined;
  if (params.some((p) => p.getConstraint() || !p.getSymbol())) return undefined;
  const own = new Set<ts.Type>(params);
  const types = [...sig.parameters.map((p) => checker.getTypeOfSymbol(p)), sig.getReturnType()];
  if (!types.every((t) => wholeOrAbsent(checker, t, own))) return undefined;
  const out = new Map(env);
  for (const p of params) out.set(p.getSymbol()!, UNKNOWN);
  return out;
}

/** `t` is a type parameter of `own`, one with `undefined`/`null`, or mentions none of them. */
function wholeOrAbsent(checker: ts.TypeChecker, t: ts.Type, own: ReadonlySet<ts.Type>): boolean {
  if (own.has(t)) return true;
  if (t.isUnion()) {
    const rest = t.types.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (rest.length === 1 && own.has(rest[0]!)) return true;
  }
  return !mentions(checker, t, own, 0);
}

/** Whether `t` mentions one of `own` anywhere inside (conservatively true past a small depth). */
function mentions(checker: ts.TypeChecker, t: ts.Type, own: ReadonlySet<ts.Type>, depth: number): boolean {
  if (own.has(t)) return true;
  if (depth > 4) return true;
  if (t.isUnionOrIntersection()) return t.types.some((m) => mentions(checker, m, own, depth + 1));
  if (t.flags & ts.TypeFlags.Index) return mentions(checker, (t as ts.IndexType).type, own, depth + 1);
  if (t.flags & ts.TypeFlags.IndexedAccess) {
    const ia = t as ts.IndexedAccessType;
    return mentions(checker, ia.objectType, own, depth + 1) || mentions(checker, ia.indexType, own, depth + 1);
  }
  if (!(t.flags & ts.TypeFlags.Object)) return false;
  const ref = t as ts.TypeReference;
  if (ref.target && checker.getTypeArguments(ref).some((a) => mentions(checker, a, own, depth + 1))) return true;
  for (const s of [...t.getCallSignatures(), ...t.getConstructSignatures()]) {
    if (s.parameters.some((p) => mentions(checker, checker.getTypeOfSymbol(p), own, depth + 1))) return true;
    if (mentions(checker, s.getReturnType(), own, depth + 1)) return true;
  }
  // An inline object type (`{ value: T }`): its members; a declared interface or class mentions T only through its type arguments.
  if ((t as ts.ObjectType).objectFlags & (ts.ObjectFlags.Anonymous | ts.ObjectFlags.Mapped)) {
    return checker.getPropertiesOfType(t).some((p) => mentions(checker, checker.getTypeOfSymbol(p), own, depth + 1));
  }
  return false;
}

/**
 * A call of an erased generic function value returns `unknown`; where tsc
 * types the call more precisely (`helpers.identity(41)` is a number), the
 * result is unboxed to that type, checked.
 */
export function erasedResult(l: Lowerer, call: ts.CallExpression, result: Expr, cast: (value: Expr, to: Type) => Expr): Expr {
  const t = result.type;
  if (t.k !== "dyn" && !(t.k === "nullable" && t.inner.k === "dyn")) return result;
  const want = tryIrType(l, l.checker.getTypeAtLocation(call), call);
  if (!want || want.k === "dyn" || want.k === "void" || sameType(want, t)) return result;
  return cast(result, want);
}
