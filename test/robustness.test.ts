/**
 * test/robustness.test.ts: the compiler never crashes and never hands gcc bad C.
 *
 * Input:  every run fixture, mangled deterministically three ways: cut at
 *         one of three points (which one turns with the fixture), with one
 *         line of code deleted, and with one token swapped (where the
 *         fixture has that token: an unchanged fixture is compiler.test's
 *         to build). Each fixture is given one of them, turning with the
 *         fixture (the cut for one, the deletion for the next, the swap for
 *         the third), so every kind runs over a third of the fixtures: half
 *         of them took 82 s of a 14 min 57 s CI run with 790 fixtures, and
 *         the set grows with every fixture. And each kernel and
 *         library source, one mangled variant at a time, compiled as part of
 *         the whole kernel.
 * Output: for each mangled program, either a CompileError whose diagnostics
 *         are all coded user errors (never TSOS9001, an internal error), or C
 *         that gcc accepts with -Wall -Wextra and no warnings.
 * Invariants: mangling is seeded, so failures reproduce.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { compileToC } from "../src/compiler/compile.ts";
import { CompileError, render } from "../src/compiler/diagnostics.ts";
import { gccHostAsync, gccKernel } from "../src/compiler/gcc.ts";
import { ROOT } from "./helpers.ts";

const RUN_DIR = path.join(ROOT, "test/fixtures/run");
const WORK = path.join(ROOT, "build/test/mangled");

function* mangle(source: string, seed: number): Generator<string> {
  const lines = source.split("\n");
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const cuts = [0.3, 0.6, 0.9];
  yield source.slice(0, Math.floor(source.length * cuts[seed % cuts.length]!));
  // A line of code (a blank or comment line would leave the same program).
  const code = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() && !line.trim().startsWith("//"));
  const drop = code.length ? code[rand(code.length)]!.i : -1;
  yield lines.filter((_, i) => i !== drop).join("\n");
  // A swap that changes something (the fixture itself is compiled by compiler.test).
  const swaps: [RegExp, string][] = [[/: u32/, ": string"], [/\+/, "/"], [/const /, "var "], [/=/, "=="], [/\(/, "["], [/u8/, "any"]];
  const [re, to] = swaps[rand(swaps.length)]!;
  if (re.test(source)) yield source.replace(re, to);
}

/**
 * The outcomes of mangled builds: gcc runs while the next variant compiles, at
 * most two at once (the machine has two cores). A build that threw anything
 * but a CompileError, or one coded as a tsos bug (TSOS9001 internal error,
 * TSOS4003 gcc or ld rejected the C), is a failure.
 */
class Tally {
  built = 0;
  rejected = 0;
  readonly failures: string[] = [];
  private readonly running = new Set<Promise<void>>();

  reject(label: string, e: unknown): void {
    if (!(e instanceof CompileError)) this.failures.push(`${label}: threw ${String(e)}`);
    else if (e.diagnostics.some((d) => d.code === "TSOS9001" || d.code === "TSOS4003"))
      this.failures.push(`${label}:\n${e.diagnostics.map((d) => render(d)).join("\n")}`);
    else this.rejected++;
  }

  async build(label: string, gcc: () => Promise<void>): Promise<void> {
    while (this.running.size >= 2) await Promise.race(this.running);
    const job = gcc()
      .then(() => void this.built++, (e: unknown) => this.reject(label, e))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  async done(): Promise<void> {
    await Promise.all(this.running);
  }
}

it("mangled programs get coded diagnostics or valid C, never a crash", async () => {
  mkdirSync(WORK, { recursive: true });
  process.chdir(ROOT);
  const tally = new Tally();
  const files = readdirSync(RUN_DIR).filter((f) => f.endsWith(".ts") && !f.startsWith(".")).sort();
  for (const [n, name] of files.entries()) {
    let k = 0;
    for (const variant of mangle(readFileSync(path.join(RUN_DIR, name), "utf8"), n + 1)) {
      if (k % 3 !== n % 3) {
        k++;
        continue;
      }
      const label = `${name} variant ${k}`;
      // Written beside the fixtures so relative imports still resolve.
      const file = path.join("test/fixtures/run", `.mangled_${k++}_${name}`);
      writeFileSync(file, variant);
      try {
        const { c } = compileToC(file, { target: "host" });
        await tally.build(label, () => gccHostAsync(c, path.join(WORK, path.basename(file, ".ts")), { opt: "-O0" }));
      } catch (e) {
        tally.reject(label, e);
      } finally {
        rmSync(file, { force: true });
      }
    }
  }
  await tally.done();
  const { built, rejected, failures } = tally;
  console.log(`mangled programs: ${built} compiled, ${rejected} rejected with coded diagnostics`);
  assert.deepEqual(failures, [], failures.join("\n\n"));
  assert.ok(rejected > 0 && built > 0, `expected both outcomes (compiled ${built}, rejected ${rejected})`);
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

it("mangled kernel sources get coded diagnostics or a kernel gcc links, never a crash", async () => {
  // A private copy of kernel/ and lib/, one source file mangled at a time.
  const proj = path.join(ROOT, "build/test/mangled-kernel");
  const sources = [...tsFiles(path.join(ROOT, "kernel")), ...tsFiles(path.join(ROOT, "lib/core")), ...tsFiles(path.join(ROOT, "lib/x86_64"))];
  const tally = new Tally();
  for (const [n, file] of sources.entries()) {
    const rel = path.relative(ROOT, file);
    const source = readFileSync(file, "utf8");
    const variants = [...mangle(source, n + 11)];
    const variant = variants[n % variants.length]!;
    rmSync(proj, { recursive: true, force: true });
    mkdirSync(proj, { recursive: true });
    cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
    cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
    writeFileSync(path.join(proj, rel), variant);
    const entry = rel.startsWith("kernel/tests/") ? path.join(proj, rel) : path.join(proj, "kernel/main.ts");
    const label = `${rel} variant ${n % variants.length}`;
    try {
      const { c } = compileToC(entry, { target: "kernel", test: true });
      await tally.build(label, () => gccKernel(c, path.join(WORK, `kernel-${n}.elf`)));
    } catch (e) {
      tally.reject(label, e);
    }
  }
  await tally.done();
  rmSync(proj, { recursive: true, force: true });
  const { built, rejected, failures } = tally;
  console.log(`mangled kernels: ${built} built, ${rejected} rejected with coded diagnostics`);
  assert.deepEqual(failures, [], failures.join("\n\n"));
  assert.ok(built > 0 && rejected > 0, `expected both outcomes (built ${built}, rejected ${rejected})`);
});
