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
import { type Func, walkExprs } from "../ir.ts";
import type { Lowerer } from "./context.ts";

const ALLOCATING = new Set(["alloc", "arraylit", "newarray", "concat", "new"]);

export function checkInterruptHandlers(l: Lowerer): void {
  const funcs = new Map<string, Func>(l.program.funcs.map((f) => [f.cname, f]));
  // Only the CPU calls an interrupt handler (it returns with iretq).
  for (const f of l.program.funcs) {
    walkExprs(f.body, (x) => {
      const target = x.e === "call" ? funcs.get(x.fn) : undefined;
      if (target?.interrupt) l.error("TSOS3011", l.funcNodes.get(target.cname)!, l.funcNodes.get(target.cname)!.getText());
    });
  }
  const calls = new Map<string, string[]>();
  const allocates = new Set<string>();
  for (const f of l.program.funcs) {
    const out: string[] = [];
    walkExprs(f.body, (x) => {
      if (x.e === "call") out.push(x.fn);
      if (x.e === "fnref") out.push(x.fn);
      if (ALLOCATING.has(x.e) || (x.e === "arraymethod" && x.method === "push") || (x.e === "tostr" && !x.onStack)) allocates.add(f.cname);
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
