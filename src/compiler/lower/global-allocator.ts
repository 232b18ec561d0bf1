/**
 * lower/global-allocator.ts: `setGlobalAllocator(a)`, and the hosted
 * `systemAlloc`/`systemFree` an installed allocator can build on
 * (docs/language.md section 11, "The global allocator").
 *
 * Input:  the call; its argument is any value TypeScript accepts as a
 *         GlobalAllocator (a class instance, an interface value).
 * Output: the runtime call `tsos_set_global_allocator(view, loc)`
 *         (runtime/tsos_alloc.h): the argument converted to the
 *         GlobalAllocator view, whose table's `m_alloc` and `m_free` slots
 *         the runtime calls for every later allocation and free. Its
 *         presence in a reachable function is what makes emit-program.ts
 *         build a hosted program with TSOS_GLOBAL_ALLOCATOR (emit-alloc.ts).
 * Invariants: the view's methods take and return usize (uint64_t), the
 *             types of the runtime's function pointers; the object is held
 *             by the runtime for the rest of the program (a module-level
 *             allocator is static; a heap one must never be freed).
 */
import ts from "typescript";
import { type Expr, T } from "../ir.ts";
import { SET_ALLOCATOR_FN } from "../emit-alloc.ts";
import type { Lowerer } from "./context.ts";
import { coerce, lowerExpr } from "./expr.ts";
import { irType } from "./types.ts";

/** The C library's allocator, for hosted allocators written in the dialect (runtime/tsos_alloc.h). */
const SYSTEM_FNS: Record<string, string> = { systemAlloc: "tsos_system_alloc", systemFree: "tsos_system_free" };

/** A call of setGlobalAllocator, systemAlloc, systemFree or collectCycles; undefined for any other builtin. */
export function allocatorCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  if (name === "setGlobalAllocator") return setGlobalAllocatorCall(l, call);
  if (name === "collectCycles") {
    // runtime/tsos_cycles.h: one step over at most `maxRoots` possible roots, or (without it) every root.
    const maxRoots = call.arguments[0];
    if (!maxRoots) return { e: "call", type: T.void, fn: "tsos_collect_cycles", args: [] };
    return { e: "call", type: T.void, fn: "tsos_collect_cycles_step", args: [coerce(l, lowerExpr(l, maxRoots, T.number), T.number, maxRoots)] };
  }
  const fn = SYSTEM_FNS[name];
  if (!fn) return undefined;
  if (l.target !== "host") l.fail("TSOS1290", call.expression, name);
  const usize = T.int("usize");
  const args = call.arguments.map((a) => coerce(l, lowerExpr(l, a, usize), usize, a));
  return { e: "call", type: name === "systemAlloc" ? usize : T.void, fn, args };
}

function setGlobalAllocatorCall(l: Lowerer, call: ts.CallExpression): Expr {
  const argNode = call.arguments[0]!;
  const param = l.checker.getResolvedSignature(call)?.getParameters()[0];
  const t = param ? irType(l, l.checker.getTypeOfSymbolAtLocation(param, call), call) : undefined;
  if (t?.k !== "view" || !["m_alloc", "m_free"].every((slot) => t.view.slots.some((s) => s.name === slot))) {
    return l.fail("TSOS9001", call, "setGlobalAllocator's parameter is not the GlobalAllocator interface of lib/tsos.d.ts");
  }
  const allocator = coerce(l, lowerExpr(l, argNode, t), t, argNode);
  return { e: "call", type: T.void, fn: SET_ALLOCATOR_FN, args: [allocator, { e: "callerloc", type: { k: "loc" }, loc: l.loc(call) }] };
}
