/**
 * fuzz/shrink.ts: delta debugging of a failing program down to a small
 * reproducer.
 *
 * Input:  a Program, the Outcome it failed with, run options.
 * Output: the smallest Program found that still fails the same way (a
 *         mismatch stays a mismatch; a crash keeps its kind and code), with
 *         its Outcome and the number of candidate programs tried.
 * Invariants:
 *   - Candidates are made only by ast.ts edits (delete a block item, take an
 *     alternative the generator offered), which keep the semantics shared by
 *     Node and the dialect; a candidate that no longer compiles (a deleted
 *     declaration still in use) simply does not count as failing.
 *   - Candidates are tried many at a time in one compiled batch (run.ts);
 *     every edit that keeps the failure is kept, greedily, in one pass, and
 *     passes repeat until none helps or the budget runs out.
 *   - The custom `failing` predicate (tests) replaces running the programs.
 */
import { applyEdits, listEdits, type Edit, type Program } from "./ast.ts";
import { runPrograms, type Outcome, type RunOptions } from "./run.ts";

export interface ShrinkOptions extends RunOptions {
  /** Candidates compiled together. */
  batch?: number;
  /** Stop after this many milliseconds (the best program so far is kept). */
  budgetMs?: number;
  /** Test hook: decide failure without compiling (must match `sameFailure`'s meaning). */
  evaluate?: (progs: Program[]) => Promise<Outcome[]>;
}

export function sameFailure(a: Outcome, b: Outcome): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "mismatch") return true;
  return a.code === b.code;
}

export async function shrink(prog: Program, failure: Outcome, opts: ShrinkOptions): Promise<{ program: Program; outcome: Outcome; tests: number }> {
  const evaluate = opts.evaluate ?? ((ps: Program[]) => runPrograms(ps, opts));
  const batch = opts.batch ?? 32;
  const deadline = Date.now() + (opts.budgetMs ?? 240_000);
  let current = prog;
  let outcome = failure;
  let tests = 0;
  for (let pass = 0; pass < 30; pass++) {
    let progress = false;
    const edits = listEdits(current);
    for (let at = 0; at < edits.length && Date.now() < deadline; at += batch) {
      const chunk = edits.slice(at, at + batch);
      const candidates = chunk.map((e) => applyEdits(current, [e]));
      const results = await evaluate(candidates);
      tests += candidates.length;
      const good: Edit[] = [];
      let firstGood = -1;
      results.forEach((r, k) => {
        if (sameFailure(r, failure)) {
          good.push(chunk[k]!);
          if (firstGood < 0) firstGood = k;
        }
      });
      if (!good.length) continue;
      progress = true;
      if (good.length === 1) {
        current = candidates[firstGood]!;
        outcome = results[firstGood]!;
        continue;
      }
      // Several edits each keep the failure; try them all at once.
      const combined = applyEdits(current, good);
      const [r] = await evaluate([combined]);
      tests++;
      if (r && sameFailure(r, failure)) {
        current = combined;
        outcome = r;
      } else {
        current = candidates[firstGood]!;
        outcome = results[firstGood]!;
      }
    }
    if (!progress || Date.now() >= deadline) break;
  }
  return { program: current, outcome, tests };
}
