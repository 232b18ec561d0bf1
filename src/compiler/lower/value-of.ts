/**
 * lower/value-of.ts: an object with its own `valueOf` as an operand of `+` with a string.
 *
 * Input:  an operand of a string `+` or `+=` (`"v=" + fraction`), already lowered.
 * Output: for an instance of a class (or a value of an interface) that declares
 *         `valueOf()`, the call of valueOf, whose primitive result becomes the
 *         string part: JavaScript's `+` converts an object with the default hint,
 *         which tries valueOf before toString (a template literal or `String(x)`
 *         uses toString, lower/views.ts objectToString). Undefined for any other
 *         value (the caller takes its usual string form).
 * Invariants: an operand whose valueOf tsos cannot call the way JavaScript would
 *             (on a nullable or union value, with required parameters, generic)
 *             is refused (TSOS1321), never printed through toString instead.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { resolveMember } from "./dispatch.ts";
import { coerce } from "./expr.ts";
import { typeName } from "./types.ts";
import { classMember } from "./views.ts";
import { classInfo } from "./classes.ts";
import { programFiles } from "./closures.ts";

/** The class declarations of the program that declare a `valueOf` member (found once per lowering). */
let declaring: { files: readonly ts.SourceFile[]; classes: ts.ClassLikeDeclaration[] } | undefined;
function valueOfClasses(): ts.ClassLikeDeclaration[] {
  const files = programFiles();
  if (declaring?.files === files) return declaring.classes;
  const classes: ts.ClassLikeDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isClassLike(n) && n.members.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "valueOf")) classes.push(n);
    ts.forEachChild(n, visit);
  };
  files.forEach(visit);
  declaring = { files, classes };
  return classes;
}

/** The class a class declaration extends, if it is declared in the program. */
function baseClass(l: Lowerer, c: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  const ext = c.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!ext) return undefined;
  let sym = l.checker.getSymbolAtLocation(ext.expression);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = l.checker.getAliasedSymbol(sym);
  const d = sym?.valueDeclaration;
  return d && ts.isClassLike(d) ? d : undefined;
}

/** Whether `decl` or a class below it declares valueOf (a `Base`-typed value may be of that subclass). */
function classOrSubclassValueOf(l: Lowerer, decl: ts.ClassLikeDeclaration): boolean {
  return valueOfClasses().some((c) => {
    for (let at: ts.ClassLikeDeclaration | undefined = c; at; at = baseClass(l, at)) if (at === decl) return true;
    return false;
  });
}

/** Whether values of type `t` may carry a declared `valueOf` (a class member or an interface slot). */
function declaresValueOf(l: Lowerer, t: Type): boolean {
  if (t.k === "class" && t.cls.header) return classMember(l, t.cls, "valueOf") !== undefined || classOrSubclassValueOf(l, classInfo(t.cls).decl);
  if (t.k === "view") return t.view.slots.some((s) => s.prop === "valueOf");
  if (t.k === "nullable") return declaresValueOf(l, t.inner);
  if (t.k === "union") return t.members.some((m) => declaresValueOf(l, m));
  return false;
}

/** `valueOf()` of `x` as a string `+` operand, or undefined when x has no valueOf of its own. */
export function valueOfPart(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (!declaresValueOf(l, x.type)) return undefined;
  if (x.type.k === "class") {
    const m = classMember(l, x.type.cls, "valueOf");
    if (m?.kind === "method" && !m.decl.typeParameters?.length && m.decl.parameters.length === 0) {
      const r = resolveMember(l, x.type.cls, m.decl, []);
      if (r.ret.k !== "void") return { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, x, r.self, node)] };
    }
  }
  if (x.type.k === "view") {
    const slot = x.type.view.slots.find((s) => s.kind === "method" && s.prop === "valueOf" && !s.params.length && s.ret.k !== "void");
    if (slot) return { e: "viewcall", type: slot.ret, view: x, slot: slot.name, args: [] };
  }
  l.fail("TSOS1321", node, typeName(x.type));
}
