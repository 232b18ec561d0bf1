/**
 * lower/spread-order.ts: the key order of a spread (or rest) of an
 * interface-typed value.
 *
 * Input:  a view being copied by key (`{ ...item, done: true }`,
 *         `const { id, ...rest } = item` with `item: Todo`), the property
 *         names in the order the copy takes them (the type's declared order).
 * Output: nothing when every object that can be behind the view has its
 *         properties in that same relative order and no others; otherwise
 *         TSOS1360 (another order) or TSOS1361 (a property the type does
 *         not list, which JavaScript would copy too) at the copy, reported
 *         once the whole program is lowered (a finisher: the classes behind
 *         a view are known only then).
 * Invariants: JavaScript copies own properties in the source object's key
 *         order, which is the order its literal or class defines them; the
 *         copy's fields are laid out in the type's order at compile time, so
 *         an object that defines them in another order would print (and
 *         iterate) differently. An optional property a literal left out
 *         (absent) is not compared.
 */
import ts from "typescript";
import type { ClassInst, Expr, Func, ViewInst } from "../ir.ts";
import { KEY_ORDER_COUNTER, T, keyOrderStamp } from "../ir.ts";
import { addDispatch, classesOfView, synthesize } from "./inspect.ts";
import { hasKeyOrder } from "./key-order.ts";

const U32 = T.int("u32");
import type { Lowerer } from "./context.ts";
import { registerFinisher } from "./dispatch.ts";
import { propertyNameOfField } from "./object-spread.ts";

interface Copy {
  view: ViewInst;
  names: string[];
  node: ts.Node;
  typeText: string;
  reported: boolean;
  /** Every property the type lists: an object with others would copy them too. */
  all?: string[];
  /** The copy takes each object's own key order (sourceKeyOrder), so only `all` is checked. */
  ownOrder: boolean;
}

const copies = new WeakMap<Lowerer, Copy[]>();

/**
 * Check, once the program is lowered, that every object behind `view` defines `names` in this order (unless
 * `ownOrder`: the copy keeps each object's order) and no property beyond `all`.
 */
export function checkViewCopyOrder(l: Lowerer, view: ViewInst, names: string[], node: ts.Node, typeText: string, all?: string[], ownOrder = false): void {
  let list = copies.get(l);
  if (!list) {
    list = [];
    copies.set(l, list);
    const all = list;
    registerFinisher(l, () => {
      for (const c of all) if (!c.reported) checkCopy(l, c);
      return `${all.filter((c) => c.reported).length}`;
    });
  }
  list.push({ view, names, node, typeText, reported: false, all, ownOrder });
}

function checkCopy(l: Lowerer, c: Copy): void {
  const behind = new Set(l.program.viewTables.filter((t) => t.view === c.view).map((t) => t.cls));
  for (const cls of behind) {
    // An object with more properties than the type (a `Dog` literal as a `Pet`): JavaScript copies those too.
    const extra = c.all ? ownKeyOrder(cls).find((n) => !c.all!.includes(n)) : undefined;
    if (extra !== undefined) {
      c.reported = true;
      l.error("TSOS1361", c.node, c.typeText, cls.literal ? `{ ${ownKeyOrder(cls).join(", ")} }` : cls.tsName, extra);
      return;
    }
    if (c.ownOrder) continue;
    const own = ownKeyOrder(cls).filter((n) => c.names.includes(n));
    const expected = c.names.filter((n) => own.includes(n));
    if (own.join("\0") !== expected.join("\0")) {
      c.reported = true;
      l.error("TSOS1360", c.node, c.typeText, `{ ${own.join(", ")} }`);
      return;
    }
  }
}

/** The keys an object of `cls` defines, in definition order (base class fields first); a literal's absent optional members left out. */
function ownKeyOrder(cls: ClassInst): string[] {
  const chain: ClassInst[] = [];
  for (let k: ClassInst | undefined = cls; k; k = k.base) chain.unshift(k);
  const out: string[] = [];
  for (const k of chain) {
    for (const f of k.fields) {
      if (k.literal && f.absent) continue;
      const name = propertyNameOfField(k, f);
      if (name !== undefined) out.push(name);
    }
  }
  return out;
}

/**
 * A test, run where the copy reads its source `obj`, that the members it copies were added to the object
 * in the order it copies them. An object literal that left a member out records when the program added
 * it (key-order.ts); JavaScript copies such a member last, which the copy in the type's order cannot do,
 * so it panics rather than copy in another order. Undefined when no class behind the view records order.
 */
export function keyOrderGuard(l: Lowerer, view: ViewInst, names: string[], obj: Expr, node: ts.Node): Expr | undefined {
  const classes = classesOfView(l, view);
  const key = `${view.cname}|${names.join(",")}`;
  let fns = guards.get(l);
  if (!fns) guards.set(l, (fns = new Map()));
  let func = fns.get(key);
  if (!func) {
    func = synthesize(l, `keyorder_${view.cname}`, [{ name: "x", type: obj.type }], T.bool, l.loc(node));
    fns.set(key, func);
    addDispatch(l, { func, classes, each: (cls, x) => inCopyOrder(cls, names, x) });
  }
  return { e: "call", type: T.bool, fn: func.cname, args: [obj] };
}

const guards = new WeakMap<Lowerer, Map<string, Func>>();

/** Whether an object of `cls` (`x`) added the members `names` in this order (true for a class that records none). */
function inCopyOrder(cls: ClassInst, names: string[], x: Expr): Expr {
  if (!hasKeyOrder(cls.fields)) return { e: "bool", type: T.bool, value: true };
  const stamps = names.flatMap((n) => {
    const f = cls.fields.find((fd) => propertyNameOfField(cls, fd) === n);
    return f ? [{ e: "field", type: U32, obj: x, name: keyOrderStamp(f.name) } as Expr] : [];
  });
  const zero: Expr = { e: "int", type: U32, value: 0n };
  const tests: Expr[] = [];
  for (let i = 0; i < stamps.length; i++) {
    for (let j = i + 1; j < stamps.length; j++) {
      const a = stamps[i]!;
      const b = stamps[j]!;
      const either: Expr = { e: "logic", type: T.bool, op: "||", a: { e: "binary", type: T.bool, op: "==", a, b: zero, loc: 0 }, b: { e: "binary", type: T.bool, op: "==", a: b, b: zero, loc: 0 } };
      tests.push({ e: "logic", type: T.bool, op: "||", a: either, b: { e: "binary", type: T.bool, op: "<", a, b, loc: 0 } });
    }
  }
  return tests.reduce((a, b) => ({ e: "logic", type: T.bool, op: "&&", a, b }), { e: "bool", type: T.bool, value: true } as Expr);
}

/**
 * Where each member a spread copies from `obj` stands among the object's keys, so that the new object
 * can give them the same relative order (object-spread.ts): `place(name)` is a number from 1 to `count`,
 * larger for a key added later, meaningful only while the member is a property. An object literal that
 * records its key order (key-order.ts) gives its stamps and counter; any other object has all its
 * members, in the order its class defines them.
 * Undefined when no object of `obj`'s type can have a member added after it was made.
 */
export function sourceKeyOrder(l: Lowerer, obj: Expr, names: string[], mayAddLater: boolean, node: ts.Node): KeyOrder | undefined {
  const t = obj.type;
  if (t.k === "class") {
    if (!t.cls.literal || !hasKeyOrder(t.cls.fields)) return undefined;
    return { place: (name) => recordedPlace(t.cls, name, obj) ?? u32(0), count: counterOf(obj) };
  }
  if (t.k !== "view" || !mayAddLater || !names.length) return undefined;
  const func = synthesize(l, `keyplace_${t.view.cname}`, [{ name: "x", type: t }, { name: "k", type: U32 }], U32, l.loc(node));
  const k: Expr = { e: "local", type: U32, name: "k" };
  // `k < names.length`: the place of names[k]; `k == names.length`: the count.
  const choose = (values: Expr[], count: Expr): Expr =>
    values.reduceRight<Expr>((rest, v, i) => ({ e: "cond", type: U32, c: { e: "binary", type: T.bool, op: "==", a: k, b: u32(i), loc: 0 }, a: v, b: rest }), count);
  addDispatch(l, {
    func,
    classes: classesOfView(l, t.view),
    each: (cls, x) =>
      hasKeyOrder(cls.fields)
        ? choose(names.map((n) => recordedPlace(cls, n, x) ?? u32(0)), counterOf(x))
        : choose(names.map((n) => u32(ownKeyOrder(cls).indexOf(n) + 1)), u32(ownKeyOrder(cls).length)),
  });
  const call = (i: number): Expr => ({ e: "call", type: U32, fn: func.cname, args: [obj, u32(i)] });
  return { place: (name) => call(names.indexOf(name)), count: call(names.length) };
}

export interface KeyOrder {
  place: (name: string) => Expr;
  count: Expr;
}

function u32(n: number): Expr {
  return { e: "int", type: U32, value: BigInt(n) };
}

function counterOf(x: Expr): Expr {
  return { e: "field", type: U32, obj: x, name: KEY_ORDER_COUNTER };
}

/** The key-order stamp of the member called `name` of an object `x` of `cls`; undefined when it has none. */
function recordedPlace(cls: ClassInst, name: string, x: Expr): Expr | undefined {
  const f = cls.fields.find((fd) => propertyNameOfField(cls, fd) === name);
  return f ? { e: "field", type: U32, obj: x, name: keyOrderStamp(f.name) } : undefined;
}
