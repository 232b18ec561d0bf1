/**
 * kernel-alloc.ts: kernel code that would allocate before a heap exists.
 *
 * The kernel has no heap yet (blog_os posts 10-11 are ahead), so every
 * allocation in kernel code panics (runtime/tsos_kernel.h tsos_alloc). Two
 * rules make that failure clear:
 *  - At compile time, where it is certain: a string built on the heap (a
 *    concatenation, or a number turned into a string) by a module's
 *    top-level code runs while the modules initialize, before anything could
 *    have set up a heap: TSOS1190 at that statement. (Objects created at
 *    module level are static, not heap allocations: they are not refused.)
 *  - At run time, everywhere else: runtime string functions allocate without
 *    a location of their own, so generated kernel code names the statement
 *    in `tsos_alloc_site` just before such a call, and the panic reads
 *    `panicked at kernel/x.ts:12:3: allocation before the heap is initialized`
 *    instead of `<runtime>:0:0`.
 * Input:  the lowered program (its module init functions) and the TypeScript
 *         source files; for the emitter, the statement being emitted.
 * Output: diagnostics; C expressions with the allocation site set.
 * Invariants: hosted code is untouched (its heap is malloc). When the kernel
 *             gets a heap, the compile-time rule must stop at its set-up.
 */
import ts from "typescript";
import { diag } from "./diagnostics.ts";
import { type Expr, type Program, type Stmt, childExprs } from "./ir.ts";
import type { Lowerer } from "./lower/context.ts";

/** Kernel target: `c` (a runtime call that may allocate) with the current statement named as its allocation site. */
export function kernelAllocSite(p: Program, stmtLoc: number, c: string): string {
  if (p.target !== "kernel" || stmtLoc < 0) return c;
  return `(tsos_alloc_site = &tsos_locs[${stmtLoc}], ${c})`;
}

/** A string built on the heap: what TSOS1190 refuses in module initialization. */
function buildsHeapString(x: Expr): boolean {
  if (x.e === "concat" || (x.e === "tostr" && !x.onStack)) return true;
  return childExprs(x).some((c) => buildsHeapString(c.x));
}

/** The expressions a statement evaluates itself (not those of statements nested in it). */
function ownExprs(s: Stmt): Expr[] {
  switch (s.s) {
    case "let":
      return s.init ? [s.init] : [];
    case "expr":
      return [s.x];
    case "print":
      return s.args;
    case "if":
    case "while":
    case "dowhile":
      return [s.c];
    case "for":
      return [...(s.c ? [s.c] : []), ...s.step];
    case "return":
      return s.x ? [s.x] : [];
    case "switch":
      return [s.x, ...s.cases.flatMap((c) => c.values)];
    default:
      return [];
  }
}

function nested(s: Stmt): Stmt[] {
  switch (s.s) {
    case "if":
      return [...s.then, ...(s.else ?? [])];
    case "while":
    case "dowhile":
    case "block":
      return s.body;
    case "for":
      return [...s.init, ...s.body];
    case "switch":
      return s.cases.flatMap((c) => c.body);
    default:
      return [];
  }
}

/** TSOS1190 for each statement of a module's initialization that builds a string on the heap. */
export function checkInitAllocations(l: Lowerer): void {
  const inits = new Set(l.program.inits);
  const files = new Map<string, ts.SourceFile>();
  for (const sf of l.moduleNames.keys()) files.set(sf.fileName, sf);
  for (const f of l.program.funcs) {
    if (!inits.has(f.cname)) continue;
    const visit = (s: Stmt): void => {
      if ("loc" in s && ownExprs(s).some(buildsHeapString)) report(l, files, s.loc);
      else nested(s).forEach(visit);
    };
    f.body.forEach(visit);
  }
}

/** The diagnostic at the source position of loc `i` (spanning the rest of its line). */
function report(l: Lowerer, files: Map<string, ts.SourceFile>, i: number): void {
  const loc = l.program.locs[i]!;
  const sf = [...files.values()].find((f) => f.fileName.endsWith(loc.file));
  if (sf === undefined) return;
  const start = sf.getPositionOfLineAndCharacter(loc.line - 1, loc.col - 1);
  const lineEnd = sf.text.indexOf("\n", start);
  const length = Math.max(1, (lineEnd < 0 ? sf.text.length : lineEnd) - start);
  l.diagnostics.push(diag("TSOS1190", { file: loc.file, text: sf.text, start, length }));
}
