/**
 * lower/generic-values.ts: a generic function passed as a value where the
 * function type it must have is known (`items.filter(isDefined)`,
 * `[1, 2, 3].map(identity)`).
 *
 * Input:  the name of a generic function declaration, or of a `const`
 *         holding a generic arrow (generic-consts.ts), read as a value.
 * Output: the type arguments of the instance to use, read off the
 *         contextual function type: each parameter's declared type is
 *         matched against the type the caller will pass there. `T` takes
 *         that type; `T | undefined` (or `| null`) takes it without
 *         undefined and null; `T[]` matches an array's element type.
 * Invariants: undefined unless every type parameter is found so and the
 *   expected type is one call signature; the caller then refuses the use
 *   (TSOS1019) as before.
 */
import ts from "typescript";
import type { Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { tryIrType } from "./types.ts";

export function genericValueTypeArgs(l: Lowerer, node: ts.Expression, decl: ts.SignatureDeclaration): Type[] | undefined {
  const params = decl.typeParameters;
  if (!params?.length) return undefined;
  const expected = l.checker.getContextualType(node)?.getCallSignatures();
  if (expected?.length !== 1) return undefined;
  const want = expected[0]!;
  const symbols = params.map((p) => l.checker.getSymbolAtLocation(p.name));
  const bound = new Map<ts.Symbol, ts.Type>();
  const unify = (declared: ts.Type, given: ts.Type): void => {
    const sym = declared.getSymbol();
    if (declared.flags & ts.TypeFlags.TypeParameter && sym && symbols.includes(sym)) {
      if (!bound.has(sym)) bound.set(sym, given);
      return;
    }
    if (declared.isUnion()) {
      const rest = declared.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      if (rest.length === 1) unify(rest[0]!, l.checker.getNonNullableType(given));
      return;
    }
    if (l.checker.isArrayType(declared) && l.checker.isArrayType(given)) {
      unify(l.checker.getTypeArguments(declared as ts.TypeReference)[0]!, l.checker.getTypeArguments(given as ts.TypeReference)[0]!);
    }
  };
  decl.parameters.forEach((p, i) => {
    const slot = want.parameters[i];
    if (slot) unify(l.checker.getTypeAtLocation(p), l.checker.getTypeOfSymbolAtLocation(slot, node));
  });
  const args: Type[] = [];
  for (const sym of symbols) {
    const t = sym && bound.get(sym);
    const ir = t && !(t.flags & ts.TypeFlags.TypeParameter) ? tryIrType(l, t, node) : undefined;
    if (!ir) return undefined;
    args.push(ir);
  }
  return args;
}
