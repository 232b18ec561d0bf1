/**
 * test/runner.test.ts: `tsos test` cannot lie. Deliberately broken kernels
 * must each be reported FAILED, by name, with the reason and their serial
 * output; only the success exit of a kernel that ran to its end passes.
 *
 * Input:  a private copy of kernel/ and lib/ under build/test/, with broken
 *         integration kernels added to kernel/tests/ (one per way a test can
 *         fail: a failing assertion, a failure exit code, an unexpected panic,
 *         a hang, a triple fault, a should_panic test that does not panic,
 *         a kernel that returns from its entry without exiting).
 * Output: assertions on `tsos test`'s exit status and report.
 * Invariants: the broken kernels are written here, as strings, so that
 *             kernel/tests/ holds only tests that pass; the run uses a short
 *             --timeout so the hang costs seconds.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, run, type RunResult } from "./helpers.ts";

const PROJ = path.join(ROOT, "build/test", `runner-${process.pid}`);
const TIMEOUT_S = 8;

const PRELUDE = `import { testPanic } from "../panic.ts";
import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { assertEq } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  testPanic(message, file, line, column);
}
`;

/** Each broken kernel, and what its FAILED report must say. */
const BROKEN: Record<string, { source: string; reason: RegExp; serial?: RegExp }> = {
  broken_assertion: {
    source: `${PRELUDE}serialPrint("broken_assertion::check...\\t");
assertEq(2 + 2, 5);
serialPrintln("[ok]");
exitQemu(QemuExitCode.Success);
`,
    reason: /QEMU exited with status 35 \(the kernel reported failure/,
    serial: /Error: assertion failed: left == right \(left: 4, right: 5\) at \S*broken_assertion\.ts:\d+:1/,
  },
  broken_exit_code: {
    source: `${PRELUDE}serialPrintln("about to report failure");
exitQemu(QemuExitCode.Failed);
`,
    reason: /QEMU exited with status 35/,
    serial: /about to report failure/,
  },
  broken_panic: {
    source: `${PRELUDE}serialPrintln("before the panic");
throw new Error("deliberate panic");
`,
    reason: /QEMU exited with status 35/,
    serial: /Error: deliberate panic at \S*broken_panic\.ts:\d+:\d+/,
  },
  broken_hang: {
    source: `${PRELUDE}serialPrintln("hanging now");
while (true) hlt();
`,
    reason: new RegExp(`timed out after ${TIMEOUT_S}s`),
    serial: /hanging now/,
  },
  broken_triple_fault: {
    // An IDT of limit 0: #BP cannot be delivered (#GP), nor #GP (#DF), nor #DF:
    // the CPU shuts down, a reset, which -no-reboot turns into QEMU's exit 0.
    source: `${PRELUDE}import { DescriptorTablePointer } from "../../lib/x86_64/structures/descriptor_table_pointer.ts";
const EMPTY_IDT = new DescriptorTablePointer();
serialPrintln("loading an empty IDT");
lidt(Ptr.to(EMPTY_IDT).address);
int3();
serialPrintln("survived int3");
exitQemu(QemuExitCode.Success);
`,
    reason: /kernel reset \(triple fault\?\)/,
    serial: /loading an empty IDT/,
  },
  broken_wrong_exception: {
    // The test expects a page fault, but the kernel raises #UD: the reporter must not accept it.
    source: `${PRELUDE}import { init } from "../init.ts";
import { expectException } from "../arch/x86_64/exceptions.ts";
import { ExceptionVector } from "../../lib/x86_64/structures/idt.ts";
init();
expectException(ExceptionVector.PageFault);
ud2();
exitQemu(QemuExitCode.Success);
`,
    reason: /QEMU exited with status 35/,
    serial: /EXCEPTION: INVALID OPCODE/,
  },
  broken_should_panic: {
    // A should_panic test whose assertion holds: it must fail.
    source: `import { serialPrint, serialPrintln } from "../arch/x86_64/serial.ts";
import { QemuExitCode, exitQemu } from "../arch/x86_64/qemu.ts";
import { assertEq } from "../../lib/core/assert.ts";

/** @panicHandler */
function panic(message: Text, file: Text, line: u32, column: u32): never {
  serialPrintln("[ok]");
  exitQemu(QemuExitCode.Success);
}

serialPrint("broken_should_panic::holds...\\t");
assertEq(1, 1);
serialPrintln("[test did not panic]");
exitQemu(QemuExitCode.Failed);
`,
    reason: /QEMU exited with status 35/,
    serial: /\[test did not panic\]/,
  },
};

const tsos = (...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "test", "--color", "never", ...args], { timeoutMs: 300_000 });

/** The failure section `tsos test` prints for `name`: from its `---- name` header to the next. */
function section(stdout: string, name: string): string {
  const start = stdout.indexOf(`---- ${name} `);
  if (start < 0) return "";
  const next = stdout.indexOf("\n---- ", start + 1);
  const end = next < 0 ? stdout.indexOf("\nfailures:\n", start) : next;
  return stdout.slice(start, end < 0 ? undefined : end);
}

describe("tsos test reports every broken kernel as FAILED", () => {
  let r: RunResult;
  before(async () => {
    mkdirSync(PROJ, { recursive: true });
    cpSync(path.join(ROOT, "kernel"), path.join(PROJ, "kernel"), { recursive: true });
    cpSync(path.join(ROOT, "lib"), path.join(PROJ, "lib"), { recursive: true });
    for (const [name, k] of Object.entries(BROKEN)) writeFileSync(path.join(PROJ, "kernel/tests", `${name}.ts`), k.source);
    r = await tsos("--timeout", String(TIMEOUT_S), "--kernel-dir", path.join(PROJ, "kernel"), "broken_");
  });
  after(() => rmSync(PROJ, { recursive: true, force: true }));

  it("exits non-zero with a FAILED summary counting each broken kernel", () => {
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const n = Object.keys(BROKEN).length;
    assert.match(r.stdout, new RegExp(`^test result: FAILED\\. \\d+ passed; ${n} failed`, "m"), r.stdout);
  });

  for (const [name, k] of Object.entries(BROKEN)) {
    it(`${name}: FAILED by name, with the reason and its serial output`, () => {
      assert.match(r.stdout, new RegExp(`^test ${name} \\.\\.\\. FAILED$`, "m"), r.stdout);
      assert.doesNotMatch(r.stdout, new RegExp(`^test ${name} \\.\\.\\. ok$`, "m"));
      const s = section(r.stdout, name);
      assert.ok(s, `no failure section for ${name}:\n${r.stdout}`);
      assert.match(s, k.reason, s);
      if (k.serial) assert.match(s, k.serial, s);
      assert.match(r.stdout, new RegExp(`^failures:\\n(?:    .*\\n)*    ${name}$`, "m"));
    });
  }
});
