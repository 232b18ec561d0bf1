/**
 * cli/commands/test.ts: `tsos test [filter]`, blog_os's `cargo test` for tsos.
 *
 * Input:  <kernel-dir>/main.ts built as the unit-test kernel (TEST_BUILD, the
 *         @test functions), and every <kernel-dir>/tests/*.ts as its own
 *         integration-test kernel; a name filter (substring); --timeout <s>
 *         per kernel (default 300, as blog_os).
 * Output: all kernels built (stale ones only, gcc in parallel), then booted
 *         headless in parallel (os.availableParallelism() at a time) on
 *         `-machine pc`; `test <name> ... ok|FAILED` per unit test and per
 *         integration kernel on stdout, in a fixed order; each failure's
 *         serial output, indented (fault addresses symbolized to .ts lines);
 *         a cargo summary ("N filtered out" counts unit tests and integration
 *         kernels alike). Exit 0 iff all passed.
 *         An integration test's `// @qemu-args: <args>` lines boot its
 *         kernel once per line with those QEMU arguments added (e.g. `-m 32M`),
 *         each run reported as `<name> [<args>]`. Its `// @allocators:
 *         <names>` line builds it once per heap allocator named (the kernel's
 *         HEAP_ALLOCATOR), each reported as `<name> [<allocator>]`; other
 *         kernels are built with --allocator (default fixed-block).
 * Invariants: a kernel passes only if QEMU exits 33; 35, any other status,
 *             or the timeout is a failure. The unit-test kernel cannot be
 *             told a filter: it runs every test, the filter hides passing ones.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ALLOCATOR_NAMES, type AllocatorName, type Flags, UsageError, seconds, shown, status } from "../options.ts";
import { type KernelJob, buildDir, buildKernels, requireBuildTools } from "../kernel-build.ts";
import { type QemuResult, runQemu } from "../qemu.ts";
import { requireTool } from "../tools.ts";
import { type Summary, indent, parseUnitTests, resultLine, summaryLine } from "../test-report.ts";
import { symbolize } from "../symbolize.ts";
import { progress } from "../progress.ts";
import { explainStatus, interrupted } from "./run.ts";

const DEFAULT_TIMEOUT_S = 300;
/** How often a kernel that is still running is named on stderr. */
const STILL_RUNNING_MS = 30_000;

interface Failure {
  name: string;
  job: KernelJob;
  why: string;
  serial: string;
}

/** The kernels to build and boot, and how many integration kernels the filter left out. */
function testJobs(flags: Flags, filter: string | undefined): { jobs: KernelJob[]; filteredOut: number } {
  const main = path.join(flags.kernelDir, "main.ts");
  if (!existsSync(main)) throw new UsageError(`no such file: ${main}; run tsos in the project root or pass --kernel-dir <dir>`);
  const out = path.join(buildDir(flags.kernelDir), "test");
  const jobs: KernelJob[] = [{ name: "unit tests", entry: main, out: path.join(out, "unit.elf"), test: true, allocator: flags.allocator }];
  const testsDir = path.join(flags.kernelDir, "tests");
  const files = existsSync(testsDir) ? readdirSync(testsDir).filter((f) => f.endsWith(".ts")).sort() : [];
  let filteredOut = 0;
  for (const file of files) {
    const name = path.basename(file, ".ts");
    if (filter !== undefined && !name.includes(filter)) filteredOut++;
    else {
      const entry = path.join(testsDir, file);
      const allocators = allocatorsOf(entry);
      if (allocators.length === 0) jobs.push({ name, entry, out: path.join(out, `${name}.elf`), test: false, allocator: flags.allocator });
      for (const allocator of allocators) jobs.push({ name: `${name} [${allocator}]`, entry, out: path.join(out, `${name}-${allocator}.elf`), test: false, allocator });
    }
  }
  return { jobs, filteredOut };
}

/** The allocators a test's `// @allocators: bump linked-list fixed-block` line names (none: build it once). */
function allocatorsOf(entry: string): AllocatorName[] {
  const m = /^\/\/\s*@allocators:\s*(.+)$/m.exec(readFileSync(entry, "utf8"));
  if (!m) return [];
  return m[1]!.trim().split(/\s+/).map((name) => {
    const known = ALLOCATOR_NAMES.find((n) => n === name);
    if (known === undefined) throw new UsageError(`${shown(entry)}: @allocators names \`${name}\`, not one of ${ALLOCATOR_NAMES.join(", ")}`);
    return known;
  });
}

/** One boot of a built kernel: an integration kernel may be booted once per `@qemu-args` line. */
interface TestRun {
  name: string;
  /** Index of the kernel in the job list. */
  job: number;
  extraArgs: string[];
}

/** Each job booted once, or an integration test once per `// @qemu-args: <args>` header line. */
function testRuns(jobs: KernelJob[]): TestRun[] {
  const runs: TestRun[] = [];
  for (const [i, job] of jobs.entries()) {
    const lines = job.test ? [] : [...readFileSync(job.entry, "utf8").matchAll(/^\/\/\s*@qemu-args:\s*(.+)$/gm)].map((m) => m[1]!.trim());
    if (lines.length === 0) runs.push({ name: job.name, job: i, extraArgs: [] });
    for (const line of lines) runs.push({ name: `${job.name} [${line}]`, job: i, extraArgs: line.split(/\s+/) });
  }
  return runs;
}

/** At most `limit` calls of `job` in flight. */
function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * What an integration test's header says its serial output must contain:
 * `// @expect-serial: <text>` (a literal substring),
 * `// @expect-serial[<allocator>]: <text>` (the same, only in the build for
 * that heap allocator: an expected failure under bump, as blog_os's
 * many_boxes_long_lived) and `// @expect-serial-ts-line: <n>` (the test
 * file's own `file.ts:<n>`, as the symbolizer appends it to a fault's
 * instruction pointer).
 */
function missingExpectations(entry: string, serial: string, allocator: AllocatorName | undefined): string[] {
  const source = readFileSync(entry, "utf8");
  const wanted: string[] = [];
  for (const m of source.matchAll(/^\/\/\s*@expect-serial(?:\[([\w-]+)\])?:\s*(.+)$/gm)) {
    if (m[1] === undefined || m[1] === (allocator ?? "fixed-block")) wanted.push(m[2]!.trim());
  }
  for (const m of source.matchAll(/^\/\/\s*@expect-serial-ts-line:\s*(\d+)\s*$/gm)) wanted.push(`${path.relative(process.cwd(), path.resolve(entry))}:${m[1]}`);
  return wanted.filter((w) => !serial.includes(w));
}

function why(r: QemuResult, timeoutS: number): string {
  if (r.timedOut) return `timed out after ${timeoutS}s: the kernel neither exited nor failed (a hang? raise --timeout if it is just slow)`;
  if (r.exitCode === 0) return `kernel reset (triple fault?): QEMU exited with status 0${explainStatus(r.exitCode)}`;
  return `QEMU exited with status ${r.exitCode}${explainStatus(r.exitCode)}`;
}

export async function testCommand(flags: Flags): Promise<number> {
  requireTool("qemu-system-x86_64", "qemu-system-x86");
  requireBuildTools();
  if (flags.rest.length > 1) throw new UsageError(`expected at most one filter, got ${flags.rest.join(" ")}`);
  const filter = flags.rest[0];
  const timeoutS = flags.timeoutS ?? DEFAULT_TIMEOUT_S;
  const t0 = performance.now();
  const { jobs, filteredOut } = testJobs(flags, filter);

  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.on("SIGINT", onSigint);
  try {
    const { ready, compiled } = await buildKernels(jobs, flags);
    const limit = limiter(os.availableParallelism());
    const testRunList = testRuns(jobs);
    const boot = (job: KernelJob, extraArgs: string[]) => async () => {
      // A long-running kernel is never silent: say which one, and for how long (as cargo does).
      const started = performance.now();
      const ticker = setInterval(
        () => (bar.clear(), status(flags, "Waiting", `${job.name} has been running for ${Math.round((performance.now() - started) / 1000)}s (--timeout ${timeoutS}s)`)),
        STILL_RUNNING_MS,
      );
      try {
        return await runQemu({ kernel: job.out, machine: "pc", display: "none", serial: "pipe", timeoutMs: timeoutS * 1000, signal: abort.signal, extraArgs });
      } finally {
        clearInterval(ticker);
      }
    };
    const bar = progress(flags, "Testing", testRunList.length);
    const runs = testRunList.map((run) => ready[run.job]!.then(() => limit(boot(jobs[run.job]!, run.extraArgs))).then((r) => (bar.tick(run.name), r)));
    runs.forEach((r) => r.catch(() => {}));
    try {
      await Promise.all(ready);
    } catch (e) {
      abort.abort(); // a kernel did not compile: stop the boots already running
      await Promise.allSettled(runs);
      throw e;
    }
    status(flags, "Finished", `test kernels ${compiled ? `in ${seconds(performance.now() - t0)}` : "(up to date)"}`);

    const sum: Summary = { passed: 0, failed: 0, notRun: 0, filteredOut, ms: 0 };
    const failures: Failure[] = [];
    const print = (name: string, ok: boolean) => {
      bar.clear();
      process.stdout.write(resultLine(name, ok, flags.colorStdout) + "\n");
      if (ok) sum.passed++;
      else sum.failed++;
    };
    for (const [i, run] of testRunList.entries()) {
      const job = jobs[run.job]!;
      bar.clear();
      status(flags, "Running", `${run.name} (${shown(job.out)})`);
      const r = await runs[i]!;
      bar.clear();
      if (interrupted(r, abort.signal)) return 130;
      if (job.test) {
        const report = parseUnitTests(r.serial);
        for (const t of report.results) {
          if (t.ok && filter !== undefined && !t.name.includes(filter)) sum.filteredOut++;
          else print(t.name, t.ok);
        }
        const failedTest = report.results.find((t) => !t.ok);
        const ran = report.results.length;
        if (failedTest !== undefined) {
          failures.push({ name: failedTest.name, job, why: why(r, timeoutS), serial: r.serial });
          sum.notRun += Math.max(0, (report.declared ?? ran) - ran);
        } else if (!r.success || report.declared === undefined || report.declared !== ran) {
          const name = `unit tests (${shown(job.entry)})`;
          print(name, false);
          const detail = r.success ? `the kernel announced ${report.declared ?? "no"} tests but ran ${ran}` : why(r, timeoutS);
          failures.push({ name, job, why: detail, serial: r.serial });
        }
      } else {
        const missing = r.success ? missingExpectations(job.entry, symbolize(r.serial, job.out), job.allocator) : [];
        print(run.name, r.success && missing.length === 0);
        if (!r.success) failures.push({ name: run.name, job, why: why(r, timeoutS), serial: r.serial });
        else if (missing.length) failures.push({ name: run.name, job, why: `the serial output lacks:\n${missing.map((m) => `    ${m}`).join("\n")}`, serial: r.serial });
      }
      if (!r.success && !r.timedOut && r.stderr.trim()) failures.at(-1)!.why += `\nQEMU said: ${r.stderr.trim()}`;
    }

    bar.clear();
    if (failures.length > 0) {
      const out = ["", "failures:", ""];
      for (const f of failures) {
        out.push(`---- ${f.name} (${f.job.name}: ${shown(f.job.out)}) ----`, f.why, "serial output:");
        out.push(f.serial.trim() === "" ? "    (nothing)" : indent(symbolize(f.serial, f.job.out)), "");
      }
      out.push("failures:", ...failures.map((f) => `    ${f.name}`));
      process.stdout.write(out.join("\n") + "\n");
    }
    sum.ms = performance.now() - t0;
    process.stdout.write(`\n${summaryLine(sum, flags.colorStdout)}\n`);
    return sum.failed === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
