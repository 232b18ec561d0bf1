/**
 * bench/math-diff.ts: the long run of the Math differential harness:
 * lib/std/math.ts (compiled) against Node's Math on millions of arguments.
 *
 * Input:  `node --import tsx bench/math-diff.ts [arguments-per-range] [seed]`
 *         (default 200000 per range: 1.2 to 1.6 million per function).
 * Output: one line per function (arguments compared, differing results),
 *         then the differing arguments; exit status 1 if any differ.
 * Invariants: see test/math-harness.ts.
 */
import { compareWithNode } from "../test/math-harness.ts";

const count = Number(process.argv[2] ?? 200000);
const seed = Number(process.argv[3] ?? 1);
const reports = await compareWithNode(count, seed, 3_600_000);
let bad = 0;
for (const r of reports) {
  console.log(`${r.fn.padEnd(6)} ${String(r.compared).padStart(9)} arguments, ${r.differingBlocks.length ? `${r.differingBlocks.length} blocks differ` : "0 mismatches"}`);
  for (const d of r.differences.slice(0, 10)) console.log(`  ${d}`);
  bad += r.differingBlocks.length;
}
console.log(bad ? `${bad} differing blocks` : "0 mismatches");
process.exit(bad ? 1 : 0);
