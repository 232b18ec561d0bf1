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
 * Input:  the thunk's field read and slot (views.ts), and each read of an
 *         array member through a view (views.ts lowerViewGet).
 * Output: the copy; TSOS1021 at each read that could change the array of a
 *         member some thunk copies, reported once lowering is done (the
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
  reported: Set<ts.Node>;
}

const states = new WeakMap<Lowerer, CopyState>();

function state(l: Lowerer): CopyState {
  let s = states.get(l);
  if (!s) {
    const st: CopyState = { copied: new Map(), writable: new Map(), reported: new Set() };
    s = st;
    states.set(l, st);
    registerFinisher(l, () => {
      for (const [key, nodes] of st.writable) {
        const types = st.copied.get(key);
        if (!types) continue;
        for (const n of nodes) {
          if (st.reported.has(n)) continue;
          st.reported.add(n);
          l.error("TSOS1022", n, n.getText(), types.view, typeName(types.from), typeName((types.to as { elem: Type }).elem));
        }
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

/** A read of the array member `prop` through `view` at `node`: noted if it may change the array. */
export function noteArrayMemberRead(l: Lowerer, view: ViewInst, slot: ViewSlot, node: ts.Node): void {
  if (slot.ret.k !== "array") return;
  // The member's name stands for the read `p.items`.
  const read = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
  if (ts.isExpression(read) && onlyReadValue(l, read)) return;
  const s = state(l);
  const key = memberKey(view, slot.prop);
  const nodes = s.writable.get(key) ?? [];
  nodes.push(read);
  s.writable.set(key, nodes);
}
