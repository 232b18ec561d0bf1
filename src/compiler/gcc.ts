/**
 * gcc.ts: stage 5, the C compiler back end.
 *
 * Input:  generated C text and an output path.
 * Output: a hosted Linux executable (gccHost); the kernel target's object
 *         files arrive with the boot issue.
 * Invariants: the flags here are the only flags tsos uses for hosted code,
 *             and bench/ builds its hand-written C baselines with the same
 *             HOST_FLAGS; gcc rejecting generated C is reported as TSOS4003
 *             (a compiler bug), never passed through silently.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CompileError, diag } from "./diagnostics.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const RUNTIME_DIR = path.join(here, "runtime");

/** -fwrapv: fixed-width signed arithmetic wraps, as the dialect defines it. */
export const HOST_FLAGS = ["-std=gnu11", "-fwrapv", "-Wall", "-Wextra"];

export interface GccOptions {
  opt?: "-O0" | "-O1" | "-O2" | "-O3";
  /** Also write the C next to the executable (for debugging and snapshots). */
  keepC?: boolean;
  debug?: boolean;
}

function hostArgs(cSource: string, outExe: string, options: GccOptions): string[] {
  mkdirSync(path.dirname(path.resolve(outExe)), { recursive: true });
  const cFile = `${outExe}.c`;
  writeFileSync(cFile, cSource);
  return [...HOST_FLAGS, options.opt ?? "-O2", ...(options.debug ? ["-g"] : []), "-I", RUNTIME_DIR, "-o", outExe, cFile];
}

function checkResult(error: Error | undefined, status: number | null, stderr: string): void {
  if (error) throw new CompileError([diag("TSOS4002", undefined, "gcc", "gcc")]);
  if (status !== 0 || stderr.trim()) throw new CompileError([diag("TSOS4003", undefined, stderr.trim())]);
}

export function gccHost(cSource: string, outExe: string, options: GccOptions = {}): void {
  const r = spawnSync("gcc", hostArgs(cSource, outExe, options), { encoding: "utf8" });
  checkResult(r.error, r.status, r.stderr ?? "");
}

/** As gccHost, without blocking the event loop (tests build many programs at once). */
export function gccHostAsync(cSource: string, outExe: string, options: GccOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("gcc", hostArgs(cSource, outExe, options));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => reject(e));
    child.on("close", (status) => {
      try {
        checkResult(undefined, status, stderr);
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}
