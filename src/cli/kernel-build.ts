/**
 * cli/kernel-build.ts: build kernel images, skipping those already up to date.
 *
 * Input:  KernelJobs (name, entry .ts, output image, test build or not).
 * Output: each image at its `out` path (plus the generated C at out + ".c"),
 *         a stamp beside it (stamp.ts), and `Compiling` status lines.
 *         `buildKernels()` returns one promise per job, resolved when its image
 *         is ready, so the caller can boot each as soon as it exists.
 * Invariants: the compiler (and so TypeScript, ~1 s to load) is imported only
 *             when some image is stale. TypeScript runs on this thread, one
 *             kernel after another, while gcc builds the previous ones in
 *             parallel. An image appears by rename, complete or not at all, so
 *             concurrent builds of the same image never see half a file.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { type AllocatorName, type Flags, shown, status } from "./options.ts";
import { inputHash, readStamp, writeStamp } from "./stamp.ts";
import { requireTool } from "./tools.ts";

export interface KernelJob {
  /** What the status line calls it: "kernel", "unit tests", "basic_boot". */
  name: string;
  entry: string;
  out: string;
  test: boolean;
  /** The kernel heap's allocator (HEAP_ALLOCATOR); undefined: the default, fixed-block. */
  allocator?: AllocatorName;
}

/** The tools a kernel build runs; each missing one is named with its Debian package (or installed). */
export function requireBuildTools(): void {
  requireTool("gcc", "gcc");
  requireTool("ld", "binutils");
}

/** Project layout: `kernelDir` holds main.ts and tests/; images go to <its parent>/build/kernel. */
export function buildDir(kernelDir: string): string {
  return path.join(path.dirname(path.resolve(kernelDir)), "build", "kernel");
}

/**
 * Starts every stale build; returns one promise per job (in job order) and
 * whether anything was compiled. A compile error rejects that job's promise
 * with the CompileError and stops compiling the rest (their promises reject too).
 */
export async function buildKernels(jobs: KernelJob[], flags: Flags): Promise<{ ready: Promise<void>[]; compiled: boolean }> {
  const hashes = jobs.map((j) => inputHash(j.entry, { test: j.test, allocator: j.allocator ?? "fixed-block" }));
  const stale = jobs.map((j, i) => !existsSync(j.out) || readStamp(j.out) !== hashes[i]);
  if (!stale.includes(true)) return { ready: jobs.map(() => Promise.resolve()), compiled: false };

  const { compileSession } = await import("../compiler/compile.ts");
  const { gccKernel } = await import("../compiler/gcc.ts");
  // One TypeScript program for every stale kernel: shared modules are checked once.
  const session = compileSession(jobs.filter((_, i) => stale[i]).map((j) => j.entry));
  const ready: Promise<void>[] = [];
  let failed: unknown;
  for (const [i, job] of jobs.entries()) {
    if (!stale[i]) {
      ready.push(Promise.resolve());
      continue;
    }
    if (failed !== undefined) {
      ready.push(quiet(Promise.reject(failed)));
      continue;
    }
    status(flags, "Compiling", `${job.name} (${shown(job.entry)})`);
    try {
      const { c } = session.compile(job.entry, { target: "kernel", test: job.test, allocator: job.allocator });
      ready.push(quiet(link(c, job, hashes[i]!, gccKernel)));
    } catch (e) {
      failed = e;
      ready.push(quiet(Promise.reject(e)));
    }
    // Let finished gcc runs (and QEMU boots of ready images) proceed before the next compile.
    await new Promise((r) => setImmediate(r));
  }
  return { ready, compiled: true };
}

/**
 * Callers await these promises later; mark a rejection as handled at once, or
 * Node would report it as unhandled (and exit) while the next kernel compiles.
 */
function quiet(p: Promise<void>): Promise<void> {
  p.catch(() => {});
  return p;
}

type GccKernel = (c: string, outElf: string) => Promise<void>;

/** gcc + ld in a private directory beside the image, then rename into place and stamp. */
async function link(c: string, job: KernelJob, hash: string, gccKernel: GccKernel): Promise<void> {
  const dir = path.dirname(path.resolve(job.out));
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(path.join(dir, ".build-"));
  try {
    const elf = path.join(tmp, path.basename(job.out));
    await gccKernel(c, elf);
    renameSync(`${elf}.c`, `${job.out}.c`);
    renameSync(elf, job.out);
    writeStamp(job.out, hash);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
