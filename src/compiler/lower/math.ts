/**
 * lower/math.ts: the Math functions V8 computes with its own algorithms
 * (sin, cos, log, exp, ...), and Math.imul, Math.clz32, Math.fround.
 *
 * Input:  `Math.f(args)` calls (calls.ts builtinCall dispatches here),
 *         `Math.f` as a function value (expr.ts), `**`
 *         and Math.pow (lower/number.ts), and calls of
 *         lib/std/math-intrinsics.d.ts from lib/std/math.ts.
 * Output: a call of lib/std/math.ts's function of the same name (the fdlibm
 *         port, bit-exact with V8), or of a C helper of runtime/tsos_num.h.
 * Invariants:
 *   - Kernel code has no floating point: every function here is TSOS1160
 *     there (Math.imul and Math.clz32 too: their operands are doubles).
 *   - The library functions have no effect a program can see, so their
 *     calls are `pure` for the evaluation-order rule (eval-order.ts).
 *   - lib/std/math.ts's module variables are declared on the first call, so
 *     a program that uses no Math function carries none of them.
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { LIB_DIR } from "../load.ts";
import type { Lowerer } from "./context.ts";
import { builtinValue } from "./fn-names.ts";
import { stdCall, stdDeclaration } from "./array-methods.ts";
import { functionOf } from "./functions.ts";
import { declareLibraryGlobals } from "./module.ts";
import { numberArg } from "./number.ts";
import { restWanted } from "./fn-params.ts";
import { tryIrType, typeFromTypeNode, typeName } from "./types.ts";
import { coerce, lowerExpr } from "./expr.ts";

export const STD_MATH = "std/math.ts";
const INTRINSICS_FILE = path.join(LIB_DIR, "std/math-intrinsics.d.ts");

/** Math functions implemented by lib/std/math.ts, with their number of arguments. */
const LIBRARY: Record<string, number> = {
  sin: 1, cos: 1, tan: 1, asin: 1, acos: 1, atan: 1, atan2: 2,
  exp: 1, expm1: 1, log: 1, log1p: 1, log2: 1, log10: 1, cbrt: 1,
  sinh: 1, cosh: 1, tanh: 1, asinh: 1, acosh: 1, atanh: 1,
};

/** Math functions that are one C helper each. */
const HELPERS: Record<string, { fn: string; arity: number; impure?: boolean }> = {
  random: { fn: "tsos_num_random", arity: 0, impure: true },
  imul: { fn: "tsos_num_imul", arity: 2 },
  clz32: { fn: "tsos_num_clz32", arity: 1 },
  fround: { fn: "tsos_num_fround", arity: 1 },
};

/** Math functions of one argument that are one C function when passed as a value (`xs.map(Math.sqrt)`). */
const VALUE_HELPERS: Record<string, string> = {
  sqrt: "sqrt", floor: "floor", ceil: "ceil", trunc: "trunc", abs: "fabs", round: "tsos_num_round", sign: "tsos_num_sign",
};

/** The C helper of each intrinsic of lib/std/math-intrinsics.d.ts. */
const INTRINSICS: Record<string, string> = {
  highWord: "tsos_num_high_word",
  lowWord: "tsos_num_low_word",
  fromWords: "tsos_num_from_words",
  nowMillis: "tsos_now_millis",
};

/** `Math.sin(x)` and the others of this file, or undefined for any other name. */
export function mathCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (!name.startsWith("Math.")) return undefined;
  const fn = name.slice("Math.".length);
  const arity = LIBRARY[fn] ?? HELPERS[fn]?.arity;
  if (arity === undefined) return undefined;
  if (!l.doubles) l.fail("TSOS1160", call, name);
  // tsc has checked the argument count; a missing argument would be undefined (NaN) in JavaScript.
  const args = call.arguments.slice(0, arity).map((a) => numberArg(l, a));
  while (args.length < arity) args.push({ e: "num", type: T.number, value: NaN });
  const helper = HELPERS[fn];
  if (helper) return { e: "call", type: T.number, fn: helper.fn, args, pure: !helper.impure };
  return mathLibraryCall(l, fn, args, call);
}

/**
 * `Math.sqrt`, `Math.sin`, `Math.pow`... passed as a function value where a
 * function type is wanted (`xs.map(Math.round)`): a small C function that
 * takes the wanted parameters and calls the Math function with as many of
 * them as it takes, as JavaScript does (`xs.map(Math.pow)` raises each
 * element to its index; a missing argument is undefined, so NaN).
 * The variadic min, max and hypot take the wanted type's (number) parameters. Undefined when the wanted type
 * does not fit (a parameter that is not a number, a result that is not).
 */
export function mathFunctionValue(l: Lowerer, p: ts.PropertyAccessExpression, want: Type | undefined): Expr | undefined {
  if (!want || want.k !== "fn" || !isMath(l, p.expression)) return undefined;
  return mathFunctionNamed(l, p.name.text, want, p);
}

function isMath(l: Lowerer, x: ts.Expression): boolean {
  const decl = ts.isIdentifier(x) && x.text === "Math" ? l.symbolOf(x)?.valueDeclaration : undefined;
  return !!decl && l.isLibDecl(decl);
}

/**
 * `Math[name](x)` with `name` of a string literal union type (`"sin" | "cos"`): the function value of
 * the member the key names, picked by comparing the key with each candidate (evaluated once).
 */
export function mathComputedMember(l: Lowerer, e: ts.ElementAccessExpression): Expr | undefined {
  if (!isMath(l, e.expression)) return undefined;
  const kt = l.checker.getTypeAtLocation(e.argumentExpression);
  const names = (kt.isUnion() ? kt.types : [kt]).map((t) => (t.isStringLiteral() ? t.value : undefined));
  const want = tryIrType(l, l.checker.getTypeAtLocation(e), e);
  if (!names.length || names.some((n) => n === undefined) || want?.k !== "fn") return undefined;
  const values = (names as string[]).map((n) => mathFunctionNamed(l, n, want, e) ?? l.fail("TSOS1005", e, `\`Math.${n}\` as a value of type \`${typeName(want)}\``));
  const key = l.temp();
  const k: Expr = { e: "local", type: T.str, name: key };
  let out = values[values.length - 1]!;
  for (let i = values.length - 2; i >= 0; i--) out = { e: "cond", type: want, c: { e: "streq", type: T.bool, negate: false, a: k, b: { e: "str", type: T.str, value: names[i]! } }, a: values[i]!, b: out };
  return { e: "bind", type: want, name: key, value: coerce(l, lowerExpr(l, e.argumentExpression, T.str), T.str, e.argumentExpression), body: out };
}

function mathFunctionNamed(l: Lowerer, fn: string, want: Extract<Type, { k: "fn" }>, p: ts.Expression): Expr | undefined {
  // `Math.max` / `Math.min` for a rest-parameter type: lib/std/array.ts maxOf / minOf over the rest array.
  const lastParam = want.params[want.params.length - 1];
  if ((fn === "max" || fn === "min") && want.params.length === 1 && lastParam?.k === "array" && lastParam.elem.k === "int" && lastParam.elem.kind === "number" && restWanted(l, p) && want.ret.k === "int" && want.ret.kind === "number") {
    return builtinValue(l, `tsos_Math_${fn}`, fn, want, stdCall(l, fn === "max" ? "maxOf" : "minOf", [], [{ e: "local", type: lastParam, name: "a0" }], p), p);
  }
  // `pick(Math.max)` for `(a: number, b: number) => number`: the larger of the arguments, as `Math.max(a, b)` is.
  const isNumber = (t: Type | undefined): boolean => t?.k === "int" && t.kind === "number";
  if ((fn === "max" || fn === "min") && want.params.length >= 1 && want.params.every(isNumber) && isNumber(want.ret) && !restWanted(l, p)) {
    let body: Expr = { e: "local", type: T.number, name: "a0" };
    // runtime tsos_num_max / tsos_num_min: NaN wins, -0 is below +0, as in JavaScript.
    for (let i = 1; i < want.params.length; i++) body = { e: "call", type: T.number, fn: `tsos_num_${fn}`, args: [body, { e: "local", type: T.number, name: `a${i}` }], pure: true };
    return builtinValue(l, `tsos_Math_${fn}_${want.params.length}`, fn, want, body, p);
  }
  if (fn === "hypot" && want.params.every(isNumber) && isNumber(want.ret) && !restWanted(l, p)) {
    const args: Expr[] = want.params.map((_, i) => ({ e: "local", type: T.number, name: `a${i}` }));
    return builtinValue(l, `tsos_Math_hypot_${want.params.length}`, fn, want, { e: "numlist", type: T.number, fn: "tsos_num_hypot", args }, p);
  }
  const arity = LIBRARY[fn] ?? HELPERS[fn]?.arity ?? (VALUE_HELPERS[fn] ? 1 : fn === "pow" ? 2 : undefined);
  if (arity === undefined) return undefined;
  if (!l.doubles) l.fail("TSOS1160", p, `Math.${fn}`);
  if (!(want.ret.k === "void" || (want.ret.k === "int" && want.ret.kind === "number"))) return undefined;
  const args: Expr[] = [];
  // `(...xs: number[]) => number` (a table of functions of any arity): argument i is element i of the rest array, NaN if missing.
  const last = want.params[want.params.length - 1];
  const rest = last?.k === "array" && last.elem.k === "int" && last.elem.kind === "number" && restWanted(l, p) ? want.params.length - 1 : -1;
  for (let i = 0; i < arity; i++) {
    if (rest >= 0 && i >= rest) {
      const arr: Expr = { e: "local", type: last!, name: `a${rest}` };
      const j: Expr = { e: "int", type: T.int("i64"), value: BigInt(i - rest) };
      const len: Expr = { e: "arraymethod", type: T.int("usize"), method: "length", arr, args: [], loc: l.loc(p) };
      const has: Expr = { e: "binary", type: T.bool, op: "<", a: { e: "int", type: T.int("usize"), value: BigInt(i - rest) }, b: len, loc: l.loc(p) };
      args.push({ e: "cond", type: T.number, c: has, a: { e: "index", type: T.number, arr, idx: j, loc: l.loc(p), unchecked: true }, b: { e: "num", type: T.number, value: NaN } });
      continue;
    }
    const t = want.params[i];
    if (!t) {
      args.push({ e: "num", type: T.number, value: NaN });
      continue;
    }
    if (t.k !== "int" || ["u64", "i64", "usize", "isize"].includes(t.kind)) return undefined;
    args.push(coerce(l, { e: "local", type: t, name: `a${i}` }, T.number, p));
  }
  const helper = HELPERS[fn]?.fn ?? VALUE_HELPERS[fn];
  const body: Expr = helper ? { e: "call", type: T.number, fn: helper, args, pure: true } : mathLibraryCall(l, fn, args, p);
  return builtinValue(l, `tsos_Math_${fn}`, fn, want, body, p);
}

/** The Number predicates that are one C function of a number, as function values (`xs.filter(Number.isInteger)`). */
const NUMBER_PREDICATES: Record<string, string> = {
  isInteger: "tsos_num_is_integer", isSafeInteger: "tsos_num_is_safe_integer", isNaN: "isnan", isFinite: "isfinite",
};

/**
 * `Number.isInteger` (isSafeInteger, isNaN, isFinite) passed where a function
 * type taking a number first is wanted: a small C function that tests its
 * first argument (the others, such as filter's index, are ignored, as the
 * predicate ignores them in JavaScript). Undefined for anything else.
 */
export function numberPredicateValue(l: Lowerer, p: ts.PropertyAccessExpression, want: Type | undefined): Expr | undefined {
  if (!want || want.k !== "fn" || !ts.isIdentifier(p.expression) || p.expression.text !== "Number") return undefined;
  const decl = l.symbolOf(p.expression)?.valueDeclaration;
  const test = NUMBER_PREDICATES[p.name.text];
  if (!decl || !l.isLibDecl(decl) || !test || !l.doubles) return undefined;
  const first = want.params[0];
  if (!first || first.k !== "int" || ["u64", "i64", "usize", "isize"].includes(first.kind) || (want.ret.k !== "bool" && want.ret.k !== "void")) return undefined;
  const body: Expr = { e: "call", type: T.bool, fn: test, args: [coerce(l, { e: "local", type: first, name: "a0" }, T.number, p)], pure: true };
  return builtinValue(l, `tsos_Number_${p.name.text}`, p.name.text, want, body, p);
}

/** The lowerings that have declared lib/std/math.ts's module variables. */
const declared = new WeakSet<Lowerer>();

/** A call of lib/std/math.ts's function `fn` (sin, pow, ...) on lowered `number` arguments. */
export function mathLibraryCall(l: Lowerer, fn: string, args: Expr[], node: ts.Node): Expr {
  const decl = stdDeclaration(STD_MATH, fn, ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", node, `lib/std/math.ts has no \`${fn}\``);
  if (!declared.has(l)) {
    // The library's module variables exist only in programs that call it (lower/module.ts).
    declared.add(l);
    declareLibraryGlobals(l, decl.getSourceFile());
  }
  const f = functionOf(l, decl, []);
  return { e: "call", type: f.ret, fn: f.cname, args, pure: true };
}

/** A call of an intrinsic declared in lib/std/math-intrinsics.d.ts, or undefined for any other callee. */
export function mathIntrinsic(l: Lowerer, decl: ts.Declaration, call: ts.CallExpression): Expr | undefined {
  if (path.resolve(decl.getSourceFile().fileName) !== INTRINSICS_FILE || !ts.isFunctionDeclaration(decl)) return undefined;
  const fn = INTRINSICS[decl.name?.text ?? ""];
  if (!fn) l.fail("TSOS9001", call, "unknown math intrinsic");
  const params = decl.parameters.map((p) => typeFromTypeNode(l, p.type!));
  const args = call.arguments.map((a, i) => coerce(l, lowerExpr(l, a, params[i]), params[i]!, a));
  // The clock reads a new value at each call: not pure.
  return { e: "call", type: typeFromTypeNode(l, decl.type!), fn, args, pure: fn !== "tsos_now_millis" };
}
