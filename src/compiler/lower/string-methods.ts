/**
 * lower/string-methods.ts: JavaScript strings on the hosted target.
 *
 * Input:  from the shared lowering: member calls on strings (`s.padStart(8)`),
 *         string literals, the string built-ins (`parseInt`, `Number(s)`,
 *         `+s`, `String.fromCharCode`), ordering operators between strings,
 *         and calls of lib/std/string-intrinsics.d.ts from lib/std/string.ts.
 * Output: IR: calls of lib/std/string.ts's function of the same name (the
 *         string first, then the arguments with JavaScript's defaults filled
 *         in), or calls of the C helpers in runtime/tsos_str.h.
 * Invariants:
 *   - Indexes and lengths are UTF-16 code units (docs/language.md section 3);
 *     nothing here answers differently from Node: what tsos cannot do
 *     exactly is refused (TSOS1100, TSOS1102, TSOS1103; regular expressions are refused before, TSOS1005/TSOS1030) or panics at run time.
 *   - The kernel keeps its byte strings: only `length`, `[i]` and
 *     `charCodeAt` exist there (TSOS1102 for the rest).
 */
import path from "node:path";
import ts from "typescript";
import type { Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { isInt } from "../ints.ts";
import { isDouble } from "./number.ts";
import { LIB_DIR } from "../load.ts";
import type { Lowerer } from "./context.ts";
import { builtinValue } from "./fn-names.ts";
import { coerce, lowerExpr, stringPart } from "./expr.ts";
import { printable, truthyOf } from "./nullable.ts";
import { functionOf } from "./functions.ts";
import { arrayType, isStringType, mangle, typeFromTypeNode, typeName } from "./types.ts";
import { stdFn } from "./inspect.ts";
import { nullableOf } from "./nullable-types.ts";
import { regexpStringCall } from "./regexp.ts";
import { URI_FUNCTIONS, uriLibCall } from "./uri.ts";

export const STD_STRING = path.join(LIB_DIR, "std/string.ts");
const INTRINSICS_FILE = path.join(LIB_DIR, "std/string-intrinsics.d.ts");

let program: ts.Program | undefined;

/** Called once per lowering with the program that holds lib/std/string.ts. */
export function useStringLibrary(p: ts.Program): void {
  program = p;
}

/** Methods of lib/std/string.ts: JavaScript's value for each optional argument (undefined: required). */
const LIBRARY: Record<string, (number | string | undefined)[]> = {
  slice: [0, Infinity],
  substring: [0, Infinity],
  substr: [0, Infinity],
  repeat: [undefined],
  padStart: [undefined, " "],
  padEnd: [undefined, " "],
  indexOf: [undefined, 0],
  lastIndexOf: [undefined, NaN],
  includes: [undefined, 0],
  startsWith: [undefined, 0],
  endsWith: [undefined, Infinity],
  split: [undefined, 4294967295],
  replace: [undefined, undefined],
  replaceAll: [undefined, undefined],
};

/**
 * The runtime flags of `localeCompare(b, locales, options)` (runtime/tsos_str.h
 * tsos_str_collate): `locales` undefined or English, `options` a literal
 * object with literal `sensitivity` and `numeric`. Anything else is TSOS1015:
 * other locales order ASCII differently (Danish "aa", Lithuanian "y").
 */
function collationFlags(l: Lowerer, locales: ts.Expression, options: ts.Expression | undefined): number {
  const unparen = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unparen(e.expression) : e);
  const english = (e: ts.Expression): boolean => ts.isStringLiteral(e) && /^en(-[A-Za-z0-9]+)*$/.test(e.text);
  const loc = unparen(locales);
  const undef = (e: ts.Expression): boolean => ts.isIdentifier(e) && e.text === "undefined";
  if (!undef(loc) && !english(loc) && !(ts.isArrayLiteralExpression(loc) && loc.elements.length > 0 && english(loc.elements[0]!)))
    l.fail("TSOS1015", locales, "`localeCompare` with a locale other than English", "leave the locale out (`a.localeCompare(b, undefined, options)`) or write \"en\"");
  if (!options || undef(unparen(options))) return 0;
  const o = unparen(options);
  if (!ts.isObjectLiteralExpression(o)) l.fail("TSOS1015", options, "`localeCompare` options that are not an object literal", "write the options in the call: `{ sensitivity: \"base\" }`");
  let flags = 0;
  for (const p of o.properties) {
    const key = p.name && ts.isIdentifier(p.name) ? p.name.text : "";
    const v = ts.isPropertyAssignment(p) ? unparen(p.initializer) : undefined;
    if (key === "sensitivity" && v && ts.isStringLiteral(v)) {
      // 1: case left out ("base", "accent"); 4: accents left out ("base", "case").
      if (v.text === "base" || v.text === "accent") flags |= 1;
      if (v.text === "base" || v.text === "case") flags |= 4;
    } else if (key === "numeric" && v && (v.kind === ts.SyntaxKind.TrueKeyword || v.kind === ts.SyntaxKind.FalseKeyword)) {
      if (v.kind === ts.SyntaxKind.TrueKeyword) flags |= 2;
    } else l.fail("TSOS1015", p, "this `localeCompare` option", "`sensitivity` and `numeric`, written as literals, are supported");
  }
  return flags;
}

/** Methods implemented by one C helper: its name, whether it takes the call's location. */
const HELPERS: Record<string, { fn: string; loc: boolean; ret: "str" | "number" | "at"; extra?: Expr[]; defaults?: number[] }> = {
  charCodeAt: { fn: "tsos_str_char_code_at", loc: false, ret: "number", defaults: [0] },
  charAt: { fn: "tsos_str_char_at", loc: true, ret: "str", defaults: [0] },
  at: { fn: "tsos_str_at_rel", loc: true, ret: "at" },
  toUpperCase: { fn: "tsos_str_upper", loc: true, ret: "str" },
  toLowerCase: { fn: "tsos_str_lower", loc: true, ret: "str" },
  localeCompare: { fn: "tsos_str_locale_compare", loc: true, ret: "number" },
  trim: { fn: "tsos_str_trim", loc: false, ret: "str", extra: [bool(true), bool(true)] },
  trimStart: { fn: "tsos_str_trim", loc: false, ret: "str", extra: [bool(true), bool(false)] },
  trimEnd: { fn: "tsos_str_trim", loc: false, ret: "str", extra: [bool(false), bool(true)] },
  toLocaleUpperCase: { fn: "tsos_str_upper", loc: true, ret: "str" },
  toLocaleLowerCase: { fn: "tsos_str_lower", loc: true, ret: "str" },
  trimLeft: { fn: "tsos_str_trim", loc: false, ret: "str", extra: [bool(true), bool(false)] },
  trimRight: { fn: "tsos_str_trim", loc: false, ret: "str", extra: [bool(false), bool(true)] },
};

/**
 * The C helper of each intrinsic of lib/std/string-intrinsics.d.ts, whether it takes a location, and what the
 * program must emit for it (`uses`, given the intrinsic's parameter and result types).
 */
const INTRINSICS: Record<string, { fn: string; loc: boolean; uses?: (l: Lowerer, params: Type[], ret: Type) => void }> = {
  strByteLength: { fn: "tsos_str_byte_length", loc: false },
  strByte: { fn: "tsos_str_byte", loc: false },
  strFind: { fn: "tsos_str_find", loc: false },
  strFindLast: { fn: "tsos_str_find_last", loc: false },
  strMatchAt: { fn: "tsos_str_match_at", loc: false },
  strByteOffset: { fn: "tsos_str_byte_offset", loc: false },
  strUnitIndex: { fn: "tsos_str_unit_index", loc: false },
  strSliceUnits: { fn: "tsos_str_slice_units", loc: true },
  strSliceBytes: { fn: "tsos_str_slice_bytes", loc: false },
  strSplit: { fn: "tsos_str_split", loc: false },
  strRepeat: { fn: "tsos_str_repeat", loc: false },
  strPad: { fn: "tsos_str_pad", loc: true },
  strConcatAll: { fn: "tsos_str_concat_all", loc: false },
  strIsAscii: { fn: "tsos_str_ascii", loc: false },
  strUnit: { fn: "tsos_str_unit_i32", loc: false },
  regexpCanonicalize: { fn: "tsos_regexp_canonicalize", loc: false },
  regexpLowerUnit: { fn: "tsos_regexp_lower_unit", loc: false },
  regexpPanic: { fn: "tsos_regexp_panic", loc: true },
  matchArrayNew: { fn: "tsos_match_new", loc: true, uses: (l, _params, ret) => usesMatchArray(l, ret) },
  matchArrayIs: { fn: "tsos_match_is", loc: false, uses: (l, params) => usesMatchArray(l, params[0]!) },
  matchArrayIndex: { fn: "tsos_match_index", loc: false, uses: (l, params) => usesMatchArray(l, params[0]!) },
  matchArrayInput: { fn: "tsos_match_input", loc: false, uses: (l, params) => usesMatchArray(l, params[0]!) },
  matchArrayGroupNames: { fn: "tsos_match_names", loc: false, uses: (l, params) => usesMatchArray(l, params[0]!) },
};

/** The match array functions are made for this program's array types (runtime TSOS_MATCH_ARRAY_OF). */
function usesMatchArray(l: Lowerer, matchArray: Type): void {
  const names = arrayType(l, T.str);
  if (matchArray.k === "array" && names.k === "array") l.program.matchArray ??= { cname: matchArray.cname, names: names.cname };
}

function bool(value: boolean): Expr {
  return { e: "bool", type: T.bool, value };
}

function constant(v: number | string): Expr {
  if (typeof v === "string") return { e: "str", type: T.str, value: v };
  if (Number.isSafeInteger(v)) return { e: "int", type: T.number, value: BigInt(v) };
  return { e: "num", type: T.number, value: v };
}

/** The location a panic inside a helper reports: this call, or our caller's in an @trackCaller function. */
function here(l: Lowerer, node: ts.Node): Expr {
  return { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(node) };
}

/** A string literal's text: refused if it holds a lone surrogate (a UTF-8 string cannot). */
export function checkStringLiteral(l: Lowerer, text: string, node: ts.Node): void {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) l.fail("TSOS1100", node);
}

function arg(l: Lowerer, node: ts.Expression, want: Type): Expr {
  const x = lowerExpr(l, node, want);
  if (want.k === "int" && !isInt(x.type)) l.fail("TSOS1031", node, "this argument", typeName(x.type));
  return coerce(l, x, want, node);
}

/**
 * An optional argument that may be undefined (`s.slice(1, cut ? -1 : undefined)`): undefined
 * takes the parameter's default `d`, as JavaScript does.
 */
function argOrDefault(l: Lowerer, node: ts.Expression, want: Type, d: number | string): Expr {
  const x = lowerExpr(l, node, want);
  if (x.type.k !== "nullable" || !x.type.undef || x.type.null) return arg(l, node, want);
  const name = l.temp();
  const v: Expr = { e: "local", type: x.type, name };
  const present = coerce(l, { e: "unwrap", type: x.type.inner, x: v, loc: 0 }, want, node);
  const absent = coerce(l, constant(d), want, node);
  return { e: "bind", type: want, name, value: x, body: { e: "cond", type: want, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: absent, b: present } };
}

/** `s.name(args)` on a string, or undefined when `name` is not a string method tsos implements here. */
export function stringMethodCall(l: Lowerer, recv: Expr, name: string, call: ts.CallExpression): Expr | undefined {
  if (recv.type.k !== "str") return undefined;
  const regexp = regexpStringCall(l, recv, name, call);
  if (regexp) return regexp;
  const known = name in LIBRARY || name in HELPERS || ["concat", "toString", "valueOf", "codePointAt"].includes(name);
  if (!known) return undefined;
  if (!l.doubles) {
    if (name === "charCodeAt") return undefined; // the kernel's byte form (calls.ts)
    l.fail("TSOS1102", ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call, name);
  }
  const args = call.arguments;
  if (args.some((a) => ts.isSpreadElement(a))) l.fail("TSOS1086", call, "a spread argument to a string method");
  if (name === "toString" || name === "valueOf") return recv;
  if (name === "codePointAt") return codePointAt(l, recv, call);
  if (name === "concat") return { e: "concat", type: T.str, parts: [recv, ...args.map((a) => arg(l, a, T.str))] };
  if ((name === "replace" || name === "replaceAll") && args[1] && !isStringType(l.checker.getTypeAtLocation(args[1])))
    l.fail("TSOS1103", args[1], name);
  const helper = HELPERS[name];
  if (helper) {
    const lowered = (helper.defaults ?? (name === "at" ? [NaN] : name === "localeCompare" ? [NaN] : [])).map((d, i) => {
      const a = args[i];
      if (a) return arg(l, a, name === "localeCompare" ? T.str : T.number);
      if (name === "at" || name === "localeCompare") l.fail("TSOS9001", call, `missing argument to \`${name}\``);
      return constant(d);
    });
    if (name === "localeCompare" && args.length > 1)
      return { e: "call", type: T.number, fn: "tsos_str_collate", args: [recv, ...lowered, { e: "int", type: T.int("u32"), value: BigInt(collationFlags(l, args[1]!, args[2])) }, here(l, call)] };
    const all = [recv, ...lowered, ...(helper.extra ?? []), ...(helper.loc ? [here(l, call)] : [])];
    const type: Type = helper.ret === "str" ? T.str : helper.ret === "number" ? T.number : { k: "nullable", inner: T.str, null: false, undef: true };
    return { e: "call", type, fn: helper.fn, args: all };
  }
  const defaults = LIBRARY[name]!;
  if (name === "split" && !args[0]) l.fail("TSOS1015", call, "`split()` without a separator", "pass the separator: `s.split(\",\")`");
  const f = functionOf(l, libraryFunction(l, name, call), []);
  const params = f.params.slice(1).filter((p) => p.type.k !== "loc");
  const lowered = params.map((p, i) => {
    const a = args[i];
    const d = defaults[i];
    if (a) return d === undefined ? arg(l, a, p.type) : argOrDefault(l, a, p.type, d);
    if (d === undefined) l.fail("TSOS9001", call, `missing argument to \`${name}\``);
    return constant(d);
  });
  if ((name === "padStart" || name === "padEnd") && l.doubles) {
    const padding = padded(l, recv, lowered[0]!, lowered[1]!, name === "padStart", here(l, call));
    if (padding) return padding;
  }
  return { e: "call", type: f.ret, fn: f.cname, args: [recv, ...lowered, ...(f.trackCaller ? [here(l, call)] : [])] };
}

/**
 * `s.padStart(max, fill)` or `padEnd` with a one-byte ASCII fill (the default " ", "0", "-") as a strpad node,
 * which a concatenation writes on its stack (emit-c.ts). A receiver that is `String(n)`, `` `${n}` `` or
 * `n.toString()` of a double is the double itself: its text is formatted on the stack, not allocated.
 * Undefined for any other fill (the library's padStart handles it).
 */
function padded(l: Lowerer, recv: Expr, max: Expr, fill: Expr, start: boolean, at: Expr): Expr | undefined {
  if (fill.e !== "str" || fill.value.length !== 1 || fill.value.charCodeAt(0) >= 0x80) return undefined;
  let s = recv;
  if (recv.e === "concat" && recv.parts.length === 1 && isDouble(l, recv.parts[0]!.type)) s = recv.parts[0]!;
  else if (recv.e === "tostr" && recv.radix === 10 && isDouble(l, recv.x.type)) s = recv.x;
  return { e: "strpad", type: T.str, s, max, fill: fill.value.charCodeAt(0), start, at };
}

/** `s.codePointAt(pos)`: a `number | undefined` (the helper's NaN stands for undefined). */
function codePointAt(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr {
  const pos = call.arguments[0] ? arg(l, call.arguments[0], T.number) : constant(0);
  const type = nullableOf(l, T.number, false, true, mangle);
  const name = l.temp();
  const v: Expr = { e: "local", type: T.number, name };
  const isNaN: Expr = { e: "call", type: T.bool, fn: "isnan", args: [v], pure: true };
  return {
    e: "bind", type, name,
    value: { e: "call", type: T.number, fn: "tsos_str_code_point_at", args: [recv, pos] },
    body: { e: "cond", type, c: isNaN, a: { e: "nullish", type, undef: true }, b: { e: "some", type, x: v } },
  };
}

function libraryFunction(l: Lowerer, name: string, node: ts.Node): ts.FunctionDeclaration {
  const sf = program?.getSourceFile(STD_STRING);
  const decl = sf?.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!decl) l.fail("TSOS9001", node, `lib/std/string.ts has no \`${name}\``);
  return decl;
}

/** A call of an intrinsic declared in lib/std/string-intrinsics.d.ts, or undefined for any other callee. */
export function stringIntrinsic(l: Lowerer, decl: ts.Declaration, call: ts.CallExpression): Expr | undefined {
  if (path.resolve(decl.getSourceFile().fileName) !== INTRINSICS_FILE || !ts.isFunctionDeclaration(decl)) return undefined;
  const info = INTRINSICS[decl.name?.text ?? ""];
  if (!info) l.fail("TSOS9001", call, "unknown string intrinsic");
  const params = decl.parameters.map((p) => typeFromTypeNode(l, p.type!));
  const args = call.arguments.map((a, i) => coerce(l, lowerExpr(l, a, params[i]), params[i]!, a));
  const ret = typeFromTypeNode(l, decl.type!);
  info.uses?.(l, params, ret);
  return { e: "call", type: ret, fn: info.fn, args: info.loc ? [...args, here(l, call)] : args };
}

/** The string built-ins: parseInt, parseFloat (also as Number members), String.fromCharCode; undefined for other names. */
export function stringBuiltin(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  const args = call.arguments;
  switch (name) {
    case "parseInt":
    case "Number.parseInt":
    case "parseFloat":
    case "Number.parseFloat": {
      if (!l.doubles) l.fail("TSOS2010", call, name);
      const s = arg(l, args[0]!, T.str);
      if (name.endsWith("Float")) return { e: "call", type: T.number, fn: "tsos_parse_float", args: [s] };
      const radix = args[1] ? arg(l, args[1], T.number) : constant(0);
      return { e: "call", type: T.number, fn: "tsos_parse_int", args: [s, radix, here(l, call)] };
    }
    case "String.fromCharCode":
      if (!l.doubles) l.fail("TSOS1102", call.expression, "String.fromCharCode");
      if (args.some((a) => ts.isSpreadElement(a))) l.fail("TSOS1086", call, "a spread argument to `String.fromCharCode`");
      return { e: "numlist", type: T.str, fn: "tsos_str_from_char_codes", args: args.map((a) => arg(l, a, T.number)) };
    case "String.fromCodePoint": {
      if (!l.doubles) l.fail("TSOS1102", call.expression, "String.fromCodePoint");
      if (args.some((a) => ts.isSpreadElement(a))) l.fail("TSOS1086", call, "a spread argument to `String.fromCodePoint`");
      const points: Expr = { e: "arraylit", type: arrayType(l, T.number), elems: args.map((a) => arg(l, a, T.number)), loc: l.loc(call) };
      return stdFn(l, "std/string.ts", "fromCodePoints", [], [points, here(l, call)], call);
    }
  }
  return undefined;
}

/** `x.toPrecision(p)` on a hosted number; undefined for other receivers. */
export function numberToPrecision(l: Lowerer, recv: Expr, call: ts.CallExpression): Expr | undefined {
  if (!(l.doubles && recv.type.k === "int" && recv.type.kind === "number")) return undefined;
  if (!call.arguments[0]) return { e: "tostr", type: T.str, x: recv, radix: 10 };
  return { e: "call", type: T.str, fn: "tsos_num_to_precision", args: [recv, arg(l, call.arguments[0], T.number), here(l, call)] };
}

/**
 * `Number`, `String`, `Boolean`, `parseInt`, `parseFloat` or a URI function passed as a function value
 * (`line.split(",").map(Number)`, `path.split("/").map(decodeURIComponent)`): a small C function of the wanted type
 * that calls the conversion with the arguments JavaScript would pass
 * (`map(parseInt)` passes the index as the radix, as in JavaScript).
 * Undefined when `id` is not one of them or the wanted type does not fit.
 */
export function conversionAsFunction(l: Lowerer, id: ts.Identifier, want: Type | undefined): Expr | undefined {
  if (!want || want.k !== "fn" || !l.doubles || !["Number", "String", "Boolean", "parseInt", "parseFloat", ...URI_FUNCTIONS].includes(id.text)) return undefined;
  const decl = l.symbolOf(id)?.valueDeclaration;
  if (!decl || !l.isLibDecl(decl)) return undefined;
  const [p0, p1] = want.params;
  if (!p0) return undefined;
  const a0: Expr = { e: "local", type: p0, name: "a0" };
  let body: Expr | undefined;
  if (p0.k === "nullable" && p0.inner.k === "str" && ["Number", "parseInt", "parseFloat"].includes(id.text)) {
    // An element that may be absent (`m.map(Number)` over a regex match's groups): Number(undefined) is NaN and
    // Number(null) 0; parseInt and parseFloat read the text "undefined" or "null", which is NaN.
    const present = conversionBody(l, id, { e: "unwrap", type: p0.inner, x: a0, loc: l.loc(id) }, p1);
    const nan: Expr = { e: "num", type: T.number, value: NaN };
    const absent: Expr = id.text === "Number" && p0.null ? { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: a0, which: "null" }, a: { e: "num", type: T.number, value: 0 }, b: nan } : nan;
    if (present) body = { e: "cond", type: T.number, c: { e: "isnullish", type: T.bool, x: a0, which: "either" }, a: absent, b: present };
  } else body = conversionBody(l, id, a0, p1);
  if (!body || !(body.type.k === want.ret.k || want.ret.k === "void")) return undefined;
  if (isInt(want.ret) && !(isInt(body.type) && body.type.kind === want.ret.kind)) return undefined;
  return builtinValue(l, `tsos_${id.text}`, id.text, want, body, id);
}

/** The conversion `id` of the first argument `a0` (a parameter, or its unwrapped value), the second of type `p1`; undefined where it does not fit. */
function conversionBody(l: Lowerer, id: ts.Identifier, a0: Expr, p1: Type | undefined): Expr | undefined {
  const p0 = a0.type;
  if (id.text === "Number") return p0.k === "str" ? stringToNumber(l, a0, id) : isInt(p0) ? coerce(l, a0, T.number, id) : undefined;
  if (id.text === "Boolean") return truthiness(a0);
  if (id.text === "String") return p0.k === "str" || p0.k === "bool" || isInt(p0) ? { e: "concat", type: T.str, parts: [a0] } : { e: "concat", type: T.str, parts: [printable(stringPart(l, a0, id))] };
  if (URI_FUNCTIONS.has(id.text)) return p0.k === "str" ? uriLibCall(l, id.text, a0, id) : undefined;
  if (p0.k === "str" && id.text === "parseFloat") return { e: "call", type: T.number, fn: "tsos_parse_float", args: [a0] };
  if (p0.k === "str") {
    const radix: Expr = p1 && isInt(p1) ? coerce(l, { e: "local", type: p1, name: "a1" }, T.number, id) : constant(0);
    return { e: "call", type: T.number, fn: "tsos_parse_int", args: [a0, radix, { e: "callerloc", type: { k: "loc" }, loc: l.loc(id) }] };
  }
  return undefined;
}

/** `Boolean(x)`: JavaScript's truthiness of `x`, or undefined for a value without one. */
export function truthiness(x: Expr): Expr | undefined {
  if (x.type.k === "bool") return x;
  // A bare `null` or `undefined` (nothing to evaluate).
  if (x.type.k === "nullable" && x.type.inner.k === "never") return x.e === "nullish" ? { e: "bool", type: T.bool, value: false } : undefined;
  if (isInt(x.type)) return { e: "truthy", type: T.bool, x };
  return truthyOf(x);
}

/** `Number(s)` and `+s` of a string: StringToNumber (hosted). */
export function stringToNumber(l: Lowerer, x: Expr, node: ts.Node): Expr {
  if (!l.doubles) l.fail("TSOS2010", node, "a number parsed from a string");
  return { e: "call", type: T.number, fn: "tsos_str_to_num", args: [x] };
}

/** `a < b` (and <=, >, >=) between strings: by UTF-16 code units, as JavaScript orders them. */
export function stringOrder(l: Lowerer, op: "<" | "<=" | ">" | ">=", a: Expr, b: Expr, node: ts.Node): Expr {
  const i32 = T.int("i32");
  const cmp: Expr = { e: "call", type: i32, fn: "tsos_str_cmp", args: [a, b] };
  return { e: "binary", type: T.bool, op, a: cmp, b: { e: "int", type: i32, value: 0n }, loc: l.loc(node) };
}

/** `s[i]` used as `string | undefined` (returned, stored as optional): undefined past the end, as in JavaScript. */
export function stringIndexOrUndefined(l: Lowerer, e: Expr, to: Type): Expr | undefined {
  if (e.e !== "strindex" || e.code || !l.doubles || to.k !== "nullable" || !to.undef || to.inner.k !== "str") return undefined;
  const type: Type = { k: "nullable", inner: T.str, null: false, undef: true };
  return { e: "call", type, fn: "tsos_str_unit_at_or_undefined", args: [e.s, e.idx, { e: "callerloc", type: { k: "loc" }, loc: e.loc }] };
}

