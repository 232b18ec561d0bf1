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
import { testedValue } from "./probes.ts";
import type { Expr, Stmt, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { nullableType, typeName } from "./types.ts";
import { OBJECT_PROTOTYPE_NAMES } from "./keyed.ts";

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
    const member = decl.members.find((m) => memberName(m) === key.text);
    if (member) return enumMemberValue(l, member, x);
  }
  const idx = lowerExpr(l, x.argumentExpression, T.number);
  if (idx.type.k === "str") return memberByName(l, decl, x, idx);
  if (idx.type.k !== "int") l.fail("TSOS1031", x.argumentExpression, "an index", typeName(idx.type));
  const arg = coerce(l, idx, T.number, x.argumentExpression);
  if (readAdmitsUndefined(l, x)) return nameOrUndefined(l, decl, arg);
  return { e: "call", type: T.str, fn: lookupFunction(l, decl, x), args: [arg, { e: "callerloc", type: { k: "loc" }, loc: l.scope.trackCaller ? -1 : l.loc(x) }] };
}

/**
 * Whether the value of `E[n]` is used where undefined is a value too: printed
 * (console.log's parameters are `any`), the left of `??`, a template part, or
 * wanted as `string | undefined`. JavaScript reads undefined for a value that
 * no member has (`Flag.A | Flag.B`); elsewhere that panics.
 */
function readAdmitsUndefined(l: Lowerer, x: ts.Expression): boolean {
  let n: ts.Node = x;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return true;
  // Only tested for truthiness: `if (Flag[p])`, `!Flag[p]`, `Flag[p] && n > 1 ? a : b`.
  if (testedOnly(n)) return true;
  if (ts.isTemplateSpan(p)) return true;
  const context = l.checker.getContextualType(n as ts.Expression);
  return !!context && !!(context.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || (context.isUnion() && context.types.some((t) => t.flags & ts.TypeFlags.Undefined)));
}

/** Whether the value of `n` is only tested for truthiness: a condition, `!`'s operand, or an operand of `&&`/`||` that is one. */
function testedOnly(n: ts.Node): boolean {
  const p = n.parent;
  if (ts.isParenthesizedExpression(p)) return testedOnly(p);
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) return true;
  if (ts.isConditionalExpression(p) && p.condition === n) return true;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return testedOnly(p);
  return false;
}

/** `E[n]` as the member's name, or undefined when no member has the value n. */
function nameOrUndefined(l: Lowerer, decl: ts.EnumDeclaration, arg: Expr): Expr {
  const type = nullableType(l, T.str, false, true);
  const name = l.temp();
  const v: Expr = { e: "local", type: T.number, name };
  const names = new Map<number, string>();
  for (const m of decl.members) {
    const value = l.checker.getConstantValue(m);
    if (typeof value === "number") names.set(value, memberName(m));
  }
  let found: Expr = { e: "nullish", type, undef: true };
  for (const [value, member] of [...names].reverse()) {
    const test: Expr = { e: "binary", type: T.bool, op: "==", a: v, b: { e: "num", type: T.number, value }, loc: 0 };
    found = { e: "cond", type, c: test, a: { e: "some", type, x: { e: "str", type: T.str, value: member } }, b: found };
  }
  return { e: "bind", type, name, value: arg, body: found };
}

/**
 * `Op[name as keyof typeof Op]`: the member with that name, compared name by
 * name. Where the context admits undefined (`function parse(s): Op |
 * undefined`) a name that is not a member gives undefined, as in JavaScript;
 * elsewhere it panics rather than give a value the enum does not have.
 */
function memberByName(l: Lowerer, decl: ts.EnumDeclaration, x: ts.ElementAccessExpression, key: Expr): Expr {
  const members = decl.members.map((m) => ({ name: memberName(m), value: enumMemberValue(l, m, x) }));
  const valueType = members[0]?.value.type ?? T.number;
  const type = nullableType(l, valueType, false, true);
  const name = l.temp();
  const k: Expr = { e: "local", type: T.str, name };
  let found: Expr = { e: "nullish", type, undef: true };
  for (const m of [...members].reverse()) {
    found = { e: "cond", type, c: { e: "streq", type: T.bool, negate: false, a: k, b: { e: "str", type: T.str, value: m.name } }, a: { e: "some", type, x: coerce(l, m.value, valueType, x) }, b: found };
  }
  const lookup: Expr = { e: "bind", type, name, value: key, body: found };
  const context = l.checker.getContextualType(x);
  const admitsUndefined = !!context && (context.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || (context.isUnion() && context.types.some((t) => t.flags & ts.TypeFlags.Undefined)));
  // Tested where it is read (`Perm[k] ?? 0`), or a local it initialises is (`const bit = Perm[k]; if (bit === undefined)`).
  return admitsUndefined || testedValue(l, x, true) ? lookup : { e: "unwrap", type: valueType, x: lookup, loc: l.loc(x), check: "narrowed" };
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
    names.set(BigInt(v), memberName(m));
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

/**
 * `key in E`: whether the enum object has the key, as JavaScript builds it
 * (ECMA-262 13.10.1 HasProperty): each member's name, and for a numeric
 * member the reverse mapping's key, its value as a string, and the names
 * every object inherits from Object.prototype. A number key is
 * compared with the numeric members' values (`String(n)` equals `String(v)`
 * exactly when `n == v`), a string key with every key. Undefined when the
 * right operand is no enum.
 */
export function enumIn(l: Lowerer, b: ts.BinaryExpression): Expr | undefined {
  return enumKeyTest(l, b.right, b.left, true);
}

/** `Object.hasOwn(E, k)`, `Object.prototype.hasOwnProperty.call(E, k)`: E's own keys, its member names and reverse-mapping keys. */
export function enumHasOwn(l: Lowerer, obj: ts.Expression, key: ts.Expression): Expr | undefined {
  return enumKeyTest(l, obj, key, false);
}

/** Whether `key` is a key of the enum object `obj` (with Object.prototype's names when `inherited`), or undefined for no enum. */
function enumKeyTest(l: Lowerer, obj: ts.Expression, keyNode: ts.Expression, inherited: boolean): Expr | undefined {
  const decl = enumOf(l, obj);
  if (!decl) return undefined;
  const key = lowerExpr(l, keyNode);
  const numeric = decl.members.map((m) => l.checker.getConstantValue(m)).filter((v): v is number => typeof v === "number");
  const name = l.temp();
  if (key.type.k === "str") {
    const k: Expr = { e: "local", type: T.str, name };
    // Object.prototype's names are keys of every object (`"toString" in E` is true), but not own keys.
    const keys = [...decl.members.map(memberName), ...numeric.map((v) => String(v)), ...(inherited ? OBJECT_PROTOTYPE_NAMES : [])];
    return { e: "bind", type: T.bool, name, value: key, body: anyOf(keys.map((s) => ({ e: "streq", type: T.bool, negate: false, a: k, b: { e: "str", type: T.str, value: s } }))) };
  }
  const k: Expr = { e: "local", type: T.number, name };
  const tests = numeric.map((v): Expr => ({ e: "binary", type: T.bool, op: "==", a: k, b: { e: "num", type: T.number, value: v }, loc: 0 }));
  return { e: "bind", type: T.bool, name, value: coerce(l, key, T.number, keyNode), body: anyOf(tests) };
}

/** A member's name as the enum object's key. */
function memberName(m: ts.EnumMember): string {
  return ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
}

function anyOf(tests: Expr[]): Expr {
  return tests.reduceRight<Expr>((rest, t) => ({ e: "logic", type: T.bool, op: "||", a: t, b: rest }), { e: "bool", type: T.bool, value: false });
}
