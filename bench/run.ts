/**
 * bench/run.ts: the tsos benchmark suite (`npm run bench [-- name ...]`).
 *
 * Input:  for each program name, bench/programs/<name>.ts (the dialect) and
 *         bench/c/<name>.c (hand-written C doing exactly the same work and
 *         printing the same checksum line). Optional arguments pick programs
 *         by name; BENCH_RUNS sets the timed runs per executable (default 7).
 * Output: executables (and gccHost's copy of the generated C) under
 *         build/bench/; on stdout a note
 *         (gcc version, CPU count), a table (C and tsos median CPU ms, ratio
 *         tsos/C of those, C and tsos median wall ms, TS->C compile ms) and a
 *         summary against the goals "every ratio <= 1.25x" and "median ratio
 *         <= 1.1x".
 * Method: the TS is compiled with compileToC and built with gccHost at -O2;
 *         the C with gcc at the same flags (C_FLAGS). One untimed run of each
 *         checks that the outputs are identical; then the two executables run
 *         alternately and the medians of their CPU times (user + system, as
 *         bash's `time` reports them) are compared: on a shared machine the
 *         wall-clock time also counts the time a run waits for a core, so it
 *         is printed but not compared.
 * Exit status: 1 if a program fails to build, run or match (its diagnostics go
 *         to build/bench/<name>.log); unmet goals are reported, not failures.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError, render } from "../src/compiler/diagnostics.ts";
import { HOST_FLAGS, gccHost } from "../src/compiler/gcc.ts";

const PROGRAMS = ["sieve", "fib", "fnv1a", "insertion_sort", "itoa", "matmul", "iface_dispatch", "nullable_objects"];
/** Flags for the C baseline: exactly the ones gccHost uses for tsos output at -O2. */
const C_FLAGS = [...HOST_FLAGS, "-O2"];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GOAL_MAX_RATIO = 1.25;
const GOAL_MEDIAN_RATIO = 1.1;
const MAX_REPORT_LINES = 25; // of a failure's diagnostics on the console; all of it goes to build/bench/<name>.log

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join("build", "bench");
process.chdir(ROOT); // paths below (and in diagnostics) are relative to the repository

interface Row {
  name: string;
  /** Median CPU times (user + system). */
  cMs: number;
  tsosMs: number;
  /** Median wall-clock times. */
  cWallMs: number;
  tsosWallMs: number;
  compileMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs an executable once (under bash's `time`); returns its stdout, its CPU time and its wall-clock time in ms. */
function run(exe: string): { out: string; cpuMs: number; wallMs: number } {
  const r = spawnSync("bash", ["-c", 'TIMEFORMAT="tsos-bench %3R %3U %3S"; time "$0"', exe], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${exe} exited with status ${r.status}\n${r.stderr}`);
  const t = /tsos-bench (\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (!t) throw new Error(`${exe}: no timing in\n${r.stderr}`);
  return { out: r.stdout, wallMs: Number(t[1]) * 1000, cpuMs: (Number(t[2]) + Number(t[3])) * 1000 };
}

/** Builds, checks and times one program; throws on a build or run failure. */
function bench(name: string): Row {
  const cExe = path.join(OUT, `${name}.c.exe`);
  const tsosExe = path.join(OUT, `${name}.tsos.exe`);

  execFileSync("gcc", [...C_FLAGS, "-o", cExe, path.join("bench", "c", `${name}.c`)], { stdio: "inherit" });

  const entry = path.join("bench", "programs", `${name}.ts`);
  const start = performance.now();
  const { c } = compileToC(entry, { target: "host" });
  const compileMs = performance.now() - start;
  gccHost(c, tsosExe, { opt: "-O2" }); // also leaves the C in <tsosExe>.c

  const expected = run(cExe).out;
  const actual = run(tsosExe).out;
  if (actual !== expected) throw new Error(`outputs differ\n  C:    ${expected.trim()}\n  tsos: ${actual.trim()}`);

  const cRuns: { cpuMs: number; wallMs: number }[] = [];
  const tsosRuns: { cpuMs: number; wallMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    cRuns.push(run(cExe));
    tsosRuns.push(run(tsosExe));
  }
  const med = (xs: { cpuMs: number; wallMs: number }[], k: "cpuMs" | "wallMs") => median(xs.map((x) => x[k]));
  return { name, cMs: med(cRuns, "cpuMs"), tsosMs: med(tsosRuns, "cpuMs"), cWallMs: med(cRuns, "wallMs"), tsosWallMs: med(tsosRuns, "wallMs"), compileMs };
}

function printTable(rows: Row[]): void {
  const header = ["program", "C cpu ms", "tsos cpu ms", "ratio tsos/C", "C wall ms", "tsos wall ms", "TS->C compile ms"];
  const cells = rows.map((r) => [
    r.name,
    r.cMs.toFixed(1),
    r.tsosMs.toFixed(1),
    `${(r.tsosMs / r.cMs).toFixed(2)}x`,
    r.cWallMs.toFixed(1),
    r.tsosWallMs.toFixed(1),
    r.compileMs.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    "| " + c.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const c of cells) console.log(line(c));
}

function main(): void {
  const names = process.argv.length > 2 ? process.argv.slice(2) : PROGRAMS;
  for (const n of names) if (!PROGRAMS.includes(n)) throw new Error(`unknown benchmark ${n}`);
  mkdirSync(OUT, { recursive: true });

  const gcc = execFileSync("gcc", ["--version"], { encoding: "utf8" }).split("\n")[0];
  const cpus = os.cpus();
  console.log(`note: ${gcc}; ${os.availableParallelism()} CPUs (${cpus[0]?.model.trim() ?? "unknown model"})`);
  console.log(`note: C built with gcc ${C_FLAGS.join(" ")}; ${RUNS} alternating runs each, medians of CPU time (user + system) compared`);

  const rows: Row[] = [];
  const failed: string[] = [];
  for (const name of names) {
    console.log(`${name}: building, checking, timing...`);
    try {
      rows.push(bench(name));
    } catch (err) {
      failed.push(name);
      const why =
        err instanceof CompileError ? err.diagnostics.map((d) => render(d)).join("\n") : err instanceof Error ? err.message : String(err);
      const log = path.join(OUT, `${name}.log`);
      writeFileSync(log, why + "\n");
      const lines = why.split("\n");
      console.log(`${name}: FAILED (full report in ${log})`);
      console.log(lines.slice(0, MAX_REPORT_LINES).join("\n"));
      if (lines.length > MAX_REPORT_LINES) console.log(`... ${lines.length - MAX_REPORT_LINES} more lines`);
    }
  }

  console.log();
  if (rows.length > 0) printTable(rows);
  const ratios = rows.map((r) => r.tsosMs / r.cMs);
  if (ratios.length > 0) {
    const max = Math.max(...ratios);
    const med = median(ratios);
    const verdict = (ok: boolean) => (ok && failed.length === 0 ? "met" : "NOT met");
    console.log(`\nmax ratio:    ${max.toFixed(2)}x  (goal: every ratio <= ${GOAL_MAX_RATIO}x: ${verdict(max <= GOAL_MAX_RATIO)})`);
    console.log(`median ratio: ${med.toFixed(2)}x  (goal: median <= ${GOAL_MEDIAN_RATIO}x: ${verdict(med <= GOAL_MEDIAN_RATIO)})`);
  }
  if (failed.length > 0) {
    console.log(`\nfailed: ${failed.join(", ")} (goals count as not met)`);
    process.exitCode = 1;
  }
}

main();
