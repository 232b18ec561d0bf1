/**
 * lower/key-params.ts: type parameters that name properties
 * (`K extends keyof T`), so that `T[K]` has one type per instance.
 *
 * Input:  the checker's type arguments of a generic function or method call
 *         (`pluck(users, "name")` infers K = "name").
 * Output: a type argument for such a K that is a string literal (or a union
 *         of them, or the key parameter of the instance around) becomes `{ k: "str", keys }`: the instance is specialised
 *         per key set (`pluck<User, "name">` and `pluck<User, "age">` are two
 *         C functions), and inside it `T[K]` and `o[k]` (k: K) consider only
 *         those keys (lower/keyed.ts). Everywhere else K's values are plain
 *         strings: `keys` never leaves the generic environment (tryIrType
 *         drops it when it substitutes K).
 * Invariants: instances with different key sets have different names
 *             (`mangle` spells the keys unambiguously).
 */
import ts from "typescript";
import type { Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";

/**
 * Whether a type parameter's constraint mentions `keyof` (`K extends keyof T`, `keyof T & string`),
 * also through type aliases (`K extends ComponentName` with `type ComponentName = keyof Components`).
 */
function namesProperties(l: Lowerer, tp: ts.TypeParameterDeclaration): boolean {
  let found = false;
  const seen = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (found || seen.has(n)) return;
    seen.add(n);
    if (ts.isTypeOperatorNode(n) && n.operator === ts.SyntaxKind.KeyOfKeyword) found = true;
    else if (ts.isTypeReferenceNode(n)) {
      const sym = l.checker.getSymbolAtLocation(n.typeName);
      const target = sym && sym.flags & ts.SymbolFlags.Alias ? l.checker.getAliasedSymbol(sym) : sym;
      for (const d of target?.declarations ?? []) if (ts.isTypeAliasDeclaration(d)) visit(d.type);
      ts.forEachChild(n, visit);
    } else ts.forEachChild(n, visit);
  };
  if (tp.constraint) visit(tp.constraint);
  return found;
}

/** The string literals a checker type consists of, or undefined. */
function literalsOf(t: ts.Type): string[] | undefined {
  const parts = t.isUnion() ? t.types : [t];
  if (!parts.length || !parts.every((p) => p.isStringLiteral())) return undefined;
  return parts.map((p) => (p as ts.StringLiteralType).value).sort();
}

/**
 * The type arguments `ir` (from `checked`) of the call resolved to `sig`,
 * with key parameters carrying their literal keys.
 */
export function withKeyArgs(l: Lowerer, sig: ts.Signature, checked: readonly ts.Type[], ir: Type[]): Type[] {
  const decl = sig.declaration;
  const params = decl && !ts.isJSDocSignature(decl) ? (decl.typeParameters ?? []) : [];
  return ir.map((t, i) => {
    if (t.k !== "str" || t.borrowed) return t;
    const tp = params[i];
    // A literal (`"name"`), or a key parameter of the instance around, passed on (`pluck(this.rows, key)`).
    const keys = checked[i] && (literalsOf(checked[i]!) ?? keysOfParam(l, checked[i]!));
    return tp && keys && namesProperties(l, tp) ? { k: "str", keys } : t;
  });
}

/** The keys a key parameter stands for in the current instance (`index` is the checker's `K`), or undefined. */
export function keysOfParam(l: Lowerer, index: ts.Type): string[] | undefined {
  if (!(index.flags & ts.TypeFlags.TypeParameter)) return undefined;
  const sub = l.scope.env.get(index.getSymbol()!);
  return sub?.k === "str" ? sub.keys : undefined;
}

/** A key set as part of a C name: letters and digits kept, anything else spelled as `_xx` hex. */
export function mangleKeys(keys: string[]): string {
  const one = (k: string): string => [...k].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("");
  return `key_${keys.map(one).join("__")}`;
}
