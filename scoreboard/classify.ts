/**
 * scoreboard/classify.ts: the scoreboard's verdict on one program.
 *
 * Input:  what happened to a program: the compile step (ok, or its coded
 *         diagnostics, or an exception), the native run (if it compiled) and
 *         the run under Node.
 * Output: one of exact / refused / wrong / crash, with a short reason.
 * Invariants: pure functions of their input (no I/O), so they are unit-tested
 *             on synthetic results; a refusal is only a coded diagnostic in
 *             TSOS0001-TSOS3999, and everything that is a compiler bug
 *             (TSOS9001, TSOS4003, an exception, a signal, a panic where Node
 *             ran fine, a timeout) is a crash, never a refusal.
 */

export type Verdict = "exact" | "refused" | "wrong" | "crash";

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** Exit status, or null if the process was killed by a signal. */
  status: number | null;
  signal: string | null;
  timedOut: boolean;
}

export interface CompileDiagnostic {
  code: string;
  message: string;
}

export type CompileResult =
  | { kind: "ok" }
  | { kind: "diagnostics"; diagnostics: CompileDiagnostic[] }
  | { kind: "exception"; message: string };

export interface Observed {
  compile: CompileResult;
  /** Absent when the program did not compile. */
  native?: ProcessResult;
  node: ProcessResult;
}

export interface Classification {
  verdict: Verdict;
  /** exact: empty; refused: `TSOSnnnn: first message line`; wrong / crash: what went wrong. */
  reason: string;
  /** refused only: the first diagnostic's code. */
  code?: string;
  /** wrong only: a few lines showing where the outputs part. */
  diff?: string;
  /** exact or wrong: the leak report (`--check-leaks`'s lines) when blocks were left at exit. */
  leaks?: string[];
}

/** The exit status of a leak-checking build that ended with blocks still allocated (runtime/tsos_alloc.h). */
export const LEAK_STATUS = 23;

/**
 * A native run of a leak-checking build split into the program's own result
 * and the leak report it appended: `leaks` is the report's lines (empty when
 * nothing leaked), and the run is what the program did (status 0, stderr
 * without the report) when the report is all that made it exit 23.
 */
export function splitLeakReport(r: ProcessResult): { run: ProcessResult; leaks: string[] } {
  const at = r.stderr.search(/^leak check: /m);
  if (r.status !== LEAK_STATUS || at < 0) return { run: r, leaks: [] };
  const leaks = r.stderr.slice(at).split("\n").filter((l) => l.trim() !== "");
  return { run: { ...r, status: 0, stderr: r.stderr.slice(0, at) }, leaks };
}

/** The exit status the hosted runtime uses for a panic (tsos_host.h). */
export const PANIC_STATUS = 101;

export function isRefusalCode(code: string): boolean {
  const m = /^TSOS(\d{4})$/.exec(code);
  if (!m) return false;
  const n = Number(m[1]);
  return n >= 1 && n <= 3999;
}

export function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}

/** Where Node ran fine: status 0, no signal, no timeout. */
export function nodeRanFine(node: ProcessResult): boolean {
  return node.status === 0 && node.signal === null && !node.timedOut;
}

export function classify(o: Observed): Classification {
  const c = o.compile;
  if (c.kind === "exception") return { verdict: "crash", reason: `compiler exception: ${firstLine(c.message)}` };
  if (c.kind === "diagnostics") {
    const bug = c.diagnostics.find((d) => !isRefusalCode(d.code));
    if (bug || c.diagnostics.length === 0) {
      const d = bug ?? { code: "none", message: "compile failed without a diagnostic" };
      return { verdict: "crash", reason: `${d.code}: ${firstLine(d.message)}` };
    }
    const d = c.diagnostics[0]!;
    return { verdict: "refused", code: d.code, reason: `${d.code}: ${firstLine(d.message)}` };
  }
  const native = o.native;
  if (!native) return { verdict: "crash", reason: "compiled but no native run was recorded" };
  if (native.timedOut) return { verdict: "crash", reason: "native run timed out" };
  if (native.signal !== null) return { verdict: "crash", reason: `native run killed by ${native.signal}` };
  if (native.status === PANIC_STATUS && o.node.status !== PANIC_STATUS && nodeRanFine(o.node)) {
    return { verdict: "crash", reason: `native panic: ${firstLine(native.stderr)}`, diff: outputDiff(o.node.stdout, native.stdout) };
  }
  if (native.stdout !== o.node.stdout || native.status !== o.node.status) {
    const parts: string[] = [];
    if (native.stdout !== o.node.stdout) parts.push("stdout differs");
    if (native.status !== o.node.status) parts.push(`exit status ${native.status} (Node: ${o.node.status})`);
    return { verdict: "wrong", reason: parts.join(", "), diff: outputDiff(o.node.stdout, native.stdout) };
  }
  return { verdict: "exact", reason: "" };
}

/** A short diff: the first line where the outputs part, with one line of context and line counts. */
export function outputDiff(expected: string, actual: string, maxLines = 3): string {
  if (expected === actual) return "";
  const e = expected.split("\n");
  const a = actual.split("\n");
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const out: string[] = [];
  if (i > 0) out.push(`  ${i}   ${e[i - 1]}`);
  for (let k = i; k < i + maxLines && (k < e.length || k < a.length); k++) {
    if (e[k] === a[k]) continue;
    if (k < e.length) out.push(`  ${k + 1} - ${e[k]}   (node)`);
    if (k < a.length) out.push(`  ${k + 1} + ${a[k]}   (native)`);
  }
  out.push(`  (node printed ${e.length - 1} lines, native ${a.length - 1})`);
  return out.join("\n");
}
