/**
 * test/compiler.test.ts: the compiler's fixture tests.
 *
 * Input:  test/fixtures/run/*.ts (+ .out, optional .err and @exit/@args/
 *         @node-skip headers), test/fixtures/errors/*.ts (first line
 *         `// expect: TSOSnnnn at line:col`), test/fixtures/snapshots/*.ts
 *         (+ .c, regenerated with UPDATE_SNAPSHOTS=1).
 * Output: one node:test case per fixture.
 * Invariants: every run fixture is compiled with gcc -Wall -Wextra and must
 *             produce no warnings; a fixture without @node-skip must print
 *             byte-for-byte the same under Node (tsx) as natively.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError, lineCol, render } from "../src/compiler/diagnostics.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import { directives, pool, ROOT, run, runUnderNode, type RunResult } from "./helpers.ts";

const RUN_DIR = path.join(ROOT, "test/fixtures/run");
const ERR_DIR = path.join(ROOT, "test/fixtures/errors");
const SNAP_DIR = path.join(ROOT, "test/fixtures/snapshots");
const BUILD = path.join(ROOT, "build/test");
const JOBS = Math.max(2, os.availableParallelism());

const list = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith(".")).sort();

interface Outcome {
  native?: RunResult;
  node?: RunResult;
  error?: unknown;
}

/** Compile and run every fixture up front, in parallel; the cases below assert on the results. */
async function runAll(): Promise<Map<string, Outcome>> {
  const results = new Map<string, Outcome>();
  process.chdir(ROOT);
  await pool(list(RUN_DIR), JOBS, async (name) => {
    const file = path.join("test/fixtures/run", name);
    const dirs = directives(readFileSync(file, "utf8"));
    const args = dirs.get("args")?.split(/\s+/).filter(Boolean) ?? [];
    const outcome: Outcome = {};
    results.set(name, outcome);
    try {
      // `// @check-leaks`, `// @check-frees`: a debug build, as `tsos exec --check-leaks` makes it.
      const memoryChecks = dirs.has("check-leaks") || dirs.has("check-frees") ? { leaks: dirs.has("check-leaks"), frees: dirs.has("check-frees") } : undefined;
      const { c } = compileToC(file, { target: "host", memoryChecks });
      const exe = path.join(BUILD, name.replace(/\.ts$/, ""));
      // Freed objects are poisoned and never reused: a use after free shows as a panic or a mismatch (compiler/rc.ts).
      // Not with a program's own allocator: the debug block headers would change the sizes it is asked for.
      const poisoned = c.includes("#define TSOS_GLOBAL_ALLOCATOR") ? c : `#define TSOS_CHECK_FREES 1\n${c}`;
      await gccHostAsync(poisoned, exe, { opt: "-O2" });
      outcome.native = await run(exe, args);
      if (!dirs.has("node-skip")) outcome.node = await runUnderNode(file, args);
    } catch (e) {
      outcome.error = e;
    }
  });
  return results;
}

function explain(e: unknown): string {
  if (e instanceof CompileError) return e.diagnostics.map((d) => render(d)).join("\n");
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

describe("run fixtures (compiled natively, compared with .out and with Node)", async () => {
  const results = await runAll();
  for (const name of list(RUN_DIR)) {
    it(name, () => {
      const base = path.join(RUN_DIR, name.replace(/\.ts$/, ""));
      const dirs = directives(readFileSync(base + ".ts", "utf8"));
      const o = results.get(name)!;
      if (o.error) assert.fail(explain(o.error));
      const native = o.native!;
      assert.equal(native.stdout, readFileSync(base + ".out", "utf8"), "stdout differs from .out");
      assert.equal(native.status, Number(dirs.get("exit") ?? 0), `exit status (stderr: ${native.stderr})`);
      if (existsSync(base + ".err")) assert.equal(native.stderr, readFileSync(base + ".err", "utf8"), "stderr differs from .err");
      if (o.node) {
        assert.equal(native.stdout, o.node.stdout, "native output differs from Node's (differential check)");
        // A leak-checking build exits 23 when blocks are left; Node has no such check.
        if (!dirs.has("check-leaks")) assert.equal(native.status, o.node.status ?? 0, "exit status differs from Node's");
      }
    });
  }
});

describe("error fixtures (coded diagnostics with positions)", () => {
  for (const name of list(ERR_DIR)) {
    it(name, () => {
      const file = path.join("test/fixtures/errors", name);
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const m = /^\/\/\s*expect:\s*(TSOS\d{4}) at (\d+):(\d+)/.exec(source);
      assert.ok(m, "first line must be `// expect: TSOSnnnn at line:col`");
      process.chdir(ROOT);
      const target = directives(source.split("\n").slice(1).join("\n")).get("target") === "kernel" ? "kernel" : "host";
      let error: unknown;
      try {
        compileToC(file, { target });
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof CompileError, `expected a CompileError, got ${explain(error)}`);
      const first = error.diagnostics[0]!;
      const pos = first.span ? lineCol(first.span.text, first.span.start) : undefined;
      const got = `${first.code} at ${pos?.line}:${pos?.col}`;
      assert.equal(got, `${m[1]} at ${m[2]}:${m[3]}`, render(first));
      const internal = error.diagnostics.find((d) => d.code === "TSOS9001");
      assert.equal(internal, undefined, `an internal error followed the real one:\n${internal && render(internal)}`);
      const text = render(first);
      assert.match(text, /^error\[TSOS\d{4}\]: .+\n +--> .+:\d+:\d+\n/, "rendered format");
    });
  }
});

describe("C snapshots", () => {
  for (const name of list(SNAP_DIR)) {
    it(name, () => {
      process.chdir(ROOT);
      const file = path.join("test/fixtures/snapshots", name);
      const { c } = compileToC(file, { target: "host" });
      const expected = path.join(SNAP_DIR, name.replace(/\.ts$/, ".c"));
      if (process.env.UPDATE_SNAPSHOTS || !existsSync(expected)) writeFileSync(expected, c);
      assert.equal(c, readFileSync(expected, "utf8"), "emitted C changed; rerun with UPDATE_SNAPSHOTS=1 if intended");
    });
  }
});
