/**
 * lower/devirt.ts: calls through a view whose class is known, made direct.
 *
 * Input:  a lowered function body and the program's view tables.
 * Output: the same body where a `viewcall` on a local that provably holds an
 *         object of one class C (`const stats: Stats = { ... }`,
 *         `const s: Shape = new Circle()`) calls the (C, view) table's
 *         thunk directly instead of through `v.vt`. The thunk is a small
 *         static function (a field read or write, or a call of the method),
 *         so gcc inlines it: the field access becomes what a C programmer
 *         writes (`stats->sum += ...`).
 * Invariants: meaning never changes: the call goes to exactly the function
 *   the table holds, with the same arguments in the same order. A local
 *   qualifies only when every `let` of its name is initialized by a `mkview`
 *   of the same table and nothing else writes it (no assignment, compound
 *   assignment or address taken; a variable a closure shares is a cell, not
 *   a view, so it never qualifies). Runs after closures.ts's boxCaptured.
 */
import type { Expr, Func, Stmt, ViewTable } from "../ir.ts";
import { walkExprs } from "../ir.ts";

/** `f`'s body with calls through views of known class made direct (a new tree; `f` is not changed). */
export function devirtualize(f: Func, tables: Map<string, ViewTable>): Stmt[] {
  const known = knownLocals(f, tables);
  if (!known.size) return f.body;
  const E = (x: Expr): Expr => rewrite(x, known);
  const S = (list: Stmt[]): Stmt[] => list.map((s) => stmt(s));
  const stmt = (s: Stmt): Stmt => {
    switch (s.s) {
      case "let": return { ...s, init: s.init && E(s.init) };
      case "expr": return { ...s, x: E(s.x) };
      case "print": return { ...s, args: s.args.map(E) };
      case "if": return { ...s, c: E(s.c), then: S(s.then), else: s.else && S(s.else) };
      case "while": case "dowhile": return { ...s, c: E(s.c), body: S(s.body) };
      case "for": return { ...s, init: S(s.init), c: s.c && E(s.c), step: s.step.map(E), body: S(s.body) };
      case "return": return { ...s, x: s.x && E(s.x) };
      case "block": return { ...s, body: S(s.body) };
      case "switch": return { ...s, x: E(s.x), cases: s.cases.map((k) => ({ ...k, values: k.values.map(E), body: S(k.body) })) };
      default: return s;
    }
  };
  return S(f.body);
}

function rewrite(x: Expr, known: Map<string, ViewTable>): Expr {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === "type" || k === "cls") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map((y) => (y && typeof y === "object" && "e" in y ? rewrite(y as Expr, known) : y));
    else if (v && typeof v === "object" && "e" in v) out[k] = rewrite(v as Expr, known);
    else out[k] = v;
  }
  const y = out as Expr;
  if (y.e !== "viewcall" || y.view.e !== "local" || y.view.type.k !== "view") return y;
  const table = known.get(y.view.name);
  if (!table || table.view !== y.view.type.view) return y;
  const slot = table.view.slots.findIndex((s) => s.name === y.slot);
  const fn = slot >= 0 ? table.fns[slot] : undefined;
  if (!fn) return y;
  const self: Expr = { e: "viewobj", type: { k: "anyobj" }, x: y.view };
  return { e: "call", type: y.type, fn, args: [self, ...y.args] };
}

/** Locals of view type that hold an object of one known class for their whole life: name -> its view table. */
function knownLocals(f: Func, tables: Map<string, ViewTable>): Map<string, ViewTable> {
  const candidates = new Map<string, ViewTable | null>();
  const spoil = (name: string): void => void candidates.set(name, null);
  for (const param of f.params) spoil(param.name);
  const visitLet = (name: string, init: Expr | undefined): void => {
    if (candidates.has(name)) {
      const prev = candidates.get(name);
      if (!prev || init?.e !== "mkview" || init.table !== prev.cname) spoil(name);
      return;
    }
    const from = init?.e === "mkview" ? init.x.type : undefined;
    const table = init?.e === "mkview" ? tables.get(init.table) : undefined;
    if (table && from?.k === "class" && table.cls === from.cls) candidates.set(name, table);
    else spoil(name);
  };
  const stmts = (list: Stmt[]): void => {
    for (const s of list) {
      switch (s.s) {
        case "let":
          visitLet(s.name, s.type.k === "view" ? s.init : undefined);
          break;
        case "if":
          stmts(s.then);
          if (s.else) stmts(s.else);
          break;
        case "while":
        case "dowhile":
        case "block":
          stmts(s.body);
          break;
        case "for":
          stmts(s.init);
          stmts(s.body);
          break;
        case "switch":
          for (const c of s.cases) stmts(c.body);
          break;
      }
    }
  };
  stmts(f.body);
  walkExprs(f.body, (x, isAssignTarget) => {
    if (x.e === "local" && isAssignTarget) spoil(x.name);
    if ((x.e === "let" || x.e === "bind") && candidates.has(x.name)) spoil(x.name);
    if (x.e === "compound" || x.e === "addrof") {
      const target = x.e === "compound" ? x.target : x.x;
      if (target.e === "local") spoil(target.name);
    }
    if (x.e === "ptrop" || x.e === "atomic") for (const a of [x.e === "ptrop" ? x.ptr : x.target, ...x.args]) if (a?.e === "local") spoil(a.name);
  });
  const out = new Map<string, ViewTable>();
  for (const [name, table] of candidates) if (table) out.set(name, table);
  return out;
}
