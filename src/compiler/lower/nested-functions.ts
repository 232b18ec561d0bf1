/**
 * lower/nested-functions.ts: function declarations inside function bodies.
 *
 * Input:  a block's statements (hoisting), and references or calls to a
 *         `function` declared inside another function.
 * Output: for a nested function that captures nothing (closures.ts,
 *         `nestedIsPlain`): a plain C function, one per instantiation of the
 *         code around it, called directly. For one that captures variables:
 *         a function-typed local created at the start of its block, as
 *         JavaScript creates the function when the block is entered (so a
 *         call before the declaration's line works), holding a closure
 *         (lambdas.ts); calls go through it.
 * Invariants:
 *   - The locals of a block's nested functions are declared before any of
 *     its statements run, in declaration order; one that refers to a later
 *     one captures it by reference (closures.ts treats the later one as
 *     used before its declaration), so mutual recursion works.
 *   - A generic nested function that captures nothing is instantiated per
 *     call like a module-level one; one that captures is made a closure per
 *     call when it is only called, and not by itself
 *     (generic-consts.ts capturingGenericFunction); other capturing generic
 *     ones, and nested functions in `case` clauses, are refused (TSOS1015).
 */
import ts from "typescript";
import type { Func, Stmt, Type } from "../ir.ts";
import { mangle } from "./types.ts";
import type { Lowerer } from "./context.ts";
import { earlyLocalName, isNestedFunction, nestedIsPlain } from "./closures.ts";
import { instantiateFunction } from "./functions.ts";
import { lowerFunctionValue } from "./lambdas.ts";
import { setLocalType } from "./expr.ts";
import { capturingGenericFunction, typeParameterEnv } from "./generic-consts.ts";

/** The C function of a nested function that captures nothing, for the generic environment in force. */
export function nestedFunctionInstance(l: Lowerer, decl: ts.FunctionDeclaration, typeArgs: Type[] = []): Func {
  const owner = enclosingFunctionName(l, decl);
  const env = typeParameterEnv(l, decl, typeArgs);
  const suffix = typeArgs.length ? "_" + typeArgs.map(mangle).join("_") : "";
  return instantiateFunction(l, decl, env, [...env.values()], { cname: `${owner}__${decl.name!.text}${suffix}`, isCtor: false });
}

/** The C name prefix of a function made from `decl`: the nearest named enclosing function, else the module. */
export function enclosingFunctionName(l: Lowerer, decl: ts.Node): string {
  for (let p = decl.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p) && p.name && ts.isIdentifier(p.name)) return p.name.text;
  }
  return l.moduleName(decl.getSourceFile());
}

/** A nested function called through its closure local (it captures variables). */
export function isCapturingNested(l: Lowerer, decl: ts.Node): boolean {
  return isNestedFunction(decl) && !nestedIsPlain(l, decl);
}

/** Refuse the nested declarations tsos does not compile (a located TSOS1015). */
export function checkNested(l: Lowerer, decl: ts.FunctionDeclaration): void {
  if (decl.typeParameters?.length && !nestedIsPlain(l, decl) && !capturingGenericFunction(l, decl)) l.fail("TSOS1015", decl.name ?? decl, "a generic function declared inside a function that uses its variables", "declare it at module level");
  if (!ts.isBlock(decl.parent)) l.fail("TSOS1015", decl.name ?? decl, "a function declared in a `case` clause", "declare it at the start of the function");
}

/**
 * The start of a block: each nested function that captures variables gets
 * its local, holding its closure, before the block's first statement.
 */
export function hoistNestedFunctions(l: Lowerer, stmts: readonly ts.Statement[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) {
    if (!isNestedFunction(s)) continue;
    checkNested(l, s);
    if (nestedIsPlain(l, s) || capturingGenericFunction(l, s)) continue;
    const value = lowerFunctionValue(l, s);
    const name = earlyLocalName(l, s) ?? l.localName(s.name!.text);
    l.scope.locals.set(s, name);
    setLocalType(l, s, value.type);
    out.push({ s: "let", name, type: value.type, init: value, loc: l.loc(s) });
  }
  return out;
}
