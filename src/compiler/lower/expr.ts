/**
 * lower/expr.ts: expressions -> typed IR expressions.
 *
 * Input:  a ts.Expression and optionally the type the context wants
 *         (`want`), which integer literals adopt.
 * Output: an IR Expr with its final type.
 * Invariants:
 *   - Integer literals are exact (bigint, read from the source text) and are
 *     range-checked against the type they adopt (TSOS2003).
 *   - Binary operands are unified by lossless widening only (TSOS2002);
 *     `coerce` inserts widening conversions and rejects narrowing (TSOS2001).
 *   - Calls, `new` and member access live in calls.ts.
 */
import { consoleAsFunction } from "./console-format.ts";
import { DistributeKey, distribute, quietIrType } from "./key-distribution.ts";
import { mappedElements, objectDelete, objectInOperator } from "./inspect.ts";
import { arrayMemberOf, isJsArray, unionIn, objectMemberOf, typeofTest, unionCast, unionConvert, unionStringPart } from "./unions.ts";
import { plainObjectString } from "./inspect.ts";
import ts from "typescript";
import { lowerTaggedTemplate } from "./tagged-templates.ts";
import { LIB_DIR } from "../load.ts";
import { objectBranches } from "./object-spread.ts";
import { bigintArith, bigintCompare, bigintLiteral, bigintStep, bigintUnary, isBigType } from "./bigint.ts";
import { keyedAssign, keyedIncDec, keyedLogicalAssign, keyedStore } from "./keyed.ts";
import { isTypedElement, typedAsNumbers, typedElementWrite, typedUpdate } from "./typed-arrays.ts";
import type { BinOp, Expr, Func, IntKind, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { INT_INFO, fits, isInt, isUnsigned, range, unify, unsignedOf, widens } from "../ints.ts";
import { absentCall, earlyVariableType } from "./absent-results.ts";
import { mixedOrder } from "./relational.ts";
import { objectAsRecord, onlyReadValue, readOnlyArgument } from "./record-copies.ts";
import { Bail, cleanly, quietly, type Lowerer, snippet } from "./context.ts";
import { arrayType, fnType, irType, isStringType, nullableType, sameType, tryIrType, typeName, typeOfNode, unitTestClass } from "./types.ts";
import { functionOf } from "./functions.ts";
import { neverAs, neverLocals, neverString, unreachable } from "./never.ts";
import { overloadResult } from "./overloads.ts";
import { erasedResult } from "./erasure.ts";
import { lowerCall, lowerNew, lowerPropertyAccess, lowerElementAccess, untypedConst } from "./calls.ts";
import { isDouble, literalNumber, negativeZero, numConst, numberConstant, numberPow, requireDoubles } from "./number.ts";
import { lowerInstanceof, narrowObject, resolveMember, superReceiver, checkedDowncast } from "./dispatch.ts";
import { elementOrUndefined } from "./probes.ts";
import { valueOfPart } from "./value-of.ts";
import { classMember, objectToString } from "./views.ts";
import { isRecord, recordAssign, recordDelete, recordIn, recordIncDec, recordStore, recordString } from "./records.ts";
import { enumIn } from "./enums.ts";
import { accessorRef, accessorUpdate, lowerAccessorLogicalAssign, lowerAccessorRead, lowerAccessorWrite } from "./accessors.ts";
import { classCoerce } from "./classes.ts";
import { viewCoerce } from "./views.ts";
import { lowerObjectLiteral } from "./objects.ts";
import { iterableCoerce, resultLiteral, resultMember } from "./iterables.ts";
import { lowerYield } from "./generators.ts";
import {
  chainSubstitute, coerceNullable, joinNullable, logicalCondition, logicalValue, optionalEquality, lowerLogicalAssign, lowerNonNull, lowerNullLiteral, lowerNullish,
  lowerOptionalChain, lowerTypeof, narrowCurrent, narrowRead, nullLiteral, nullableEquality, printable, tested, truthyOf, unnarrowed, unwrap,
} from "./nullable.ts";
import { lowerComma } from "./control.ts";
import { adaptFunction, functionValue, lowerFunctionValue } from "./lambdas.ts";
import { classValue } from "./ctor-values.ts";
import { capturedThis, capturedVariable, isNestedFunction, nestedIsPlain } from "./closures.ts";
import { nestedFunctionInstance } from "./nested-functions.ts";
import { genericValueTypeArgs } from "./generic-values.ts";
import { copiedTuple, freshArrayAsTuple, isFreshArrayNode, mixedTupleString, tupleAsArray } from "./tuples.ts";
import { genericConstInstance, genericFunctionConst } from "./generic-consts.ts";
import { isTuple, spreadArray, tupleLiteral } from "./destructure.ts";
import { arrayLengthAssign, arrayString, guardedAs } from "./array-methods.ts";
import { mathFunctionValue, numberPredicateValue } from "./math.ts";
import { checkStringLiteral, conversionAsFunction, stringIndexOrUndefined, stringOrder, stringToNumber } from "./string-methods.ts";
import { globalMatchAsStrings, lowerRegExpLiteral } from "./regexp.ts";
import { coerceDynamic, descriptor, dynEquality, dynString, isDynamic, readOnlyUse } from "./dynamic.ts";
import { objectIsValue } from "./object-is.ts";
import { checkedStoreTarget } from "./frozen.ts";

const K = ts.SyntaxKind;

/** The exact value of an integer literal; undefined for a fraction or a value beyond 2^53 written with `.`/`e`. */
export function parseIntLiteral(text: string): bigint | undefined {
  const clean = text.replace(/_/g, "");
  if (/[.eE]/.test(clean) && !/^0[xX]/.test(clean)) {
    const v = Number(clean);
    return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  }
  if (/^0[0-7]+$/.test(clean)) return BigInt("0o" + clean.slice(1));
  return BigInt(clean);
}

/** The exact value of an integer literal, `-literal` or untyped constant, else undefined. */
export function literalValue(l: Lowerer, node: ts.Expression): bigint | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isNumericLiteral(node)) return parseIntLiteral(node.getText());
  if (ts.isPrefixUnaryExpression(node) && node.operator === K.MinusToken) {
    const v = literalValue(l, node.operand);
    return v === undefined ? undefined : -v;
  }
  if (ts.isIdentifier(node)) return untypedConst(l, node);
  return undefined;
}

export function intLiteral(l: Lowerer, value: bigint, kind: IntKind, node: ts.Node): Expr {
  if (kind === "number" && l.doubles) {
    // A hosted number literal beyond 2^53 is rounded as JavaScript rounds it; `-0` is a negative zero.
    if (!fits(value, kind)) return numConst(Number(value));
    if (value === 0n && negativeZero(l, node)) return numConst(-0);
  }
  if (!fits(value, kind)) {
    const r = range(kind);
    l.fail("TSOS2003", node, value.toString(), kind, `${r.min}..=${r.max}`);
  }
  return { e: "int", type: T.int(kind), value };
}

export function lowerExpr(l: Lowerer, node: ts.Expression, want?: Type): Expr {
  try {
    return lowerExprOf(l, node, want);
  } catch (e) {
    // A keyed read inside whose type differs by key: this expression, compiled once per key.
    if (!(e instanceof DistributeKey) || e.target !== node) throw e;
    return distribute(l, e, node, () => lowerExprOf(l, node, want), (key) => lowerExprOf(l, key), (x, to) => coerce(l, x, to, node));
  }
}

function lowerExprOf(l: Lowerer, node: ts.Expression, want?: Type): Expr {
  const bound = chainSubstitute(node);
  if (bound) return bound;
  const chain = lowerOptionalChain(l, node);
  if (chain) return chain;
  const lit = literalValue(l, node);
  if (lit !== undefined) return intLiteral(l, lit, want && isInt(want) ? want.kind : "number", node);
  switch (node.kind) {
    case K.ParenthesizedExpression:
      return lowerExpr(l, (node as ts.ParenthesizedExpression).expression, want);
    // `{ ... } satisfies T`: a check only; the value and its type are the expression's own.
    case K.SatisfiesExpression:
      return lowerExpr(l, (node as ts.SatisfiesExpression).expression, want);
    case K.NonNullExpression:
      return lowerNonNull(l, node as ts.NonNullExpression, want);
    case K.NullKeyword:
      return lowerNullLiteral("null");
    case K.BigIntLiteral:
      return bigintLiteral(l, node as ts.BigIntLiteral);
    case K.TypeOfExpression:
      return lowerTypeof(l, node as ts.TypeOfExpression);
    case K.VoidExpression: {
      // `void f()`: f() is evaluated, its value dropped; the expression is undefined.
      const u = lowerNullLiteral("undefined");
      if (nullLiteral(l, node)) return u;
      return { e: "seq", type: u.type, xs: [lowerExpr(l, (node as ts.VoidExpression).expression), u] };
    }
    case K.DeleteExpression:
      return recordDelete(l, node as ts.DeleteExpression) ?? objectDelete(l, node as ts.DeleteExpression) ?? l.fail("TSOS1005", node, "`delete`");
    case K.AsExpression:
    case K.TypeAssertionExpression: {
      const x = node as ts.AsExpression;
      const guarded = guardedAs(l, x);
      if (guarded) return guarded;
      // `[{ ... }, ...] as const` where a `readonly Product[]` is wanted: `as const` only narrows types, so the
      // literal is built as the wanted array (each element checked by tsc against Product).
      if (ts.isAsExpression(x) && ts.isConstTypeReference(x.type) && want?.k === "array" && ts.isArrayLiteralExpression(skipParensDown(x.expression))) {
        const built = quietly(l, () => coerce(l, lowerExpr(l, x.expression, want), want, x));
        if (built) return built;
      }
      const to = typeOfNode(l, x);
      // `handler(ctx, ev as never)`: `as never` silences tsc where a function's parameter type is not known
      // exactly (a handler picked from a table by the event's type). JavaScript passes the value on unchanged,
      // so it goes as the type wanted there, converted (checked) as any assertion is.
      if (to.k === "never" && want && want.k !== "never" && want.k !== "void") return castTo(l, lowerExpr(l, x.expression, want), want, x, x.expression);
      // `k.split(":").map(Number) as unknown as Cell`: through unknown to a tuple, the array itself is asserted.
      const via = x.expression;
      if (isTuple(to) && ts.isAsExpression(via) && l.checker.getTypeFromTypeNode(via.type).flags & ts.TypeFlags.Unknown && l.checker.isArrayType(l.checker.getTypeAtLocation(via.expression))) {
        const arr = lowerExpr(l, via.expression);
        return freshArrayAsTuple(l, arr, to, via.expression) ?? coerce(l, arr, to, via.expression);
      }
      // `fn as unknown as AnyListener` of a function value (a listener of one topic stored with listeners of
      // all): the function itself adapted, as `fn as AnyListener` is, its arguments cast (checked) when called.
      const viaUnknown = ts.isAsExpression(via) && l.checker.getTypeFromTypeNode(via.type).flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any);
      if (viaUnknown && to.k === "fn" && l.checker.getTypeAtLocation(via.expression).getCallSignatures().length === 1) {
        const fn = lowerExpr(l, via.expression);
        if (fn.type.k === "fn") return castTo(l, fn, to, x, via.expression);
        return castTo(l, coerce(l, fn, { k: "dyn" }, via), to, x, via.expression);
      }
      // `(ROLES as unknown as string[]).includes(x)`: the tuple itself asserted, as below.
      const tupleViaUnknown = ts.isAsExpression(via) && l.checker.getTypeFromTypeNode(via.type).flags & ts.TypeFlags.Unknown && to.k === "array" && l.checker.isTupleType(l.checker.getTypeAtLocation(via.expression));
      const value = tupleViaUnknown ? lowerExpr(l, via.expression) : lowerExpr(l, x.expression, to);
      // `(WORDS as readonly string[]).includes(x)` on an `as const` tuple: nothing can write a read-only array (or
      // the program only reads this one), so a copy of the tuple's elements cannot be told apart from it.
      if (to.k === "array" && isTuple(value.type) && (isReadonlyArrayNode(x.type) || readOnlyUse(x))) {
        const list = tupleAsArray(l, value, x.expression);
        if (list) return coerce(l, list, to, x);
      }
      // `return v as T` where the function returns `T | undefined` and v may be undefined: asserted as
      // `T | undefined`, as JavaScript passes undefined through an assertion unchecked.
      const admits = (t: Type | undefined): boolean => t?.k === "nullable" && t.undef;
      if (admits(want) && admits(value.type) && to.k !== "nullable" && to.k !== "dyn") {
        return castTo(l, value, nullableType(l, to, false, true), x, x.expression);
      }
      return castTo(l, value, to, x, x.expression);
    }
    case K.NumericLiteral:
      // Not an integer literal (literalValue): a fraction or exponent form, a double.
      requireDoubles(l, node, "a fractional number");
      return numConst(literalNumber((node as ts.NumericLiteral).text));
    case K.TrueKeyword:
      return { e: "bool", type: T.bool, value: true };
    case K.FalseKeyword:
      return { e: "bool", type: T.bool, value: false };
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
      checkStringLiteral(l, (node as ts.StringLiteral).text, node);
      return { e: "str", type: T.str, value: (node as ts.StringLiteral).text };
    case K.TemplateExpression:
      return { e: "concat", type: T.str, parts: templateParts(l, node as ts.TemplateExpression) };
    case K.Identifier:
      return conversionAsFunction(l, node as ts.Identifier, want) ?? narrowObject(l, node as ts.Identifier, lowerIdentifier(l, node as ts.Identifier));
    case K.SuperKeyword:
      return superReceiver(l, node);
    case K.ThisKeyword:
      if (l.scope.closure) {
        const captured = capturedThis(l);
        if (captured) return captured;
      }
      if (!l.scope.thisType) l.fail("TSOS1005", node, "`this` outside a class");
      return { e: "local", type: l.scope.thisType!, name: "self" };
    case K.BinaryExpression:
      return lowerBinary(l, node as ts.BinaryExpression, want);
    case K.PrefixUnaryExpression:
      return lowerPrefix(l, node as ts.PrefixUnaryExpression, want);
    case K.PostfixUnaryExpression: {
      const u = node as ts.PostfixUnaryExpression;
      return incDec(l, u.operand, u.operator === K.PlusPlusToken ? "+" : "-", true, node);
    }
    case K.ConditionalExpression:
      return lowerConditional(l, node as ts.ConditionalExpression, want);
    case K.CallExpression:
    {
      // A call lowered to another signature than tsc's: an overload's implementation (lower/overloads.ts) or an
      // erased generic function value (lower/erasure.ts); the result is cast to the type tsc gives the call.
      const call = node as ts.CallExpression;
      const result = overloadResult(l, call, lowerCall(l, call, want), (v, n) => castTo(l, v, typeOfNode(l, n), n));
      // A function whose result may be absent, which this call site does not test: checked (lower/absent-results.ts).
      return absentCall(l, call, erasedResult(l, call, result, (v, to) => castTo(l, v, to, call)));
    }
    case K.NewExpression:
      return lowerNew(l, node as ts.NewExpression, want);
    case K.TaggedTemplateExpression:
      return lowerTaggedTemplate(l, node as ts.TaggedTemplateExpression);
    case K.PropertyAccessExpression: {
      const result = resultMember(l, node as ts.PropertyAccessExpression); // lower/iterables.ts: r.value, r.done
      if (result) return result;
      const acc = accessorRef(l, node as ts.PropertyAccessExpression);
      if (acc) {
        // A getter of a class whose type parameter is erased (lower/phantom.ts) reads `unknown`: as tsc types the read.
        // One whose result tsc narrowed (`this.spread === null ? "n/a" : px(this.spread)`, a second call) is checked
        // to be what tsc says, as a narrowed field is.
        return narrowRead(l, node, lowerAccessorRead(l, acc));
      }
      const mathValue = mathFunctionValue(l, node as ts.PropertyAccessExpression, want) ?? numberPredicateValue(l, node as ts.PropertyAccessExpression, want) ?? objectIsValue(l, node as ts.PropertyAccessExpression, want); // lower/math.ts, lower/object-is.ts
      if (mathValue) return mathValue;
      const printer = consoleAsFunction(l, node as ts.PropertyAccessExpression, want); // lower/console-format.ts
      if (printer) return printer;
      return narrowObject(l, node as ts.PropertyAccessExpression, lowerPropertyAccess(l, node as ts.PropertyAccessExpression));
    }
    case K.ElementAccessExpression:
      return lowerElementAccess(l, node as ts.ElementAccessExpression);
    case K.RegularExpressionLiteral:
      return lowerRegExpLiteral(l, node as ts.RegularExpressionLiteral);
    case K.ArrayLiteralExpression:
      return lowerArrayLiteral(l, node as ts.ArrayLiteralExpression, want);
    case K.ObjectLiteralExpression:
      return resultLiteral(l, node as ts.ObjectLiteralExpression, want) ?? lowerObjectLiteral(l, node as ts.ObjectLiteralExpression, objectMemberOf(want) ?? want);
    case K.YieldExpression:
      return lowerYield(l, node as ts.YieldExpression);
    case K.ArrowFunction:
    case K.FunctionExpression:
      return lowerFunctionValue(l, node as ts.ArrowFunction | ts.FunctionExpression, want);
  }
  l.fail("TSOS1005", node, `the expression \`${snippet(node)}\``);
}

export function templateParts(l: Lowerer, t: ts.TemplateExpression): Expr[] {
  const parts: Expr[] = [];
  for (const text of [t.head, ...t.templateSpans.map((s) => s.literal)]) checkStringLiteral(l, text.text, text);
  if (t.head.text) parts.push({ e: "str", type: T.str, value: t.head.text });
  for (const span of t.templateSpans) {
    parts.push(templateValue(l, span.expression));
    if (span.literal.text) parts.push({ e: "str", type: T.str, value: span.literal.text });
  }
  return parts;
}

/** `${x}`: the value as a template literal converts it to a string. */
export function templateValue(l: Lowerer, expression: ts.Expression): Expr {
  // A narrowed global or field is printed as it is now: a call may have set it back to null, and
  // `${x}` then prints "null" in JavaScript, where the checked read would panic (fuzz seed 20261126).
  const x = lowerExpr(l, expression);
  const now = tested(x);
  const plain = now.type.k === "nullable" && (now.type.inner.k === "int" || now.type.inner.k === "bool" || now.type.inner.k === "str");
  return printable(stringPart(l, plain ? now : x, expression));
}

/** Types whose string form JavaScript gives differently than tsos can yet (an object's is "[object Object]"). */
const NO_STRING_FORM = new Set(["class", "array", "fn", "ptr", "fixed", "atomic", "void", "loc"]);

/** A part of a string concatenation or template: refused where tsos has no string form that matches JavaScript's. */
export function stringPart(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (isDynamic(x)) return dynString(l, x, node);
  // An array's string form is its elements joined with commas (`${[1, 2]}` is "1,2").
  if (x.type.k === "array") return arrayString(l, x, node);
  const tuple = tupleAsArray(l, x, node);
  if (tuple) return arrayString(l, tuple, node);
  const mixed = mixedTupleString(l, x, node, (e) => stringPart(l, e, node)); // lower/tuples.ts
  if (mixed) return mixed;
  const text = objectToString(l, x, node) ?? plainObjectString(l, x, node) ?? recordString(l, x, node) ?? unionStringPart(l, x, node, (m) => stringPart(l, m, node));
  if (text) return text;
  // A value TypeScript types `never` cannot be reached with (a call that throws, or a variable
  // narrowed away in code tsc proves dead: fuzz seed 20261126, program 6615): it is evaluated,
  // then the unreachable panic stands for its string.
  if (x.type.k === "never") return neverString(l, x, node);
  // An interface value without a `toString` method: JavaScript's form depends on the object's class (TSOS1031 as for a class).
  if (NO_STRING_FORM.has(x.type.k) || x.type.k === "view") l.fail("TSOS1031", node, "a part of a string", typeName(x.type));
  // (A union with an object or array member inside, `number[] | number` that may be null: each member's form, as above.)
  const objectInside = (t: Type): boolean => NO_STRING_FORM.has(t.k) || t.k === "view" || (t.k === "union" && t.members.some(objectInside));
  if (x.type.k === "nullable" && objectInside(x.type.inner)) return nullableObjectString(l, x, node);
  return x;
}

/** An operand of a string `+`: an object's own valueOf comes first (lower/value-of.ts), then its string form. */
function plusPart(l: Lowerer, x: Expr, node: ts.Node): Expr {
  const v = valueOfPart(l, x, node);
  return stringPart(l, v ?? x, node);
}

/** `${maybe}` for a nullable object: "null" / "undefined" when absent, else the object's own string form. */
function nullableObjectString(l: Lowerer, x: Expr, node: ts.Node): Expr {
  const t = x.type as Extract<Type, { k: "nullable" }>;
  const name = l.temp();
  const v: Expr = { e: "local", type: t, name };
  const present = stringPart(l, unwrap(l, v, node), node);
  const word = (w: "null" | "undefined"): Expr => ({ e: "str", type: T.str, value: w });
  let body: Expr = present;
  if (t.undef) body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: word("undefined"), b: body };
  if (t.null) body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: word("null"), b: body };
  return { e: "let", type: T.str, name, init: x, body };
}

function lowerIdentifier(l: Lowerer, id: ts.Identifier): Expr {
  // `undefined`, or a `const` that is always null or undefined (`const EPSILON = null`).
  const absent = nullLiteral(l, id);
  if (absent) return lowerNullLiteral(absent);
  return narrowRead(l, id, lowerDeclaredIdentifier(l, id));
}

function lowerDeclaredIdentifier(l: Lowerer, id: ts.Identifier): Expr {
  const sym = l.symbolOf(id);
  const decl = sym?.valueDeclaration;
  if (!sym || !decl) l.fail("TSOS1020", id, id.text);
  if (neverLocals.has(decl)) return unreachable(l, id);
  const genericConst = genericFunctionConst(l, decl);
  if (genericConst) {
    // `[1, 2].map(identity)`: the instance for the types the callback is given (lower/generic-values.ts).
    const typeArgs = genericValueTypeArgs(l, id, genericConst);
    if (!typeArgs || !ts.isVariableDeclaration(decl)) l.fail("TSOS1019", id, id.text);
    return functionValue(l, genericConstInstance(l, decl, genericConst, typeArgs));
  }
  const captured = l.scope.closure && capturedVariable(l, decl);
  if (captured) return captured;
  const local = l.scope.locals.get(decl);
  if (local) return { e: "local", type: localType(l, decl), name: local };
  if (ts.isVariableDeclaration(decl) || ts.isExportAssignment(decl) || ts.isBindingElement(decl)) {
    const g = l.globalsByDecl.get(decl);
    if (g) return { e: "global", type: g.type, name: g.cname };
  }
  if (isNestedFunction(decl) && nestedIsPlain(l, decl) && !decl.typeParameters?.length) return functionValue(l, nestedFunctionInstance(l, decl));
  if (ts.isFunctionDeclaration(decl) && !decl.typeParameters && decl.body) {
    const f = functionOf(l, decl, []);
    markInterruptHandler(l, f, decl);
    return functionValue(l, f);
  }
  if (ts.isFunctionDeclaration(decl)) {
    const typeArgs = decl.body ? genericValueTypeArgs(l, id, decl) : undefined;
    if (!typeArgs) l.fail("TSOS1019", id, id.text);
    return functionValue(l, functionOf(l, decl, typeArgs));
  }
  if (ts.isClassDeclaration(decl) && !l.isLibDecl(decl)) return classValue(l, id, decl);
  if (ts.isEnumDeclaration(decl) && !l.isLibDecl(decl)) l.fail("TSOS1320", id, id.text);
  if (ts.isFunctionExpression(decl)) return lowerFunctionValue(l, decl); // a named function expression calling itself
  if (l.isLibDecl(decl) && l.target === "kernel" && id.text === "TEST_BUILD") return { e: "bool", type: T.bool, value: l.testBuild };
  if (l.isLibDecl(decl) && l.target === "kernel" && id.text === "HEAP_ALLOCATOR") return { e: "str", type: T.str, value: l.heapAllocator };
  if (l.isLibDecl(decl) && l.target === "kernel" && id.text === "unitTests") return { e: "unittests", type: arrayType(l, { k: "class", cls: unitTestClass(l) }) };
  if (l.isLibDecl(decl) && l.target === "host" && decl.getSourceFile().fileName.endsWith("kernel.d.ts")) l.fail("TSOS3003", id, id.text);
  const constant = l.isLibDecl(decl) ? numberConstant(l, "", id.text, id) : undefined;
  if (constant) return constant;
  if (l.isLibDecl(decl)) l.fail("TSOS1020", id, id.text);
  // A declaration whose lowering already failed with a diagnostic: do not cascade.
  if (l.diagnostics.length) throw new Bail();
  l.fail("TSOS9001", id, `unresolved identifier \`${id.text}\``);
}

/**
 * A function whose first parameter is an InterruptStackFrame and that is used
 * as a value (installed in the IDT) is an interrupt handler: it gets the
 * interrupt calling convention. Called directly, it is an ordinary function.
 */
function markInterruptHandler(l: Lowerer, f: Func, decl: ts.FunctionDeclaration): void {
  const first = f.params[0]?.type;
  if (first?.k !== "class" || first.cls.cname !== "tsos_interrupt_frame") return;
  const code = f.params[1]?.type;
  const ok = f.params.length === 1 || (f.params.length === 2 && code?.k === "int" && code.kind === "u64");
  if (!ok) l.fail("TSOS3012", decl.name ?? decl);
  f.interrupt = true;
}

/**
 * The types locals were declared with, per function instance: a generic
 * function's instances (and a default-parameter wrapper) give the same
 * declaration different types.
 */
const localTypes = new WeakMap<object, WeakMap<ts.Node, Type>>();
export function setLocalType(l: Lowerer, decl: ts.Node, t: Type): void {
  let m = localTypes.get(l.scope);
  if (!m) localTypes.set(l.scope, (m = new WeakMap()));
  m.set(decl, t);
}
export function localType(l: Lowerer, decl: ts.Node): Type {
  const known = localTypes.get(l.scope)?.get(decl);
  if (known) return known;
  // Not declared yet (a closure above it captures it): as its declaration will make it (stmt.ts variableInit).
  return earlyVariableType(l, decl);
}

/** Insert an implicit conversion from e's type to `to`, or report why it is not allowed. */
/**
 * `value as to`, where tsc accepted the assertion: unboxed, unwrapped (checked
 * present), cast down to a subclass or union member (checked), or converted.
 * `node` is where a failed check points; `inner` the asserted expression.
 */
export function castTo(l: Lowerer, value: Expr, to: Type, node: ts.Expression, inner: ts.Expression = node): Expr {
  // `store.get(k) as Box` on a `Map<string, unknown>`: the unknown (undefined when absent) is unboxed.
  if (value.type.k === "nullable" && value.type.inner.k === "dyn" && to.k !== "nullable") value = coerce(l, value, value.type.inner, inner);
  // `v as T` where v is `T | undefined` (`it.next().value as K`): asserted present, checked.
  if (value.type.k === "nullable" && to.k !== "nullable" && sameType(value.type.inner, to)) return unwrap(l, value, node, "nonnull");
  // `v as string | undefined` where v is `IniValue | undefined`: absent stays absent, a present value is cast.
  const from = value.type;
  if (from.k === "nullable" && to.k === "nullable" && !sameType(from.inner, to.inner) && (to.undef || !from.undef) && (to.null || !from.null)) {
    const name = l.temp();
    const v: Expr = { e: "local", type: from, name };
    const absent: Expr = !from.null ? { e: "nullish", type: to, undef: true } : !from.undef ? { e: "nullish", type: to, undef: false }
      : { e: "cond", type: to, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: { e: "nullish", type: to, undef: true }, b: { e: "nullish", type: to, undef: false } };
    const present: Expr = { e: "some", type: to, x: castTo(l, { e: "unwrap", type: from.inner, x: v, loc: 0 }, to.inner, node, inner) };
    return { e: "let", type: to, name, init: value, body: { e: "cond", type: to, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: absent, b: present } };
  }
  // `e as TransientError | FatalError` on a caught error: unboxed by the object's class, each member of the
  // union the cast names (dynamic.ts unboxView reads them from the cast's type).
  if (value.type.k === "dyn" && to.k === "view") return coerceDynamic(l, value, to, node)!;
  // `const arr = value as unknown[]` of an array boxed with its own element type, only read from then on:
  // a copy of its elements as unknowns, which no one can tell from the array (record-copies.ts onlyReadValue).
  if (value.type.k === "dyn" && to.k === "array" && to.elem.k === "dyn" && onlyReadValue(l, node))
    return { e: "fromdyn", type: to, x: value, loc: l.loc(node), check: true, desc: descriptor(l, to, node), copy: true };
  const arrays = (m: Expr): Expr | undefined => narrowedArrayCopy(l, m, to, node, inner);
  // `layer as Record<string, unknown>` of an object only read from then on: a record of its properties (a view is
  // not cast down to the record class, which its object is not).
  const asRecord = isRecord(to) && onlyReadValue(l, node) ? objectAsRecord(l, value, to, node, true) : undefined;
  if (asRecord) return asRecord;
  return checkedDowncast(l, value, to, node) ?? unionCast(l, value, to, node, (m) => checkedDowncast(l, m, to, node) ?? arrays(m)) ?? arrays(value) ?? freshArrayAsTuple(l, value, to, inner) ?? coerce(l, value, to, inner);
}

/**
 * `args[0] as Sym[]` (an `Expr[]` whose elements the program knows to be `Sym`), used only for reading
 * (`const [name, ...rest] = ...`, `.map(...)`, indexing: dynamic.ts readOnlyUse): a copy with each element
 * cast, checked, which no one can tell from the array itself. Undefined elsewhere.
 */
function narrowedArrayCopy(l: Lowerer, value: Expr, to: Type, node: ts.Expression, inner: ts.Expression = node): Expr | undefined {
  // Also where it is passed to a function that only reads that parameter (`this.diffKeyed(a.children as VElement[])`),
  // and where the array cast is a new one no one else holds (`fns.slice(0, -1) as Middleware[]`).
  if (to.k !== "array" || value.type.k !== "array" || sameType(value.type, to) || !(readOnlyUse(node) || readOnlyArgument(l, node) || isFreshArrayNode(inner))) return undefined;
  const elem = to.elem;
  return mappedElements(l, "narrowed", value, to, (e) => castTo(l, e, elem, node), node);
}

/** `readonly T[]` or `ReadonlyArray<T>` as written. */
function isReadonlyArrayNode(t: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(t)) return isReadonlyArrayNode(t.type);
  if (ts.isTypeOperatorNode(t)) return t.operator === ts.SyntaxKind.ReadonlyKeyword && ts.isArrayTypeNode(t.type);
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === "ReadonlyArray";
}

export function coerce(l: Lowerer, e: Expr, to: Type, node: ts.Node): Expr {
  const from = e.type;
  if (from.k === "never") return neverAs(e, to, l, node);
  if (to.k === "void") return e;
  // `const x: never = s` after an exhaustive switch: tsc proved s impossible.
  if (to.k === "never") return unreachable(l, node);
  if (from.k === "str" && from.borrowed && to.k === "str" && !to.borrowed) l.fail("TSOS3002", node);
  if (isInt(from) && isInt(to)) {
    if (from.kind === to.kind) return e;
    if (e.e === "int") return intLiteral(l, e.value, to.kind, node);
    if (!widens(from.kind, to.kind, l.doubles)) l.fail("TSOS2001", node, from.kind, to.kind);
    return { e: "convert", type: to, x: e, checked: false, loc: l.loc(node) };
  }
  if (sameType(from, to)) return e;
  // A call that returns nothing where `undefined` fits (`return fn()` in `maybe<R>(fn: () => R): R | null` with R = void).
  if (from.k === "void" && to.k === "nullable" && to.undef) return { e: "seq", type: to, xs: [e, { e: "nullish", type: to, undef: true }] };
  const dynamic = coerceDynamic(l, e, to, node); // lower/dynamic.ts: unknown, object
  if (dynamic) return dynamic;
  const iterable = iterableCoerce(l, e, to, node); // lower/iterables.ts: an array, Map or Set as Iterable<T>
  if (iterable) return iterable;
  // A typed array as `Iterable<number>`, passed to a parameter its function only reads (`new Vector(data.subarray(a, b))`
  // where the constructor copies it): a copy of its elements as an array, which cannot be told apart there.
  const numbers = to.k === "view" ? typedAsNumbers(l, e, node) : undefined;
  const typedIterable = numbers && ts.isExpression(node) && readOnlyArgument(l, node) ? iterableCoerce(l, numbers, to, node) : undefined;
  if (typedIterable) return typedIterable;
  const obj = classCoerce(l, e, to, node) ?? viewCoerce(l, e, to, node);
  if (obj) return obj;
  const strRead = stringIndexOrUndefined(l, e, to);
  if (strRead) return coerce(l, strRead, to, node);
  // `return this.items[i]` as `T | undefined`: past the end, JavaScript reads undefined.
  if (e.e === "index" && e.arr.type.k === "array" && to.k === "nullable" && to.undef && (from.k !== "nullable" || !from.undef)) {
    return coerce(l, elementOrUndefined(l, e, node), to, node);
  }
  // An object for an optional record (`headers?: Record<string, string>`): the copy below, present.
  if (to.k === "nullable" && isRecord(to.inner) && (from.k === "view" || (from.k === "class" && from.cls.header && !isRecord(from)))) {
    const copy = objectAsRecord(l, e, to.inner, node);
    if (copy) return { e: "some", type: to, x: copy };
  }
  const n = coerceNullable(l, e, to, node);
  if (n) return n;
  const adapted = adaptFunction(l, e, to, node);
  if (adapted) return adapted;
  // An object where a record is wanted, where a copy cannot be told apart (lower/record-copies.ts).
  const asRecord = objectAsRecord(l, e, to, node);
  if (asRecord) return asRecord;
  // `Dog | Cat` (a view over both) where their base class `Animal` is wanted: tsc checked that the value is one,
  // so it is an instance of the class (checked: a plain object of the same shape panics instead of being misread).
  if (from.k === "view" && to.k === "class") {
    const down = checkedDowncast(l, e, to, node);
    if (down) return down;
  }
  // `[25, 10, 5] as const` where `readonly number[]` is wanted: a new tuple no one else holds, so its copy as an array
  // cannot be told apart (a stored tuple could be changed through another reference: not copied). Neither can a
  // copy passed to a parameter its function only reads (`pick(COLORS, i)`, lower/record-copies.ts).
  if (to.k === "array" && isTuple(from) && (freshTupleNode(node) || (ts.isExpression(node) && readOnlyArgument(l, node)))) {
    const arr = tupleAsArray(l, e, node);
    if (arr) return coerce(l, arr, to, node);
  }
  // `authors.filter(...) as Required<Author>[]`: a new array no one else holds, copied with each element converted.
  // So is `filters` in `const filters = specs.map(...); nodes.push({ filters })` when that is its only use, and
  // `names` in `printAll(names)` where `printAll(xs: unknown[])` only reads its parameter (lower/record-copies.ts).
  const readOnly = (): boolean => ts.isExpression(node) && readOnlyArgument(l, node);
  if (from.k === "array" && to.k === "array" && (isFreshArrayNode(node) || soleUseOfFreshArray(l, node) || readOnly()) && tryCoerce(l, { e: "local", type: from.elem, name: "tsos_probe" }, to.elem, node))
    return mappedElements(l, "cast", e, to, (x) => coerce(l, x, to.elem, node), node);
  // A typed array where an array of numbers is wanted (`ArrayLike<number>`, held as `number[]`), passed to a
  // parameter its function only reads: a copy of its elements, which cannot be told apart there.
  if (to.k === "array" && to.elem.k === "int" && to.elem.kind === "number" && readOnly()) {
    const numbers = typedAsNumbers(l, e, node);
    if (numbers) return numbers;
  }

  // A new tuple (`["null", null]` in an `as const` list of pairs) where a tuple of the same length with wider element
  // types is wanted (types.ts mergedTuple): built as that tuple; no one else holds it.
  if (e.e === "new") {
    const copied = copiedTuple(l, e, to, node);
    if (copied) return copied;
  }
  const matched = globalMatchAsStrings(l, e, to, node); // `const toks: string[] = s.match(/\d+/g) ?? []`
  if (matched) return matched;
  // A union where a class or an interface every member converts to is wanted: each member converted.
  if (from.k === "union" && (to.k === "class" || to.k === "view")) {
    const each = unionConvert(l, e, to, (m) => tryCoerce(l, m, to, node));
    if (each) return each;
  }
  l.fail("TSOS1021", node, typeName(from), typeName(to));
}

/**
 * Whether `node` is the one read of a `const` initialized with a new array (an array literal, a `map` or
 * `filter` result): no one else can see that array, so a copy of it here cannot be told apart either.
 */
function soleUseOfFreshArray(l: Lowerer, node: ts.Node): boolean {
  if (!ts.isIdentifier(node)) return false;
  const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
  const sym = shorthand ? l.checker.getShorthandAssignmentValueSymbol(node.parent) : l.symbolOf(node);
  const decl = sym?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !isFreshArrayNode(decl.initializer)) return false;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return false;
  let uses = 0;
  const visit = (n: ts.Node): void => {
    if (uses > 1) return;
    if (ts.isIdentifier(n) && n !== decl.name && n.text === node.text && l.symbolOf(n) === sym) uses++;
    // `{ filters }`: the shorthand's name is the variable's read.
    else if (ts.isShorthandPropertyAssignment(n) && n.name.text === node.text && l.checker.getShorthandAssignmentValueSymbol(n) === sym) {
      uses++;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(decl.getSourceFile());
  return uses === 1;
}

/** Whether `node` makes a new tuple: an array literal, `as const` of one. */
function freshTupleNode(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return ts.isArrayLiteralExpression(n);
}

/** `coerce`, or undefined where it would report an error (nothing is reported). */
export function tryCoerce(l: Lowerer, x: Expr, to: Type, node: ts.Node): Expr | undefined {
  return quietly(l, () => coerce(l, x, to, node));
}

/** Lower a condition: boolean, or an integer compared with zero. */
export function lowerCondition(l: Lowerer, node: ts.Expression): Expr {
  const logical = logicalCondition(l, node);
  if (logical) return logical;
  return truthValue(l, lowerExpr(l, node), node);
}

/** Whether the lowered value `x` is truthy (`if (x)`, `Boolean(x)`, `!!x`). */
export function truthValue(l: Lowerer, x0: Expr, node: ts.Node): Expr {
  const x = tested(x0);
  if (x.type.k === "bool") return x;
  if (isInt(x.type)) return { e: "truthy", type: T.bool, x };
  const truthy = truthyOf(x);
  if (truthy) return truthy;
  l.fail("TSOS1031", node, "a condition", typeName(x.type));
}

function intOperands(l: Lowerer, a: ts.Expression, b: ts.Expression, want: Type | undefined, node: ts.Node, op: string): [Expr, Expr] {
  const la = literalValue(l, a);
  const lb = literalValue(l, b);
  if (la !== undefined && lb !== undefined) {
    const kind = want && isInt(want) ? want.kind : "number";
    return [intLiteral(l, la, kind, a), intLiteral(l, lb, kind, b)];
  }
  // A literal takes the other operand's type; if it does not fit there, it is a
  // `number` and the other operand widens to number (as JavaScript would compute).
  let A: Expr;
  let B: Expr;
  if (la !== undefined) {
    B = lowerExpr(l, b);
    A = intLiteral(l, la, isInt(B.type) && fits(la, B.type.kind) ? B.type.kind : "number", a);
  } else if (lb !== undefined) {
    A = lowerExpr(l, a);
    B = intLiteral(l, lb, isInt(A.type) && fits(lb, A.type.kind) ? A.type.kind : "number", b);
  } else {
    A = lowerExpr(l, a);
    B = lowerExpr(l, b, A.type);
  }
  if (isInt(A.type) && isInt(B.type)) {
    const kind = unify(A.type.kind, B.type.kind, l.doubles);
    if (!kind) l.fail("TSOS2002", node, A.type.kind, B.type.kind, op);
    return [coerce(l, A, T.int(kind), a), coerce(l, B, T.int(kind), b)];
  }
  return [A, B];
}

const ARITH: Partial<Record<ts.SyntaxKind, BinOp>> = {
  [K.PlusToken]: "+", [K.MinusToken]: "-", [K.AsteriskToken]: "*", [K.SlashToken]: "/", [K.PercentToken]: "%",
  [K.LessThanLessThanToken]: "<<", [K.GreaterThanGreaterThanToken]: ">>", [K.GreaterThanGreaterThanGreaterThanToken]: ">>>",
  [K.AmpersandToken]: "&", [K.BarToken]: "|", [K.CaretToken]: "^", [K.AsteriskAsteriskToken]: "**",
};
const COMPARE: Partial<Record<ts.SyntaxKind, BinOp>> = {
  [K.LessThanToken]: "<", [K.LessThanEqualsToken]: "<=", [K.GreaterThanToken]: ">", [K.GreaterThanEqualsToken]: ">=",
  [K.EqualsEqualsEqualsToken]: "==", [K.EqualsEqualsToken]: "==", [K.ExclamationEqualsEqualsToken]: "!=", [K.ExclamationEqualsToken]: "!=",
};
const COMPOUND: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [K.PlusEqualsToken]: K.PlusToken, [K.MinusEqualsToken]: K.MinusToken, [K.AsteriskEqualsToken]: K.AsteriskToken,
  [K.SlashEqualsToken]: K.SlashToken, [K.PercentEqualsToken]: K.PercentToken, [K.LessThanLessThanEqualsToken]: K.LessThanLessThanToken,
  [K.GreaterThanGreaterThanEqualsToken]: K.GreaterThanGreaterThanToken,
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: K.GreaterThanGreaterThanGreaterThanToken,
  [K.AmpersandEqualsToken]: K.AmpersandToken, [K.BarEqualsToken]: K.BarToken, [K.CaretEqualsToken]: K.CaretToken,
  [K.AsteriskAsteriskEqualsToken]: K.AsteriskAsteriskToken,
};

function isStringy(l: Lowerer, node: ts.Expression): boolean {
  return isStringType(l.checker.getTypeAtLocation(node));
}

/**
 * `(this.cache ??= new Cache())` as a value: present afterwards whenever the checker says so
 * (the assigned value is not nullish), so it is the value itself (a singleton getter's result).
 */
function afterNullishAssign(l: Lowerer, b: ts.BinaryExpression, assigned: Expr): Expr {
  if (b.operatorToken.kind === K.QuestionQuestionEqualsToken && assigned.type.k === "nullable" && !ts.isExpressionStatement(b.parent)) {
    const after = tryIrType(l, l.checker.getTypeAtLocation(b), b);
    if (after && after.k !== "nullable" && sameType(after, assigned.type.inner)) return { e: "unwrap", type: after, x: assigned, loc: l.loc(b) };
  }
  return assigned;
}

/** The node whose parent uses `n`'s value, past parentheses. */
function skipParensDown(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

function skipParensUp(n: ts.Node): ts.Node {
  let p = n.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return p;
}

function lowerBinary(l: Lowerer, b: ts.BinaryExpression, want?: Type): Expr {
  const op = b.operatorToken.kind;
  if (op === K.InstanceOfKeyword) return lowerInstanceof(l, b);
  if (op === K.InKeyword) return recordIn(l, b) ?? enumIn(l, b) ?? objectInOperator(l, b) ?? l.fail("TSOS1005", b, "the `in` operator");
  if (op === K.EqualsToken || op === K.QuestionQuestionEqualsToken || op === K.BarBarEqualsToken || COMPOUND[op] !== undefined) {
    const rec = recordAssign(l, b, COMPOUND[op]);
    if (rec) return rec;
  }
  if ((op === K.EqualsToken || COMPOUND[op] !== undefined) && isTypedElement(l, b.left)) {
    const typed = typedElementWrite(l, b.left, b.right, op === K.EqualsToken ? undefined : typedUpdate(l, COMPOUND[op]!, b.right, b), false, b); // lower/typed-arrays.ts
    if (typed) return typed;
  }
  if (op === K.EqualsToken || COMPOUND[op] !== undefined) {
    const keyed = keyedAssign(l, b, COMPOUND[op]);
    if (keyed) return keyed;
  }
  if (op === K.EqualsToken || COMPOUND[op] !== undefined) {
    const acc = accessorRef(l, b.left, true);
    if (acc) return lowerAccessorWrite(l, acc, b.right, op === K.EqualsToken ? undefined : accessorUpdate(l, COMPOUND[op]!, b.right, b), false, b);
  }
  if (op === K.EqualsToken) {
    const setLength = arrayLengthAssign(l, b);
    if (setLength) return setLength;
    let target = lowerLValue(l, b.left);
    // Hosted, a store at the length appends (`cols[row] = v` filling an empty array), as in JavaScript. (The library
    // never needs it, and its stores into presized arrays, such as sort's merges, keep the plain bounds check.)
    if (target.e === "index" && target.arr.type.k === "array" && !target.unchecked && l.target === "host" && !b.getSourceFile().fileName.startsWith(LIB_DIR)) target = { ...target, append: true };
    const raw = lowerExpr(l, b.right, target.type);
    const value = coerce(l, raw, target.type, b.right);
    // `boxes.push((b = new Box(3)))` with `b: Box | undefined`: the expression's value is the value assigned, typed as it is.
    // (Not an array read, which coerce makes undefined past the end: `for (let t = toks[p]; ...; t = toks[p])`.)
    if (!ts.isExpressionStatement(skipParensUp(b)) && target.type.k === "nullable" && sameType(raw.type, target.type.inner) && !(raw.e === "index" && raw.arr.type.k === "array")) {
      const name = l.temp();
      const v: Expr = { e: "local", type: raw.type, name };
      return { e: "bind", type: raw.type, name, value: raw, body: { e: "seq", type: raw.type, xs: [{ e: "assign", type: target.type, target, value: coerce(l, v, target.type, b.right) }, v] } };
    }
    return { e: "assign", type: target.type, target, value };
  }
  if (op === K.QuestionQuestionEqualsToken || op === K.BarBarEqualsToken || op === K.AmpersandAmpersandEqualsToken) {
    const keyed = keyedLogicalAssign(l, b);
    if (keyed) return afterNullishAssign(l, b, keyed);
    const acc = accessorRef(l, b.left, true);
    return afterNullishAssign(l, b, acc ? lowerAccessorLogicalAssign(l, acc, b) : lowerLogicalAssign(l, b, lowerLValue(l, b.left)));
  }
  if (op === K.QuestionQuestionToken) return lowerNullish(l, b);
  const compound = COMPOUND[op];
  if (compound !== undefined) {
    const target = lowerLValue(l, b.left);
    // A bigint is a counted object: a plain store, which releases the old value (a compound store would not).
    if (isBigType(target.type)) return storeUpdate(l, target, (old) => coerce(l, arith(l, compound, old, b.right, target.type, b), target.type, b), false, b);
    const current: Expr = narrowCurrent(l, b.left, target);
    const value = coerce(l, arith(l, compound, current, b.right, target.type, b), target.type, b);
    return { e: "compound", type: target.type, target, value, postfix: false };
  }
  if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
    const A = lowerExpr(l, b.left);
    // `xs || []`: an empty literal takes the type of the whole expression.
    const literal = ts.isArrayLiteralExpression(b.right) || ts.isObjectLiteralExpression(b.right);
    let B = lowerExpr(l, b.right, literal ? tryIrType(l, l.checker.getTypeAtLocation(b), b) : undefined);
    // `verbose && console.log(m)` as a value: the call, then undefined (a void call has no value in C).
    if (B.type.k === "void") {
      const u = lowerNullLiteral("undefined");
      B = { e: "seq", type: u.type, xs: [B, u] };
    }
    if (A.type.k !== "bool" || B.type.k !== "bool") return logicalValue(l, b, A, B);
    return { e: "logic", type: T.bool, op: op === K.AmpersandAmpersandToken ? "&&" : "||", a: A, b: B };
  }
  const cmp = COMPARE[op];
  if (cmp) return compare(l, b, cmp);
  if (op === K.CommaToken) return lowerComma(l, b, want);
  if (ARITH[op]) {
    if (op === K.PlusToken && (isStringy(l, b.left) || isStringy(l, b.right)))
      return { e: "concat", type: T.str, parts: [plusPart(l, lowerExpr(l, b.left), b.left), plusPart(l, lowerExpr(l, b.right), b.right)] };
    return arith(l, op, b.left, b.right, want, b);
  }
  l.fail("TSOS1005", b.operatorToken, `the operator \`${b.operatorToken.getText()}\``);
}

function compare(l: Lowerer, b: ts.BinaryExpression, op: BinOp): Expr {
  if (op === "==" || op === "!=") {
    const d = dynEquality(l, b, (n) => lowerExpr(l, n), (n) => tryIrType(l, l.checker.getTypeAtLocation(n), n)?.k === "dyn");
    if (d) return d;
    const typeofTag = typeofTest(l, b, op === "!=", (n) => tested(lowerExpr(l, n)));
    if (typeofTag) return typeofTag;
    const n = nullableEquality(l, b);
    if (n) return n;
  }
  const [A, B] = intOperands(l, b.left, b.right, undefined, b, b.operatorToken.getText());
  const big = bigintCompare(l, op, tested(A), tested(B), b); // lower/bigint.ts
  if (big) return big;
  const eq = op === "==" || op === "!=";
  // An operand TypeScript narrowed where it may still be undefined (`const [k, v] = s.split("=")`):
  // equality needs no unwrapping, and compares as JavaScript does.
  // `x?.tag === "op"` where the checker says x is never undefined: `?.` still yields an optional value.
  if (eq && (tested(A) !== A || tested(B) !== B || A.type.k === "nullable" || B.type.k === "nullable")) {
    const optional = optionalEquality(l, b, tested(A), tested(B));
    if (optional) return optional;
  }
  if (A.type.k === "str" && B.type.k === "str" && eq) {
    // `s[i + 1] === '"'`: past the end JavaScript reads undefined, which equals no string.
    const opt: Type = { k: "nullable", inner: T.str, null: false, undef: true };
    const a = stringIndexOrUndefined(l, A, opt);
    const c = stringIndexOrUndefined(l, B, opt);
    if (a || c) {
      const x: Expr = { e: "opteq", type: T.bool, a: a ?? coerce(l, A, opt, b.left), b: c ?? coerce(l, B, opt, b.right), loose: false };
      return op === "!=" ? { e: "not", type: T.bool, x } : x;
    }
    return { e: "streq", type: T.bool, negate: op === "!=", a: A, b: B };
  }
  if (A.type.k === "str" && B.type.k === "str") return stringOrder(l, op as "<" | "<=" | ">" | ">=", A, B, b);
  if (isInt(A.type) || (eq && sameType(A.type, B.type) && A.type.k !== "str"))
    return { e: "binary", type: T.bool, op, a: A, b: B, loc: l.loc(b) };
  const identity = eq ? objectIdentity(l, b, A, B) : undefined;
  if (identity) return { e: "binary", type: T.bool, op, a: identity[0], b: identity[1], loc: l.loc(b) };
  const ordered = eq ? undefined : (valueOfOrder(l, op, A, B, b) ?? mixedOrder(l, op as "<" | "<=" | ">" | ">=", A, B, b)); // lower/relational.ts
  if (ordered) return ordered;
  l.fail("TSOS2008", b.operatorToken, b.operatorToken.getText(), typeName(A.type));
}

/**
 * `a < b` on objects whose class has `valueOf(): number` (a Date): both are
 * evaluated, then compared by their valueOf, as JavaScript's ToPrimitive does.
 */
function valueOfOrder(l: Lowerer, op: BinOp, A: Expr, B: Expr, node: ts.Node): Expr | undefined {
  const valueOf = (x: Expr): Expr | undefined => {
    if (x.type.k !== "class" || !x.type.cls.header) return undefined;
    const m = classMember(l, x.type.cls, "valueOf");
    if (m?.kind !== "method") return undefined;
    const r = resolveMember(l, x.type.cls, m.decl, [], false);
    return isInt(r.ret) ? { e: "call", type: r.ret, fn: r.fn, args: [coerce(l, x, r.self, node)] } : undefined;
  };
  const a = l.temp(), c = l.temp();
  const va = valueOf({ e: "local", type: A.type, name: a });
  const vb = valueOf({ e: "local", type: B.type, name: c });
  if (!va || !vb) return undefined;
  const cmp: Expr = { e: "binary", type: T.bool, op, a: coerce(l, va, T.number, node), b: coerce(l, vb, T.number, node), loc: l.loc(node) };
  return { e: "bind", type: T.bool, name: a, value: A, body: { e: "bind", type: T.bool, name: c, value: B, body: cmp } };
}

/**
 * `a === b` on two object references of related types (a subclass and its
 * base, a class and an interface it implements): both as the wider type,
 * compared by identity.
 */
function objectIdentity(l: Lowerer, b: ts.BinaryExpression, A: Expr, B: Expr): [Expr, Expr] | undefined {
  const object = (t: Type): boolean => t.k === "class" || t.k === "view";
  if (!object(A.type) || !object(B.type)) return undefined;
  const b2 = tryCoerce(l, B, A.type, b.right);
  if (b2) return [A, b2];
  const a2 = tryCoerce(l, A, B.type, b.left);
  return a2 ? [a2, B] : undefined;
}

/** An arithmetic or bitwise operation; `left` may be an already-lowered Expr (compound assignment). */
export function arith(l: Lowerer, opKind: ts.SyntaxKind, left: ts.Expression | Expr, right: ts.Expression, want: Type | undefined, node: ts.Node): Expr {
  const big = bigintArith(l, opKind, left, right, node); // lower/bigint.ts
  if (big) return big;
  const op = ARITH[opKind]!;
  const opText = ts.tokenToString(opKind) ?? op;
  if (op === "+" && !("kind" in left) && left.type.k === "str")
    return { e: "concat", type: T.str, parts: [left, plusPart(l, lowerExpr(l, right), right)] };
  let A: Expr;
  let B: Expr;
  if (op === "<<" || op === ">>" || op === ">>>") {
    A = "kind" in left ? lowerExpr(l, left, want) : left;
    const count = literalValue(l, right);
    B = count !== undefined ? intLiteral(l, count, fits(count, "u32") ? "u32" : "number", right) : lowerExpr(l, right);
    if (!isInt(A.type) || !isInt(B.type)) l.fail("TSOS2008", node, opText, typeName(isInt(A.type) ? B.type : A.type));
    // A hosted number count is taken modulo 2^32 first (ToUint32), as JavaScript does.
    if (isDouble(l, B.type) && !isDouble(l, A.type)) B = { e: "convert", type: T.int("u32"), x: B, checked: false, loc: l.loc(right) };
    const bits = INT_INFO[A.type.kind].bits;
    if (A.type.kind !== "number" && B.e === "int" && (B.value < 0n || B.value >= BigInt(bits))) l.fail("TSOS2005", node, B.value.toString(), A.type.kind, String(bits));
    const resultKind = op === ">>>" ? (A.type.kind === "number" ? "number" : unsignedOf(A.type.kind)) : A.type.kind;
    return { e: "binary", type: T.int(resultKind), op, a: A, b: B, loc: l.loc(node) };
  }
  if ("kind" in left) [A, B] = intOperands(l, left, right, want, node, opText);
  else {
    A = left;
    B = coerceOperand(l, right, A, node, opText);
  }
  if (!isInt(A.type) || !isInt(B.type)) l.fail("TSOS2008", node, opText, typeName(isInt(A.type) ? B.type : A.type));
  if (op === "**") {
    requireDoubles(l, node, "**");
    return numberPow(l, coerce(l, A, T.number, node), coerce(l, B, T.number, node), node);
  }
  // Hosted numbers are doubles: `/` gives a fraction, `x / 0` is Infinity, `%` is fmod.
  if (isDouble(l, A.type)) return { e: "binary", type: A.type, op, a: A, b: B, loc: l.loc(node) };
  if ((op === "/" || op === "%") && B.e === "int" && B.value === 0n) l.fail("TSOS2004", node);
  if (op === "/" && A.type.kind === "number") l.fail("TSOS2007", node);
  return { e: "binary", type: A.type, op, a: A, b: B, loc: l.loc(node) };
}

/** The right operand of a compound assignment, unified with the target's type. */
function coerceOperand(l: Lowerer, right: ts.Expression, A: Expr, node: ts.Node, opText: string): Expr {
  const B = lowerExpr(l, right, A.type);
  if (isInt(A.type) && isInt(B.type) && A.type.kind !== B.type.kind) {
    if (!unify(A.type.kind, B.type.kind, l.doubles)) l.fail("TSOS2002", node, A.type.kind, B.type.kind, opText);
    if (!widens(B.type.kind, A.type.kind, l.doubles)) l.fail("TSOS2001", right, B.type.kind, A.type.kind);
    return coerce(l, B, A.type, right);
  }
  return B;
}

export function floorDiv(l: Lowerer, call: ts.CallExpression, arg: ts.Expression, floor: boolean, want?: Type): Expr {
  let inner = arg;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (!ts.isBinaryExpression(inner) || inner.operatorToken.kind !== K.SlashToken) {
    const x = lowerExpr(l, arg, want);
    if (!isInt(x.type)) l.fail("TSOS1031", arg, "the argument of `Math.floor`", typeName(x.type));
    return x;
  }
  const [A, B] = intOperands(l, inner.left, inner.right, want, inner, "/");
  if (!isInt(A.type)) l.fail("TSOS2008", inner, "/", typeName(A.type));
  if (B.e === "int" && B.value === 0n) l.fail("TSOS2004", inner);
  const op: BinOp = floor && INT_INFO[A.type.kind].signed ? "floordiv" : "/";
  return { e: "binary", type: A.type, op, a: A, b: B, loc: l.loc(inner) };
}

function lowerPrefix(l: Lowerer, u: ts.PrefixUnaryExpression, want?: Type): Expr {
  switch (u.operator) {
    case K.PlusPlusToken:
      return incDec(l, u.operand, "+", false, u);
    case K.MinusMinusToken:
      return incDec(l, u.operand, "-", false, u);
    case K.ExclamationToken:
      return { e: "not", type: T.bool, x: lowerCondition(l, u.operand) };
    case K.PlusToken: {
      const operand = lowerExpr(l, u.operand, want);
      // `+fraction`: an object's own valueOf (lower/value-of.ts).
      const x = (operand.type.k === "class" || operand.type.k === "view") && valueOfPart(l, operand, u) || operand;
      if (x.type.k === "str") return stringToNumber(l, x, u);
      // `+(a < b)`: 1 or 0.
      if (x.type.k === "bool") return { e: "cond", type: T.number, c: x, a: { e: "num", type: T.number, value: 1 }, b: { e: "num", type: T.number, value: 0 } };
      if (!isInt(x.type)) l.fail("TSOS2008", u, "+", typeName(x.type));
      return x;
    }
    case K.TildeToken: {
      const x = lowerExpr(l, u.operand, want);
      if (isBigType(x.type)) return bigintUnary(l, "~", x, u);
      if (!isInt(x.type)) l.fail("TSOS2008", u, "~", typeName(x.type));
      return { e: "bitnot", type: x.type, x };
    }
    case K.MinusToken: {
      const operand = lowerExpr(l, u.operand, want);
      if (isBigType(operand.type)) return bigintUnary(l, "-", operand, u);
      const x = operand.type.k === "str" ? stringToNumber(l, operand, u) : operand;
      if (!isInt(x.type)) l.fail("TSOS2008", u, "-", typeName(x.type));
      if (isUnsigned(x.type.kind)) l.fail("TSOS2006", u, x.type.kind);
      if (x.e === "num") return { e: "num", type: x.type, value: -x.value }; // `-1.5` is a constant (exact)
      return { e: "neg", type: x.type, x, loc: l.loc(u) };
    }
  }
  l.fail("TSOS1005", u, `the operator \`${ts.tokenToString(u.operator) ?? "?"}\``);
}

/**
 * `place = make(place)` as a plain store (a bigint's `+=` and `++`: the store releases the old value), the
 * place's object and index evaluated once. `oldValue`: the expression's value is the old value (`b++` inside an
 * expression), else the new one.
 */
function storeUpdate(l: Lowerer, target: Expr, make: (old: Expr) => Expr, oldValue: boolean, node: ts.Node): Expr {
  const binds: { name: string; value: Expr }[] = [];
  const hold = (x: Expr): Expr => {
    if (x.e === "local" || x.e === "global" || x.e === "int" || x.e === "num") return x;
    const name = l.temp();
    binds.push({ name, value: x });
    return { e: "local", type: x.type, name };
  };
  let place: Expr;
  if (target.e === "local" || target.e === "global") place = target;
  else if (target.e === "field") place = { ...target, obj: hold(target.obj) };
  else if (target.e === "index") place = { ...target, arr: hold(target.arr), idx: hold(target.idx) };
  else l.fail("TSOS1005", node, "this assignment target");
  let body: Expr;
  if (oldValue) {
    const name = l.temp();
    const old: Expr = { e: "local", type: place.type, name };
    body = { e: "bind", type: place.type, name, value: place, body: { e: "seq", type: place.type, xs: [{ e: "assign", type: place.type, target: place, value: make(old) }, old] } };
  } else body = { e: "assign", type: place.type, target: place, value: make(place) };
  for (let i = binds.length - 1; i >= 0; i--) body = { e: "bind", type: body.type, name: binds[i]!.name, value: binds[i]!.value, body };
  return body;
}

function incDec(l: Lowerer, operand: ts.Expression, op: "+" | "-", postfix: boolean, node: ts.Node): Expr {
  const rec = recordIncDec(l, operand, op, postfix, node);
  if (rec) return rec;
  const typed = isTypedElement(l, operand) ? typedElementWrite(l, operand, undefined, typedUpdate(l, op === "+" ? "inc" : "dec", undefined, node), postfix, node) : undefined;
  if (typed) return typed;
  const keyed = keyedIncDec(l, operand, op, postfix, node);
  if (keyed) return keyed;
  const acc = accessorRef(l, operand, true);
  if (acc) return lowerAccessorWrite(l, acc, undefined, accessorUpdate(l, op === "+" ? "inc" : "dec", undefined, node), postfix, node);
  const target = lowerLValue(l, operand);
  const current = narrowCurrent(l, operand, target);
  if (isBigType(target.type)) return storeUpdate(l, target, (old) => bigintStep(l, old, op, node), postfix && !ts.isExpressionStatement(skipParensUp(node)), node);
  if (!isInt(current.type)) l.fail("TSOS2008", node, op + op, typeName(target.type));
  const one: Expr = { e: "int", type: current.type, value: 1n };
  const value: Expr = coerce(l, { e: "binary", type: current.type, op, a: current, b: one, loc: l.loc(node) }, target.type, node);
  return { e: "compound", type: target.type, target, value, postfix };
}

/** A value given either as TypeScript still to lower or as an expression already lowered. */
export function isExpr(v: ts.Expression | Expr): v is Expr {
  return "e" in v;
}

export function lowerGiven(l: Lowerer, v: ts.Expression | Expr, want?: Type): Expr {
  return isExpr(v) ? v : lowerExpr(l, v, want);
}

/**
 * `target = value` with the value already lowered: an element of a
 * destructuring assignment (`[a.x, a.y] = pair`, `({ w: box.w } = size)`).
 * The target is any place a plain `=` writes: a typed array's element, a
 * keyed object's member, an accessor or a member seen through a view, or a
 * local, field or array element.
 */
export function assignLowered(l: Lowerer, target: ts.Expression, value: Expr, node: ts.Node): Expr {
  const rec = recordStore(l, target, value, node);
  if (rec) return rec;
  const typed = isTypedElement(l, target) ? typedElementWrite(l, target, value, undefined, false, node) : undefined;
  if (typed) return typed;
  const keyed = keyedStore(l, target, value, node);
  if (keyed) return keyed;
  const acc = accessorRef(l, target, true);
  if (acc) return lowerAccessorWrite(l, acc, value, undefined, false, node);
  const lv = lowerLValue(l, target);
  return { e: "assign", type: lv.type, target: lv, value: coerce(l, value, lv.type, target) };
}

export function lowerLValue(l: Lowerer, node: ts.Expression): Expr {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  let x = unnarrowed(lowerExpr(l, node));
  // A narrowed read (dispatch.ts) is written as the declared place.
  while ((x.e === "convert" && x.type.k === "class") || x.e === "viewobj") x = unnarrowed(x.x);
  // A field of an erased type parameter (`n.value = v` in TreeNode<K, V>, lower/phantom.ts), read unboxed: written boxed.
  if (x.e === "fromdyn" && x.x.e === "field" && x.x.type.k === "dyn") x = x.x;
  else if (x.e === "bind" && x.value.e === "field" && x.value.type.k === "dyn") x = x.value;
  if (x.e === "field" && x.inline) l.fail("TSOS3013", node);
  if (x.e === "index" && x.arr.type.k === "fixed" && x.type.k === "class") l.fail("TSOS3013", node);
  if (x.e === "field" || x.e === "index") return checkedStoreTarget(l, x, node); // lower/frozen.ts
  if (x.e === "local" || x.e === "global" || x.e === "deref") return x;
  l.fail("TSOS1005", node, "assignment to this expression");
}

function lowerConditional(l: Lowerer, c: ts.ConditionalExpression, want?: Type): Expr {
  const cond = lowerCondition(l, c.condition);
  if (cond.e !== "bool") return conditionalOf(l, c, cond, want);
  // A constant condition (a `typeof` or `Array.isArray` known in a generic instance): where the whole does not
  // compile (the branch not taken does not type in this instance), only the branch taken is compiled.
  const whole = cleanly(l, () => conditionalOf(l, c, cond, want));
  if (whole) return whole;
  const taken = cond.value ? c.whenTrue : c.whenFalse;
  const x = lowerExpr(l, taken, want);
  return want ? (tryCoerce(l, x, want, taken) ?? x) : x;
}

function conditionalOf(l: Lowerer, c: ts.ConditionalExpression, cond: Expr, want?: Type): Expr {
  // `x ? { ...s, n: 1 } : { kind: "other" }` where a union, object or nullable is wanted
  // (a returned discriminated-union state): each literal branch is built as the wanted type.
  const literal = (e: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    return ts.isObjectLiteralExpression(e);
  };
  if (want && (want.k === "union" || want.k === "view" || want.k === "nullable" || want.k === "class") && (literal(c.whenTrue) || literal(c.whenFalse))) {
    const a = coerce(l, lowerExpr(l, c.whenTrue, want), want, c.whenTrue);
    const b = coerce(l, lowerExpr(l, c.whenFalse, want), want, c.whenFalse);
    return { e: "cond", type: want, c: cond, a, b };
  }
  // `s === "" ? [] : s.split(" ")`: an array literal branch is built as the array type of the whole
  // expression (alone, `[]` would be a `never[]`).
  const arrayLit = (e: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    return ts.isArrayLiteralExpression(e);
  };
  if (arrayLit(c.whenTrue) || arrayLit(c.whenFalse)) {
    const whole = want ?? tryIrType(l, l.checker.getTypeAtLocation(c), c);
    if (whole && isJsArray(whole)) {
      const a = coerce(l, lowerExpr(l, c.whenTrue, whole), whole, c.whenTrue);
      const b = coerce(l, lowerExpr(l, c.whenFalse, whole), whole, c.whenFalse);
      return { e: "cond", type: whole, c: cond, a, b };
    }
    // `same ? [] : null` where `string[] | null` is wanted: the literal is built as the wanted array type.
    const arrays = want?.k === "union" ? want.members.filter(isJsArray) : [];
    const wanted = want?.k === "nullable" ? want.inner : arrays.length === 1 ? arrays[0] : undefined;
    if (want && wanted && isJsArray(wanted)) {
      const branch = (e: ts.Expression): Expr => coerce(l, lowerExpr(l, e, arrayLit(e) ? wanted : want), want, e);
      return { e: "cond", type: want, c: cond, a: branch(c.whenTrue), b: branch(c.whenFalse) };
    }
    // `n > 0 ? ["a"] : [1, 2]` where `string[] | number[]` is wanted: each literal is built as the member its own
    // elements make it.
    if (want?.k === "union" && arrays.length > 1) {
      const member = (e: ts.Expression): Type | undefined => {
        const own = arrayLit(e) ? quietIrType(l, l.checker.getTypeAtLocation(e), e) : undefined;
        return own && arrays.find((m) => sameType(m, own));
      };
      const branch = (e: ts.Expression): Expr => coerce(l, lowerExpr(l, e, member(e) ?? want), want, e);
      return { e: "cond", type: want, c: cond, a: branch(c.whenTrue), b: branch(c.whenFalse) };
    }
  }
  let [A, B] = intOperands(l, c.whenTrue, c.whenFalse, want, c, "?:");
  // `cur = isList ? cur[i] : cur[key]` into a `T | undefined`: an array read past the end is the undefined it holds.
  if (want?.k === "nullable" && want.undef) {
    if (A.e === "index" && A.arr.type.k === "array") A = coerce(l, A, want, c.whenTrue);
    if (B.e === "index" && B.arr.type.k === "array") B = coerce(l, B, want, c.whenFalse);
  }
  const joined = joinNullable(l, c, A, B);
  if (joined) return { e: "cond", type: joined.type, c: cond, a: joined.a, b: joined.b };
  if (A.type.k === "never") A = neverAs(A, B.type, l, c.whenTrue);
  if (B.type.k === "never") B = neverAs(B, A.type, l, c.whenFalse);
  if (!sameType(A.type, B.type)) {
    // An object literal (or spread) against a value of the object type both are (lower/object-spread.ts).
    const view = objectBranches(l, c, A, B);
    if (view) return { e: "cond", type: view.type, c: cond, a: view.a, b: view.b };
    // Branches of different types meet in the type the checker gives the whole expression
    // (`e instanceof Error ? e.message : e` is `unknown`; `ok ? 1 : "none"` is `string | number`; `[k, n] as [string,
    // number]` against `[k, "-"] as [string, string]` is the tuple `[string, number | string]`, types.ts mergedTuple).
    const whole = tryIrType(l, l.checker.getTypeAtLocation(c), c);
    if (whole && (whole.k === "dyn" || whole.k === "union" || whole.k === "nullable" || isTuple(whole)))
      return { e: "cond", type: whole, c: cond, a: coerce(l, A, whole, c.whenTrue), b: coerce(l, B, whole, c.whenFalse) };
    // A class and its base (`idx >= 0 ? this.resolve(p) : this.cwd`, FsNode and DirNode): the base both are.
    // (A tuple, which isTuple took above, is a class too.)
    if (whole && ((whole as Type).k === "class" || whole.k === "view")) {
      const a = tryCoerce(l, A, whole, c.whenTrue);
      const b = a && tryCoerce(l, B, whole, c.whenFalse);
      if (a && b) return { e: "cond", type: whole, c: cond, a, b };
    }
    // Where an `unknown` is wanted, any branch will do (`note === undefined ? this.actual : note`, whose narrowed `{} | null` has no type of its own).
    if (want?.k === "dyn") return { e: "cond", type: want, c: cond, a: coerce(l, A, want, c.whenTrue), b: coerce(l, B, want, c.whenFalse) };
    l.fail("TSOS1021", c.whenFalse, typeName(B.type), typeName(A.type));
  }
  return { e: "cond", type: A.type, c: cond, a: A, b: B };
}

/**
 * The checker's type of an array literal with no wanted type. Object literals with different properties
 * (`[{ id: 1, allow: 2 }, { id: 2, deny: 3 }].map(...)`, also inside an element's property) are a union of
 * their fresh types, each lacking the others' properties; an array of object literals is given the widened
 * type a variable would get, in which each member has every property (`allow?: undefined`), as the elements
 * of one declared array do.
 */
function literalArrayType(l: Lowerer, a: ts.ArrayLiteralExpression): ts.Type {
  const t = l.checker.getTypeAtLocation(a);
  const elem = l.checker.isArrayType(t) ? l.checker.getTypeArguments(t as ts.TypeReference)[0] : undefined;
  const literal = (m: ts.Type): boolean => (m.getSymbol()?.flags ?? 0) & ts.SymbolFlags.ObjectLiteral ? true : false;
  return elem && (elem.isUnion() ? elem.types.every(literal) : literal(elem)) ? l.checker.getWidenedType(t) : t;
}

/**
 * The one tuple member of a wanted union that a literal of `a`'s length fills
 * (`["undo"]` and `["run", cmd]` where `["run", Command] | ["undo"]` is
 * wanted: the literal is built as that member, then converted to the union).
 * Undefined with spread elements, or when no member or several fit.
 */
function tupleMemberOf(l: Lowerer, want: Type | undefined, a: ts.ArrayLiteralExpression): Type | undefined {
  const u = want && unionIn(want);
  if (!u || a.elements.some((e) => ts.isSpreadElement(e))) return undefined;
  const n = a.elements.length;
  const fits = u.members.filter((m) => isTuple(m) && n <= m.cls.fields.length && n >= (m.cls.tupleRequired ?? m.cls.fields.length));
  if (fits.length <= 1) return fits[0];
  // Several lengths fit (`[number, number?] | [string]` given `["x"]`): the members whose elements take the literal's strings, numbers and booleans.
  const natural = a.elements.map((e) => quietIrType(l, l.checker.getTypeAtLocation(e), e));
  const taking = fits.filter((m) => isTuple(m) && natural.every((t, i) => !t || takesPrimitive(m.cls.fields[i]!.type, t)));
  return taking.length === 1 ? taking[0] : undefined;
}

/** Whether a place of type `place` can hold a value of type `t` as far as strings, numbers and booleans go (anything else: yes). */
function takesPrimitive(place: Type, t: Type): boolean {
  const kind = (x: Type): string | undefined => (x.k === "str" ? "str" : x.k === "bool" ? "bool" : x.k === "int" ? "number" : undefined);
  const k = kind(t);
  if (!k) return true;
  const inner = place.k === "nullable" ? place.inner : place;
  const u = unionIn(inner);
  return u ? u.members.some((m) => kind(m) === k) : kind(inner) === k || inner.k === "dyn";
}

function lowerArrayLiteral(l: Lowerer, a: ts.ArrayLiteralExpression, want?: Type): Expr {
  // An array literal stored as an `unknown` is an array of unknowns (its elements may be of any types).
  // Stored where an optional or nullable array is wanted (`tags?: string[]` given `[]`), it is that array.
  const present = want?.k === "nullable" && isJsArray(want.inner) ? want.inner : want;
  const wanted = present?.k === "dyn" ? arrayType(l, present) : present;
  const type = wanted && isJsArray(wanted) ? wanted : arrayMemberOf(wanted) ?? tupleMemberOf(l, wanted, a) ?? irType(l, literalArrayType(l, a), a);
  if (isTuple(type)) return tupleLiteral(l, a, type);
  if (type.k === "array" && a.elements.some((e) => ts.isSpreadElement(e))) return spreadArray(l, a.elements, type, a);
  if (type.k !== "array") l.fail("TSOS1006", a, typeName(type));
  const elems = a.elements.map((el) => coerce(l, lowerExpr(l, el, type.elem), type.elem, el));
  return { e: "arraylit", type: arrayType(l, type.elem), elems, loc: l.loc(a) };
}
