/**
 * cli/stamp.ts: is a kernel image up to date? The build cache's key.
 *
 * Input:  an entry .ts file and the build options.
 * Output: `inputHash()`, a SHA-256 over the options and the bytes of every
 *         input: the .ts files reachable from the entry through relative
 *         imports (found by a regular expression, no TypeScript needed), the
 *         compiler's own sources and runtime headers, the dialect's lib/*.d.ts,
 *         kernel/arch/ (boot stub, linker script) and TypeScript's version.
 *         The stamp file beside the image (`.kernel.elf.stamp`) holds the hash
 *         of the last successful build.
 * Invariants: reads files only, never imports the compiler (a no-op build
 *             must stay fast); a missing input hashes as "missing", so
 *             creating it later changes the hash.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository: the compiler, lib/ and kernel/arch/ it uses, whatever the kernel directory. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\b[^"'`;]*?(?:from\s*)?["']([^"']+)["']/g;

/** Every .ts file reachable from `entry` through relative import specifiers, sorted. */
export function reachableFiles(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [path.resolve(entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // hashed as missing below; the compiler will report it
    }
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) todo.push(path.resolve(path.dirname(file), spec));
    }
  }
  return [...seen].sort();
}

/** Files under `dir`, recursively, sorted (a missing directory has none). */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

export function inputHash(entry: string, options: { test: boolean; allocator: string }): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ entry: path.resolve(entry), target: "kernel", test: options.test, allocator: options.allocator }));
  const files = [
    ...reachableFiles(entry),
    ...filesUnder(path.join(REPO, "src/compiler")),
    ...filesUnder(path.join(REPO, "kernel/arch")),
    path.join(REPO, "lib/tsos.d.ts"),
    path.join(REPO, "lib/kernel.d.ts"),
    path.join(REPO, "node_modules/typescript/package.json"),
  ];
  for (const file of files) {
    h.update(`\0${file}\0`);
    try {
      h.update(readFileSync(file));
    } catch {
      h.update("missing");
    }
  }
  return h.digest("hex");
}

export function stampPath(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.stamp`);
}

export function readStamp(out: string): string | undefined {
  try {
    return readFileSync(stampPath(out), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Written after the image is in place, atomically (a concurrent reader sees old or new). */
export function writeStamp(out: string, hash: string): void {
  const tmp = `${stampPath(out)}.${process.pid}`;
  writeFileSync(tmp, hash + "\n");
  renameSync(tmp, stampPath(out));
}
