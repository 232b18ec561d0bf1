/**
 * test/gdb.test.ts: gdb stops at a TypeScript line of the kernel.
 *
 * Input:  kernel/main.ts, built and started by `tsos run --gdb` (QEMU paused
 *         with its gdb stub; without a terminal the CLI prints the gdb command).
 * Output: gdb in batch mode, driven as a user would drive it: the printed
 *         command, then `break kernel/main.ts:<line>`, `continue`, `bt`; the
 *         reported stop must be that .ts line, and the backtrace must name
 *         the TypeScript file.
 * Invariants: the line is found by its text, not hard-coded; QEMU and the
 *             CLI are stopped whatever happens (SIGTERM, then the CLI stops QEMU).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { ROOT, run } from "./helpers.ts";

const TMP = mkdtempSync(path.join(os.tmpdir(), "tsos-gdb-test-"));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** Splits the printed command line (`gdb -q -ex 'file x' ...`) into arguments. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

it("breaks at a TypeScript line of kernel/main.ts under `tsos run --gdb`", async () => {
  const source = readFileSync(path.join(ROOT, "kernel/main.ts"), "utf8").split("\n");
  const line = source.findIndex((l) => l.startsWith('println("Hello World!")')) + 1;
  assert.ok(line > 0, "kernel/main.ts prints its greeting");

  const elf = path.join(TMP, "kernel.elf");
  const cli = spawn(process.execPath, [path.join(ROOT, "bin/tsos.js"), "run", "--gdb", "--color", "never", "-o", elf], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  cli.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => cli.on("close", resolve));
  try {
    const command = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no gdb command within 240 s:\n${stderr}`)), 240_000);
      cli.stderr.on("data", () => {
        const m = /^attach with:\n\s+(gdb .+)$/m.exec(stderr);
        if (m) clearTimeout(timer), resolve(m[1]!);
      });
      cli.on("close", () => reject(new Error(`tsos exited before printing the gdb command:\n${stderr}`)));
    });
    const [gdb, ...args] = shellWords(command);
    assert.equal(gdb, "gdb");
    const batch = ["-batch", ...args, "-ex", `break kernel/main.ts:${line}`, "-ex", "continue", "-ex", "bt 3"];
    const r = await run("gdb", batch, { cwd: ROOT, timeoutMs: 120_000 });
    const out = r.stdout + r.stderr;
    assert.match(out, new RegExp(`^Breakpoint 1 at 0x[0-9a-f]+: file kernel/main\\.ts, line ${line}\\.$`, "m"));
    assert.match(out, new RegExp(`^Breakpoint 1, main___init \\(\\) at kernel/main\\.ts:${line}$`, "m"));
    assert.match(out, new RegExp(`^#0  main___init \\(\\) at kernel/main\\.ts:${line}$`, "m"));
  } finally {
    cli.kill("SIGTERM");
    await exited;
  }
});
