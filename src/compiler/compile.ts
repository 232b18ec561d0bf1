/**
 * compile.ts: the pipeline, TypeScript -> C.
 *
 *   load (tsc parse + check) -> check (dialect) -> lower (typed IR) -> emit-program / emit-c
 *
 * Input:  an entry file and a target.
 * Output: C source text, or a CompileError carrying every diagnostic found.
 * Invariants: any exception other than CompileError that escapes a stage is
 *             a compiler bug; it is reported as TSOS9001, never as a stack
 *             trace on the user's screen.
 */
import { checkDialect } from "./check.ts";
import { CompileError, type Diagnostic, diag } from "./diagnostics.ts";
import { emitC } from "./emit-program.ts";
import { createProgram, displayPath, load, loadEntry } from "./load.ts";
import { lowerProgram } from "./lower/module.ts";
import { type RcStats, lastRcStats } from "./rc.ts";
import { specializeCallbacks } from "./specialize.ts";

export type Target = "host" | "kernel";

export interface CompileOptions {
  target: Target;
  /** Kernel: a `tsos test` build (TEST_BUILD is true, @test functions are collected). */
  test?: boolean;
  /** Kernel: the heap allocator the kernel installs (HEAP_ALLOCATOR; `tsos build/test --allocator`), default fixed-block. */
  allocator?: HeapAllocatorName;
  /** Hosted debug builds: `--check-leaks`, `--check-frees` (emit-alloc.ts). */
  memoryChecks?: { leaks?: boolean; frees?: boolean };
}

/** The kernel heap's allocator designs (lib/alloc, blog_os post 11). */
export type HeapAllocatorName = "bump" | "linked-list" | "fixed-block";

/**
 * Several entries compiled from one TypeScript program: shared modules are
 * parsed and type-checked once (`tsos test` builds a kernel per test).
 */
export function compileSession(entryFiles: string[]) {
  const program = createProgram(entryFiles);
  return {
    compile(entryFile: string, options: CompileOptions): { c: string } {
      return compileLoaded(() => loadEntry(program, entryFile), options);
    },
  };
}

export function compileToC(entryFile: string, options: CompileOptions): { c: string; rcStats?: RcStats } {
  return compileLoaded(() => load(entryFile), options);
}

function compileLoaded(loader: () => ReturnType<typeof load>, options: CompileOptions): { c: string; rcStats?: RcStats } {
  try {
    const { loaded, diagnostics } = loader();
    if (!loaded) throw new CompileError(diagnostics);
    // TypeScript's errors and the dialect's are reported together; lowering
    // needs a program free of both.
    const dialect = checkDialect(loaded.modules, options.target);
    if (diagnostics.length || dialect.length) throw new CompileError([...diagnostics, ...dialect]);
    const program = lowerProgram(loaded, options.target, options.test ?? false, options.allocator ?? "fixed-block");
    if (options.memoryChecks && options.target === "host") program.memoryChecks = options.memoryChecks;
    specializeCallbacks(program);
    return { c: emitC(program, { entryDisplay: displayPath(loaded.entry.fileName) }), rcStats: lastRcStats() };
  } catch (e) {
    if (e instanceof CompileError) {
      // A generic body lowered once per instantiation reports its errors once.
      const seen = new Set<string>();
      e.diagnostics.splice(0, e.diagnostics.length, ...e.diagnostics.filter((d) => {
        const key = `${d.code}|${d.span?.file}|${d.span?.start}|${d.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
      }));
      e.diagnostics.sort(byPosition);
      throw e;
    }
    if (process.env.TSOS_DEBUG_ICE) console.error(e);
    const message = e instanceof Error ? e.message : String(e);
    throw new CompileError([diag("TSOS9001", undefined, message)]);
  }
}

/** Diagnostics in file order, then by position; those without a location last. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (!a.span || !b.span) return (a.span ? 0 : 1) - (b.span ? 0 : 1);
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start - b.span.start;
}
