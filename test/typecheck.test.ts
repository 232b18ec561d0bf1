/**
 * test/typecheck.test.ts: every source type-checks with the real `tsc`, under
 * the config an editor picks for it.
 *
 * Input:  the tsconfig.json files of the repository (the root one ties them
 *         together with project references) and every .ts file git knows of
 *         (tracked, or new and not ignored).
 * Output: one case for `tsc --build` (the assertion message is tsc's output),
 *         one for config ownership: for each file, the project an editor uses
 *         must be the one this table says is meant for its tree.
 * Invariants: "the project an editor uses" is found as tsserver finds it:
 *             the nearest tsconfig.json walking up from the file; if that
 *             project's file list lacks the file, its references (depth
 *             first), then the next tsconfig.json further up. A file no
 *             project owns would be checked with TypeScript's defaults (the
 *             DOM library, no tsos declarations): a wrong config too.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import ts from "typescript";
import { ROOT, run } from "./helpers.ts";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

/** Which project each tree is meant to be checked under: the first matching prefix wins. */
const MEANT: [prefix: string, config: string][] = [
  ["kernel/", "kernel/tsconfig.json"],
  ["lib/std/", "lib/std/tsconfig.json"],
  ["lib/node-prelude.ts", "tsconfig.node.json"],
  ["lib/", "kernel/tsconfig.json"], // the kernel's libraries and the dialect's declarations
  ["examples/", "examples/tsconfig.json"],
  ["test/fixtures/errors/", "test/fixtures/errors/tsconfig.json"],
  ["test/fixtures/", "test/fixtures/tsconfig.json"],
  ["bench/programs/", "bench/programs/tsconfig.json"],
  ["scoreboard/programs/", "scoreboard/programs/tsconfig.json"],
  ["scoreboard/console.d.ts", "scoreboard/programs/tsconfig.json"],
  ["src/", "tsconfig.node.json"],
  ["test/", "tsconfig.node.json"],
  ["bench/", "tsconfig.node.json"],
  ["fuzz/", "tsconfig.node.json"],
  ["mutate/", "tsconfig.node.json"],
  ["scoreboard/", "tsconfig.node.json"],
];

interface Project {
  files: Set<string>;
  references: string[];
}

const projects = new Map<string, Project>();

function project(config: string): Project {
  let p = projects.get(config);
  if (p !== undefined) return p;
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")) };
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, host)!;
  const references = (parsed.projectReferences ?? []).map((r) => (r.path.endsWith(".json") ? r.path : path.join(r.path, "tsconfig.json")));
  p = { files: new Set(parsed.fileNames.map((f) => path.resolve(f))), references };
  projects.set(config, p);
  return p;
}

/** The project `config` or one it references (depth first) that lists `file`. */
function owning(config: string, file: string, seen = new Set<string>()): string | undefined {
  if (seen.has(config)) return undefined;
  seen.add(config);
  const p = project(config);
  if (p.files.has(file)) return config;
  for (const ref of p.references) {
    const found = owning(ref, file, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The project an editor checks `file` under (see the header), or undefined. */
function editorProject(file: string): string | undefined {
  for (let dir = path.dirname(file); dir.startsWith(ROOT); dir = path.dirname(dir)) {
    const config = path.join(dir, "tsconfig.json");
    if (existsSync(config)) {
      const found = owning(config, file);
      if (found !== undefined) return found;
    }
    if (dir === ROOT) break;
  }
  return undefined;
}

it("tsc --build reports no errors", async () => {
  const r = await run(process.execPath, [TSC, "--build", "tsconfig.json"], { cwd: ROOT, timeoutMs: 300_000 });
  assert.equal(r.stdout + r.stderr, "");
  assert.equal(r.status, 0);
});

it("checks every .ts file under the config meant for its tree", () => {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], { cwd: ROOT, encoding: "utf8" });
  const files = listed.split("\n").filter((f) => f !== "" && existsSync(path.join(ROOT, f)));
  assert.ok(files.length > 500, `only ${files.length} files found`);
  const wrong: string[] = [];
  for (const rel of files) {
    const meant = MEANT.find(([prefix]) => rel.startsWith(prefix))?.[1];
    if (meant === undefined) {
      wrong.push(`${rel}: no tree in MEANT (test/typecheck.test.ts); give its tree a tsconfig.json and add it`);
      continue;
    }
    const actual = editorProject(path.join(ROOT, rel));
    const shown = actual === undefined ? "no project (TypeScript's defaults)" : path.relative(ROOT, actual);
    if (actual !== path.join(ROOT, meant)) wrong.push(`${rel}: checked under ${shown}, meant ${meant}`);
  }
  assert.deepEqual(wrong, []);
});
