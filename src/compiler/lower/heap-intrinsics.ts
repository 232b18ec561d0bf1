/**
 * lower/heap-intrinsics.ts: `refCount(obj)` and `addressOf(obj)`, the
 * kernel's view of a counted object on its heap (lib/kernel.d.ts; blog_os
 * post 10's `Rc::strong_count` and `{:p}`).
 *
 * Input:  the call; its argument must be a class instance the compiler
 *         counts (a class with an object header: not a layout struct, which
 *         has `Ptr.to`).
 * Output: a read of the object's count word (`tsos_ref_count`) or of its
 *         address (`tsos_object_address`), both u64, from
 *         runtime/tsos_kernel.h. compiler/rc.ts treats both as reading their
 *         argument at once: the call itself holds no reference.
 * Invariants: the count is the references compiler/rc.ts counts, so it is
 *         the program's references minus those the pass proves it need not
 *         count (a borrowed local holds none); a module-level object reports
 *         a count above 2^62 (TSOS_RC_STATIC: it is never freed). Never
 *         negative, never 0 for a live object.
 */
import ts from "typescript";
import { type Expr, T } from "../ir.ts";
import { counted } from "../rc.ts";
import type { Lowerer } from "./context.ts";
import { lowerExpr } from "./expr.ts";
import { typeName } from "./types.ts";

/** The runtime functions the intrinsics lower to: compiler/rc.ts lets them read their argument without a reference. */
export const HEAP_INTRINSIC_FNS = new Set(["tsos_ref_count", "tsos_object_address"]);

const FNS: Record<string, string> = { refCount: "tsos_ref_count", addressOf: "tsos_object_address" };

/** A call of refCount or addressOf; undefined for any other builtin. */
export function heapIntrinsicCall(l: Lowerer, name: string, call: ts.CallExpression): Expr | undefined {
  const fn = FNS[name];
  if (!fn) return undefined;
  if (l.target !== "kernel") return l.fail("TSOS3003", call.expression, name);
  const argNode = call.arguments[0];
  if (!argNode || call.arguments.length !== 1) return l.fail("TSOS1300", call, name, "no argument");
  const x = lowerExpr(l, argNode);
  const t = x.type.k === "nullable" ? undefined : x.type;
  if (!t || t.k !== "class" || !counted(t)) return l.fail("TSOS1300", argNode, name, `\`${typeName(x.type)}\``);
  return { e: "call", type: T.int("u64"), fn, args: [x] };
}
