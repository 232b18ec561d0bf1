/**
 * bench/impls.ts: how bench/compare.ts builds one program in each
 * implementation it measures.
 *
 * Input:  a program name: bench/programs/<name>.ts (the TypeScript, run by
 *         tsos, Node and Porffor as it is), bench/c/<name>.c (hand-written C,
 *         malloc/free), and optionally bench/programs/as/<name>.ts (AssemblyScript's
 *         adaptation: the same program with the type annotations AssemblyScript
 *         requires, documented in that file's header).
 * Output: for each implementation a Built: the command that runs the program
 *         (under build/bench/compare/), or the reason it cannot (`na`, one
 *         line: the tool's own error). Nothing is timed here.
 * Invariants: every implementation runs the same algorithm on the same data;
 *         a program a tool cannot compile or run is "n/a", never replaced by a
 *         different program. Failures of tsos and C throw (they are ours).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { compileToC } from "../src/compiler/compile.ts";
import { HOST_FLAGS, gccHost } from "../src/compiler/gcc.ts";

export const OUT = path.join("build", "bench", "compare");
/** Flags for the C baseline: exactly the ones gccHost uses for tsos output at -O2. */
export const C_FLAGS = [...HOST_FLAGS, "-O2"];

export type ImplName = "C" | "tsos" | "Node" | "AssemblyScript" | "Porffor";
export const IMPLS: ImplName[] = ["C", "tsos", "Node", "AssemblyScript", "Porffor"];

export interface Built {
  impl: ImplName;
  /** The command that runs the program (argv), unless na. */
  cmd?: string[];
  /** Why this implementation has no figure for the program (one line). */
  na?: string;
  /** Its CPU time is measured inside the process around the program's main (AssemblyScript), not for the whole process. */
  timedInside?: boolean;
  /** A remark for the table's notes (an adaptation, the tool's version). */
  note?: string;
  /** Run when cmd fails, for a clearer reason (Porffor's native build only prints "Uncaught"). */
  explainCmd?: string[];
}

const require = createRequire(import.meta.url);

/** The first line of a tool's complaint, without terminal colours. */
export function oneLine(text: string): string {
  const clean = text.replace(/\x1b\[[0-9;]*m/g, "");
  const lines = clean.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const error = lines.find((l) => /error|Error|ERROR|Uncaught|Segmentation|signal/.test(l));
  return (error ?? lines[lines.length - 1] ?? "no output").slice(0, 160);
}

/** The version and entry script of an npm package, or undefined when it is not installed. */
function findPackage(name: string, bin: string): { version: string; script: string } | undefined {
  try {
    const pkgFile = require.resolve(`${name}/package.json`);
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { version: string };
    return { version: pkg.version, script: path.join(path.dirname(pkgFile), bin) };
  } catch {
    return undefined;
  }
}

export function buildC(name: string): Built {
  const exe = path.join(OUT, `${name}.c.exe`);
  execFileSync("gcc", [...C_FLAGS, "-o", exe, path.join("bench", "c", `${name}.c`)], { stdio: "inherit" });
  return { impl: "C", cmd: [exe] };
}

/** tsos at -O2; also a copy built with TSOS_COUNT_RC (runtime/tsos_rc.h) that reports its retains and releases. */
export function buildTsos(name: string): Built & { compileMs: number; rcCmd: string[]; staticRc: { retains: number; releases: number } } {
  const exe = path.join(OUT, `${name}.tsos.exe`);
  const rcExe = path.join(OUT, `${name}.tsos-rc.exe`);
  const start = performance.now();
  const { c } = compileToC(path.join("bench", "programs", `${name}.ts`), { target: "host" });
  const compileMs = performance.now() - start;
  gccHost(c, exe, { opt: "-O2" });
  gccHost(`#define TSOS_COUNT_RC 1\n${c}`, rcExe, { opt: "-O2" });
  // Call sites in the generated functions (the field-release functions of the classes not counted).
  const body = c.replace(/static void \w+__release_fields\(void \*p\) \{[^}]*\}/g, "");
  const count = (re: RegExp) => (body.match(re) ?? []).length;
  const staticRc = { retains: count(/\btsos_retain(_view)?\(/g), releases: count(/\btsos_release(_view)?\(/g) };
  return { impl: "tsos", cmd: [exe], compileMs, rcCmd: [rcExe], staticRc };
}

/** The TypeScript with its types removed (TypeScript's own transpiler), as an ES module. */
function transpiled(name: string): string {
  const js = path.join(OUT, `${name}.mjs`);
  const source = readFileSync(path.join("bench", "programs", `${name}.ts`), "utf8");
  const out = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  writeFileSync(js, out.outputText);
  return js;
}

export function buildNode(name: string): Built {
  return { impl: "Node", cmd: [process.execPath, transpiled(name)], note: `Node ${process.version}` };
}

/**
 * AssemblyScript: asc -O3 (default runtime, its incremental GC) with ES module
 * bindings; a driver imports the module and times only the call of the
 * exported main inside the process. The unmodified program is tried first:
 * if it compiles, main() runs at instantiation and the import is timed.
 */
export function buildAssemblyScript(name: string): Built {
  const asc = findPackage("assemblyscript", "bin/asc.js");
  if (!asc) return { impl: "AssemblyScript", na: "not installed (npm install)" };
  const compile = (source: string, wasm: string) =>
    spawnSync(process.execPath, [asc.script, source, "-O3", "--bindings", "esm", "-o", wasm], { encoding: "utf8" });
  const original = compile(path.join("bench", "programs", `${name}.ts`), path.join(OUT, `${name}.as-original.wasm`));
  const adapted = path.join("bench", "programs", "as", `${name}.ts`);
  const version = `asc ${asc.version}`;
  let wasm: string;
  let note: string;
  if (original.status === 0) {
    wasm = path.join(OUT, `${name}.as-original.wasm`);
    note = `${version}, the program unchanged`;
  } else if (existsSync(adapted)) {
    wasm = path.join(OUT, `${name}.as.wasm`);
    const r = compile(adapted, wasm);
    if (r.status !== 0) return { impl: "AssemblyScript", na: `${version}: adaptation: ${oneLine(r.stderr)}` };
    note = `${version}, bench/programs/as/${name}.ts (unchanged: ${oneLine(original.stderr)})`;
  } else {
    return { impl: "AssemblyScript", na: `${version}: ${oneLine(original.stderr)}` };
  }
  const bindings = `./${path.basename(wasm, ".wasm")}.js`;
  const driver = path.join(OUT, `${name}.as-driver.mjs`);
  writeFileSync(
    driver,
    [
      `let start = process.cpuUsage();`,
      `const mod = await import(${JSON.stringify(bindings)});`,
      `if (typeof mod.main === "function") {`,
      `  start = process.cpuUsage();`,
      `  mod.main();`,
      `}`,
      `const t = process.cpuUsage(start);`,
      `process.stderr.write(\`inside: \${((t.user + t.system) / 1000).toFixed(1)}\\n\`);`,
      ``,
    ].join("\n"),
  );
  return { impl: "AssemblyScript", cmd: [process.execPath, driver], timedInside: true, note };
}

/**
 * Porffor: `porf native` on the same JavaScript Node runs (Porffor compiles
 * it to Wasm, then through C with the system's cc to an executable).
 */
export function buildPorffor(name: string): Built {
  const porf = findPackage("porffor", "runtime/index.js");
  if (!porf) return { impl: "Porffor", na: "not installed (npm install)" };
  const version = `porf ${porf.version}`;
  const exe = path.join(OUT, `${name}.porf.exe`);
  rmSync(exe, { force: true });
  const r = spawnSync(process.execPath, [porf.script, "native", transpiled(name), exe], { encoding: "utf8" });
  if (r.status !== 0 || !existsSync(exe)) return { impl: "Porffor", na: `${version}: ${oneLine(r.stderr + r.stdout)}` };
  // Its Wasm runtime under Node names the exception a failing native executable does not.
  return { impl: "Porffor", cmd: [exe], note: `${version}, native`, explainCmd: [process.execPath, porf.script, transpiled(name)] };
}

export function prepare(): void {
  mkdirSync(OUT, { recursive: true });
}
