/**
 * test/kernel.test.ts: the kernel as a user builds, boots and tests it, through
 * the real CLI (`node bin/tsos.js`, exactly as `npx tsos`) and real QEMU.
 *
 * Input:  kernel/ and lib/ (a copy of them, with one failing test added, in a
 *         private directory under build/test/); every @test function found
 *         in the modules reachable from kernel/main.ts.
 * Output: assertions on exit status, result lines and the serial console.
 * Invariants: parallel-safe (private output paths and directories); timing
 *             matters only through timeouts that turn a hang into a failure.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, appendFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { reachableFiles } from "../src/cli/stamp.ts";
import { ROOT, run } from "./helpers.ts";

const tsos = (cmd: string, ...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "bin/tsos.js"), cmd, "--color", "never", ...args], { timeoutMs: 180_000 });
const TMP = mkdtempSync(path.join(os.tmpdir(), "tsos-kernel-test-"));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** `<module>::<function>` for every `/** @test *\/` function the unit-test kernel contains. */
function unitTestNames(): string[] {
  const names: string[] = [];
  for (const file of reachableFiles(path.join(ROOT, "kernel/main.ts"))) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/\/\*\*\s*@test\s*\*\/\s*(?:export\s+)?function\s+(\w+)/g)) {
      names.push(`${path.basename(file, ".ts")}::${m[1]}`);
    }
  }
  return names;
}

/**
 * Each kernel/tests/*.ts once, or once per `// @qemu-args:` line as `<name> [<args>]`, and that
 * once per allocator of its `// @allocators:` line as `<name> [<allocator>]` (cli/commands/test.ts).
 */
function integrationRunNames(): string[] {
  const names: string[] = [];
  for (const f of readdirSync(path.join(ROOT, "kernel/tests")).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(ROOT, "kernel/tests", f), "utf8");
    const args = [...source.matchAll(/^\/\/\s*@qemu-args:\s*(.+)$/gm)].map((m) => m[1]!.trim());
    const allocators = /^\/\/\s*@allocators:\s*(.+)$/m.exec(source)?.[1]!.trim().split(/\s+/) ?? [];
    const kernels = allocators.length === 0 ? [f.slice(0, -3)] : allocators.map((a) => `${f.slice(0, -3)} [${a}]`);
    for (const k of kernels) {
      if (args.length === 0) names.push(k);
      for (const a of args) names.push(`${k} [${a}]`);
    }
  }
  return names;
}

describe("tsos test", () => {
  it("builds and boots every test kernel and reports each test as ok", async () => {
    const r = await tsos("test", "--timeout", "60");
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const expected = [...unitTestNames(), ...integrationRunNames()];
    assert.ok(expected.includes("basic_boot") && expected.includes("should_panic"));
    for (const name of expected) assert.ok(r.stdout.includes(`test ${name} ... ok\n`), `no ok line for ${name}:\n${r.stdout}`);
    assert.match(r.stdout, new RegExp(`^test result: ok\\. ${expected.length} passed; 0 failed; finished in \\d+\\.\\d\\ds$`, "m"));
    assert.match(r.stderr, /^\s+Finished test kernels/m);
  });

  it("counts filtered-out unit tests and integration kernels alike", async () => {
    const r = await tsos("test", "--timeout", "60", "basic_boot");
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const integration = readdirSync(path.join(ROOT, "kernel/tests")).filter((f) => f.endsWith(".ts")).length;
    const filteredOut = unitTestNames().length + integration - 1;
    assert.match(r.stdout, new RegExp(`^test result: ok\\. 1 passed; 0 failed; ${filteredOut} filtered out; `, "m"));
  });

  it("draws a progress bar on a terminal, without colour under NO_COLOR, and nothing of it in a pipe", async () => {
    const cli = `${process.execPath} ${path.join(ROOT, "bin/tsos.js")} test --timeout 60`;
    const [tty, pipe] = await Promise.all([
      run("script", ["-qec", `NO_COLOR=1 ${cli}`, "/dev/null"], { timeoutMs: 300_000 }),
      run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "test", "--timeout", "60"], { timeoutMs: 300_000 }),
    ]);
    assert.equal(tty.status, 0, tty.stdout + tty.stderr);
    assert.match(tty.stdout, /\r\x1b\[K {5}Testing \[[=> ]{24}\] \d+\/\d+: /, "a bar redrawn in place");
    assert.doesNotMatch(tty.stdout, /\x1b\[[0-9;]*m/, "no colour under NO_COLOR");
    assert.equal(pipe.status, 0, pipe.stdout + pipe.stderr);
    assert.doesNotMatch(pipe.stdout + pipe.stderr, /[\r\x1b]/, "plain lines in a pipe: no carriage returns, no escapes");
    assert.match(pipe.stderr, /^\s+Running basic_boot/m);
  });

  it("fails naming a failing unit test, with its error and TypeScript location", async () => {
    // A copy of the project: kernel/ imports ../lib/..., so lib/ sits beside it.
    const proj = path.join(ROOT, "build/test", path.basename(TMP));
    mkdirSync(proj, { recursive: true });
    after(() => rmSync(proj, { recursive: true, force: true }));
    cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
    cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
    appendFileSync(
      path.join(proj, "kernel/arch/x86_64/vga.ts"),
      `\nimport { assertEq as assertEqDeliberately } from "../../../lib/core/assert.ts";\n` +
        `/** @test */\nexport function deliberatelyFails(): void {\n  assertEqDeliberately(1, 2);\n}\n`,
    );
    const r = await tsos("test", "--timeout", "60", "--kernel-dir", path.join(proj, "kernel"));
    assert.notEqual(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^test vga::deliberatelyFails \.\.\. FAILED$/m);
    assert.match(r.stdout, /vga::deliberatelyFails\.\.\.\t\[failed\]/);
    // @trackCaller: the location is the test's own line, not the line inside assert.ts.
    const lines = readFileSync(path.join(proj, "kernel/arch/x86_64/vga.ts"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("assertEqDeliberately(1, 2)")) + 1;
    const where = `${path.relative(ROOT, path.join(proj, "kernel/arch/x86_64/vga.ts"))}:${line}:3`;
    assert.ok(r.stdout.includes(`Error: assertion failed: left == right (left: 1, right: 2) at ${where}`), r.stdout);
    assert.match(r.stdout, /^test result: FAILED\. \d+ passed; 1 failed/m);
    // Integration kernels do not depend on the unit tests: they still pass.
    assert.match(r.stdout, /^test basic_boot \.\.\. ok$/m);
  });
});

describe("kernel compile errors", () => {
  it("are rendered as diagnostics by build and test, never as a stack trace", async () => {
    const proj = path.join(ROOT, "build/test", `${path.basename(TMP)}-bad`);
    mkdirSync(proj, { recursive: true });
    after(() => rmSync(proj, { recursive: true, force: true }));
    cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
    cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
    appendFileSync(path.join(proj, "kernel/arch/x86_64/vga.ts"), `\nexport let broken: any = 1;\n`);
    for (const cmd of ["build", "test"]) {
      const r = await tsos(cmd, "--color", "never", "--kernel-dir", path.join(proj, "kernel"));
      assert.equal(r.status, 1, `${cmd}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^error\[TSOS1001\]: the `any` type is not supported\n\s+--> \S+kernel\/arch\/x86_64\/vga\.ts:\d+:\d+$/m, cmd);
      assert.match(r.stderr, /^error: could not compile due to 1 previous error$/m, cmd);
      assert.doesNotMatch(r.stderr, /\n\s+at \S+ \(|TSOS9001|Uncaught/, `${cmd}: no stack trace`);
    }
  });
});

describe("tsos build and run", () => {
  it("builds an image that QEMU boots with the console on stdout (-serial stdio)", async () => {
    const image = path.join(TMP, "k.elf");
    const b = await tsos("build", "-o", image);
    assert.equal(b.status, 0, b.stderr);
    assert.match(b.stderr, /^\s+Compiling kernel \(kernel\/main\.ts\)$/m);
    assert.match(b.stderr, /^\s+Finished kernel in \d+\.\d\ds$/m);
    const again = await tsos("build", "-o", image);
    assert.match(again.stderr, /^\s+Finished kernel \(up to date\)$/m);

    // Without isa-debug-exit the kernel halts forever: stop QEMU once the greeting is out.
    const qemu = spawn("qemu-system-x86_64", ["-kernel", image, "-display", "none", "-serial", "stdio"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const seen = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 60_000);
      qemu.stdout.on("data", (d) => {
        stdout += d;
        if (stdout.includes("Hello World!")) clearTimeout(timer), resolve(true);
      });
      qemu.on("close", () => (clearTimeout(timer), resolve(stdout.includes("Hello World!"))));
    });
    qemu.kill("SIGKILL");
    assert.ok(seen, `no "Hello World!" on stdout within 60 s; got:\n${stdout}`);
  });

  it("runs an integration kernel headless: its serial output on stdout, exit status 0", async () => {
    const r = await tsos("run", "--display", "none", "--timeout", "60", "-o", path.join(TMP, "basic_boot.elf"), "kernel/tests/basic_boot.ts");
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\[ok\]/);
    assert.match(r.stderr, /^\s+Running .*basic_boot\.elf/m);
  });

  it("receives a 12 KiB serial burst byte for byte", async () => {
    const r = await tsos("run", "--display", "none", "--timeout", "60", "-o", path.join(TMP, "serial_burst.elf"), "kernel/tests/serial_burst.ts");
    assert.equal(r.status, 0, r.stdout + r.stderr);
    let printable = "";
    for (let c = 0x20; c <= 0x7e; c++) printable += String.fromCharCode(c);
    let expected = "";
    for (let n = 0; n < 128; n++) expected += `burst ${n} ${printable}\n`;
    expected += "[ok]\n";
    assert.equal(r.stdout.replace(/\r/g, ""), expected);
  });

  it("maps a fault's instruction pointer to the TypeScript line in `tsos run` output", async () => {
    const entry = "kernel/tests/invalid_opcode.ts";
    const line = /@expect-serial-ts-line: (\d+)/.exec(readFileSync(path.join(ROOT, entry), "utf8"))![1];
    const r = await tsos("run", "--display", "none", "--timeout", "60", "-o", path.join(TMP, "invalid_opcode.elf"), entry);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^EXCEPTION: INVALID OPCODE$/m);
    assert.match(r.stdout, /^InterruptStackFrame \{$/m);
    assert.match(r.stdout, new RegExp(`^instruction pointer: 0x[0-9a-f]+ \\(kernel/tests/invalid_opcode\\.ts:${line}\\)$`, "m"));
  });

  it("ends a headless run when the kernel reaches its idle loop, with status 0", async () => {
    const r = await tsos("run", "--display", "none", "-o", path.join(TMP, "idle.elf"));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^Hello World!\ntsos: booted, /);
    assert.match(r.stderr, /^\s+Stopped the kernel in its idle loop/m);
  });

  it("passes --kernel-args as the multiboot command line: `page-tables` prints the kernel's mapped ranges", async () => {
    const r = await tsos("run", "--display", "none", "--kernel-args", "quiet page-tables", "-o", path.join(TMP, "idle.elf"));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^0x0000000000001000-0x0000000000100000 1020 KiB 4K rw-$/m); // low memory, no-execute
    assert.match(r.stdout, /^0x0000000000100000-0x[0-9a-f]{16} \d+ KiB 4K r-x$/m); // .text from 1 MiB
    assert.match(r.stdout, /^0xffff800000000000-0x[0-9a-f]{16} \d+ GiB [12][MG] rw-$/m); // all physical memory at the offset
    const plain = await tsos("run", "--display", "none", "-o", path.join(TMP, "idle.elf"));
    assert.doesNotMatch(plain.stdout, /^0x0000000000001000-/m);
  });

  it("runs headless in a terminal smaller than the 80x25 VGA screen, rather than hide its bottom rows", async () => {
    // util-linux `script` gives the CLI a pseudo-terminal of 60x20.
    const cmd = `stty cols 60 rows 20; ${process.execPath} ${path.join(ROOT, "bin/tsos.js")} run --color never -o ${path.join(TMP, "idle.elf")}`;
    const r = await run("script", ["-qec", cmd, "/dev/null"], { timeoutMs: 180_000 });
    const out = r.stdout.replace(/\r/g, "");
    assert.equal(r.status, 0, out + r.stderr);
    assert.match(out, /^warning: this terminal is 60x20, smaller than the 80x25 VGA screen: running headless/m);
    assert.match(out, /^tsos: booted, /m);
  });

  it("counts an idle kernel at --timeout as a success, and stops at --until text", async () => {
    const image = path.join(TMP, "idle.elf");
    const [timeout, until, never] = await Promise.all([
      tsos("run", "--display", "none", "--timeout", "20", "-o", image),
      tsos("run", "--display", "none", "--until", "Hello World!", "-o", image),
      tsos("run", "--display", "none", "--until", "not printed", "--timeout", "10", "-o", image),
    ]);
    assert.equal(timeout.status, 0, timeout.stdout + timeout.stderr);
    assert.match(timeout.stderr, /Stopped the kernel at --timeout 20s; it had reached its idle loop/);
    assert.equal(until.status, 0, until.stdout + until.stderr);
    assert.match(until.stdout, /Hello World!/);
    assert.match(until.stderr, /Stopped the kernel after it printed `Hello World!` \(--until\)/);
    assert.equal(never.status, 1, never.stdout + never.stderr);
    assert.match(never.stderr, /^error: the kernel had not printed `not printed` \(--until\) after 10s \(--timeout\)/m);
  });

  it("fails a headless run at once when the kernel panics and halts, and at --timeout when it never idles", async () => {
    const proj = path.join(ROOT, "build/test", `${path.basename(TMP)}-halt`);
    mkdirSync(proj, { recursive: true });
    after(() => rmSync(proj, { recursive: true, force: true }));
    cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
    cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
    const panics = path.join(proj, "kernel/panics.ts");
    // Allocating before a heap exists (inside a function, so not refused at compile time): the panic names the line.
    writeFileSync(panics, `import "./panic.ts";\nfunction label(n: u32): string {\n  return "item" + (n > 1 ? "s" : "");\n}\nlabel(2);\n`);
    const spins = path.join(proj, "kernel/spins.ts");
    writeFileSync(spins, `import "./panic.ts";\nimport { println } from "./console.ts";\nprintln("spinning");\nwhile (true) hlt();\n`);
    const kdir = ["--kernel-dir", path.join(proj, "kernel")];
    const [panicked, spun] = await Promise.all([
      tsos("run", "--display", "none", ...kdir, "-o", path.join(TMP, "panics.elf"), panics),
      tsos("run", "--display", "none", "--timeout", "5", ...kdir, "-o", path.join(TMP, "spins.elf"), spins),
    ]);
    assert.equal(panicked.status, 1, panicked.stdout + panicked.stderr);
    assert.match(panicked.stdout, /^panicked at \S+panics\.ts:3:3: allocation before the heap is initialized$/m);
    assert.match(panicked.stderr, /^error: the kernel halted for good \(after a panic\)/m);
    assert.equal(spun.status, 1, spun.stdout + spun.stderr);
    assert.match(spun.stdout, /spinning/);
    assert.match(spun.stderr, /^error: the kernel never reached its idle loop after 5s \(--timeout\)/m);
  });
});
