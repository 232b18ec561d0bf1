/**
 * lower/regexp.ts: regular expressions on the hosted target, onto
 * lib/std/regexp.ts.
 *
 * Input:  regex literals (already validated by check.ts with the same
 *         compiler, lib/std/regexp-syntax.ts), `new RegExp(...)`, the
 *         types `RegExp`, `RegExpExecArray`, `RegExpMatchArray` and
 *         `RegExpStringIterator`, and the string methods `match`,
 *         `matchAll`, `replace`, `replaceAll`, `split` and `search` called
 *         with a regex.
 * Output: IR: a literal's program is a global built once at start-up
 *         (`makeProgram` with the instruction table as data, no parse at
 *         run time); each evaluation of the literal is a fresh RegExp on it
 *         (`fromProgram`), as JavaScript makes a new object. A match array is
 *         a `(string | undefined)[]`; `matchAll` is an array of them.
 *         `s.replace(re, fn)` becomes a small helper function that walks
 *         lib/std/regexp.ts's Replacer and calls `fn` with exactly the
 *         parameters it declares (match, groups, offset, input).
 * Invariants:
 *   - The kernel has no regular expressions (TSOS1150, in check.ts).
 *   - A match array's `index`, `input` and group names are stored with
 *     the array (runtime TSOS_MATCH_ARRAY_OF), so `m.index`, `m.input` and
 *     `m.groups` read them, and console.log prints them as Node does; an
 *     array of match arrays printed is refused (TSOS1153).
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import { compilePattern } from "../../../lib/std/regexp-syntax.ts";
import { isLibSymbol, type Lowerer } from "./context.ts";
import { classInstance } from "./classes.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { functionOf } from "./functions.ts";
import { nullableOf } from "./nullable-types.ts";
import { unwrap } from "./nullable.ts";
import { arrayType, isStringType, mangle, typeName } from "./types.ts";

export const STD_REGEXP = path.join(LIB_DIR, "std/regexp.ts");

let program: ts.Program | undefined;

/** Called once per lowering with the program that holds lib/std/regexp.ts. */
export function useRegExpLibrary(p: ts.Program): void {
  program = p;
}


function stdDecl<K extends "class" | "function">(l: Lowerer, kind: K, name: string, node: ts.Node): K extends "class" ? ts.ClassDeclaration : ts.FunctionDeclaration {
  const sf = program?.getSourceFile(STD_REGEXP);
  const decl = sf?.statements.find((s) => (kind === "class" ? ts.isClassDeclaration(s) : ts.isFunctionDeclaration(s)) && (s as ts.ClassDeclaration).name?.text === name);
  if (!decl) l.fail("TSOS9001", node, `lib/std/regexp.ts has no \`${name}\``);
  return decl as K extends "class" ? ts.ClassDeclaration : ts.FunctionDeclaration;
}

/** A call of lib/std/regexp.ts's function `name` with lowered arguments (coerced to its parameters). */
function stdCall(l: Lowerer, name: string, args: Expr[], node: ts.Node): Expr {
  const f = functionOf(l, stdDecl(l, "function", name, node), []);
  const params = f.params.filter((p) => p.type.k !== "loc");
  const all = args.map((a, i) => coerce(l, a, params[i]!.type, node));
  if (f.trackCaller) all.push({ e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) });
  return { e: "call", type: f.ret, fn: f.cname, args: all };
}

function regexpClass(l: Lowerer, node: ts.Node): Type {
  return { k: "class", cls: classInstance(l, stdDecl(l, "class", "RegExp", node), []) };
}

function optStr(l: Lowerer): Type {
  return nullableOf(l, T.str, false, true, mangle);
}

/** A match array: `(string | undefined)[]`. */
function matchArrayType(l: Lowerer): Type {
  return arrayType(l, optStr(l));
}

/** The IR type of lib/tsos.d.ts's RegExp and match types, or undefined for any other type. */
export function regexpType(l: Lowerer, type: ts.Type, node: ts.Node): Type | undefined {
  // `(s.match(re) ?? [])`: a match array or an empty array literal.
  if (type.isUnion()) {
    const isEmptyTuple = (t: ts.Type) => l.checker.isTupleType(t) && l.checker.getTypeArguments(t as ts.TypeReference).length === 0;
    const isNeverArray = (t: ts.Type) => l.checker.isArrayType(t) && !!(l.checker.getTypeArguments(t as ts.TypeReference)[0]!.flags & ts.TypeFlags.Never);
    if (type.types.some(isMatchArrayType) && type.types.every((t) => isMatchArrayType(t) || isEmptyTuple(t) || isNeverArray(t))) return matchArrayType(l);
    return undefined;
  }
  const sym = type.getSymbol() ?? type.aliasSymbol;
  if (!isLibSymbol(sym)) return undefined;
  switch (sym.name) {
    case "RegExp":
      if (!l.doubles) l.fail("TSOS1150", node);
      return regexpClass(l, node);
    case "RegExpExecArray":
    case "RegExpMatchArray":
      return matchArrayType(l);
    case "RegExpStringIterator":
      return arrayType(l, matchArrayType(l));
  }
  return undefined;
}

/** Whether a checker type is lib/tsos.d.ts's RegExp. */
function isRegExpType(t: ts.Type): boolean {
  const sym = t.getSymbol();
  return isLibSymbol(sym) && sym.name === "RegExp";
}

/** Whether a checker type is a match array (for TSOS1153). */
export function isMatchArrayType(t: ts.Type): boolean {
  const sym = t.getNonNullableType().getSymbol();
  return isLibSymbol(sym) && (sym.name === "RegExpExecArray" || sym.name === "RegExpMatchArray");
}

/** The source and flags of a regex literal's text (`/source/flags`). */
export function literalParts(text: string): { source: string; flags: string } {
  const last = text.lastIndexOf("/");
  return { source: text.slice(1, last), flags: text.slice(last + 1) };
}

/** check.ts: the diagnostic of a regex literal (kernel, invalid, unsupported), or undefined when it compiles. */
export function checkRegExpLiteral(text: string, target: "host" | "kernel"): { code: "TSOS1150" | "TSOS1151" | "TSOS1152"; arg: string } | undefined {
  if (target === "kernel") return { code: "TSOS1150", arg: "" };
  const { source, flags } = literalParts(text);
  const c = compilePattern(source, flags);
  if (c.error !== "") return { code: "TSOS1151", arg: c.error };
  if (c.unsupported !== "") return { code: "TSOS1152", arg: c.unsupported };
  return undefined;
}

/** Each literal's program global, by source and flags (one program per distinct literal). */
const programs = new WeakMap<Lowerer, Map<string, Expr>>();

/** A regex literal: a new RegExp on its program, which a start-up function builds once from static data. */
export function lowerRegExpLiteral(l: Lowerer, node: ts.RegularExpressionLiteral): Expr {
  if (!l.doubles) l.fail("TSOS1150", node);
  const { source, flags } = literalParts(node.text);
  let byText = programs.get(l);
  if (!byText) programs.set(l, (byText = new Map()));
  let global = byText.get(node.text);
  if (!global) {
    const c = compilePattern(source, flags);
    if (c.error !== "") l.fail("TSOS1151", node, c.reason);
    if (c.unsupported !== "") l.fail("TSOS1152", node, c.unsupported);
    const i32 = T.int("i32");
    const int = (v: number): Expr => ({ e: "int", type: i32, value: BigInt(v) });
    const str = (v: string): Expr => ({ e: "str", type: T.str, value: v });
    const loc = l.loc(node);
    const make = stdCall(l, "makeProgram", [
      str(source),
      str(c.flags),
      { e: "arraylit", type: arrayType(l, i32), elems: c.code.map(int), loc },
      int(c.groupCount),
      { e: "arraylit", type: arrayType(l, T.str), elems: c.groupNames.map(str), loc },
      int(c.registers),
    ], node);
    const cname = l.uniqueName("tsos_regexp_program");
    global = { e: "global", type: make.type, name: cname };
    l.program.globals.push({ cname, type: make.type, isConst: false });
    const init = l.uniqueName(`${cname}_init`);
    l.addFunc({ cname: init, params: [], ret: T.void, body: [{ s: "expr", x: { e: "assign", type: make.type, target: global, value: make }, loc }], loc, isStatic: true });
    // Before every module's initialisation: a literal at module level runs there.
    l.program.inits.unshift(init);
    byText.set(node.text, global);
  }
  return stdCall(l, "fromProgram", [global], node);
}

/** `new RegExp(pattern, flags?)`, or undefined for any other `new`. */
export function regexpNew(l: Lowerer, n: ts.NewExpression): Expr | undefined {
  if (!ts.isIdentifier(n.expression) || n.expression.text !== "RegExp" || !isLibSymbol(l.symbolOf(n.expression))) return undefined;
  if (!l.doubles) l.fail("TSOS1150", n);
  const [pattern, flags] = n.arguments ?? [];
  if (!pattern) return stdCall(l, "compileRegExp", [{ e: "str", type: T.str, value: "" }, { e: "str", type: T.str, value: "" }], n);
  const f = flags ? coerce(l, lowerExpr(l, flags, T.str), T.str, flags) : undefined;
  if (isRegExpType(l.checker.getTypeAtLocation(pattern))) {
    const re = lowerExpr(l, pattern);
    return stdCall(l, "copyRegExp", [re, f ?? { e: "nullish", type: optStr(l), undef: true }], n);
  }
  const src = coerce(l, lowerExpr(l, pattern, T.str), T.str, pattern);
  return stdCall(l, "compileRegExp", [src, f ?? { e: "str", type: T.str, value: "" }], n);
}

const STRING_METHODS = new Set(["match", "matchAll", "replace", "replaceAll", "split", "search"]);

/** `s.match(re)` and the other string methods with a regex (or, for match/matchAll/search, a pattern string); undefined otherwise. */
export function regexpStringCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  if (!STRING_METHODS.has(name)) return undefined;
  const [first, second] = call.arguments;
  if (!first) return undefined;
  const firstIsRegExp = isRegExpType(l.checker.getTypeAtLocation(first));
  const patternMethod = name === "match" || name === "matchAll" || name === "search";
  if (!firstIsRegExp && !patternMethod) return undefined;
  if (!l.doubles) l.fail("TSOS1150", call);
  let re: Expr;
  if (firstIsRegExp) re = lowerExpr(l, first);
  else {
    // JavaScript makes a regex of the string (`matchAll` adds the `g` flag).
    const src = coerce(l, lowerExpr(l, first, T.str), T.str, first);
    re = stdCall(l, "compileRegExp", [src, { e: "str", type: T.str, value: name === "matchAll" ? "g" : "" }], first);
  }
  if (name === "match" || name === "matchAll" || name === "search") return stdCall(l, name, [recv, re], call);
  if (name === "split") {
    const limit = second ? coerce(l, lowerExpr(l, second, T.number), T.number, second) : ({ e: "int", type: T.number, value: 4294967295n } as Expr);
    return stdCall(l, "split", [recv, re, limit], call);
  }
  // replace / replaceAll
  if (!second) l.fail("TSOS9001", call, `missing argument to \`${name}\``);
  const all: Expr = { e: "bool", type: T.bool, value: name === "replaceAll" };
  // A string replacement: a string, a literal, or a union of them (`locale === "en" ? "," : "."`).
  if (isStringType(l.checker.getTypeAtLocation(second))) {
    return stdCall(l, "replace", [recv, re, coerce(l, lowerExpr(l, second, T.str), T.str, second), all], call);
  }
  return replaceWithFunction(l, recv, re, second, all, call);
}

/**
 * `s.replace(re, fn)`: a helper function
 *   r = replacerBegin(s, re, all); while (replacerStep(r)) replacerAdd(r, fn(match, g1..gn, offset, s)); return replacerFinish(r)
 * that passes `fn` the parameters it declares (fewer than JavaScript passes is fine).
 */
function replaceWithFunction(l: Lowerer, recv: Expr, re: Expr, fnNode: ts.Expression, all: Expr, call: ts.CallExpression): Expr {
  const fn = lowerExpr(l, fnNode);
  if (fn.type.k !== "fn") l.fail("TSOS1154", fnNode, typeName(fn.type));
  const fnType = fn.type;
  if (fnType.ret.k !== "str") l.fail("TSOS1154", fnNode, typeName(fnType));
  // The number of capture groups decides which parameter is the offset: known from a literal only.
  const groups = groupCountOf(l, call.arguments[0]!);
  if (groups === undefined && fnType.params.length > 1) l.fail("TSOS1155", fnNode);
  const loc = l.loc(call);
  const regexpType = re.type;
  const replacer = stdCall(l, "replacerBegin", [{ e: "local", type: T.str, name: "s" }, { e: "local", type: regexpType, name: "re" }, { e: "local", type: T.bool, name: "all" }], call);
  const r: Expr = { e: "local", type: replacer.type, name: "r" };
  const args: Expr[] = fnType.params.map((p, i) => {
    let value: Expr;
    if (i <= (groups ?? 0)) {
      value = stdCall(l, "replacerGroup", [r, { e: "int", type: T.number, value: BigInt(i) }], call);
      if (p.k === "str") value = { e: "unwrap", type: T.str, x: value, loc, check: "nonnull" };
    } else if (i === (groups ?? 0) + 1) value = stdCall(l, "replacerIndex", [r], call);
    else if (i === (groups ?? 0) + 2) value = { e: "local", type: T.str, name: "s" };
    else l.fail("TSOS1155", fnNode);
    return coerce(l, value, p, fnNode);
  });
  const body: Stmt[] = [
    { s: "let", name: "r", type: replacer.type, init: replacer, loc },
    {
      s: "while",
      c: stdCall(l, "replacerStep", [r], call),
      body: [{ s: "expr", x: stdCall(l, "replacerAdd", [r, { e: "callptr", type: T.str, callee: { e: "local", type: fnType, name: "fn" }, args }], call), loc }],
      loc,
    },
    { s: "return", x: stdCall(l, "replacerFinish", [r], call), loc },
  ];
  const cname = l.uniqueName("tsos_replace_with_fn");
  l.addFunc({
    cname,
    params: [{ name: "s", type: T.str }, { name: "re", type: regexpType }, { name: "all", type: T.bool }, { name: "fn", type: fnType }],
    ret: T.str,
    body,
    loc,
    isStatic: true,
  });
  return { e: "call", type: T.str, fn: cname, args: [recv, re, all, fn] };
}

/** The number of capture groups of a regex written as a literal (directly or through a `const`), else undefined. */
function groupCountOf(l: Lowerer, x: ts.Expression): number | undefined {
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  if (ts.isIdentifier(x)) {
    const decl = l.symbolOf(x)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return groupCountOf(l, decl.initializer);
    return undefined;
  }
  if (!ts.isRegularExpressionLiteral(x)) return undefined;
  const { source, flags } = literalParts(x.text);
  const c = compilePattern(source, flags);
  return c.error === "" && c.unsupported === "" ? c.groupCount : undefined;
}

const MATCH_PROPERTIES: Record<string, string> = { index: "matchIndex", input: "matchInput", groups: "matchGroups" };

/**
 * `m.index`, `m.input`, `m.groups` on a match array: lib/std/regexp.ts's matchIndex,
 * matchInput, matchGroups (undefined on a global match's array); undefined for other accesses.
 */
export function matchArrayProperty(l: Lowerer, p: ts.PropertyAccessExpression): Expr | undefined {
  const fn = MATCH_PROPERTIES[p.name.text];
  if (!fn || !isMatchArrayType(l.checker.getTypeAtLocation(p.expression))) return undefined;
  const m = coerce(l, lowerExpr(l, p.expression), matchArrayType(l), p.expression);
  const value = stdCall(l, fn, [m], p);
  // RegExpExecArray's `index` and `input` are never undefined to tsc: only a cast could make them so.
  const absent = ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  const t = l.checker.getTypeAtLocation(p);
  const mayBeAbsent = t.flags & absent || (t.isUnion() && t.types.some((u) => u.flags & absent));
  return mayBeAbsent ? value : unwrap(l, value, p, "nonnull");
}

/**
 * A console.log argument: a regex prints as `/source/flags`, a match array with its `index`,
 * `input` and `groups` (lib/std/regexp.ts inspectMatch); an array of match arrays is refused
 * (TSOS1153). Other values are returned unchanged.
 */
export function printedRegExp(l: Lowerer, x: Expr, node: ts.Expression): Expr {
  const t = l.checker.getTypeAtLocation(node);
  if (isRegExpType(t)) return stdCall(l, "regexpToString", [x], node);
  if (isMatchArrayType(t)) {
    // `last?.match(re)` is `RegExpMatchArray | null | undefined`: undefined prints as itself (inspectMatch takes a
    // match or null).
    if (x.type.k !== "nullable" || !x.type.undef) return stdCall(l, "inspectMatch", [x], node);
    const name = l.temp();
    const v: Expr = { e: "local", type: x.type, name };
    const present: Expr = { e: "reopt", type: nullableOf(l, x.type.inner, true, false, mangle), x: v };
    const shown: Expr = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: { e: "str", type: T.str, value: "undefined" }, b: stdCall(l, "inspectMatch", [present], node) };
    return { e: "bind", type: T.str, name, value: x, body: shown };
  }
  const elem = l.checker.isArrayType(t) ? l.checker.getTypeArguments(t as ts.TypeReference)[0] : undefined;
  if (elem && isMatchArrayType(elem)) l.fail("TSOS1153", node, "an array of match arrays");
  return x;
}

/**
 * `s.match(/re/g) ?? []` (or the match alone) where `string[]` is wanted:
 * the match array as one (lib/std/regexp.ts matchedStrings). Undefined for
 * any other value.
 */
export function globalMatchAsStrings(l: Lowerer, x: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (to.k !== "array" || to.elem.k !== "str" || x.type.k !== "array" || x.type.elem.k !== "nullable" || x.type.elem.inner.k !== "str") return undefined;
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    let r = n.right;
    while (ts.isParenthesizedExpression(r)) r = r.expression;
    if (!ts.isArrayLiteralExpression(r) || r.elements.length) return undefined;
    n = n.left;
  }
  return globalMatch(n) ? stdCall(l, "matchedStrings", [x], node) : undefined;
}

/** `s.match(/re/g)`: with the g flag the result is a plain array of the matched strings (or null), printed as one. */
function globalMatch(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== "match") return false;
  const re = n.arguments[0];
  if (re && ts.isRegularExpressionLiteral(re)) return literalParts(re.text).flags.includes("g");
  // `s.match(new RegExp(\`.{1,${w}}\`, "g"))`: flags written as a literal.
  const flags = re && ts.isNewExpression(re) && ts.isIdentifier(re.expression) && re.expression.text === "RegExp" ? re.arguments?.[1] : undefined;
  return !!flags && (ts.isStringLiteral(flags) || ts.isNoSubstitutionTemplateLiteral(flags)) && flags.text.includes("g");
}

/**
 * `const g = m[3]` or `const a = m[3]?.toLowerCase()` without a type
 * annotation, where `m` is a match array: tsc types the element `string`,
 * but a group that did not take part is undefined, so the local keeps the
 * IR type `string | undefined` (reads where tsc says string are checked,
 * conditions test it). Undefined for any other declaration.
 */
export function matchElementLocal(l: Lowerer, decl: ts.VariableDeclaration): { type: Type; init: Expr } | undefined {
  if (decl.type || !decl.initializer) return undefined;
  let root: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(root)) root = root.expression;
  // The leftmost element read of an optional chain (`m[3]?.trim().toLowerCase()`).
  let x: ts.Expression = root;
  while (true) {
    if (ts.isCallExpression(x)) x = x.expression;
    else if (ts.isPropertyAccessExpression(x) && !(ts.isElementAccessExpression(x.expression) && x.questionDotToken)) x = x.expression;
    else break;
  }
  if (ts.isPropertyAccessExpression(x) && x.questionDotToken) x = x.expression;
  if (!ts.isElementAccessExpression(x) || !isMatchArrayType(l.checker.getTypeAtLocation(x.expression))) return undefined;
  if (x !== root && !ts.isOptionalChain(root)) return undefined;
  const init = lowerExpr(l, decl.initializer);
  // A direct read arrives unwrapped as tsc narrowed it: keep the element itself.
  const raw = init.e === "unwrap" && init.check === "narrowed" ? init.x : init;
  return { type: raw.type, init: raw };
}
