/**
 * lower/key-order.ts: JavaScript's key order for the optional members an
 * object literal leaves out and the program assigns later.
 *
 * `const o: Opts = { c: "x" }; o.b = 1; o.a = 2;` prints `{ c: 'x', b: 1, a: 2 }`
 * in Node: a property added after creation comes after every existing one,
 * in the order the program added them. A literal's class has a fixed field
 * order, so an object of a class with left-out members records the order.
 *
 * Input:  the fields of a literal's class (objects.ts); the entries a printer
 *         (inspect.ts, json.ts) writes for each property.
 * Output: the hidden fields (`tsos_ord`, a counter, and a stamp
 *         `tsos_ord_<f>` per property `f`, all zero in a fresh object); the
 *         statements that stamp a new object's properties; the statements
 *         that write the entries in the order the keys were added.
 * Invariants:
 *   - A stamp is 0 while the property does not exist, then its place among
 *     the keys: the constructor stamps the members the literal writes, in
 *     the literal's order (a spread's too); the emitter stamps a left-out
 *     member the first time it is assigned a value other than undefined
 *     (emit-c.ts `addedKey`): the counter goes up by one and the member
 *     keeps that number. Writing undefined later and a value again keeps
 *     its place, as the key stays in JavaScript; `delete o.p` (inspect.ts
 *     objectDelete) sets the stamp back to 0, so a later write adds the key
 *     at the end. A literal gets the stamps when it leaves a member out or
 *     when the program deletes a property of one of its members' names.
 *   - A spread whose optional member a later part may write
 *     (`{ ...d, b: "x" }` with `d.b` left out) stamps the keys itself, in the
 *     order its parts add them (stampIfNew; object-spread.ts).
 *   - A spread copies its source's members in the source's declared order,
 *     not in the order they were added to it: where a member added later
 *     would move, the copy is refused (spread-order.ts, TSOS1362).
 */
import ts from "typescript";
import type { ClassInst, Expr, Field, Stmt } from "../ir.ts";
import { fieldName } from "./classes.ts";
import { KEY_ORDER_COUNTER, T, keyOrderStamp } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { countedLoop } from "./inspect.ts";

const U32 = T.int("u32");

/**
 * The hidden key-order fields of a literal's class whose `fields` include
 * left-out members, or a member the program deletes somewhere (`delete
 * o.locked`: `deleted` holds the names); none otherwise.
 */
export function keyOrderFields(fields: Field[], deleted: ReadonlySet<string> = new Set()): Field[] {
  if (!fields.some((f) => f.absent || (deleted.has(f.name) && f.type.k === "nullable" && f.type.undef))) return [];
  const stamped = fields.filter((f) => !f.hidden);
  return [KEY_ORDER_COUNTER, ...stamped.map((f) => keyOrderStamp(f.name))].map((name) => ({ name, type: U32, hidden: true, keyOrder: true }));
}

/** Whether objects of a class with these fields record their key order. */
export function hasKeyOrder(fields: Field[]): boolean {
  return fields.some((f) => f.keyOrder);
}

/**
 * In a new object's constructor, before the member `f` gets `value`: a
 * member the literal writes is a key from the start; a member it may leave
 * out (an optional one, or one a spread copies) only when it has a value.
 */
export function stampWritten(self: Expr, f: Field, value: Expr, loc: number): Stmt[] {
  if (f.hidden || f.keyOrder) return [];
  const counter: Expr = { e: "field", type: U32, obj: self, name: KEY_ORDER_COUNTER };
  const next: Expr = { e: "compound", type: U32, target: counter, value: { e: "binary", type: U32, op: "+", a: { e: "current", type: U32 }, b: { e: "int", type: U32, value: 1n }, loc }, postfix: false };
  const stamp: Stmt = { s: "expr", x: { e: "assign", type: U32, target: keyStamp(self, f.name), value: next }, loc };
  if (!f.absent) return [stamp];
  return [{ s: "if", c: { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: value, which: "undefined" } }, then: [stamp], loc }];
}

/**
 * `if (when && no key yet) stamp the next place`: the key `field` of `obj` added now, unless it exists (an
 * expression). With `place` (a key copied by a spread, object-spread.ts): the place is the counter plus the
 * key's place in its source, and the counter moves on once for the whole source (advanceCounter).
 */
export function stampIfNew(obj: Expr, field: string, when: Expr | undefined, loc: number, place?: Expr): Expr {
  const counter: Expr = { e: "field", type: U32, obj, name: KEY_ORDER_COUNTER };
  const next: Expr = place
    ? { e: "binary", type: U32, op: "+", a: counter, b: place, loc }
    : { e: "compound", type: U32, target: counter, value: { e: "binary", type: U32, op: "+", a: { e: "current", type: U32 }, b: { e: "int", type: U32, value: 1n }, loc }, postfix: false };
  const isNew: Expr = { e: "binary", type: T.bool, op: "==", a: keyStamp(obj, field), b: { e: "int", type: U32, value: 0n }, loc };
  const c: Expr = when ? { e: "logic", type: T.bool, op: "&&", a: when, b: isNew } : isNew;
  return { e: "cond", type: U32, c, a: { e: "assign", type: U32, target: keyStamp(obj, field), value: next }, b: { e: "int", type: U32, value: 0n } };
}

/** After a spread's keys were stamped at their places in the source: the counter passes the source's `count` places (when `when`). */
export function advanceCounter(obj: Expr, count: Expr, when: Expr | undefined, loc: number): Expr {
  const counter: Expr = { e: "field", type: U32, obj, name: KEY_ORDER_COUNTER };
  const advance: Expr = { e: "compound", type: U32, target: counter, value: { e: "binary", type: U32, op: "+", a: { e: "current", type: U32 }, b: count, loc }, postfix: false };
  return when ? { e: "cond", type: U32, c: when, a: advance, b: { e: "int", type: U32, value: 0n } } : advance;
}

/** The stamp of the property `field` of `obj`: 0 while the key does not exist. */
export function keyStamp(obj: Expr, field: string): Expr {
  return { e: "field", type: U32, obj, name: keyOrderStamp(field) };
}

/** Whether the member `field` of `obj` (of a class that records its key order) is a property now. */
export function keyExists(obj: Expr, field: string): Expr {
  return { e: "binary", type: T.bool, op: "!=", a: keyStamp(obj, field), b: { e: "int", type: U32, value: 0n }, loc: 0 };
}

/**
 * Whether the member that `read` reads (a field of an object of `cls`) is a
 * property now: with recorded key order, whether its key was added; else
 * whether it holds a value (one holding undefined counts as absent, as in
 * object spread, docs/language.md).
 */
export function memberPresent(cls: ClassInst, read: Extract<Expr, { e: "field" }>): Expr {
  if (hasKeyOrder(cls.fields)) return keyExists(read.obj, read.name);
  return { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: read, which: "undefined" } };
}

/**
 * The statements that write each property's entry (`entries`, by C field
 * name) in the order the keys were added: for each stamp in turn, the
 * property that has it.
 */
export function inKeyOrder(l: Lowerer, obj: Expr, entries: { field: string; write: Stmt[] }[], loc: number): Stmt[] {
  const counter: Expr = { e: "field", type: U32, obj, name: KEY_ORDER_COUNTER };
  const count: Expr = { e: "convert", type: T.int("usize"), x: counter, checked: false, loc };
  return countedLoop(l, count, (i) => {
    const stamp: Expr = { e: "binary", type: U32, op: "+", a: { e: "convert", type: U32, x: i, checked: false, loc }, b: { e: "int", type: U32, value: 1n }, loc };
    return entries.map(({ field, write }): Stmt => ({
      s: "if",
      c: { e: "binary", type: T.bool, op: "==", a: keyStamp(obj, field), b: stamp, loc },
      then: write,
      loc,
    }));
  }, loc);
}

const deletedNames = new WeakMap<Lowerer, Set<string>>();

/** The C field names of the properties the program's modules `delete` (`delete o.p`). */
export function deletedProperties(l: Lowerer, node: ts.Node): Set<string> {
  let names = deletedNames.get(l);
  if (names) return names;
  names = new Set();
  const visit = (n: ts.Node): void => {
    if (ts.isDeleteExpression(n)) {
      let e: ts.Expression = n.expression;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) names!.add(fieldName(e.name));
    }
    ts.forEachChild(n, visit);
  };
  for (const sf of new Set([...l.moduleNames.keys(), node.getSourceFile()])) visit(sf);
  deletedNames.set(l, names);
  return names;
}
