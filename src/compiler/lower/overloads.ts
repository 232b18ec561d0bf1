/**
 * lower/overloads.ts: functions, methods and constructors declared with
 * overload signatures.
 *
 *     function pad(s: string): string;
 *     function pad(n: number, width: number): string;
 *     function pad(v: string | number, width = 6): string { ... }
 *
 * Input:  the program's modules; calls whose resolved signature is an
 *         overload signature.
 * Output: one C function, the implementation's. The overload signatures are
 *         types only, as in JavaScript: a call lowers its arguments to the
 *         implementation's parameters (wider, by tsc's overload rules), and
 *         when the overload's return type is narrower than the
 *         implementation's, the result is cast to it as `as` does
 *         (checked where the value may not be one).
 * Invariants: once the lowering has resolved it (Lowerer.symbolOf), the
 *             symbol of an overloaded function or method names its
 *             implementation as its value declaration, so every path that
 *             looks a callee up by symbol lowers the body's signature;
 *             nothing else in the checker's answers changes (tsc resolved
 *             and checked every call before lowering starts).
 */
import ts from "typescript";
import type { Expr } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { irType, sameType } from "./types.ts";

/**
 * Point an overloaded function's or method's symbol at its implementation.
 * Symbols of members seen through an instance (`lg.log`) are the checker's
 * instantiated copies, each with its own value declaration, so this runs
 * on every symbol the lowering resolves (Lowerer.symbolOf).
 */
export function useImplementation(sym: ts.Symbol): void {
  const decl = sym.valueDeclaration;
  if (!decl || (sym.declarations?.length ?? 0) < 2 || !(ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) || decl.body) return;
  const body = sym.declarations!.find((d) => d.kind === decl.kind && (d as ts.FunctionLikeDeclaration).body);
  if (body) sym.valueDeclaration = body;
}

/** The declaration with a body behind an overload signature (itself when it has one, or none is found). */
export function implementationOf<T extends ts.Declaration>(decl: T): T {
  if (!ts.isFunctionLike(decl) || ("body" in decl && decl.body)) return decl;
  if (ts.isConstructorDeclaration(decl)) return (constructorDeclaration(decl.parent) as ts.Declaration as T | undefined) ?? decl;
  if (!ts.isFunctionDeclaration(decl) && !ts.isMethodDeclaration(decl)) return decl;
  const siblings: readonly ts.Node[] = ts.isClassLike(decl.parent) ? decl.parent.members : ts.isSourceFile(decl.parent) || ts.isBlock(decl.parent) || ts.isModuleBlock(decl.parent) ? decl.parent.statements : [];
  const name = decl.name?.getText();
  const body = siblings.find((s) => s.kind === decl.kind && (s as ts.FunctionDeclaration).body && (s as ts.FunctionDeclaration).name?.getText() === name);
  return (body as T | undefined) ?? decl;
}

/** A class's constructor: the one with a body when overload signatures precede it. */
export function constructorDeclaration(cls: ts.ClassLikeDeclaration): ts.ConstructorDeclaration | undefined {
  const ctors = cls.members.filter(ts.isConstructorDeclaration);
  return ctors.find((c) => c.body) ?? ctors[0];
}

/**
 * A call that tsc resolved to an overload signature whose return type is
 * narrower than the implementation's (`pad(...)` returning `string` where the
 * body returns `string | number`): the call's value cast to the overload's.
 */
export function overloadResult(l: Lowerer, call: ts.CallExpression, result: Expr, cast: (value: Expr, node: ts.Expression) => Expr): Expr {
  const decl = l.checker.getResolvedSignature(call)?.getDeclaration();
  if (!decl || !ts.isFunctionLike(decl) || ("body" in decl && decl.body) || implementationOf(decl) === decl) return result;
  const want = irType(l, l.checker.getTypeAtLocation(call), call);
  return sameType(want, result.type) || want.k === "void" ? result : cast(result, call);
}
