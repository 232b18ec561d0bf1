/**
 * fuzz/run.ts: runs a batch of generated programs under Node and natively and
 * compares them.
 *
 * Input:  Programs (ast.ts), a work directory.
 * Output: one Outcome per program: ok, mismatch, compiler crash (TSOS9001,
 *         TSOS4003, an exception), native crash (signal, panic, timeout),
 *         refused (a diagnostic: a generator bug) or node-error (Node threw:
 *         a generator bug).
 * Invariants:
 *   - Many programs share one compiled file: program k's names carry the
 *     prefix `p<k>_` and a driver runs `p<k>_main` in order, each after a
 *     line `@@ k`. Native runs take the first index to run as argv[2], so a
 *     crash in program k costs one more run from k+1, not a recompile.
 *   - "Node" is V8 running the TypeScript as tsx would (transpiled, with the
 *     conversion functions of lib/node-prelude.ts), in-process through
 *     node:vm: the same semantics without a process start per batch.
 *   - Diagnostics with a location are mapped back to their program; crashes
 *     without a location are found by splitting the batch in halves.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import vm from "node:vm";
import ts from "typescript";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError, render, type Diagnostic } from "../src/compiler/diagnostics.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import "../lib/node-prelude.ts";
import { PREFIX, printProgram, type Program } from "./ast.ts";

export type Kind = "ok" | "mismatch" | "compiler-crash" | "native-crash" | "gcc-warning" | "refused" | "node-error" | "leak";

export interface Outcome {
  kind: Kind;
  /** The diagnostic, crash message or first differing line. */
  detail: string;
  /** For crashes and refusals: the code (TSOS9001, TSOS4003, SIGSEGV, panic, ...). */
  code?: string;
  node?: string;
  native?: string;
}

export interface RunOptions {
  workDir: string;
  opt?: "-O0" | "-O1" | "-O2" | "-O3";
  /** Test hook (a deliberate miscompile): rewrite the native output of a program, given its text, before comparing. */
  tamperNative?: (text: string, out: string) => string;
  timeoutMs?: number;
}

let batchCounter = 0;

interface Composed {
  text: string;
  /** [start, end) offsets of each program in text. */
  ranges: [number, number][];
}

export function compose(texts: string[]): Composed {
  let text = "";
  const ranges: [number, number][] = [];
  texts.forEach((t, k) => {
    const start = text.length;
    text += `// program ${k}\n${t}\n`;
    ranges.push([start, text.length]);
  });
  text += "function fuzzRun(k: number): void {\n  switch (k) {\n";
  texts.forEach((_, k) => (text += `    case ${k}: console.log("@@ ${k}"); p${k}_main(); break;\n`));
  text += "  }\n}\n";
  text += "function fuzzArg(i: number, otherwise: number): number {\n  if (process.argv.length <= i) return otherwise;\n  const s = process.argv[i];\n  let n = 0;\n  for (let j = 0; j < s.length; j++) n = n * 10 + (s.charCodeAt(j) - 48);\n  return n;\n}\n";
  // Programs [from, to): argv[2] and argv[3] (a single program, to find which one leaks).
  text += `const fuzzFrom = fuzzArg(2, 0);\nconst fuzzTo = fuzzArg(3, ${texts.length});\n`;
  text += `for (let k = fuzzFrom; k < fuzzTo; k++) fuzzRun(k);\n`;
  return { text, ranges };
}

/** Split a driver's stdout into the output of each program by the `@@ k` lines. */
function split(stdout: string): { outputs: Map<number, string>; last: number } {
  const outputs = new Map<number, string>();
  let current = -1;
  let buf: string[] = [];
  const flush = (): void => {
    if (current >= 0) outputs.set(current, buf.join(""));
  };
  for (const line of stdout.split(/(?<=\n)/)) {
    const m = /^@@ (\d+)\n$/.exec(line);
    if (m) {
      flush();
      current = Number(m[1]);
      buf = [];
    } else buf.push(line);
  }
  flush();
  return { outputs, last: current };
}

interface SideResult {
  outputs: Map<number, string>;
  /** Programs that failed on this side, with why. */
  failed: Map<number, { code: string; detail: string }>;
}

/** Run under V8 in-process, restarting after the program that threw. */
function runNode(js: string, count: number, timeoutMs: number): SideResult {
  const outputs = new Map<number, string>();
  const failed = new Map<number, { code: string; detail: string }>();
  const script = new vm.Script(js, { filename: "fuzz-batch.js" });
  const g = globalThis as unknown as Record<string, unknown>;
  let from = 0;
  while (from < count) {
    let out = "";
    const sandbox: Record<string, unknown> = {
      console: { log: (...args: unknown[]) => (out += format(...args) + "\n"), error: () => {} },
      process: { argv: ["node", "fuzz.ts", String(from)] },
    };
    for (const n of ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"]) sandbox[n] = g[n];
    let error: string | undefined;
    try {
      script.runInNewContext(sandbox, { timeout: timeoutMs });
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const { outputs: o, last } = split(out);
    for (const [k, v] of o) outputs.set(k, v);
    if (error === undefined) break;
    const at = last >= from ? last : from;
    failed.set(at, { code: "node-exception", detail: error });
    outputs.delete(at);
    from = at + 1;
  }
  return { outputs, failed };
}

const HAVE_STDBUF = spawnSync("stdbuf", ["--version"]).status === 0;

function runExe(exe: string, range: number[], timeoutMs: number): Promise<{ stdout: string; stderr: string; status: number | null; signal: string | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Line-buffered stdout (stdbuf), so a program killed by the timeout
    // still shows which program it was running.
    const args = range.map(String);
    const child = HAVE_STDBUF ? spawn("stdbuf", ["-oL", exe, ...args]) : spawn(exe, args);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, signal, timedOut });
    });
  });
}

/** The leak report a leak-checking build wrote before exiting 23 (runtime/tsos_alloc.h), or undefined. */
function leakReport(r: { stderr: string; status: number | null }): string | undefined {
  const at = r.stderr.search(/^leak check: /m);
  return r.status === 23 && at >= 0 ? r.stderr.slice(at).trim() : undefined;
}

async function runNative(exe: string, count: number, timeoutMs: number): Promise<SideResult & { leaked: boolean }> {
  const outputs = new Map<number, string>();
  const failed = new Map<number, { code: string; detail: string }>();
  let leaked = false;
  let from = 0;
  while (from < count) {
    const r = await runExe(exe, [from], timeoutMs);
    const { outputs: o, last } = split(r.stdout);
    for (const [k, v] of o) outputs.set(k, v);
    // Every program ran; blocks were left at exit (found program by program below).
    if (leakReport(r) !== undefined && !r.timedOut && last === count - 1) {
      leaked = true;
      break;
    }
    if (r.status === 0 && !r.timedOut) break;
    const at = last >= from ? last : from;
    const code = r.timedOut ? "timeout" : r.signal ? r.signal : r.status === 101 ? "panic" : `exit ${r.status}`;
    failed.set(at, { code, detail: r.stderr.trim().split("\n").slice(0, 3).join(" | ") || code });
    from = at + 1;
  }
  return { outputs, failed, leaked };
}

function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: node ${JSON.stringify(la[i] ?? "<end>")} native ${JSON.stringify(lb[i] ?? "<end>")}`;
  }
  return "identical";
}

function programOf(d: Diagnostic, file: string, ranges: [number, number][]): number {
  if (!d.span || path.resolve(d.span.file) !== path.resolve(file)) return -1;
  return ranges.findIndex(([s, e]) => d.span!.start >= s && d.span!.start < e);
}

/** Compile and run programs; the results are in the same order. */
export async function runPrograms(progs: Program[], opts: RunOptions): Promise<Outcome[]> {
  return runTexts(progs.map((p) => printProgram(p, PREFIX)), opts);
}

/** As runPrograms, for program texts whose names carry the placeholder PREFIX (the entry is `${PREFIX}main`). */
export async function runTexts(texts: string[], opts: RunOptions): Promise<Outcome[]> {
  const results: (Outcome | undefined)[] = texts.map(() => undefined);
  await runSubset(texts, texts.map((_, k) => k), results, opts);
  return results.map((r) => r ?? { kind: "compiler-crash", detail: "no result", code: "internal" });
}

/** Programs `which` (indexes into texts), renumbered 0.. inside the batch. */
async function runSubset(texts: string[], which: number[], results: (Outcome | undefined)[], opts: RunOptions): Promise<void> {
  if (!which.length) return;
  const local = which.map((orig, k) => texts[orig]!.split(PREFIX).join(`p${k}_`));
  const { text, ranges } = compose(local);
  mkdirSync(opts.workDir, { recursive: true });
  const base = path.join(opts.workDir, `b${process.pid}_${++batchCounter}`);
  const file = `${base}.ts`;
  writeFileSync(file, text);
  let c: string;
  try {
    // Freed memory is poisoned and never reused: a reference count too low shows as a wrong value or a panic.
    // Blocks left at exit (a count too high) are reported: every program must free all it allocates.
    c = compileToC(file, { target: "host", memoryChecks: { frees: true, leaks: true } }).c;
  } catch (e) {
    const diags = e instanceof CompileError ? e.diagnostics : [{ code: "TSOS9001", message: String(e) } as Diagnostic];
    const bad = new Set<number>();
    for (const d of diags) {
      const k = programOf(d, file, ranges);
      if (k < 0) continue;
      bad.add(k);
      const crash = d.code === "TSOS9001";
      results[which[k]!] ??= { kind: crash ? "compiler-crash" : "refused", code: d.code, detail: render(d).split("\n").slice(0, 6).join("\n") };
    }
    if (bad.size) return runSubset(texts, which.filter((_, k) => !bad.has(k)), results, opts);
    // Nothing located: a crash; find it by halves.
    if (which.length === 1) {
      const d = diags[0];
      results[which[0]!] = { kind: "compiler-crash", code: d?.code ?? "exception", detail: d ? `${d.code}: ${d.message}` : String(e) };
      return;
    }
    const half = which.length >> 1;
    await runSubset(texts, which.slice(0, half), results, opts);
    await runSubset(texts, which.slice(half), results, opts);
    return;
  }
  const exe = `${base}.exe`;
  // gcc as gcc.ts runs it (same flags), but warnings are collected per
  // program instead of failing the whole batch: a warning is a tsos bug
  // (TSOS4003) that must not hide the mismatches behind it.
  // gcc through gcc.ts (its flags and libraries are the project's), but a
  // warning fails only the program it points at: gcc has still written the
  // executable, and the warning must not hide the mismatches behind it.
  let gccOutput = "";
  let gccFailed = false;
  try {
    await gccHostAsync(c, exe, { opt: opts.opt ?? "-O2" });
  } catch (e) {
    gccOutput = e instanceof CompileError ? e.diagnostics.map((d) => d.message).join("\n") : String(e);
    gccFailed = !existsSync(exe) || /: error:|undefined reference|collect2/.test(gccOutput);
  }
  const gcc = { status: gccFailed ? 1 : 0, stderr: gccOutput };
  const lineStarts = ranges.map(([s]) => text.slice(0, s).split("\n").length);
  const programAtLine = (line: number): number => {
    let k = -1;
    lineStarts.forEach((l, j) => { if (line >= l) k = j; });
    return k;
  };
  const warnings = new Map<number, { code: string; detail: string }>();
  const errors = new Map<number, string>();
  for (const line of gcc.stderr.split("\n")) {
    const m = /^(.*?):(\d+):\d+: (warning|error): (.*)$/.exec(line);
    if (!m || path.resolve(m[1]!) !== path.resolve(file)) continue;
    const k = programAtLine(Number(m[2]));
    if (k < 0) continue;
    if (m[3] === "error") {
      if (!errors.has(k)) errors.set(k, m[4]!);
    } else if (!warnings.has(k)) {
      const flag = /\[(-W[\w-]+)\]$/.exec(m[4]!)?.[1] ?? "warning";
      warnings.set(k, { code: flag, detail: `gcc: ${m[4]}` });
    }
  }
  if (gcc.status !== 0) {
    if (errors.size) {
      for (const [k, msg] of errors) results[which[k]!] ??= { kind: "compiler-crash", code: "TSOS4003", detail: `gcc: ${msg}` };
      return runSubset(texts, which.filter((_, k) => !errors.has(k)), results, opts);
    }
    if (which.length === 1) {
      results[which[0]!] = { kind: "compiler-crash", code: "TSOS4003", detail: gcc.stderr.split("\n").slice(0, 8).join("\n") };
      return;
    }
    const half = which.length >> 1;
    await runSubset(texts, which.slice(0, half), results, opts);
    await runSubset(texts, which.slice(half), results, opts);
    return;
  }
  const js = ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const nodeSide = runNode(js, local.length, timeoutMs);
  const nativeSide = await runNative(exe, local.length, timeoutMs);
  // Something was left at exit: each program alone, to name the ones that leak.
  const leaks = new Map<number, string>();
  if (nativeSide.leaked) {
    for (let k = 0; k < local.length; k++) {
      const report = leakReport(await runExe(exe, [k, k + 1], timeoutMs));
      if (report !== undefined) leaks.set(k, report);
    }
  }
  local.forEach((_, k) => {
    const orig = which[k]!;
    const nf = nodeSide.failed.get(k);
    if (nf) {
      results[orig] = { kind: "node-error", code: nf.code, detail: nf.detail };
      return;
    }
    const expected = nodeSide.outputs.get(k) ?? "";
    const cf = nativeSide.failed.get(k);
    let got = nativeSide.outputs.get(k) ?? "";
    if (opts.tamperNative) got = opts.tamperNative(texts[orig]!, got);
    if (cf) {
      results[orig] = { kind: "native-crash", code: cf.code, detail: cf.detail, node: expected, native: got };
      return;
    }
    const w = warnings.get(k);
    if (expected !== got) results[orig] = { kind: "mismatch", detail: firstDifference(expected, got), node: expected, native: got };
    else if (w) results[orig] = { kind: "gcc-warning", code: w.code, detail: w.detail };
    else if (leaks.has(k)) results[orig] = { kind: "leak", code: "leak", detail: leaks.get(k)!.split("\n").slice(0, 4).join(" | ") };
    else results[orig] = { kind: "ok", detail: "" };
  });
}
