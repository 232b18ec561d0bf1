/**
 * test/tools.test.ts: a missing system tool, or missing C library headers,
 * gets a message naming the Debian package.
 *
 * Input:  the real CLI run with a PATH that holds only `node` (and gcc where
 *         the case needs it), with TSOS_NO_INSTALL=1 so that, even as root,
 *         nothing is installed.
 * Output: assertions on the message and the exit status.
 * Invariants: no stack trace; the message names the program and the package.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { CompileError } from "../src/compiler/diagnostics.ts";
import { gccHost } from "../src/compiler/gcc.ts";
import { findTool } from "../src/cli/tools.ts";
import { ROOT, run } from "./helpers.ts";

const BIN = mkdtempSync(path.join(os.tmpdir(), "tsos-path-"));
after(() => rmSync(BIN, { recursive: true, force: true }));
symlinkSync(process.execPath, path.join(BIN, "node"));

function tsosWithPath(dirs: string[], ...args: string[]) {
  return new Promise<Awaited<ReturnType<typeof run>>>((resolve, reject) => {
    const saved = { PATH: process.env.PATH, NO: process.env.TSOS_NO_INSTALL };
    process.env.PATH = dirs.join(path.delimiter);
    process.env.TSOS_NO_INSTALL = "1";
    const p = run(process.execPath, [path.join(ROOT, "bin/tsos.js"), ...args]);
    process.env.PATH = saved.PATH;
    if (saved.NO === undefined) delete process.env.TSOS_NO_INSTALL;
    else process.env.TSOS_NO_INSTALL = saved.NO;
    p.then(resolve, reject);
  });
}

it("names the Debian package of a missing qemu-system-x86_64", async () => {
  const r = await tsosWithPath([BIN], "run", "--display", "none", "--color", "never");
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /`qemu-system-x86_64` was not found; install it: apt-get install qemu-system-x86/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

it("names the Debian package of a missing gcc", async () => {
  const r = await tsosWithPath([BIN], "exec", "examples/hello.ts");
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /`gcc` was not found; install it: apt-get install gcc/);
});

/** A `gcc` that cannot see the C library headers, as on a machine without libc6-dev. */
function slimGccDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsos-slim-gcc-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "gcc"), `#!/bin/sh\nexec ${findTool("gcc")} -nostdinc "$@"\n`, { mode: 0o755 });
  return dir;
}

it("names libc6-dev, up front, when gcc lacks the C library headers", async () => {
  const r = await tsosWithPath([BIN, slimGccDir()], "exec", "examples/hello.ts");
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stderr, "error: the C library headers (stdio.h) were not found; install them: apt-get install libc6-dev\n");
});

it("reports gcc's missing C library header as TSOS4005 (a missing package), not TSOS4003 (a tsos bug)", () => {
  const saved = process.env.PATH;
  process.env.PATH = [slimGccDir(), saved].join(path.delimiter);
  try {
    const out = path.join(BIN, "hello");
    assert.throws(
      () => gccHost(`#include <stdio.h>\nint main(void) { return puts("hi") < 0; }\n`, out),
      (e: unknown) => e instanceof CompileError && e.diagnostics[0]!.code === "TSOS4005" && /stdio\.h/.test(e.diagnostics[0]!.message),
    );
  } finally {
    process.env.PATH = saved;
  }
});

it("names the Debian package of each missing ISO tool before building anything", async () => {
  const r = await tsosWithPath([BIN], "image", "--color", "never");
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stderr, "error: `grub-mkrescue` was not found; install it: apt-get install grub-common\n");
});
