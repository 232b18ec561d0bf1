/**
 * lower/record-consts.ts: `const env = { x: 3, y: 0.5 }` (no annotation)
 * used only as a record (`evaluate(e, env)` with a `Record<string, number>`
 * parameter).
 *
 * Input:  a `const` declaration, local or module-level, from variableInit
 *         (stmt.ts).
 * Output: the declaration's type and initializer as that record (a
 *         `Dict<V>`, records.ts), when its initializer is an object literal of
 *         plain properties and every use of the name is a place whose
 *         contextual type is the same record type with any string keys
 *         (or that record, optional);
 *         undefined otherwise (the literal stays an object).
 * Invariants: the object is never observed as anything but the record, so
 *             building it as one is exact (no copy, so writes through the
 *             record are seen by every later use, as in JavaScript). An
 *             exported const is left alone: other modules may use it
 *             otherwise.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { isOpenRecord, recordType } from "./records.ts";
import { sameType } from "./types.ts";

export function recordConstInit(l: Lowerer, decl: ts.VariableDeclaration): { type: Type; init: Expr } | undefined {
  if (decl.type || !decl.initializer || !ts.isIdentifier(decl.name)) return undefined;
  if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return undefined;
  let lit: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(lit)) lit = lit.expression;
  if (!ts.isObjectLiteralExpression(lit) || !lit.properties.length || !lit.properties.every((p) => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) return undefined;
  const statement = decl.parent.parent;
  if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return undefined;
  let type: Type | undefined;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym) {
      let use: ts.Expression = n;
      while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
      // An optional record (`headers?: Record<string, string>`, a tuple's optional element) takes the record too.
      const given = ts.isShorthandPropertyAssignment(use.parent) ? undefined : l.checker.getContextualType(use);
      const context = given && l.checker.getNonNullableType(given);
      const t = context && isOpenRecord(l, context) ? recordType(l, context, use) : undefined;
      if (!t || (type && !sameType(type, t))) ok = false;
      else type = t;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  if (!ok || !type) return undefined;
  return { type, init: coerce(l, lowerExpr(l, decl.initializer, type), type, decl.initializer) };
}
