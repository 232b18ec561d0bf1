/**
 * lower/generic-consts.ts: generic arrow functions held in a `const`.
 *
 * Input:  `const pair = <A, B>(a: A, b: B): [A, B] => [a, b]` (module level,
 *         or local and capturing nothing) and the calls `pair(1, "x")`.
 * Output: no variable; each call instantiates the arrow for the type
 *         arguments tsc inferred, like a generic function declaration
 *         (monomorphized, called directly).
 * Invariants:
 *   - Only a `const` whose every use is a direct call is compiled so; any
 *     other use of the name (passing it as a value) is TSOS1019, as for a
 *     generic function declaration.
 *   - A local one must capture nothing (closures.ts `captureList`).
 */
import ts from "typescript";
import type { Func, Type } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { captureList } from "./closures.ts";
import { instantiateFunction } from "./functions.ts";
import { mangle } from "./types.ts";
import { destructureParams } from "./destructure.ts";
import { expressionBody } from "./lambdas.ts";
import { enclosingFunctionName } from "./nested-functions.ts";

type GenericFn = ts.ArrowFunction | ts.FunctionExpression;

/** The generic arrow or function expression that the `const` declaration `decl` holds, if it is compiled as above. */
export function genericFunctionConst(l: Lowerer, decl: ts.Node): GenericFn | undefined {
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || decl.type || !decl.initializer) return undefined;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  let init: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || !init.typeParameters?.length) return undefined;
  const local = !!ts.findAncestor(decl.parent, ts.isFunctionLike);
  if (local) {
    const caps = captureList(l, init);
    if (caps.decls.length || caps.usesThis || caps.ownThis) return undefined;
  }
  return init;
}

/** The instance of a generic `const` function for these type arguments. */
export function genericConstInstance(l: Lowerer, decl: ts.VariableDeclaration, fn: GenericFn, typeArgs: Type[]): Func {
  const env = new Map(l.scope.env);
  fn.typeParameters!.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const prefix = enclosingFunctionName(l, decl);
  const name = `${prefix}__${(decl.name as ts.Identifier).text}${typeArgs.length ? "_" + typeArgs.map(mangle).join("_") : ""}`;
  const body = fn.body;
  return instantiateFunction(l, fn, env, [...env.values()], {
    cname: name,
    isCtor: false,
    body: ts.isBlock(body) ? undefined : () => [...destructureParams(l, fn), ...expressionBody(l, body)],
  });
}
