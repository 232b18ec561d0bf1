/**
 * cli/commands/host.ts: the hosted commands, `tsos exec`, `tsos emit-c` and
 * `tsos build --target host`: TypeScript compiled to a Linux program.
 *
 * Input:  a .ts file (for exec, followed by the program's own arguments).
 * Output: the program's output and exit status (exec), the C (emit-c), or an
 *         executable (build, default build/<name>).
 * Invariants: the compiler is imported on demand, like every command here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Flags, UsageError, seconds, shown, status } from "../options.ts";
import { requireCHeaders } from "../tools.ts";

async function buildHost(file: string, exe: string, flags: Flags): Promise<void> {
  requireCHeaders();
  const t0 = performance.now();
  const { compileToC } = await import("../../compiler/compile.ts");
  const { gccHost } = await import("../../compiler/gcc.ts");
  const memoryChecks = flags.checkLeaks || flags.checkFrees ? { leaks: flags.checkLeaks, frees: flags.checkFrees } : undefined;
  const { c } = compileToC(file, { target: "host", memoryChecks });
  gccHost(c, exe, { opt: "-O2" });
  status(flags, "Finished", `${path.basename(file)} in ${seconds(performance.now() - t0)}`);
}

export async function buildHostCommand(flags: Flags): Promise<number> {
  const file = flags.rest[0];
  if (!file) throw new UsageError("build --target host needs a .ts file");
  status(flags, "Compiling", `${shown(file)} (host)`);
  await buildHost(file, flags.out ?? path.join("build", path.basename(file, ".ts")), flags);
  return 0;
}

/** `tsos exec [flags] <file.ts> [args...]`: flags come before the file (main.ts splits them), `args` go to the program. */
export async function execCommand(flags: Flags, file: string, args: string[]): Promise<number> {
  flags.quiet = true;
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsos-exec-"));
  try {
    const exe = path.join(dir, path.basename(file, ".ts"));
    await buildHost(file, exe, flags);
    const r = spawnSync(exe, args, { stdio: "inherit" });
    if (r.signal) {
      process.stderr.write(`error: the program was killed by ${r.signal}\n`);
      return 128 + (os.constants.signals[r.signal] ?? 0);
    }
    return r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function emitCCommand(flags: Flags): Promise<number> {
  const file = flags.rest[0];
  if (!file) throw new UsageError("emit-c needs a .ts file");
  const { compileToC } = await import("../../compiler/compile.ts");
  const { c, rcStats } = compileToC(file, { target: flags.target ?? "host" });
  if (flags.rcStats && rcStats) {
    const r = rcStats;
    process.stderr.write(`rc: ${r.retains} retains and ${r.releases} releases written; left out: ${r.borrowedParams} borrowed parameters, ${r.borrowedLocals} borrowed locals, ${r.movedIn} fresh values moved in, ${r.movedOut} locals moved out\n`);
  }
  if (flags.out) writeFileSync(flags.out, c);
  else process.stdout.write(c);
  return 0;
}
