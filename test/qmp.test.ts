/**
 * test/qmp.test.ts: looks at the booted kernel's screen from outside, through
 * QEMU's machine protocol (QMP), as blog_os's readers look at the window.
 *
 * Input:  the kernel image built by `tsos build -o <private dir>/kernel.elf`.
 * Output: assertions that `Hello World!` is in the VGA text buffer (0xb8000)
 *         with attribute 0x0e, yellow on black.
 * Invariants: a private directory holds the image and the QMP socket
 *             (parallel-safe); waits end on what is seen, not on sleeps, and
 *             each has a timeout that turns a hang into a failure.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { Qmp, readVgaText, runQemu } from "../src/cli/qemu.ts";
import { ROOT, run } from "./helpers.ts";

const TMP = mkdtempSync(path.join(os.tmpdir(), "tsos-qmp-"));
after(() => rmSync(TMP, { recursive: true, force: true }));

const YELLOW_ON_BLACK = 0x0e;

it("shows Hello World! on the VGA screen in yellow on black", async () => {
  const image = path.join(TMP, "kernel.elf");
  const b = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "build", "-q", "-o", image], { timeoutMs: 120_000 });
  assert.equal(b.status, 0, b.stderr);

  const stop = new AbortController();
  let serial = "";
  let greeted: () => void;
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  const qmpSocket = path.join(TMP, "qmp.sock");
  const qemu = runQemu({
    kernel: image,
    machine: "pc",
    serial: "pipe",
    qmpSocket,
    timeoutMs: 60_000,
    signal: stop.signal,
    onSerial: (chunk) => {
      serial += chunk;
      if (serial.includes("Hello World!")) greeted();
    },
  });
  let qmp: Qmp | undefined;
  try {
    const early = await Promise.race([greeting.then(() => undefined), qemu]);
    if (early !== undefined) assert.fail(`QEMU exited (status ${early.exitCode}) before the greeting:\n${early.serial}${early.stderr}`);
    qmp = await Qmp.connect(qmpSocket);
    // Serial and screen are written one after the other: poll the screen until the text is there.
    const deadline = Date.now() + 10_000;
    let screen = await readVgaText(qmp);
    while (!screen.chars.some((row) => row.includes("Hello World!")) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      screen = await readVgaText(qmp);
    }
    const row = screen.chars.findIndex((r) => r.includes("Hello World!"));
    assert.ok(row >= 0, `"Hello World!" is not on the screen:\n${screen.chars.join("\n")}`);
    const col = screen.chars[row]!.indexOf("Hello World!");
    const attrs = screen.attrs[row]!.slice(col, col + "Hello World!".length);
    assert.deepEqual(attrs, Array(attrs.length).fill(YELLOW_ON_BLACK), `attributes of "Hello World!": ${attrs.map((a) => a.toString(16))}`);
    await qmp.command("quit").catch(() => {}); // QEMU may close the socket before it answers
    const r = await qemu;
    assert.equal(r.timedOut, false);
  } finally {
    qmp?.close();
    stop.abort(); // never leave QEMU running
    await qemu.catch(() => {});
  }
});
