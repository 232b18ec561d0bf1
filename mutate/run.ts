/**
 * mutate/run.ts: mutation testing of the kernel and its libraries
 * (`npm run mutate`): does `tsos test` notice when the kernel is broken?
 *
 * Input:  kernel/**.ts (not kernel/tests/, not the benchmark kernels in
 *         kernel/bench/) and the libraries the kernel is built from (lib/core,
 *         lib/x86_64, lib/pic8259, lib/pc_keyboard: kernel/tsconfig.json's
 *         list), not the tests in kernel/tests/, not `@test` functions, not
 *         declaration files. lib/std is the hosted library: `tsos test` never
 *         runs it (the compiler's fixture suite does), so it is not mutated
 *         here. Options
 *         `--sample N` (a seeded random sample of N mutants; default all),
 *         `--seed S`, `--files <substring>`, `--timeout S` (per kernel,
 *         default 30), `--json FILE` (write every outcome).
 * Output: one line per mutant (killed, with the first failing test's line /
 *         SURVIVED / invalid), then the
 *         mutation score: killed / (killed + survived). Invalid mutants
 *         (the compiler refuses the mutated kernel) don't count, as in
 *         StrykerJS's "compile error" status.
 * Invariants: each mutant is one small change found on the TypeScript AST
 *             (StrykerJS's operator families: equality, relational,
 *             arithmetic, logical, boolean, bit, integer literal, negation,
 *             statement removal), applied to a private copy of the project
 *             under build/mutate/; the working tree is never touched. A
 *             mutant is killed when `tsos test` exits non-zero.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT, run } from "../test/helpers.ts";

interface Mutant {
  file: string; // relative to ROOT
  line: number;
  start: number;
  end: number;
  replacement: string;
  operator: string;
  original: string;
}

const SWAPS: Record<string, { to: string[]; operator: string }> = {
  "===": { to: ["!=="], operator: "equality" },
  "!==": { to: ["==="], operator: "equality" },
  "<": { to: ["<=", ">="], operator: "relational" },
  "<=": { to: ["<", ">"], operator: "relational" },
  ">": { to: [">=", "<="], operator: "relational" },
  ">=": { to: [">", "<"], operator: "relational" },
  "+": { to: ["-"], operator: "arithmetic" },
  "-": { to: ["+"], operator: "arithmetic" },
  "*": { to: ["/"], operator: "arithmetic" },
  "&&": { to: ["||"], operator: "logical" },
  "||": { to: ["&&"], operator: "logical" },
  "&": { to: ["|"], operator: "bit" },
  "|": { to: ["&"], operator: "bit" },
  "<<": { to: [">>"], operator: "bit" },
  ">>": { to: ["<<"], operator: "bit" },
};

/** The libraries kernel code is built from (kernel/tsconfig.json includes the same). */
const KERNEL_LIBRARIES = ["core", "x86_64", "pic8259", "pc_keyboard"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "tests" && entry.name !== "bench") out.push(...sourceFiles(p));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

function isTestFunction(node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) && ts.getJSDocTags(node).some((t) => t.tagName.text === "test");
}

/** Every mutant of one file. */
function mutantsOf(file: string): Mutant[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const rel = path.relative(ROOT, file);
  const out: Mutant[] = [];
  const add = (node: ts.Node, start: number, end: number, replacement: string, operator: string) => {
    out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(start).line + 1, start, end, replacement, operator, original: text.slice(start, end) });
  };
  const visit = (node: ts.Node): void => {
    if (isTestFunction(node)) return;
    // staticAssert checks layouts at compile time: a mutant there is refused, not tested.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "staticAssert") return;
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.getText(sf);
      for (const to of SWAPS[op]?.to ?? []) add(node, node.operatorToken.getStart(sf), node.operatorToken.end, to, SWAPS[op]!.operator);
    }
    if (ts.isNumericLiteral(node) && !ts.isEnumMember(node.parent) && /^(0[xXbBoO][0-9a-fA-F_]+|[0-9_]+)$/.test(node.text)) {
      const v = BigInt(node.text.replace(/_/g, ""));
      add(node, node.getStart(sf), node.end, (v + 1n).toString(), "literal");
      if (v > 0n) add(node, node.getStart(sf), node.end, (v - 1n).toString(), "literal");
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword) add(node, node.getStart(sf), node.end, "false", "boolean");
    if (node.kind === ts.SyntaxKind.FalseKeyword) add(node, node.getStart(sf), node.end, "true", "boolean");
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) add(node, node.getStart(sf), node.operand.getStart(sf), "", "negation");
    if ((ts.isIfStatement(node) || ts.isWhileStatement(node)) && !ts.isBinaryExpression(node.expression)) {
      add(node, node.expression.getStart(sf), node.expression.end, `!(${node.expression.getText(sf)})`, "negation");
    }
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression) && ts.isBlock(node.parent)) {
      add(node, node.getStart(sf), node.end, ";", "statement");
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * A seeded xorshift shuffle: the same --seed picks the same sample, in an
 * order that keeps every prefix a uniform sample too (a campaign cut short
 * still scores a random sample, not the first files).
 */
function sample<T extends { file: string; start: number }>(items: T[], n: number, seed: number): T[] {
  let s = seed >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const seed = Number(option(args, "--seed") ?? 1);
  const sampleSize = option(args, "--sample");
  const filesFilter = option(args, "--files");
  const timeout = option(args, "--timeout") ?? "30";
  const jsonOut = option(args, "--json");

  let all = [path.join(ROOT, "kernel"), ...KERNEL_LIBRARIES.map((dir) => path.join(ROOT, "lib", dir))].flatMap(sourceFiles).flatMap(mutantsOf);
  if (filesFilter) all = all.filter((m) => m.file.includes(filesFilter));
  const mutants = sampleSize ? sample(all, Number(sampleSize), seed) : all;
  process.stdout.write(`${all.length} mutants in kernel/ and its libraries; testing ${mutants.length}\n\n`);

  const proj = path.join(ROOT, "build/mutate/project");
  rmSync(proj, { recursive: true, force: true });
  mkdirSync(proj, { recursive: true });
  cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
  cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });

  const baseline = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "test", "--quiet", "--color", "never", "--timeout", timeout, "--kernel-dir", path.join(proj, "kernel")], { timeoutMs: 600_000 });
  if (baseline.status !== 0) {
    process.stderr.write(`the unmutated kernel does not pass tsos test:\n${baseline.stdout}${baseline.stderr}`);
    return 2;
  }

  const outcomes: (Mutant & { status: "killed" | "survived" | "invalid"; by?: string })[] = [];
  for (const m of mutants) {
    const target = path.join(proj, m.file);
    const original = readFileSync(path.join(ROOT, m.file), "utf8");
    writeFileSync(target, original.slice(0, m.start) + m.replacement + original.slice(m.end));
    const r = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "test", "--quiet", "--color", "never", "--timeout", timeout, "--kernel-dir", path.join(proj, "kernel")], { timeoutMs: 600_000 });
    writeFileSync(target, original);
    const invalid = r.status !== 0 && /error\[TSOS\d+\]/.test(r.stderr);
    const status = invalid ? "invalid" : r.status === 0 ? "survived" : "killed";
    // What killed it: the first failing test, so that kills by a timeout on a loaded machine can be re-checked.
    const lines = r.stdout.split("\n");
    const failed = lines.find((l) => / FAILED$/.test(l));
    const by = status !== "killed" ? undefined : `${failed ?? lines.find((l) => l.trim() !== "") ?? `exit ${r.status}`}${lines.some((l) => l.includes("timed out")) ? " (timed out)" : ""}`.trim();
    outcomes.push({ ...m, status, by });
    const label = status === "survived" ? "SURVIVED" : status;
    process.stdout.write(`${label.padEnd(8)} ${m.file}:${m.line} ${m.operator}: \`${m.original}\` -> \`${m.replacement}\`${by ? `  [${by}]` : ""}\n`);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(outcomes, null, 2)); // kept current: a long campaign can be read while it runs
  }

  const killed = outcomes.filter((o) => o.status === "killed").length;
  const survived = outcomes.filter((o) => o.status === "survived").length;
  const invalid = outcomes.filter((o) => o.status === "invalid").length;
  const score = killed + survived ? (100 * killed) / (killed + survived) : 100;
  process.stdout.write(`\nmutation score: ${score.toFixed(1)}% (${killed} killed, ${survived} survived, ${invalid} refused by the compiler)\n`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(outcomes, null, 2));
  return 0;
}

process.exitCode = await main();
