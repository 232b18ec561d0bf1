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
 *         The same for a module-level `const` initialized once with such an
 *         object (`const config: Config = { ... }`), for its field slots.
 * Invariants: meaning never changes: the call goes to exactly the function
 *   the table holds, with the same arguments in the same order. A local
 *   qualifies only when every `let` of its name is initialized by a `mkview`
 *   of the same table and nothing else writes it (no assignment, compound
 *   assignment or address taken; a variable a closure shares is a cell, not
 *   a view, so it never qualifies). Runs after closures.ts's boxCaptured.
 */
import type { Expr, Func, Program, Stmt, ViewTable } from "../ir.ts";
import { mapStmtExprs, walkExprs } from "../ir.ts";

/** `f`'s body with calls through views of known class made direct (a new tree; `f` is not changed). */
export function devirtualize(f: Func, tables: Map<string, ViewTable>, globals: Map<string, ViewTable>, single: Map<string, ViewTable> = new Map()): Stmt[] {
  const locals = knownLocals(f, tables, globals);
  if (!locals.size && !globals.size && !single.size) return f.body;
  return mapStmtExprs(f.body, (x) => rewrite(x, locals, globals, single));
}

function rewrite(x: Expr, locals: Map<string, ViewTable>, globals: Map<string, ViewTable>, single: Map<string, ViewTable>): Expr {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === "type" || k === "cls") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map((y) => (y && typeof y === "object" && "e" in y ? rewrite(y as Expr, locals, globals, single) : y));
    else if (v && typeof v === "object" && "e" in v) out[k] = rewrite(v as Expr, locals, globals, single);
    else out[k] = v;
  }
  const y = out as Expr;
  if (y.e !== "viewcall" || y.view.type.k !== "view") return y;
  const named = y.view.e === "local" || y.view.e === "global" ? (y.view.e === "local" ? locals : globals).get(y.view.name) : undefined;
  // A view that only one class is ever seen through: its field slots, whatever the receiver (singleClassViews).
  const table = named && named.view === y.view.type.view ? named : single.get(y.view.type.view.cname);
  if (!table || table.view !== y.view.type.view) return y;
  const slot = table.view.slots.findIndex((s) => s.name === y.slot);
  const fn = slot >= 0 ? table.fns[slot] : undefined;
  if (!fn) return y;
  const self: Expr = { e: "viewobj", type: { k: "anyobj" }, x: y.view };
  return { e: "call", type: y.type, fn, args: [self, ...y.args] };
}

/**
 * Locals of view type that hold an object of one known class for their whole
 * life: name -> its view table. Their initializer is a `mkview`, or a known
 * global (a temporary the evaluation order made of it: its table keeps only
 * the global's field slots).
 */
function knownLocals(f: Func, tables: Map<string, ViewTable>, globals: Map<string, ViewTable>): Map<string, ViewTable> {
  const candidates = new Map<string, ViewTable | null>();
  const spoil = (name: string): void => void candidates.set(name, null);
  for (const param of f.params) spoil(param.name);
  const tableOf = (init: Expr | undefined): ViewTable | undefined => {
    if (init?.e === "global") return globals.get(init.name);
    if (init?.e !== "mkview" || init.x.type.k !== "class") return undefined;
    const table = tables.get(init.table);
    return table?.cls === init.x.type.cls ? table : undefined;
  };
  const visitLet = (name: string, init: Expr | undefined): void => {
    const table = tableOf(init);
    if (!table || (candidates.has(name) && candidates.get(name) !== table)) spoil(name);
    else candidates.set(name, table);
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
    if (x.e === "let") visitLet(x.name, x.init.type.k === "view" ? x.init : undefined);
    if (x.e === "bind") visitLet(x.name, x.value.type.k === "view" ? x.value : undefined);
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

/**
 * Module-level `const`s of view type that hold an object of one known class
 * once initialized: name -> the (class, view) table. A global qualifies when
 * its only write is one assignment, in a module init function, of a `mkview`.
 * Only its field slots are called directly (a thunk that reads or writes a
 * field of the object): before the initialization runs the object pointer is
 * NULL, and the direct call then faults just as the call through the NULL
 * table did, instead of running a method that might not touch the object.
 */
export function knownGlobals(p: Program, tables: Map<string, ViewTable>): Map<string, ViewTable> {
  const consts = new Set(p.globals.filter((g) => g.isConst && g.type.k === "view").map((g) => g.cname));
  const inits = new Set(p.inits);
  const found = new Map<string, ViewTable | null>();
  for (const f of p.funcs) {
    walkExprs(f.body, (x) => {
      const target = x.e === "assign" || x.e === "compound" ? x.target : x.e === "addrof" ? x.x : undefined;
      if (target?.e === "global" && consts.has(target.name)) {
        const table = x.e === "assign" && x.value.e === "mkview" && inits.has(f.cname) ? tables.get(x.value.table) : undefined;
        const from = x.e === "assign" && x.value.e === "mkview" ? x.value.x.type : undefined;
        const fits = table && from?.k === "class" && table.cls === from.cls;
        found.set(target.name, found.has(target.name) || !fits ? null : table);
      }
      if (x.e === "ptrop" || x.e === "atomic") for (const a of [x.e === "ptrop" ? x.ptr : x.target, ...x.args]) if (a?.e === "global") found.set(a.name, null);
    });
  }
  const thunks = new Map(p.funcs.map((f) => [f.cname, f]));
  const out = new Map<string, ViewTable>();
  for (const [name, table] of found) {
    if (!table) continue;
    const fieldsOnly: ViewTable = { ...table, fns: table.fns.map((fn) => (isFieldThunk(thunks.get(fn)) ? fn : "")) };
    out.set(name, fieldsOnly);
  }
  return out;
}

/**
 * The views that exactly one class is ever seen through (one table in the
 * whole program: every value of the view, however it was made or converted,
 * holds that table): view -> the table with only its field slots. A call of a
 * field slot through such a view reads or writes the field directly, as
 * `o.price` on a class would (bench pipeline's `Order`). Only field slots: a
 * view that holds no object (zeroed storage) then faults on the field access
 * just as the call through its NULL table did, where a method might run.
 */
export function singleClassViews(p: Program): Map<string, ViewTable> {
  const byView = new Map<string, ViewTable[]>();
  for (const t of p.viewTables) byView.set(t.view.cname, [...(byView.get(t.view.cname) ?? []), t]);
  const thunks = new Map(p.funcs.map((f) => [f.cname, f]));
  const out = new Map<string, ViewTable>();
  for (const [view, tables] of byView) {
    if (tables.length !== 1) continue;
    const table = tables[0]!;
    out.set(view, { ...table, fns: table.fns.map((fn) => (isFieldThunk(thunks.get(fn)) ? fn : "")) });
  }
  return out;
}

/** Whether a table function only reads or writes a field of its object (`return self->x;` / `self->x = a0; return;`). */
function isFieldThunk(f: Func | undefined): boolean {
  if (!f) return false;
  const [first, second] = f.body;
  if (f.body.length === 1 && first?.s === "return") return first.x?.e === "field" && isSelf(first.x.obj);
  if (f.body.length === 2 && first?.s === "expr" && second?.s === "return" && !second.x) {
    const x = first.x;
    return x.e === "assign" && x.target.e === "field" && isSelf(x.target.obj) && x.value.e === "local";
  }
  return false;
}

function isSelf(x: Expr): boolean {
  while (x.e === "convert") x = x.x;
  return x.e === "local" && x.name === "self";
}
