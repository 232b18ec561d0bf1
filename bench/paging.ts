/**
 * bench/paging.ts: paging benchmarks (`npm run bench`, after boot.ts):
 * the kernel's mapper against hand-written C doing the same table walks.
 *
 * Input:  kernel/bench/paging_bench.ts (the real OffsetPageTable and frame
 *         allocator, built with `tsos build`) and bench/c/paging_walk.c (the
 *         same walks in C, built by the compiler's own gccKernel with boot.S
 *         and linker.ld, so both are kernels with the same flags). Each
 *         prints `paging-bench: map+unmap <n> translate <n>`, TSC ticks per
 *         operation. QEMU runs with `-icount shift=0`: its virtual clock, and
 *         so the TSC, advances by guest instructions executed, not host time,
 *         so the counts are exact and repeatable however loaded the host is
 *         (plain TCG time swung 3x between runs here). BENCH_BOOTS sets the
 *         boots (default 3; with icount they agree exactly).
 * Output: a table on stdout: per-operation cycles of each, and the ratio
 *         TypeScript / C with its goal (<= 1.2x), measured in the same run,
 *         boots alternating. The goal rows compare calls with calls (the C
 *         walks are noinline, as the mapper's methods stay calls); two more
 *         rows compare with C that gcc inlined into the loop (no goal). Images go to build/bench/paging/.
 * Exit status: 1 if something failed to build or run; unmet goals are reported, not failures.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runQemu } from "../src/cli/qemu.ts";
import { gccKernel } from "../src/compiler/gcc.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const OUT = path.join("build", "bench", "paging");
const BOOTS = Number(process.env.BENCH_BOOTS ?? 3);
const GOAL = 1.2;

interface Cycles {
  map: number;
  translate: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function boot(kernel: string): Promise<Cycles> {
  const r = await runQemu({ kernel, machine: "pc", display: "none", serial: "pipe", timeoutMs: 120_000, extraArgs: ["-icount", "shift=0"] });
  const m = /paging-bench: map\+unmap (\d+) translate (\d+)/.exec(r.serial);
  if (!r.success || !m) throw new Error(`${kernel}: QEMU exited with ${r.exitCode}${r.timedOut ? " (timed out)" : ""}\n${r.serial}${r.stderr}`);
  return { map: Number(m[1]), translate: Number(m[2]) };
}

mkdirSync(OUT, { recursive: true });
const tsKernel = path.join(OUT, "paging_ts.elf");
const cKernel = path.join(OUT, "paging_c.elf");
const cInlineKernel = path.join(OUT, "paging_c_inline.elf");
const build = spawnSync(process.execPath, ["bin/tsos.js", "build", "-q", "kernel/bench/paging_bench.ts", "-o", tsKernel, "--color", "never"], { encoding: "utf8" });
if (build.status !== 0) throw new Error(`tsos build kernel/bench/paging_bench.ts failed:\n${build.stderr}${build.stdout}`);
const cSource = readFileSync("bench/c/paging_walk.c", "utf8");
await gccKernel(cSource, cKernel);
await gccKernel(`#define WALK_INLINE 1\n${cSource}`, cInlineKernel);

const ts: Cycles[] = [];
const c: Cycles[] = [];
const cInline: Cycles[] = [];
for (let i = 0; i < BOOTS; i++) {
  ts.push(await boot(tsKernel));
  c.push(await boot(cKernel));
  cInline.push(await boot(cInlineKernel));
}
const rows: [string, number, number, boolean][] = [
  ["map + unmap, one 4 KiB page", median(ts.map((x) => x.map)), median(c.map((x) => x.map)), true],
  ["translate, 4-level walk to a 4 KiB page", median(ts.map((x) => x.translate)), median(c.map((x) => x.translate)), true],
  ["  C inlined into the loop: map + unmap", median(ts.map((x) => x.map)), median(cInline.map((x) => x.map)), false],
  ["  C inlined into the loop: translate", median(ts.map((x) => x.translate)), median(cInline.map((x) => x.translate)), false],
];
process.stdout.write(`\nPaging benchmarks (TCG -icount shift=0, -machine pc: TSC ticks = guest instructions per operation; medians of ${BOOTS} boots each)\n\n`);
const w = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(`${"measure".padEnd(w)}  ${"tsos".padStart(7)}  ${"C".padStart(7)}  ${"ratio".padStart(6)}  goal\n`);
for (const [what, t, cc, goal] of rows) {
  const ratio = t / cc;
  const verdict = goal ? `  <= ${GOAL}x  ${ratio <= GOAL ? "goal met" : "NOT met"}` : "";
  process.stdout.write(`${what.padEnd(w)}  ${String(t).padStart(7)}  ${String(cc).padStart(7)}  ${ratio.toFixed(2).padStart(5)}x${verdict}\n`);
}
