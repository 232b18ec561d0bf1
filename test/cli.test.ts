/**
 * test/cli.test.ts: the `tsos` command as a user runs it (through bin/tsos.js).
 *
 * Input:  example programs and small programs written to build/test/cli/.
 * Output: assertions on stdout, stderr and exit status.
 * Invariants: runs the real CLI in a child process, exactly as `npx tsos`.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT, run, runUnderNode } from "./helpers.ts";

const tsos = (...args: string[]) => run(process.execPath, [path.join(ROOT, "bin/tsos.js"), ...args]);
const DIR = path.join(ROOT, "build/test/cli");
mkdirSync(DIR, { recursive: true });

function program(name: string, source: string): string {
  const file = path.join(DIR, name);
  writeFileSync(file, source);
  return path.relative(ROOT, file);
}

describe("tsos exec", () => {
  it("prints the greeting of examples/hello.ts", async () => {
    const r = await tsos("exec", "examples/hello.ts");
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, "Hello from tsos, TypeScript compiled to C!\n");
    assert.equal(r.status, 0);
  });

  it("runs the multi-file showcase exactly as Node (tsx) does", async () => {
    const file = "examples/showcase/main.ts";
    const [native, node] = await Promise.all([tsos("exec", file), runUnderNode(file, [])]);
    assert.equal(native.status, 0, native.stderr);
    assert.match(native.stdout, /^largest: triangle \(3 of 4\)$/m);
    assert.equal(native.stdout, node.stdout);
  });

  it("passes arguments and returns the program's exit status", async () => {
    const file = program("args.ts", `console.log(process.argv.length, process.argv[2], process.argv[3]);\nprocess.exit(7);\n`);
    const r = await tsos("exec", file, "first", "second");
    assert.equal(r.stdout, "4 first second\n");
    assert.equal(r.status, 7);
  });

  it("reports a panic with the TypeScript location and status 101", async () => {
    const file = program("panic.ts", `const xs: u8[] = [1, 2, 3];\nlet i = 3;\nconsole.log(xs[i]);\n`);
    const r = await tsos("exec", file);
    assert.equal(r.status, 101);
    assert.equal(r.stderr, `panicked at ${file}:3:13: index out of bounds: the length is 3 but the index is 3\n`);
  });

  it("answers unsupported TypeScript with coded diagnostics on stderr, never a stack trace", async () => {
    const file = program("bad.ts", `let x: any = 5;\nconst f = (y: u32) => y;\nconsole.log(eval("1"));\n`);
    const r = await tsos("exec", "--color", "never", file);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error\[TSOS0001\]: cannot find name 'eval'/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });

  it("lists every dialect error in one run, each with a code frame", async () => {
    const file = program("two.ts", `let x: symbol | undefined = undefined;\ndebugger;\n`);
    const r = await tsos("exec", "--color", "never", file);
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr,
      [
        "error[TSOS1006]: the type `symbol` is not supported",
        ` --> ${file}:1:8`,
        "  |",
        "1 | let x: symbol | undefined = undefined;",
        "  |        ^^^^^^",
        "  = help: use an integer type, boolean, string, an array or a class",
        "",
        "error[TSOS1005]: `debugger` is not supported",
        ` --> ${file}:2:1`,
        "  |",
        "2 | debugger;",
        "  | ^^^^^^^^^",
        "",
        "error: could not compile due to 2 previous errors",
        "",
      ].join("\n"),
    );
  });
});

describe("tsos build and emit-c", () => {
  it("builds a host executable that runs", async () => {
    const out = path.join(DIR, "hello-exe");
    const b = await tsos("build", "--target", "host", "examples/hello.ts", "-o", out);
    assert.equal(b.status, 0, b.stderr);
    assert.match(b.stderr, /Compiling .*examples\/hello\.ts/);
    assert.match(b.stderr, /Finished .* in \d+\.\d\ds/);
    const r = await run(out, []);
    assert.equal(r.stdout, "Hello from tsos, TypeScript compiled to C!\n");
  });

  it("emits C with #line directives pointing at the TypeScript", async () => {
    const r = await tsos("emit-c", "examples/hello.ts");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /#line 3 "examples\/hello\.ts"/);
  });

  it("rejects an unknown command in one line, a hint and status 2", async () => {
    const r = await tsos("frobnicate");
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "error: unknown command `frobnicate`\nhelp: run `tsos help` for usage\n");
  });
});

describe("tsos help and usage errors", () => {
  it("gives every command its own --help, the same as `tsos help <cmd>`", async () => {
    for (const cmd of ["build", "run", "test", "image", "exec", "emit-c"]) {
      const [a, b, c] = await Promise.all([tsos(cmd, "--help"), tsos("help", cmd), tsos(cmd, "-h")]);
      assert.equal(a.status, 0, a.stderr);
      assert.match(a.stdout, new RegExp(`^tsos ${cmd}: .*\\n\\nUsage: tsos ${cmd} `));
      assert.equal(b.stdout, a.stdout);
      assert.equal(c.stdout, a.stdout);
    }
  });

  it("lists only the flags a command takes", async () => {
    const build = await tsos("help", "build");
    assert.match(build.stdout, /--target/);
    assert.doesNotMatch(build.stdout, /--display/);
    const run = await tsos("help", "run");
    assert.match(run.stdout, /--display <curses\|none>/);
  });

  it("fails `tsos help <unknown>` with status 2", async () => {
    const r = await tsos("help", "nope");
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, "error: no such command `nope`\nhelp: run `tsos help` for usage\n");
  });

  it("prints one line and a hint naming the command's help for a usage error", async () => {
    const unknown = await tsos("build", "--color", "never", "--frob");
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, "error: unknown flag `--frob`\nhelp: run `tsos build --help` for usage\n");
    const wrongCommand = await tsos("build", "--color", "never", "--display", "none");
    assert.equal(wrongCommand.status, 2);
    assert.equal(wrongCommand.stderr, "error: `tsos build` does not take --display\nhelp: run `tsos build --help` for usage\n");
    const missing = await tsos("test", "--color", "never", "--timeout");
    assert.equal(missing.stderr, "error: --timeout needs a value\nhelp: run `tsos test --help` for usage\n");
    assert.equal(missing.status, 2);
  });

  it("prints the general help: on stdout for `tsos help`, on stderr with status 2 for a bare `tsos`", async () => {
    const [help, bare] = await Promise.all([tsos("help"), tsos()]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: tsos <command> \[flags\]$/m);
    for (const cmd of ["build", "run", "test", "image", "exec", "emit-c"]) assert.match(help.stdout, new RegExp(`^  ${cmd} `, "m"));
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, "");
    assert.equal(bare.stderr, help.stdout);
  });

  it("passes flags after the file to the program under exec", async () => {
    const file = program("argv-help.ts", `console.log(process.argv.slice(2).join(" "));\n`);
    const r = await tsos("exec", file, "--help", "-o");
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "--help -o\n");
  });
});
