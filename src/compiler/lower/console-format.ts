/**
 * lower/console-format.ts: console.log's format string (`console.log("%s has %d items", name, n)`).
 *
 * Node formats with util.format when console.log gets more than one
 * argument and the first is a string: `%s`, `%d`, `%i`, `%f`, `%j`, `%o`,
 * `%O` and `%c` each take the next argument, `%%` is a percent sign, and the
 * arguments left over follow, separated by spaces. With one argument the
 * string prints as it is.
 *
 * Input:  the arguments of a console.log/console.error call, and how the
 *         caller prints one argument (`printed`).
 * Output: the pieces to print for the format string and the arguments it
 *         consumed (undefined when no formatting applies), and the
 *         arguments left to print after it.
 * Invariants:
 *   - A literal first argument is formatted at compile time: `%s` of a
 *     primitive and `%d` of a number print as console.log prints that
 *     argument, `%c` prints nothing, `%%` is "%". The others refuse
 *     (TSOS1146) rather than print something Node would not.
 *   - A first argument computed at run time (a variable, a template) is
 *     checked when printed: if it holds a specifier and arguments follow,
 *     the program panics (Node would format it) instead of printing text
 *     that differs from Node's. Text with `%` before anything else ("50% off") prints.
 *   - Known gap: a first argument of type `unknown` or of a union with
 *     object members is printed unchecked.
 */
import ts from "typescript";
import type { Expr } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { stdFn } from "./inspect.ts";
import { neverAs } from "./never.ts";
import { tryIrType } from "./types.ts";
import { unionIn } from "./unions.ts";

const str = (value: string): Expr => ({ e: "str", type: T.str, value });

export interface Formatted {
  /** The format string with its consumed arguments, printed without separators. */
  head: Expr[];
  /** The arguments after those, each printed after a space. */
  rest: readonly ts.Expression[];
}

export function consoleFormat(l: Lowerer, args: readonly ts.Expression[], printed: (a: ts.Expression) => Expr): Formatted | undefined {
  const first = args[0];
  if (!first || args.length < 2) return undefined;
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) return literalFormat(l, first, args.slice(1), printed);
  if (!maybeFormatString(l, first)) return undefined;
  return { head: [checked(l, printed(first), first)], rest: args.slice(1) };
}

/** Whether the first argument may hold a string at run time whose printed text is that string. */
function maybeFormatString(l: Lowerer, first: ts.Expression): boolean {
  const t = tryIrType(l, l.checker.getTypeAtLocation(first), first);
  if (!t) return false;
  if (t.k === "str") return true;
  const inner = t.k === "nullable" ? t.inner : t;
  if (inner.k === "str") return true;
  const u = unionIn(inner);
  // A union of primitives prints a string member as it is; a number, boolean, null or undefined never holds `%`.
  return !!u && u.members.some((m) => m.k === "str") && u.members.every((m) => m.k === "str" || m.k === "int" || m.k === "bool");
}

/** The printed first argument, with a panic if it holds a format specifier. */
function checked(l: Lowerer, text: Expr, node: ts.Node): Expr {
  const name = l.temp();
  const t: Expr = { e: "local", type: T.str, name };
  const panic: Expr = { e: "panic", type: T.never, message: str("console.log's first argument holds a format specifier computed at run time, which is not supported: Node would format the arguments with it"), loc: l.loc(node) };
  const test = stdFn(l, "std/inspect.ts", "holdsFormatSpecifier", [], [t], node);
  return { e: "bind", type: T.str, name, value: text, body: { e: "cond", type: T.str, c: test, a: neverAs(panic, T.str, l, node), b: t } };
}

function literalFormat(l: Lowerer, first: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, args: readonly ts.Expression[], printed: (a: ts.Expression) => Expr): Formatted {
  const text = first.text;
  const head: Expr[] = [];
  let next = 0;
  let plain = "";
  const flush = () => {
    if (plain) head.push(str(plain));
    plain = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "%" || i + 1 >= text.length) {
      plain += c;
      continue;
    }
    const spec = text[i + 1]!;
    if (spec === "%") {
      plain += "%";
      i++;
      continue;
    }
    if (next >= args.length || !"sdifjoOc".includes(spec)) {
      plain += c;
      continue;
    }
    i++;
    const arg = args[next++]!;
    if (spec === "c") {
      // CSS for browsers' consoles: Node prints nothing for it (the argument is still evaluated).
      flush();
      head.push({ e: "seq", type: T.str, xs: [printed(arg), str("")] });
      continue;
    }
    const t = tryIrType(l, l.checker.getTypeAtLocation(arg), arg);
    const primitive = !!t && (t.k === "str" || t.k === "int" || t.k === "bool" || (t.k === "nullable" && (t.inner.k === "str" || t.inner.k === "int" || t.inner.k === "bool" || t.inner.k === "never")));
    const number = !!t && t.k === "int";
    if ((spec === "s" && !primitive) || (spec === "d" && !number) || !"sd".includes(spec)) {
      const why = spec === "s" || spec === "d" ? ` for a value of this type` : "";
      l.fail("TSOS1146", arg, `%${spec}`, why);
    }
    flush();
    head.push(printed(arg));
  }
  flush();
  return { head, rest: args.slice(next) };
}
