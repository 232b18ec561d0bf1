/**
 * compiler/rc-unwind.ts: which calls may return with an exception pending
 * (hosted programs), for exceptions that unwind by returning.
 *
 * Input:  the program after lowering, before reference counting (rc.ts).
 * Output: `mayThrow`: the functions that may return with an exception
 *         pending, and whether calls through function values and interface
 *         tables may; `mayThrowCall` answers it for one call expression.
 *         rc.ts gives such calls the statement's unwind label, and the
 *         emitter (emit-c.ts) tests `tsos_pending` after each of them.
 * Invariants:
 *   - A function may throw when its body throws (a `tsos_throw` statement,
 *     lower/exceptions.ts throwValue), or calls one that may: a least
 *     fixpoint over the call graph, so recursion adds nothing by itself.
 *   - A call through a function value may throw when the program makes a
 *     function value of something other than its own functions, or one of
 *     the functions it makes values of may throw; a call through an
 *     interface table when one of the tables' functions may. The runtime's
 *     string forms of `unknown` values (DYN_CALLERS) call the program's
 *     through tables of their own (lower/dynamic.ts): they may throw when
 *     one of those functions may.
 *   - Over-approximation is safe (one more test of a flag that is false);
 *     a call left out would run on after an exception, so every kind of
 *     call the IR has is covered here.
 */
import type { Expr, Program } from "./ir.ts";
import { childExprs, walkExprs } from "./ir.ts";

export interface MayThrow {
  fns: Set<string>;
  callptr: boolean;
  viewcall: boolean;
  dyn: boolean;
}

/** Runtime helpers (runtime/tsos_dyn.h) that call a function of the program: an `unknown` value's string forms. */
const DYN_CALLERS = new Set(["tsos_dyn_to_str", "tsos_dyn_show_other", "tsos_dyn_json"]);

/** Whether the call `x` may return with an exception pending. */
export function mayThrowCall(m: MayThrow | undefined, x: Expr): boolean {
  if (!m) return false;
  switch (x.e) {
    case "call":
      return m.fns.has(x.fn) || (m.dyn && DYN_CALLERS.has(x.fn));
    case "new":
      return m.fns.has(x.init);
    case "callptr":
      return m.callptr;
    case "viewcall":
      return m.viewcall;
    default:
      return false;
  }
}

/** Whether evaluating `x` (the expression and everything in it) may return with an exception pending. */
export function mayThrowWithin(m: MayThrow | undefined, x: Expr): boolean {
  return mayThrowCall(m, x) || childExprs(x).some((c) => mayThrowWithin(m, c.x));
}

/** The functions (and kinds of indirect call) of a hosted program that may return with an exception pending; undefined when nothing throws. */
export function mayThrowOf(p: Program): MayThrow | undefined {
  if (p.target !== "host") return undefined;
  const throws = new Set<string>();
  const callers = new Map<string, Set<string>>();
  const valueTargets = new Set<string>();
  let foreignValues = false;
  const funcs = new Set(p.funcs.map((f) => f.cname));
  const edge = (callee: string, caller: string): void => {
    let s = callers.get(callee);
    if (!s) callers.set(callee, (s = new Set()));
    s.add(caller);
  };
  for (const f of p.funcs) {
    walkExprs(f.body, (x) => {
      if (x.e === "call" && x.fn === "tsos_throw") throws.add(f.cname);
      else if (x.e === "call") edge(DYN_CALLERS.has(x.fn) ? "#dyn" : x.fn, f.cname);
      else if (x.e === "new") edge(x.init, f.cname);
      else if (x.e === "callptr") edge("#callptr", f.cname);
      else if (x.e === "viewcall") edge("#viewcall", f.cname);
      if (x.e === "fnref" || x.e === "closure") {
        valueTargets.add(x.fn);
        if (!funcs.has(x.fn)) foreignValues = true;
      }
    });
  }
  if (!throws.size) return undefined;
  for (const g of p.globals) for (const e of g.staticObject?.elems ?? []) walkExprs([{ s: "expr", x: e, loc: 0 }], (x) => { if (x.e === "fnref" || x.e === "closure") valueTargets.add(x.fn); });
  // Indirect calls reach these functions.
  const reaches = new Map<string, string[]>([
    ["#callptr", [...valueTargets]],
    ["#viewcall", p.viewTables.flatMap((t) => t.fns)],
    ["#dyn", (p.dynTypes ?? []).flatMap((d) => [d.show, d.str, ...(d.json ? [d.json] : [])])],
  ]);
  const out = new Set<string>();
  const work = [...throws];
  if (foreignValues) work.push("#callptr");
  while (work.length) {
    const f = work.pop()!;
    if (out.has(f)) continue;
    out.add(f);
    for (const c of callers.get(f) ?? []) if (!out.has(c)) work.push(c);
    for (const [kind, targets] of reaches) if (!out.has(kind) && targets.includes(f)) work.push(kind);
  }
  return { fns: out, callptr: out.has("#callptr"), viewcall: out.has("#viewcall"), dyn: out.has("#dyn") };
}
