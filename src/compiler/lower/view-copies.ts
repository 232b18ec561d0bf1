/**
 * lower/view-copies.ts: an array member seen through a view whose member is
 * an array of a wider element type: `items: Article[]` read through
 * `Page<unknown>`'s `items: unknown[]` (a function taking any page).
 *
 * JavaScript reads the object's own array. An array of `unknown` is laid
 * out differently from an array of `Article` in tsos, so the view's thunk
 * (views.ts) reads a copy, each element converted. That is only right where
 * nobody can tell the copy from the array: every read of that member
 * through that view must only read the array (its length, elements, a
 * method that does not change it, iterating or spreading it, passing it to
 * a parameter that is only read: record-copies.ts onlyReadValue).
 *
 * The same holds for a method that uses `this` read through a member typed
 * `unknown` (`typeof (x as { close?: unknown }).close === "function"`, the
 * duck-typing test): the thunk gives the method bound to its object, which
 * only a test of the value (`typeof`, `=== undefined`, truthiness) cannot
 * tell from the unbound function JavaScript reads.
 *
 * Input:  the thunk's field read and slot (views.ts), and each read of an
 *         array or `unknown` member through a view (views.ts lowerViewGet).
 * Output: the copy; TSOS1022 at each read that could change the array of a
 *         member some thunk copies, TSOS1062 at each read other than a test
 *         of a member some thunk binds; reported once lowering is done (the
 *         thunks and the reads are met in any order).
 * Invariants: elements are converted, not copied: an object inside is the
 *             same object.
 */
import ts from "typescript";
import type { Expr, Type, ViewInst, ViewSlot } from "../ir.ts";
import type { Lowerer } from "./context.ts";
import { coerce, tryCoerce } from "./expr.ts";
import { sameType, typeName } from "./types.ts";
import { mappedElements } from "./inspect.ts";
import { registerFinisher } from "./dispatch.ts";
import { onlyReadValue } from "./record-copies.ts";

interface CopyState {
  /** Members (`view|prop`) some thunk reads as a copy, with the types for the message. */
  copied: Map<string, { from: Type; to: Type; view: string }>;
  /** Reads of array members through a view that may change the array, by member. */
  writable: Map<string, ts.Node[]>;
  /** Members some thunk reads as a bound method, with the method's name for the message. */
  bound: Map<string, { method: string; view: string }>;
  /** Reads of `unknown` members through a view other than tests, by member. */
  used: Map<string, ts.Node[]>;
  reported: Set<ts.Node>;
}

const states = new WeakMap<Lowerer, CopyState>();

function state(l: Lowerer): CopyState {
  let s = states.get(l);
  if (!s) {
    const st: CopyState = { copied: new Map(), writable: new Map(), bound: new Map(), used: new Map(), reported: new Set() };
    s = st;
    states.set(l, st);
    const report = (n: ts.Node, error: () => void): void => {
      if (st.reported.has(n)) return;
      st.reported.add(n);
      error();
    };
    registerFinisher(l, () => {
      for (const [key, nodes] of st.writable) {
        const types = st.copied.get(key);
        if (types) for (const n of nodes) report(n, () => l.error("TSOS1022", n, n.getText(), types.view, typeName(types.from), typeName((types.to as { elem: Type }).elem)));
      }
      for (const [key, nodes] of st.used) {
        const bound = st.bound.get(key);
        if (bound) for (const n of nodes) report(n, () => l.error("TSOS1062", n, bound.method, bound.view));
      }
      return `${st.reported.size}`;
    });
  }
  return s;
}

function memberKey(view: ViewInst, prop: string): string {
  return `${view.cname}|${prop}`;
}

/**
 * The field read `read` (an array) as the slot's array of a wider element
 * type: a copy, each element converted; undefined where the types agree or
 * the elements do not convert.
 */
export function arrayMemberCopy(l: Lowerer, read: Expr, view: ViewInst, slot: ViewSlot, node: ts.Node): Expr | undefined {
  const from = read.type;
  const to = slot.ret;
  if (from.k !== "array" || to.k !== "array" || sameType(from, to)) return undefined;
  if (!tryCoerce(l, { e: "local", type: from.elem, name: "tsos_probe" }, to.elem, node)) return undefined;
  state(l).copied.set(memberKey(view, slot.prop), { from, to, view: view.tsName });
  return mappedElements(l, "member_copy", read, to, (e) => coerce(l, e, to.elem, node), node);
}

/** A method that uses `this`, read through the `unknown` member `slot`: bound, where every read only tests it. */
export function noteBoundMethodValue(l: Lowerer, view: ViewInst, slot: ViewSlot, method: string): boolean {
  if (slot.ret.k !== "dyn") return false;
  state(l).bound.set(memberKey(view, slot.prop), { method, view: view.tsName });
  return true;
}

/** A read of the member `slot` through `view` at `node`: noted if it may change an array, or is more than a test of an `unknown`. */
export function noteViewRead(l: Lowerer, view: ViewInst, slot: ViewSlot, node: ts.Node): void {
  if (slot.ret.k !== "array" && slot.ret.k !== "dyn") return;
  // The member's name stands for the read `p.items`.
  const read = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
  const s = state(l);
  const key = memberKey(view, slot.prop);
  const add = (map: Map<string, ts.Node[]>): void => {
    const nodes = map.get(key) ?? [];
    nodes.push(read);
    map.set(key, nodes);
  };
  if (slot.ret.k === "array" && !(ts.isExpression(read) && onlyReadValue(l, read))) add(s.writable);
  if (slot.ret.k === "dyn" && !isTest(read)) add(s.used);
}

/** `typeof v`, `v === undefined` (or null, `!==`, `==`), `!v`, `v ? a : b`, `if (v)`, `v && x`: a read that only tests the value. */
function isTest(n: ts.Node): boolean {
  let u = n;
  while (ts.isParenthesizedExpression(u.parent) || (ts.isAsExpression(u.parent) && u.parent.expression === u)) u = u.parent;
  const p = u.parent;
  if (ts.isTypeOfExpression(p)) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === u) return true;
  if (ts.isConditionalExpression(p) && p.condition === u) return true;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    const other = p.left === u ? p.right : p.left;
    const absent = other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined");
    if ((op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) && absent) return true;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && p.left === u) return true;
  }
  return false;
}
