/**
 * test/architecture.test.ts: the one-way dependency rules, enforced.
 *
 *   src/compiler  never imports  kernel/, src/cli/
 *   lib/          never imports  kernel/, src/
 *   kernel/       never imports  src/cli/ (nor anything outside kernel/ and lib/)
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

it("the rules see real imports (self-check)", () => {
  const cliImports = files("src/cli").flatMap(imports);
  assert.ok(cliImports.includes(path.normalize("src/compiler/compile.ts")), "the CLI imports the compiler");
});
