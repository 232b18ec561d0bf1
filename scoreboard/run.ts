/**
 * scoreboard/run.ts: `npm run scoreboard`, realistic programs compiled by tsos
 * and compared with Node.
 *
 * Input:  scoreboard/programs/*.ts and scoreboard/programs/<name>/main.ts
 *         (multi-file programs), each opening with `// features: a, b, ...`
 *         using the vocabulary of scoreboard/README.md.
 *         Flags: --allow-failures (report only), --filter <substr>,
 *         --names <a,b,...> (exactly these programs), --json,
 *         --update-readme (rewrite the results section of README.md),
 *         --jobs <n> (default 2), --no-cache.
 * Output: a table of verdicts (exact / refused / wrong / crash) overall and
 *         per feature, the wrong and crash programs with a short diff, the
 *         programs that leak (blocks left at exit, by type and site), and
 *         the refusal reasons by frequency. Exit status 1 if any program is
 *         wrong, crash or leaks (or a program fails under Node) unless
 *         --allow-failures.
 * Invariants: each program is compiled in-process with compileToC for the
 *             hosted target as `tsos exec --check-leaks` builds it (every
 *             block tracked, a report and exit status 23 when any is left
 *             after the final cycle collection) and built with gccHostAsync
 *             -O2, as the fixture tests do; results are cached under build/scoreboard/ by a hash
 *             of the program's files and the compiler's sources (src/compiler,
 *             lib), and Node's runs by the program and the prelude.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError } from "../src/compiler/diagnostics.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import { type Classification, classify, type CompileResult, nodeRanFine, type Observed, type ProcessResult, splitLeakReport, type Verdict } from "./classify.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROGRAMS = path.join(ROOT, "scoreboard/programs");
const README = path.join(ROOT, "scoreboard/README.md");
const CACHE = path.join(ROOT, "build/scoreboard");
const RUN_TIMEOUT_MS = 20_000;
const VERDICTS: Verdict[] = ["exact", "refused", "wrong", "crash"];

export interface Program {
  /** Name shown in reports: `bank_ledger` or `multi_shapes/main`. */
  name: string;
  /** Entry file, relative to ROOT. */
  entry: string;
  /** Every file of the program (the entry, or its folder's .ts files), relative to ROOT. */
  files: string[];
  features: string[];
}

export interface ProgramResult extends Classification {
  name: string;
  features: string[];
  /** Every distinct diagnostic (code: first line) when refused. */
  allReasons?: string[];
  /** Node failed: the program itself is broken, whatever tsos did. */
  nodeError?: string;
  cached?: boolean;
}

/** The feature vocabulary: the `- \`tag\`` bullets of README.md's "Feature tags" section. */
export function featureVocabulary(readme = readFileSync(README, "utf8")): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Feature tags"));
  if (!section) throw new Error("scoreboard/README.md has no `## Feature tags` section");
  return [...section.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]!);
}

export function parseFeatures(source: string): string[] | undefined {
  const m = /^\/\/ features:(.*)$/m.exec(source.split("\n")[0] ?? "");
  if (!m) return undefined;
  return m[1]!.split(",").map((s) => s.trim()).filter(Boolean);
}

export function discover(): Program[] {
  const out: Program[] = [];
  for (const name of readdirSync(PROGRAMS).sort()) {
    const abs = path.join(PROGRAMS, name);
    if (statSync(abs).isDirectory()) {
      const files = readdirSync(abs).filter((f) => f.endsWith(".ts")).sort().map((f) => path.relative(ROOT, path.join(abs, f)));
      const entry = path.relative(ROOT, path.join(abs, "main.ts"));
      out.push({ name: `${name}/main`, entry, files, features: [] });
    } else if (name.endsWith(".ts")) {
      const rel = path.relative(ROOT, abs);
      out.push({ name: name.replace(/\.ts$/, ""), entry: rel, files: [rel], features: [] });
    }
  }
  const vocabulary = new Set(featureVocabulary());
  for (const p of out) {
    const features = parseFeatures(readFileSync(path.join(ROOT, p.entry), "utf8"));
    if (!features) throw new Error(`${p.entry}: the first line must be \`// features: ...\``);
    const unknown = features.filter((f) => !vocabulary.has(f));
    if (unknown.length) throw new Error(`${p.entry}: unknown feature tag(s) ${unknown.join(", ")} (see scoreboard/README.md)`);
    p.features = features;
  }
  return out;
}

function hashFiles(files: string[], h = createHash("sha256")): ReturnType<typeof createHash> {
  for (const f of files) h.update(f).update("\0").update(readFileSync(path.join(ROOT, f))).update("\0");
  return h;
}

function walk(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs).sort().flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(path.join(ROOT, p)).isDirectory() ? walk(p) : [p];
  });
}

/** What a native result depends on besides the program: the compiler, its runtime, the dialect's lib, TypeScript. */
function compilerFingerprint(): string {
  const h = hashFiles([...walk("src/compiler"), ...walk("lib")]);
  h.update(JSON.parse(readFileSync(path.join(ROOT, "node_modules/typescript/package.json"), "utf8")).version);
  return h.digest("hex");
}

export function runProcess(cmd: string, args: string[], timeoutMs = RUN_TIMEOUT_MS): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: stderr + String(e), status: null, signal: null, timedOut });
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, signal: timedOut ? null : signal, timedOut });
    });
  });
}

function compile(p: Program): { result: CompileResult; c?: string } {
  try {
    const { c } = compileToC(p.entry, { target: "host", memoryChecks: { leaks: true } });
    return { result: { kind: "ok" }, c };
  } catch (e) {
    if (e instanceof CompileError) {
      return { result: { kind: "diagnostics", diagnostics: e.diagnostics.map((d) => ({ code: d.code, message: d.message })) } };
    }
    return { result: { kind: "exception", message: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
  }
}

function readCache<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

async function runNode(p: Program, useCache: boolean): Promise<ProcessResult> {
  const key = hashFiles([...p.files, "lib/node-prelude.ts"]).update(process.version).digest("hex");
  const file = path.join(CACHE, "node", `${key}.json`);
  const hit = useCache ? readCache<ProcessResult>(file) : undefined;
  if (hit) return hit;
  const r = await runProcess(process.execPath, ["--import", "tsx", "--import", "./lib/node-prelude.ts", p.entry]);
  if (!r.timedOut) writeFileSync(file, JSON.stringify(r));
  return r;
}

async function runOne(p: Program, fingerprint: string, useCache: boolean): Promise<ProgramResult> {
  // "leaks": results of leak-checking builds (a result recorded before that has no `leaks`).
  const key = hashFiles(p.files).update(fingerprint).update(process.version).update("leaks").digest("hex");
  const file = path.join(CACHE, "result", `${key}.json`);
  const hit = useCache ? readCache<ProgramResult>(file) : undefined;
  if (hit) return { ...hit, name: p.name, features: p.features, cached: true };

  const nodeRun = runNode(p, useCache); // runs while this process compiles
  const { result: compileResult, c } = compile(p);
  let native: ProcessResult | undefined;
  let leaks: string[] | undefined;
  let buildFailure: CompileResult | undefined;
  if (c !== undefined) {
    const exe = path.join(CACHE, "bin", p.name.replace(/\//g, "__"));
    try {
      await gccHostAsync(c, exe, { opt: "-O2" });
      native = await runProcess(exe, []);
      const split = splitLeakReport(native);
      native = split.run;
      if (split.leaks.length) leaks = split.leaks;
    } catch (e) {
      buildFailure = e instanceof CompileError
        ? { kind: "diagnostics", diagnostics: e.diagnostics.map((d) => ({ code: d.code, message: d.message })) }
        : { kind: "exception", message: String(e) };
    }
  }
  const node = await nodeRun;
  const observed: Observed = { compile: buildFailure ?? compileResult, native, node };
  const verdict = classify(observed);
  const result: ProgramResult = { name: p.name, features: p.features, ...verdict, ...(leaks && (verdict.verdict === "exact" || verdict.verdict === "wrong") ? { leaks } : {}) };
  const cr = observed.compile;
  if (cr.kind === "diagnostics" && verdict.verdict === "refused") {
    result.allReasons = [...new Set(cr.diagnostics.map((d) => `${d.code}: ${d.message.split("\n")[0]!.trim()}`))];
  }
  if (!nodeRanFine(node)) {
    result.nodeError = node.timedOut ? "timed out under Node" : `exit ${node.status ?? node.signal} under Node: ${node.stderr.trim().split("\n").slice(0, 3).join(" | ")}`;
  }
  if (!native?.timedOut && !node.timedOut) writeFileSync(file, JSON.stringify(result));
  return result;
}

async function pool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

export interface RunOptions {
  filter?: string;
  names?: string[];
  jobs?: number;
  useCache?: boolean;
  onResult?: (r: ProgramResult) => void;
}

export async function runScoreboard(opts: RunOptions = {}): Promise<ProgramResult[]> {
  process.chdir(ROOT);
  for (const d of ["node", "result", "bin"]) mkdirSync(path.join(CACHE, d), { recursive: true });
  const all = discover();
  const unknown = (opts.names ?? []).filter((n) => !all.some((p) => p.name === n));
  if (unknown.length) throw new Error(`no such program(s): ${unknown.join(", ")}`);
  const programs = all.filter((p) => (!opts.filter || p.name.includes(opts.filter)) && (!opts.names || opts.names.includes(p.name)));
  const fingerprint = compilerFingerprint();
  return pool(programs, opts.jobs ?? 2, async (p) => {
    const r = await runOne(p, fingerprint, opts.useCache ?? true);
    opts.onResult?.(r);
    return r;
  });
}

// ---------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------

function pct(n: number, total: number): string {
  return total ? `${((100 * n) / total).toFixed(0)}%` : "-";
}

function row(label: string, results: ProgramResult[]): string {
  const counts = VERDICTS.map((v) => results.filter((r) => r.verdict === v).length);
  const cells = counts.map((n) => `${n} (${pct(n, results.length)})`);
  return `| ${label} | ${results.length} | ${cells.join(" | ")} |`;
}

function byFrequency(items: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of items) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function report(results: ProgramResult[], vocabulary: string[]): string {
  const lines: string[] = [];
  const header = "| | programs | exact | refused | wrong | crash |\n|---|---:|---:|---:|---:|---:|";
  lines.push("### Overall", "", header, row("all", results), "");
  lines.push("### Per feature", "", header.replace("| |", "| feature |"));
  for (const f of vocabulary) {
    const rs = results.filter((r) => r.features.includes(f));
    if (rs.length) lines.push(row(`\`${f}\``, rs));
  }
  lines.push("");
  const bad = results.filter((r) => r.verdict === "wrong" || r.verdict === "crash");
  lines.push(`### Wrong and crash (${bad.length})`, "");
  if (!bad.length) lines.push("None.");
  for (const r of bad) {
    lines.push(`- **${r.name}**: ${r.verdict}: ${r.reason}`);
    if (r.diff) lines.push("", "  ```", ...r.diff.split("\n").map((l) => `  ${l}`), "  ```", "");
  }
  lines.push("");
  const leaking = results.filter((r) => r.leaks?.length);
  lines.push(`### Leaks (${leaking.length})`, "", "Built as `tsos exec --check-leaks` builds: what is still allocated at exit, after the module-level variables are released and a last cycle collection.", "");
  if (!leaking.length) lines.push("None.");
  for (const r of leaking) lines.push(`- **${r.name}**: ${r.leaks!.slice(0, 4).map((l) => l.trim()).join("; ")}`);
  lines.push("");
  const broken = results.filter((r) => r.nodeError);
  if (broken.length) {
    lines.push(`### Programs that fail under Node (${broken.length}): fix the program`, "");
    for (const r of broken) lines.push(`- **${r.name}**: ${r.nodeError}`);
    lines.push("");
  }
  const refused = results.filter((r) => r.verdict === "refused");
  lines.push(`### Refusals by first diagnostic (${refused.length} programs)`, "", "| programs | diagnostic |", "|---:|---|");
  for (const [reason, n] of byFrequency(refused.map((r) => normalizeReason(r.reason)))) lines.push(`| ${n} | ${escapeCell(reason)} |`);
  lines.push("", "### Every diagnostic of refused programs (programs affected, top 40, implicit-`any` follow-ons left out)", "", "| programs | diagnostic |", "|---:|---|");
  for (const [reason, n] of byFrequency(refused.flatMap((r) => [...new Set((r.allReasons ?? [r.reason]).filter((x) => !isCascade(x)).map(normalizeReason))])).slice(0, 40)) lines.push(`| ${n} | ${escapeCell(reason)} |`);
  return lines.join("\n") + "\n";
}

/**
 * A reason as it is grouped in the frequency tables: TypeScript's "did you
 * mean another lib" advice is dropped, and "property 'map' does not exist on
 * type 'Shape[]'" becomes "... on type 'T[]'", so one missing method counts
 * once whatever the element type.
 */
export function normalizeReason(reason: string): string {
  return reason
    .replace(/\. Do you need to change your target library\?.*$/, "")
    .replace(/(does not exist on type )'[^']*\[\]'/, "$1'T[]'")
    .replace(/(does not exist on type )'(?:readonly )?\[[^']*\]'/, "$1'tuple'");
}

/** Follow-on errors that only repeat an earlier one (a callback parameter typed `any` because the method is missing). */
function isCascade(reason: string): boolean {
  return /implicitly has an 'any' type/.test(reason);
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

const BEGIN = "<!-- scoreboard:begin -->";
const END = "<!-- scoreboard:end -->";

function updateReadme(text: string): void {
  const readme = readFileSync(README, "utf8");
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`scoreboard/README.md lacks the ${BEGIN} / ${END} markers`);
  writeFileSync(README, readme.slice(0, a + BEGIN.length) + "\n\n" + text + "\n" + readme.slice(b));
}

async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const json = flag("--json");
  const started = Date.now();
  let done = 0;
  const results = await runScoreboard({
    filter: value("--filter"),
    names: value("--names")?.split(",").filter(Boolean),
    jobs: Number(value("--jobs") ?? 2),
    useCache: !flag("--no-cache"),
    onResult: (r) => {
      done++;
      if (!json && process.stderr.isTTY) process.stderr.write(`\r${done} ${r.name.padEnd(40).slice(0, 40)}`);
    },
  });
  if (!json && process.stderr.isTTY) process.stderr.write("\r" + " ".repeat(50) + "\r");
  const failing = results.filter((r) => r.verdict === "wrong" || r.verdict === "crash" || r.nodeError || r.leaks?.length);
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  } else {
    const text = report(results, featureVocabulary());
    process.stdout.write(text);
    const cached = results.filter((r) => r.cached).length;
    process.stdout.write(`\n${results.length} programs in ${((Date.now() - started) / 1000).toFixed(1)} s (${cached} from cache)\n`);
    if (flag("--update-readme")) {
      if (value("--filter") || value("--names")) throw new Error("--update-readme needs the whole scoreboard (no --filter or --names)");
      updateReadme(text);
    }
  }
  return failing.length && !flag("--allow-failures") ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // exitCode, not exit(): exit() would cut a large --json output written to a pipe.
  main(process.argv.slice(2)).then((code) => (process.exitCode = code), (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  });
}
