/**
 * lower/array-methods.ts: array methods implemented in the dialect.
 *
 * Input:  a member call `xs.name(args)` on an array whose method is one of
 *         lib/std/array.ts's functions (forEach, map, filter, reduce, some,
 *         every, find, findIndex, sort, indexOf, includes, join, slice, reverse,
 *         concat).
 * Output: a call to that generic function's instance, with the array as the
 *         first argument: T is the element type, then the method's own type
 *         arguments as tsc resolved them (`map<U>`); missing optional
 *         arguments get JavaScript's defaults (`join()` is `join(",")`).
 * Invariants: lib/std/array.ts is loaded into every program (load.ts), so
 *             its functions are type-checked with the user's code; callbacks
 *             that declare fewer parameters are adapted (lambdas.ts).
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { functionOf } from "./functions.ts";
import { irType, typeName } from "./types.ts";

export const STD_ARRAY = path.join(LIB_DIR, "std/array.ts");

const METHODS = new Set(["forEach", "map", "filter", "reduce", "some", "every", "find", "findIndex", "sort", "indexOf", "includes", "join", "slice", "reverse", "concat"]);

let program: ts.Program | undefined;

/** Called once per lowering with the program that holds lib/std/array.ts. */
export function useStdProgram(p: ts.Program): void {
  program = p;
}

/** A top-level declaration of a lib/std file (the files load.ts adds to every program). */
export function stdDeclaration<D extends ts.Statement>(file: string, name: string, is: (s: ts.Statement) => s is D): D | undefined {
  const sf = program?.getSourceFile(path.join(LIB_DIR, file));
  return sf?.statements.find((s): s is D => is(s) && (s as { name?: ts.Identifier }).name?.text === name);
}

function stdFunction(l: Lowerer, name: string, node: ts.Node): ts.FunctionDeclaration {
  const sf = program?.getSourceFile(STD_ARRAY);
  const decl = sf?.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!decl) l.fail("TSOS9001", node, `lib/std/array.ts has no \`${name}\``);
  return decl;
}

/** lib/std/array.ts's function `name`, if it has one (lower/closures.ts: which callbacks escape). */
export function stdArrayFunction(name: string): ts.FunctionDeclaration | undefined {
  if (!METHODS.has(name) && name !== "reduceFirst") return undefined;
  const sf = program?.getSourceFile(STD_ARRAY);
  return sf?.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
}

/** A call of lib/std/array.ts's `name` with these type arguments and already lowered arguments. */
export function stdCall(l: Lowerer, name: string, typeArgs: Type[], args: Expr[], node: ts.Node): Expr {
  const f = functionOf(l, stdFunction(l, name, node), typeArgs);
  return { e: "call", type: f.ret, fn: f.cname, args };
}

/** `xs.name(args)` for a method of lib/std/array.ts, or undefined for any other name. */
export function arrayLibraryCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  if (recv.type.k !== "array" || !METHODS.has(name)) return undefined;
  const elem = recv.type.elem;
  const args = call.arguments;
  if (args.some((a) => ts.isSpreadElement(a))) return undefined;
  if (name === "join" && elem.k !== "str" && elem.k !== "int" && elem.k !== "bool")
    l.fail("TSOS1018", call.expression, name, typeName(recv.type));
  const fnName = name === "reduce" && args.length < 2 ? "reduceFirst" : name;
  const sig = l.checker.getResolvedSignature(call);
  const own = (sig ? l.checker.getTypeArgumentsForResolvedSignature(sig) : undefined) ?? [];
  const typeArgs: Type[] = [elem, ...own.map((t) => irType(l, t, call))];
  const f = functionOf(l, stdFunction(l, fnName, call), typeArgs);
  const params = f.params.slice(1);
  const lowered: Expr[] = params.map((p, i) => {
    const a = args[i];
    if (a) return coerce(l, lowerExpr(l, a, p.type), p.type, a);
    if (name === "join") return { e: "str", type: T.str, value: "," };
    if (name === "slice") return { e: "int", type: T.number, value: i === 0 ? 0n : (1n << 53n) - 1n };
    l.fail("TSOS9001", call, `missing argument to \`${name}\``);
  });
  return { e: "call", type: f.ret, fn: f.cname, args: [recv, ...lowered] };
}
