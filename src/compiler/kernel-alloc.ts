/**
 * kernel-alloc.ts: kernel code that would allocate before a heap exists.
 *
 * Kernel allocation goes through the allocator the kernel installs with
 * setGlobalAllocator once it has mapped its heap (runtime/tsos_alloc.h,
 * blog_os posts 10-11); before that, every allocation panics. Two rules make
 * that failure clear:
 *  - At compile time, where it is certain: a string built on the heap (a
 *    concatenation, or a number turned into a string) by a module's
 *    top-level code runs while the modules initialize, before any function
 *    could have installed an allocator (module initialization comes first,
 *    kernel_main calls the inits in order): TSOS1190 at that statement.
 *    (Objects created at module level are static, not heap allocations: they
 *    are not refused.) The rule stops at the first statement that calls
 *    setGlobalAllocator, directly or through the functions it calls: what
 *    follows may have a heap.
 *  - At run time, everywhere else: runtime string functions allocate without
 *    a location of their own, so generated kernel code names the statement
 *    in `tsos_alloc_site` just before such a call, and the panic reads
 *    `panicked at kernel/x.ts:12:3: allocation before the heap is initialized`
 *    instead of `<runtime>:0:0`; an out-of-memory panic names it too.
 * Input:  the lowered program (its module init functions) and the TypeScript
 *         source files; for the emitter, the statement being emitted.
 * Output: diagnostics; C expressions with the allocation site set.
 * Invariants: hosted code is untouched (emit-alloc.ts names hosted sites in
 *             leak-checking builds).
 */
import ts from "typescript";
import { diag } from "./diagnostics.ts";
import { type Expr, type Program, type Stmt, childExprs, walkExprs } from "./ir.ts";
import type { Lowerer } from "./lower/context.ts";
import { SET_ALLOCATOR_FN } from "./emit-alloc.ts";

/** Kernel target, or a hosted program that installs an allocator: `c` (a runtime call that may allocate) with the current statement named as its allocation site (for the panics of a failed allocation). */
export function kernelAllocSite(p: Program, stmtLoc: number, c: string): string {
  if ((p.target !== "kernel" && !p.installsAllocator) || stmtLoc < 0) return c;
  return `(tsos_alloc_site = &tsos_locs[${stmtLoc}], ${c})`;
}

/** A string built on the heap: what TSOS1190 refuses in module initialization. */
function buildsHeapString(x: Expr): boolean {
  if (x.e === "concat" || x.e === "strpad" || (x.e === "tostr" && !x.onStack)) return true;
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

/** The functions that install a global allocator, directly or through the functions they call. */
function installers(p: Program): Set<string> {
  const calls = new Map<string, Set<string>>();
  for (const f of p.funcs) {
    const out = new Set<string>();
    walkExprs(f.body, (x) => {
      if (x.e === "call") out.add(x.fn);
    });
    calls.set(f.cname, out);
  }
  const found = new Set<string>([SET_ALLOCATOR_FN]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [f, out] of calls) if (!found.has(f) && [...out].some((g) => found.has(g))) (found.add(f), (changed = true));
  }
  return found;
}

/** TSOS1190 for each statement of a module's initialization that builds a string on the heap, up to the installation of an allocator. */
export function checkInitAllocations(l: Lowerer): void {
  const files = new Map<string, ts.SourceFile>();
  for (const sf of l.moduleNames.keys()) files.set(sf.fileName, sf);
  const byName = new Map(l.program.funcs.map((f) => [f.cname, f]));
  const install = installers(l.program);
  const installs = (s: Stmt): boolean => {
    let found = false;
    walkExprs([s], (x) => {
      if (x.e === "call" && install.has(x.fn)) found = true;
    });
    return found;
  };
  let heap = false;
  // Module initializers run in this order; once one has installed an allocator, allocation may succeed.
  for (const init of l.program.inits) {
    const f = byName.get(init);
    if (!f) continue;
    const visit = (s: Stmt): void => {
      if (heap) return;
      if ("loc" in s && ownExprs(s).some(buildsHeapString)) report(l, files, s.loc);
      else nested(s).forEach(visit);
      if (installs(s)) heap = true;
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
