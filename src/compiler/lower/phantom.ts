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

/**
 * Type parameters a class uses only as the whole type of a member (`readonly v: T`, `get value(): T`,
 * `set(v: T)`, `T | undefined`), where the program also names an instance with `unknown` or `any` for it
 * (`Set<Source<unknown>>`, `Box<any>[]`): every instantiation takes `unknown` then, so a `Source<string>`
 * is the same struct as a `Source<unknown>` and goes where one is wanted, as in JavaScript. A member read
 * of such a value is unboxed to the type tsc gives the read, checked (nullable.ts narrowRead).
 */
export function erasedParams(checker: ts.TypeChecker, decl: ts.ClassDeclaration, files: Iterable<ts.SourceFile>): boolean[] {
  const hit = erasedCache.get(decl);
  if (hit) return hit;
  const params = decl.typeParameters ?? [];
  const symbols = params.map((p) => checker.getSymbolAtLocation(p.name));
  const whole = params.map((p) => !p.constraint && !p.default);
  const classSym = decl.name ? checker.getSymbolAtLocation(decl.name) : undefined;
  // `left: TreeNode<K, V> | null` in TreeNode<K, V>: the class itself with the parameter in its own place is the
  // same erased class.
  const selfReference = (id: ts.Identifier, i: number): boolean => {
    const ref = id.parent;
    if (!ts.isTypeReferenceNode(ref) || ref.typeArguments || !ts.isTypeReferenceNode(ref.parent)) return false;
    const outer = ref.parent;
    return !!classSym && checker.getSymbolAtLocation(outer.typeName) === classSym && outer.typeArguments?.indexOf(ref) === i && isWholeTypeNode(checker, outer);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const i = indexOfSymbol(symbols, checker.getSymbolAtLocation(node));
      if (i >= 0 && !isWholeMemberType(checker, node) && !selfReference(node, i)) whole[i] = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const h of decl.heritageClauses ?? []) visit(h);
  for (const m of decl.members) visit(m);
  const wanted = params.map(() => false);
  if (classSym && whole.some((w) => w)) {
    const scan = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node) && node.typeArguments && checker.getSymbolAtLocation(node.typeName) === classSym)
        node.typeArguments.forEach((a, i) => {
          if (a.kind === ts.SyntaxKind.UnknownKeyword || a.kind === ts.SyntaxKind.AnyKeyword) wanted[i] = true;
        });
      ts.forEachChild(node, scan);
    };
    for (const f of files) scan(f);
  }
  const out = whole.map((w, i) => w && wanted[i]!);
  erasedCache.set(decl, out);
  return out;
}

const erasedCache = new WeakMap<ts.ClassDeclaration, boolean[]>();

/**
 * `T` as the whole declared type of a property, parameter, result or local, or with only `null`/`undefined`
 * beside it; or as a whole parameter or result type of a function type in such a place (`fn: (value: T) =>
 * void`, `Listener<T>` for `type Listener<T> = (value: T) => void`): a callback held for an erased T is
 * adapted where it goes in and out (lambdas.ts, fn-params.ts unboxes).
 */
function isWholeMemberType(checker: ts.TypeChecker, id: ts.Identifier): boolean {
  const t = id.parent;
  if (!ts.isTypeReferenceNode(t) || t.typeArguments) return false;
  return isWholeTypeNode(checker, t);
}

function isWholeTypeNode(checker: ts.TypeChecker, node: ts.TypeNode): boolean {
  let t: ts.Node = node;
  if (ts.isUnionTypeNode(t.parent) && t.parent.types.every((m) => m === t || m.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword))) t = t.parent;
  const p = t.parent;
  if (ts.isParameter(p) && p.type === t && ts.isFunctionTypeNode(p.parent)) return isWholeTypeNode(checker, p.parent);
  if (ts.isFunctionTypeNode(p) && p.type === t) return isWholeTypeNode(checker, p);
  // `Listener<T>`: an argument of a function type alias that uses its own parameter only whole.
  if (ts.isTypeReferenceNode(p) && p.typeArguments?.includes(t as ts.TypeNode) && functionAlias(checker, p, p.typeArguments.indexOf(t as ts.TypeNode))) return isWholeTypeNode(checker, p);
  return (ts.isPropertyDeclaration(p) || ts.isParameter(p) || ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isVariableDeclaration(p)) && p.type === t;
}

/** Whether `ref` names a type alias of a function type whose i-th type parameter appears there only whole. */
function functionAlias(checker: ts.TypeChecker, ref: ts.TypeReferenceNode, i: number): boolean {
  const decl = checker.getSymbolAtLocation(ref.typeName)?.declarations?.[0];
  if (!decl || !ts.isTypeAliasDeclaration(decl) || !ts.isFunctionTypeNode(decl.type)) return false;
  const param = decl.typeParameters?.[i];
  const sym = param && checker.getSymbolAtLocation(param.name);
  if (!sym) return false;
  let whole = true;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === sym && !(ts.isTypeReferenceNode(n.parent) && !n.parent.typeArguments && wholeInFunction(n.parent, decl.type as ts.FunctionTypeNode))) whole = false;
    ts.forEachChild(n, visit);
  };
  visit(decl.type);
  return whole;
}

/** Whether a type node is a whole parameter type or the result type of the function type `fn`. */
function wholeInFunction(t: ts.TypeNode, fn: ts.FunctionTypeNode): boolean {
  const p = t.parent;
  return (ts.isParameter(p) && p.type === t && p.parent === fn) || (p === fn && fn.type === t);
}
