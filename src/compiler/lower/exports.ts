/**
 * lower/exports.ts: `export default <expression>`.
 *
 * Input:  an ExportAssignment at module level (not `export =`).
 * Output: a module global `<module>__default` holding the value, assigned
 *         where the statement stands in module initialization; importers
 *         (`import x from`, `m.default`) read that global.
 * Invariants: the value is taken once, as JavaScript does: `export default x`
 *             of a `let`/`var` that is assigned later would differ from a live
 *             binding, so it is refused (TSOS1083) in favour of
 *             `export { x as default }`, which is live. Functions and classes
 *             (`export default function f`) are ordinary declarations.
 */
import ts from "typescript";
import type { Expr, Global, Stmt } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { lowerExpr } from "./expr.ts";

const values = new WeakMap<ts.ExportAssignment, Expr>();

/** Declare the global for `export default <expr>`; lowers the value to learn its type. */
export function declareDefaultExport(l: Lowerer, st: ts.ExportAssignment, mod: string): void {
  if (st.isExportEquals) l.fail("TSOS1005", st, "`export =`");
  if (ts.isIdentifier(st.expression)) {
    const decl = l.symbolOf(st.expression)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && !(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const))
      l.fail("TSOS1083", st.expression, st.expression.text);
  }
  const value = lowerExpr(l, st.expression);
  const g: Global = { cname: l.uniqueName(`${mod}__default`), type: value.type, isConst: true };
  values.set(st, value);
  l.globalsByDecl.set(st, g);
  l.program.globals.push(g);
}

/** The assignment of the default export, in module initialization order. */
export function initDefaultExport(l: Lowerer, st: ts.ExportAssignment): Stmt[] {
  const g = l.globalsByDecl.get(st);
  const value = values.get(st);
  if (!g || !value) return [];
  if (value.e === "int" || value.e === "bool" || value.e === "str") {
    g.constInit = value;
    g.constValue = value;
    return [];
  }
  return [{ s: "expr", x: { e: "assign", type: g.type, target: { e: "global", type: g.type, name: g.cname }, value }, loc: l.loc(st) }];
}
