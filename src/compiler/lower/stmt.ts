/**
 * lower/stmt.ts: statements -> IR statements.
 *
 * Input:  the statements of a function body (or of a module's top level,
 *         minus its declarations, see module.ts).
 * Output: IR statements; `for...of` becomes an indexed `for`, `throw`
 *         becomes a panic, `console.log` becomes a print statement.
 * Invariants: a variable's IR type is the type the TypeScript checker gives
 *             its declaration (what VS Code shows on hover); an error in one
 *             statement is reported and lowering continues with the next, so
 *             one run reports every independent error.
 */
import { typedArrayForOf } from "./typed-arrays.ts";
import { hasEffects, isConstant } from "../eval-order.ts";
import ts from "typescript";
import { bigintLiteralValue, bigintToString, isBigType } from "./bigint.ts";
import { counted } from "../rc.ts";
import { earlyLocalName, isNestedFunction } from "./closures.ts";
import { hoistNestedFunctions } from "./nested-functions.ts";
import { capturingGenericFunction, genericFunctionConst } from "./generic-consts.ts";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { INT_INFO } from "../ints.ts";
import { Bail, cleanly, type Lowerer, snippet } from "./context.ts";
import { coerce, lowerCondition, lowerExpr, setLocalType, templateParts } from "./expr.ts";
import { exitActions, jumpTarget, lowerThrow, lowerTry } from "./exceptions.ts";
import { inspectArgument } from "./inspect.ts";
import { absentConstType } from "./absent-results.ts";
import { elementOrUndefined, isProbedLocal, probedRecordLocal, untrackedUndefinedLocal, markProbed, probedType } from "./probes.ts";
import { lowerArgs, untypedArrayType, untypedConst } from "./calls.ts";
import { neverLocals } from "./never.ts";
import { directiveGuard, formatDirectives, guardedFormat, printedSpread } from "./console-format.ts";
import { recordConstInit } from "./record-consts.ts";
import { nullLiteral, printable, undefinedResult } from "./nullable.ts";
import { arrayType, nullableType, sameType, tryIrType, typeFromTypeNode, typeName, typeOfNode } from "./types.ts";
import { bindLocal, destructure, destructuringAssignment, isTuple, refuseOptionalTuple } from "./destructure.ts";
import { objectDestructuringAssignment } from "./object-spread.ts";
import { arrayIterator, iteratorStep } from "./array-methods.ts";
import { collectionArray, collectionForOf } from "./collections.ts";
import { recordForIn } from "./records.ts";
import { destructuredIterable, iterableForOf, printableResult } from "./iterables.ts";
import { generatorReturnValue, lowerYieldStatement, sentYieldFirst } from "./generators.ts";
import { readonlyTupleArray, tupleForOf } from "./tuples.ts";
import { arrayLength, indexLoop } from "./index-loop.ts";
import { forOfString, isVar, labeledJump, lowerLabeled, varAssign, varTarget } from "./control.ts";
import { globalMatchAsStrings, matchElementLocal, printedRegExp } from "./regexp.ts";
import { stringIndexOrUndefined } from "./string-methods.ts";
import { numericRecordLocal } from "./records.ts";
import { deadFrozenTest } from "./frozen.ts";

const K = ts.SyntaxKind;

export function lowerBlock(l: Lowerer, stmts: readonly ts.Statement[]): Stmt[] {
  const out: Stmt[] = [];
  try {
    out.push(...hoistNestedFunctions(l, stmts));
  } catch (e) {
    if (!(e instanceof Bail)) throw e;
  }
  for (const s of stmts) {
    try {
      out.push(...lowerStmt(l, s));
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
    }
  }
  return out;
}

function body(l: Lowerer, s: ts.Statement): Stmt[] {
  return ts.isBlock(s) ? lowerBlock(l, s.statements) : lowerBlock(l, [s]);
}

/**
 * A variable's type and initial value, as `T | undefined` where the program
 * tests a value that TypeScript believes present (`probed`, lower/probes.ts):
 * reads of such a variable are checked.
 */
export function probedInit(l: Lowerer, decl: ts.VariableDeclaration): { type: Type; init?: Expr; probed: boolean } {
  // `const ampm = m[3]?.toLowerCase()` on a match array: string | undefined whatever tsc says (lower/regexp.ts).
  const matchElement = matchElementLocal(l, decl);
  if (matchElement) return { ...matchElement, probed: true };
  // `const f = handlers[name]; if (f) ...`: a missing key reads undefined (lower/records.ts).
  const recordProbe = probedRecordLocal(l, decl);
  if (recordProbe) return { ...recordProbe, probed: true };
  // `const cur = romans[s[i]]; if (cur < next) ...`: only number operands use it, where a missing key is NaN.
  const numeric = numericRecordLocal(l, decl);
  if (numeric) return { type: numeric.type, init: numeric, probed: false };
  const declared = variableInit(l, decl);
  const { type, init } = declared;
  // `const last = xs[xs.length - 1]; if (last) ...`: undefined outside the array (lower/probes.ts).
  if (init?.e === "index" && init.arr.type.k === "array" && probedType(type) && isProbedLocal(l, decl)) {
    const read = elementOrUndefined(l, init, decl);
    return { type: read.type, init: read, probed: true };
  }
  // `const next = s[i + 1]; if (next === undefined) ...`: undefined past the end of the string.
  if (init?.e === "strindex" && !init.code && isProbedLocal(l, decl)) {
    const read = stringIndexOrUndefined(l, init, { k: "nullable", inner: T.str, null: false, undef: true });
    if (read) return { type: read.type, init: read, probed: true };
  }
  return { type, init, probed: "probed" in declared && !!declared.probed };
}

export function declareLocal(l: Lowerer, decl: ts.VariableDeclaration): Stmt[] {
  if (l.isNamespacePattern(decl)) return []; // its names are the namespace's members (context.ts)
  if (!ts.isIdentifier(decl.name)) {
    if (isVar(decl.parent as ts.VariableDeclarationList)) l.fail("TSOS1086", decl.name, "`var` with a pattern");
    if (!decl.initializer) l.fail("TSOS9001", decl, "pattern without initializer");
    // `const [first, second] = set`: a collection destructures as the array of its entries.
    const value = destructuredIterable(l, decl.name, decl.initializer) ?? collectionArray(l, decl.initializer) ?? lowerExpr(l, decl.initializer, decl.type ? typeFromTypeNode(l, decl.type) : undefined);
    return destructure(l, decl.name, value, bindLocal(l, decl));
  }
  if (isVar(decl.parent as ts.VariableDeclarationList)) return varAssign(l, decl);
  if (untypedConst(l, decl.name) !== undefined) return [];
  if (genericFunctionConst(l, decl) || capturingGenericFunction(l, decl)) return []; // instantiated at each call (lower/generic-consts.ts)
  const { type, init, probed } = probedInit(l, decl);
  if (type.k === "never") {
    // `const x: never = s`: no C variable; reaching it panics (lower/never.ts).
    neverLocals.add(decl);
    return init ? [{ s: "expr", x: init, loc: l.loc(decl) }] : [];
  }
  // A recursive closure may have named the variable already (lower/closures.ts).
  const name = earlyLocalName(l, decl) ?? l.localName(decl.name.text);
  if (probed || untrackedUndefinedLocal(l, decl, type)) markProbed(l, name);
  l.scope.locals.set(decl, name);
  setLocalType(l, decl, type);
  return [{ s: "let", name, type, init, loc: l.loc(decl) }];
}

/**
 * A variable's type is its annotation; without one, an integer initializer
 * gives its own type (`const a = x + y` with u64 operands is u64, where tsc
 * would say number), and anything else the type tsc infers.
 */
/**
 * `const found = []; ... found.push({ a, b }); return found;`: TypeScript's
 * evolving array, whose type grows with what is pushed. The array has the
 * type tsc gives its last reference in the source (after the pushes), when
 * that is an array of a known element type; undefined otherwise.
 */
function evolvedArrayType(l: Lowerer, decl: ts.VariableDeclaration): Type | undefined {
  let init = decl.initializer!;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!ts.isArrayLiteralExpression(init) || init.elements.length || !ts.isIdentifier(decl.name)) return undefined;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return undefined;
  let last: ts.Type | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym) {
      const t = l.checker.getTypeAtLocation(n);
      if (l.checker.isArrayType(t) && !isAnyArray(l, t)) last = t;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  const t = last && tryIrType(l, last, decl);
  return t?.k === "array" ? t : undefined;
}

export function variableInit(l: Lowerer, decl: ts.VariableDeclaration): { type: Type; init?: Expr; probed?: boolean } {
  // `const env = { x: 3 }` used only as a `Record<string, number>` (lower/record-consts.ts).
  const record = recordConstInit(l, decl);
  if (record) return record;
  const filled = !decl.type && decl.initializer && isAnyArray(l, l.checker.getTypeAtLocation(decl.name)) ? (untypedArrayType(l, decl.initializer) ?? evolvedArrayType(l, decl)) : undefined;
  // `const peek = () => tokens[pos]` whose callers test its result: `() => T | undefined` (lower/absent-results.ts).
  const checked = decl.type ? typeFromTypeNode(l, decl.type) : (filled ?? absentConstType(l, decl, typeOfNode(l, decl.name)));
  if (!decl.initializer) return { type: checked };
  if (decl.type) return { type: checked, init: coerce(l, lowerExpr(l, decl.initializer, checked), checked, decl.initializer) };
  const kept = keptNull(l, decl, checked);
  if (kept) return kept;
  const init = lowerExpr(l, decl.initializer, checked.k === "int" ? undefined : checked);
  // `const raw = group ?? next` where tsc believes the regex group present: the value may still be
  // undefined, so the variable holds it as it is, and reads where tsc says T are checked.
  if (init.type.k === "nullable" && init.type.undef && checked.k !== "nullable" && checked.k !== "dyn" && sameType(init.type.inner, checked) && ts.isIdentifier(decl.name))
    return { type: init.type, init, probed: true };
  // `const r = gen.next().value!` with `gen: Generator<number>` (whose return type defaults to `any`): tsc says
  // `any`, which the value's own type makes precise. Operations tsc allowed on `any` are checked on that type.
  if (checked.k === "dyn" && init.type.k !== "dyn" && init.type.k !== "never" && l.checker.getTypeAtLocation(decl.name).flags & ts.TypeFlags.Any && ts.isIdentifier(decl.name) && decl.parent.flags & ts.NodeFlags.Const)
    return { type: init.type, init };
  // `const m = last?.match(re)` where tsc believes `last` present (an array element read past the end): tsc says
  // `RegExpMatchArray | null`, the value may also be undefined; the variable holds it as it is.
  if (init.type.k === "nullable" && init.type.undef && checked.k === "nullable" && !checked.undef && sameType(init.type.inner, checked.inner) && ts.isIdentifier(decl.name))
    return { type: init.type, init, probed: true };
  // `const label = xs[i] ?? "none"` (lower/nullable.ts lowerNullish): tsc says the element type, the value may be
  // either; reads where tsc says the element type are checked.
  if (init.type.k === "union" && checked.k !== "union" && checked.k !== "dyn" && init.type.members.some((m) => sameType(m, checked)) && ts.isIdentifier(decl.name) && isNullishDefault(decl.initializer))
    return { type: init.type, init, probed: true };
  // `const xs = e.list()` where tsc inferred the method's `return []` as `never[]` but it returns the `string[]`
  // its interface declares (functions.ts implementedReturnType): the variable holds that array.
  if (checked.k === "array" && checked.elem.k === "never" && init.type.k === "array" && init.type.elem.k !== "never") return { type: init.type, init };
  // `const words = s.match(/\w+/g) ?? []`: the matched strings, never undefined (lower/regexp.ts).
  const strings = checked.k === "array" && checked.elem.k === "nullable" ? globalMatchAsStrings(l, init, arrayType(l, T.str), decl.initializer) : undefined;
  if (strings) return { type: strings.type, init: strings };
  const type = init.type.k === "int" && checked.k === "int" ? init.type : checked;
  return { type, init: coerce(l, init, type, decl.initializer) };
}

/**
 * `const last = list.pop()!` with `list: (string | null)[]`: `!` says "not undefined" (the list is not empty), but
 * tsc also drops null from the type, where JavaScript keeps a null element. The variable holds `string | null`,
 * and reads where tsc says string are checked, except where the value goes to a place that takes null
 * (`list.splice(1, 0, last)`).
 */
function keptNull(l: Lowerer, decl: ts.VariableDeclaration, checked: Type): { type: Type; init: Expr; probed: true } | undefined {
  let x = decl.initializer!;
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (!ts.isNonNullExpression(x) || !ts.isIdentifier(decl.name) || checked.k === "nullable" || checked.k === "dyn") return undefined;
  const operand = tryIrType(l, l.checker.getTypeAtLocation(x.expression), x.expression);
  if (operand?.k !== "nullable" || !operand.null || !operand.undef || !sameType(operand.inner, checked)) return undefined;
  const type = nullableType(l, checked, true, false);
  return { type, init: coerce(l, lowerExpr(l, x, type), type, x), probed: true };
}

function isNullishDefault(x: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  return ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken;
}

/** `any[]`, `any[][]`, ...: what tsc says of `new Array(n).fill(v)` and arrays of them (calls.ts untypedArrayType says more). */
function isAnyArray(l: Lowerer, t: ts.Type): boolean {
  if (!l.checker.isArrayType(t)) return false;
  const elem = l.checker.getTypeArguments(t as ts.TypeReference)[0]!;
  return !!(elem.flags & ts.TypeFlags.Any) || isAnyArray(l, elem);
}

function lowerStmt(l: Lowerer, s: ts.Statement): Stmt[] {
  // `const x = yield v;`: the yield first (lower/generators.ts), then the statement reads what was sent in.
  const yielded = sentYieldFirst(l, s);
  if (yielded.length) return [...yielded, ...lowerStmtItself(l, s)];
  return lowerStmtItself(l, s);
}

function lowerStmtItself(l: Lowerer, s: ts.Statement): Stmt[] {
  const loc = l.loc(s);
  switch (s.kind) {
    case K.VariableStatement:
      return (s as ts.VariableStatement).declarationList.declarations.flatMap((d) => declareLocal(l, d));
    case K.ExpressionStatement: {
      const x = (s as ts.ExpressionStatement).expression;
      const print = lowerPrint(l, x);
      if (print) return [print];
      if (isStaticAssert(l, x)) return staticAssert(l, x as ts.CallExpression);
      if (ts.isYieldExpression(x)) return lowerYieldStatement(l, s as ts.ExpressionStatement, x); // lower/generators.ts
      if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isArrayLiteralExpression(x.left)) return destructuringAssignment(l, x);
      let inner = x;
      while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
      if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isObjectLiteralExpression(inner.left)) return objectDestructuringAssignment(l, inner);
      const guarded = logicalStatement(l, inner);
      if (guarded) return guarded;
      return [{ s: "expr", x: lowerExpr(l, x), loc }];
    }
    case K.IfStatement: {
      const i = s as ts.IfStatement;
      if (!i.elseStatement && deadFrozenTest(l, i.expression)) return []; // lower/frozen.ts
      const c = lowerCondition(l, i.expression);
      // A constant condition (a `typeof` known in a generic instance): the branch it rules out is not compiled,
      // since its code may not type in this instance (`av - bv` where av is a string).
      if (c.e === "bool") {
        const thenBody = c.value ? body(l, i.thenStatement) : cleanly(l, () => body(l, i.thenStatement));
        const elseBody = i.elseStatement && (c.value ? cleanly(l, () => body(l, i.elseStatement!)) : body(l, i.elseStatement));
        if (thenBody && (!i.elseStatement || elseBody)) return [{ s: "if", c, then: thenBody, else: elseBody, loc }];
        const taken = c.value ? thenBody : elseBody;
        return taken ? [{ s: "block", body: taken }] : [];
      }
      return [{ s: "if", c, then: body(l, i.thenStatement), else: i.elseStatement ? body(l, i.elseStatement) : undefined, loc }];
    }
    case K.WhileStatement: {
      const w = s as ts.WhileStatement;
      return [{ s: "while", c: lowerCondition(l, w.expression), body: body(l, w.statement), loc }];
    }
    case K.DoStatement: {
      const d = s as ts.DoStatement;
      return [{ s: "dowhile", c: lowerCondition(l, d.expression), body: body(l, d.statement), loc }];
    }
    case K.ForStatement:
      return [lowerFor(l, s as ts.ForStatement)];
    case K.ForOfStatement:
      return [lowerForOf(l, s as ts.ForOfStatement)];
    case K.ForInStatement: {
      const f = s as ts.ForInStatement;
      return [recordForIn(l, f, () => body(l, f.statement)) ?? l.fail("TSOS1005", f, "`for...in`")];
    }
    case K.BreakStatement:
    case K.ContinueStatement: {
      const jump: Stmt = (s as ts.BreakStatement).label ? labeledJump(l, s as ts.BreakStatement) : { s: s.kind === K.BreakStatement ? "break" : "continue", loc };
      return [...exitActions(l, s, jumpTarget(s as ts.BreakOrContinueStatement)), jump];
    }
    case K.TryStatement:
      return lowerTry(l, s as ts.TryStatement);
    case K.ReturnStatement:
      return [lowerReturn(l, s as ts.ReturnStatement)];
    case K.Block:
      return [{ s: "block", body: lowerBlock(l, (s as ts.Block).statements) }];
    case K.EmptyStatement:
      return [];
    case K.LabeledStatement:
      return lowerLabeled(l, s as ts.LabeledStatement, (st) => lowerStmt(l, st));
    case K.SwitchStatement:
      return [lowerSwitch(l, s as ts.SwitchStatement)];
    case K.ThrowStatement: {
      // Hosted programs throw exceptions; the kernel, and @trackCaller assertion helpers, panic at once.
      const thrown = (s as ts.ThrowStatement).expression;
      const panics = l.program.target === "kernel" || (l.scope.trackCaller && ts.isNewExpression(thrown) && ts.isIdentifier(thrown.expression) && thrown.expression.text === "Error");
      if (!panics) return lowerThrow(l, s as ts.ThrowStatement);
      const args = ((s as ts.ThrowStatement).expression as ts.NewExpression).arguments ?? [];
      const text: Type = { k: "str", borrowed: true };
      const message = args[0] ? lowerArgs(l, [args[0]], [text])[0]! : ({ e: "str", type: T.str, value: "explicit panic" } as Expr);
      // In an @trackCaller function the panic names the caller's line (loc -1).
      return [{ s: "expr", x: { e: "panic", type: T.never, message, loc: l.scope.trackCaller ? -1 : loc }, loc }];
    }
    case K.FunctionDeclaration:
      // Created at the start of its block (lower/nested-functions.ts).
      if (isNestedFunction(s)) return [];
      l.fail("TSOS1015", s, "a nested declaration", "declare it at module level");
    // falls through (fail never returns)
    case K.ClassDeclaration:
      l.fail("TSOS1015", s, "a nested declaration", "declare it at module level");
    // falls through (fail never returns)
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
      return [];
  }
  l.fail("TSOS1005", s, `the statement \`${snippet(s)}\``);
}

function isStaticAssert(l: Lowerer, x: ts.Expression): boolean {
  if (!ts.isCallExpression(x) || !ts.isIdentifier(x.expression) || x.expression.text !== "staticAssert") return false;
  const decl = l.symbolOf(x.expression)?.valueDeclaration;
  return !!decl && l.isLibDecl(decl);
}

/** Wrap `v` to the width of `t` (fixed-width integers wrap; `number` is exact). */
function wrapTo(v: bigint, t: Type): bigint {
  if (t.k !== "int" || t.kind === "number") return v;
  const bits = BigInt(INT_INFO[t.kind].bits);
  return INT_INFO[t.kind].signed ? BigInt.asIntN(Number(bits), v) : BigInt.asUintN(Number(bits), v);
}

/**
 * Evaluate a constant IR expression at compile time, or undefined: literals,
 * `const` module-level values, arithmetic and bit operations (wrapped to their
 * type, as at run time), comparisons and logic.
 */
function fold(l: Lowerer, x: Expr): bigint | boolean | undefined {
  switch (x.e) {
    case "int":
    case "bool":
      return x.value;
    case "global": {
      const g = l.program.globals.find((g) => g.cname === x.name);
      const v = g?.constValue ?? g?.constInit;
      return v ? fold(l, v) : undefined;
    }
    case "convert": {
      const v = fold(l, x.x);
      return typeof v === "bigint" ? wrapTo(v, x.type) : v;
    }
    case "not": {
      const v = fold(l, x.x);
      return typeof v === "boolean" ? !v : undefined;
    }
    case "logic": {
      const a = fold(l, x.a);
      const b = fold(l, x.b);
      if (typeof a !== "boolean" || typeof b !== "boolean") return undefined;
      return x.op === "&&" ? a && b : a || b;
    }
    case "binary": {
      const a = fold(l, x.a);
      const b = fold(l, x.b);
      if (typeof a !== "bigint" || typeof b !== "bigint") return undefined;
      const t = x.a.type;
      // A hosted number is a double: exact bigint arithmetic would not round as it does.
      if (l.doubles && t.k === "int" && t.kind === "number") return undefined;
      const bits = t.k === "int" ? BigInt(t.kind === "number" ? 32 : INT_INFO[t.kind].bits) : 64n;
      switch (x.op) {
        case "&": return t.k === "int" && t.kind === "number" ? undefined : a & b;
        case "|": return t.k === "int" && t.kind === "number" ? undefined : wrapTo(a | b, x.type);
        case "^": return t.k === "int" && t.kind === "number" ? undefined : wrapTo(a ^ b, x.type);
        case "<<": return t.k === "int" && t.kind === "number" ? undefined : wrapTo(a << (b & (bits - 1n)), x.type);
        case ">>": return t.k === "int" && t.kind === "number" ? undefined : a >> (b & (bits - 1n));
        case "==": return a === b;
        case "!=": return a !== b;
        case "<": return a < b;
        case "<=": return a <= b;
        case ">": return a > b;
        case ">=": return a >= b;
        case "+": return wrapTo(a + b, x.type);
        case "-": return wrapTo(a - b, x.type);
        case "*": return wrapTo(a * b, x.type);
        default: return undefined;
      }
    }
  }
  return undefined;
}

/** `staticAssert(condition, "message")`: checked now, emits nothing. */
function staticAssert(l: Lowerer, call: ts.CallExpression): Stmt[] {
  const [cond, message] = call.arguments;
  const value = fold(l, lowerExpr(l, cond!));
  if (typeof value !== "boolean") l.fail("TSOS3010", cond!);
  if (!value) l.fail("TSOS3009", call, message && ts.isStringLiteral(message) ? message.text : cond!.getText());
  return [];
}

/** `process.stdout.write(text)` / `process.stderr.write(text)` as a statement: the text, no newline. */
function streamWrite(l: Lowerer, x: ts.CallExpression): Stmt | undefined {
  const callee = x.expression as ts.PropertyAccessExpression;
  if (callee.name.text !== "write" || !ts.isPropertyAccessExpression(callee.expression)) return undefined;
  const stream = callee.expression;
  const proc = stream.expression;
  const decl = ts.isIdentifier(proc) && proc.text === "process" ? l.symbolOf(proc)?.valueDeclaration : undefined;
  if (!decl || !l.isLibDecl(decl) || (stream.name.text !== "stdout" && stream.name.text !== "stderr")) return undefined;
  const text = x.arguments[0];
  if (!text || x.arguments.length !== 1) l.fail("TSOS1015", x, "`write` without exactly one string", "pass one string");
  const value = coerce(l, lowerExpr(l, text, T.str), T.str, text);
  return { s: "print", stream: stream.name.text === "stderr" ? "err" : "out", args: [value], loc: l.loc(x), noNewline: true };
}

/**
 * `ready && start()`, `cached || load()` as a statement whose value is
 * unused: `if (ready) start();`, `if (!cached) load();` (so the right side
 * may be a void call or console.log). Undefined for anything else.
 */
export function logicalStatement(l: Lowerer, x: ts.Expression): Stmt[] | undefined {
  if (!ts.isBinaryExpression(x)) return undefined;
  const op = x.operatorToken.kind;
  if (op !== ts.SyntaxKind.AmpersandAmpersandToken && op !== ts.SyntaxKind.BarBarToken) return undefined;
  const c = lowerCondition(l, x.left);
  const loc = l.loc(x);
  let right: ts.Expression = x.right;
  while (ts.isParenthesizedExpression(right)) right = right.expression;
  const then = logicalStatement(l, right) ?? [lowerPrint(l, right) ?? { s: "expr", x: lowerExpr(l, right), loc: l.loc(right) }];
  return [{ s: "if", c: op === ts.SyntaxKind.AmpersandAmpersandToken ? c : { e: "not", type: T.bool, x: c }, then, loc }];
}

/** `console.log(...)` / `console.error(...)` as a statement. */
export function lowerPrint(l: Lowerer, x: ts.Expression): Stmt | undefined {
  if (!ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression)) return undefined;
  const write = streamWrite(l, x);
  if (write) return write;
  const obj = x.expression.expression;
  const decl = ts.isIdentifier(obj) ? l.symbolOf(obj)?.valueDeclaration : undefined;
  if (!decl || !l.isLibDecl(decl) || obj.getText() !== "console") return undefined;
  if (l.target === "kernel") l.fail("TSOS3001", x.expression, `console.${x.expression.name.text}`);
  const method = x.expression.name.text;
  // `console.group(label)`: the label printed as log prints it, then deeper indentation (runtime tsos_host.h).
  if (method === "group" || method === "groupCollapsed" || method === "groupEnd") {
    const step: Stmt = { s: "expr", x: { e: "call", type: T.void, fn: method === "groupEnd" ? "tsos_console_group_end" : "tsos_console_group", args: [] }, loc: l.loc(x) };
    const label = x.arguments.length && method !== "groupEnd" ? printStatement(l, x, "out") : undefined;
    return label ? { s: "block", body: [label, step] } : step;
  }
  if (!["log", "error", "info", "debug", "warn"].includes(method)) return undefined;
  return printStatement(l, x, method === "error" || method === "warn" ? "err" : "out");
}

/** The arguments of `console.log(...)` (or another printing method) printed as Node prints them, then a newline. */
function printStatement(l: Lowerer, x: ts.CallExpression, stream: "out" | "err"): Stmt {
  // `console.log("%s: %d", name, n)`: Node's format directives (lower/console-format.ts).
  const format = formatDirectives(l, x);
  const args: Expr[] = format ? [...format.parts] : [];
  // Each argument's value, in order (a template is its string).
  const given = x.arguments.map((a, i): Expr | undefined => {
    if (format && i < format.taken) return undefined;
    if (ts.isSpreadElement(a)) return lowerExpr(l, a.expression);
    return ts.isTemplateExpression(a) ? { e: "concat", type: T.str, parts: templateParts(l, a) } : printableResult(l, a) ?? printedRegExp(l, lowerExpr(l, a), a);
  });
  // JavaScript evaluates every argument before formatting any (`console.log(xs, xs.reverse())` prints
  // the reversed array twice): when an object's formatting would come before a later argument's
  // side effects, every argument is held in a local first.
  const shown = (v: Expr | undefined): boolean => !!v && !["str", "int", "bool", "void", "never"].includes(v.type.k);
  const mustHold = given.some((v, i) => shown(v) && given.slice(i + 1).some((w) => w && hasEffects(w)));
  const held: Stmt[] = [];
  const hold = (v: Expr): Expr => {
    if (!mustHold || isConstant(v) || v.type.k === "void" || v.type.k === "never") return v;
    const name = l.temp();
    held.push({ s: "let", name, type: v.type, init: v, loc: l.loc(x) });
    return { e: "local", type: v.type, name };
  };
  x.arguments.forEach((a, i) => {
    const value = given[i];
    if (!value) return;
    if (ts.isSpreadElement(a) && isTuple(value.type)) {
      // A tuple's elements are so many arguments.
      refuseOptionalTuple(l, value.type, a, "a spread");
      const name = l.temp();
      held.push({ s: "let", name, type: value.type, init: value, loc: l.loc(x) });
      value.type.cls.fields.forEach((f, k) => {
        if (i > 0 || k > 0) args.push({ e: "str", type: T.str, value: " " });
        args.push(printable(inspectArgument(l, { e: "field", type: f.type, obj: { e: "local", type: value.type, name }, name: f.name }, a)));
      });
      return;
    }
    if (ts.isSpreadElement(a)) {
      // The elements printed (console-format.ts printedSpread); no space before those of an empty array.
      const name = l.temp();
      const arr: Expr = { e: "local", type: value.type, name };
      const text = printedSpread(l, arr, a);
      const some: Expr = { e: "binary", type: T.bool, op: ">", a: { e: "arraymethod", type: T.number, method: "length", arr, args: [], loc: l.loc(a) }, b: { e: "int", type: T.number, value: 0n }, loc: l.loc(a) };
      // First, a string element is Node's format string: one holding a directive panics (console-format.ts).
      const first = value.type.k === "array" && value.type.elem.k === "str" ? directiveGuard(l, a, text) : text;
      const spaced: Expr = i === 0 ? first : { e: "cond", type: T.str, c: some, a: { e: "concat", type: T.str, parts: [{ e: "str", type: T.str, value: " " }, text] }, b: { e: "str", type: T.str, value: "" } };
      args.push({ e: "bind", type: T.str, name, value: hold(value), body: spaced });
      return;
    }
    if (i > 0) args.push({ e: "str", type: T.str, value: " " });
    // A template's parts are converted to strings (ToString: -0 is "0"); a direct
    // argument is formatted as console.log formats it (-0 is "-0"): emit-c.ts tells them apart.
    const v: Expr = ts.isTemplateExpression(a) ? hold(value) : printable(inspectArgument(l, hold(value), a));
    args.push(i === 0 && x.arguments.length > 1 ? guardedFormat(l, a, v) : v);
  });
  const flat = (a: Expr): Expr[] => (a.e === "concat" ? a.parts.flatMap(flat) : [a]);
  for (const a of args.flatMap(flat)) if (a.type.k !== "str" && a.type.k !== "bool" && a.type.k !== "int") l.fail("TSOS1031", x, "an argument of `console.log`", typeName(a.type));
  const print: Stmt = { s: "print", stream, args: args.map((a) => (a.e === "tostr" ? { ...a, onStack: true } : a)), loc: l.loc(x) };
  return held.length ? { s: "block", body: [...held, print] } : print;
}

function lowerFor(l: Lowerer, f: ts.ForStatement): Stmt {
  const init: Stmt[] = [];
  if (f.initializer && ts.isVariableDeclarationList(f.initializer)) for (const d of f.initializer.declarations) init.push(...declareLocal(l, d));
  else if (f.initializer) init.push({ s: "expr", x: lowerExpr(l, f.initializer), loc: l.loc(f.initializer) });
  const c = f.condition ? lowerCondition(l, f.condition) : undefined;
  const step = f.incrementor ? [lowerExpr(l, f.incrementor)] : [];
  return { s: "for", init, c, step, body: body(l, f.statement), loc: l.loc(f) };
}

function lowerForOf(l: Lowerer, f: ts.ForOfStatement): Stmt {
  const loc = l.loc(f);
  const collection = collectionForOf(l, f, () => body(l, f.statement)) ?? typedArrayForOf(l, f, (x) => bindForOf(l, f, x), () => body(l, f.statement));
  if (collection) return collection;
  // Classes with [Symbol.iterator](), generators, Iterator values (lower/iterables.ts).
  const custom = iterableForOf(l, f, (x) => bindForOf(l, f, x), () => body(l, f.statement));
  if (custom) return custom;
  const iter = arrayIterator(l, f.expression);
  const arr = iter ? iter.arr : readonlyTupleArray(l, f.expression, lowerExpr(l, f.expression));
  const tuple = tupleForOf(l, f, arr, (x) => bindForOf(l, f, x), () => body(l, f.statement));
  if (tuple) return tuple;
  if (arr.type.k === "str") return forOfString(l, f, arr, (ch) => bindForOf(l, f, ch), () => body(l, f.statement));
  if (arr.type.k !== "array") l.fail("TSOS1015", f.expression, `\`for...of\` over \`${typeName(arr.type)}\``, "iterate over an array");
  if (!ts.isVariableDeclarationList(f.initializer) || f.initializer.declarations.length !== 1) l.fail("TSOS1005", f.initializer, "this `for...of` head");
  const elemType = arr.type.elem;
  return indexLoop(l, loc, arr, (src) => arrayLength(src, loc), (src, idx) => {
    // In range by construction: the loop tests the live length right before the read.
    const elem: Expr = { e: "index", type: elemType, arr: src, idx, loc, unchecked: true };
    const first = iter ? iteratorStep(l, f, iter.kind, idx, elem, (x) => bindForOf(l, f, x)) : bindForOf(l, f, elem);
    return [...first, ...body(l, f.statement)];
  });
}

/** Bind a `for...of` loop variable to the current element. */
function bindForOf(l: Lowerer, f: ts.ForOfStatement, elem: Expr): Stmt[] {
  const loc = l.loc(f);
  if (!ts.isVariableDeclarationList(f.initializer) || f.initializer.declarations.length !== 1) l.fail("TSOS1005", f.initializer, "this `for...of` head");
  const decl = f.initializer.declarations[0]!;
  if (!ts.isIdentifier(decl.name)) {
    if (isVar(f.initializer)) l.fail("TSOS1086", decl.name, "`var` with a pattern");
    return destructure(l, decl.name, elem, bindLocal(l, decl));
  }
  if (isVar(f.initializer)) return [{ s: "expr", x: { e: "assign", type: elem.type, target: varTarget(l, decl, elem.type), value: elem }, loc }];
  const elemName = l.localName(decl.name.text);
  l.scope.locals.set(decl, elemName);
  setLocalType(l, decl, elem.type);
  return [{ s: "let", name: elemName, type: elem.type, init: elem, loc }];
}

function lowerReturn(l: Lowerer, r: ts.ReturnStatement): Stmt {
  const exits = exitActions(l, r, undefined);
  const ret = lowerPlainReturn(l, r);
  if (!exits.length) return ret;
  // Leaving a try block: the value is computed while its handlers are still installed.
  if (ret.s === "block") return { s: "block", body: [...ret.body.slice(0, -1), ...exits, ret.body[ret.body.length - 1]!] };
  if (ret.s !== "return" || !ret.x) return { s: "block", body: [...exits, ret] };
  // `return fn()` where fn returns nothing or never returns (a generic's T = never): no value to hold.
  if (ret.x.type.k === "never" || ret.x.type.k === "void") return { s: "block", body: [{ s: "expr", x: ret.x, loc: ret.loc }, ...exits, { s: "return", loc: ret.loc }] };
  const tmp = l.localName("tsos_ret");
  return { s: "block", body: [{ s: "let", name: tmp, type: ret.x.type, init: ret.x, loc: ret.loc }, ...exits, { s: "return", x: { e: "local", type: ret.x.type, name: tmp }, loc: ret.loc }] };
}

function lowerPlainReturn(l: Lowerer, r: ts.ReturnStatement): Stmt {
  const loc = l.loc(r);
  if (l.scope.isCtor) return { s: "return", x: { e: "local", type: l.scope.thisType!, name: "self" }, loc };
  const ret = l.scope.ret ?? T.void;
  // `return;` in a function typed `string | undefined` (or `| void`): it returns undefined.
  if (!r.expression) {
    const absent = ret.k === "void" ? undefined : undefinedResult(l, ret, r);
    return absent ? { s: "return", x: absent, loc } : { s: "return", loc };
  }
  if (ret.k === "void" && nullLiteral(l, r.expression) === "undefined") return { s: "return", loc };
  // `return v` in a generator's body: v is kept for the step that reports the end (lower/generators.ts).
  const kept = ret.k === "void" ? generatorReturnValue(l, r) : undefined;
  if (kept) return { s: "block", body: [kept, { s: "return", loc }] };
  // `return log("done")` in a void function: the call, then a plain return (C has no void values).
  if (ret.k === "void") return { s: "block", body: [{ s: "expr", x: lowerExpr(l, r.expression), loc }, { s: "return", loc }] };
  return { s: "return", x: coerce(l, lowerExpr(l, r.expression, ret), ret, r.expression), loc };
}

function lowerSwitch(l: Lowerer, sw: ts.SwitchStatement): Stmt {
  const x0 = lowerExpr(l, sw.expression);
  // A bigint matches a case of the same value: both compared as their decimal digits (lower/bigint.ts).
  const big = isBigType(x0.type);
  const value = big ? bigintToString(l, x0, sw.expression) : x0;
  const caseValue = (e: ts.Expression): Expr => {
    if (!big) return coerce(l, lowerExpr(l, e, value.type), value.type, e);
    const lit = bigintLiteralValue(e);
    if (lit === undefined) l.fail("TSOS1015", e, "a `case` of a bigint that is not a literal", "compare with `===` in an `if`");
    return { e: "str", type: T.str, value: lit.toString() };
  };
  // A discriminant the switch computes (`switch (cmd.toLowerCase())`) is held in a local of its own, which the
  // block releases when the switch is left by any path; the comparisons read it.
  const held = counted(value.type) && value.e !== "local" && value.e !== "global" && value.e !== "str";
  const name = held ? l.temp() : "";
  const x: Expr = held ? { e: "local", type: value.type, name } : value;
  const cases = sw.caseBlock.clauses.map((c) => ({
    values: ts.isCaseClause(c) ? [caseValue(c.expression)] : [],
    isDefault: ts.isDefaultClause(c),
    body: lowerBlock(l, c.statements),
  }));
  const loc = l.loc(sw);
  const lazy = lazyCases(l, x, cases, loc);
  const stmts: Stmt[] = lazy ?? [{ s: "switch", x, cases, loc }];
  if (held) stmts.unshift({ s: "let", name, type: value.type, init: value, loc });
  return stmts.length === 1 ? stmts[0]! : { s: "block", body: stmts };
}

/**
 * A switch with a case value that allocates (`case parts.join(""):`): each such value is computed into a local
 * of its own block, only while no case has matched yet (JavaScript evaluates case values in order, up to the
 * match), compared there and released; the switch itself then picks the matched clause by its number. Undefined
 * when every case value is a literal or a variable (the plain switch compares them in place).
 */
function lazyCases(l: Lowerer, x: Expr, cases: { values: Expr[]; isDefault: boolean; body: Stmt[] }[], loc: number): Stmt[] | undefined {
  const constant = (v: Expr): boolean =>
    v.e === "str" || v.e === "local" || v.e === "global" || v.e === "nullish" || v.e === "int" || v.e === "num" || v.e === "bool" || (v.e === "some" && constant(v.x));
  const fresh = (v: Expr): boolean => counted(v.type) && !constant(v);
  if (!cases.some((k) => k.values.some(fresh))) return undefined;
  // Compared as the plain switch compares them: strings by content, objects by identity.
  if (x.type.k !== "str" && x.type.k !== "class" && x.type.k !== "array") return undefined;
  const I32 = T.int("i32");
  const which = l.temp();
  const matched: Expr = { e: "local", type: I32, name: which };
  const none: Expr = { e: "int", type: I32, value: -1n };
  const out: Stmt[] = [{ s: "let", name: which, type: I32, init: none, loc }];
  cases.forEach((k, i) => {
    for (const v of k.values) {
      const held = l.temp();
      const value: Expr = { e: "local", type: v.type, name: held };
      const same: Expr = x.type.k === "str" ? { e: "streq", type: T.bool, negate: false, a: x, b: value } : { e: "binary", type: T.bool, op: "==", a: x, b: value, loc };
      const mark: Stmt = { s: "expr", x: { e: "assign", type: I32, target: matched, value: { e: "int", type: I32, value: BigInt(i) } }, loc };
      const test: Stmt[] = [{ s: "let", name: held, type: v.type, init: v, loc }, { s: "if", c: same, then: [mark], loc }];
      out.push({ s: "if", c: { e: "binary", type: T.bool, op: "==", a: matched, b: none, loc }, then: test, loc });
    }
  });
  const numbered = cases.map((k, i) => ({ ...k, values: k.isDefault ? [] : [{ e: "int", type: I32, value: BigInt(i) } as Expr] }));
  out.push({ s: "switch", x: matched, cases: numbered, loc });
  return out;
}
