/**
 * bench/compare.ts: issue 12's benchmarks, one program in five implementations
 * measured in the same run (`node --import tsx bench/compare.ts [name ...]`).
 *
 * Input:  the programs of PROGRAMS (bench/programs/<name>.ts, bench/c/<name>.c,
 *         bench/programs/as/<name>.ts; bench/impls.ts builds them) and bench/measure.c
 *         (runs a command, reports its CPU time, wall time and peak RSS).
 *         BENCH_RUNS sets the timed runs per implementation (default 5).
 * Output: on stdout three tables: CPU time per implementation with the ratios
 *         tsos/C and tsos/Node; peak memory (max RSS) with tsos/Node; the
 *         reference-count operations tsos executed (from a TSOS_COUNT_RC
 *         build) and its retain/release call sites in the generated C. Then
 *         the goals (tsos <= 1.25x C, faster than Node, less memory than Node)
 *         and every "n/a" with the tool's own error.
 * Method: one untimed run of each implementation checks that its output is
 *         exactly C's (a different output makes it "n/a: wrong output", and
 *         for tsos a failure); then RUNS rounds run every implementation once
 *         each, in turn, and the medians of the CPU times (user + system of
 *         the whole process, so Node's helper threads count) and of max RSS are
 *         compared. AssemblyScript's time is measured inside its Node process
 *         around the exported main (its RSS is the whole process's).
 * Exit status: 1 if tsos or C fails to build, run or match; the other tools'
 *         failures are reported as n/a, and unmet goals are reported only.
 */
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CompileError, render } from "../src/compiler/diagnostics.ts";
import { C_FLAGS, IMPLS, OUT, buildAssemblyScript, buildC, buildNode, buildPorffor, buildTsos, oneLine, prepare, type Built, type ImplName } from "./impls.ts";

const PROGRAMS = ["binary_trees", "pipeline", "word_count", "string_builder"];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_MAX_RATIO_C = 1.25;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);

interface Measurement {
  out: string;
  cpuMs: number;
  wallMs: number;
  rssKiB: number;
}

interface Row {
  name: string;
  built: Built[];
  /** Median CPU ms, wall ms and max RSS per implementation that ran. */
  cpu: Map<ImplName, number>;
  wall: Map<ImplName, number>;
  rss: Map<ImplName, number>;
  rc: { retains: number; releases: number; drops: number };
  staticRc: { retains: number; releases: number };
  compileMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

let measureExe = "";

/** Runs a command under bench/measure.c; throws with the tool's complaint if it fails. */
function run(cmd: string[], timedInside = false): Measurement & { stderr: string } {
  const r = spawnSync(measureExe, cmd, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.error) throw r.error;
  const m = /measure: ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`${cmd.join(" ")}: no measurement in\n${r.stderr}`);
  const stderr = r.stderr.slice(0, m.index);
  if (r.status !== 0) {
    const signal = r.status! > 128 ? Object.entries(os.constants.signals).find(([, n]) => n === r.status! - 128)?.[0] : undefined;
    const how = signal ? `killed by ${signal}` : `exit status ${r.status}`;
    throw new Error(`${path.basename(cmd[cmd.length - 1])}: ${how}: ${oneLine(stderr + r.stdout)}`);
  }
  let cpuMs = Number(m[1]);
  if (timedInside) {
    const inside = /inside: ([\d.]+)/.exec(stderr);
    if (!inside) throw new Error(`${cmd.join(" ")}: no inside time`);
    cpuMs = Number(inside[1]);
  }
  return { out: r.stdout, cpuMs, wallMs: Number(m[2]), rssKiB: Number(m[3]), stderr };
}

function bench(name: string): Row {
  const c = buildC(name);
  const tsos = buildTsos(name);
  const others = [buildNode(name), buildAssemblyScript(name), buildPorffor(name)];
  const built = [c, tsos, ...others];

  const expected = run(c.cmd!).out;
  const actual = run(tsos.cmd!).out;
  if (actual !== expected) throw new Error(`tsos output differs from C's\n  C:    ${expected.trim()}\n  tsos: ${actual.trim()}`);
  for (const b of others) {
    if (!b.cmd) continue;
    try {
      const out = run(b.cmd, b.timedInside).out;
      if (out !== expected) b.na = `wrong output: ${oneLine(out.split("\n").find((l, i) => l !== expected.split("\n")[i]) ?? out)}`;
    } catch (err) {
      b.na = err instanceof Error ? oneLine(err.message) : String(err);
      if (b.explainCmd) {
        const r = spawnSync(b.explainCmd[0], b.explainCmd.slice(1), { encoding: "utf8", timeout: 60_000 });
        if (r.signal === "SIGTERM") b.na += "; run as Wasm: no result within 60 s";
        else if (r.status !== 0) b.na += `; run as Wasm: ${oneLine(r.stderr + r.stdout)}`;
      }
    }
    if (b.na) b.cmd = undefined;
  }

  const rcRun = run(tsos.rcCmd);
  const rcm = /tsos rc: (\d+) retains, (\d+) releases, (\d+) drops/.exec(rcRun.stderr);
  if (!rcm) throw new Error(`no reference-count report from the TSOS_COUNT_RC build:\n${rcRun.stderr}`);

  const samples = new Map<ImplName, Measurement[]>();
  for (let i = 0; i < RUNS; i++) {
    for (const b of built) {
      if (!b.cmd) continue;
      const list = samples.get(b.impl) ?? [];
      list.push(run(b.cmd, b.timedInside));
      samples.set(b.impl, list);
    }
  }
  const med = (k: "cpuMs" | "wallMs" | "rssKiB") => new Map([...samples].map(([impl, xs]) => [impl, median(xs.map((x) => x[k]))]));
  return {
    name,
    built,
    cpu: med("cpuMs"),
    wall: med("wallMs"),
    rss: med("rssKiB"),
    rc: { retains: Number(rcm[1]), releases: Number(rcm[2]), drops: Number(rcm[3]) },
    staticRc: tsos.staticRc,
    compileMs: tsos.compileMs,
  };
}

function printTable(header: string[], cells: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => "| " + c.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const c of cells) console.log(line(c));
}

const fmt = (x: number | undefined, digits = 1) => (x === undefined ? "n/a" : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)}x`);
const count = (x: number) => x.toLocaleString("en-US");

function report(rows: Row[]): void {
  console.log("\nCPU time, median ms (user + system; AssemblyScript: inside the process, around main)\n");
  printTable(
    ["program", ...IMPLS, "tsos/C", "tsos/Node", "tsos wall ms", "TS->C compile ms"],
    rows.map((r) => [
      r.name,
      ...IMPLS.map((i) => fmt(r.cpu.get(i))),
      ratio(r.cpu.get("tsos"), r.cpu.get("C")),
      ratio(r.cpu.get("tsos"), r.cpu.get("Node")),
      fmt(r.wall.get("tsos")),
      fmt(r.compileMs),
    ]),
  );
  console.log("\nPeak memory, median max RSS in MiB (the whole process)\n");
  printTable(
    ["program", ...IMPLS, "tsos/C", "tsos/Node"],
    rows.map((r) => [
      r.name,
      ...IMPLS.map((i) => fmt(r.rss.has(i) ? r.rss.get(i)! / 1024 : undefined)),
      ratio(r.rss.get("tsos"), r.rss.get("C")),
      ratio(r.rss.get("tsos"), r.rss.get("Node")),
    ]),
  );
  console.log("\ntsos reference counting: operations executed on objects (TSOS_COUNT_RC build) and call sites in the generated C\n");
  printTable(
    ["program", "retains", "releases", "objects freed", "retain sites", "release sites"],
    rows.map((r) => [r.name, count(r.rc.retains), count(r.rc.releases), count(r.rc.drops), String(r.staticRc.retains), String(r.staticRc.releases)]),
  );

  console.log("\ngoals (tsos):");
  for (const r of rows) {
    const c = r.cpu.get("C")!;
    const t = r.cpu.get("tsos")!;
    const n = r.cpu.get("Node");
    const verdict = (ok: boolean | undefined) => (ok === undefined ? "n/a" : ok ? "met" : "NOT met");
    console.log(
      `  ${r.name.padEnd(16)} <= ${GOAL_MAX_RATIO_C}x C: ${verdict(t / c <= GOAL_MAX_RATIO_C)};` +
        ` faster than Node: ${verdict(n === undefined ? undefined : t < n)};` +
        ` less memory than Node: ${verdict(r.rss.has("Node") ? r.rss.get("tsos")! < r.rss.get("Node")! : undefined)}`,
    );
  }
  const notes = rows.flatMap((r) => r.built.filter((b) => b.na || b.note).map((b) => `  ${r.name} ${b.impl}: ${b.na ? `n/a: ${b.na}` : b.note}`));
  if (notes.length > 0) console.log(`\nnotes:\n${notes.join("\n")}`);
}

function main(): void {
  const names = process.argv.length > 2 ? process.argv.slice(2) : PROGRAMS;
  for (const n of names) if (!PROGRAMS.includes(n)) throw new Error(`unknown benchmark ${n}`);
  prepare();
  measureExe = path.join(OUT, "measure");
  execFileSync("gcc", [...C_FLAGS, "-o", measureExe, path.join("bench", "measure.c")], { stdio: "inherit" });

  const gcc = execFileSync("gcc", ["--version"], { encoding: "utf8" }).split("\n")[0];
  console.log(`note: ${gcc}; ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown model"}); load ${os.loadavg()[0].toFixed(2)}`);
  console.log(`note: C and tsos built with gcc ${C_FLAGS.join(" ")}; ${RUNS} rounds, each implementation once per round; medians`);

  const rows: Row[] = [];
  const failed: string[] = [];
  for (const name of names) {
    console.log(`${name}: building, checking, timing...`);
    try {
      rows.push(bench(name));
    } catch (err) {
      failed.push(name);
      const why = err instanceof CompileError ? err.diagnostics.map((d) => render(d)).join("\n") : err instanceof Error ? err.message : String(err);
      console.log(`${name}: FAILED\n${why}`);
    }
  }
  if (rows.length > 0) report(rows);
  console.log(`\nload average at the end: ${os.loadavg()[0].toFixed(2)}`);
  if (failed.length > 0) {
    console.log(`\nfailed: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

main();
