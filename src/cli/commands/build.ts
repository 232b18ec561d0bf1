/**
 * cli/commands/build.ts: `tsos build`, the kernel image (or, with
 * `--target host`, a Linux executable: see host.ts).
 *
 * Input:  [entry.ts] (default <kernel-dir>/main.ts), -o <image> (default
 *         <project>/build/kernel/<name>.elf, where the entry kernel/main.ts is
 *         named "kernel"), --kernel-dir, --release (accepted: kernels are
 *         always built with -O2 -g).
 * Output: the multiboot image, and `Compiling` / `Finished` status lines;
 *         `Finished kernel (up to date)` when the stamp matches (nothing loaded).
 * Invariants: the image is the one `qemu-system-x86_64 -kernel` boots.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type Flags, UsageError, seconds, status } from "../options.ts";
import { type KernelJob, buildDir, buildKernels, requireBuildTools } from "../kernel-build.ts";
import { buildHostCommand } from "./host.ts";

/** The job for `tsos build`/`tsos run`: the entry given, or the kernel's main.ts. */
export function kernelJob(flags: Flags): KernelJob {
  if (flags.rest.length > 1) throw new UsageError(`expected one entry file, got ${flags.rest.join(" ")}`);
  const main = path.join(flags.kernelDir, "main.ts");
  const entry = flags.rest[0] ?? main;
  if (!entry.endsWith(".ts")) throw new UsageError(`the entry must be a .ts file, not \`${entry}\``);
  if (!existsSync(entry)) {
    const hint = flags.rest[0] === undefined ? "; run tsos in the project root or pass --kernel-dir <dir>" : "";
    throw new UsageError(`no such file: ${entry}${hint}`);
  }
  const name = path.resolve(entry) === path.resolve(main) ? "kernel" : path.basename(entry, ".ts");
  return { name, entry, out: flags.out ?? path.join(buildDir(flags.kernelDir), `${name}.elf`), test: false, allocator: flags.allocator };
}

/** Builds (or finds up to date) the image of `job`; prints the status lines. */
export async function buildKernel(job: KernelJob, flags: Flags): Promise<void> {
  requireBuildTools();
  const t0 = performance.now();
  const { ready, compiled } = await buildKernels([job], flags);
  await ready[0];
  if (compiled) status(flags, "Finished", `${job.name} in ${seconds(performance.now() - t0)}`);
  else status(flags, "Finished", `${job.name} (up to date)`);
}

export async function buildCommand(flags: Flags): Promise<number> {
  if (flags.target === "host") return buildHostCommand(flags);
  const job = kernelJob(flags);
  await buildKernel(job, flags);
  return 0;
}
