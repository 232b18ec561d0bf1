/**
 * lower/enums.ts: enum members and reverse lookup.
 *
 * Input:  `E.Member` (numeric, string, const and flag enums; members whose
 *         initializers tsc evaluates at compile time, including ones computed
 *         from other members), `E["Member"]` (the member) and `E[n]` on a
 *         numeric enum.
 * Output: a literal of the member's value (`number` or `string`), and for
 *         reverse lookup a call to `<E>__name(n)`, a generated function that
 *         switches over the members' values.
 * Invariants: an enum value is its plain value (no wrapper); reverse lookup of
 *             a value no member has panics, where JavaScript would give
 *             `undefined` (as an out-of-range array index does); with
 *             duplicate values the last member wins, as in JavaScript.
 */
import ts from "typescript";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { typeName } from "./types.ts";

/** The value of an enum member as an IR literal, or a located refusal. */
export function enumMemberValue(l: Lowerer, decl: ts.EnumMember, node: ts.Node): Expr {
  const v = l.checker.getConstantValue(decl);
  if (typeof v === "string") return { e: "str", type: T.str, value: v };
  if (typeof v !== "number") l.fail("TSOS1080", decl.initializer ?? decl, decl.name.getText());
  if (!Number.isInteger(v)) l.fail("TSOS1004", node);
  return { e: "int", type: T.number, value: BigInt(v) };
}

/** Whether `x` names an enum declaration itself (the enum object, as in `Color[0]`). */
export function enumOf(l: Lowerer, x: ts.Expression): ts.EnumDeclaration | undefined {
  const sym = l.symbolOf(ts.isPropertyAccessExpression(x) ? x.name : x);
  const decl = sym?.valueDeclaration;
  return decl && ts.isEnumDeclaration(decl) && sym!.flags & ts.SymbolFlags.Enum ? decl : undefined;
}

const lookups = new WeakMap<ts.EnumDeclaration, string>();

/** `E[n]`: the name of the member whose value is `n`. */
export function enumReverseLookup(l: Lowerer, decl: ts.EnumDeclaration, x: ts.ElementAccessExpression): Expr {
  // `E["Member"]` is the member itself (forward lookup), on any enum.
  const key = x.argumentExpression;
  if (ts.isStringLiteralLike(key)) {
    const member = decl.members.find((m) => (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText()) === key.text);
    if (member) return enumMemberValue(l, member, x);
  }
  const idx = lowerExpr(l, x.argumentExpression, T.number);
  if (idx.type.k === "str") l.fail("TSOS1081", x, decl.name.text);
  if (idx.type.k !== "int") l.fail("TSOS1031", x.argumentExpression, "an index", typeName(idx.type));
  const arg = coerce(l, idx, T.number, x.argumentExpression);
  return { e: "call", type: T.str, fn: lookupFunction(l, decl, x), args: [arg, { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(x) }] };
}

function lookupFunction(l: Lowerer, decl: ts.EnumDeclaration, node: ts.Node): string {
  const hit = lookups.get(decl);
  if (hit) return hit;
  const names = new Map<bigint, string>();
  for (const m of decl.members) {
    const v = l.checker.getConstantValue(m);
    if (typeof v === "string") l.fail("TSOS1081", node, decl.name.text);
    if (typeof v !== "number" || !Number.isInteger(v)) l.fail("TSOS1080", m, m.name.getText());
    names.delete(BigInt(v));
    names.set(BigInt(v), ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText());
  }
  const cname = l.uniqueName(`${l.moduleName(decl.getSourceFile())}__${decl.name.text}__name`);
  lookups.set(decl, cname);
  const v: Expr = { e: "local", type: T.number, name: "value" };
  const loc = l.loc(decl);
  const message: Expr = {
    e: "concat",
    type: T.str,
    parts: [{ e: "str", type: T.str, value: `enum ${decl.name.text} has no member with the value ` }, { e: "tostr", type: T.str, x: v, radix: 10 }],
  };
  const body: Stmt[] = [
    {
      s: "switch",
      x: v,
      cases: [...names].map(([value, name]) => ({
        values: [{ e: "int", type: T.number, value } as Expr],
        isDefault: false,
        body: [{ s: "return", x: { e: "str", type: T.str, value: name }, loc } as Stmt],
      })),
      loc,
    },
    { s: "expr", x: { e: "panic", type: T.never, message, loc: -1 }, loc },
  ];
  const locType: Type = { k: "loc" };
  l.addFunc({ cname, params: [{ name: "value", type: T.number }, { name: "tsos_caller", type: locType }], ret: T.str, body, loc, isStatic: true, trackCaller: true });
  return cname;
}
