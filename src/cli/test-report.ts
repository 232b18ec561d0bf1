/**
 * cli/test-report.ts: read the test kernels' serial output, cargo-style.
 *
 * Input:  COM1 text of a test kernel (kernel/testing.ts writes
 *         `Running N tests`, then `<module>::<test>...\t[ok]` per test; a
 *         failing test prints `[failed]` and `Error: <message> at <file>:<l>:<c>`).
 * Output: the unit tests and their outcomes, and the text blocks `tsos test`
 *         prints (failure sections, indented serial output).
 * Invariants: only the serial text and QEMU's exit status decide: a test
 *             that started but never printed `[ok]` has failed.
 */

export interface UnitResult {
  name: string;
  ok: boolean;
}

export interface UnitReport {
  /** From `Running N tests`; undefined if the kernel never got that far. */
  declared?: number;
  results: UnitResult[];
}

const TEST_START = /^(.+?)\.\.\.\t(.*)$/;

export function parseUnitTests(serial: string): UnitReport {
  const report: UnitReport = { results: [] };
  let current: { name: string; outcome?: boolean } | undefined;
  const finish = () => {
    if (current !== undefined) report.results.push({ name: current.name, ok: current.outcome === true });
    current = undefined;
  };
  const outcome = (text: string): boolean | undefined =>
    text.includes("[failed]") ? false : text.includes("[ok]") ? true : undefined;
  for (const line of serial.replace(/\r/g, "").split("\n")) {
    const running = /^Running (\d+) tests?$/.exec(line);
    const start = TEST_START.exec(line);
    if (running !== null && report.declared === undefined) report.declared = Number(running[1]);
    else if (start !== null) {
      finish();
      current = { name: start[1]!, outcome: outcome(start[2]!) };
    } else if (current !== undefined && current.outcome === undefined) {
      current.outcome = outcome(line);
    }
  }
  finish();
  return report;
}

/** Every line of `text` indented by four spaces (trailing empty line dropped). */
export function indent(text: string): string {
  const lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
  return lines.map((l) => (l === "" ? "" : `    ${l}`)).join("\n");
}

/** One `test <name> ... ok` line, FAILED in red when colour is on. */
export function resultLine(name: string, ok: boolean, color: boolean, note = ""): string {
  const word = ok ? (color ? "\x1b[32mok\x1b[0m" : "ok") : color ? "\x1b[31mFAILED\x1b[0m" : "FAILED";
  return `test ${name} ... ${word}${note}`;
}

export interface Summary {
  passed: number;
  failed: number;
  notRun: number;
  filteredOut: number;
  ms: number;
}

export function summaryLine(s: Summary, color: boolean): string {
  const ok = s.failed === 0;
  const word = ok ? (color ? "\x1b[32mok\x1b[0m" : "ok") : color ? "\x1b[31mFAILED\x1b[0m" : "FAILED";
  const extra = (s.notRun ? `; ${s.notRun} not run` : "") + (s.filteredOut ? `; ${s.filteredOut} filtered out` : "");
  return `test result: ${word}. ${s.passed} passed; ${s.failed} failed${extra}; finished in ${(s.ms / 1000).toFixed(2)}s`;
}
