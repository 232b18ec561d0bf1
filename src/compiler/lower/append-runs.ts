/**
 * lower/append-runs.ts: a run of appends to one string local, made one
 * append, as a string builder's code is written:
 *
 *     let line = String(item.id).padStart(6);
 *     line += " " + item.name.padEnd(8);
 *     line += " " + money(item.cents).padStart(10);
 *
 * becomes `let line = String(item.id).padStart(6) + " " + ... `: one string
 * made once, whose padded parts are written on the stack (emit-c.ts
 * withPadBuffers), instead of a string made and then grown twice.
 *
 * Input:  a hosted function's body after lowering, before rc.ts counts it.
 * Output: the same body where a statement `s += x;` (a compound append whose
 *         value is `current + x`) that follows `let s = v;` or `s += w;` in
 *         the same statement list is merged into it: `let s = v + x;`,
 *         `s += w + x;`.
 * Invariants:
 *   - The parts are evaluated in the same order, and `x` neither reads nor
 *     writes `s`, so no part sees the difference.
 *   - JavaScript would have stored `s + w` before evaluating `x`; only an
 *     exception thrown by `x` could show that store, and only to a `catch`
 *     of the same function (`s` is a local no closure captured: a captured
 *     variable is a cell, not a local). Functions with a `try` are left
 *     alone.
 */
import type { Expr, Stmt } from "../ir.ts";
import { childExprs } from "../ir.ts";

/** `body` with each run of appends to a string local merged (see the header). */
export function mergeAppendRuns(body: Stmt[]): Stmt[] {
  return hasTry(body) ? body : merged(body);
}

function merged(list: Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s0 of list) {
    const s = nested(s0);
    const prev = out[out.length - 1];
    const parts = prev && appendedParts(s, targetOf(prev));
    if (prev && parts) out[out.length - 1] = withParts(prev, parts);
    else out.push(s);
  }
  return out;
}

/** `s` with the statement lists inside it merged. */
function nested(s: Stmt): Stmt {
  switch (s.s) {
    case "if": return { ...s, then: merged(s.then), else: s.else && merged(s.else) };
    case "while": case "dowhile": case "block": return { ...s, body: merged(s.body) };
    case "for": return { ...s, body: merged(s.body) };
    case "switch": return { ...s, cases: s.cases.map((c) => ({ ...c, body: merged(c.body) })) };
    default: return s;
  }
}

/** The string local that `s` declares with a value, or appends to. */
function targetOf(s: Stmt): string | undefined {
  if (s.s === "let") return s.type.k === "str" && s.init && s.init.type.k === "str" ? s.name : undefined;
  const x = append(s);
  return x && x.target.e === "local" ? x.target.name : undefined;
}

/** The compound `s += x` that the statement `s` is, with its value `current + x`. */
function append(s: Stmt): Extract<Expr, { e: "compound" }> | undefined {
  if (s.s !== "expr") return undefined;
  const x = s.x;
  if (x.e !== "compound" || x.postfix || x.target.e !== "local" || x.type.k !== "str" || x.value.e !== "concat") return undefined;
  return x.value.parts[0]?.e === "current" && x.value.parts.length > 1 ? x : undefined;
}

/** The parts after `current` of `s`, an append to `name` whose parts leave `name` alone. */
function appendedParts(s: Stmt, name: string | undefined): Expr[] | undefined {
  if (name === undefined) return undefined;
  const x = append(s);
  if (!x || x.target.e !== "local" || x.target.name !== name || x.value.e !== "concat") return undefined;
  const rest = x.value.parts.slice(1);
  return rest.some((p) => mentions(p, name)) ? undefined : rest;
}

/** `prev` (a `let` with a value, or an append) with `parts` appended to its value. */
function withParts(prev: Stmt, parts: Expr[]): Stmt {
  if (prev.s === "let") return { ...prev, init: { e: "concat", type: prev.type, parts: [prev.init!, ...parts] } };
  const x = append(prev)!;
  const value = x.value as Extract<Expr, { e: "concat" }>;
  return { ...prev, x: { ...x, value: { ...value, parts: [...value.parts, ...parts] } } } as Stmt;
}

/** Whether `x` reads or writes the local `name`, or reads a compound's current value. */
function mentions(x: Expr, name: string): boolean {
  if (x.e === "current") return true;
  if (x.e === "local" && x.name === name) return true;
  return childExprs(x).some((c) => mentions(c.x, name));
}

function hasTry(list: Stmt[]): boolean {
  return list.some((s) => {
    switch (s.s) {
      case "block": return !!s.tryId || hasTry(s.body);
      case "if": return hasTry(s.then) || (!!s.else && hasTry(s.else));
      case "while": case "dowhile": return hasTry(s.body);
      case "for": return hasTry(s.init) || hasTry(s.body);
      case "switch": return s.cases.some((c) => hasTry(c.body));
      default: return false;
    }
  });
}
