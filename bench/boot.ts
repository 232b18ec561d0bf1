/**
 * bench/boot.ts: kernel boot and build benchmarks (`npm run bench`, after run.ts).
 *
 * Input:  the kernel (kernel/), its integration test kernel/tests/basic_boot.ts,
 *         and an empty kernel written to a temporary directory (its only work:
 *         write 0x10 to isa-debug-exit). BENCH_BOOTS sets the boots per kernel
 *         (default 10); BENCH_ONLY=<text> runs only the sections whose name contains it.
 * Output: on stdout a table with goals: boot-to-exit medians of basic_boot and
 *         of the empty kernel on `-machine pc` and their ratio; wall time of
 *         the whole `tsos test` (clean and up to date); clean and no-op
 *         `tsos build`. Images go to build/bench/boot/. (QEMU's CPU share
 *         while the kernel idles is in bench/irq.ts, with the other interrupt
 *         benchmarks.)
 * Method: the CLI runs as `node bin/tsos.js` (what `npx tsos` runs, without
 *         npx's own start-up); the two kernels boot alternately; medians.
 * Exit status: 1 if something failed to build or run; unmet goals are reported, not failures.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runQemu } from "../src/cli/qemu.ts";
import { stampPath } from "../src/cli/stamp.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const OUT = path.join("build", "bench", "boot");
const BOOTS = Number(process.env.BENCH_BOOTS ?? 10);

const EMPTY_KERNEL = `// The floor: a kernel that exits at once (0x10 to isa-debug-exit: QEMU status 33).
/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  outl(0xf4, 0x11);
  while (true) hlt();
}
outl(0xf4, 0x10);
`;

interface Row {
  what: string;
  value: string;
  goal: string;
  met?: boolean;
}
const rows: Row[] = [];
let failed = false;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs the CLI; returns the wall time in ms, or throws with its output. */
function tsos(...args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/tsos.js", ...args, "--color", "never"], { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`tsos ${args.join(" ")} exited with ${r.status}:\n${r.stderr}${r.stdout}`);
  return ms;
}

/** Runs one benchmark section (it pushes its own rows); a failure becomes a "failed" row. */
async function section(what: string, fn: () => Promise<void> | void): Promise<void> {
  if (process.env.BENCH_ONLY && !what.includes(process.env.BENCH_ONLY)) return;
  try {
    await fn();
  } catch (e) {
    failed = true;
    rows.push({ what, value: "failed", goal: "" });
    process.stderr.write(`bench/boot: ${what}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

async function bootMs(kernel: string): Promise<number> {
  const t0 = performance.now();
  const r = await runQemu({ kernel, machine: "pc", display: "none", serial: "pipe", timeoutMs: 60_000 });
  const ms = performance.now() - t0;
  if (!r.success) throw new Error(`${kernel}: QEMU exited with ${r.exitCode}${r.timedOut ? " (timed out)" : ""}\n${r.serial}${r.stderr}`);
  return ms;
}

async function bootBench(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tsos-bench-empty-"));
  const empty = path.join(OUT, "empty.elf");
  const basic = path.join(OUT, "basic_boot.elf");
  let ratio = 0;
  try {
    writeFileSync(path.join(tmp, "empty.ts"), EMPTY_KERNEL);
    tsos("build", "-q", path.join(tmp, "empty.ts"), "-o", empty);
    tsos("build", "-q", "kernel/tests/basic_boot.ts", "-o", basic);
    const times = { empty: [] as number[], basic: [] as number[] };
    await bootMs(empty); // warm the page cache
    for (let i = 0; i < BOOTS; i++) {
      times.empty.push(await bootMs(empty));
      times.basic.push(await bootMs(basic));
    }
    const [e, b] = [median(times.empty), median(times.basic)];
    ratio = b / e;
    rows.push({ what: "boot to exit: empty kernel (the floor)", value: `${e.toFixed(0)} ms`, goal: "" });
    rows.push({ what: "boot to exit: basic_boot", value: `${b.toFixed(0)} ms`, goal: "" });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  rows.push({ what: "  ratio basic_boot / empty", value: `${ratio.toFixed(2)}x`, goal: "<= 1.15x", met: ratio <= 1.15 });
}

function testBench(): void {
  const runs = 3;
  const clean: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(path.join("build", "kernel", "test"), { recursive: true, force: true });
    clean.push(tsos("test", "-q"));
    cached.push(tsos("test", "-q"));
  }
  const [c, u] = [median(clean), median(cached)];
  rows.push({ what: "tsos test, clean (build + boot all)", value: `${(c / 1000).toFixed(2)} s`, goal: "<= 3 s", met: c <= 3000 });
  rows.push({ what: "tsos test, kernels up to date", value: `${(u / 1000).toFixed(2)} s`, goal: "<= 3 s", met: u <= 3000 });
}

function buildBench(): void {
  const image = path.join(OUT, "kernel.elf");
  const clean: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(image, { force: true });
    rmSync(stampPath(image), { force: true });
    clean.push(tsos("build", "-q", "-o", image));
  }
  const noop: number[] = [];
  for (let i = 0; i < 10; i++) noop.push(tsos("build", "-q", "-o", image));
  const [c, n] = [median(clean), median(noop)];
  rows.push({ what: "tsos build, clean", value: `${(c / 1000).toFixed(2)} s`, goal: "<= 2 s", met: c <= 2000 });
  rows.push({ what: "tsos build, no-op", value: `${(n / 1000).toFixed(2)} s`, goal: "<= 0.3 s", met: n <= 300 });
}

const qemuVersion = spawnSync("qemu-system-x86_64", ["--version"], { encoding: "utf8" }).stdout?.split("\n")[0] ?? "qemu not found";
process.stdout.write(`\nBoot and build benchmarks (${qemuVersion}, TCG, -machine pc; ${os.availableParallelism()} CPUs; medians)\n\n`);
await section("boot to exit", bootBench);
await section("tsos test", testBench);
await section("tsos build", buildBench);

const w = Math.max(...rows.map((r) => r.what.length));
process.stdout.write(`${"measure".padEnd(w)}  ${"value".padStart(9)}  goal\n`);
for (const r of rows) {
  const verdict = r.met === undefined ? "" : r.met ? "goal met" : "NOT met";
  process.stdout.write(`${r.what.padEnd(w)}  ${r.value.padStart(9)}  ${r.goal.padEnd(9)}  ${verdict}\n`.replace(/\s+\n$/, "\n"));
}
process.exitCode = failed ? 1 : 0;
