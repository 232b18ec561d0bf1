/**
 * test/architecture.test.ts: the one-way dependency rules, enforced.
 *
 *   src/compiler  never imports  kernel/, src/cli/
 *   lib/          never imports  kernel/, src/
 *   kernel/       never imports  src/cli/ (nor anything outside kernel/ and lib/)
 *   kernel/*.ts   never imports  kernel/arch/x86_64/, lib/x86_64/ (the
 *                 architecture-neutral kernel goes through kernel/arch/*.ts)
 *
 * Input:  every .ts file under src/, lib/ and kernel/.
 * Output: one assertion per rule listing every offending import.
 * Invariants: imports are read from the syntax tree, so comments and strings
 *             that merely mention a path do not count.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import ts from "typescript";
import { ROOT } from "./helpers.ts";

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(path.join(ROOT, p)).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      out.push(spec.startsWith(".") ? path.normalize(path.join(path.dirname(file), spec)) : spec);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) out.push(arg.text.startsWith(".") ? path.normalize(path.join(path.dirname(file), arg.text)) : arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function violations(from: string, forbidden: (target: string) => boolean): string[] {
  return files(from).flatMap((f) => imports(f).filter(forbidden).map((t) => `${f} imports ${t}`));
}

it("the compiler never imports the kernel or the CLI", () => {
  assert.deepEqual(violations("src/compiler", (t) => t.startsWith("kernel") || t.startsWith("src/cli")), []);
});

it("libraries never import the kernel or the toolchain", () => {
  assert.deepEqual(violations("lib", (t) => t.startsWith("kernel") || t.startsWith("src")), []);
});

it("the kernel imports only kernel/ and lib/ modules", () => {
  assert.deepEqual(violations("kernel", (t) => !(t.startsWith("kernel") || t.startsWith("lib"))), []);
});

it("architecture-neutral kernel code reaches x86_64 only through the interface in kernel/arch/", () => {
  const neutral = files("kernel").filter((f) => path.dirname(f) === "kernel");
  const x86 = (t: string) => t.startsWith(path.normalize("kernel/arch/x86_64/")) || t.startsWith(path.normalize("lib/x86_64/"));
  const offending = neutral.flatMap((f) => imports(f).filter(x86).map((t) => `${f} imports ${t}`));
  assert.deepEqual(offending, []);
  assert.ok(neutral.includes(path.normalize("kernel/main.ts")), "the rule sees kernel/main.ts");
  // Nor does it call the x86 instructions the compiler provides as intrinsics (lib/kernel.d.ts).
  const intrinsicCalls = neutral.flatMap((f) => calledNames(f).filter((n) => X86_INTRINSICS.has(n)).map((n) => `${f} calls ${n}()`));
  assert.deepEqual(intrinsicCalls, []);
});

const X86_INTRINSICS = new Set(["inb", "inw", "inl", "outb", "outw", "outl", "portRead", "portWrite", "hlt", "cli", "sti", "interruptsEnabled", "enableInterruptsAndHalt", "lidt", "lgdt", "ltr", "setCs", "setDataSegments", "readCs", "int3", "ud2", "readCr2", "readCr3", "readRsp", "readTsc", "hardwareDivide"]);

function calledNames(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) out.push(node.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

it("the rules see real imports (self-check)", () => {
  const cliImports = files("src/cli").flatMap(imports);
  assert.ok(cliImports.includes(path.normalize("src/compiler/compile.ts")), "the CLI imports the compiler");
});
