/**
 * test/scoreboard.test.ts: the scoreboard's classifier, its programs' rules,
 * and the whole scoreboard run (0 wrong, 0 crash, 0 leaks).
 *
 * Input:  synthetic compile/run results for the classifier;
 *         scoreboard/programs/ for the rest.
 * Output: node:test cases.
 * Invariants: the full run goes through `scoreboard/run.ts --json` in a child
 *             process, as `npm run scoreboard` does, and uses its cache under
 *             build/scoreboard/.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { classify, type Observed, outputDiff, type ProcessResult, splitLeakReport } from "../scoreboard/classify.ts";
import { discover, featureVocabulary, normalizeReason, parseFeatures, type ProgramResult } from "../scoreboard/run.ts";
import { ROOT, run } from "./helpers.ts";

const proc = (stdout: string, status: number | null = 0, extra: Partial<ProcessResult> = {}): ProcessResult => ({
  stdout,
  stderr: "",
  status,
  signal: null,
  timedOut: false,
  ...extra,
});
const ok = (native: ProcessResult, node: ProcessResult): Observed => ({ compile: { kind: "ok" }, native, node });

describe("scoreboard leak reports", () => {
  const report = "leak check: 2 blocks (64 bytes) still allocated at exit\n  2 Node (64 bytes) allocated at p.ts:3:5\n";
  it("a run that exits 23 with a leak report is the program's own run (status 0) plus the report", () => {
    const { run, leaks } = splitLeakReport(proc("out\n", 23, { stderr: `warning\n${report}` }));
    assert.equal(run.status, 0);
    assert.equal(run.stderr, "warning\n");
    assert.deepEqual(leaks, ["leak check: 2 blocks (64 bytes) still allocated at exit", "  2 Node (64 bytes) allocated at p.ts:3:5"]);
  });
  it("exit 23 without a report, or a report with another status, is left as it is", () => {
    assert.deepEqual(splitLeakReport(proc("", 23)).leaks, []);
    assert.equal(splitLeakReport(proc("", 23)).run.status, 23);
    assert.deepEqual(splitLeakReport(proc("", 1, { stderr: report })).leaks, []);
  });
});

describe("scoreboard classifier", () => {
  it("same stdout and status is exact", () => {
    assert.equal(classify(ok(proc("a\nb\n"), proc("a\nb\n"))).verdict, "exact");
    assert.equal(classify(ok(proc("x\n", 3), proc("x\n", 3))).verdict, "exact");
  });

  it("a deliberately wrong native stdout is wrong, with a diff naming the line", () => {
    const c = classify(ok(proc("total 10\nmean 2.5\n"), proc("total 10\nmean 2.4\n")));
    assert.equal(c.verdict, "wrong");
    assert.match(c.reason, /stdout differs/);
    assert.match(c.diff!, /2 - mean 2\.4/);
    assert.match(c.diff!, /2 \+ mean 2\.5/);
  });

  it("a different exit status is wrong", () => {
    const c = classify(ok(proc("x\n", 1), proc("x\n", 0)));
    assert.equal(c.verdict, "wrong");
    assert.match(c.reason, /exit status 1 \(Node: 0\)/);
  });

  it("a coded diagnostic in TSOS0001-3999 is refused, recording the first", () => {
    const c = classify({
      compile: { kind: "diagnostics", diagnostics: [{ code: "TSOS0001", message: "cannot find name 'Map'\nmore" }, { code: "TSOS1005", message: "x" }] },
      node: proc("x\n"),
    });
    assert.deepEqual([c.verdict, c.code, c.reason], ["refused", "TSOS0001", "TSOS0001: cannot find name 'Map'"]);
    assert.equal(classify({ compile: { kind: "diagnostics", diagnostics: [{ code: "TSOS3999", message: "m" }] }, node: proc("") }).verdict, "refused");
  });

  it("internal errors, gcc rejections and exceptions are crashes, even after a refusal", () => {
    for (const code of ["TSOS9001", "TSOS4003", "TSOS4002"]) {
      const c = classify({ compile: { kind: "diagnostics", diagnostics: [{ code: "TSOS1005", message: "a" }, { code, message: "boom" }] }, node: proc("") });
      assert.equal(c.verdict, "crash", code);
      assert.match(c.reason, new RegExp(code));
    }
    assert.equal(classify({ compile: { kind: "exception", message: "TypeError: x" }, node: proc("") }).verdict, "crash");
    assert.equal(classify({ compile: { kind: "diagnostics", diagnostics: [] }, node: proc("") }).verdict, "crash");
  });

  it("a signal, a timeout or a panic where Node ran fine is a crash", () => {
    assert.equal(classify(ok(proc("", null, { signal: "SIGSEGV" }), proc("x\n"))).verdict, "crash");
    assert.equal(classify(ok(proc("", null, { timedOut: true }), proc("x\n"))).verdict, "crash");
    const panic = classify(ok(proc("a\n", 101, { stderr: "panicked at p.ts:3:4: index out of bounds\n" }), proc("a\nb\n")));
    assert.equal(panic.verdict, "crash");
    assert.match(panic.reason, /native panic: panicked at p\.ts:3:4/);
    assert.equal(classify(ok(proc("a\n", 101), proc("a\n", 101))).verdict, "exact");
  });

  it("the diff shows the first differing line and the line counts", () => {
    assert.equal(outputDiff("a\n", "a\n"), "");
    const d = outputDiff("a\nb\nc\n", "a\nB\n");
    assert.match(d, /1 {3}a/);
    assert.match(d, /2 - b/);
    assert.match(d, /node printed 3 lines, native 2/);
  });

  it("reasons are grouped by missing method, not by element type", () => {
    assert.equal(
      normalizeReason("TSOS0001: property 'map' does not exist on type 'Shape[]'. Do you need to change your target library? Try"),
      "TSOS0001: property 'map' does not exist on type 'T[]'",
    );
  });
});

describe("scoreboard programs", () => {
  const programs = discover();
  const vocabulary = featureVocabulary();

  it("every program has a known feature header and 40-150 lines", () => {
    assert.deepEqual(parseFeatures("// features: a, b\nx"), ["a", "b"]);
    assert.equal(parseFeatures("x"), undefined);
    const bad: string[] = [];
    for (const p of programs) {
      for (const f of p.files) {
        const lines = readFileSync(path.join(ROOT, f), "utf8").trimEnd().split("\n").length;
        const min = p.files.length > 1 ? 5 : 40;
        if (lines < min || lines > 150) bad.push(`${f}: ${lines} lines`);
      }
    }
    assert.deepEqual(bad, []);
  });

  const complete = programs.length >= 150 ? false : "the scoreboard is still being filled";
  it("there are at least 150 programs", { skip: complete }, () => assert.ok(programs.length >= 150));

  it("every feature tag is used by at least 10 programs", { skip: complete }, () => {
    const thin = vocabulary.map((f) => [f, programs.filter((p) => p.features.includes(f)).length] as const).filter(([, n]) => n < 10);
    assert.deepEqual(thin, []);
  });

  it("the programs are valid TypeScript against the standard library", async () => {
    const r = await run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "scoreboard/tsconfig.json"], { timeoutMs: 180_000 });
    assert.equal(r.stdout + r.stderr, "");
    assert.equal(r.status, 0);
  });
});

/**
 * The whole scoreboard takes 4-5 minutes uncached on the 2-core machine (a
 * Node start per program dominates), so the test runs this fixed subset:
 * the programs written in the style the dialect compiles today (where a
 * wrong answer could hide) plus a spread of the others. `npm run scoreboard`
 * runs them all.
 */
export const TEST_SUBSET = [
  "fibonacci_table", "bit_tricks", "josephus", "number_theory", "traffic_light", "animals",
  "bank_account_plain", "selection_sorts", "grid_robot", "queue_plain", "matrix_int", "string_builder",
  "shapes_plain", "checkbook", "magic_square", "caesar_plain", "binary_search_plain", "checksum_digits",
  "gcd_table", "counter_plain", "bank_ledger", "shapes", "stack_vm", "tokenizer", "lru_cache",
  "expr_parser", "result_type", "labeled_search", "multi_bank/main", "multi_interp/main", "bitset_plain",
  "tournament_plain", "elevator_plain",
];

/**
 * Programs of the subset that are wrong or crash today because of a compiler
 * bug already reported to the lead (scoreboard/README.md lists the cause).
 * They stay in the subset, so their status shows in the run, but do not fail
 * the test. Remove an entry when its bug is fixed; the list must only shrink.
 */
export const KNOWN_FAILURES: Record<string, string> = {}; // empty since number became a double (the overflow panics are gone)

describe("the scoreboard", () => {
  it("has 0 wrong, 0 crash and 0 leaks on the test subset, and every program runs under Node", { timeout: 900_000 }, async () => {
    const r = await run(process.execPath, ["--import", "tsx", "scoreboard/run.ts", "--json", "--allow-failures", "--names", TEST_SUBSET.join(",")], { timeoutMs: 900_000 });
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as ProgramResult[];
    assert.equal(results.length, TEST_SUBSET.length);
    const bad = results.filter((x) => ((x.verdict === "wrong" || x.verdict === "crash") && !(x.name in KNOWN_FAILURES)) || x.nodeError || x.leaks?.length);
    assert.deepEqual(bad.map((x) => `${x.name}: ${x.verdict}: ${x.reason}${x.nodeError ? ` (${x.nodeError})` : ""}${x.leaks ? ` leaks: ${x.leaks.join(" | ")}` : ""}\n${x.diff ?? ""}`), []);
  });
});
