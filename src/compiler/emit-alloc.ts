/**
 * emit-alloc.ts: the C of allocation: which allocation path a program is
 * built with, and the type names the leak report groups blocks by.
 *
 * Input:  the IR Program (its `memoryChecks`, set by compile.ts from the
 *         command line) and, for emit-program.ts, whether a reachable
 *         function installs an allocator.
 * Output: the mode macros written before the runtime include
 *         (runtime/tsos_alloc.h reads them), allocation calls naming their
 *         type in leak-checking builds, the statement-site store of
 *         leak-checking builds, and the C of `setGlobalAllocator(a)`.
 * Invariants: a build without memory checks and without setGlobalAllocator
 *             emits exactly the C it emitted before the allocator existed
 *             (`tsos_alloc(size, loc)`, no macros): its allocation path is
 *             calloc, decided here at compile time.
 */
import type { ClassInst, Program } from "./ir.ts";

/** What `tsos exec --check-leaks` / `--check-frees` turn on (runtime/tsos_alloc.h). */
export type MemoryChecks = NonNullable<Program["memoryChecks"]>;

/** The C runtime function setGlobalAllocator lowers to (lower/global-allocator.ts). */
export const SET_ALLOCATOR_FN = "tsos_set_global_allocator";

/** The `#define`s before the runtime include. */
export function memoryModeDefines(p: Program, installsAllocator: boolean): string[] {
  const out: string[] = [];
  if (installsAllocator && p.target === "host") out.push("#define TSOS_GLOBAL_ALLOCATOR 1");
  if (p.memoryChecks?.leaks) out.push("#define TSOS_CHECK_LEAKS 1");
  if (p.memoryChecks?.frees) out.push("#define TSOS_CHECK_FREES 1");
  return out;
}

/** `tsos_alloc(size, loc)`; in a leak-checking build, naming the block's type for the report. */
export function allocCall(p: Program, size: string, loc: string, kind: string): string {
  if (!p.memoryChecks?.leaks) return `tsos_alloc(${size}, ${loc})`;
  return `tsos_alloc_as(${size}, ${loc}, ${JSON.stringify(kind)})`;
}

/** The type name of a class's blocks in the leak report: its class descriptor's name. */
export function classKind(c: ClassInst): string {
  return c.literal ? "Object" : c.tsName.replace(/<.*$/, "");
}

/** Leak-checking builds: each statement names itself as the site of what runtime functions allocate without a location. */
export function statementSite(p: Program, loc: number): string | undefined {
  if (!p.memoryChecks?.leaks || p.target !== "host" || loc < 0) return undefined;
  return `tsos_alloc_site = &tsos_locs[${loc}];`;
}
