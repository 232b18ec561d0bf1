/**
 * test/helpers.ts: shared helpers for the toolchain's tests.
 *
 * Input:  paths of fixture programs.
 * Output: compiled executables under build/test/, and the output of running
 *         them natively or under Node (transpiled to build/test/node/, or tsx
 *         for programs with imports; + lib/node-prelude.ts).
 * Invariants: nothing here decides pass or fail; the *.test.ts files assert.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
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

/**
 * Run a program under Node with the dialect's conversion functions (lib/node-prelude.ts). A single-file
 * program is transpiled here by TypeScript (types stripped, nothing else changed: ES2022 output keeps
 * classes, fields and modules as written) and run by plain Node, which starts in a third of the time tsx
 * takes; a program that imports others runs under tsx, which resolves its `.ts` imports.
 */
export function runUnderNode(file: string, args: string[]): Promise<RunResult> {
  const source = readFileSync(path.resolve(ROOT, file), "utf8");
  if (/^\s*(import|export)\b[^;]*\bfrom\b/m.test(source) || /^\s*import\s*["']/m.test(source))
    return run(process.execPath, ["--import", "tsx", "--import", "./lib/node-prelude.ts", file, ...args]);
  const preludeJs = nodePrelude();
  const js = path.join(NODE_BUILD, `${path.basename(file, ".ts")}-${createHash("sha1").update(file).digest("hex").slice(0, 8)}.mjs`);
  writeFileSync(js, transpiled(source, file));
  return run(process.execPath, ["--import", preludeJs, js, ...args]);
}

const NODE_BUILD = path.join(ROOT, "build/test/node");

function transpiled(source: string, fileName: string): string {
  const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: true };
  return ts.transpileModule(source, { compilerOptions: options, fileName }).outputText;
}

let prelude: string | undefined;
function nodePrelude(): string {
  if (prelude) return prelude;
  mkdirSync(NODE_BUILD, { recursive: true });
  prelude = path.join(NODE_BUILD, "node-prelude.mjs");
  writeFileSync(prelude, transpiled(readFileSync(path.join(ROOT, "lib/node-prelude.ts"), "utf8"), "node-prelude.ts"));
  return prelude;
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
