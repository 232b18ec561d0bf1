/**
 * bench/alloc.ts: the heap allocator benchmarks (issue 13; run by hand:
 * `node --import tsx bench/alloc.ts`, never by the tests).
 *
 * Input:  bench/programs/alloc_trace.ts (lib/alloc's bump, linked-list and
 *         fixed-block allocators, in the dialect) and bench/c/alloc_trace.c
 *         (the same three algorithms and the same traces by hand in C, plus
 *         glibc malloc). ALLOC_OPS sets the operations per trace (default
 *         4000000), BENCH_RUNS the timed runs per executable (default 5).
 * Output: build/bench/alloc/; on stdout two markdown tables:
 *   - throughput: per allocator and trace (small, mixed, churn), operations
 *     (allocs + frees) per second of CPU time for tsos and for C, and the
 *     ratio of their times (goal <= 1.2x), with glibc malloc for context and
 *     the kernel heap in QEMU (kernel/bench/alloc_bench.ts, built with
 *     --allocator, booted with -icount shift=0: a TSC tick is one guest
 *     instruction, shown as Mops/s at one instruction per ns). The
 *     time of the trace alone (allocator `none`: same loop, no allocator) is
 *     subtracted from both, so the ratio compares the allocators' own work;
 *   - fragmentation: per allocator and trace, the peak footprint (the highest
 *     heap address ever handed out, from the heap start) over the peak live
 *     bytes, and the largest block still free at the end of the trace (live
 *     blocks still held).
 * Method: as bench/run.ts: one untimed run of each checks that tsos and C
 *         print the same line (same blocks, same addresses); then they run
 *         alternately and the medians of their CPU times (user + system) are
 *         compared. The C is built with exactly the flags of tsos's C.
 * Exit status: 1 if something fails to build, run or match; an unmet goal is reported, not a failure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runQemu } from "../src/cli/qemu.ts";
import { compileToC } from "../src/compiler/compile.ts";
import { HOST_FLAGS, gccHost } from "../src/compiler/gcc.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const OUT = path.join("build", "bench", "alloc");
const OPS = process.env.ALLOC_OPS ?? "4000000";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL = 1.2;
const ALLOCATORS = ["bump", "linked-list", "fixed-block"];
const TRACES = ["small", "mixed", "churn"];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One run under bash's `time`: its output line and its CPU time in ms. */
function run(exe: string, args: string[]): { out: string; cpuMs: number } {
  const r = spawnSync("bash", ["-c", 'TIMEFORMAT="tsos-bench %3U %3S"; time "$@"', "bash", exe, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${exe} ${args.join(" ")} exited with status ${r.status}\n${r.stderr}`);
  const t = /tsos-bench (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (!t) throw new Error(`${exe}: no timing in\n${r.stderr}`);
  return { out: r.stdout.trim(), cpuMs: (Number(t[1]) + Number(t[2])) * 1000 };
}

/** Median CPU ms of `exe args`, RUNS times, alternating with `other` when given (its median second). */
function timeBoth(a: string, b: string, args: string[]): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ta.push(run(a, args).cpuMs);
    tb.push(run(b, args).cpuMs);
  }
  return [median(ta), median(tb)];
}

/** A number of the output line: `<n> allocs` (counts) or `peak-live <n>` (sizes). */
function field(line: string, name: string): number {
  const m = (["allocs", "frees", "drains"].includes(name) ? new RegExp(`(\\d+) ${name}`) : new RegExp(`${name} (\\d+)`)).exec(line);
  if (!m) throw new Error(`no ${name} in ${line}`);
  return Number(m[1]);
}

mkdirSync(OUT, { recursive: true });
const cExe = path.join(OUT, "alloc_trace.c.exe");
const tsosExe = path.join(OUT, "alloc_trace.tsos.exe");
execFileSync("gcc", [...HOST_FLAGS, "-O2", "-o", cExe, "bench/c/alloc_trace.c"], { stdio: "inherit" });
gccHost(compileToC("bench/programs/alloc_trace.ts", { target: "host" }).c, tsosExe, { opt: "-O2" });

/** Per allocator, the kernel's TSC ticks per operation of each trace. */
const kernelTicks = new Map<string, number>();
for (const allocator of ALLOCATORS) {
  const elf = path.join(OUT, `alloc_bench_${allocator}.elf`);
  const b = spawnSync(process.execPath, ["bin/tsos.js", "build", "-q", "--color", "never", "--allocator", allocator, "kernel/bench/alloc_bench.ts", "-o", elf], { encoding: "utf8" });
  if (b.status !== 0) throw new Error(`tsos build kernel/bench/alloc_bench.ts --allocator ${allocator} failed:\n${b.stderr}${b.stdout}`);
  const r = await runQemu({ kernel: elf, machine: "pc", display: "none", serial: "pipe", timeoutMs: 300_000, extraArgs: ["-icount", "shift=0"] });
  if (!r.success) throw new Error(`${elf}: QEMU exited with ${r.exitCode}\n${r.serial}${r.stderr}`);
  for (const m of r.serial.matchAll(/alloc-bench: (\S+) (\S+) ops (\d+) ticks (\d+)/g)) kernelTicks.set(`${m[1]} ${m[2]}`, Number(m[4]) / Number(m[3]));
}

console.log(`note: ${OPS} operations per trace; ${RUNS} alternating runs each; medians of CPU time; the trace loop alone (no allocator) subtracted`);
console.log("");
console.log("| allocator | trace | tsos Mops/s | C Mops/s | tsos/C time | glibc malloc Mops/s | kernel heap in QEMU, instructions/op (Mops/s) |");
console.log("|---|---|---|---|---|---|---|");
const fragmentation: string[] = [];
let worst = 0;
for (const trace of TRACES) {
  const [tsNone, cNone] = timeBoth(tsosExe, cExe, ["none", trace, OPS]);
  const noneLine = run(cExe, ["none", trace, OPS]).out;
  const ops = field(noneLine, "allocs") + field(noneLine, "frees");
  const [mallocMs] = timeBoth(cExe, cExe, ["malloc", trace, OPS]);
  for (const allocator of ALLOCATORS) {
    const args = [allocator, trace, OPS];
    const tsLine = run(tsosExe, args).out;
    const cLine = run(cExe, args).out;
    if (tsLine !== cLine) throw new Error(`tsos and C differ on ${args.join(" ")}\n  tsos: ${tsLine}\n  C:    ${cLine}`);
    const [tsMs, cMs] = timeBoth(tsosExe, cExe, args);
    const work = field(cLine, "allocs") + field(cLine, "frees");
    const tsNet = Math.max(tsMs - tsNone, 1);
    const cNet = Math.max(cMs - cNone, 1);
    const ratio = tsNet / cNet;
    worst = Math.max(worst, ratio);
    const mops = (n: number, ms: number) => (n / ms / 1000).toFixed(1);
    const ticks = kernelTicks.get(`${allocator} ${trace}`);
    const kernel = ticks === undefined ? "?" : `${ticks.toFixed(0)} (${(1000 / ticks).toFixed(1)})`;
    console.log(`| ${allocator} | ${trace} | ${mops(work, tsNet)} | ${mops(work, cNet)} | ${ratio.toFixed(2)}x | ${allocator === "bump" ? mops(ops, Math.max(mallocMs - cNone, 1)) : ""} | ${kernel} |`);
    const footprint = field(cLine, "peak-footprint");
    const live = field(cLine, "peak-live");
    fragmentation.push(`| ${allocator} | ${trace} | ${(footprint / 1024).toFixed(1)} KiB | ${(live / 1024).toFixed(1)} KiB | ${(footprint / live).toFixed(2)} | ${(field(cLine, "largest-free") / 1024).toFixed(1)} KiB | ${field(cLine, "drains")} |`);
  }
}
console.log("");
console.log(`goal: every tsos/C ratio <= ${GOAL}x: ${worst <= GOAL ? "met" : "NOT met"} (worst ${worst.toFixed(2)}x)`);
console.log("");
console.log("| allocator | trace | peak footprint | peak live | footprint / live | largest free at the end | drains |");
console.log("|---|---|---|---|---|---|---|");
for (const row of fragmentation) console.log(row);
