/**
 * emit-u32.ts: which hosted `number` values are known to be uint32 values
 * (integers in [0, 2^32)), so that emit-c.ts can compute `%` on them in
 * integers: `const r = next(); ... r % 7` in a generator whose `next`
 * returns `seed >>> 8`.
 *
 * Input:  the program's functions (lowered, after rc.ts).
 * Output: uint32Functions: the functions returning a number whose every
 *         `return` is a uint32 value; uint32Locals: the `number` locals of a
 *         function that only ever hold uint32 values; isUint32Value: whether
 *         an expression's value is one, given both.
 * Invariants: conservative. A uint32 value is a `>>>` on numbers, an integer
 *   literal in [0, 2^32), an unsigned integer of at most 32 bits made a
 *   double, `a % c` of a uint32 value by a positive integer constant, a
 *   conditional of two uint32 values, a call of a uint32 function (directly,
 *   or through a local that always holds one closure: specialize.ts
 *   knownClosureCode), or a read of a uint32 local. A local qualifies when every `let` of its name has an
 *   initialiser that is a uint32 value, every assignment stores one, it is
 *   never updated by a compound assignment, never bound by an expression
 *   (`let`/`bind`), never a parameter and its address is never taken. Such a
 *   double holds exactly the integer, so `(uint32_t)d` is exact (and gcc
 *   drops the round trip through double).
 */
import type { Expr, Func, Stmt } from "./ir.ts";
import { walkExprs } from "./ir.ts";
import { knownClosureCode } from "./specialize.ts";
import { INT_INFO, isInt } from "./ints.ts";

const isDouble = (x: Expr): boolean => x.type.k === "int" && x.type.kind === "number";

/** What the analysis of one function knows: its uint32 locals, the uint32 functions, the code of its closure locals. */
export interface Uint32Facts {
  locals: Set<string>;
  fns: Set<string>;
  code: Map<string, string>;
}

/** Whether `x` is a uint32 value, given what is known of its function. */
export function isUint32Value(x: Expr, k: Uint32Facts): boolean {
  switch (x.e) {
    case "int":
      return isDouble(x) && x.value >= 0n && x.value < 1n << 32n;
    case "binary":
      if (!isDouble(x) || !isDouble(x.a)) return false;
      if (x.op === ">>>") return true;
      return x.op === "%" && x.b.e === "int" && x.b.value >= 1n && isUint32Value(x.a, k);
    case "convert": {
      const from = x.x.type;
      return isDouble(x) && isInt(from) && from.kind !== "number" && !INT_INFO[from.kind].signed && INT_INFO[from.kind].bits <= 32;
    }
    case "cond":
      return isDouble(x) && isUint32Value(x.a, k) && isUint32Value(x.b, k);
    case "call":
      return isDouble(x) && k.fns.has(x.fn);
    case "callptr": {
      const code = x.callee.e === "local" ? k.code.get(x.callee.name) : undefined;
      return isDouble(x) && code !== undefined && k.fns.has(code);
    }
    case "local":
      return isDouble(x) && k.locals.has(x.name);
    default:
      return false;
  }
}

/** The `number` locals of `f` that only ever hold uint32 values. */
export function uint32Locals(f: Func, fns: Set<string>, code: Map<string, string>): Set<string> {
  const candidates = new Set<string>();
  const excluded = new Set<string>(f.params.map((p) => p.name));
  forEachLet(f.body, (s) => {
    if (s.type.k === "int" && s.type.kind === "number" && s.init) candidates.add(s.name);
    else excluded.add(s.name);
  });
  walkExprs(f.body, (x) => {
    if (x.e === "let" || x.e === "bind") excluded.add(x.name);
    if (x.e === "compound" && x.target.e === "local") excluded.add(x.target.name);
    if (x.e === "addrof") walkExprs([{ s: "expr", x, loc: 0 }], (y) => { if (y.e === "local") excluded.add(y.name); });
  });
  for (const n of excluded) candidates.delete(n);
  // Drop the locals given a value that is not a uint32 one, until none is left to drop (a local may be set from another).
  for (let changed = true; changed && candidates.size; ) {
    changed = false;
    const drop = (name: string, value: Expr): void => {
      if (candidates.has(name) && !isUint32Value(value, { locals: candidates, fns, code })) {
        candidates.delete(name);
        changed = true;
      }
    };
    forEachLet(f.body, (s) => drop(s.name, s.init!));
    walkExprs(f.body, (x) => { if (x.e === "assign" && x.target.e === "local") drop(x.target.name, x.value); });
  }
  return candidates;
}

/** The functions returning a number whose every return is a uint32 value (found until no more are). */
export function uint32Functions(funcs: Func[]): Set<string> {
  const fns = new Set<string>();
  const numeric = funcs.filter((f) => f.ret.k === "int" && f.ret.kind === "number");
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of numeric) {
      if (fns.has(f.cname)) continue;
      const returns: Expr[] = [];
      let bare = false;
      forEachStmt(f.body, (s) => { if (s.s === "return") { if (s.x) returns.push(s.x); else bare = true; } });
      if (bare || !returns.length) continue;
      const code = knownClosureCode(f);
      const locals = uint32Locals(f, fns, code);
      if (returns.every((x) => isUint32Value(x, { locals, fns, code }))) {
        fns.add(f.cname);
        changed = true;
      }
    }
  }
  return fns;
}

function forEachStmt(body: Stmt[], f: (s: Stmt) => void): void {
  for (const s of body) {
    f(s);
    if (s.s === "if") { forEachStmt(s.then, f); if (s.else) forEachStmt(s.else, f); }
    if (s.s === "while" || s.s === "dowhile" || s.s === "block" || s.s === "unwind") forEachStmt(s.body, f);
    if (s.s === "for") { forEachStmt(s.init, f); forEachStmt(s.body, f); }
    if (s.s === "switch") s.cases.forEach((c) => forEachStmt(c.body, f));
  }
}

function forEachLet(body: Stmt[], f: (s: Extract<Stmt, { s: "let" }>) => void): void {
  forEachStmt(body, (s) => { if (s.s === "let") f(s); });
}
