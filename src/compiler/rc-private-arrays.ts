/**
 * rc-private-arrays.ts: the local arrays that no code but their own
 * function can reach, whose elements need no count while a statement uses
 * them.
 *
 * Input:  a lowered function (after the closure and loop lowerings) and the
 *         names of its counted locals.
 * Output: the names of its private arrays. rc.ts reads an element of one as
 *         stable: valid until the end of the statement, whatever the
 *         statement calls, so passing it to a callback (`cmp(items[a],
 *         items[b])`) retains nothing.
 * Invariants: a local is private when it is not a parameter, every value it
 *   is given is a new array literal or another private local, and it is used
 *   only as the array of an element read or store, of `.length` or of
 *   `push`, or as the value given to another private local. No reference to
 *   the array exists outside the function's private locals, so no callee can
 *   shrink it or overwrite an element. The statement itself cannot free an
 *   element early either: an element store and a store into a local release
 *   the old value after the statement (rc.ts), and `push` releases nothing.
 *   Locals that give each other values are private together or not at all.
 */
import type { Expr, Func, Stmt } from "./ir.ts";
import { childExprs } from "./ir.ts";

export function privateArrays(f: Func, countedLocals: Set<string>): Set<string> {
  const params = new Set(f.params.map((p) => p.name));
  const arrayLocals = new Set<string>();
  const candidates = new Set<string>();
  const out = new Set<string>();
  // Declarations: a local array that starts empty, as a literal or as another candidate.
  const declare = (s: Extract<Stmt, { s: "let" }>): void => {
    if (s.type.k !== "array" || params.has(s.name) || !countedLocals.has(s.name)) return;
    arrayLocals.add(s.name);
    candidates.add(s.name);
  };
  walk(f.body, (s) => { if (s.s === "let") declare(s); }, () => {});
  const bad = new Set<string>();
  /** Pairs of candidates that give each other values: private together. */
  const links: [string, string][] = [];
  const isLocal = (x: Expr | undefined): x is Extract<Expr, { e: "local" }> => x?.e === "local" && arrayLocals.has(x.name);
  /** A value a candidate may be given: a new array literal, or another candidate local. */
  const giveTo = (name: string, v: Expr | undefined): void => {
    if (v === undefined || v.e === "arraylit") return;
    if (isLocal(v)) links.push([name, v.name]);
    else bad.add(name);
  };
  const allowed = new Set<Expr>();
  walk(
    f.body,
    (s) => {
      if (s.s === "let" && arrayLocals.has(s.name)) {
        giveTo(s.name, s.init);
        if (isLocal(s.init)) allowed.add(s.init);
      }
    },
    (x, parent) => {
      if (x.e === "index" && isLocal(x.arr)) {
        // A slot's address (a ref-mode cell) could be stored through later: not private.
        if (parent?.e === "addrof") bad.add(x.arr.name);
        else allowed.add(x.arr);
      }
      if (x.e === "arraymethod" && isLocal(x.arr) && (x.method === "length" || x.method === "push")) allowed.add(x.arr);
      if (x.e === "assign" && isLocal(x.target)) {
        allowed.add(x.target);
        giveTo(x.target.name, x.value);
        if (isLocal(x.value)) allowed.add(x.value);
      }
      if (isLocal(x) && !allowed.has(x)) bad.add(x.name);
    },
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const [a, b] of links) {
      if (bad.has(a) !== bad.has(b)) {
        bad.add(a);
        bad.add(b);
        changed = true;
      }
    }
  }
  for (const n of candidates) if (!bad.has(n)) out.add(n);
  return out;
}

/**
 * Visits every statement and every expression, parents before children, so
 * that a use is marked allowed by its parent before it is seen itself.
 */
function walk(list: Stmt[], stmt: (s: Stmt) => void, expr: (x: Expr, parent: Expr | undefined) => void): void {
  const ex = (x: Expr, parent: Expr | undefined): void => {
    expr(x, parent);
    for (const c of childExprs(x)) ex(c.x, x);
  };
  const st = (s: Stmt): void => {
    stmt(s);
    switch (s.s) {
      case "let": if (s.init) ex(s.init, undefined); return;
      case "expr": return ex(s.x, undefined);
      case "print": return s.args.forEach((a) => ex(a, undefined));
      case "if": ex(s.c, undefined); s.then.forEach(st); s.else?.forEach(st); return;
      case "while": case "dowhile": ex(s.c, undefined); s.body.forEach(st); return;
      case "for": s.init.forEach(st); if (s.c) ex(s.c, undefined); s.step.forEach((y) => ex(y, undefined)); s.body.forEach(st); return;
      case "return": if (s.x) ex(s.x, undefined); return;
      case "block": return s.body.forEach(st);
      case "switch": ex(s.x, undefined); s.cases.forEach((c) => { c.values.forEach((v) => ex(v, undefined)); c.body.forEach(st); }); return;
    }
  };
  list.forEach(st);
}
