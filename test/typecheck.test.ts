/**
 * test/typecheck.test.ts: every source type-checks with the real `tsc`.
 *
 * Input:  tsconfig.kernel.json (kernel and dialect libraries against
 *         lib/tsos.d.ts + lib/kernel.d.ts), tsconfig.dialect.json (hosted
 *         examples, fixtures, benchmarks) and tsconfig.json (the toolchain).
 * Output: one case per project; the assertion message is tsc's output.
 * Invariants: this is what VS Code shows a user; the kernel is TypeScript
 *             that tsc accepts, not just text our compiler accepts.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";
import { ROOT, run } from "./helpers.ts";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

for (const project of ["tsconfig.kernel.json", "tsconfig.dialect.json", "tsconfig.json"]) {
  it(`tsc -p ${project} reports no errors`, async () => {
    const r = await run(process.execPath, [TSC, "-p", project], { timeoutMs: 120_000 });
    assert.equal(r.stdout + r.stderr, "");
    assert.equal(r.status, 0);
  });
}
