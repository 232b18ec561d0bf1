/**
 * test/helpers.ts: shared helpers for the toolchain's tests.
 *
 * Input:  paths of fixture programs.
 * Output: compiled executables under build/test/, and the output of running
 *         them natively or under Node (tsx + lib/node-prelude.ts).
 * Invariants: nothing here decides pass or fail; the *.test.ts files assert.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

export function runUnderNode(file: string, args: string[]): Promise<RunResult> {
  return run(process.execPath, ["--import", "tsx", "--import", "./lib/node-prelude.ts", file, ...args]);
}

/** Header directives of a fixture: `// @name: value` lines at the top of the file. */
export function directives(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of source.split("\n")) {
    const m = /^\/\/\s*@([\w-]+)(?::\s*(.*))?$/.exec(line.trim());
    if (m) out.set(m[1]!, (m[2] ?? "").trim());
    else if (line.trim() && !line.trim().startsWith("//")) break;
  }
  return out;
}

/** Run async jobs with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await job(items[next++]!);
  });
  await Promise.all(workers);
}
