/**
 * lower/static-this.ts: `this` in static methods, and static members reached
 * through a subclass.
 *
 *     class Model { static table = "models"; static tableName() { return this.table; } }
 *     class User extends Model { static table = "users"; }
 *     User.tableName();   // "users": `this` is User
 *
 * In JavaScript a static method's `this` is the class it was called on, and
 * `X.member` looks the member up from X through its base classes.
 *
 * Input:  static member reads and calls (`X.m()`, `this.m()`, `this.f`,
 *         `new this()`, `this.name`) and the class each names.
 * Output: the declaration the access reaches from its receiver class, and
 *         the receiver a static method is compiled for: a static method
 *         that uses `this` gets one instance per class it is called on
 *         (`User__tableName`), whose `this` is that class (FnScope.staticThis).
 * Invariants: a receiver that is no class name and no `this` (a class value,
 *             `(obj.constructor as typeof Model).table`) is resolved only
 *             when no subclass redeclares the member and, for a method, the
 *             method does not use `this`; else TSOS1015, never the base's
 *             member by mistake.
 */
import ts from "typescript";
import type { Lowerer } from "./context.ts";
import { subclassDecls } from "./dispatch.ts";
import { usesThis } from "./method-values.ts";

type StaticMember = ts.PropertyDeclaration | ts.MethodDeclaration;

/** The class a static access's receiver names: a class name, or `this` in a static method; undefined for a class value. */
export function staticReceiver(l: Lowerer, receiver: ts.Expression): ts.ClassLikeDeclaration | undefined {
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return l.scope.staticThis;
  if (ts.isIdentifier(receiver)) {
    const d = l.symbolOf(receiver)?.valueDeclaration;
    if (d && ts.isClassLike(d)) return d;
  }
  return undefined;
}

/**
 * The static member `decl` names, as reached from `receiver`: the nearest
 * declaration of the same name from the receiver up through its bases.
 * Without a receiver class, refused where a subclass could hold another.
 */
export function staticMemberFor<M extends StaticMember>(l: Lowerer, decl: M, receiver: ts.ClassLikeDeclaration | undefined, node: ts.Node): M {
  const name = decl.name.getText();
  if (!receiver) {
    const shadowed = subclassDecls(l, decl.parent as ts.ClassLikeDeclaration).some((c) => ownStatic(c, name, decl.kind));
    if (shadowed || (ts.isMethodDeclaration(decl) && usesThis(decl) && subclassDecls(l, decl.parent as ts.ClassLikeDeclaration).length))
      l.fail("TSOS1015", node, `the static member \`${name}\` read through a class value`, "a subclass may declare its own; name the class (`User.table`) or call an instance method");
    return decl;
  }
  for (let c: ts.ClassLikeDeclaration | undefined = receiver; c; c = baseClass(l, c)) {
    const own = ownStatic(c, name, decl.kind);
    if (own) return own as M;
  }
  return decl;
}

function ownStatic(c: ts.ClassLikeDeclaration, name: string, kind: ts.SyntaxKind): StaticMember | undefined {
  return c.members.find(
    (m): m is StaticMember =>
      (ts.isPropertyDeclaration(m) || ts.isMethodDeclaration(m)) &&
      m.kind === kind &&
      !!(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) &&
      m.name.getText() === name &&
      (!ts.isMethodDeclaration(m) || !!m.body),
  );
}

function baseClass(l: Lowerer, c: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  const h = c.heritageClauses?.find((x) => x.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const d = h ? l.symbolOf(h.expression)?.valueDeclaration : undefined;
  return d && ts.isClassLike(d) ? d : undefined;
}
