/**
 * lower/unions.ts: unions of values and references (`string | number`,
 * `string | Vehicle`, `string | number | Circle | Square`, `Shape | null`),
 * and unions that name themselves (`type Value = string | Value[]`, Json,
 * recursive Expr/Stmt trees); issue 8 item 6.
 *
 * Input:  a checker union whose members map to two or more distinct IR
 *         types among string, one integer kind, boolean, class, array, view
 *         and function; union values met by coerce, the narrowing hook,
 *         typeof, instanceof, Array.isArray, `in`, `as`, `===`, printing,
 *         templates and truthiness.
 * Output: a `union` IR type (a tagged struct registered in
 *         Program.unionTypes) and the tounion / fromunion / istag / reunion
 *         nodes that enter, leave, test and convert it.
 * Invariants: members are sorted by their mangled name, so `string | number`
 *             and `number | string` are one type; a union never holds null
 *             or undefined (that is a nullable whose inner type is the union)
 *             nor another union; class instances and object types are one
 *             member, the view of their union (a single class stays a class).
 *             Literal unions of one kind (`"a" | "b"`, `1 | 2`) are not
 *             unions here: they are their base type. A recursive union is
 *             mapped once per type and instantiation, its struct named after
 *             its alias.
 */
import { OBJECT_PROTOTYPE_NAMES } from "./keyed.ts";
import ts from "typescript";
import { isBigType } from "./bigint-type.ts";
import type { ClassInst, Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { isSubclass } from "./classes.ts";
import { checkedDowncast } from "./dispatch.ts";
import { coerce, tryCoerce } from "./expr.ts";
import { sameType } from "./types.ts";
import { viewType } from "./views.ts";
import { isRecord } from "./records.ts";
import { isTuple } from "./destructure.ts";

type Union = Extract<Type, { k: "union" }>;

function isValue(t: Type): boolean {
  return t.k === "str" || t.k === "int" || t.k === "bool";
}

/** Members that are references: class instances, arrays, views, function values (typeof "object" or "function"). */
export function isObjectMember(t: Type): boolean {
  return t.k === "class" || t.k === "array" || t.k === "view" || t.k === "fn";
}

/** The checker's union of `types` (internal API; the checker interns unions, so narrowed types meet the same one). */
export function checkerUnion(l: Lowerer, types: ts.Type[]): ts.Type {
  return (l.checker as unknown as { getUnionType(types: ts.Type[]): ts.Type }).getUnionType(types);
}

/**
 * The union type of checker members `parts`, or undefined if they are not
 * two or more distinct value or reference types. Class instances and object
 * types among them are one member, the view of their union (`string |
 * Circle | Square` holds a string or a `Circle | Square`), so narrowing by
 * typeof gives that view as it is, and instanceof or a discriminant narrows
 * the view as for any object union.
 */
export function valueUnionType(
  l: Lowerer,
  parts: readonly ts.Type[],
  node: ts.Node,
  map: (t: ts.Type, node: ts.Node) => Type | undefined,
  mangle: (t: Type) => string,
): Type | undefined {
  const members = unionMembers(l, parts, node, map, mangle);
  return members && unionOf(l, members, mangle);
}

export function unionMembers(
  l: Lowerer,
  parts: readonly ts.Type[],
  node: ts.Node,
  map: (t: ts.Type, node: ts.Node) => Type | undefined,
  mangle: (t: Type) => string,
): Type[] | undefined {
  const members: Type[] = [];
  const add = (t: Type) => {
    if (!members.some((m) => mangle(m) === mangle(t))) members.push(t);
  };
  const objects: { ts: ts.Type; ir: Type }[] = [];
  for (const p of parts) {
    const t = map(p, node);
    if (!t || (!isValue(t) && !isObjectMember(t)) || (t.k === "str" && t.borrowed)) return undefined;
    const groupable = (t.k === "view" || (t.k === "class" && !!t.cls.header)) && !l.checker.isArrayType(p) && !l.checker.isTupleType(p);
    if (groupable) objects.push({ ts: p, ir: t });
    else add(t);
  }
  const distinct = objects.filter((o, i) => objects.findIndex((q) => mangle(q.ir) === mangle(o.ir)) === i);
  if (distinct.length === 1) add(distinct[0]!.ir);
  else if (distinct.length > 1) {
    const view = viewType(l, checkerUnion(l, distinct.map((o) => o.ts)), node);
    if (view?.k === "view") add(view);
    else distinct.forEach((o) => add(o.ir));
  }
  if (members.length < 2 || members.filter((m) => m.k === "int").length > 1) return undefined;
  return members;
}

export function unionOf(l: Lowerer, members: Type[], mangle: (t: Type) => string): Type {
  const sorted = [...members].sort((a, b) => (mangle(a) < mangle(b) ? -1 : 1));
  const cname = `tsos_union_${sorted.map(mangle).join("_")}`;
  // The same members as a recursive union (`Json` without its null): that union's struct.
  const recursive = recursiveByMembers.get(l)?.get(cname);
  if (recursive) return recursive;
  if (!l.program.unionTypes.some((u) => u.cname === cname)) l.program.unionTypes.push({ cname, members: sorted });
  return { k: "union", members: sorted, cname };
}

/** The index of member `t` in union `u`, or -1. */
export function memberIndex(u: Union, t: Type, same: (a: Type, b: Type) => boolean): number {
  return u.members.findIndex((m) => same(m, t));
}

/** Member type -> union (an integer literal adopts the union's integer member). */
export function toUnion(u: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  let i = memberIndex(u, x.type, same);
  let value = x;
  if (i < 0 && x.e === "int") {
    i = u.members.findIndex((m) => m.k === "int");
    if (i >= 0) value = { ...x, type: u.members[i]! };
  }
  if (i < 0) return undefined;
  return { e: "tounion", type: u, x: value, tag: i };
}

/** Union -> union whose members include all of `from`'s. */
export function reUnion(from: Union, to: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const map = from.members.map((m) => memberIndex(to, m, same));
  if (map.some((i) => i < 0)) return undefined;
  return { e: "reunion", type: to, x, map };
}

export function isTag(x: Expr, tag: number): Expr {
  return { e: "istag", type: T.bool, x, tag };
}

/** Union -> one member (the checker narrowed it); `check` when the read may have changed since. */
export function fromUnion(l: Lowerer, u: Union, x: Expr, t: Type, node: ts.Node, check: boolean, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const i = memberIndex(u, t, same);
  if (i < 0) return undefined;
  return { e: "fromunion", type: u.members[i]!, x, tag: i, loc: l.loc(node), check };
}

/** Union -> a smaller union (narrowed): only the members it keeps can occur. */
export function narrowUnion(from: Union, to: Union, x: Expr, same: (a: Type, b: Type) => boolean): Expr | undefined {
  const map = from.members.map((m) => memberIndex(to, m, same));
  if (!to.members.every((m) => memberIndex(from, m, same) >= 0)) return undefined;
  return { e: "reunion", type: to, x, map };
}

/**
 * A reference value into a union whose member for it is a base class, a
 * view (`Circle` into `string | Circle | Square`), an array or function type
 * it converts to; undefined if no member takes it.
 */
export function objectIntoUnion(l: Lowerer, u: Union, x: Expr, node: ts.Node): Expr | undefined {
  const from = x.type;
  let i = -1;
  if (from.k === "class") i = u.members.findIndex((m) => m.k === "class" && isSubclass(from.cls, m.cls));
  if (i < 0 && (from.k === "class" || from.k === "view")) i = u.members.findIndex((m) => m.k === "view");
  if (i < 0 && (from.k === "array" || from.k === "fn")) {
    const same = u.members.filter((m) => m.k === from.k);
    if (same.length === 1) i = u.members.indexOf(same[0]!);
    // `[]` (an array of nothing) where several array types are allowed: any of them holds it alike.
    else if (from.k === "array" && from.elem.k === "never" && same.length > 1) i = u.members.indexOf(same[0]!);
  }
  if (i < 0) return undefined;
  return { e: "tounion", type: u, x: coerce(l, x, u.members[i]!, node), tag: i };
}

/**
 * A union value converted to a union with other members: each member of
 * `from` becomes the member of `to` that takes it (a class into a view, ...).
 * Undefined if some member has no place.
 */
export function convertUnion(l: Lowerer, from: Union, to: Union, x: Expr, node: ts.Node, narrowed = false): Expr | undefined {
  const name = l.temp();
  const v: Expr = { e: "local", type: from, name };
  const arms: (Expr | undefined)[] = [];
  for (let i = 0; i < from.members.length; i++) {
    const m: Expr = { e: "fromunion", type: from.members[i]!, x: v, tag: i, loc: 0 };
    const direct = toUnion(to, m, sameType);
    arms.push(direct ?? (isObjectMember(m.type) ? (objectIntoUnion(l, to, m, node) ?? viewIntoClassMember(l, to, m, node)) : undefined));
  }
  // `narrowed`: the checker narrowed the value to `to` (nullable.ts narrowTo). A member with no place in `to` is one
  // it narrowed away (`typeof v !== "number"` before `v` is used as a union without numbers): it cannot be there,
  // and panics if it were.
  if (arms.some((a) => !a) && (!narrowed || !arms.some((a) => a))) return undefined;
  const gone = (): Expr => coerce(l, { e: "panic", type: T.never, message: { e: "str", type: T.str, value: `a value narrowed to \`${typeNameOf(to)}\` is none of its types` }, loc: l.loc(node) }, to, node);
  let body = arms[arms.length - 1] ?? gone();
  for (let i = arms.length - 2; i >= 0; i--) body = { e: "cond", type: to, c: isTag(v, i), a: arms[i] ?? gone(), b: body };
  return { e: "bind", type: to, name, value: x, body };
}

/**
 * The view member of a union (`Sym | Procedure`) into a union whose one
 * object member is a class (`Sym`), where the checker narrowed the value
 * (`v instanceof Procedure ? ... : v`): the object cast to that class,
 * checked (dispatch.ts checkedDowncast panics for any other object).
 */
function viewIntoClassMember(l: Lowerer, to: Union, m: Expr, node: ts.Node): Expr | undefined {
  if (m.type.k !== "view") return undefined;
  const objects = to.members.filter((t) => (t.k === "class" && !!t.cls.header && !t.cls.tuple) || t.k === "view");
  const cls = objects.length === 1 && objects[0]!.k === "class" ? objects[0]! : undefined;
  const cast = cls && checkedDowncast(l, m, cls, node);
  return cast && { e: "tounion", type: to, x: cast, tag: to.members.indexOf(cls!) };
}

/**
 * Where the checker narrowed a union to a class or view that is not itself
 * a member: the member that holds it (the view of `Circle | Square` for
 * `Circle`, the base class `Animal` for `Dog`); the object narrowing
 * (dispatch.ts `narrowObject`) then takes it the rest of the way.
 */
export function objectMemberFor(u: Union, t: Type): number {
  if (t.k === "class") {
    const base = u.members.findIndex((m) => m.k === "class" && isSubclass(t.cls, m.cls));
    if (base >= 0) return base;
  }
  if (t.k === "class" || t.k === "view") return u.members.findIndex((m) => m.k === "view");
  return -1;
}

/** The union inside `t` (a union, or a nullable of one), else undefined. */
export function unionIn(t: Type): Union | undefined {
  if (t.k === "union") return t;
  if (t.k === "nullable" && t.inner.k === "union") return t.inner;
  return undefined;
}

/**
 * A test on a union (or nullable union) value: `memberTest(i, value)` for the
 * member it holds, false for null and undefined. `x` is evaluated once.
 */
export function testMembers(l: Lowerer, x: Expr, node: ts.Node, memberTest: (m: Expr, i: number) => Expr | undefined): Expr {
  const u = unionIn(x.type)!;
  const name = x.e === "local" ? x.name : l.temp();
  const v: Expr = { e: "local", type: x.type, name };
  const inner: Expr = x.type.k === "nullable" ? { e: "unwrap", type: u, x: v, loc: l.loc(node) } : v;
  let body: Expr = { e: "bool", type: T.bool, value: false };
  for (let i = u.members.length - 1; i >= 0; i--) {
    const test = memberTest({ e: "fromunion", type: u.members[i]!, x: inner, tag: i, loc: 0 }, i);
    if (!test) continue;
    const here: Expr = test.e === "bool" && test.value ? isTag(inner, i) : { e: "logic", type: T.bool, op: "&&", a: isTag(inner, i), b: test };
    body = body.e === "bool" && !body.value ? here : { e: "logic", type: T.bool, op: "||", a: here, b: body };
  }
  if (x.type.k === "nullable") body = { e: "logic", type: T.bool, op: "&&", a: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: v, which: "either" } }, b: body };
  return x.e === "local" ? body : { e: "bind", type: T.bool, name, value: x, body };
}

/** `x instanceof C` on a union: true for a class member that is C or below it, tested for a member above C or a view. */
export function unionInstanceof(l: Lowerer, x: Expr, cls: ClassInst, node: ts.Node): Expr {
  if (x.type.k === "nullable" && !unionIn(x.type)) {
    // `t instanceof C` for `t: Token | undefined`: false when absent, else the object's class.
    const inner = x.type.inner;
    const name = l.temp();
    const v: Expr = { e: "local", type: x.type, name };
    const present: Expr = { e: "unwrap", type: inner, x: v, loc: l.loc(node) };
    const isObject = inner.k === "view" || (inner.k === "class" && inner.cls.header);
    const test: Expr = !isObject ? { e: "bool", type: T.bool, value: false } : inner.k === "class" && isSubclass(inner.cls, cls) ? { e: "bool", type: T.bool, value: true } : { e: "instanceof", type: T.bool, x: present, cls };
    const body: Expr = { e: "logic", type: T.bool, op: "&&", a: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: v, which: "either" } }, b: test };
    return { e: "bind", type: T.bool, name, value: x, body };
  }
  return testMembers(l, x, node, (m) => {
    if (m.type.k === "class" && isSubclass(m.type.cls, cls)) return { e: "bool", type: T.bool, value: true };
    // A generic class's family may extend any class with a header: its instances' bases are known only at emit.
    if ((m.type.k === "class" && m.type.cls.header && (isSubclass(cls, m.type.cls) || cls.familyOf)) || m.type.k === "view") return { e: "instanceof", type: T.bool, x: m, cls };
    return undefined;
  });
}

/** Whether values of type `t` are JavaScript arrays: an array, or a tuple (a struct here, an array in JavaScript). */
export function isJsArray(t: Type): boolean {
  return t.k === "array" || isTuple(t);
}

/** `Array.isArray(x)` on a union or nullable: whether it holds an array. */
export function isArrayTest(l: Lowerer, x: Expr, node: ts.Node): Expr | undefined {
  if (unionIn(x.type)) return testMembers(l, x, node, (m) => (isJsArray(m.type) ? { e: "bool", type: T.bool, value: true } : undefined));
  if (x.type.k === "nullable") {
    if (isJsArray(x.type.inner)) return { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x, which: "either" } };
    return { e: "seq", type: T.bool, xs: [x, { e: "bool", type: T.bool, value: false }] };
  }
  return undefined;
}

/** A union with reference members as a string part (`${v}`): each member's own string form. */
export function unionStringPart(l: Lowerer, x: Expr, node: ts.Node, part: (m: Expr) => Expr): Expr | undefined {
  const u = x.type.k === "union" ? x.type : undefined;
  if (!u || !u.members.some(isObjectMember)) return undefined;
  const name = l.temp();
  const v: Expr = { e: "local", type: u, name };
  const arms = u.members.map((m, i) => {
    const s = part({ e: "fromunion", type: m, x: v, tag: i, loc: 0 });
    return s.type.k === "str" ? s : ({ e: "optstr", type: T.str, x: s } as Expr);
  });
  void node;
  let body = arms[arms.length - 1]!;
  for (let i = arms.length - 2; i >= 0; i--) body = { e: "cond", type: T.str, c: isTag(v, i), a: arms[i]!, b: body };
  return { e: "bind", type: T.str, name, value: x, body };
}

/**
 * `Number(x)` (and other per-member conversions) of a union value: `part`
 * converts each member to `type`; undefined if `x` is no union or `part`
 * refuses a member (returns undefined).
 */
export function unionConvert(l: Lowerer, x: Expr, type: Type, part: (m: Expr) => Expr | undefined): Expr | undefined {
  const u = x.type.k === "union" ? x.type : undefined;
  if (!u) return undefined;
  const name = l.temp();
  const v: Expr = { e: "local", type: u, name };
  const arms: Expr[] = [];
  for (let i = 0; i < u.members.length; i++) {
    const arm = part({ e: "fromunion", type: u.members[i]!, x: v, tag: i, loc: 0 });
    if (!arm) return undefined;
    arms.push(arm);
  }
  let body = arms[arms.length - 1]!;
  for (let i = arms.length - 2; i >= 0; i--) body = { e: "cond", type, c: isTag(v, i), a: arms[i]!, b: body };
  return { e: "bind", type, name, value: x, body };
}

/** The array type an array literal takes where a union (or nullable union) with one array member is wanted. */
export function arrayMemberOf(want: Type | undefined): Type | undefined {
  const u = want && unionIn(want);
  const arrays = u?.members.filter((m) => m.k === "array") ?? [];
  return arrays.length === 1 ? arrays[0] : undefined;
}

// ---- Recursive unions ---------------------------------------------------------
//
// `type Value = string | Value[]` names itself below an array (or a view, or
// a function type). Mapping it meets it again before its members are known:
// there it gets a union type with its final C name and no members yet (a
// placeholder, as C's incomplete struct), filled once the outer mapping ends.
// Each recursive union is mapped once and reused, so every use is one type.

interface RecursiveEntry {
  placeholder?: Union;
  hasNull: boolean;
  hasUndef: boolean;
}

const busy = new WeakMap<Lowerer, Map<string, RecursiveEntry>>();
/** Recursive unions by the C name their members would give them. */
const recursiveByMembers = new WeakMap<Lowerer, Map<string, Union>>();
const done = new WeakMap<Lowerer, Map<string, Type>>();

function perLowerer<V>(m: WeakMap<Lowerer, Map<string, V>>, l: Lowerer): Map<string, V> {
  let s = m.get(l);
  if (!s) m.set(l, (s = new Map()));
  return s;
}

const ABSENT = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** Whether a checker union's members are of two or more kinds (so it maps to a value union, if to anything). */
function isMixed(l: Lowerer, type: ts.UnionType): boolean {
  const kinds = new Set<string>();
  for (const t of type.types) {
    const f = t.flags;
    if (f & ABSENT) continue;
    if (f & ts.TypeFlags.StringLike) kinds.add("string");
    else if (f & (ts.TypeFlags.NumberLike | ts.TypeFlags.EnumLiteral)) kinds.add("number");
    else if (f & ts.TypeFlags.BooleanLike) kinds.add("boolean");
    else if (l.checker.isArrayType(t) || l.checker.isTupleType(t) || t.getCallSignatures().length) kinds.add(`ref${(t as { id?: number }).id}`);
    else if (t.isIntersection() && t.types.some((p) => p.flags & ts.TypeFlags.Number)) kinds.add("number");
    else kinds.add("object");
  }
  return kinds.size >= 2;
}

/**
 * Map a mixed union (`compute` does the work) so that it may name itself:
 * undefined when `type` is no mixed union (the caller maps it as usual).
 */
export function mapRecursiveUnion(
  l: Lowerer,
  type: ts.UnionType,
  node: ts.Node,
  compute: () => Type | undefined,
  mangle: (t: Type) => string,
  nullableOf: (inner: Type, hasNull: boolean, hasUndef: boolean) => Type,
): { type: Type | undefined } | undefined {
  if (!isMixed(l, type)) return undefined;
  const key = `${(type as { id?: number }).id}|${[...l.scope.env.values()].map(mangle).join(",")}`;
  const finished = perLowerer(done, l).get(key);
  if (finished) return { type: finished };
  const inProgress = perLowerer(busy, l);
  const entry = inProgress.get(key);
  if (entry) {
    const base = type.aliasSymbol?.name ?? "rec";
    entry.placeholder ??= { k: "union", members: [], cname: l.uniqueName(`tsos_union_${base}`) };
    return { type: entry.hasNull || entry.hasUndef ? nullableOf(entry.placeholder, entry.hasNull, entry.hasUndef) : entry.placeholder };
  }
  const mine: RecursiveEntry = {
    hasNull: type.types.some((t) => t.flags & ts.TypeFlags.Null),
    hasUndef: type.types.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
  };
  inProgress.set(key, mine);
  let result: Type | undefined;
  try {
    result = compute();
  } finally {
    inProgress.delete(key);
  }
  const p = mine.placeholder;
  if (!p) return { type: result };
  const u = result && unionIn(result);
  if (!u) l.fail("TSOS1006", node, l.checker.typeToString(type));
  p.members = u.members;
  // The struct the members' own name gave the union while they were mapped stays declared (types
  // made meanwhile may name it); from now on that name means this union.
  perLowerer(recursiveByMembers, l).set(u.cname, p);
  l.program.unionTypes.push({ cname: p.cname, members: p.members });
  const final = result!.k === "nullable" ? nullableOf(p, result!.null, result!.undef) : p;
  perLowerer(done, l).set(key, final);
  return { type: final };
}

/**
 * A union (or nullable union) holding references as console.log prints it as
 * an argument: a string member as itself, other members as util.inspect
 * shows them (`show`), null and undefined by name.
 */
export function inspectUnionArgument(l: Lowerer, x: Expr, show: (m: Expr) => Expr): Expr | undefined {
  // A number inside a union or nullable prints as console.log prints a number (-0 is "-0", not String's "0").
  const isDouble = (m: Type) => m.k === "int" && m.kind === "number" && l.doubles;
  const u = unionIn(x.type);
  const present = x.type.k === "nullable" ? x.type.inner : undefined;
  if (!u && !(present && isDouble(present))) return undefined;
  if (u && !u.members.some((m) => isObjectMember(m) || isDouble(m))) return undefined;
  const name = l.temp();
  const v: Expr = { e: "local", type: x.type, name };
  const inner: Expr = x.type.k === "nullable" ? { e: "unwrap", type: present!, x: v, loc: 0 } : v;
  let body: Expr;
  if (u) {
    const arms = u.members.map((m, i) => {
      const member: Expr = { e: "fromunion", type: m, x: inner, tag: i, loc: 0 };
      return m.k === "str" ? member : show(member);
    });
    body = arms[arms.length - 1]!;
    for (let i = arms.length - 2; i >= 0; i--) body = { e: "cond", type: T.str, c: isTag(inner, i), a: arms[i]!, b: body };
  } else body = show(inner);
  if (x.type.k === "nullable") {
    const word = (w: string): Expr => ({ e: "str", type: T.str, value: w });
    if (x.type.null) body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "null" }, a: word("null"), b: body };
    if (x.type.undef) body = { e: "cond", type: T.str, c: { e: "isnullish", type: T.bool, x: v, which: "undefined" }, a: word("undefined"), b: body };
  }
  return { e: "bind", type: T.str, name, value: x, body };
}

/** The object type an object literal takes where a union (or nullable union) with one object member (a view, a record, a class) is wanted. */
export function objectMemberOf(want: Type | undefined): Type | undefined {
  const u = want && unionIn(want);
  const objects = u?.members.filter((m) => m.k === "view" || m.k === "class") ?? [];
  return objects.length === 1 ? objects[0] : undefined;
}

/**
 * The type a nested array or object literal takes as a property of a literal
 * whose wanted type is a union's view (`{ kind: "while", body: [...] }` as a
 * `Stmt`): the declared type of that member's property (`Stmt[]`), which the
 * view, holding only the members' common properties, does not know. The
 * literal's own type (`{ kind: "print"; ... }[]`) would be too narrow to
 * convert. Undefined where that does not apply.
 */
export function contextualLiteralType(l: Lowerer, value: ts.Expression, map: (t: ts.Type) => Type | undefined): Type | undefined {
  let v: ts.Expression = value;
  while (ts.isParenthesizedExpression(v)) v = v.expression;
  if (!ts.isArrayLiteralExpression(v) && !ts.isObjectLiteralExpression(v)) return undefined;
  const ctx = l.checker.getContextualType(v);
  if (!ctx) return undefined;
  const present = l.checker.getNonNullableType(ctx);
  const t = map(present);
  return t && (t.k === "array" || t.k === "view" || t.k === "union") ? t : undefined;
}

/**
 * A tuple as an array whose element type is the union of its element types
 * (`[string, number]` as `(string | number)[]`), for console.log, which
 * shows a tuple as the array it is in JavaScript. Undefined if the element
 * types have no common union.
 */
export function tupleAsUnionArray(l: Lowerer, x: Expr, node: ts.Node, mangle: (t: Type) => string, arrayOf: (t: Type) => Type, nullableOf: (inner: Type, n: boolean, u: boolean) => Type): Expr | undefined {
  if (x.type.k !== "class") return undefined;
  const fields = x.type.cls.fields;
  const elem = unionOfTypes(l, fields.map((f) => f.type), mangle, nullableOf);
  if (!elem || elem.k === "never") return undefined;
  const name = l.temp();
  const tuple: Expr = { e: "local", type: x.type, name };
  const elems = fields.map((f) => coerce(l, { e: "field", type: f.type, obj: tuple, name: f.name }, elem, node));
  const type = arrayOf(elem);
  return { e: "let", type, name, init: x, body: { e: "arraylit", type, elems, loc: l.loc(node) } };
}

/**
 * The one type that holds a value of any of `types`: their members (unions and nullables
 * flattened, a bare null or undefined adding only its absence) as a union, nullable when one
 * admits null or undefined; `never` for no types. Undefined when no union can hold them: a member
 * that `accept` refuses (by default, one that is neither a value nor an object), or two different
 * integer types.
 */
export function unionOfTypes(
  l: Lowerer,
  types: Type[],
  mangle: (t: Type) => string,
  nullableOf: (inner: Type, n: boolean, u: boolean) => Type,
  accept: (m: Type) => boolean = (m) => isValue(m) || isObjectMember(m),
): Type | undefined {
  const members: Type[] = [];
  let hasNull = false;
  let hasUndef = false;
  for (const given of types) {
    let t = given;
    if (t.k === "nullable") {
      hasNull ||= t.null;
      hasUndef ||= t.undef;
      if (t.inner.k === "never") continue;
      t = t.inner;
    }
    for (const m of t.k === "union" ? t.members : [t]) if (!members.some((k) => mangle(k) === mangle(m))) members.push(m);
  }
  if (members.some((m) => !accept(m)) || members.filter((m) => m.k === "int").length > 1) return undefined;
  const union: Type = members.length === 1 ? members[0]! : members.length ? unionOf(l, members, mangle) : { k: "never" };
  return hasNull || hasUndef ? nullableOf(union, hasNull, hasUndef) : union;
}

// ---- `in` on objects ------------------------------------------------------------

/** Names every object has through Object.prototype: `in` is true for them, which tsos does not model. */
const PROTOTYPE_NAMES = new Set(OBJECT_PROTOTYPE_NAMES);

const inFns = new WeakMap<Lowerer, Map<string, string>>();

/**
 * `"radius" in s` for a class instance or a view (a union of object types):
 * whether the object's runtime class has that property (a field, method or
 * accessor, its own or inherited). A generated function tests the class, one
 * constant per class that can be behind the value; TypeScript narrows on it.
 * Undefined when the right side is no object or the key no string literal.
 */
export function objectIn(
  l: Lowerer,
  b: ts.BinaryExpression,
  lower: (n: ts.Expression) => Expr,
  helpers: {
    synthesize: (base: string, params: { name: string; type: Type }[], ret: Type) => { cname: string };
    /** Builds the function's body once the program is lowered: its value for each class that can be behind `x`, an expression (of its other parameters). */
    dispatchWith: (fn: { cname: string }, x: Type, each: (cls: ClassInst, x: Expr) => Expr) => void;
    /** Whether the member `field` of an object of `cls` (`x`, of that class) is present: an optional member a literal left out is absent until assigned. */
    present: (cls: ClassInst, x: Expr, field: string) => Expr;
    /** Whether objects of `cls` record which keys they have (key-order.ts). */
    recordsKeys: (cls: ClassInst) => boolean;
    member: (cls: ClassInst, prop: string) => { kind: string; field?: { hidden?: boolean; absent?: boolean } } | undefined;
    /** Every property name an instance of the class has: fields, methods and accessors, inherited ones included. */
    propertyNames: (cls: ClassInst) => string[];
    /** For a record's class (seen as an object type), whether the record `x` has the entry `key`; undefined for other classes. */
    entry?: (cls: ClassInst, x: Expr, key: Expr) => Expr | undefined;
  },
): Expr | undefined {
  let key: ts.Expression = b.left;
  while (ts.isParenthesizedExpression(key)) key = key.expression;
  if (!ts.isStringLiteral(key) && !ts.isNoSubstitutionTemplateLiteral(key)) return computedKeyIn(l, b, lower, helpers);
  const prop = key.text;
  const rightType = l.checker.getTypeAtLocation(b.right);
  const parts = rightType.isUnion() ? rightType.types : [rightType];
  if (!parts.every((t) => t.flags & ts.TypeFlags.Object)) {
    // `typeof v === "object" && v !== null && "code" in v` on an unknown: whether the object it holds has the property.
    const v = lower(b.right);
    if (v.type.k !== "dyn" || ARRAY_NAMES.has(prop) || FUNCTION_NAMES.has(prop) || /^\d+$/.test(prop)) return undefined;
    if (PROTOTYPE_NAMES.has(prop)) l.fail("TSOS1005", b, `\`"${prop}" in\` (a property every object inherits)`);
    return { e: "call", type: T.bool, fn: hasPropertyFunction(l, v.type, prop, helpers), args: [v] };
  }
  if (parts.some((t) => l.checker.isArrayType(t) || l.checker.isTupleType(t))) return inWithArrayMembers(l, b, prop, lower(b.right), helpers);
  const x = lower(b.right);
  const t = x.type;
  if (t.k !== "view" && !(t.k === "class" && t.cls.header)) return undefined;
  // A record's keys are its entries (records.ts recordIn), not its class's members.
  if (isRecord(t)) l.fail("TSOS1005", b, "`in` on this record");
  if (PROTOTYPE_NAMES.has(prop)) l.fail("TSOS1005", b, `\`"${prop}" in\` (a property every object inherits)`);
  return { e: "call", type: T.bool, fn: hasPropertyFunction(l, t, prop, helpers), args: [x] };
}

/** The names every function has (an unknown may hold one). */
const FUNCTION_NAMES = new Set([...Object.getOwnPropertyNames(Function.prototype), "prototype"]);

/** The names every array has: its length, its elements' indexes and Array.prototype's members. */
const ARRAY_NAMES = new Set([...Object.getOwnPropertyNames(Array.prototype), "length"]);

/**
 * `"kind" in v` where `v` may be an array (`v: Sym | Val[] | Lambda`): false for an array, which has no such
 * property, and the object's own answer for an object member. Undefined (refused) for a name an array has.
 */
function inWithArrayMembers(l: Lowerer, b: ts.BinaryExpression, prop: string, x: Expr, helpers: Parameters<typeof objectIn>[3]): Expr | undefined {
  if (!unionIn(x.type) || ARRAY_NAMES.has(prop) || /^\d+$/.test(prop) || PROTOTYPE_NAMES.has(prop)) return undefined;
  const objects = unionIn(x.type)!.members.filter((m) => m.k === "view" || (m.k === "class" && m.cls.header && !m.cls.tuple));
  if (objects.some(isRecord)) return undefined;
  return testMembers(l, x, b, (m) => (objects.includes(m.type) ? { e: "call", type: T.bool, fn: hasPropertyFunction(l, m.type, prop, helpers), args: [m] } : undefined));
}

/** The function that tells whether an object of type `t` (a class instance or a view) has the property `prop` now, by its class. */
export function hasPropertyFunction(l: Lowerer, t: Type, prop: string, helpers: Parameters<typeof objectIn>[3], purpose: "in" | "spread" = "in"): string {
  let fns = inFns.get(l);
  if (!fns) inFns.set(l, (fns = new Map()));
  const cacheKey = `${purpose}|${t.k === "view" ? t.view.cname : t.k === "dyn" ? "unknown" : (t as { cls: ClassInst }).cls.cname}|${prop}`;
  let fn = fns.get(cacheKey);
  if (!fn) {
    const func = helpers.synthesize(`has_${prop.replace(/[^A-Za-z0-9_]/g, "_")}`, [{ name: "x", type: t }], T.bool);
    fn = func.cname;
    fns.set(cacheKey, fn);
    helpers.dispatchWith(func, t, (cls, x) => {
      const no: Expr = { e: "bool", type: T.bool, value: false };
      const yes: Expr = { e: "bool", type: T.bool, value: true };
      const entry = helpers.entry?.(cls, x, { e: "str", type: T.str, value: prop });
      if (entry) return entry;
      const m = helpers.member(cls, prop);
      if (!m) return no;
      if (m.kind !== "field") return yes;
      if (m.field?.hidden) return no;
      // A left-out optional member becomes a property once assigned; a deleted one is not one any more.
      if (m.field?.absent || helpers.recordsKeys(cls)) return helpers.present(cls, x, prop);
      return yes;
    });
  }
  return fn;
}

/**
 * `unit in UNITS` with a computed string key on an object (a class instance
 * or a view): a function compares the key with the names the object's class
 * has (fields, methods, accessors, what every object inherits), dispatching
 * on the class as `"p" in x` does. Undefined for other operands; an
 * optional member an object literal left out is a key once assigned.
 */
function computedKeyIn(
  l: Lowerer,
  b: ts.BinaryExpression,
  lower: (n: ts.Expression) => Expr,
  helpers: Parameters<typeof objectIn>[3],
): Expr | undefined {
  const keyType = l.checker.getTypeAtLocation(b.left);
  if (!(keyType.flags & ts.TypeFlags.StringLike)) return undefined;
  const rightType = l.checker.getTypeAtLocation(b.right);
  const parts = rightType.isUnion() ? rightType.types : [rightType];
  // An object type, or a type parameter of the instance (`k in o` with `o: T`), which the lowered value's type tells.
  if (!parts.every((t) => t.flags & (ts.TypeFlags.Object | ts.TypeFlags.TypeParameter)) || parts.some((t) => l.checker.isArrayType(t) || l.checker.isTupleType(t))) return undefined;
  const key = lower(b.left);
  const x = lower(b.right);
  const t = x.type;
  if ((t.k !== "view" && !(t.k === "class" && t.cls.header)) || key.type.k !== "str") return undefined;
  const func = helpers.synthesize("has_key", [{ name: "x", type: t }, { name: "k", type: T.str }], T.bool);
  const k: Expr = { e: "local", type: T.str, name: "k" };
  helpers.dispatchWith(func, t, (cls, x) => {
    const entry = helpers.entry?.(cls, x, k);
    if (entry) return entry;
    const names = new Map<string, Expr | undefined>([...PROTOTYPE_NAMES].map((n) => [n, undefined]));
    for (const p of helpers.propertyNames(cls)) {
      const m = helpers.member(cls, p);
      if (!m || m.field?.hidden) continue;
      // A left-out optional member is a key once assigned.
      names.set(p, m.field?.absent || (m.kind === "field" && helpers.recordsKeys(cls)) ? helpers.present(cls, x, p) : undefined);
    }
    let test: Expr = { e: "bool", type: T.bool, value: false };
    for (const [n, present] of [...names].reverse()) {
      const same: Expr = { e: "streq", type: T.bool, negate: false, a: k, b: { e: "str", type: T.str, value: n } };
      test = { e: "logic", type: T.bool, op: "||", a: present ? { e: "logic", type: T.bool, op: "&&", a: same, b: present } : same, b: test };
    }
    return test;
  });
  return { e: "call", type: T.bool, fn: func.cname, args: [x, key] };
}

/**
 * `v as T` where v is a union and T one of its members (or a class or view
 * inside its object member): checked, as tsos checks class downcasts; a value
 * of another member panics naming the cast instead of being misread.
 * Undefined when `to` is no such type.
 */
export function unionCast(l: Lowerer, value: Expr, to: Type, node: ts.Node, downcast: (x: Expr) => Expr | undefined): Expr | undefined {
  let x = value;
  if (x.type.k === "nullable" && x.type.inner.k === "union" && to.k !== "nullable") x = { e: "unwrap", type: x.type.inner, x, loc: l.loc(node), check: "nonnull" };
  const u = x.type.k === "union" ? x.type : undefined;
  if (!u) return undefined;
  const narrower = toNarrowerUnion(l, u, x, to, node);
  if (narrower) return narrower;
  const functions = functionsAsOne(l, u, x, to, node);
  if (functions) return functions;
  let i = memberIndex(u, to, sameType);
  if (i < 0) i = objectMemberFor(u, to);
  // `args[0] as Sym[]` where the union's one array member is `Expr[]`: that member, then its elements (castTo).
  if (i < 0 && to.k === "array" && u.members.filter((m) => m.k === "array").length === 1) i = u.members.findIndex((m) => m.k === "array");
  // `doc as { title: string }` where the union's one object member is a record (`Json`): that record, seen as the type (views.ts).
  const records = to.k === "view" ? u.members.filter(isRecord) : [];
  if (i < 0 && records.length === 1) i = u.members.indexOf(records[0]!);
  if (i < 0) return undefined;
  const m = u.members[i]!;
  const name = l.temp();
  const v: Expr = { e: "local", type: u, name };
  const member: Expr = { e: "fromunion", type: m, x: v, tag: i, loc: 0 };
  const what = typeNameOf(to);
  const fail: Expr = { e: "seq", type: m, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: `a value cast with \`as ${what}\` is not a ${what}` }, loc: l.loc(node) }, member] };
  const checked: Expr = { e: "let", type: m, name, init: x, body: { e: "cond", type: m, c: isTag(v, i), a: member, b: fail } };
  if (sameType(m, to)) return checked;
  return downcast(checked) ?? coerce(l, checked, to, node);
}

/**
 * `handlers[event.type] as Handler` where the handlers take different members
 * of the event union (`(e: Insert) => R | (e: Select) => R` as `(e: Event) => R`):
 * whichever function the value holds, adapted to the wanted type (lower/lambdas.ts;
 * its argument is cast to the member, checked). Undefined unless every member
 * is a function that adapts so.
 */
function functionsAsOne(l: Lowerer, u: Union, x: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (to.k !== "fn" || !u.members.every((m) => m.k === "fn")) return undefined;
  const name = l.temp();
  const v: Expr = { e: "local", type: u, name };
  const adapted = u.members.map((m, i) => tryCoerce(l, { e: "fromunion", type: m, x: v, tag: i, loc: 0 }, to, node));
  if (adapted.some((a) => !a)) return undefined;
  const chosen = adapted.reduceRight((rest: Expr | undefined, a, i) => (rest ? { e: "cond", type: to, c: isTag(v, i), a: a!, b: rest } : a!), undefined)!;
  return { e: "let", type: to, name, init: x, body: chosen };
}

/**
 * `v as string | number` where v is a `string | number | boolean`: the target's members are some of the
 * union's; the value is checked to be one of them (a panic, as for any cast TypeScript trusted) and re-tagged.
 */
function toNarrowerUnion(l: Lowerer, u: Union, x: Expr, to: Type, node: ts.Node): Expr | undefined {
  if (to.k !== "union" || !to.members.every((m) => memberIndex(u, m, sameType) >= 0)) return undefined;
  const map = u.members.map((m) => memberIndex(to, m, sameType));
  const name = l.temp();
  const v: Expr = { e: "local", type: u, name };
  const kept = map.map((j, i) => (j >= 0 ? isTag(v, i) : undefined)).filter((c): c is Expr => !!c);
  const ok = kept.reduce((a, b) => ({ e: "logic", type: T.bool, op: "||", a, b }));
  const retagged: Expr = { e: "reunion", type: to, x: v, map };
  const what = typeNameOf(to);
  const fail: Expr = { e: "seq", type: to, xs: [{ e: "panic", type: T.void, message: { e: "str", type: T.str, value: `a value cast with \`as ${what}\` is none of its types` }, loc: l.loc(node) }, retagged] };
  return { e: "let", type: to, name, init: x, body: { e: "cond", type: to, c: ok, a: retagged, b: fail } };
}

function typeNameOf(t: Type): string {
  if (t.k === "class") return t.cls.tsName;
  if (t.k === "view") return t.view.tsName;
  if (t.k === "str") return "string";
  if (t.k === "int") return t.kind;
  if (t.k === "bool") return "boolean";
  if (t.k === "array") return `${typeNameOf(t.elem)}[]`;
  return t.k;
}

/**
 * `typeof v === "number"` where v's type is one kind (in a generic function's instance, `T[K]` is a
 * string for one key and a number for another): a constant, so that a branch it rules out is not
 * compiled (stmt.ts). Only for a variable or property read (nothing to evaluate); undefined otherwise.
 */
function knownTypeof(expr: ts.Expression, name: string, negate: boolean, lower: (n: ts.Expression) => Expr): Expr | undefined {
  let e = expr;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  if (!ts.isIdentifier(e) && e.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const t = lower(expr).type;
  const known = t.k === "str" || t.k === "int" || t.k === "bool" || t.k === "fn" || t.k === "array" || (t.k === "class" && !!t.cls.header);
  if (!known) return undefined;
  return { e: "bool", type: T.bool, value: (typeofName(t) === name) !== negate };
}

/** What `typeof` gives for a member of a union. */
function typeofName(t: Type): string {
  if (t.k === "str") return "string";
  if (t.k === "int") return "number";
  if (t.k === "bool") return "boolean";
  if (t.k === "fn") return "function";
  if (isBigType(t)) return "bigint";
  return "object";
}

/**
 * `typeof x === "string"` (or `!==`, `==`, `!=`) on a union: a test of its
 * tag, rather than a comparison of the name's string. Undefined for other
 * comparisons (they take the general path).
 */
export function typeofTest(l: Lowerer, b: ts.BinaryExpression, negate: boolean, lower: (n: ts.Expression) => Expr): Expr | undefined {
  const unparen = (n: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(n) ? unparen(n.expression) : n);
  const left = unparen(b.left);
  const right = unparen(b.right);
  const [t, lit] = ts.isTypeOfExpression(left) ? [left, right] : ts.isTypeOfExpression(right) ? [right, left] : [undefined, undefined];
  if (!t || !lit || !ts.isStringLiteral(lit)) return undefined;
  if (!l.checker.getTypeAtLocation(t.expression).isUnion()) return knownTypeof(t.expression, lit.text, negate, lower);
  const x = lower(t.expression);
  if (x.type.k !== "union") return undefined;
  const test = testMembers(l, x, b, (m) => (typeofName(m.type) === lit.text ? { e: "bool", type: T.bool, value: true } : undefined));
  return negate ? { e: "not", type: T.bool, x: test } : test;
}
