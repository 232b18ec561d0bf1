/**
 * test/diagnostics.test.ts: the compiler reports every problem it finds, not
 * just the first.
 *
 * Input:  small invalid programs written to a temporary directory.
 * Output: assertions on the full list of diagnostics (codes and line:col),
 *         in file and position order.
 * Invariants: the dialect check descends into rejected constructs (but not
 *             into a rejected type); TypeScript's errors do not hide the
 *             dialect's, and nothing is lowered when tsc reports an error.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { it } from "node:test";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError, lineCol } from "../src/compiler/diagnostics.ts";

function diagnosticsOf(source: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsos-diag-"));
  const file = path.join(dir, "prog.ts");
  writeFileSync(file, source);
  try {
    compileToC(file, { target: "host" });
  } catch (e) {
    assert.ok(e instanceof CompileError, String(e));
    return e.diagnostics.map((d) => {
      const p = d.span ? lineCol(d.span.text, d.span.start) : undefined;
      return `${d.code} ${p?.line}:${p?.col}`;
    });
  }
  assert.fail("expected diagnostics");
}

it("reports a second problem inside a rejected construct", () => {
  const got = diagnosticsOf(["const K = class {", "  m(): void {", "    debugger;", "    const n: symbol = Symbol.iterator;", "  }", "};"].join("\n"));
  assert.deepEqual(got, ["TSOS1005 1:11", "TSOS1005 3:5", "TSOS1006 4:14"]);
});

it("reports a rejected type once, not once per part", () => {
  const got = diagnosticsOf(["function f(x: symbol & object): void {}", "debugger;"].join("\n"));
  assert.deepEqual(got, ["TSOS1006 1:15", "TSOS1005 2:1"]);
});

it("reports TypeScript's errors and the dialect's together, in position order", () => {
  const got = diagnosticsOf(["const s: string = 5;", "function f(): void {", "  debugger;", "}", "const t: u32 = \"x\";"].join("\n"));
  assert.deepEqual(got, ["TSOS0001 1:7", "TSOS1005 3:3", "TSOS0001 5:7"]);
});

it("does not lower a program with TypeScript errors", () => {
  // The literal 300 does not fit in u8 (TSOS2003, found by lowering): not reported while tsc fails.
  const got = diagnosticsOf(["const s: string = 5;", "const b: u8 = 300;"].join("\n"));
  assert.deepEqual(got, ["TSOS0001 1:7"]);
});
