/**
 * lower/console-format.ts: Node's format directives in `console.log`.
 *
 * Input:  a `console.log(first, ...rest)` / `console.error(...)` call with at
 *         least two arguments, from lowerPrint (stmt.ts).
 * Output: for a literal first argument holding directives, the printed
 *         parts of util.format: `%s` (a string, number or boolean as
 *         console.log shows it), `%d` (a number, or a string as Number(s)),
 *         `%c` of a literal (dropped) and `%%`; a directive without an
 *         argument left to take stays as it is. For a computed first
 *         argument that may be a string, its printed form passed through
 *         inspect.ts's withoutFormatDirective, which panics if it holds a
 *         directive (for a union, also when another member's printed form
 *         happens to hold one).
 *         And `console.log` used as an expression (printExpression), and a
 *         spread argument (`console.log("row", ...cells)`): its elements
 *         printed as arguments are, joined by spaces (printedSpread).
 * Invariants: what tsos cannot print as Node does is refused (TSOS1250):
 *             `%i`, `%f`, `%j`, `%o`, `%O`, and arguments of other types.
 */
import ts from "typescript";
import type { Expr, Param, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import { isInt } from "../ints.ts";
import type { Lowerer } from "./context.ts";
import { builtinValue } from "./fn-names.ts";
import { stdDeclaration } from "./array-methods.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { lowerNullLiteral } from "./nullable.ts";
import { functionOf } from "./functions.ts";
import { stringToNumber } from "./string-methods.ts";
import { arrayType, typeName } from "./types.ts";
import { inspectArgument, mappedElements, num, stdFn, str } from "./inspect.ts";
import { stdCall } from "./array-methods.ts";
import { printable } from "./nullable.ts";

/**
 * `...xs` among console.log's arguments: the elements, each as console.log
 * prints an argument (strings as they are, others as util.inspect shows
 * them), joined by single spaces; "" for no elements (the caller leaves out
 * the space before it then).
 */
export function printedSpread(l: Lowerer, arr: Expr, node: ts.Node): Expr {
  if (arr.type.k !== "array") {
    const spread = ts.isSpreadElement(node) ? node.expression : node;
    return l.fail("TSOS1005", node, `a spread of \`${l.checker.typeToString(l.checker.getTypeAtLocation(spread))}\` in console.log's arguments`);
  }
  const text = (e: Expr): Expr => {
    const v = printable(inspectArgument(l, e, node));
    if (v.type.k === "str") return v;
    // A number as console.log writes it (-0 is "-0"), a boolean as its name.
    if (isInt(v.type)) return stdFn(l, "std/inspect.ts", "showNumber", [], [coerce(l, v, T.number, node), num(0), num(0)], node);
    return { e: "cond", type: T.str, c: v, a: str("true"), b: str("false") };
  };
  const texts = mappedElements(l, "printed", arr, arrayType(l, T.str) as Extract<Type, { k: "array" }>, text, node);
  return stdCall(l, "join", [T.str], [texts, str(" ")], node);
}

/** The printed parts of the format string and the arguments it took, or undefined when the first argument has no directive to apply. */
export function formatDirectives(l: Lowerer, call: ts.CallExpression): { parts: Expr[]; taken: number } | undefined {
  const args = call.arguments;
  if (args.length < 2 || args.some(ts.isSpreadElement)) return undefined;
  const first = args[0]!;
  if (!ts.isStringLiteral(first) && !ts.isNoSubstitutionTemplateLiteral(first)) return undefined;
  const text = first.text;
  const parts: Expr[] = [];
  const str = (value: string): void => {
    if (value) parts.push({ e: "str", type: T.str, value });
  };
  let next = 1;
  let lastPos = 0;
  // util.formatWithOptions: each `%x` with an argument left to take.
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== "%") continue;
    const c = text[++i]!;
    if (c === "%") {
      str(text.slice(lastPos, i));
      lastPos = i + 1;
      continue;
    }
    if (next >= args.length || !"sjdOoifc".includes(c)) continue;
    const a = args[next++]!;
    str(text.slice(lastPos, i - 1));
    lastPos = i + 1;
    parts.push(directive(l, c, a));
  }
  if (lastPos === 0) return undefined;
  str(text.slice(lastPos));
  return { parts: parts.filter((p) => !(p.e === "str" && p.value === "")), taken: next };
}

/** What `%c` prints for the argument `a`. */
function directive(l: Lowerer, c: string, a: ts.Expression): Expr {
  if (c === "c") {
    // CSS for the browser's console: Node prints nothing for it.
    if (ts.isStringLiteralLike(a)) return { e: "str", type: T.str, value: "" };
    l.fail("TSOS1250", a, "%c", "a computed style");
  }
  const x = lowerExpr(l, a);
  if (c === "s" && (x.type.k === "str" || x.type.k === "bool" || isInt(x.type))) return x;
  if (c === "d" && isInt(x.type)) return x.type.k === "int" && x.type.kind !== "number" && l.doubles ? { e: "convert", type: T.number, x, checked: false, loc: l.loc(a) } : x;
  if (c === "d" && x.type.k === "str" && l.doubles) return stringToNumber(l, x, a);
  l.fail("TSOS1250", a, `%${c}`, typeName(x.type));
}

/**
 * A computed first argument followed by others: checked at run time for a
 * directive (a template whose literal parts hold no `%` and whose
 * substitutions are numbers or booleans cannot hold one).
 */
export function guardedFormat(l: Lowerer, first: ts.Expression, x: Expr): Expr {
  if (x.type.k !== "str" || ts.isStringLiteralLike(first)) return x;
  // Node formats only when the value is a string: `x` is its printed form, the string itself then.
  const t = l.checker.getTypeAtLocation(first);
  if (!((t.isUnion() ? t.types : [t]).some((m) => m.flags & ts.TypeFlags.StringLike))) return x;
  if (ts.isTemplateExpression(first)) {
    const literals = [first.head.text, ...first.templateSpans.map((s) => s.literal.text)];
    const plain = first.templateSpans.every((s) => {
      const t = l.checker.getTypeAtLocation(s.expression);
      return (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) !== 0;
    });
    if (plain && !literals.some((t) => t.includes("%"))) return x;
  }
  return directiveGuard(l, first, x);
}

/** `x` (a printed string) through lib/std/inspect.ts's withoutFormatDirective: a panic if it holds a directive. */
export function directiveGuard(l: Lowerer, first: ts.Node, x: Expr): Expr {
  const decl = stdDeclaration("std/inspect.ts", "withoutFormatDirective", ts.isFunctionDeclaration);
  if (!decl) l.fail("TSOS9001", first, "lib/std/inspect.ts has no `withoutFormatDirective`");
  const f = functionOf(l, decl, []);
  const here: Expr = { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(first) };
  return { e: "call", type: f.ret, fn: f.cname, args: f.trackCaller ? [x, here] : [x] };
}

/**
 * `console.log(...)` where a value is expected (`() => console.log(x)` as a
 * `() => unknown`, `cond && console.log(x)`): a call of a small static
 * function holding the print statement, its arguments evaluated in place;
 * the value is undefined as `want` (nothing for void).
 */
export function printExpression(l: Lowerer, print: Extract<Stmt, { s: "print" }>, want: Type | undefined, node: ts.Node): Expr {
  const params: Param[] = [];
  const args: Expr[] = [];
  const inner = print.args.map((a): Expr => {
    if (a.e === "str" || a.e === "int" || a.e === "bool") return a;
    const x = a.e === "tostr" ? a.x : a;
    const name = `a${params.length}`;
    params.push({ name, type: x.type });
    args.push(a.e === "tostr" ? { ...x } : a);
    const local: Expr = { e: "local", type: x.type, name };
    return a.e === "tostr" ? { ...a, x: local, onStack: true } : local;
  });
  const cname = l.uniqueName("tsos_print_expr");
  l.addFunc({ cname, params, ret: T.void, body: [{ ...print, args: inner }], loc: print.loc, isStatic: true });
  const call: Expr = { e: "call", type: T.void, fn: cname, args };
  if (!want || want.k === "void") return call;
  return { e: "seq", type: want, xs: [call, coerce(l, lowerNullLiteral("undefined"), want, node)] };
}

/**
 * `console.log` passed as a function value where a function type is wanted (`items.forEach(console.log)`,
 * `retry(task, console.log)`): a small function of that type printing its arguments as a call would,
 * so `forEach` prints each element, its index and the array. Hosted only; undefined for anything else.
 */
export function consoleAsFunction(l: Lowerer, p: ts.PropertyAccessExpression, want: Type | undefined): Expr | undefined {
  if (!want || want.k !== "fn" || l.target !== "host" || !ts.isIdentifier(p.expression) || p.expression.text !== "console") return undefined;
  const decl = l.symbolOf(p.expression)?.valueDeclaration;
  if (!decl || !l.isLibDecl(decl)) return undefined;
  const method = p.name.text;
  if (!["log", "error", "info", "debug", "warn"].includes(method)) return undefined;
  const loc = l.loc(p);
  const params = want.params.map((type, i) => ({ name: `a${i}`, type }));
  const args: Expr[] = [];
  params.forEach((q, i) => {
    if (i > 0) args.push(str(" "));
    const v = printable(inspectArgument(l, { e: "local", type: q.type, name: q.name }, p));
    // The first argument, a string, is Node's format string when more follow: one holding a directive panics.
    args.push(i === 0 && params.length > 1 && v.type.k === "str" ? directiveGuard(l, p, v) : v);
  });
  for (const a of args) if (a.type.k !== "str" && a.type.k !== "bool" && a.type.k !== "int") l.fail("TSOS1031", p, "an argument of `console.log`", typeName(a.type));
  const print: Stmt = { s: "print", stream: method === "error" || method === "warn" ? "err" : "out", args, loc };
  const body: Stmt[] = want.ret.k === "void" ? [print] : [print, { s: "return", x: coerce(l, lowerNullLiteral("undefined"), want.ret, p), loc }];
  return builtinValue(l, `tsos_console_${method}`, method, want, body, p);
}
