/**
 * lower/phantom.ts: type parameters a class never uses for a value.
 *
 *     class Token<T> { constructor(readonly name: string) {} }
 *     class Key<T> { private readonly __type?: T; constructor(readonly id: number) {} }
 *
 * Such a parameter only brands the type for tsc (`Token<Logger>` and
 * `Token<Db>` are different types there); every instantiation has the same
 * fields and methods. tsos compiles a generic class once per type
 * arguments, so `Token<Logger>` and `Token<unknown>` would be two C structs
 * and a `Token<Logger>` could not be kept in a `Map<Token<unknown>, ...>`.
 * A phantom parameter's argument is therefore replaced by `unknown`
 * (classes.ts classInstance): one struct serves all of them, and
 * conversions between them are the identity, as in JavaScript.
 *
 * Input:  a class declaration.
 * Output: for each type parameter, whether it is phantom.
 * Invariants: a parameter is phantom when no type in the class mentions it,
 *             except the declared type of a non-public, non-static optional
 *             property without an initializer that the class never reads
 *             or writes (the usual "brand" field: it is undefined in every
 *             instance, whatever its type). A mention anywhere else, the
 *             `extends` clause included, makes it a real parameter.
 */
import ts from "typescript";

const cache = new WeakMap<ts.ClassDeclaration, boolean[]>();

export function phantomParams(checker: ts.TypeChecker, decl: ts.ClassDeclaration): boolean[] {
  const hit = cache.get(decl);
  if (hit) return hit;
  const params = decl.typeParameters ?? [];
  const symbols = params.map((p) => checker.getSymbolAtLocation(p.name));
  const used = params.map(() => false);
  const brands = new Set(decl.members.filter(isBrandField).map((m) => (m.name as ts.Identifier | ts.PrivateIdentifier).text));
  const visit = (node: ts.Node, inBrand: boolean): void => {
    if (ts.isIdentifier(node)) {
      const i = indexOfSymbol(symbols, checker.getSymbolAtLocation(node));
      if (i >= 0 && !inBrand) used[i] = true;
      return;
    }
    // A read or write of a brand field makes its type matter after all.
    if (ts.isPropertyAccessExpression(node) && brands.has(node.name.text)) brands.delete(node.name.text);
    ts.forEachChild(node, (child) => visit(child, inBrand || (ts.isPropertyDeclaration(node) && child === node.type && isBrandField(node))));
  };
  for (const h of decl.heritageClauses ?? []) visit(h, false);
  for (const m of decl.members) visit(m, false);
  const phantom = used.map((u) => !u);
  // A brand field the class reads or writes: every parameter it names is used.
  for (const m of decl.members) {
    if (!isBrandField(m) || brands.has((m.name as ts.Identifier).text)) continue;
    visitTypes(m.type!, symbols, checker, (i) => (phantom[i] = false));
  }
  cache.set(decl, phantom);
  return phantom;
}

function isBrandField(m: ts.ClassElement): m is ts.PropertyDeclaration {
  if (!ts.isPropertyDeclaration(m) || !m.questionToken || m.initializer || !m.type) return false;
  if (!ts.isIdentifier(m.name) && !ts.isPrivateIdentifier(m.name)) return false;
  const mods = ts.getCombinedModifierFlags(m);
  if (mods & (ts.ModifierFlags.Static | ts.ModifierFlags.Abstract | ts.ModifierFlags.Ambient)) return false;
  return ts.isPrivateIdentifier(m.name) || !!(mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

function visitTypes(node: ts.Node, symbols: (ts.Symbol | undefined)[], checker: ts.TypeChecker, hit: (i: number) => void): void {
  if (ts.isIdentifier(node)) {
    const i = indexOfSymbol(symbols, checker.getSymbolAtLocation(node));
    if (i >= 0) hit(i);
    return;
  }
  ts.forEachChild(node, (c) => visitTypes(c, symbols, checker, hit));
}

function indexOfSymbol(symbols: (ts.Symbol | undefined)[], sym: ts.Symbol | undefined): number {
  return sym ? symbols.indexOf(sym) : -1;
}
