/**
 * test/math.test.ts: Math.sin, Math.log and the other functions of
 * lib/std/math.ts agree with Node bit for bit (the short run of the
 * differential harness; bench/math-diff.ts runs millions of arguments).
 *
 * Input:  test/fixtures/math/diff-program.ts with 2000 arguments per range, seed 1.
 * Output: node:test results.
 * Invariants: a wrong last bit in any result fails the test (the harness
 *             hashes every result's exact bits).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareWithNode } from "./math-harness.ts";

test("Math functions are bit-exact with Node on a few thousand arguments each", async () => {
  const reports = await compareWithNode(2000, 1, 120_000);
  assert.equal(reports.length, 22, "every function is compared");
  const failing = reports.filter((r) => r.differingBlocks.length > 0);
  assert.deepEqual(failing.map((r) => `${r.fn}: ${r.differingBlocks.join(", ")}\n  ${r.differences.slice(0, 5).join("\n  ")}`), []);
});
