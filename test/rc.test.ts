/**
 * test/rc.test.ts: reference counting frees what it should, when it should.
 *
 * Input:  run fixtures 1000-1019, 1110-1115, 995, 1134 and 1216 named below, compiled with the runtime's
 *         live-object counter (TSOS_COUNT_OBJECTS) and poisoned frees
 *         (TSOS_CHECK_FREES).
 * Output: one case per fixture: the live and peak counts of objects and arrays
 *         (and, for the string fixtures, of heap strings) the program reports
 *         at exit (stderr) are exactly the expected ones, and stdout still
 *         matches its .out.
 * Invariants: a peak above the expected one means objects are not freed
 *             when their last reference goes (a leak); a count below it, or
 *             a panic, means something was freed too early.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { compileToC } from "../src/compiler/compile.ts";
import { gccHostAsync } from "../src/compiler/gcc.ts";
import { ROOT, run } from "./helpers.ts";

const RUN_DIR = path.join(ROOT, "test/fixtures/run");
const BUILD = path.join(ROOT, "build/test-rc");

/** Fixture -> the objects alive at exit and the most alive at once. */
const EXPECTED: Record<string, { live: number; peak: number }> = {
  // 100 000 boxes in a loop: one at a time, next to the long-lived one.
  "1000_rc_box_loop": { live: 0, peak: 2 },
  // A 50 000-node chain dropped at once; the module-level list (1 List + 6 nodes) is released at exit.
  "1001_rc_linked_list": { live: 0, peak: 50_007 },
  // Rings, parent/child pairs and interface-linked pairs dropped by the thousand: the cycle
  // collector runs each time 8 192 possible roots are buffered, and once more at exit.
  "995_rc_cycles": { live: 0, peak: 12_293 },
  // Arrays count as objects: a 100 000-number vector, one box in a one-element array at a time, then
  // rounds of 1000 boxes: the vector, the round's array, its boxes, splice's removed and (empty) items arrays.
  "1009_rc_many_arrays": { live: 0, peak: 1004 },
  // Stepped collection (collectCycles(1)): each round's ring and tail (5 objects) are freed by the steps that
  // follow it, even though the step that finds them reaches roots still buffered; plus the module-level ring's
  // second node (the first is static).
  "1216_cycle_steps_touched_roots": { live: 0, peak: 6 },
  // Closures count as objects: 100 000 scorers (closure, its counter cell, its Weight) made and dropped one at a
  // time, then rounds of 10 in an array (the array, and 10 closures, cells and Weights).
  "1134_clos_many_closures": { live: 0, peak: 31 },
};

/** Fixture -> the heap strings alive at exit and the most alive at once. */
const EXPECTED_STRINGS: Record<string, { live: number; peak: number }> = {
  // 100 000 strings built and dropped in a loop (`item-${i}` and its slice), strings built by `+=`, and
  // the results of the string methods kept or dropped: never more than a handful alive at once.
  // (15 before numbers in templates were formatted on the stack, emit-c.ts strParts.)
  "1113_rc_string_building": { live: 0, peak: 14 },
  // Fields replaced 1000 times, each old name returned and dropped.
  "1110_rc_strings_fields": { live: 0, peak: 13 },
  // Strings read from fields and elements while the callee replaces them; 1000 documents made and dropped.
  // (11 before numbers in templates were formatted on the stack.)
  "1115_rc_strings_aliasing": { live: 0, peak: 10 },
};

async function countsOf(name: string): Promise<string> {
  const file = path.join("test/fixtures/run", `${name}.ts`);
  const { c } = compileToC(file, { target: "host" });
  const exe = path.join(BUILD, name);
  await gccHostAsync(`#define TSOS_COUNT_OBJECTS 1\n#define TSOS_CHECK_FREES 1\n${c}`, exe, { opt: "-O2" });
  const r = await run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(path.join(RUN_DIR, `${name}.out`), "utf8"));
  return r.stderr;
}

describe("reference counting (live-string counts)", () => {
  process.chdir(ROOT);
  for (const [name, want] of Object.entries(EXPECTED_STRINGS)) {
    it(name, async () => {
      const stderr = await countsOf(name);
      const m = /tsos: (\d+) live strings, peak (\d+)/.exec(stderr);
      assert.ok(m, `no string counts on stderr: ${stderr}`);
      assert.deepEqual({ live: Number(m[1]), peak: Number(m[2]) }, want);
    });
  }
});

/** Builds `file` counting objects with poisoned frees, runs it: its stdout is `expected`'s, and its live and peak objects `want`. */
async function checkObjectCounts(name: string, file: string, expected: string, want: { live: number; peak: number }): Promise<void> {
  const { c } = compileToC(file, { target: "host" });
  const exe = path.join(BUILD, name);
  await gccHostAsync(`#define TSOS_COUNT_OBJECTS 1\n#define TSOS_CHECK_FREES 1\n${c}`, exe, { opt: "-O2" });
  const r = await run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(expected, "utf8"));
  const m = /tsos: (\d+) live objects, peak (\d+)/.exec(r.stderr);
  assert.ok(m, `no object counts on stderr: ${r.stderr}`);
  assert.deepEqual({ live: Number(m[1]), peak: Number(m[2]) }, want);
}

describe("reference counting (live-object counts)", () => {
  process.chdir(ROOT);
  for (const [name, want] of Object.entries(EXPECTED)) {
    it(name, async () => {
      await checkObjectCounts(name, path.join("test/fixtures/run", `${name}.ts`), path.join(RUN_DIR, `${name}.out`), want);
    });
  }
});

/**
 * Programs whose output is tsos's own, not Node's (test/fixtures/rc/<name>.ts
 * and .expected): a WeakRef reads undefined as soon as its target is freed,
 * where Node clears it at some garbage collection after the current job.
 */
const OWN_OUTPUT: Record<string, { live: number; peak: number }> = {
  // Targets dropped and WeakRefs cleared at once; 30 000 two-node rings freed by the collector
  // while the 30 000 WeakRefs to them are kept (none reads freed memory): the peak is the WeakRefs,
  // their array and the rings not yet collected (the collector runs every 8 192 buffered roots).
  weakref_clears: { live: 0, peak: 36_868 },
};

describe("reference counting (tsos's own output: weak references)", () => {
  process.chdir(ROOT);
  for (const [name, want] of Object.entries(OWN_OUTPUT)) {
    it(name, async () => {
      await checkObjectCounts(name, path.join("test/fixtures/rc", `${name}.ts`), path.join(ROOT, "test/fixtures/rc", `${name}.expected`), want);
    });
  }
});

describe("reference counting (static counts, tsos emit-c --rc-stats)", () => {
  it("counts what it writes and what it leaves out", () => {
    process.chdir(ROOT);
    const { rcStats } = compileToC("test/fixtures/run/1009_rc_many_arrays.ts", { target: "host" });
    assert.ok(rcStats);
    // `fill` returns its local `v` (moved out); `[new Box(i)]` moves the Box into the literal and the literal
    // into `one`, which is released at the end of each iteration; lib/std's splice borrows its parameters and
    // retains each element it copies into `removed`.
    for (const key of ["retains", "releases", "borrowedParams", "movedIn", "movedOut"] as const) assert.ok(rcStats[key] > 0, `${key} is ${rcStats[key]}`);
  });
});
