/**
 * lower/probes.ts: array reads that a program tests for absence.
 *
 * Input:  an element read `xs[i]` on an array, and where it is used.
 * Output: the read as `T | undefined` (undefined outside the array, as in
 *         JavaScript; lib/std/array.ts elementOrUndefined) when the program
 *         tests it: `xs[i] ?? d`, `xs[i]?.x`, `if (xs[i])`, `!xs[i]`,
 *         `xs[i] === undefined`, `xs[i] instanceof C`, `xs[i] === v` / `!==` (a strict comparison
 *         with any value, `comparedElement`: undefined equals no value of
 *         the element type, so `queue[0] !== member` is true on an empty queue); and locals initialised by such a read that
 *         the program tests (`const last = xs[xs.length - 1]; if (last) ...`),
 *         and likewise locals initialised by a record read
 *         (`const f = handlers[name]; if (!f) ...`, lower/records.ts).
 *         Everywhere else an out-of-bounds read panics (docs/language.md).
 * Invariants: TypeScript types these reads as `T`, so a probed local read
 *             where TypeScript believes it present is unwrapped with a check
 *             (`markProbed`, `isProbedVariable`): an absent value panics, never reads as 0.
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { stdCall } from "./array-methods.ts";
import { isDouble } from "./number.ts";
import { isInt } from "../ints.ts";
import { nullableType, sameType } from "./types.ts";
import { isOpenRecord, recordReadOrUndefined } from "./records.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { isnullish, unwrap } from "./nullable.ts";
import { LIB_DIR } from "../load.ts";

const K = ts.SyntaxKind;

/** C names of variables declared `T | undefined` because the program tests them (see above): per function, and per compilation for globals. */
const probedNames = new WeakMap<object, Set<string>>();

/** Record that the local `name` of the function being lowered (or the global, `global`) is probed. */
export function markProbed(l: Lowerer, name: string, global = false): void {
  const key = global ? l : l.scope;
  let set = probedNames.get(key);
  if (!set) probedNames.set(key, (set = new Set()));
  set.add(name);
}

/** Whether the variable `x` reads (a local of the function being lowered, or a global) is probed. */
export function isProbedVariable(l: Lowerer, x: Expr): boolean {
  if (x.e === "local") return probedNames.get(l.scope)?.has(x.name) ?? false;
  if (x.e === "global") return probedNames.get(l)?.has(x.name) ?? false;
  return false;
}

/** `xs[i]` as `T | undefined` (e is the plain read). */
export function elementOrUndefined(l: Lowerer, e: Extract<Expr, { e: "index" }>, node: ts.Node): Expr {
  return e.idx.e === "convert" && e.idx.checked && isDouble(l, e.idx.x.type)
    ? stdCall(l, "elementOrUndefinedAt", [e.type], [e.arr, e.idx.x], node)
    : stdCall(l, "elementOrUndefined", [e.type], [e.arr, e.idx.type.k === "int" && e.idx.type.kind === "i64" ? e.idx : { e: "convert", type: T.int("i64"), x: e.idx, checked: false, loc: 0 }], node);
}

/**
 * `xs[i] === v` / `!==` with an integer index: the read as `T | undefined` built in place,
 * `0 <= i < xs.length ? xs[i] : undefined`, so that the comparison costs what a bounds check
 * costs (the loop in sieve's `composite[i] === 0`). A `number` index, which may be fractional,
 * goes through elementOrUndefined.
 */
export function comparedElement(l: Lowerer, e: Extract<Expr, { e: "index" }>, node: ts.Node): Expr {
  const fromDouble = e.idx.e === "convert" && e.idx.checked && isDouble(l, e.idx.x.type);
  if (fromDouble || !isInt(e.idx.type) || isDouble(l, e.idx.type)) return elementOrUndefined(l, e, node);
  const i64 = T.int("i64");
  const arrName = l.temp();
  const idxName = l.temp();
  const arr: Expr = { e: "local", type: e.arr.type, name: arrName };
  const k: Expr = { e: "local", type: i64, name: idxName };
  const kind = (e.idx.type as { kind: string }).kind;
  const idx: Expr = kind === "i64" ? e.idx : { e: "convert", type: i64, x: e.idx, checked: false, loc: 0 };
  const len: Expr = { e: "convert", type: i64, x: { e: "arraymethod", type: T.int("usize"), method: "length", arr, args: [], loc: e.loc }, checked: false, loc: 0 };
  const inRange: Expr = {
    e: "logic",
    type: T.bool,
    op: "&&",
    a: { e: "binary", type: T.bool, op: ">=", a: k, b: { e: "int", type: i64, value: 0n }, loc: e.loc },
    b: { e: "binary", type: T.bool, op: "<", a: k, b: len, loc: e.loc },
  };
  const type = nullableType(l, e.type, false, true);
  const read: Expr = { e: "cond", type, c: inRange, a: { e: "some", type, x: { e: "index", type: e.type, arr, idx: k, loc: e.loc, unchecked: true } }, b: { e: "nullish", type, undef: true } };
  return { e: "let", type, name: arrName, init: e.arr, body: { e: "let", type, name: idxName, init: idx, body: read } };
}

/** Whether `node` is an operand of `===` / `!==` (not with a literal null or undefined, which isProbe covers), or what a `switch` tests. */
export function isStrictlyCompared(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  // `switch (verb)` compares verb with each case strictly: an absent value takes the default.
  if (ts.isSwitchStatement(p)) return p.expression === n;
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  return (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) && !isAbsentLiteral(p.left === n ? p.right : p.left);
}

/** Whether the value of `node` is tested for absence where it is used. */
export function isProbe(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    // `xs[i] ?? xs[j] ?? d`: the middle read is tested by the outer `??`.
    if (op === K.QuestionQuestionToken) return p.left === n || isProbe(p);
    if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken)
      return isAbsentLiteral(p.left === n ? p.right : p.left);
    // `xs[i] || "none"`: a value in place of an absent (or falsy) one; `a || b || c` tests b as well.
    if (op === K.BarBarToken) return p.left === n || isProbe(p);
    if (op === K.AmpersandAmpersandToken) return p.left === n ? inCondition(p) : false;
    // `top instanceof InsertCommand`: false for undefined, as for any value that is no such object.
    if (op === K.InstanceOfKeyword) return p.left === n;
    return false;
  }
  if (ts.isPrefixUnaryExpression(p)) return p.operator === K.ExclamationToken;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n) return !!p.questionDotToken;
  // `Number(row[4])`: undefined past the end, which Number makes NaN.
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === "Number" && p.arguments.length === 1 && p.arguments[0] === n) return true;
  return isConditionOf(p, n);
}

/**
 * `inline ?? argv[++i]` passed where undefined fits (a parameter `value: string | undefined`): the right
 * operand of `??` (or `||`) whose whole value goes where `takesAbsent` says undefined is a value.
 */
export function rightOperandTakesAbsent(l: Lowerer, node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isBinaryExpression(p) || p.right !== n || (p.operatorToken.kind !== K.QuestionQuestionToken && p.operatorToken.kind !== K.BarBarToken)) return false;
  return takesAbsent(l, p) || rightOperandTakesAbsent(l, p);
}

function isAbsentLiteral(x: ts.Expression): boolean {
  return x.kind === K.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");
}

function isConditionOf(p: ts.Node, n: ts.Node): boolean {
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === n;
  if (ts.isForStatement(p)) return p.condition === n;
  if (ts.isConditionalExpression(p)) return p.condition === n;
  return false;
}

/** Whether a `&&`/`||` chain is itself a condition (so each operand is tested for truthiness). */
function inCondition(x: ts.Node): boolean {
  let n = x;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p)) n = p;
    else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === K.AmpersandAmpersandToken || p.operatorToken.kind === K.BarBarToken)) n = p;
    else if (ts.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken) return true;
    else return isConditionOf(p, n);
  }
}

/** For `const x = xs[i]` or `const p = prices.banana` (no annotation): whether some read of x is a probe or a strict comparison. */
export function isProbedLocal(l: Lowerer, decl: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(decl.name) || decl.type || !decl.initializer) return false;
  let init: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  // A property read may be absent only on a record with arbitrary keys.
  if (ts.isPropertyAccessExpression(init) ? !isOpenRecord(l, l.checker.getTypeAtLocation(init.expression)) : !ts.isElementAccessExpression(init)) return false;
  return usesProbe(l, decl) || (ts.isElementAccessExpression(init) && usedUnderLengthTest(l, decl, init));
}

/**
 * `const tok = toks[p]; if (p < toks.length && tok.type === "star")`: a read taken before the test of its
 * index, used only where a `&&`/`||` chain (or the condition it is in) compares against `toks.length`.
 * JavaScript reads undefined at the end and never uses it; tsos holds `T | undefined` and checks each use.
 */
function usedUnderLengthTest(l: Lowerer, decl: ts.VariableDeclaration, init: ts.ElementAccessExpression): boolean {
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return false;
  const lengthText = `${init.expression.getText()}.length`;
  const testsLength = (n: ts.Node): boolean => {
    let found = false;
    const visit = (x: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(x) && [K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken].includes(x.operatorToken.kind) && (x.left.getText() === lengthText || x.right.getText() === lengthText))
        found = true;
      else ts.forEachChild(x, visit);
    };
    visit(n);
    return found;
  };
  // A use guarded by the left side of a logical chain it is the right side of.
  const guarded = (use: ts.Node): boolean => {
    let n = use;
    for (let p = n.parent; p && p !== scope; n = p, p = p.parent) {
      if (ts.isBinaryExpression(p) && (p.operatorToken.kind === K.AmpersandAmpersandToken || p.operatorToken.kind === K.BarBarToken) && p.right === n && testsLength(p.left)) return true;
      if (ts.isStatement(p)) return false;
    }
    return false;
  };
  let probed = false;
  const visit = (n: ts.Node): void => {
    if (probed) return;
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym && guarded(n)) probed = true;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return probed;
}

/**
 * For `const x = ...` (no annotation): whether some read of x is a probe, a strict comparison or (with
 * `absentUses`) a use that takes undefined (console.log, `typeof`, a parameter that admits it).
 */
export function usesProbe(l: Lowerer, decl: ts.VariableDeclaration | ts.BindingElement, absentUses = true): boolean {
  if (!ts.isIdentifier(decl.name) || (ts.isVariableDeclaration(decl) && decl.type)) return false;
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return false;
  let probed = false;
  const visit = (n: ts.Node): void => {
    if (probed) return;
    // `const top = stack[stack.length - 1]; if (top !== "(")`: a strict comparison tests it too.
    if (ts.isIdentifier(n) && n !== decl.name && l.checker.getSymbolAtLocation(n) === sym && (isProbe(n) || isStrictlyCompared(n) || (absentUses && takesAbsent(l, n)))) probed = true;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return probed;
}

/**
 * Whether the value read at `x` is tested for absence where it is used, or initialises a local that
 * is (usesProbe; `absentUses`: a use that takes undefined, such as printing, counts as a test).
 */
export function testedValue(l: Lowerer, x: ts.Expression, absentUses: boolean): boolean {
  let n: ts.Node = x;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  if (isProbe(n) || isStrictlyCompared(n)) return true;
  return ts.isVariableDeclaration(n.parent) && n.parent.initializer === n && usesProbe(l, n.parent, absentUses);
}

/**
 * Whether `node`'s value goes where undefined is a value like any other:
 * `typeof v`, `v instanceof C`, an argument for a parameter that admits undefined
 * (`Array.isArray(v)`, a type guard `isList(v: V | undefined)`), or the value a
 * function declared to return `T | undefined` returns.
 */
export function takesAbsent(l: Lowerer, node: ts.Node, orNull = false): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  if (!orNull && isSearchedFor(l, n)) return true;
  const p = n.parent;
  if (ts.isTypeOfExpression(p)) return true;
  // `v instanceof C`: false for undefined.
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === K.InstanceOfKeyword && p.left === n) return true;
  const absentFlags = ts.TypeFlags.Any | ts.TypeFlags.Unknown | (orNull ? ts.TypeFlags.Null : ts.TypeFlags.Undefined | ts.TypeFlags.Void);
  // `const top = a[0]; ...; return top;` in a function declared to return `T | undefined` (a heap's pop on an empty heap).
  // Not in the library, whose reads say what they mean (lib/std/array.ts elementOrUndefined is made of such a read).
  if (ts.isReturnStatement(p) && p.expression === n && !p.getSourceFile().fileName.startsWith(LIB_DIR)) {
    const fn = ts.findAncestor(p, ts.isFunctionLike) as ts.SignatureDeclaration | undefined;
    const generator = !!fn && "asteriskToken" in fn && !!fn.asteriskToken;
    const sig = fn && !generator && !(ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) ? l.checker.getSignatureFromDeclaration(fn) : undefined;
    const ret = sig && l.checker.getReturnTypeOfSignature(sig);
    return !!ret && (ret.isUnion() ? ret.types : [ret]).some((t) => (t.flags & absentFlags) !== 0);
  }
  if (!ts.isCallExpression(p) || !p.arguments.includes(n as ts.Expression)) return false;
  const sig = l.checker.getResolvedSignature(p);
  const i = p.arguments.indexOf(n as ts.Expression);
  const params = sig?.getParameters() ?? [];
  const param = params[Math.min(i, params.length - 1)];
  const decl = param?.valueDeclaration;
  if (!param || !decl) return false;
  let type = l.checker.getTypeOfSymbolAtLocation(param, p);
  // A rest parameter (`...data: any[]`) gives each argument its element type.
  if (ts.isParameter(decl) && decl.dotDotDotToken) {
    if (!l.checker.isArrayType(type)) return false;
    type = l.checker.getTypeArguments(type as ts.TypeReference)[0]!;
  } else if (i >= params.length) return false;
  return (type.isUnion() ? type.types : [type]).some((t) => (t.flags & absentFlags) !== 0);
}

/**
 * `ops.includes(t as Op)`, `xs.indexOf(t)`, `seen.has(t)`, `m.get(t)`: `n` (under
 * parentheses and `as`) is what an array or Set of non-nullable elements, or
 * a Map's keys, are searched for, where undefined is found nowhere
 * (searchedForAbsent).
 */
export function isSearchedFor(l: Lowerer, n: ts.Node): boolean {
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isCallExpression(p) || p.arguments[0] !== n || !ts.isPropertyAccessExpression(p.expression)) return false;
  const recv = l.checker.getTypeAtLocation(p.expression.expression);
  const name = p.expression.name.text;
  const collection = recv.getSymbol()?.getName();
  const searched = ["includes", "indexOf", "lastIndexOf"].includes(name) && l.checker.isArrayType(recv) ? l.checker.getTypeArguments(recv as ts.TypeReference)[0]
    : name === "has" && (collection === "Set" || collection === "Map" || collection === "ReadonlySet" || collection === "ReadonlyMap") ? l.checker.getTypeArguments(recv as ts.TypeReference)[0]
    : name === "get" && (collection === "Map" || collection === "ReadonlyMap") ? l.checker.getTypeArguments(recv as ts.TypeReference)[0]
    : undefined;
  return !!searched && !(searched.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) && !(searched.isUnion() && searched.types.some((t) => t.flags & ts.TypeFlags.Undefined));
}

/**
 * A search of `recv` for `arg` (under parentheses and `as`): a local that
 * may hold undefined, or an element or character read past the end
 * (`m.get(s[i + 1])`, lower/calls.ts lowerElementAccess), where `elem`, what the collection holds, never is
 * undefined: `missing(type)` when it is undefined, else `found(recv, arg)`
 * of that type. `recv` is evaluated first, then `arg`, once. Undefined when
 * `arg` is neither.
 */
export function searchedForAbsent(l: Lowerer, recv: Expr, arg: ts.Expression | undefined, elem: Type, missing: (type: Type) => Expr, found: (recv: Expr, x: Expr) => Expr): Expr | undefined {
  while (arg && (ts.isParenthesizedExpression(arg) || ts.isAsExpression(arg))) arg = arg.expression;
  if (!arg || elem.k === "nullable" || elem.k === "dyn") return undefined;
  // (`ops.includes(this.peek() as Op)` with peek() `string | undefined`: a call's result too.)
  if (!ts.isIdentifier(arg) && !ts.isElementAccessExpression(arg) && !ts.isCallExpression(arg) && !ts.isPropertyAccessExpression(arg)) return undefined;
  const value = lowerExpr(l, arg);
  if (value.type.k !== "nullable" || !value.type.undef || value.type.null || !sameType(value.type.inner, elem)) return undefined;
  const held = l.temp();
  const x: Expr = value.e === "local" ? value : { e: "local", type: value.type, name: l.temp() };
  const result = found({ e: "local", type: recv.type, name: held }, unwrap(l, x, arg));
  const search: Expr = { e: "cond", type: result.type, c: isnullish(x, "undefined"), a: missing(result.type), b: result };
  const body: Expr = x === value ? search : { e: "bind", type: result.type, name: (x as { name: string }).name, value, body: search };
  return { e: "bind", type: result.type, name: held, value: recv, body };
}

/** `const f = handlers[name]` (no annotation) on a record, where f is tested: the read as `V | undefined`. */
export function probedRecordLocal(l: Lowerer, decl: ts.VariableDeclaration): { type: Type; init: Expr } | undefined {
  if (!isProbedLocal(l, decl)) return undefined;
  const init = recordReadOrUndefined(l, decl.initializer!);
  // An `unknown` value holds undefined itself.
  if (init?.type.k === "nullable" && init.type.inner.k === "dyn") return { type: init.type.inner, init: coerce(l, init, init.type.inner, decl) };
  return init && { type: init.type, init };
}

/**
 * A local declared `T | undefined` that takes the value of a read tsos may
 * find absent where TypeScript believes it present: `let x: T | undefined
 * = xs[i]` past the end, a regex group that did not take part, `cur =
 * rec[k]` on a record with any keys. TypeScript narrows x to T after such
 * an assignment, though it may hold undefined, so every read of x is
 * checked (`markProbed`, `isProbedVariable`) rather than trusted.
 */
export function untrackedUndefinedLocal(l: Lowerer, decl: ts.VariableDeclaration, type: Type): boolean {
  if (type.k === "nullable" && type.null && ts.isIdentifier(decl.name) && assignedKeptNull(l, decl)) return true;
  if (type.k !== "nullable" || !type.undef || !ts.isIdentifier(decl.name)) return false;
  const absentRead = (x: ts.Expression): boolean => {
    while (ts.isParenthesizedExpression(x)) x = x.expression;
    // `cur = Array.isArray(cur) ? cur[i] : cur[part]`: either branch.
    if (ts.isConditionalExpression(x)) return absentRead(x.whenTrue) || absentRead(x.whenFalse);
    if (ts.isElementAccessExpression(x)) return true;
    return ts.isPropertyAccessExpression(x) && isOpenRecord(l, l.checker.getTypeAtLocation(x.expression));
  };
  return givenSuch(l, decl, absentRead);
}

/** Whether the variable `decl` is initialized, or assigned anywhere in its scope, with a value `such` accepts. */
function givenSuch(l: Lowerer, decl: ts.VariableDeclaration, such: (x: ts.Expression) => boolean): boolean {
  const sym = l.checker.getSymbolAtLocation(decl.name);
  const scope = ts.findAncestor(decl, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isFunctionLike(n));
  if (!sym || !scope) return false;
  if (decl.initializer && such(decl.initializer)) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken && ts.isIdentifier(n.left) && l.checker.getSymbolAtLocation(n.left) === sym && such(n.right)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

/**
 * `let x: T | null = to; while (x !== null) { ...; x = prev.get(x)!; }` with `prev: Map<T, T | null>`:
 * `!` says "not undefined" (the key is there), but tsc also drops null, so it narrows x to T after the
 * assignment, though x may hold null (lowerNonNull keeps it). Whether a local declared to admit null is
 * given such a value, by its initializer or an assignment; its reads where tsc says T are then checked.
 */
export function assignedKeptNull(l: Lowerer, decl: ts.VariableDeclaration): boolean {
  return givenSuch(l, decl, (x) => {
    while (ts.isParenthesizedExpression(x)) x = x.expression;
    if (!ts.isNonNullExpression(x)) return false;
    const t = l.checker.getTypeAtLocation(x.expression);
    return (t.flags & ts.TypeFlags.Null) !== 0 || unionHasNull(t);
  });
}

function unionHasNull(t: ts.Type): boolean {
  return t.isUnion() && t.types.some((m) => (m.flags & ts.TypeFlags.Null) !== 0);
}

/** The type of a probed local: its element type as `T | undefined`, if that is an array read of a non-nullable element. */
export function probedType(elem: Type): boolean {
  return elem.k !== "nullable" && elem.k !== "void" && elem.k !== "never" && elem.k !== "dyn" && elem !== T.void;
}
