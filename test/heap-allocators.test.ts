/**
 * test/heap-allocators.test.ts: the hosted fuzz of the three heap allocators of
 * lib/alloc (issue 13): 10^6 random allocs and frees each, against a model.
 *
 * Input:  test/fixtures/alloc/fuzz.ts, compiled once with gcc -O2.
 * Output: one node:test case per allocator (bump, linked-list, fixed-block).
 * Invariants: the program checks every step itself and panics at the first
 *             broken rule (overlap, alignment, outside the heap, memory lost,
 *             free list not sorted or not coalesced, heap not whole once all
 *             is freed); a case passes only on its final "ok" line and exit 0.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { compileToC } from "../src/compiler/compile.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import { ROOT, run } from "./helpers.ts";

const OPERATIONS = "1000000";
const SEED = "20261126";

describe("heap allocators: hosted fuzz against a model", async () => {
  process.chdir(ROOT);
  const exe = path.join(ROOT, "build/test/alloc_fuzz");
  const { c } = compileToC("test/fixtures/alloc/fuzz.ts", { target: "host" });
  await gccHostAsync(c, exe, { opt: "-O2" });
  for (const allocator of ["bump", "linked-list", "fixed-block"]) {
    it(`${allocator}: ${OPERATIONS} operations`, async () => {
      const r = await run(exe, [allocator, OPERATIONS, SEED], { timeoutMs: 120_000 });
      assert.equal(r.stderr, "", "the fuzz reported a broken invariant");
      assert.equal(r.status, 0);
      assert.match(r.stdout, new RegExp(`^${allocator}: ${OPERATIONS} steps, \\d+ allocs, \\d+ frees, \\d+ out of memory, \\d+ drains, at most \\d+ live: ok\\n$`));
    });
  }
});
