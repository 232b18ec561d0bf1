/**
 * bench/irq.ts: interrupt benchmarks (`npm run bench`, after boot.ts), all in
 * one run: IRQ latency, the round trip of an empty interrupt handler against
 * a hand-written one, and QEMU's CPU share while the kernel idles in `hlt`
 * against a kernel that spins.
 *
 * Input:  kernel/bench/irq_bench.ts (its header describes what it prints),
 *         the kernel (kernel/main.ts) for the idle measure, and a spinning
 *         kernel written to a temporary directory. Images go to build/bench/irq/.
 * Output: a table on stdout. Cycles are the guest's TSC; they are turned into
 *         time with the TSC's rate measured against the PIT in the same run.
 * Method: the TSC's rate against the PIT (median
 *         of 15 windows of 10 ms); one-shot PIT intervals, timed from the
 *         count read back with the TSC to the IRQ handler's first
 *         instruction, minus the count's length, are the latency. INT3 round trips run in batches
 *         alternating between the two handlers; the fastest batch is the cost
 *         without host interference, the median what a loaded host gives.
 *         Under QEMU's TCG (no KVM here) every figure is the emulator's: the
 *         cost of emulating the interrupt path, not a CPU's.
 * Exit status: 1 if something failed to build or run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runQemu } from "../src/cli/qemu.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const OUT = path.join("build", "bench", "irq");
const PIT_HZ = 1_193_182;

// The baseline for the idle measure: a kernel that never halts.
const BUSY_KERNEL = `// Spins with interrupts off: QEMU's CPU thread never sleeps.
/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  while (true) hlt();
}
cli();
while (true) spinLoopHint();
`;

const rows: { what: string; value: string }[] = [];

function tsos(...args: string[]): void {
  const r = spawnSync(process.execPath, ["bin/tsos.js", ...args, "--color", "never"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tsos ${args.join(" ")} exited with ${r.status}:\n${r.stderr}${r.stdout}`);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
const median = (xs: number[]) => quantile(xs, 0.5);

/** Boots the benchmark kernel and returns its COM1 lines. */
async function benchKernelOutput(): Promise<string[]> {
  const image = path.join(OUT, "irq_bench.elf");
  tsos("build", "-q", "kernel/bench/irq_bench.ts", "-o", image);
  const r = await runQemu({ kernel: image, machine: "pc", display: "none", serial: "pipe", timeoutMs: 300_000 });
  if (!r.success || !r.serial.includes("done")) throw new Error(`irq_bench: QEMU exited with ${r.exitCode}${r.timedOut ? " (timed out)" : ""}\n${r.serial}${r.stderr}`);
  writeFileSync(path.join(OUT, "irq_bench.serial"), r.serial); // the raw samples, to look at
  return r.serial.split("\n").map((l) => l.trim());
}

function kernelBench(lines: string[]): void {
  // IRQ to handler entry: the cycles from a paired (count, TSC) reading to the handler, less the count's length.
  const latencies = (mode: string) =>
    lines.filter((l) => l.startsWith(`oneshot ${mode} `)).map((l) => Number(l.split(" ")[3]) - Number(l.split(" ")[2]) * cyclesPerPitClock);
  const calibrations = lines.filter((l) => l.startsWith("calibration ")).map((l) => Number(l.split(" ")[2]) / Number(l.split(" ")[1]));
  const cyclesPerPitClock = median(calibrations);
  const ghz = (cyclesPerPitClock * PIT_HZ) / 1e9;
  const ns = (cycles: number) => (cycles / ghz).toFixed(0);
  const us = (cycles: number) => (cycles / ghz / 1000).toFixed(1);
  rows.push({ what: "guest TSC rate, measured against the PIT", value: `${ghz.toFixed(3)} GHz` });
  for (const mode of ["spin", "halt"]) {
    const latency = latencies(mode);
    const label = mode === "spin" ? "CPU spinning" : "CPU halted (hlt)";
    rows.push({ what: `PIT IRQ to handler entry, ${label}: median`, value: `${us(median(latency))} us` });
    rows.push({ what: `  25th-75th percentile`, value: `${us(quantile(latency, 0.25))}-${us(quantile(latency, 0.75))} us` });
  }
  const int3 = (kind: string) =>
    lines.filter((l) => l.startsWith(`int3 ${kind} `)).map((l) => Number(l.split(" ")[2]) / Number(l.split(" ")[3]));
  const [ts, asm] = [int3("typescript"), int3("asm")];
  rows.push({ what: "INT3 round trip, empty TypeScript handler: fastest batch", value: `${Math.min(...ts).toFixed(0)} cyc (${ns(Math.min(...ts))} ns)` });
  rows.push({ what: "INT3 round trip, hand-written IRETQ: fastest batch", value: `${Math.min(...asm).toFixed(0)} cyc (${ns(Math.min(...asm))} ns)` });
  rows.push({ what: "  ratio TypeScript / hand-written (fastest)", value: `${(Math.min(...ts) / Math.min(...asm)).toFixed(2)}x` });
  rows.push({ what: "  ratio TypeScript / hand-written (medians)", value: `${(median(ts) / median(asm)).toFixed(2)}x` });
}

/** CPU seconds (user + system) QEMU process `pid` has used so far (proc(5), /proc/<pid>/stat fields 14-15). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; USER_HZ is 100 on Linux
}

/** QEMU's CPU use over `seconds` of wall time once `kernel` has booted (1.0 = one host CPU). */
async function cpuShare(kernel: string, seconds: number): Promise<number> {
  const qemu = spawn("qemu-system-x86_64", ["-kernel", kernel, "-machine", "pc", "-display", "none", "-serial", "null", "-no-reboot"], { stdio: "ignore" });
  try {
    await new Promise((r) => setTimeout(r, 1500)); // boot and settle
    const c0 = cpuSeconds(qemu.pid!);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return (cpuSeconds(qemu.pid!) - c0) / ((performance.now() - t0) / 1000);
  } finally {
    qemu.kill("SIGKILL");
  }
}

/** blog_os post 07 idles in `hlt`: QEMU should then sleep too. Baseline: a kernel spinning, measured the same way. */
async function idleBench(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tsos-bench-busy-"));
  try {
    const busy = path.join(OUT, "busy.elf");
    const idle = path.join(OUT, "idle.elf");
    writeFileSync(path.join(tmp, "busy.ts"), BUSY_KERNEL);
    tsos("build", "-q", path.join(tmp, "busy.ts"), "-o", busy);
    tsos("build", "-q", "-o", idle);
    const b = await cpuShare(busy, 3);
    const i = await cpuShare(idle, 3);
    rows.push({ what: "QEMU CPU while the kernel spins (baseline)", value: `${(b * 100).toFixed(0)} %` });
    rows.push({ what: "QEMU CPU while the kernel idles in hlt (100 Hz timer)", value: `${(i * 100).toFixed(1)} %` });
    rows.push({ what: "  ratio idle / spinning", value: `${(i / b).toFixed(3)}x` });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const qemuVersion = spawnSync("qemu-system-x86_64", ["--version"], { encoding: "utf8" }).stdout?.split("\n")[0] ?? "qemu not found";
process.stdout.write(`\nInterrupt benchmarks (${qemuVersion}, TCG: emulator figures; -machine pc; ${os.availableParallelism()} CPUs; load ${os.loadavg()[0]!.toFixed(1)})\n\n`);
mkdirSync(OUT, { recursive: true });
let failed = false;
for (const [what, fn] of [
  ["irq_bench kernel", async () => kernelBench(await benchKernelOutput())],
  ["idle CPU", idleBench],
] as const) {
  try {
    await fn();
  } catch (e) {
    failed = true;
    rows.push({ what, value: "failed" });
    process.stderr.write(`bench/irq: ${what}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
const w = Math.max(...rows.map((r) => r.what.length));
for (const r of rows) process.stdout.write(`${r.what.padEnd(w)}  ${r.value}\n`);
process.exitCode = failed ? 1 : 0;
