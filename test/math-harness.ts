/**
 * test/math-harness.ts: runs the Math differential program
 * (test/fixtures/math/diff-program.ts) natively and under Node and compares them.
 *
 * Input:  arguments per range and a seed.
 * Output: per function: arguments compared, differing blocks, and (from a
 *         detail run of each differing block) the differing arguments.
 * Invariants: both runs see the same arguments (the program derives them
 *             with exact arithmetic), so any differing line is a result that
 *             differs from Node's in at least one bit.
 */
import path from "node:path";
import { compileToC } from "../src/compiler/compile.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import { ROOT, run, runUnderNode } from "./helpers.ts";

export const PROGRAM = "test/fixtures/math/diff-program.ts";

export interface FunctionReport {
  fn: string;
  compared: number;
  differingBlocks: string[];
  /** "range index argument(s) node-result native-result" for each differing argument. */
  differences: string[];
}

/** Compile the program and run it both ways with `count` arguments per range. */
export async function compareWithNode(count: number, seed: number, timeoutMs: number): Promise<FunctionReport[]> {
  process.chdir(ROOT);
  const exe = path.join(ROOT, "build/test/math-diff");
  await gccHostAsync(compileToC(PROGRAM, { target: "host" }).c, exe, { opt: "-O2" });
  const args = [String(count), String(seed)];
  const [native, node] = await Promise.all([run(exe, args, { timeoutMs }), runUnderNode(PROGRAM, args)]);
  if (native.status !== 0) throw new Error(`native run failed: ${native.stderr}`);
  if (node.status !== 0) throw new Error(`node run failed: ${node.stderr}`);
  const nativeLines = native.stdout.trimEnd().split("\n");
  const nodeLines = node.stdout.trimEnd().split("\n");
  if (nativeLines.length !== nodeLines.length) throw new Error(`native printed ${nativeLines.length} lines, node ${nodeLines.length}`);
  const reports = new Map<string, FunctionReport>();
  for (let i = 0; i < nodeLines.length; i++) {
    const [fn, range, block, size] = nodeLines[i]!.split(" ");
    const r = reports.get(fn!) ?? { fn: fn!, compared: 0, differingBlocks: [], differences: [] };
    reports.set(fn!, r);
    r.compared += Number(size);
    if (nativeLines[i] !== nodeLines[i]) r.differingBlocks.push(`${range} ${block}`);
  }
  // Detail runs name each differing argument (only the first few blocks of a function).
  for (const r of reports.values()) {
    for (const rb of r.differingBlocks.slice(0, 3)) {
      const [range, block] = rb.split(" ");
      const detail = [String(count), String(seed), "detail", r.fn, range!];
      const [a, b] = await Promise.all([run(exe, detail, { timeoutMs }), runUnderNode(PROGRAM, detail)]);
      const na = a.stdout.split("\n");
      const nb = b.stdout.split("\n");
      const from = Number(block) * 1000;
      for (let i = from; i < Math.min(nb.length, from + 1000); i++) if (na[i] !== nb[i]) r.differences.push(`${range} node: ${nb[i]} | native: ${na[i]}`);
    }
  }
  return [...reports.values()];
}
