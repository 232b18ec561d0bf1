/**
 * fuzz/main.ts: `npm run fuzz -- --seed S --count N [options]`.
 *
 * Input:  command-line options (see usage below).
 * Output: a progress line per batch and a summary; for every mismatch or
 *         crash, a shrunk reproducer in fuzz/found/ (or --out). Exit status 1
 *         when anything but `ok` was found.
 * Invariants: program i of seed S is the same program on every run with the
 *             same features (generate(S, i)), whatever the batch size.
 */
import { mkdirSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PREFIX, printProgram, size, type Program } from "./ast.ts";
import { ALL_FEATURES, DEFAULT_FEATURES, generate, type Feature } from "./gen.ts";
import { runPrograms, type Kind, type Outcome } from "./run.ts";
import { shrink } from "./shrink.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `usage: npm run fuzz -- [--seed S] [--count N] [--batch B] [--features a,b,...|all] [--without a,b]
                       [--opt -O0|-O2] [--out DIR] [--no-shrink] [--log FILE] [--print] [--max-shrinks N] [--index I]
                       [--scale X] [--allow-warnings -Wflag,...]
features: ${ALL_FEATURES.join(", ")} (default: ${DEFAULT_FEATURES.join(",")})`;

interface Options {
  seed: number;
  count: number;
  batch: number;
  features: Feature[];
  opt: "-O0" | "-O1" | "-O2" | "-O3";
  out: string;
  shrink: boolean;
  log?: string;
  print: boolean;
  maxShrinks: number;
  /** The first program index (program i of seed S is the same in any run). */
  first: number;
  scale: number;
  allowWarnings: Set<string>;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seed: 1, count: 100, batch: 40, features: [...DEFAULT_FEATURES], opt: "-O2", out: path.join(ROOT, "fuzz/found"), shrink: true, print: false, maxShrinks: 6, first: 0, scale: 1, allowWarnings: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return x;
    };
    if (a === "--seed") o.seed = Number(v());
    else if (a === "--count") o.count = Number(v());
    else if (a === "--batch") o.batch = Number(v());
    else if (a === "--features") {
      const x = v();
      o.features = x === "all" ? [...ALL_FEATURES] : (x.split(",").filter(Boolean) as Feature[]);
    } else if (a === "--without") {
      const drop = new Set(v().split(","));
      o.features = o.features.filter((f) => !drop.has(f));
    } else if (a === "--opt") o.opt = v() as Options["opt"];
    else if (a === "--out") o.out = path.resolve(v());
    else if (a === "--no-shrink") o.shrink = false;
    else if (a === "--log") o.log = path.resolve(v());
    else if (a === "--print") o.print = true;
    else if (a === "--max-shrinks") o.maxShrinks = Number(v());
    else if (a === "--index") o.first = Number(v());
    else if (a === "--scale") o.scale = Number(v());
    else if (a === "--allow-warnings") o.allowWarnings = new Set(v().split(",").filter(Boolean));
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  for (const f of o.features) if (!(ALL_FEATURES as readonly string[]).includes(f)) throw new Error(`unknown feature ${f}\n${USAGE}`);
  return o;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.print) {
    for (let i = o.first; i < o.first + o.count; i++) console.log(printProgram(generate(o.seed, i, o.features, o.scale), `p${i}_`));
    return;
  }
  const workDir = path.join(ROOT, "build/fuzz");
  const counts: Record<Kind, number> = { ok: 0, mismatch: 0, "compiler-crash": 0, "native-crash": 0, "gcc-warning": 0, refused: 0, "node-error": 0, leak: 0 };
  const seen = new Map<string, number>();
  const warningKinds = new Map<string, number>();
  let shrinks = 0;
  const allowed = new Map<string, number>();
  const start = Date.now();
  const found: string[] = [];
  const log = (line: string): void => {
    console.log(line);
    if (o.log) appendFileSync(o.log, line + "\n");
  };
  log(`fuzz: seed ${o.seed}, ${o.count} programs, features ${o.features.join(",")}, ${o.opt}`);
  // Two batches in flight: one compiles (in this thread) while gcc builds the other.
  const starts: number[] = [];
  for (let first = 0; first < o.count; first += o.batch) starts.push(first);
  const launch = (first: number) => {
    const indexes = Array.from({ length: Math.min(o.batch, o.count - first) }, (_, k) => o.first + first + k);
    const progs = indexes.map((i) => generate(o.seed, i, o.features, o.scale));
    return { first, indexes, progs, outcomes: runPrograms(progs, { workDir, opt: o.opt }) };
  };
  let next = starts.length ? launch(starts[0]!) : undefined;
  for (let b = 0; b < starts.length; b++) {
    const current = next!;
    // Let the current batch reach gcc before the next one starts compiling.
    await new Promise((r) => setImmediate(r));
    next = b + 1 < starts.length ? launch(starts[b + 1]!) : undefined;
    const { first, indexes, progs } = current;
    const outcomes = await current.outcomes;
    for (let k = 0; k < outcomes.length; k++) {
      const r = outcomes[k]!;
      if (r.kind === "gcc-warning" && o.allowWarnings.has(r.code!)) {
        allowed.set(r.code!, (allowed.get(r.code!) ?? 0) + 1);
        counts.ok++;
        continue;
      }
      counts[r.kind]++;
      if (r.kind === "ok") continue;
      const i = indexes[k]!;
      log(`  program ${i}: ${r.kind}${r.code ? ` ${r.code}` : ""}: ${r.detail.split("\n")[0]}`);
      if (r.kind === "refused" || r.kind === "node-error") {
        // A generator bug: keep the program for whoever fixes the generator.
        const file = path.join(o.out, "generator", `seed${o.seed}_${i}.ts`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `// fuzz: seed ${o.seed} program ${i}: ${r.kind} (a generator bug)\n${r.detail.split("\n").map((l) => `// ${l}`).join("\n")}\n${printProgram(progs[k]!, "p_")}`);
        continue;
      }
      if (r.kind === "gcc-warning") warningKinds.set(r.code!, (warningKinds.get(r.code!) ?? 0) + 1);
      // Shrink the first few of each kind of failure; the rest are only listed.
      const signature = r.kind === "mismatch" ? "mismatch" : `${r.kind} ${r.code}`;
      const times = (seen.get(signature) ?? 0) + 1;
      seen.set(signature, times);
      const limit = r.kind === "mismatch" ? o.maxShrinks : r.kind === "gcc-warning" ? 1 : 2;
      if (times > limit || shrinks >= o.maxShrinks * 3) continue;
      shrinks++;
      found.push(await report(o, i, progs[k]!, r, workDir, log));
    }
    const elapsed = (Date.now() - start) / 60000;
    const done = first + indexes.length;
    log(`  ${done}/${o.count} programs, ${Math.round(done / elapsed)}/min: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  }
  const minutes = (Date.now() - start) / 60000;
  log(`fuzz: done: ${o.count} programs in ${minutes.toFixed(1)} min (${Math.round(o.count / minutes)} programs/min)`);
  log(`fuzz: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  if (allowed.size) log(`fuzz: allowed gcc warnings (counted as ok): ${[...allowed].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  if (warningKinds.size) log(`fuzz: gcc warnings by flag: ${[...warningKinds].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const f of found) log(`fuzz: reproducer ${path.relative(process.cwd(), f)}`);
  if (counts.ok !== o.count) process.exitCode = 1;
}

/** Shrink a failing program and save it; returns the reproducer's path. */
async function report(o: Options, i: number, prog: Program, r: Outcome, workDir: string, log: (s: string) => void): Promise<string> {
  let small = prog;
  let outcome = r;
  if (o.shrink) {
    const t0 = Date.now();
    const res = await shrink(prog, r, { workDir, opt: o.opt });
    small = res.program;
    outcome = res.outcome;
    log(`    shrunk ${size(prog)} -> ${size(small)} nodes in ${((Date.now() - t0) / 1000).toFixed(0)} s (${res.tests} tests)`);
  }
  const kind = outcome.kind === "mismatch" ? "mismatch" : `${outcome.kind}-${outcome.code ?? ""}`;
  const file = path.join(o.out, `seed${o.seed}_${i}_${kind}.ts`);
  mkdirSync(o.out, { recursive: true });
  const text = printProgram(small, "").split(`${PREFIX}`).join("");
  const header = [
    `// fuzz reproducer: npm run fuzz -- --seed ${o.seed} --index ${i} --count 1 --features ${o.features.join(",")} --opt ${o.opt}${o.scale !== 1 ? ` --scale ${o.scale}` : ""}`,
    `// ${outcome.kind}${outcome.code ? ` ${outcome.code}` : ""}: ${outcome.detail.split("\n")[0]}`,
  ];
  if (outcome.kind === "mismatch" || outcome.kind === "native-crash") {
    // The lines around the first difference, from both sides.
    const a = (outcome.node ?? "").split("\n");
    const b = (outcome.native ?? "").split("\n");
    let at = 0;
    while (at < Math.max(a.length, b.length) && a[at] === b[at]) at++;
    const from = Math.max(0, at - 4);
    header.push(`// node (lines ${from + 1}..):`, ...a.slice(from, at + 3).map((l) => `//   ${l}`));
    header.push(`// native (lines ${from + 1}..):`, ...b.slice(from, at + 3).map((l) => `//   ${l}`));
  }
  writeFileSync(file, `${header.join("\n")}\n${text}main();\n`);
  log(`    saved ${path.relative(process.cwd(), file)}`);
  return file;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
