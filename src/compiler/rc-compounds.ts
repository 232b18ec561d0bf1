/**
 * rc-compounds.ts: compound assignments of counted values rewritten as
 * plain assignments, so that rc.ts counts them (docs/design/memory.md).
 *
 * Input:  a function body before rc.ts counts it, and the predicate of the
 *         types rc.ts counts.
 * Output: the same body where `s += x` (a string), `x ??= v`, `x ||= v` and
 *         `x &&= v` on a counted place whose address has no side effects (a
 *         local, a global, a field of such a place, an element at a local or
 *         constant index, a captured variable's cell) are `place = value`,
 *         the compound's `current` reads replaced by a read of the place.
 *         rc.ts then moves the new value in and releases the old one after
 *         the statement. An array element or a field whose object or index
 *         is computed (`lines[lines.length - 1] += w`, `mk().s += x`) gets
 *         them computed once into temporaries (`tsos_cpN`), which then make
 *         the place. Other compounds stay compounds (rc.ts keeps their old
 *         value: a leak, never a wrong count).
 * Invariants:
 *   - JavaScript reads the place once, before the right side. The values
 *     lower/ builds read `current` first (`current + x`), or in a branch
 *     that only the test of `current` separates from that first read
 *     (`isnullish(current) ? v : current`), so reading the place again
 *     sees the same value.
 *   - The place's address is evaluated twice, so it must have no effects
 *     and nothing the right side could change: only locals, globals,
 *     constants and field reads make it up.
 */
import type { Expr, Stmt, Type } from "./ir.ts";
import { childExprs, mapChildExprs, mapStmtExprs } from "./ir.ts";

/** The temporaries that hold a place's object or index (`tsos_cpN`), counted per function body. */
let placeTemps = 0;

/** `list` with its counted compound assignments made plain assignments where that is exact. */
export function countedCompoundsToAssigns(list: Stmt[], counted: (t: Type) => boolean, appendInPlace = false): Stmt[] {
  // Named per function, from 0: the same program always gives the same C.
  placeTemps = 0;
  const expr = (x: Expr): Expr => {
    const y = mapChildExprs(x, expr);
    if (appendInPlace) {
      const append = localAppend(y);
      if (append) return append;
    }
    if (y.e !== "compound" || y.postfix || !counted(y.target.type) || !readsCurrentFirst(y.value)) return y;
    if (stablePlace(y.target)) return { e: "assign", type: y.type, target: y.target, value: replaceCurrent(y.value, y.target) };
    // `lines[lines.length - 1] += w`: the object and the index are computed once, into temporaries, and make the place.
    const binds: { name: string; value: Expr }[] = [];
    const hold = (v: Expr): Expr => {
      const name = `tsos_cp${placeTemps++}`;
      binds.push({ name, value: v });
      return { e: "local", type: v.type, name };
    };
    const t = y.target;
    let place: Expr | undefined;
    if (t.e === "index" && t.arr.type.k === "array") place = { ...t, arr: stableAddress(t.arr) ? t.arr : hold(t.arr), idx: t.idx.e === "local" || t.idx.e === "int" ? t.idx : hold(t.idx) };
    else if (t.e === "field" && !t.inline) place = { ...t, obj: stableAddress(t.obj) ? t.obj : hold(t.obj) };
    if (!place) return y;
    let out: Expr = { e: "assign", type: y.type, target: place, value: replaceCurrent(y.value, place) };
    for (let i = binds.length - 1; i >= 0; i--) out = { e: "bind", type: y.type, name: binds[i]!.name, value: binds[i]!.value, body: out };
    return out;
  };
  return mapStmtExprs(list, expr);
}

/**
 * `s += x` or `s = s + x` on a string local, as the compound `s += x` whose
 * value is the concatenation `current + x` (rc.ts keeps it a compound, and
 * emit-c.ts makes it runtime/tsos_rt.h tsos_str_append, which consumes the
 * old value and appends in place when it can). Undefined for anything else,
 * and when the appended parts read or write `s` in any other way than
 * reading it whole (`s += s` is fine: the old bytes are not moved).
 */
function localAppend(y: Expr): Expr | undefined {
  if ((y.e !== "compound" && y.e !== "assign") || y.target.e !== "local" || y.target.type.k !== "str" || y.value.e !== "concat") return undefined;
  if (y.e === "compound" && y.postfix) return undefined;
  const name = y.target.name;
  const [first, ...rest] = y.value.parts;
  if (!first || rest.length === 0) return undefined;
  const isOld = y.e === "compound" ? first.e === "current" : first.e === "local" && first.name === name;
  if (!isOld || rest.some((p) => mentionsCurrent(p) || writesLocal(p, name))) return undefined;
  return { e: "compound", type: y.type, target: y.target, value: { ...y.value, parts: [{ e: "current", type: first.type }, ...rest] }, postfix: false };
}

/** Whether `x` is an append that localAppend made (rc.ts counts it, emit-c.ts emits it). */
export function isLocalAppend(x: Expr): boolean {
  return x.e === "compound" && x.target.e === "local" && x.type.k === "str" && x.value.e === "concat" && x.value.parts[0]?.e === "current";
}

function writesLocal(x: Expr, name: string): boolean {
  if ((x.e === "assign" || x.e === "compound") && x.target.e === "local" && x.target.name === name) return true;
  if (x.e === "addrof" && x.x.e === "local" && x.x.name === name) return true;
  return childExprs(x).some((c) => writesLocal(c.x, name));
}

/** A place whose address can be computed again with the same result: made of locals, globals, constants and field reads. */
function stablePlace(x: Expr): boolean {
  switch (x.e) {
    case "local": case "global": return true;
    case "field": return !x.inline && stableAddress(x.obj);
    case "index": return stableAddress(x.arr) && (x.idx.e === "local" || x.idx.e === "int");
    // A captured variable's cell: a local pointer, or the closure's own environment field (never reassigned).
    case "deref": return x.ptr.e === "local" || x.ptr.e === "envfield";
    default: return false;
  }
}

function stableAddress(x: Expr): boolean {
  return x.e === "local" || x.e === "global" || (x.e === "field" && !x.inline && stableAddress(x.obj));
}

/**
 * Whether `value` reads `current` before anything else that could have an
 * effect: `current` itself, an operation whose first operand reads it
 * first, or a choice whose test reads it first (its branches then read it
 * again, with nothing run in between).
 */
function readsCurrentFirst(x: Expr): boolean {
  switch (x.e) {
    case "current": return true;
    case "cond": return readsCurrentFirst(x.c) && [x.a, x.b].every((b) => b.e === "current" || !mentionsCurrent(b));
    case "concat": return x.parts.length > 0 && readsCurrentFirst(x.parts[0]!) && x.parts.slice(1).every((p) => !mentionsCurrent(p));
    case "binary": return readsCurrentFirst(x.a) && !mentionsCurrent(x.b);
    case "isnullish": case "not": case "truthy": case "unwrap": case "some": return readsCurrentFirst(x.x);
    default: return false;
  }
}

function mentionsCurrent(x: Expr): boolean {
  if (x.e === "current") return true;
  if (x.e === "compound") return false;
  return childExprs(x).some((c) => mentionsCurrent(c.x));
}

/** `value` with its `current` reads (not those of a nested compound) replaced by `target`. */
function replaceCurrent(x: Expr, target: Expr): Expr {
  if (x.e === "current") return target;
  if (x.e === "compound") return x;
  return mapChildExprs(x, (c) => replaceCurrent(c, target));
}
