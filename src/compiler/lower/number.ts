/**
 * lower/number.ts: `number` as an IEEE double on the hosted target.
 *
 * Input:  expressions the shared lowering hands over once it knows an
 *         operand is a hosted `number` (l.doubles): literals that are not
 *         safe integers, `/ % **`, Math and Number members, conversions to
 *         integers, indexes, toFixed/toExponential/toString.
 * Output: IR nodes whose C spelling (emit-c.ts, runtime/tsos_num.h) has
 *         JavaScript's exact meaning: `binary` on doubles, `num` constants,
 *         pure `call`s of runtime math helpers, explicit `convert`s.
 * Invariants:
 *   - On the kernel target nothing here produces floating point: every
 *     construct that needs it is TSOS2010 (or TSOS1004 for literals, check.ts).
 *   - A Math function is computed by the C library only where it computes
 *     exactly what V8 computes (sqrt, floor, ...); the ones V8 computes with
 *     fdlibm (sin, log, exp...) are lib/std/math.ts's (lower/math.ts).
 */
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { isInt } from "../ints.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { irType, typeName } from "./types.ts";
import { constructorOf } from "./classes.ts";
import { markConstructed } from "./dispatch.ts";
import { mathLibraryCall } from "./math.ts";
import { stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";

const K = ts.SyntaxKind;

export function isDouble(l: Lowerer, t: Type): boolean {
  return l.doubles && t.k === "int" && t.kind === "number";
}

/** A `number` constant: an exact `int` node when it is a safe integer (not -0), else `num`. */
export function numConst(value: number): Expr {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return { e: "int", type: T.number, value: BigInt(value) };
  return { e: "num", type: T.number, value };
}

/** The value of a numeric literal's text (`1_000.5`, `1e3`, `.5`, `0x1F`). */
export function literalNumber(text: string): number {
  return Number(text.replace(/_/g, ""));
}

/** Whether a literal expression whose value is 0 is written as a negative zero (`-0`, `-(0)`). */
export function negativeZero(l: Lowerer, node: ts.Node): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPrefixUnaryExpression(node) && node.operator === K.MinusToken) return !negativeZero(l, node.operand);
  if (ts.isIdentifier(node)) {
    const decl = l.symbolOf(node)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.initializer !== node) return negativeZero(l, decl.initializer);
  }
  return false;
}

/** Refuse floating point on the kernel target. */
export function requireDoubles(l: Lowerer, node: ts.Node, what: string): void {
  if (!l.doubles) l.fail("TSOS2010", node, what);
}

/** An integer-valued use of a hosted `number` (index, length, count): converted, panicking on a fraction. */
export function toInteger(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (!isDouble(l, x.type)) return x;
  if (x.e === "int") return { e: "int", type: T.int("i64"), value: x.value };
  return { e: "convert", type: T.int("i64"), x, checked: true, loc: l.loc(node) };
}

function loc(l: Lowerer, node: ts.Node): Expr {
  return { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) };
}

function call(fn: string, args: Expr[], type: Type = T.number): Expr {
  return { e: "call", type, fn, args, pure: true };
}

/** An argument as a `number` (integers up to 32 bits widen; 64-bit ones need Number(x)). */
export function numberArg(l: Lowerer, node: ts.Expression): Expr {
  const x = lowerExpr(l, node, T.number);
  if (!isInt(x.type)) l.fail("TSOS2008", node, "Math", typeName(x.type));
  return coerce(l, x, T.number, node);
}

/**
 * `Number.isNaN(v)` and its kin, which take any value: a number tested by `helper`, an unknown by `dynHelper`
 * (false unless it holds a number), anything else false (after evaluating it).
 */
function numberTest(l: Lowerer, node: ts.Expression, helper: string, dynHelper: string): Expr {
  const x = lowerExpr(l, node, T.number);
  if (x.type.k === "dyn") return call(dynHelper, [x], T.bool);
  if (isInt(x.type)) return call(helper, [coerce(l, x, T.number, node)], T.bool);
  const no: Expr = { e: "bool", type: T.bool, value: false };
  // `number | undefined` (or null): false when absent.
  if (x.type.k === "nullable" && isInt(x.type.inner)) {
    const name = l.temp();
    const v: Expr = { e: "local", type: x.type, name };
    const present: Expr = { e: "unwrap", type: x.type.inner, x: v, loc: l.loc(node) };
    const test: Expr = { e: "cond", type: T.bool, c: { e: "isnullish", type: T.bool, x: v, which: "either" }, a: no, b: call(helper, [coerce(l, present, T.number, node)], T.bool) };
    return { e: "bind", type: T.bool, name, value: x, body: test };
  }
  return { e: "seq", type: T.bool, xs: [x, no] };
}

/** `a ** b` and `Math.pow(a, b)` on hosted numbers: lib/std/math.ts's pow, V8's algorithm (lower/math.ts). */
export function numberPow(l: Lowerer, A: Expr, B: Expr, node: ts.Node): Expr {
  return mathLibraryCall(l, "pow", [A, B], node);
}

/**
 * Math.* and Number.* calls on hosted numbers, or undefined to let the
 * integer forms in calls.ts handle fixed-width arguments (Math.min of two
 * u32 is a u32).
 */
export function numberBuiltin(l: Lowerer, name: string, c: ts.CallExpression, want?: Type): Expr | undefined {
  const args = c.arguments;
  const fn = name.replace(/^Math\./, "");
  switch (name) {
    case "Math.sqrt": case "Math.ceil": case "Math.round": case "Math.sign": case "Math.pow": case "Math.hypot":
    case "Number.isInteger": case "Number.isNaN": case "Number.isFinite": case "isNaN": case "isFinite": case "Number.isSafeInteger":
      requireDoubles(l, c, name);
  }
  if (!l.doubles) return undefined;
  switch (name) {
    case "Math.sqrt": return call("sqrt", [numberArg(l, args[0]!)]);
    case "Math.ceil": return call("ceil", [numberArg(l, args[0]!)]);
    case "Math.round": return call("tsos_num_round", [numberArg(l, args[0]!)]);
    case "Math.sign": return call("tsos_num_sign", [numberArg(l, args[0]!)]);
    case "Math.pow": {
      const [a, b] = [numberArg(l, args[0]!), numberArg(l, args[1]!)];
      return numberPow(l, a, b, c);
    }
    case "Math.hypot":
      return { e: "numlist", type: T.number, fn: "tsos_num_hypot", args: args.map((a) => numberArg(l, a)) };
    case "Number.isInteger": return numberTest(l, args[0]!, "tsos_num_is_integer", "tsos_dyn_is_integer");
    case "Number.isSafeInteger": return numberTest(l, args[0]!, "tsos_num_is_safe_integer", "tsos_dyn_is_safe_integer");
    case "Number.isNaN": return numberTest(l, args[0]!, "isnan", "tsos_dyn_is_nan");
    case "isNaN": return call("isnan", [numberArg(l, args[0]!)], T.bool);
    case "Number.isFinite": return numberTest(l, args[0]!, "isfinite", "tsos_dyn_is_finite");
    case "isFinite": return call("isfinite", [numberArg(l, args[0]!)], T.bool);
    case "Math.floor": case "Math.trunc": case "Math.abs": {
      // A fixed-width argument keeps the integer meaning (calls.ts); a number is a double.
      const x = lowerExpr(l, args[0]!, want);
      if (!isDouble(l, x.type)) return undefined;
      return call(fn === "abs" ? "fabs" : fn, [x]);
    }
    case "Math.min": case "Math.max": {
      // Literals take the first argument's type, as for a binary operator: Math.max(x, 1) on an i64 stays i64.
      const first = args[0] ? lowerExpr(l, args[0], want) : undefined;
      const xs = first ? [first, ...args.slice(1).map((a) => lowerExpr(l, a, isInt(first.type) ? first.type : want))] : [];
      if (xs.length === 2 && !xs.some((x) => isDouble(l, x.type))) return undefined;
      if (!xs.length) return numConst(fn === "min" ? Infinity : -Infinity);
      const ns = xs.map((x, i) => coerce(l, x, T.number, args[i]!));
      return ns.slice(1).reduce((acc, x) => call(`tsos_num_${fn}`, [acc, x]), ns[0]!);
    }
  }
  return undefined;
}

/** Math.PI, Number.EPSILON, NaN, Infinity...: the constants of hosted numbers, or undefined. */
export function numberConstant(l: Lowerer, lib: string, name: string, node: ts.Node): Expr | undefined {
  const values: Record<string, number | undefined> = {
    "Math.PI": Math.PI, "Math.E": Math.E, "Math.LN2": Math.LN2, "Math.LN10": Math.LN10, "Math.LOG2E": Math.LOG2E,
    "Math.LOG10E": Math.LOG10E, "Math.SQRT2": Math.SQRT2, "Math.SQRT1_2": Math.SQRT1_2,
    "Number.EPSILON": Number.EPSILON, "Number.MAX_VALUE": Number.MAX_VALUE, "Number.MIN_VALUE": Number.MIN_VALUE,
    "Number.NaN": NaN, "Number.POSITIVE_INFINITY": Infinity, "Number.NEGATIVE_INFINITY": -Infinity,
    ".NaN": NaN, ".Infinity": Infinity,
  };
  const key = `${lib}.${name}`;
  if (!(key in values)) return undefined;
  requireDoubles(l, node, key.replace(/^\./, ""));
  return numConst(values[key]!);
}

/**
 * `x.toLocaleString()` (or with the locale "en-US"): lib/std/number.ts. With
 * an options object literal of literal values (`{ minimumFractionDigits: 2 }`,
 * `{ style: "currency", currency: "USD" }`), `formatLocale` with the digits
 * Intl.NumberFormat resolves them to. Other locales, options and currencies
 * are TSOS1145, never a guess at their format.
 */
function localeString(l: Lowerer, recv: Expr, c: ts.CallExpression): Expr {
  const [locale, options] = c.arguments;
  checkLocale(l, locale);
  if (!options) {
    const decl = stdDeclaration("std/number.ts", "toLocaleString", ts.isFunctionDeclaration);
    if (!decl) l.fail("TSOS9001", c, "lib/std/number.ts has no `toLocaleString`");
    return { e: "call", type: T.str, fn: functionOf(l, decl, []).cname, args: [recv] };
  }
  const decl = stdDeclaration("std/number.ts", "formatLocale", ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", c, "lib/std/number.ts has no `formatLocale`");
  return { e: "call", type: T.str, fn: functionOf(l, decl, []).cname, args: [recv, ...formatArgs(localeFormat(l, options))] };
}

/** Only en-US (or the default locale, which Node's is here) is known. */
function checkLocale(l: Lowerer, locale: ts.Expression | undefined): void {
  const defaultLocale = locale && locale.kind === ts.SyntaxKind.Identifier && (locale as ts.Identifier).text === "undefined";
  if (locale && !defaultLocale && !(ts.isStringLiteral(locale) && (locale.text === "en-US" || locale.text === "en"))) l.fail("TSOS1145", locale, `the locale \`${locale.getText()}\``);
}

/** The resolved options as formatLocale's (and NumberFormat's constructor's) arguments after the number. */
function formatArgs(f: ReturnType<typeof localeFormat>): Expr[] {
  const str = (value: string): Expr => ({ e: "str", type: T.str, value });
  const bool = (value: boolean): Expr => ({ e: "bool", type: T.bool, value });
  return [numConst(f.minFraction), numConst(f.maxFraction), numConst(f.minInteger), bool(f.grouping), str(f.prefix), str(f.suffix), bool(f.percent)];
}

/**
 * `new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" })`: lib/std/number.ts's NumberFormat
 * with the options resolved now, as `toLocaleString` resolves them; undefined for any other `new`.
 */
export function numberFormatNew(l: Lowerer, n: ts.NewExpression): Expr | undefined {
  const t = n.expression;
  if (!ts.isPropertyAccessExpression(t) || t.name.text !== "NumberFormat" || !ts.isIdentifier(t.expression) || t.expression.text !== "Intl") return undefined;
  const decl = l.symbolOf(t)?.valueDeclaration;
  if (!decl || !l.isLibDecl(decl)) return undefined;
  const [locale, options] = n.arguments ?? [];
  checkLocale(l, locale);
  const f = options ? localeFormat(l, options) : { minFraction: 0, maxFraction: 3, minInteger: 1, grouping: true, prefix: "", suffix: "", percent: false };
  const type = irType(l, l.checker.getTypeAtLocation(n), n);
  if (type.k !== "class") l.fail("TSOS9001", n, "Intl.NumberFormat is not lib/std/number.ts's class");
  markConstructed(l, type.cls);
  return { e: "new", type, cls: type.cls, init: constructorOf(l, type.cls).init, args: formatArgs(f), loc: l.loc(n) };
}

/** en-US currency symbols and their fraction digits (Intl.NumberFormat's, as Node prints them). */
const CURRENCIES: Record<string, { symbol: string; digits: number }> = {
  USD: { symbol: "$", digits: 2 },
  EUR: { symbol: "€", digits: 2 },
  GBP: { symbol: "£", digits: 2 },
  JPY: { symbol: "¥", digits: 0 },
  INR: { symbol: "₹", digits: 2 },
};

/** The resolved options of a literal `toLocaleString` options object (Intl.NumberFormat's defaults per style). */
function localeFormat(l: Lowerer, options: ts.Expression): { minFraction: number; maxFraction: number; minInteger: number; grouping: boolean; prefix: string; suffix: string; percent: boolean } {
  if (!ts.isObjectLiteralExpression(options)) l.fail("TSOS1145", options, "options that are not an object literal");
  const given = new Map<string, { value: string | number | boolean; node: ts.Node }>();
  for (const p of options.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    const init = ts.isPropertyAssignment(p) ? p.initializer : undefined;
    const value = !init ? undefined : ts.isStringLiteral(init) ? init.text : ts.isNumericLiteral(init) ? Number(init.text) : init.kind === ts.SyntaxKind.TrueKeyword ? true : init.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
    if (!name || value === undefined) l.fail("TSOS1145", p, "an option that is not a literal value");
    given.set(name, { value, node: p });
  }
  const known = new Set(["style", "currency", "minimumFractionDigits", "maximumFractionDigits", "minimumIntegerDigits", "useGrouping"]);
  for (const [name, { node }] of given) if (!known.has(name)) l.fail("TSOS1145", node, `the option \`${name}\``);
  const style = given.get("style")?.value ?? "decimal";
  if (style !== "decimal" && style !== "percent" && style !== "currency") l.fail("TSOS1145", given.get("style")!.node, `the style \`${String(style)}\``);
  let prefix = "";
  let digits = { min: 0, max: 3 };
  if (style === "percent") digits = { min: 0, max: 0 };
  if (style === "currency") {
    const code = given.get("currency");
    const currency = typeof code?.value === "string" ? CURRENCIES[code.value] : undefined;
    if (!currency) l.fail("TSOS1145", code?.node ?? options, code ? `the currency \`${String(code.value)}\`` : "a currency style without a currency");
    prefix = currency.symbol;
    digits = { min: currency.digits, max: currency.digits };
  }
  const count = (name: string, low: number, high: number): number | undefined => {
    const o = given.get(name);
    if (!o) return undefined;
    if (typeof o.value !== "number" || !Number.isInteger(o.value) || o.value < low || o.value > high) l.fail("TSOS1145", o.node, `\`${name}\` outside ${low} to ${high}`);
    return o.value;
  };
  const min = count("minimumFractionDigits", 0, 20);
  const max = count("maximumFractionDigits", 0, 20);
  const minFraction = min ?? (max !== undefined ? Math.min(digits.min, max) : digits.min);
  const maxFraction = max ?? Math.max(minFraction, digits.max);
  if (maxFraction < minFraction) l.fail("TSOS1145", given.get("maximumFractionDigits")!.node, "`maximumFractionDigits` below `minimumFractionDigits` (a RangeError)");
  const grouping = given.get("useGrouping")?.value ?? true;
  if (typeof grouping !== "boolean") l.fail("TSOS1145", given.get("useGrouping")!.node, "a `useGrouping` that is not true or false");
  return { minFraction, maxFraction, minInteger: count("minimumIntegerDigits", 1, 21) ?? 1, grouping, prefix, suffix: style === "percent" ? "%" : "", percent: style === "percent" };
}

/** `x.toFixed(digits)`, `x.toExponential(digits?)`, `x.toLocaleString()` and `x.toString(radix)` on a hosted number. */
export function numberMethod(l: Lowerer, recv: Expr, name: string, c: ts.CallExpression, radix: number | undefined): Expr | undefined {
  if (!isDouble(l, recv.type)) return undefined;
  if (name === "toFixed") {
    const digits = c.arguments[0] ? numberArg(l, c.arguments[0]) : numConst(0);
    return { e: "call", type: T.str, fn: "tsos_num_to_fixed", args: [recv, digits, loc(l, c)] };
  }
  if (name === "toExponential") {
    const given = c.arguments[0];
    const digits = given ? numberArg(l, given) : numConst(0);
    return { e: "call", type: T.str, fn: "tsos_num_to_exponential", args: [recv, digits, { e: "bool", type: T.bool, value: !!given }, loc(l, c)] };
  }
  if (name === "toLocaleString") return localeString(l, recv, c);
  if (name === "toString" && radix !== undefined && radix !== 10)
    return { e: "call", type: T.str, fn: "tsos_num_to_radix", args: [recv, { e: "int", type: T.int("u32"), value: BigInt(radix) }, loc(l, c)] };
  return undefined;
}
