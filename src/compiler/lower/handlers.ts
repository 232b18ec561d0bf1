/**
 * lower/handlers.ts: the rule that only the CPU calls an interrupt handler.
 *
 * Input:  the lowered IR functions (after the work list is empty).
 * Output: TSOS3011 for every direct call of an interrupt handler (it returns
 *         with iretq). That handlers never allocate is lower/no-alloc.ts.
 */
import { type Func, walkExprs } from "../ir.ts";
import type { Lowerer } from "./context.ts";

export function checkInterruptHandlers(l: Lowerer): void {
  const funcs = new Map<string, Func>(l.program.funcs.map((f) => [f.cname, f]));
  // Only the CPU calls an interrupt handler (it returns with iretq).
  for (const f of l.program.funcs) {
    walkExprs(f.body, (x) => {
      const target = x.e === "call" ? funcs.get(x.fn) : undefined;
      if (target?.interrupt) l.error("TSOS3011", l.funcNodes.get(target.cname)!, l.funcNodes.get(target.cname)!.getText());
    });
  }
}
