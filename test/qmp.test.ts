/**
 * test/qmp.test.ts: looks at the booted kernel's screen from outside, through
 * QEMU's machine protocol (QMP), as blog_os's readers look at the window.
 *
 * Input:  the kernel image built by `tsos build -o <private dir>/kernel.elf`.
 * Output: assertions that `Hello World!` is in the VGA text buffer (0xb8000)
 *         with attribute 0x0e, yellow on black, and that a kernel panic is on
 *         the screen in light red with its TypeScript location; that keys
 *         typed over QMP are echoed, and that a flood beyond the keyboard
 *         queue is reported once and the kernel goes on echoing.
 * Invariants: a private directory holds the image and the QMP socket
 *             (parallel-safe); waits end on what is seen, not on sleeps, and
 *             each has a timeout that turns a hang into a failure.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { Qmp, readVgaText, runQemu } from "../src/cli/qemu.ts";
import { ROOT, run } from "./helpers.ts";

const TMP = mkdtempSync(path.join(os.tmpdir(), "tsos-qmp-"));
after(() => rmSync(TMP, { recursive: true, force: true }));

const YELLOW_ON_BLACK = 0x0e;
const LIGHT_RED_ON_BLACK = 0x0c;

/** Boots `image` with QMP, waits until `waitFor` is on COM1, then lets `check` read the screen; QEMU is always stopped. */
async function bootAndInspect(image: string, waitFor: string, check: (qmp: Qmp) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  let serial = "";
  let seen: () => void;
  const arrived = new Promise<void>((resolve) => (seen = resolve));
  const qmpSocket = path.join(TMP, `qmp-${path.basename(image)}.sock`);
  const qemu = runQemu({
    kernel: image,
    machine: "pc",
    serial: "pipe",
    qmpSocket,
    timeoutMs: 60_000,
    signal: stop.signal,
    onSerial: (chunk) => {
      serial += chunk;
      if (serial.includes(waitFor)) seen();
    },
  });
  let qmp: Qmp | undefined;
  try {
    const early = await Promise.race([arrived.then(() => undefined), qemu]);
    if (early !== undefined) assert.fail(`QEMU exited (status ${early.exitCode}) before "${waitFor}":\n${early.serial}${early.stderr}`);
    qmp = await Qmp.connect(qmpSocket);
    await check(qmp);
    await qmp.command("quit").catch(() => {}); // QEMU may close the socket before it answers
    const r = await qemu;
    assert.equal(r.timedOut, false);
  } finally {
    qmp?.close();
    stop.abort(); // never leave QEMU running
    await qemu.catch(() => {});
  }
}

/** Serial and screen are written one after the other: poll the screen until `text` is on it. */
async function screenWith(qmp: Qmp, text: string) {
  const deadline = Date.now() + 10_000;
  let screen = await readVgaText(qmp);
  while (!screen.chars.some((row) => row.includes(text)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    screen = await readVgaText(qmp);
  }
  const row = screen.chars.findIndex((r) => r.includes(text));
  assert.ok(row >= 0, `"${text}" is not on the screen:\n${screen.chars.join("\n")}`);
  const col = screen.chars[row]!.indexOf(text);
  return { row, col, attrs: screen.attrs[row]!.slice(col, col + text.length), screen };
}

it("shows Hello World! on the VGA screen in yellow on black", async () => {
  const image = path.join(TMP, "kernel.elf");
  const b = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "build", "-q", "-o", image], { timeoutMs: 120_000 });
  assert.equal(b.status, 0, b.stderr);
  await bootAndInspect(image, "Hello World!", async (qmp) => {
    const { attrs } = await screenWith(qmp, "Hello World!");
    assert.deepEqual(attrs, Array(attrs.length).fill(YELLOW_ON_BLACK), `attributes of "Hello World!": ${attrs.map((a) => a.toString(16))}`);
  });
});

it("shows a kernel panic on the VGA screen, in red, with its TypeScript location", async () => {
  // A kernel whose boot sequence panics, with the kernel's own panic handler (not a test build).
  const proj = path.join(ROOT, "build/test", `qmp-panic-${process.pid}`);
  mkdirSync(proj, { recursive: true });
  after(() => rmSync(proj, { recursive: true, force: true }));
  cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
  cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
  const entry = path.join(proj, "kernel/panics_at_boot.ts");
  writeFileSync(entry, `import "./panic.ts";\nimport { println } from "./console.ts";\nprintln("about to panic");\nthrow new Error("deliberate panic for the screen");\n`);
  const image = path.join(TMP, "panics.elf");
  const b = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "build", "-q", "-o", image, "--kernel-dir", path.join(proj, "kernel"), entry], { timeoutMs: 120_000 });
  assert.equal(b.status, 0, b.stderr);
  const where = `${path.relative(ROOT, entry)}:4:1`;
  const message = `panicked at ${where}: deliberate panic for the screen`;
  await bootAndInspect(image, "panicked at", async (qmp) => {
    // The line is longer than a row: it wraps onto the next one.
    const { attrs, row, screen } = await screenWith(qmp, `panicked at ${where}`);
    assert.ok((screen.chars[row]! + screen.chars[row + 1]!).includes(message), screen.chars.join("\n"));
    assert.deepEqual(attrs, Array(attrs.length).fill(LIGHT_RED_ON_BLACK), `attributes of the panic line: ${attrs.map((a) => a.toString(16))}`);
    assert.ok(screen.chars[row - 1]!.startsWith("about to panic"), screen.chars.join("\n"));
  });
});

/** Presses keys through QMP's send-key: each entry is one chord, e.g. ["shift", "h"]. */
async function type(qmp: Qmp, chords: string[][]): Promise<void> {
  for (const chord of chords) {
    await qmp.command("send-key", { keys: chord.map((data) => ({ type: "qcode", data })) });
  }
}

/** The bottom row's text without trailing blanks, polled until it equals `want` (or 20 s pass). */
async function bottomRowBecomes(qmp: Qmp, want: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  let row = "";
  while (Date.now() < deadline) {
    const screen = await readVgaText(qmp);
    row = screen.chars[screen.chars.length - 1]!.trimEnd();
    if (row === want) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return row;
}

it("echoes keys typed over QMP on the VGA screen: shift, caps lock, backspace, raw keys", async () => {
  const image = path.join(TMP, "keyboard.elf");
  const b = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "build", "-q", "-o", image], { timeoutMs: 120_000 });
  assert.equal(b.status, 0, b.stderr);
  await bootAndInspect(image, "tsos: booted", async (qmp) => {
    await type(qmp, [["shift", "h"], ["i"], ["spc"], ["1"], ["2"]]);
    assert.equal(await bottomRowBecomes(qmp, "Hi 12"), "Hi 12");
    await type(qmp, [["x"], ["backspace"], ["backspace"]]);
    assert.equal(await bottomRowBecomes(qmp, "Hi 1"), "Hi 1");
    // Caps Lock shifts letters only; Shift undoes it for letters.
    await type(qmp, [["caps_lock"], ["a"], ["shift", "b"], ["3"], ["caps_lock"], ["c"]]);
    assert.equal(await bottomRowBecomes(qmp, "Hi 1Ab3c"), "Hi 1Ab3c");
    // A key without a character prints its name, as blog_os prints raw keys.
    await type(qmp, [["up"]]);
    assert.equal(await bottomRowBecomes(qmp, "Hi 1Ab3cArrowUp"), "Hi 1Ab3cArrowUp");
  });
});

it("reports a keyboard flood beyond the queue once, with the count dropped, and goes on echoing", async () => {
  // A kernel that is busy (interrupts on, the queue not read) while the keys arrive, until no
  // scancode has been dropped for two seconds; then it reads the keyboard as main.ts does.
  const proj = path.join(ROOT, "build/test", `qmp-flood-${process.pid}`);
  mkdirSync(proj, { recursive: true });
  after(() => rmSync(proj, { recursive: true, force: true }));
  cpSync(path.join(ROOT, "kernel"), path.join(proj, "kernel"), { recursive: true });
  cpSync(path.join(ROOT, "lib"), path.join(proj, "lib"), { recursive: true });
  const entry = path.join(proj, "kernel/busy_while_flooded.ts");
  writeFileSync(
    entry,
    `import "./panic.ts";
import { println } from "./console.ts";
import { init } from "./init.ts";
import { droppedScancodes, keyboardInputPending, processKeyboardInput } from "./keyboard.ts";
import { ticks } from "./timer.ts";
import * as interrupts from "./arch/interrupts.ts";
init();
println("busy, not reading the keyboard");
let dropped: u32 = 0;
let since = ticks();
while (dropped === 0 || ticks() - since < 200) {
  if (droppedScancodes() !== dropped) {
    dropped = droppedScancodes();
    since = ticks();
  }
  interrupts.wait();
}
println("reading the keyboard");
while (true) {
  processKeyboardInput();
  interrupts.disable();
  if (keyboardInputPending()) interrupts.enable();
  else interrupts.enableAndWait();
}
`,
  );
  const image = path.join(TMP, "flood.elf");
  const b = await run(process.execPath, [path.join(ROOT, "bin/tsos.js"), "build", "-q", "-o", image, "--kernel-dir", path.join(proj, "kernel"), entry], { timeoutMs: 120_000 });
  assert.equal(b.status, 0, b.stderr);
  const QUEUE_CAPACITY = 100; // kernel/keyboard.ts
  const presses = 80; // a make and a break code each: 160 scancodes
  await bootAndInspect(image, "busy, not reading the keyboard", async (qmp) => {
    await type(qmp, Array.from({ length: presses }, () => ["a"]));
    const report = `keyboard queue full, ${2 * presses - QUEUE_CAPACITY} dropped`;
    const { screen } = await screenWith(qmp, report);
    assert.equal(screen.chars.filter((row) => row.includes("keyboard queue full")).length, 1, screen.chars.join("\n"));
    // What the queue held is echoed: its first 100 scancodes are 50 presses of "a".
    const echoed = "a".repeat(QUEUE_CAPACITY / 2);
    assert.equal(await bottomRowBecomes(qmp, echoed), echoed);
    await type(qmp, [["o"], ["k"]]);
    assert.equal(await bottomRowBecomes(qmp, `${echoed}ok`), `${echoed}ok`);
    const after = await readVgaText(qmp);
    assert.equal(after.chars.filter((row) => row.includes("keyboard queue full")).length, 1, after.chars.join("\n"));
  });
});
