/**
 * lower/handlers.ts: the rule that interrupt handlers never allocate.
 *
 * Input:  the lowered IR functions (after the work list is empty).
 * Output: TSOS3007 for every interrupt handler from which an allocating
 *         function is reachable through direct calls.
 * Invariants: the check is on the call graph at compile time, not at run
 *             time; calls through function values count as allocating only if
 *             their target allocates (the only function values are module-level
 *             functions, whose targets are all known).
 */
import type { Expr, Func, Stmt } from "../ir.ts";
import type { Lowerer } from "./context.ts";

const ALLOCATING = new Set(["alloc", "arraylit", "newarray", "concat", "tostr", "new"]);

function walk(list: Stmt[], visit: (x: Expr) => void): void {
  const ex = (x: Expr | undefined): void => {
    if (!x) return;
    visit(x);
    for (const [key, v] of Object.entries(x)) {
      if (key === "type" || key === "cls") continue;
      if (Array.isArray(v)) v.forEach((y) => y && typeof y === "object" && "e" in y && ex(y as Expr));
      else if (v && typeof v === "object" && "e" in v) ex(v as Expr);
    }
  };
  const st = (s: Stmt): void => {
    switch (s.s) {
      case "let": return ex(s.init);
      case "expr": return ex(s.x);
      case "print": return s.args.forEach(ex);
      case "if": ex(s.c); s.then.forEach(st); s.else?.forEach(st); return;
      case "while": case "dowhile": ex(s.c); s.body.forEach(st); return;
      case "for": s.init.forEach(st); ex(s.c); s.step.forEach(ex); s.body.forEach(st); return;
      case "return": return ex(s.x);
      case "block": return s.body.forEach(st);
      case "switch": ex(s.x); s.cases.forEach((c) => { c.values.forEach(ex); c.body.forEach(st); }); return;
    }
  };
  list.forEach(st);
}

export function checkInterruptHandlers(l: Lowerer): void {
  const funcs = new Map<string, Func>(l.program.funcs.map((f) => [f.cname, f]));
  const calls = new Map<string, string[]>();
  const allocates = new Set<string>();
  for (const f of l.program.funcs) {
    const out: string[] = [];
    walk(f.body, (x) => {
      if (x.e === "call") out.push(x.fn);
      if (x.e === "fnref") out.push(x.fn);
      if (ALLOCATING.has(x.e) || (x.e === "arraymethod" && x.method === "push")) allocates.add(f.cname);
    });
    calls.set(f.cname, out);
  }
  for (const handler of l.program.funcs.filter((f) => f.interrupt)) {
    const seen = new Set<string>();
    const stack = [handler.cname];
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name) || !funcs.has(name)) continue;
      seen.add(name);
      if (allocates.has(name)) {
        l.error("TSOS3007", l.funcNodes.get(handler.cname)!, l.funcNodes.get(handler.cname)!.getText(), l.funcNodes.get(name)?.getText() ?? name);
        break;
      }
      stack.push(...(calls.get(name) ?? []));
    }
  }
}
