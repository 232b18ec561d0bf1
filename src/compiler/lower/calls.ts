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
import { collectionIterableCall, symbolIteratorCall } from "./iterables.ts";
import { genMethodCall } from "./generators.ts";
import { objectAssign } from "./object-assign.ts";
import { builtinClassDecl } from "./exceptions.ts";
import { jsonCall, jsonIntrinsic } from "./json.ts";
import { isNestedFunction } from "./closures.ts";
import { isCapturingNested, nestedFunctionInstance } from "./nested-functions.ts";
import ts from "typescript";
import { unionMemberCall, unionMemberGet } from "./union-members.ts";
import { structuredCloneCall } from "./structured-clone.ts";
import { bigintCall, bigintToNumber, isBigType } from "./bigint.ts";
import { valueOfPart } from "./value-of.ts";
import { keyedRead } from "./keyed.ts";
import type { Expr, IntKind, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { INT_KINDS, fits, isInt, unify } from "../ints.ts";
import { Bail, type Lowerer } from "./context.ts";
import { classInstance, constructorOf, fieldName, isStatic, lookupField, lowerSuperCall, staticField, upcast, isSubclass } from "./classes.ts";
import { abstractPropertyRead, inChain, markConstructed, resolveMember } from "./dispatch.ts";
import { instantiatedFunctionValue, lowerBind, methodValue } from "./lambdas.ts";
import { classMember, lowerClassCallByName, lowerClassGetByName, lowerViewCall, lowerViewGet, objectToString } from "./views.ts";
import { missingMethodCall } from "./guarded-calls.ts";
import { coerce, floorDiv, intLiteral, literalValue, lowerExpr, templateParts, stringPart, truthValue } from "./expr.ts";
import { functionOf, instantiateFunction } from "./functions.ts";
import { arrayType, irType, isEmptyObjectType, mangle, neverAsConstraint, nullableType, typeFromTypeNode, typeName, typeOfNode, sameType } from "./types.ts";
import { layoutOf } from "./layout.ts";
import { isDouble, numberBuiltin, numberConstant, numberFormatNew, numberMethod, toInteger } from "./number.ts";
import { callTakingNever } from "./never.ts";
import { missingArgs, narrowRead, printable, unwrap } from "./nullable.ts";
import { givenArguments, undefinedForDefault, withDefaults, withUndefinedDefault } from "./defaults.ts";
import { valueArgs } from "./fn-params.ts";
import { withKeyArgs } from "./key-params.ts";
import { oneKeyPerCopy } from "./key-distribution.ts";
import { newThroughValue } from "./ctor-values.ts";
import { comparedElement, elementOrUndefined, isProbe, isStrictlyCompared, isSearchedFor, probedType, rightOperandTakesAbsent, takesAbsent } from "./probes.ts";
import { arrayConstructorCall, arrayLibraryCall, spreadMinMax } from "./array-methods.ts";
import { mathCall, mathComputedMember, mathIntrinsic } from "./math.ts";
import { uriCall } from "./uri.ts";
import { tupleAsUnionArray, unionConvert, unionIn } from "./unions.ts";
import { lowerPrint } from "./stmt.ts";
import { printExpression } from "./console-format.ts";
import { numberToPrecision, stringBuiltin, stringIntrinsic, stringMethodCall, stringIndexOrUndefined, stringToNumber, truthiness } from "./string-methods.ts";
import { typedArrayCall, typedArrayIntrinsic, typedArrayNew, typedArrayStaticCall, typedArrayStaticProperty, typedElementRead } from "./typed-arrays.ts";
import { collectionArrayFrom, collectionCall, collectionIntrinsic, collectionNew, inheritedCollectionNew, iteratorResultAccess } from "./collections.ts";
import { isOpenRecord, objectCall, recordField, recordHasOwn, recordRead } from "./records.ts";
import { isTuple, refuseOptionalTuple, restArgs } from "./destructure.ts";
import { tupleAsArray, tupleIndex } from "./tuples.ts";
import { hasEffects } from "../eval-order.ts";
import { capturingGenericFunction, genericConstInstance, genericFunctionConst, namespaceCallee, typeParameterEnv } from "./generic-consts.ts";
import { objectIs } from "./object-is.ts";
import { enumMemberValue, enumOf, enumReverseLookup } from "./enums.ts";
import { matchArrayProperty, regexpNew } from "./regexp.ts";
import { allocatorCall } from "./global-allocator.ts";
import { heapIntrinsicCall } from "./heap-intrinsics.ts";
import { implementationOf } from "./overloads.ts";
import { staticMemberFor, staticReceiver } from "./static-this.ts";
import { usesThis } from "./method-values.ts";
import { freezeValue, isFrozenValue } from "./frozen.ts";

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
  const params = sig?.getDeclaration()?.typeParameters;
  // `copy({})` with `copy<T extends Record<string, unknown>>`: tsc infers T as `{}`, which has no type of its own;
  // the instance is the constraint's record, which the `{}` is built as.
  const recordConstraint = (i: number): ts.Type | undefined => {
    const c = params?.[i]?.constraint;
    const t = c && l.checker.getTypeFromTypeNode(c);
    return t && isOpenRecord(l, t) ? t : undefined;
  };
  // `merge([])` with `merge<T extends Interval>(items: readonly T[])`: T inferred as `never` is the constraint (types.ts).
  const neverConstraint = (t: ts.Type, i: number): ts.Type | undefined => (call.typeArguments ? undefined : neverAsConstraint(l, t, params?.[i]));
  const ir = (args ?? []).map((t, i) => irType(l, (isEmptyObjectType(t) && recordConstraint(i)) || neverConstraint(t, i) || t, call.typeArguments?.[i] ?? call));
  // `K extends keyof T`: one instance per key (lower/key-params.ts); not for classes, whose type is named elsewhere.
  return sig && args && ts.isCallExpression(call) ? oneKeyPerCopy(l, sig, call, withKeyArgs(l, sig, args, ir)) : ir;
}

/** The location an @trackCaller callee reports: this call, or our own caller's if we track ours. */
function callerLoc(l: Lowerer, call: ts.Node): Expr {
  return { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(call) };
}

/** A call of a generic `const` function or namespace member, instantiated for the call's type arguments (lower/generic-consts.ts). */
function genericConstCall(l: Lowerer, owner: ts.VariableDeclaration, fn: Parameters<typeof genericConstInstance>[2], call: ts.CallExpression, member?: string): Expr {
  const full = genericConstInstance(l, owner, fn, resolvedTypeArgs(l, call), member);
  // Missing arguments with defaults, or `undefined` passed to one, as for a function declaration (lower/defaults.ts).
  let f = withDefaults(l, full.cname, givenArguments(l, call.arguments), false)?.func ?? full;
  let params = f.params.filter((p) => p.type.k !== "loc").map((p) => p.type);
  const u = undefinedForDefault(l, fn, call.arguments, params);
  const w = withUndefinedDefault(l, f.cname, u, false, (t) => nullableType(l, t, false, true));
  if (w) [f, params] = [w.func, w.params];
  return { e: "call", type: f.ret, fn: f.cname, args: argsFor(l, fn, call.arguments, params) };
}

/**
 * `fn.call(thisArg, ...args)` where `thisArg` is the object `fn` was read from (`const fn = plugin[hook];
 * fn.call(plugin, ctx)`, `o.m.call(o, x)`): `fn(...args)`, as a method read from an object is bound to it
 * here and an arrow has no `this` of its own. Undefined for any other `thisArg` (a method would see it).
 */
function functionCallWithThis(l: Lowerer, f: Expr, calleeNode: ts.Expression, call: ts.CallExpression): Expr | undefined {
  const [thisArg, ...rest] = call.arguments;
  if (!thisArg || ts.isSpreadElement(thisArg) || rest.some(ts.isSpreadElement) || f.type.k !== "fn") return undefined;
  const text = (e: ts.Expression): string => e.getText().replace(/\s+/g, "");
  let source: ts.Expression | undefined;
  let c: ts.Expression = calleeNode;
  while (ts.isParenthesizedExpression(c) || ts.isNonNullExpression(c)) c = c.expression;
  if (ts.isPropertyAccessExpression(c) || ts.isElementAccessExpression(c)) source = c.expression;
  else if (ts.isIdentifier(c)) {
    const d = l.checker.getSymbolAtLocation(c)?.valueDeclaration;
    let init = d && ts.isVariableDeclaration(d) && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const ? d.initializer : undefined;
    while (init && (ts.isParenthesizedExpression(init) || ts.isNonNullExpression(init))) init = init.expression;
    if (init && (ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init))) source = init.expression;
  }
  if (!(source && text(source) === text(thisArg) && (ts.isIdentifier(thisArg) || thisArg.kind === ts.SyntaxKind.ThisKeyword))) return undefined;
  const args = lowerArgs(l, rest, f.type.params);
  return { e: "callptr", type: f.type.ret, callee: f, args };
}

/** Whether a call with these arguments (no spread) leaves out only parameters with defaults or optional ones, and at least one default. */
export function leavesOutDefaults(decl: ts.SignatureDeclaration, args: readonly ts.Expression[]): boolean {
  const given = args.length;
  if (decl.parameters.some((p) => p.dotDotDotToken) || args.some(ts.isSpreadElement)) return false;
  const rest = decl.parameters.slice(given);
  return rest.every((p) => p.initializer || p.questionToken) && rest.some((p) => p.initializer);
}

/** Arguments for a declared callee: a rest parameter packs the trailing (and spread) arguments into an array. */
function argsFor(l: Lowerer, decl: ts.SignatureDeclaration, args: readonly ts.Expression[], params: Type[]): Expr[] {
  return restArgs(l, decl, args, params, (a, p) => lowerArgs(l, a, p)) ?? lowerArgs(l, args, params);
}

export function lowerArgs(l: Lowerer, args: readonly ts.Expression[], params: Type[]): Expr[] {
  const given = args.map((a, i) => {
    const p = params[i]!;
    if (p.k === "str" && p.borrowed && ts.isTemplateExpression(a)) return stackFormat(l, a);
    return coerce(l, lowerExpr(l, a, p), p, a);
  });
  return [...given, ...missingArgs(params, args.length)];
}

/** A template literal formatted into a buffer on the caller's stack, for a Text parameter. */
export function stackFormat(l: Lowerer, a: ts.TemplateExpression): Expr {
  const parts = templateParts(l, a).map((p) => (p.e === "tostr" ? { ...p, onStack: true } : p));
  for (const p of parts) if (p.type.k !== "str" && p.type.k !== "bool" && p.type.k !== "int") l.fail("TSOS1031", a, "a part of a template literal", typeName(p.type));
  return { e: "stackfmt", type: { k: "str", borrowed: true }, parts };
}

const KERNEL_INTRINSICS = new Set([
  "inb", "inw", "inl", "outb", "outw", "outl", "hlt", "cli", "sti", "spinLoopHint", "interruptsEnabled",
  "multibootMagic", "multibootInfoAddress", "stackGuardAddress", "stackBottomAddress", "stackTopAddress",
  "kernelStartAddress", "kernelEndAddress", "lidt", "lgdt", "ltr", "setCs", "setDataSegments", "readCs",
  "int3", "ud2", "hardwareDivide", "readCr2", "readCr3", "readRsp", "enableInterruptsAndHalt", "readTsc",
  // paging (kernel/arch/x86_64/paging*.ts)
  "writeCr3", "readCr0", "writeCr0", "readMsr", "writeMsr", "invlpg", "cpuidEdx", "callAddress",
  "rodataStartAddress", "dataStartAddress",
  "iretHandlerAddress",
]);

const PORT_SUFFIX: Partial<Record<string, string>> = { u8: "b", u16: "w", u32: "l" };

/** portRead<T>/portWrite<T>: the IN/OUT instruction of T's width, picked per instantiation. */
function portAccess(l: Lowerer, name: "portRead" | "portWrite", call: ts.CallExpression): Expr {
  const [t] = resolvedTypeArgs(l, call);
  const suffix = t?.k === "int" ? PORT_SUFFIX[t.kind] : undefined;
  if (!t || !suffix) l.fail("TSOS1031", call.typeArguments?.[0] ?? call, `the type argument of \`${name}\``, t ? typeName(t) : "?");
  const port = T.int("u16");
  if (name === "portRead") return { e: "intrinsic", type: t, name: `in${suffix}`, args: lowerArgs(l, call.arguments, [port]) };
  return { e: "intrinsic", type: T.void, name: `out${suffix}`, args: lowerArgs(l, call.arguments, [port, t]) };
}

function intrinsic(l: Lowerer, name: string, call: ts.CallExpression): Expr {
  const decl = l.symbolOf(call.expression)!.valueDeclaration as ts.FunctionDeclaration;
  const params = decl.parameters.map((p) => typeFromTypeNode(l, p.type!));
  const ret = typeFromTypeNode(l, decl.type!);
  return { e: "intrinsic", type: ret, name, args: lowerArgs(l, call.arguments, params) };
}

/**
 * `f()` where `f` is one of several function types with the same parameters
 * (`for (const f of [() => a.add(b), () => a.det()])`): the member the union
 * holds is called, and its result converted to the type tsc gives the call.
 * The callee is evaluated first, then the arguments, once (one arm runs).
 */
function callUnionOfFunctions(l: Lowerer, f: Expr, call: ts.CallExpression): Expr | undefined {
  const u = f.type.k === "union" ? f.type : undefined;
  const first = u?.members[0];
  if (!u || first?.k !== "fn") return undefined;
  const params = first.params;
  const sameParams = (m: Type): boolean => m.k === "fn" && m.params.length === params.length && m.params.every((p, i) => sameType(p, params[i]!));
  if (!u.members.every(sameParams)) return undefined;
  const result = typeOfNode(l, call);
  const callee: Expr = { e: "local", type: u, name: l.temp() };
  const args = valueArgs(l, call, params).map((a): [string, Expr] => [l.temp(), a]);
  const locals = args.map(([name, a]): Expr => ({ e: "local", type: a.type, name }));
  let body = unionConvert(l, callee, result, (m) => {
    const fn = m.type as Extract<Type, { k: "fn" }>;
    return coerce(l, { e: "callptr", type: fn.ret, callee: m, args: locals }, result, call);
  });
  if (!body) return undefined;
  for (const [name, a] of args.reverse()) body = { e: "bind", type: result, name, value: a, body };
  return { e: "bind", type: result, name: (callee as { name: string }).name, value: f, body };
}

/** Library namespaces whose members the compiler implements: `Math.min`, `process.argv`, `Ptr.at`. */
const LIB_NAMESPACES = new Set(["console", "process", "Math", "Number", "Ptr", "String", "Array", "JSON", "BigInt"]);

function libMember(l: Lowerer, obj: ts.Expression): string | undefined {
  if (!ts.isIdentifier(obj) || !LIB_NAMESPACES.has(obj.text)) return undefined;
  const decl = l.symbolOf(obj)?.valueDeclaration;
  return decl && l.isLibDecl(decl) ? obj.text : undefined;
}

export function lowerCall(l: Lowerer, call: ts.CallExpression, want?: Type): Expr {
  const callee = namespaceMember(l, call.expression) ?? call.expression;
  if (callee.kind === K.SuperKeyword) return lowerSuperCall(l, call);
  const iter = symbolIteratorCall(l, call) ?? genMethodCall(l, call) ?? collectionIterableCall(l, call, want); // lower/iterables.ts, generators.ts
  if (iter) return iter;
  if (ts.isIdentifier(callee)) {
    const decl = l.symbolOf(callee)?.valueDeclaration;
    if (decl && l.isLibDecl(decl) && (callee.text === "portRead" || callee.text === "portWrite")) {
      if (l.target !== "kernel") l.fail("TSOS3003", callee, callee.text);
      return portAccess(l, callee.text, call);
    }
    if (decl && l.isLibDecl(decl) && KERNEL_INTRINSICS.has(callee.text)) {
      if (l.target !== "kernel") l.fail("TSOS3003", callee, callee.text);
      return intrinsic(l, callee.text, call);
    }
    // `Array(n)` is `new Array(n)`, as in JavaScript.
    if (decl && l.isLibDecl(decl) && callee.text === "Array" && call.arguments.length === 1) return lowerNew(l, call as unknown as ts.NewExpression, want);
    const strIntrinsic = decl && l.isLibDecl(decl) ? stringIntrinsic(l, decl, call) ?? mathIntrinsic(l, decl, call) : undefined;
    if (strIntrinsic) return strIntrinsic;
    if (decl && l.isLibDecl(decl)) return builtinCall(l, callee.text, call, want);
    const intrinsicCall = decl && (collectionIntrinsic(l, decl, call) ?? jsonIntrinsic(l, decl, call) ?? typedArrayIntrinsic(l, decl, call));
    if (intrinsicCall) return intrinsicCall;
    const genericConst = decl && genericFunctionConst(l, decl);
    if (genericConst) return genericConstCall(l, decl as ts.VariableDeclaration, genericConst, call);
    const capturing = decl && (ts.isVariableDeclaration(decl) || isCapturingNested(l, decl)) ? capturingGenericFunction(l, decl) : undefined;
    if (capturing) {
      const f = instantiatedFunctionValue(l, capturing, typeParameterEnv(l, capturing, resolvedTypeArgs(l, call)));
      if (f.type.k !== "fn") l.fail("TSOS9001", callee, "a generic arrow that is not a function");
      return { e: "callptr", type: f.type.ret, callee: f, args: valueArgs(l, call, f.type.params) };
    }
    // A generic nested function that captures variables was refused where its block starts.
    if (decl && ts.isFunctionDeclaration(decl) && decl.typeParameters?.length && isCapturingNested(l, decl)) throw new Bail();
    if (decl && ts.isFunctionDeclaration(decl) && !isCapturingNested(l, decl)) {
      const impossible = callTakingNever(l, decl, call);
      if (impossible) return impossible;
      const full = isNestedFunction(decl) ? nestedFunctionInstance(l, decl, resolvedTypeArgs(l, call)) : functionOf(l, decl, resolvedTypeArgs(l, call));
      let f = withDefaults(l, full.cname, givenArguments(l, call.arguments), false)?.func ?? full;
      let params = f.params.filter((p) => p.type.k !== "loc").map((p) => p.type);
      const u = undefinedForDefault(l, decl, call.arguments, params);
      const w = withUndefinedDefault(l, f.cname, u, false, (t) => nullableType(l, t, false, true));
      if (w) [f, params] = [w.func, w.params];
      const args = argsFor(l, decl, call.arguments, params);
      if (f.trackCaller) args.push(callerLoc(l, call));
      return { e: "call", type: f.ret, fn: f.cname, args };
    }
    // A parameter or variable holding a module-level function.
    const f = callableValue(l, callee);
    const either = callUnionOfFunctions(l, f, call);
    if (either) return either;
    if (f.type.k !== "fn") l.fail("TSOS1015", callee, "calling a value", "call a declared function or method");
    return { e: "callptr", type: f.type.ret, callee: f, args: valueArgs(l, call, f.type.params) };
  }
  if (ts.isPropertyAccessExpression(callee)) {
    // `tools.last(xs)`: a generic member of a const object literal used as a namespace (lower/generic-consts.ts).
    const ns = namespaceCallee(l, callee);
    if (ns) return genericConstCall(l, ns.owner, ns.fn, call, callee.name.text);
    const hasOwn = recordHasOwn(l, call);
    if (hasOwn) return hasOwn;
    const bound = lowerBind(l, call, (recv, decl) => resolveMember(l, (recv.type as Extract<Type, { k: "class" }>).cls, decl, [], false));
    if (bound) return bound;
    const typedStatic = typedArrayStaticCall(l, callee, call); // lower/typed-arrays.ts
    if (typedStatic) return typedStatic;
    const lib = libMember(l, callee.expression);
    if (lib) return builtinCall(l, `${lib}.${callee.name.text}`, call, want);
    if (isLibStatic(l, callee, "Array") && callee.name.text === "from") {
      const from = collectionArrayFrom(l, call, want);
      if (from) return from;
    }
    if (isLibStatic(l, callee, "Object")) {
      if (callee.name.text === "is") return objectIs(l, call); // lower/object-is.ts
      // `Object.freeze(o)`: o marked frozen (lower/frozen.ts), which tsc types readonly from here on.
      if (callee.name.text === "freeze" && call.arguments.length === 1) return freezeValue(l, lowerExpr(l, call.arguments[0]!, want));
      if (callee.name.text === "isFrozen" && call.arguments.length === 1) return isFrozenValue(l, lowerExpr(l, call.arguments[0]!), call);
      const obj = callee.name.text === "assign" ? objectAssign(l, call) : objectCall(l, callee.name.text, call);
      if (obj) return obj;
    }
    const mdecl = l.symbolOf(callee.name)?.valueDeclaration;
    // An optional method of an interface (`onStart?(): void`) is a property that may hold a function (lower/views.ts).
    const optionalMethod = !!mdecl && ts.isMethodSignature(mdecl) && !!mdecl.questionToken;
    if (mdecl && (ts.isPropertyDeclaration(mdecl) || ts.isParameter(mdecl) || ts.isPropertySignature(mdecl) || ts.isGetAccessorDeclaration(mdecl) || optionalMethod)) {
      // A field (or a getter's result) holding a function value: call through the pointer.
      const f = callableValue(l, callee);
      const either = callUnionOfFunctions(l, f, call); // a member typed as one of several function types
      if (either) return either;
      if (f.type.k !== "fn") l.fail("TSOS1015", callee, "calling this value", "call a declared function or method");
      return { e: "callptr", type: f.type.ret, callee: f, args: valueArgs(l, call, f.type.params) };
    }
    // `Date.now()`: a static method of a global class that lib/std builds (lower/exceptions.ts builtinClassDecl).
    const builtinStatic = mdecl && ts.isMethodDeclaration(mdecl) && l.isLibDecl(mdecl) && isStatic(mdecl) && ts.isClassDeclaration(mdecl.parent) ? builtinClassDecl(l, mdecl.parent) : undefined;
    const stdStatic = builtinStatic?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && isStatic(m) && m.name.getText() === callee.name.text);
    if (stdStatic) {
      const full = staticMethod(l, stdStatic, resolvedTypeArgs(l, call));
      const f = withDefaults(l, full.cname, givenArguments(l, call.arguments), false)?.func ?? full;
      return { e: "call", type: f.ret, fn: f.cname, args: argsFor(l, stdStatic, call.arguments, f.params.map((p) => p.type)) };
    }
    if (mdecl && ts.isMethodDeclaration(mdecl) && !l.isLibDecl(mdecl)) {
      const impossible = callTakingNever(l, mdecl, call);
      if (impossible) return impossible;
      const typeArgs = resolvedTypeArgs(l, call);
      if (isStatic(mdecl)) {
        // `User.create()` / `this.create()`: the method reached from the class named, compiled for it (lower/static-this.ts).
        const receiver = callee.expression.kind === K.SuperKeyword ? l.scope.staticThis : staticReceiver(l, callee.expression);
        const reached = callee.expression.kind === K.SuperKeyword ? mdecl : staticMemberFor(l, mdecl, receiver, callee);
        const full = staticMethod(l, reached, typeArgs, receiver);
        const f = withDefaults(l, full.cname, givenArguments(l, call.arguments), false)?.func ?? full;
        return { e: "call", type: f.ret, fn: f.cname, args: argsFor(l, mdecl, call.arguments, f.params.map((p) => p.type)) };
      }
      const recv = lowerExpr(l, callee.expression);
      if (recv.type.k === "view") return lowerViewCall(l, recv, callee.name.text, call);
      if (recv.type.k === "class" && !inChain(l, recv.type.cls, mdecl.parent)) return lowerClassCallByName(l, recv, callee.name.text, call);
      if (recv.type.k !== "class") l.fail("TSOS9001", callee, "method call on a non-class value");
      let r = resolveMember(l, recv.type.cls, mdecl, typeArgs, callee.expression.kind === K.SuperKeyword);
      const d = withDefaults(l, r.fn, givenArguments(l, call.arguments), true);
      // An overridden method called without its defaulted parameters: a dispatcher of the arguments given, which
      // runs the defaults of the override it calls (lower/dispatch.ts).
      if (!d && call.arguments.length < r.params.length && leavesOutDefaults(mdecl, call.arguments))
        r = resolveMember(l, recv.type.cls, mdecl, typeArgs, false, call.arguments.length);
      let m = d ? { fn: d.cname, params: d.params } : r;
      const u = undefinedForDefault(l, mdecl, call.arguments, m.params);
      const w = withUndefinedDefault(l, m.fn, u, true, (t) => nullableType(l, t, false, true));
      if (w) m = { fn: w.cname, params: w.params };
      const args = argsFor(l, mdecl, call.arguments, m.params);
      if (args.length < m.params.length) l.fail("TSOS1058", call, callee.name.text);
      const result: Expr = { e: "call", type: r.ret, fn: m.fn, args: [coerce(l, recv, r.self, callee.expression), ...args] };
      return returnsThis(mdecl) ? asReceiverClass(result, recv.type) : result;
    }
    const recv = lowerExpr(l, callee.expression);
    const name = callee.name.text;
    const collection = collectionCall(l, recv, name, call) ?? typedArrayCall(l, recv, name, call);
    if (collection) return collection;
    if (recv.type.k === "view") return lowerViewCall(l, recv, name, call);
    // `rules.pl(n)` on a record of functions: the entry's function, called as `rules["pl"](n)` is.
    const entry = OBJECT_PROTOTYPE_METHODS.has(name) ? undefined : recordField(l, recv, name, callee);
    if (entry?.type.k === "fn") return { e: "callptr", type: entry.type.ret, callee: entry, args: valueArgs(l, call, entry.type.params) };
    // `p.toString()` where p's class has no toString of its own: the class below it that the object is (views.ts).
    const inherited = name === "toString" && !call.arguments.length && recv.type.k === "class" && recv.type.cls.header && !classMember(l, recv.type.cls, "toString") ? objectToString(l, recv, call) : undefined;
    if (inherited) return inherited;
    if (recv.type.k === "class" && recv.type.cls.header) return lowerClassCallByName(l, recv, name, call);
    if (recv.type.k === "ptr") return pointerMethod(l, recv, name, call);
    if (recv.type.k === "atomic") return atomicMethod(l, recv, name, call);
    if (name === "toFixed" || name === "toExponential" || name === "toLocaleString") {
      const m = numberMethod(l, recv, name, call, undefined);
      if (m) return m;
    }
    const precision = name === "toPrecision" ? numberToPrecision(l, recv, call) : undefined;
    if (precision) return precision;
    const strCall = stringMethodCall(l, recv, name, call);
    if (strCall) return strCall;
    const libCall = arrayLibraryCall(l, (TUPLE_AS_ARRAY.has(name) && tupleAsReadArray(l, recv, callee.expression)) || recv, name, call);
    if (libCall) return libCall;
    if (recv.type.k === "int" && name === "toString") {
      const radixArg = call.arguments[0];
      const radix = radixArg ? literalValue(l, radixArg) : 10n;
      if (radix === undefined && radixArg && isDouble(l, recv.type)) {
        const r = coerce(l, lowerExpr(l, radixArg, T.number), T.number, radixArg);
        return { e: "call", type: T.str, fn: "tsos_num_to_string_radix", args: [recv, r, { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(call) }] };
      }
      if (radix === undefined || radix < 2n || radix > 36n) l.fail("TSOS1015", radixArg ?? call, "a radix that is not a literal from 2 to 36", "write the base as a number literal: `x.toString(16)`");
      return numberMethod(l, recv, name, call, Number(radix)) ?? { e: "tostr", type: T.str, x: recv, radix: Number(radix) };
    }
    if (recv.type.k === "str" && name === "charCodeAt") {
      const idx = toInteger(l, lowerExpr(l, call.arguments[0]!), call.arguments[0]!);
      return { e: "strindex", type: T.number, s: recv, idx, loc: l.loc(call), code: true };
    }
    const called = name === "call" && recv.type.k === "fn" ? functionCallWithThis(l, recv, callee.expression, call) : undefined;
    if (called) return called;
    // `x.close()` on a number a type guard let through as `T & Closeable` (lower/views.ts).
    const missing = missingMethodCall(l, recv, call);
    if (missing) return missing;
    // `store.delete(id)` on `Map<number, P> | Map<number, V>`: the method of whichever class the value holds.
    const perMember = unionMemberCall(l, recv, call);
    if (perMember) return perMember;
    l.fail("TSOS1018", callee.name, name, typeName(recv.type));
  }
  const f = callableValue(l, callee);
  // `makers[i](n)` with elements of several function types.
  const either = callUnionOfFunctions(l, f, call);
  if (either) return either;
  if (f.type.k !== "fn") l.fail("TSOS1015", callee, "calling this expression", "call a declared function or method");
  return { e: "callptr", type: f.type.ret, callee: f, args: valueArgs(l, call, f.type.params) };
}

/** `Array.x`, `Object.x`: a member of lib/tsos.d.ts's global `name`. */
function isLibStatic(l: Lowerer, callee: ts.PropertyAccessExpression, name: string): boolean {
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== name) return false;
  const decl = l.symbolOf(callee.expression)?.valueDeclaration;
  return !!decl && l.isLibDecl(decl);
}

function pointerMethod(l: Lowerer, p: Expr, name: string, call: ts.CallExpression): Expr {
  const elem = (p.type as { elem: Type }).elem;
  switch (name) {
    case "read":
    case "readVolatile":
      return { e: "ptrop", type: elem, op: name, ptr: p, args: [] };
    case "write":
    case "writeVolatile":
      return { e: "ptrop", type: T.void, op: name, ptr: p, args: lowerArgs(l, call.arguments, [elem]) };
    case "add":
      return { e: "ptrop", type: p.type, op: "add", ptr: p, args: lowerArgs(l, call.arguments, [T.int("usize")]) };
  }
  l.fail("TSOS1018", call.expression, name, typeName(p.type));
}

function atomicMethod(l: Lowerer, target: Expr, name: string, call: ts.CallExpression): Expr {
  const kind = (target.type as { kind: "bool" | "u32" }).kind;
  const value: Type = kind === "bool" ? T.bool : T.int("u32");
  if (target.e !== "field" && target.e !== "global") l.fail("TSOS3004", call.expression, (call.expression as ts.PropertyAccessExpression).expression.getText());
  switch (name) {
    case "load":
      return { e: "atomic", type: value, op: "load", target, args: [] };
    case "store":
      return { e: "atomic", type: T.void, op: "store", target, args: lowerArgs(l, call.arguments, [value]) };
    case "swap":
    case "fetchAdd":
      return { e: "atomic", type: value, op: name, target, args: lowerArgs(l, call.arguments, [value]) };
  }
  l.fail("TSOS1018", call.expression, name, typeName(target.type));
}

/**
 * A static method's instance; one that uses `this` is compiled once per class it is called on
 * (`receiver`, by default its own), with `this` that class (lower/static-this.ts).
 */
function staticMethod(l: Lowerer, decl: ts.MethodDeclaration, typeArgs: Type[], receiver?: ts.ClassLikeDeclaration) {
  const env = new Map<ts.Symbol, Type>();
  decl.typeParameters?.forEach((tp, i) => env.set(l.checker.getSymbolAtLocation(tp.name)!, typeArgs[i]!));
  const own = decl.parent as ts.ClassLikeDeclaration;
  const staticThis = receiver && receiver !== own && usesThis(decl) ? receiver : own;
  const cls = staticThis.name?.text ?? "default";
  const suffix = typeArgs.length ? `_${typeArgs.map(mangle).join("_")}` : "";
  return instantiateFunction(l, decl, env, typeArgs, { cname: `${cls}__${(decl.name as ts.Identifier).text}${suffix}`, isCtor: false, staticThis });
}

function arg(call: ts.CallExpression, i: number): ts.Expression {
  return call.arguments[i]!;
}

function builtinCall(l: Lowerer, name: string, call: ts.CallExpression, want?: Type): Expr {
  if ((INT_KINDS as string[]).includes(name) && name !== "number") return conversion(l, name as IntKind, call);
  const arrays = name.startsWith("Array.") ? arrayConstructorCall(l, name, call) : name === "Math.max" || name === "Math.min" ? spreadMinMax(l, name, call) : undefined;
  if (arrays) return arrays;
  const str = stringBuiltin(l, name, call) ?? mathCall(l, name, call) ?? uriCall(l, name, call);
  if (str) return str;
  const num = numberBuiltin(l, name, call, want);
  if (num) return num;
  const json = name.startsWith("JSON.") ? jsonCall(l, name, call, want) : undefined;
  if (json) return json;
  const big = name.startsWith("BigInt") ? bigintCall(l, name, call) : undefined; // lower/bigint.ts
  if (big) return big;
  const cloned = structuredCloneCall(l, name, call); // lower/structured-clone.ts
  if (cloned) return cloned;
  const allocator = allocatorCall(l, name, call); // lower/global-allocator.ts
  if (allocator) return allocator;
  const heapIntrinsic = heapIntrinsicCall(l, name, call); // lower/heap-intrinsics.ts
  if (heapIntrinsic) return heapIntrinsic;
  switch (name) {
    case "Number": {
      const x0 = lowerExpr(l, arg(call, 0));
      // `Number(money)`: an object's own valueOf, as with unary `+` (lower/value-of.ts).
      if (isBigType(x0.type)) return bigintToNumber(l, x0, call);
      const x = ((x0.type.k === "class" || x0.type.k === "view") && valueOfPart(l, x0, call)) || x0;
      if (x.type.k === "str") return stringToNumber(l, x, call);
      if (x.type.k === "dyn") return { e: "call", type: T.number, fn: "tsos_dyn_to_num", args: [x, { e: "callerloc", type: { k: "loc" }, loc: l.loc(call) }] };
      // `Number(row[4])` past the end (probes.ts): undefined is NaN, null 0.
      if (x.type.k === "nullable" && (x.type.inner.k === "str" || isInt(x.type.inner)) && l.doubles) {
        const name = l.temp();
        const v: Expr = { e: "local", type: x.type, name };
        const inner = unwrap(l, v, call);
        const present = inner.type.k === "str" ? stringToNumber(l, inner, call) : coerce(l, inner, T.number, call);
        const absent: Expr = { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: { e: "num", type: T.number, value: NaN }, b: { e: "int", type: T.number, value: 0n } };
        return { e: "bind", type: T.number, name, value: x, body: { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: absent, b: present } };
      }
      const fromBool = (b: Expr): Expr => ({ e: "cond", type: T.number, c: b, a: { e: "int", type: T.number, value: 1n }, b: { e: "int", type: T.number, value: 0n } });
      if (x.type.k === "bool" && l.doubles) return fromBool(x);
      // `Number(q.get("limit") ?? 10)`: a string or a number, converted by its member. An array or object member
      // (a JSON-like `Value`) is the number of its string form, as ToPrimitive gives it (ECMA-262 §7.1.1: its
      // valueOf is itself, so toString): `Number([5])` is 5, `Number({})` NaN.
      const member = (m: Expr): Expr | undefined =>
        m.type.k === "str" ? stringToNumber(l, m, call)
        : isInt(m.type) ? coerce(l, m, T.number, call)
        : m.type.k === "bool" ? fromBool(m)
        : m.type.k === "array" || m.type.k === "class" || m.type.k === "view" ? stringToNumber(l, stringPart(l, m, call), call)
        : undefined;
      const members = l.doubles ? unionConvert(l, x, T.number, member) : undefined;
      if (members) return members;
      // A union that may be null or undefined: undefined is NaN, null 0, else its member's number.
      if (l.doubles && x.type.k === "nullable" && x.type.inner.k === "union") {
        const name = l.temp();
        const v: Expr = { e: "local", type: x.type, name };
        const present = unionConvert(l, unwrap(l, v, call), T.number, member);
        if (present) {
          const absent: Expr = { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: { e: "num", type: T.number, value: NaN }, b: { e: "int", type: T.number, value: 0n } };
          return { e: "bind", type: T.number, name, value: x, body: { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: absent, b: present } };
        }
      }
      if (!isInt(x.type)) l.fail("TSOS1031", arg(call, 0), "the argument of `Number()`", typeName(x.type));
      if (isDouble(l, x.type)) return x;
      // Hosted: a 64-bit integer rounds to the nearest double, as Number(bigint) does. Kernel: checked.
      return { e: "convert", type: T.number, x, checked: !l.doubles, loc: l.loc(call) };
    }
    case "Math.floor":
    case "Math.trunc":
      return floorDiv(l, call, arg(call, 0), name === "Math.floor", want);
    case "Math.abs": {
      const x = lowerExpr(l, arg(call, 0), want);
      if (!isInt(x.type)) l.fail("TSOS1031", arg(call, 0), "the argument of `Math.abs`", typeName(x.type));
      return { e: "abs", type: x.type, x, loc: l.loc(call) };
    }
    case "Math.min":
    case "Math.max": {
      if (call.arguments.length !== 2) l.fail("TSOS1015", call, `\`${name}\` of ${call.arguments.length} integers`, "pass two values");
      const a = lowerExpr(l, arg(call, 0), want);
      const b = lowerExpr(l, arg(call, 1), isInt(a.type) ? a.type : want);
      if (!isInt(a.type) || !isInt(b.type)) l.fail("TSOS1031", call, `an argument of \`${name}\``, typeName(isInt(a.type) ? b.type : a.type));
      const kind = unify(a.type.kind, b.type.kind, l.doubles);
      if (!kind) l.fail("TSOS2002", call, a.type.kind, b.type.kind, name);
      const t = T.int(kind);
      return { e: "minmax", type: t, op: name === "Math.min" ? "min" : "max", a: coerce(l, a, t, arg(call, 0)), b: coerce(l, b, t, arg(call, 1)) };
    }
    case "sizeOf": {
      const [t] = resolvedTypeArgs(l, call);
      const layout = t && layoutOf(t);
      if (!layout) l.fail("TSOS3008", call, t ? typeName(t) : "?");
      return { e: "int", type: T.int("usize"), value: BigInt(layout.size) };
    }
    case "functionAddress": {
      const f = lowerExpr(l, arg(call, 0));
      if (f.type.k !== "fn") l.fail("TSOS1031", arg(call, 0), "the argument of `functionAddress`", typeName(f.type));
      return { e: "convert", type: T.int("u64"), x: f, checked: false, loc: l.loc(call) };
    }
    case "Ptr.to": {
      const x = lowerExpr(l, arg(call, 0));
      if (x.type.k !== "class" || !x.type.cls.layout) l.fail("TSOS3008", arg(call, 0), typeName(x.type));
      return { e: "ptrop", type: { k: "ptr", elem: x.type }, op: "to", ptr: x, args: [] };
    }
    case "Ptr.at": {
      const t = typeOfNode(l, call);
      return { e: "ptrop", type: t, op: "at", args: lowerArgs(l, call.arguments, [T.int("usize")]) };
    }
    case "process.exit":
      return { e: "exit", type: T.never, code: coerce(l, lowerExpr(l, arg(call, 0), T.int("i32")), T.int("i32"), arg(call, 0)) };
    case "String": {
      // `String(x)` is the string form a template gives `${x}` (an object's toString, an array's elements joined).
      const a = call.arguments[0];
      if (!a) return { e: "str", type: T.str, value: "" };
      return { e: "concat", type: T.str, parts: [printable(stringPart(l, lowerExpr(l, a), a))] };
    }
    case "Boolean": {
      const a = call.arguments[0];
      if (!a) return { e: "bool", type: T.bool, value: false };
      const x = lowerExpr(l, a);
      const t = truthiness(x);
      if (!t) l.fail("TSOS1031", a, "the argument of `Boolean`", typeName(x.type));
      return t;
    }
    case "console.log":
    case "console.error": {
      // Where a value is expected (`() => console.log(x)` as `() => unknown`): lower/console-format.ts.
      const print = lowerPrint(l, call);
      if (print?.s === "print") return printExpression(l, print, want, call);
      // A print whose arguments are held in locals first (stmt.ts's lowerPrint) is a block: a statement only.
      l.fail("TSOS1015", call, `\`${name}\` inside an expression`, "call it as a statement of its own");
    }
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
  if (!isInt(x.type)) l.fail("TSOS1031", a, `the argument of \`${kind}()\``, typeName(x.type));
  return { e: "convert", type: T.int(kind), x, checked: false, loc: l.loc(call) };
}

export function lowerNew(l: Lowerer, n: ts.NewExpression, _want?: Type): Expr {
  const collection = collectionNew(l, n) ?? typedArrayNew(l, n) ?? regexpNew(l, n) ?? numberFormatNew(l, n) ?? newThroughValue(l, n);
  if (collection) return collection;
  const decl = l.symbolOf(n.expression)?.valueDeclaration;
  const args = n.arguments ?? [];
  if (ts.isIdentifier(n.expression) && (n.expression.text === "AtomicBool" || n.expression.text === "AtomicU32") && decl && l.isLibDecl(decl)) {
    const kind = n.expression.text === "AtomicBool" ? "bool" : "u32";
    return { e: "atomic", type: { k: "atomic", kind }, op: "new", args: lowerArgs(l, args, [kind === "bool" ? T.bool : T.int("u32")]) };
  }
  if (ts.isIdentifier(n.expression) && n.expression.text === "Array" && decl && l.isLibDecl(decl)) {
    const filled = ts.isPropertyAccessExpression(n.parent) && n.parent.name.text === "fill" && ts.isCallExpression(n.parent.parent);
    const t = newArrayType(l, n, filled ? (n.parent.parent as ts.CallExpression) : n);
    if (t.k !== "array") l.fail("TSOS9001", n, "new Array without an array type");
    // Empty slots read as undefined in JavaScript: only element types whose zero is undefined may start empty.
    const zeroIsUndefined = t.elem.k === "nullable" && t.elem.undef && (!t.elem.null || !!t.elem.cname);
    if ((t.elem.k === "class" || t.elem.k === "array" || (t.elem.k === "nullable" && !zeroIsUndefined)) && !filled && literalValue(l, args[0]!) !== 0n)
      l.fail("TSOS1015", n, `\`new Array<${typeName(t.elem)}>(n)\``, "it would hold n missing objects; start from [] and push");
    const len = toInteger(l, lowerExpr(l, args[0]!, T.number), args[0]!);
    if (!isInt(len.type)) l.fail("TSOS1031", args[0]!, "the length of `new Array`", typeName(len.type));
    return { e: "newarray", type: arrayType(l, t.elem), len, loc: l.loc(n) };
  }
  if (ts.isIdentifier(n.expression) && n.expression.text === "Error" && l.program.target === "kernel")
    l.fail("TSOS1015", n, "an `Error` value", "errors can only be thrown: `throw new Error(\"message\")`");
  // `new this()` in a static method: the class it was called on (lower/static-this.ts).
  const staticThis = n.expression.kind === K.ThisKeyword ? l.scope.staticThis : undefined;
  const thisSymbol = staticThis?.name && l.checker.getSymbolAtLocation(staticThis.name);
  const t = thisSymbol ? irType(l, l.checker.getDeclaredTypeOfSymbol(thisSymbol), n) : typeOfNode(l, n);
  if (t.k !== "class") l.fail("TSOS1015", n, `\`new\` of \`${n.expression.getText()}\``, "construct a class declared in the program");
  // `new Registry(entries)` of a subclass of Map or Set without a constructor of its own (lower/collections.ts).
  const inherited = inheritedCollectionNew(l, n, t);
  if (inherited) return inherited;
  void classInstance;
  markConstructed(l, t.cls);
  const ctor = constructorOf(l, t.cls);
  // `constructor(...coeffs: number[])`: the trailing (and spread) arguments are packed into an array.
  const resolvedCtor = l.checker.getResolvedSignature(n)?.getDeclaration();
  const ctorDecl = resolvedCtor && implementationOf(resolvedCtor);
  let init = withDefaults(l, ctor.init, args.length, true, ctorDecl) ?? { cname: ctor.init, params: ctor.params };
  const u = ctorDecl && ts.isConstructorDeclaration(ctorDecl) ? undefinedForDefault(l, ctorDecl, args, init.params) : [];
  const w = withUndefinedDefault(l, init.cname, u, true, (t) => nullableType(l, t, false, true));
  if (w) init = { cname: w.cname, params: w.params };
  const lowered = (ctorDecl && ts.isConstructorDeclaration(ctorDecl) ? restArgs(l, ctorDecl, args, init.params, (a, p) => lowerArgs(l, a, p)) : undefined) ?? lowerArgs(l, args, init.params);
  if (lowered.length < init.params.length) l.fail("TSOS1058", n, `new ${n.expression.getText()}`);
  return { e: "new", type: t, cls: t.cls, init: init.cname, args: lowered, loc: l.loc(n) };
}

/** `m.name` where `m` is a namespace import (`import * as m`): the member's name, resolved as an identifier. */
export function namespaceMember(l: Lowerer, x: ts.Expression): ts.Identifier | undefined {
  if (!ts.isPropertyAccessExpression(x) || !ts.isIdentifier(x.name)) return undefined;
  // `ns.f` (an `import * as ns`, or a `namespace`), also `Outer.Inner.f` through nested namespaces.
  const left = ts.isIdentifier(x.expression) ? x.expression : ts.isPropertyAccessExpression(x.expression) && namespaceMember(l, x.expression) ? x.expression.name : undefined;
  const sym = left && l.symbolOf(left);
  return sym && sym.flags & ts.SymbolFlags.ValueModule ? x.name : undefined;
}

export function lowerPropertyAccess(l: Lowerer, p: ts.PropertyAccessExpression): Expr {
  const member = namespaceMember(l, p);
  if (member) return lowerExpr(l, member);
  const bytesPer = typedArrayStaticProperty(l, p); // lower/typed-arrays.ts
  if (bytesPer) return bytesPer;
  const result = iteratorResultAccess(l, p) ?? recordRead(l, p) ?? matchArrayProperty(l, p);
  if (result) return result;
  const name = p.name.text;
  const className = constructorName(l, p);
  if (className) return className;
  const lib = libMember(l, p.expression);
  const constant = lib ? numberConstant(l, lib, name, p) : undefined;
  if (constant) return constant;
  if (lib === "Number" && (name === "MAX_SAFE_INTEGER" || name === "MIN_SAFE_INTEGER"))
    return { e: "int", type: T.number, value: name === "MAX_SAFE_INTEGER" ? (1n << 53n) - 1n : -((1n << 53n) - 1n) };
  if (lib === "process" && name === "argv") {
    if (l.target === "kernel") l.fail("TSOS3001", p, "process.argv");
    return { e: "argv", type: arrayType(l, T.str) };
  }
  if (lib) l.fail("TSOS1020", p, `${lib}.${name}`);
  const sym = l.symbolOf(p.name);
  const decl = sym?.valueDeclaration;
  if (decl && ts.isEnumMember(decl)) return enumMemberValue(l, decl, p);
  // `this.name` in a static method: the name of the class it was called on.
  if (p.expression.kind === K.ThisKeyword && l.scope.staticThis && name === "name" && !isWriteTarget(p) && !(decl && ts.isPropertyDeclaration(decl)))
    return { e: "str", type: T.str, value: l.scope.staticThis.name?.text ?? "" };
  if (decl && ts.isPropertyDeclaration(decl) && isStatic(decl)) {
    // `User.table` / `this.table`: the field reached from the class named, its own or a base's (lower/static-this.ts).
    const receiver = p.expression.kind === K.SuperKeyword ? undefined : staticReceiver(l, p.expression);
    const reached = p.expression.kind === K.SuperKeyword ? decl : staticMemberFor(l, decl, receiver, p);
    const via = receiver ?? l.symbolOf(p.expression)?.valueDeclaration;
    if (via && via !== reached.parent && isWriteTarget(p)) l.fail("TSOS1056", p, p.expression.getText(), (reached.parent as ts.ClassDeclaration).name?.text ?? "", name);
    const g = staticField(l, reached);
    return { e: "global", type: g.type, name: g.cname };
  }
  if (decl && ts.isMethodDeclaration(decl)) return methodValue(l, p, decl, (m) => staticMethod(l, m, []));
  // An optional method read other than to call or test it would be JavaScript's unbound function (views.ts binds it).
  if (decl && ts.isMethodSignature(decl) && decl.questionToken && !calledOrTested(p)) l.fail("TSOS1131", p, name);
  const fnName = functionName(l, p);
  if (fnName) return fnName;
  const obj = lowerExpr(l, p.expression);
  if (obj.type.k === "array" && name === "length") return { e: "arraymethod", type: T.number, method: "length", arr: obj, args: [], loc: l.loc(p) };
  // A tagged template's strings are a plain `string[]` (lower/tagged-templates.ts).
  if (obj.type.k === "array" && name === "raw" && l.checker.getTypeAtLocation(p.expression).getSymbol()?.name === "TemplateStringsArray")
    l.fail("TSOS1005", p, "reading `raw` of a tagged template's strings", "use the cooked strings, or `String.raw` as the tag");
  if (obj.type.k === "union" && name === "length") {
    const len = unionLength(l, obj, p);
    if (len) return len;
  }
  if (obj.type.k === "str" && name === "length") return { e: "strlen", type: T.number, s: obj };
  if (obj.type.k === "ptr" && name === "address") return { e: "ptrop", type: T.int("usize"), op: "address", ptr: obj, args: [] };
  if (obj.type.k === "fixed" && name === "length") return { e: "int", type: T.number, value: BigInt(obj.type.len) };
  if (isTuple(obj.type) && name === "length") refuseOptionalTuple(l, obj.type, p, "`length`");
  if (isTuple(obj.type) && name === "length") return { e: "int", type: T.number, value: BigInt(obj.type.cls.fields.length) };
  if (obj.type.k === "class") {
    const found = lookupField(obj.type.cls, fieldName(p.name));
    // An abstract property, which each subclass implements with a field or a getter: read through the object's class (lower/dispatch.ts).
    const virtual = !found && ts.isIdentifier(p.name) ? abstractPropertyRead(l, obj, p.name.text, p) : undefined;
    if (virtual) return narrowRead(l, p, virtual);
    if (found) return narrowRead(l, p, { e: "field", type: found.field.type, obj: upcast(obj, found.owner), name: found.field.name, inline: found.field.inline });
    const byName = obj.type.cls.header ? lowerClassGetByName(l, obj, name, p) : undefined;
    if (byName) return narrowRead(l, p, byName);
  }
  if (obj.type.k === "view") return narrowRead(l, p, lowerViewGet(l, obj, name, p.name));
  const perMember = unionMemberGet(l, obj, p);
  if (perMember) return perMember;
  l.fail("TSOS1018", p.name, name, typeName(obj.type));
}

/**
 * `v.length` of a union value that tsc narrowed to strings and arrays (`Array.isArray(v) || typeof v ===
 * "string" ? v.length : 0`): each such member's length by its tag; a member the narrowing excluded
 * cannot be there (a panic stands for it). Undefined when a member tsc allows has no length.
 */
function unionLength(l: Lowerer, obj: Expr, p: ts.PropertyAccessExpression): Expr | undefined {
  const allowed = l.checker.getTypeAtLocation(p.expression);
  const parts = allowed.isUnion() ? allowed.types : [allowed];
  if (!parts.every((t) => t.flags & ts.TypeFlags.StringLike || l.checker.isArrayType(t) || l.checker.isTupleType(t))) return undefined;
  // An optional element's absence is not recorded: its length is unknown (TSOS1086), as for the tuple alone.
  for (const m of unionIn(obj.type)?.members ?? []) refuseOptionalTuple(l, m, p, "`length`");
  const loc = l.loc(p);
  const changed = (): Expr => ({ e: "seq", type: T.number, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: "a value narrowed to a string or array has changed its type" }, loc }, { e: "int", type: T.number, value: 0n }] });
  return unionConvert(l, obj, T.number, (m) =>
    m.type.k === "str" ? { e: "strlen", type: T.number, s: m }
    : m.type.k === "array" ? { e: "arraymethod", type: T.number, method: "length", arr: m, args: [], loc }
    : isTuple(m.type) && m.type.cls.tupleRequired === undefined ? { e: "int", type: T.number, value: BigInt(m.type.cls.fields.length) }
    : changed(),
  );
}

/** Whether `p` is written: the target of an assignment, `++` or `--`. */
function isWriteTarget(p: ts.Expression): boolean {
  let n: ts.Node = p;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  if (ts.isBinaryExpression(parent)) return parent.left === n && parent.operatorToken.kind >= K.FirstAssignment && parent.operatorToken.kind <= K.LastAssignment;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) return parent.operator === K.PlusPlusToken || parent.operator === K.MinusMinusToken;
  return false;
}

export function lowerElementAccess(l: Lowerer, x: ts.ElementAccessExpression): Expr {
  const math = mathComputedMember(l, x); // `Math[fn](x)`
  if (math) return math;
  const en = enumOf(l, x.expression);
  if (en) return enumReverseLookup(l, en, x);
  const rec = recordRead(l, x);
  if (rec) return rec;
  const obj = lowerExpr(l, x.expression);
  if (isTuple(obj.type)) return tupleIndex(l, obj, x);
  const typed = typedElementRead(l, obj, x); // lower/typed-arrays.ts
  if (typed) return typed;
  if (obj.type.k === "array" || obj.type.k === "fixed") {
    const idx = toInteger(l, lowerExpr(l, x.argumentExpression), x.argumentExpression);
    if (!isInt(idx.type)) l.fail("TSOS1031", x.argumentExpression, "an index", typeName(idx.type));
    const read: Expr = { e: "index", type: obj.type.elem, arr: obj, idx, loc: l.loc(x) };
    // `xs[i] ?? d`, `if (xs[i])`: the program expects undefined outside the array (lower/probes.ts).
    if (read.e === "index" && obj.type.k === "array" && probedType(obj.type.elem) && (isProbe(x) || rightOperandTakesAbsent(l, x) || isSearchedFor(l, x))) return elementOrUndefined(l, read, x);
    // Elements that may be undefined already (a match's groups, `(T | undefined)[]`): past the end is one more undefined.
    const undefElems = obj.type.k === "array" && obj.type.elem.k === "nullable" && obj.type.elem.undef;
    if (undefElems && (isProbe(x) || isStrictlyCompared(x))) return elementOrUndefined(l, read, x);
    // Not for a fixed-width integer element: the other operand may be a wider integer (`u64(a) !== xs[i]`
    // with xs a u32[]), which a `u32 | undefined` would narrow; such a read stays checked.
    const fixedWidth = obj.type.elem.k === "int" && !isDouble(l, obj.type.elem);
    if (obj.type.k === "array" && probedType(obj.type.elem) && !fixedWidth && isStrictlyCompared(x)) return comparedElement(l, read, x);
    return narrowRead(l, x, read);
  }
  if (obj.type.k === "str") {
    const idx = toInteger(l, lowerExpr(l, x.argumentExpression), x.argumentExpression);
    if (!isInt(idx.type)) l.fail("TSOS1031", x.argumentExpression, "an index", typeName(idx.type));
    const read: Expr = { e: "strindex", type: T.str, s: obj, idx, loc: l.loc(x), code: false };
    // `s[i + 1] === " "`, `s[i] ?? ""`, `if (!s[i])`, `typeof s[i]`, `m.get(s[i + 1])`: undefined past the end,
    // as in JavaScript (lower/probes.ts).
    if (isProbe(x) || isStrictlyCompared(x) || takesAbsent(l, x) || rightOperandTakesAbsent(l, x)) return stringIndexOrUndefined(l, read, { k: "nullable", inner: T.str, null: false, undef: true }) ?? read;
    return read;
  }
  // `people[0]` with `people: string[] | readonly [string, string]`: the element of the member it holds.
  // A position past a tuple member's end reads undefined where the program tests the read, as past an array's.
  if (obj.type.k === "union" && obj.type.members.every((m) => m.k === "array" || isTuple(m))) {
    const elem = typeOfNode(l, x);
    const probed = isProbe(x) || rightOperandTakesAbsent(l, x) || isSearchedFor(l, x) || isStrictlyCompared(x);
    const type = probed && !(elem.k === "nullable" && elem.undef) ? nullableType(l, elem, false, true) : elem;
    const position = literalValue(l, x.argumentExpression);
    const read = unionConvert(l, obj, type, (m) => {
      if (isTuple(m.type) && position !== undefined && position >= 0n && position < BigInt(m.type.cls.fields.length)) return coerce(l, tupleIndex(l, m, x), type, x);
      const arr = isTuple(m.type) ? tupleAsArray(l, m, x) : m;
      const idx = toInteger(l, lowerExpr(l, x.argumentExpression), x.argumentExpression);
      if (!arr || arr.type.k !== "array" || !isInt(idx.type)) return undefined;
      const one: Expr = { e: "index", type: arr.type.elem, arr, idx, loc: l.loc(x) };
      return coerce(l, probed ? elementOrUndefined(l, one, x) : one, type, x);
    });
    if (read) return probed ? read : narrowRead(l, x, read);
  }
  // `o[k]` with k a key of o's type (lower/keyed.ts).
  const keyed = keyedRead(l, x, obj);
  if (keyed) return keyed;
  l.fail("TSOS1003", x);
}

void K;

/** A method declared to return `this` (a fluent builder's `add(x): this`). */
function returnsThis(m: ts.MethodDeclaration): boolean {
  return !!m.type && m.type.kind === K.ThisType;
}

/**
 * The result of a method returning `this`, called on a subclass: the
 * receiver itself, so it has the receiver's class (TypeScript types it so).
 */
function asReceiverClass(result: Expr, recv: Type): Expr {
  if (recv.k !== "class" || result.type.k !== "class" || sameType(recv, result.type) || !isSubclass(recv.cls, result.type.cls)) return result;
  return { e: "convert", type: recv, x: result, checked: false, loc: 0 };
}

/** Array methods that only read: on a tuple of one element type they run on a copy as an array. */
/**
 * A tuple given to a method that only reads it: the array of its elements, of their one type, or
 * of the union of their types (`["a", 1].join("=")`).
 */
function tupleAsReadArray(l: Lowerer, recv: Expr, node: ts.Node): Expr | undefined {
  if (!isTuple(recv.type)) return undefined;
  // `args.join(", ")` where `args: Parameters<F>` of a function taking nothing: no element to read, so any element type does.
  if (!recv.type.cls.fields.length) {
    const none: Expr = { e: "arraylit", type: arrayType(l, T.str), elems: [], loc: l.loc(node) };
    return hasEffects(recv) ? { e: "seq", type: none.type, xs: [recv, none] } : none;
  }
  return tupleAsArray(l, recv, node) ?? tupleAsUnionArray(l, recv, node, mangle, (e) => arrayType(l, e), (i, n, u) => nullableType(l, i, n, u));
}

const TUPLE_AS_ARRAY = new Set(["join", "toSorted", "toReversed", "toSpliced", "with", "map", "filter", "reduce", "reduceRight", "every", "some", "find", "findIndex", "findLast", "findLastIndex", "includes", "indexOf", "lastIndexOf", "slice", "concat", "forEach", "at", "toString", "flatMap"]);

/**
 * A function value about to be called. An optional one (`format?: (v) => string`)
 * that the checker narrowed to present (`if (c.format) c.format(v)`) is
 * unwrapped, checked: a call in between may have removed it.
 */
function callableValue(l: Lowerer, callee: ts.Expression): Expr {
  const f = lowerExpr(l, callee);
  if (f.type.k !== "nullable" || f.type.inner.k !== "fn") return f;
  const t = l.checker.getTypeAtLocation(callee);
  const absent = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
  const present = !(t.flags & absent) && !(t.isUnion() && t.types.some((m) => m.flags & absent));
  return present ? unwrap(l, f, callee, "nonnull") : f;
}

/**
 * The array type `new Array(n)` makes: its type argument, or, for the
 * untyped `new Array(n)` (`any[]` to tsc), the array type its context
 * declares (`const xs: number[] = new Array(n).fill(0)`).
 */
function newArrayType(l: Lowerer, n: ts.NewExpression, outer: ts.Expression): Type {
  const checked = l.checker.getTypeAtLocation(n);
  const elem = l.checker.isArrayType(checked) ? l.checker.getTypeArguments(checked as ts.TypeReference)[0] : undefined;
  if (!elem || !(elem.flags & ts.TypeFlags.Any)) return typeOfNode(l, n);
  const context = l.checker.getContextualType(outer);
  // A context that is itself `any[]` (a callback's inferred result, `Array.from({ length }, () => Array(n).fill(0))`) says nothing.
  const contextElem = context && l.checker.isArrayType(context) ? l.checker.getTypeArguments(context as ts.TypeReference)[0] : undefined;
  if (context && contextElem && !(contextElem.flags & ts.TypeFlags.Any)) return irType(l, context, outer);
  const filled = filledArrayType(l, outer);
  if (filled) return filled;
  // `[...Array(n).keys()]`: only the indices are used, so the (empty) elements' type does not matter.
  if (ts.isPropertyAccessExpression(n.parent) && n.parent.name.text === "keys" && ts.isCallExpression(n.parent.parent) && !n.parent.parent.arguments.length) return arrayType(l, T.number);
  l.fail("TSOS1015", n, "`new Array(n)` without an element type", "write the element type: `new Array<number>(n)`, or declare the variable's type");
}

/**
 * `new Array(n).fill(v)` with no declared type (`const dp = new Array(n + 1).fill(0)`,
 * `any[]` to tsc): the array of v's type, widened from a literal (`0` is a number). Every
 * element is v itself, so an object fills the array with one shared object, as in JavaScript.
 * The variable it initializes takes that type too (stmt.ts variableInit).
 */
export function filledArrayType(l: Lowerer, outer: ts.Expression): Type | undefined {
  if (!ts.isCallExpression(outer) || outer.arguments.length !== 1 || !ts.isPropertyAccessExpression(outer.expression) || outer.expression.name.text !== "fill") return undefined;
  const fill = l.checker.getBaseTypeOfLiteralType(l.checker.getTypeAtLocation(outer.arguments[0]!));
  if (fill.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never)) return undefined;
  return arrayType(l, irType(l, fill, outer.arguments[0]!));
}

/**
 * The array type of an initializer tsc types with `any` elements: `Array(n).fill(v)`
 * (filledArrayType), or `Array.from(source, () => Array(n).fill(v))`, an array of those.
 */
export function untypedArrayType(l: Lowerer, x: ts.Expression): Type | undefined {
  if (isNewArrayFill(x)) return filledArrayType(l, x);
  if (!ts.isCallExpression(x) || x.arguments.length !== 2 || !ts.isPropertyAccessExpression(x.expression) || !isLibStatic(l, x.expression, "Array") || x.expression.name.text !== "from") return undefined;
  const fn = x.arguments[1]!;
  if (!ts.isArrowFunction(fn) || ts.isBlock(fn.body)) return undefined;
  const row = untypedArrayType(l, fn.body);
  return row && arrayType(l, row);
}

/** `new Array(n).fill(v)` (or `Array(n).fill(v)`), which tsc types `any[]`. */
export function isNewArrayFill(x: ts.Expression): boolean {
  if (!ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression) || x.expression.name.text !== "fill") return false;
  const made = x.expression.expression;
  return (ts.isNewExpression(made) || ts.isCallExpression(made)) && ts.isIdentifier(made.expression) && made.expression.text === "Array";
}

/**
 * `Dog.name` of a class declaration: its name; `f.name` of a function value (hosted): the name JavaScript gives the
 * function inside any adapting wrapper (lower/fn-names.ts), "" for an anonymous one. Undefined for other reads.
 */
function functionName(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  if (p.name.text !== "name" || isWriteTarget(p)) return undefined;
  const target = l.symbolOf(p.expression)?.valueDeclaration;
  if (target && ts.isClassDeclaration(target) && target.name && ts.isIdentifier(p.expression)) return { e: "str", type: T.str, value: target.name.text };
  const t = l.checker.getTypeAtLocation(p.expression);
  if (t.getCallSignatures().length === 0 && t.getConstructSignatures().length === 0) return undefined;
  const f = lowerExpr(l, p.expression);
  // A kernel function value is a code address, with no name.
  if (f.type.k !== "fn" || l.target !== "host") l.fail("TSOS1018", p.name, "name", typeName(f.type));
  return { e: "call", type: T.str, fn: "tsos_fn_name", args: [f] };
}

/** `obj.constructor.name`: the name of the object's class (from its class descriptor), for a class instance. */
function constructorName(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  // `new.target.name` in a constructor: the class `new` was applied to, the object's own class (a subclass
  // calling this constructor through `super`), as `this.constructor.name` gives it.
  if (p.name.text === "name" && ts.isMetaProperty(p.expression) && p.expression.keywordToken === K.NewKeyword) {
    if (!l.scope.isCtor || !l.scope.thisType) l.fail("TSOS1005", p.expression, "`new.target` outside a constructor");
    return { e: "call", type: T.str, fn: "tsos_class_name", args: [{ e: "local", type: l.scope.thisType, name: "self" }] };
  }
  if (p.name.text !== "name" || !ts.isPropertyAccessExpression(p.expression) || p.expression.name.text !== "constructor") return undefined;
  const obj = lowerExpr(l, p.expression.expression);
  const name = (x: Expr): Expr | undefined => (x.type.k === "class" && x.type.cls.header ? { e: "call", type: T.str, fn: "tsos_class_name", args: [x] } : undefined);
  // An interface value (or a union of classes kept as one): the class of its object.
  if (obj.type.k === "view") return { e: "call", type: T.str, fn: "tsos_view_class_name", args: [obj] };
  // A union of classes (`e` after `e instanceof A || e instanceof B`): the class of whichever it holds.
  const named = name(obj) ?? unionConvert(l, obj, T.str, name);
  return named ?? l.fail("TSOS1018", p.expression.name, "constructor", typeName(obj.type));
}

/**
 * Whether the value of `p` is only called (`p()`, `p?.()`) or tested: the
 * operand of `typeof` or `!`, a comparison, a condition, the left side of
 * `&&` (whose result is then `p` only when `p` is undefined), or an operand
 * of a logical operator whose own value is only tested.
 */
/** Methods every object inherits: on a record they are not entries. */
const OBJECT_PROTOTYPE_METHODS = new Set(["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toString", "toLocaleString", "valueOf"]);

function calledOrTested(p: ts.Expression): boolean {
  let n: ts.Node = p;
  // `p.transform!(acc)`: asserted present, then called.
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  if (ts.isCallExpression(n.parent) && n.parent.expression === n) return true;
  return tested(n);
}

/** Whether only the truth of `n`'s value is used (a logical operator passes its operands on to its own use). */
function tested(n: ts.Node): boolean {
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  if (ts.isTypeOfExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === n;
  if (ts.isForStatement(parent)) return parent.condition === n;
  if (ts.isConditionalExpression(parent)) return parent.condition === n;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) return true;
    if (op === K.AmpersandAmpersandToken && parent.left === n) return true;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) return tested(parent);
  }
  return false;
}
