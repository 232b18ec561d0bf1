/**
 * lower/calls.ts: calls, `new`, member access and the built-in library.
 *
 * Input:  call, new, property-access and element-access expressions.
 * Output: IR calls to monomorphized functions and methods, and IR nodes for
 *         the built-ins declared in lib/tsos.d.ts (conversions, Math,
 *         process, array and string members).
 * Invariants: type arguments of generic calls come from the checker's
 *             resolved signature, substituted through the current generic
 *             environment; every argument is coerced to its parameter type.
 */
import ts from "typescript";
import type { Expr, IntKind, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { INT_KINDS, fits, isInt, unify } from "../ints.ts";
import type { Lowerer } from "./context.ts";
import { classInstance, constructorOf, fieldName, isStatic, methodOf, staticField } from "./classes.ts";
import { coerce, floorDiv, intLiteral, literalValue, lowerExpr } from "./expr.ts";
import { functionOf, instantiateFunction } from "./functions.ts";
import { arrayType, irType, mangle, typeName, typeOfNode } from "./types.ts";

const K = ts.SyntaxKind;

/** The value of a `const NAME = <integer literal>` without annotation: an untyped constant. */
export function untypedConst(l: Lowerer, id: ts.Identifier): bigint | undefined {
  const decl = l.symbolOf(id)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.type || !decl.initializer) return undefined;
  if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return undefined;
  if (decl.initializer === id) return undefined;
  return literalValue(l, decl.initializer);
}

function resolvedTypeArgs(l: Lowerer, call: ts.CallExpression | ts.NewExpression): Type[] {
  const sig = l.checker.getResolvedSignature(call);
  const args = sig ? l.checker.getTypeArgumentsForResolvedSignature(sig) : undefined;
  return (args ?? []).map((t) => irType(l, t, call));
}

function lowerArgs(l: Lowerer, args: readonly ts.Expression[], params: Type[]): Expr[] {
  return args.map((a, i) => coerce(l, lowerExpr(l, a, params[i]), params[i]!, a));
}

function libMember(l: Lowerer, obj: ts.Expression): string | undefined {
  if (!ts.isIdentifier(obj)) return undefined;
  const decl = l.symbolOf(obj)?.valueDeclaration;
  return decl && l.isLibDecl(decl) ? obj.text : undefined;
}

export function lowerCall(l: Lowerer, call: ts.CallExpression, want?: Type): Expr {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const decl = l.symbolOf(callee)?.valueDeclaration;
    if (decl && l.isLibDecl(decl)) return builtinCall(l, callee.text, call, want);
    if (decl && ts.isFunctionDeclaration(decl)) {
      const f = functionOf(l, decl, resolvedTypeArgs(l, call));
      return { e: "call", type: f.ret, fn: f.cname, args: lowerArgs(l, call.arguments, f.params.map((p) => p.type)) };
    }
    l.fail("TSOS1015", callee, "calling a value", "call a declared function or method");
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const lib = libMember(l, callee.expression);
    if (lib) return builtinCall(l, `${lib}.${callee.name.text}`, call, want);
    const mdecl = l.symbolOf(callee.name)?.valueDeclaration;
    if (mdecl && ts.isMethodDeclaration(mdecl) && !l.isLibDecl(mdecl)) {
      const typeArgs = resolvedTypeArgs(l, call);
      if (isStatic(mdecl)) {
        const f = staticMethod(l, mdecl, typeArgs);
        return { e: "call", type: f.ret, fn: f.cname, args: lowerArgs(l, call.arguments, f.params.map((p) => p.type)) };
      }
      const recv = lowerExpr(l, callee.expression);
      if (recv.type.k !== "class") l.fail("TSOS9001", callee, "method call on a non-class value");
      const m = methodOf(l, recv.type.cls, mdecl, typeArgs);
      return { e: "call", type: m.ret, fn: m.cname, args: [recv, ...lowerArgs(l, call.arguments, m.params)] };
    }
    const recv = lowerExpr(l, callee.expression);
    const name = callee.name.text;
    if (recv.type.k === "array" && (name === "push" || name === "fill")) {
      const arg = coerce(l, lowerExpr(l, call.arguments[0]!, recv.type.elem), recv.type.elem, call.arguments[0]!);
      return { e: "arraymethod", type: name === "push" ? T.number : recv.type, method: name, arr: recv, args: [arg] };
    }
    if (recv.type.k === "str" && name === "charCodeAt") {
      const idx = lowerExpr(l, call.arguments[0]!);
      return { e: "strindex", type: T.number, s: recv, idx, loc: l.loc(call), code: true };
    }
    l.fail("TSOS1018", callee.name, name, typeName(recv.type));
  }
  l.fail("TSOS1015", callee, "calling this expression", "call a declared function or method");
}

function staticMethod(l: Lowerer, decl: ts.MethodDeclaration, typeArgs: Type[]) {
  const env = new Map<ts.Symbol, Type>();
  decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const cls = (decl.parent as ts.ClassDeclaration).name!.text;
  const suffix = typeArgs.length ? `_${typeArgs.map(mangle).join("_")}` : "";
  return instantiateFunction(l, decl, env, typeArgs, { cname: `${cls}__${(decl.name as ts.Identifier).text}${suffix}`, isCtor: false });
}

function arg(call: ts.CallExpression, i: number): ts.Expression {
  return call.arguments[i]!;
}

function builtinCall(l: Lowerer, name: string, call: ts.CallExpression, want?: Type): Expr {
  if ((INT_KINDS as string[]).includes(name) && name !== "number") return conversion(l, name as IntKind, call);
  switch (name) {
    case "Number": {
      const x = lowerExpr(l, arg(call, 0));
      if (!isInt(x.type)) l.fail("TSOS2008", arg(call, 0), "Number()", typeName(x.type));
      return { e: "convert", type: T.number, x, checked: true, loc: l.loc(call) };
    }
    case "Math.floor":
    case "Math.trunc":
      return floorDiv(l, call, arg(call, 0), name === "Math.floor", want);
    case "Math.abs": {
      const x = lowerExpr(l, arg(call, 0), want);
      if (!isInt(x.type)) l.fail("TSOS2008", arg(call, 0), "Math.abs", typeName(x.type));
      return { e: "abs", type: x.type, x, loc: l.loc(call) };
    }
    case "Math.min":
    case "Math.max": {
      const a = lowerExpr(l, arg(call, 0), want);
      const b = lowerExpr(l, arg(call, 1), isInt(a.type) ? a.type : want);
      if (!isInt(a.type) || !isInt(b.type)) l.fail("TSOS2008", call, name, typeName(isInt(a.type) ? b.type : a.type));
      const kind = unify(a.type.kind, b.type.kind);
      if (!kind) l.fail("TSOS2002", call, a.type.kind, b.type.kind, name);
      const t = T.int(kind);
      return { e: "minmax", type: t, op: name === "Math.min" ? "min" : "max", a: coerce(l, a, t, arg(call, 0)), b: coerce(l, b, t, arg(call, 1)) };
    }
    case "process.exit":
      return { e: "exit", type: T.never, code: coerce(l, lowerExpr(l, arg(call, 0), T.int("i32")), T.int("i32"), arg(call, 0)) };
    case "console.log":
    case "console.error":
      l.fail("TSOS1015", call, `\`${name}\` inside an expression`, "call it as a statement of its own");
  }
  l.fail("TSOS1020", call.expression, name);
}

function conversion(l: Lowerer, kind: IntKind, call: ts.CallExpression): Expr {
  const a = arg(call, 0);
  const lit = literalValue(l, a);
  if (lit !== undefined) {
    const from: IntKind = fits(lit, kind) ? kind : fits(lit, "number") ? "number" : fits(lit, "u64") ? "u64" : "i64";
    const x = intLiteral(l, lit, from, a);
    return from === kind ? x : { e: "convert", type: T.int(kind), x, checked: false, loc: l.loc(call) };
  }
  const x = lowerExpr(l, a);
  if (!isInt(x.type)) l.fail("TSOS2008", a, `${kind}()`, typeName(x.type));
  return { e: "convert", type: T.int(kind), x, checked: false, loc: l.loc(call) };
}

export function lowerNew(l: Lowerer, n: ts.NewExpression, _want?: Type): Expr {
  const decl = l.symbolOf(n.expression)?.valueDeclaration;
  const args = n.arguments ?? [];
  if (ts.isIdentifier(n.expression) && n.expression.text === "Array" && decl && l.isLibDecl(decl)) {
    const t = typeOfNode(l, n);
    if (t.k !== "array") l.fail("TSOS9001", n, "new Array without an array type");
    const filled = ts.isPropertyAccessExpression(n.parent) && n.parent.name.text === "fill" && ts.isCallExpression(n.parent.parent);
    if ((t.elem.k === "class" || t.elem.k === "array") && !filled && literalValue(l, args[0]!) !== 0n)
      l.fail("TSOS1015", n, `\`new Array<${typeName(t.elem)}>(n)\``, "it would hold n missing objects; start from [] and push");
    const len = lowerExpr(l, args[0]!, T.number);
    if (!isInt(len.type)) l.fail("TSOS2008", args[0]!, "new Array", typeName(len.type));
    return { e: "newarray", type: arrayType(l, t.elem), len, loc: l.loc(n) };
  }
  if (ts.isIdentifier(n.expression) && n.expression.text === "Error")
    l.fail("TSOS1015", n, "an `Error` value", "errors can only be thrown: `throw new Error(\"message\")`");
  const t = typeOfNode(l, n);
  if (t.k !== "class") l.fail("TSOS1015", n, `\`new\` of \`${n.expression.getText()}\``, "construct a class declared in the program");
  void classInstance;
  const ctor = constructorOf(l, t.cls, n);
  return { e: "new", type: t, cls: t.cls, ctor: ctor.cname, args: lowerArgs(l, args, ctor.params) };
}

export function lowerPropertyAccess(l: Lowerer, p: ts.PropertyAccessExpression): Expr {
  const name = p.name.text;
  const lib = libMember(l, p.expression);
  if (lib === "Number" && (name === "MAX_SAFE_INTEGER" || name === "MIN_SAFE_INTEGER"))
    return { e: "int", type: T.number, value: name === "MAX_SAFE_INTEGER" ? (1n << 53n) - 1n : -((1n << 53n) - 1n) };
  if (lib === "process" && name === "argv") return { e: "argv", type: arrayType(l, T.str) };
  if (lib) l.fail("TSOS1020", p, `${lib}.${name}`);
  const sym = l.symbolOf(p.name);
  const decl = sym?.valueDeclaration;
  if (decl && ts.isEnumMember(decl)) {
    const v = l.checker.getConstantValue(decl);
    if (typeof v !== "number") l.fail("TSOS1015", p, "a string enum", "use a numeric enum");
    return { e: "int", type: T.number, value: BigInt(v) };
  }
  if (decl && ts.isPropertyDeclaration(decl) && isStatic(decl)) {
    const g = staticField(l, decl);
    return { e: "global", type: g.type, name: g.cname };
  }
  if (decl && ts.isMethodDeclaration(decl)) l.fail("TSOS1015", p, "a method used as a value", "call the method directly");
  const obj = lowerExpr(l, p.expression);
  if (obj.type.k === "array" && name === "length") return { e: "arraymethod", type: T.number, method: "length", arr: obj, args: [] };
  if (obj.type.k === "str" && name === "length") return { e: "strlen", type: T.number, s: obj };
  if (obj.type.k === "class") {
    const field = obj.type.cls.fields.find((f) => f.name === fieldName(p.name));
    if (field) return { e: "field", type: field.type, obj, name: field.name };
  }
  l.fail("TSOS1018", p.name, name, typeName(obj.type));
}

export function lowerElementAccess(l: Lowerer, x: ts.ElementAccessExpression): Expr {
  const obj = lowerExpr(l, x.expression);
  if (obj.type.k === "array") {
    const idx = lowerExpr(l, x.argumentExpression);
    if (!isInt(idx.type)) l.fail("TSOS2008", x.argumentExpression, "[]", typeName(idx.type));
    return { e: "index", type: obj.type.elem, arr: obj, idx, loc: l.loc(x) };
  }
  if (obj.type.k === "str") {
    const idx = lowerExpr(l, x.argumentExpression);
    if (!isInt(idx.type)) l.fail("TSOS2008", x.argumentExpression, "[]", typeName(idx.type));
    return { e: "strindex", type: T.str, s: obj, idx, loc: l.loc(x), code: false };
  }
  l.fail("TSOS1003", x);
}

void K;
