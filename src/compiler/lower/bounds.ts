/**
 * lower/bounds.ts: bounds-check elimination by loop versioning.
 *
 * Input:  a lowered function body.
 * Output: the same body where an innermost counting loop
 *           for (let j = start; j < limit; j++) { ... a[base + j] ... }
 *         whose indices are `j` or `base + j` (base and the array not
 *         changed by the loop) becomes
 *           if (every such index is in range for every j) { the loop, unchecked }
 *           else { the loop as written }
 * Invariants: semantics never change: when the range test fails, the
 *   original loop runs and panics exactly where it would have. The test is
 *   computed in i64 on values that cannot overflow it (indices of at most 32
 *   bits, or `number`), and it also proves that `base + j` does not wrap in
 *   its own type. The test made before the loop must stay true during it:
 *   - an array's length can shrink (`pop`, `splice`, `length = n`) only for
 *     array types the program shrinks somewhere (`shrunkArrays`); an index
 *     into such an array is unchecked only if the body cannot change any
 *     length (no call, push or shrink);
 *   - a limit that reads a length (`j < xs.length`) can grow when the body
 *     pushes or calls: then only `xs[j]` itself is unchecked, which the
 *     loop's own live test keeps in range.
 * Hosted strings: `s.charCodeAt(j)` (lower/intrep.ts's
 *   `tsos_str_char_code_at_i64`) of a local string s the loop does not
 *   assign is versioned on s being ASCII with every j in [0, s.length): the
 *   fast copy reads the byte (`tsos_str_ascii_code_at`), without the
 *   position test and the ASCII test per character. A string's units and
 *   bytes never change (an append makes the local a new value, which the
 *   loop would assign); a local whose address is taken (a captured variable
 *   in ref mode) is left alone.
 */
import type { Expr, IntKind, Stmt, Type } from "../ir.ts";
import { walkExprs } from "../ir.ts";
import { range } from "../ints.ts";

const I64: Type = { k: "int", kind: "i64" };
const SUPPORTED: IntKind[] = ["u8", "u16", "u32", "i8", "i16", "i32", "number"];

type For = Extract<Stmt, { s: "for" }>;
type Index = Extract<Expr, { e: "index" }>;
type Call = Extract<Expr, { e: "call" }>;

/** The C names of the array types whose length some code shrinks (`length = n`, used by pop, shift, splice). */
export function shrunkArrays(funcs: { body: Stmt[] }[]): Set<string> {
  const out = new Set<string>();
  for (const f of funcs)
    walkExprs(f.body, (x) => {
      if (x.e === "arraymethod" && x.method === "setLength" && x.arr.type.k === "array") out.add(x.arr.type.cname);
    });
  return out;
}

let shrunk = new Set<string>();
/** Locals of the function being versioned whose address is taken (`addrof`): they could change through it. */
let addressed = new Set<string>();

/** `body`, a function's whole body, with its innermost counting loops versioned. */
export function versionLoops(body: Stmt[], shrunkTypes: Set<string>): Stmt[] {
  const saved = [shrunk, addressed];
  shrunk = shrunkTypes;
  addressed = new Set();
  walkExprs(body, (x) => {
    if (x.e === "addrof") walkExprs([{ s: "expr", x, loc: 0 }], (y) => { if (y.e === "local") addressed.add(y.name); });
  });
  try {
    return versionList(body);
  } finally {
    [shrunk, addressed] = saved;
  }
}

function versionList(body: Stmt[]): Stmt[] {
  return body.map(versionStmt);
}

/** Whether evaluating the body may change some array's length: a push, a shrink, or code we cannot see. */
function mayChangeLengths(body: Stmt[]): boolean {
  let changes = false;
  walkExprs(body, (x) => {
    if (x.e === "arraymethod" && (x.method === "push" || x.method === "setLength")) changes = true;
    if ((x.e === "call" && !x.pure) || x.e === "callptr" || x.e === "viewcall" || x.e === "new" || x.e === "intrinsic") changes = true;
  });
  return changes;
}

/** Whether `x` reads an array's length. */
function readsLength(x: Expr): boolean {
  let reads = false;
  walkExprs([{ s: "expr", x, loc: 0 }], (y) => {
    if (y.e === "arraymethod" && y.method === "length") reads = true;
  });
  return reads;
}

/** Whether `limit` is `arr.length` (possibly converted) of the local `arr`. */
function isLengthOf(limit: Expr, arr: Expr): boolean {
  while (limit.e === "convert") limit = limit.x;
  return limit.e === "arraymethod" && limit.method === "length" && limit.arr.e === "local" && arr.e === "local" && limit.arr.name === arr.name;
}

function versionStmt(s: Stmt): Stmt {
  switch (s.s) {
    case "if":
      return { ...s, then: versionList(s.then), else: s.else && versionList(s.else) };
    case "while":
    case "dowhile":
      return { ...s, body: versionList(s.body) };
    case "block":
      return { ...s, body: versionList(s.body) };
    case "switch":
      return { ...s, cases: s.cases.map((c) => ({ ...c, body: versionList(c.body) })) };
    case "for": {
      const inner: For = { ...s, body: versionList(s.body) };
      return versionFor(inner) ?? inner;
    }
    default:
      return s;
  }
}

interface Counter {
  name: string;
  kind: IntKind;
  start: Expr;
  limit: Expr;
}

/** `let j = start; j < limit; j++` (or `++j`, `j += 1`), with j never assigned in the body. */
function counterOf(f: For, changed: Set<string>): Counter | undefined {
  const [init] = f.init;
  if (f.init.length !== 1 || init?.s !== "let" || !init.init || init.type.k !== "int") return undefined;
  const name = init.name;
  const c = f.c;
  if (!c || c.e !== "binary" || c.op !== "<" || c.a.e !== "local" || c.a.name !== name) return undefined;
  const [step] = f.step;
  if (f.step.length !== 1 || step?.e !== "compound" || step.target.e !== "local" || step.target.name !== name) return undefined;
  const v = step.value;
  if (v.e !== "binary" || v.op !== "+" || v.a.e !== "current" || v.b.e !== "int" || v.b.value !== 1n) return undefined;
  if (changed.has(name) || !invariant(init.init, changed) || !invariant(c.b, changed)) return undefined;
  if (!SUPPORTED.includes(init.type.kind) && init.type.kind !== "usize" && init.type.kind !== "u64" && init.type.kind !== "i64") return undefined;
  return { name, kind: init.type.kind, start: init.init, limit: c.b };
}

/** Locals the body assigns or declares (not invariant across iterations). */
function changedIn(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  const visitStmts = (list: Stmt[]) => {
    for (const s of list) {
      if (s.s === "let") out.add(s.name);
      if (s.s === "if") { visitStmts(s.then); if (s.else) visitStmts(s.else); }
      if (s.s === "while" || s.s === "dowhile" || s.s === "block") visitStmts(s.body);
      if (s.s === "for") { visitStmts(s.init); visitStmts(s.body); }
      if (s.s === "switch") s.cases.forEach((c) => visitStmts(c.body));
    }
  };
  visitStmts(body);
  walkExprs(body, (x) => {
    if ((x.e === "assign" || x.e === "compound") && x.target.e === "local") out.add(x.target.name);
  });
  return out;
}

/** Built only from literals, unchanged locals and pure integer arithmetic. */
function invariant(x: Expr, changed: Set<string>): boolean {
  switch (x.e) {
    case "int":
      return true;
    case "local":
      return !changed.has(x.name) && !addressed.has(x.name);
    case "convert":
      return invariant(x.x, changed);
    case "binary":
      return ["+", "-", "*"].includes(x.op) && invariant(x.a, changed) && invariant(x.b, changed);
    case "arraymethod":
      return x.method === "length" && invariant(x.arr, changed);
    case "strlen":
      return invariant(x.s, changed);
    default:
      return false;
  }
}

/** The counter itself, possibly widened. */
function isCounter(x: Expr, counter: Counter): boolean {
  if (x.e === "convert") return x.x.e === "local" && x.x.name === counter.name && !x.checked;
  return x.e === "local" && x.name === counter.name;
}

/** `j` or `base + j` / `j + base`: the invariant base (or undefined for `j`), else false. */
function splitIndex(idx: Expr, counter: Counter, changed: Set<string>): { base?: Expr } | false {
  if (isCounter(idx, counter)) return {};
  if (idx.e !== "binary" || idx.op !== "+" || idx.type.k !== "int" || !SUPPORTED.includes(idx.type.kind)) return false;
  if (isCounter(idx.b, counter) && invariant(idx.a, changed)) return { base: idx.a };
  if (isCounter(idx.a, counter) && invariant(idx.b, changed)) return { base: idx.b };
  return false;
}

const i64 = (x: Expr): Expr => (x.type.k === "int" && (x.type.kind === "i64" || x.type.kind === "number") ? x : { e: "convert", type: I64, x, checked: false, loc: 0 });
const lit = (v: bigint): Expr => ({ e: "int", type: I64, value: v });
const bin = (op: "+" | "-" | "<" | "<=" | ">=", a: Expr, b: Expr): Expr => ({ e: "binary", type: op === "+" || op === "-" ? I64 : { k: "bool" }, op, a, b, loc: 0 });
const and = (a: Expr, b: Expr): Expr => ({ e: "logic", type: { k: "bool" }, op: "&&", a, b });

/** Whether a statement list contains a loop (only innermost loops are versioned). */
function hasLoop(body: Stmt[]): boolean {
  return body.some((s) => {
    if (s.s === "for" || s.s === "while" || s.s === "dowhile") return true;
    if (s.s === "if") return hasLoop(s.then) || (s.else !== undefined && hasLoop(s.else));
    if (s.s === "block") return hasLoop(s.body);
    if (s.s === "switch") return s.cases.some((c) => hasLoop(c.body));
    return false;
  });
}

function versionFor(f: For): Stmt | undefined {
  // Innermost loops only: that is where checks cost, and copying a loop
  // that holds other loops doubles code for no gain.
  if (hasLoop(f.body)) return undefined;
  const changed = changedIn(f.body);
  const counter = counterOf(f, changed);
  if (!counter) return undefined;
  const candidates: Index[] = [];
  walkExprs(f.body, (x) => {
    if (x.e !== "index" || x.unchecked || x.arr.e !== "local" || changed.has(x.arr.name) || x.arr.type.k !== "array") return;
    if (splitIndex(x.idx, counter, changed) !== false) candidates.push(x);
  });
  const changes = mayChangeLengths(f.body);
  const limitGrows = changes && readsLength(counter.limit);
  const safe = candidates.filter((c) => {
    if (changes && shrunk.has((c.arr.type as Extract<Type, { k: "array" }>).cname)) return false;
    return !limitGrows || (isCounter(c.idx, counter) && isLengthOf(counter.limit, c.arr));
  });
  candidates.length = 0;
  candidates.push(...safe);
  // A 64-bit counter could overflow the i64 test itself; those loops stay checked.
  // A 64-bit signed counter (a hosted number counter, lower/intrep.ts) is safe for plain `a[j]`:
  // the test computes limit - 1 only when start < limit, so it cannot overflow.
  const plainOnly = counter.kind === "usize" || counter.kind === "i64";
  if (counter.kind === "u64" || plainOnly && !candidates.every((c) => isCounter(c.idx, counter))) candidates.length = 0;
  // A loop copied only for its string reads must be short (see MAX_STRING_LOOP).
  const units = candidates.length || exprCount(f.body) <= MAX_STRING_LOOP ? unitReads(f.body, counter, changed) : [];
  if (!candidates.length && !units.length) return undefined;

  // last = limit - 1: the largest counter value the loop reaches (when start < limit).
  const last = bin("-", i64(counter.limit), lit(1n));
  let inRange: Expr | undefined;
  // Each string read: ASCII, and every j in [0, s.length); `max` proves a narrow counter does not wrap.
  const counterMax = counter.kind === "number" || counter.kind === "i64" ? 1n << 53n : range(counter.kind).max;
  const strings = new Map(units.map((u) => [(u.args[0] as Extract<Expr, { e: "local" }>).name, u.args[0]!]));
  for (const str of strings.values()) {
    const ascii: Expr = { e: "call", type: { k: "bool" }, fn: "tsos_str_ascii", args: [str], pure: true };
    const len: Expr = { e: "strlen", type: I64, s: str };
    const test = and(ascii, { e: "call", type: { k: "bool" }, fn: "tsos_range_ok", args: [i64(counter.start), last, len, lit(counterMax)] });
    inRange = inRange ? and(inRange, test) : test;
  }
  for (const c of candidates) {
    const parts = splitIndex(c.idx, counter, changed) as { base?: Expr };
    const low = parts.base ? bin("+", i64(parts.base), i64(counter.start)) : i64(counter.start);
    const high = parts.base ? bin("+", i64(parts.base), last) : last;
    const len: Expr = { e: "arraymethod", type: I64, method: "length", arr: c.arr, args: [], loc: 0 };
    const kind = c.idx.type.k === "int" ? c.idx.type.kind : "number";
    // The index is computed in its own type: `max` proves `base + j` does not wrap there.
    const max = kind === "number" || kind === "usize" || kind === "u64" ? (1n << 53n) : range(kind).max;
    // A runtime helper, not inline comparisons: gcc would warn that some are always true.
    const test: Expr = { e: "call", type: { k: "bool" }, fn: "tsos_range_ok", args: [low, high, len, lit(max)] };
    inRange = inRange ? and(inRange, test) : test;
  }
  const empty = bin(">=", i64(counter.start), i64(counter.limit));
  const cond: Expr = { e: "logic", type: { k: "bool" }, op: "||", a: empty, b: inRange! };
  const fast: For = { ...f, body: uncheck(f.body, new Set(candidates), new Set(units)) };
  return { s: "if", c: cond, then: [fast], else: [f], loc: f.loc };
}

/**
 * The most expressions a loop body may hold to be copied for its string
 * reads alone. In a short loop (a checksum: 13) the position and ASCII tests
 * are much of the work per character; in a long one (lib/std/inspect.ts
 * showString, 99, in every program that prints a string) they are little,
 * and the copy would double the code.
 */
const MAX_STRING_LOOP = 48;

function exprCount(body: Stmt[]): number {
  let n = 0;
  walkExprs(body, () => n++);
  return n;
}

/**
 * The reads `s.charCodeAt(j)` at the counter itself of a local string the
 * loop does not assign and whose address is not taken. Counters of 64 bits
 * other than i64 are left out: converted to i64 for the test, their values
 * could wrap.
 */
function unitReads(body: Stmt[], counter: Counter, changed: Set<string>): Call[] {
  if (counter.kind === "u64" || counter.kind === "usize") return [];
  const out: Call[] = [];
  walkExprs(body, (x) => {
    if (x.e !== "call" || x.fn !== "tsos_str_char_code_at_i64" || x.args.length !== 2) return;
    const [s, j] = x.args as [Expr, Expr];
    if (s.e === "local" && s.type.k === "str" && !changed.has(s.name) && !addressed.has(s.name) && isCounter(j, counter)) out.push(x);
  });
  return out;
}

/**
 * A copy of `body` in which the proven index expressions skip their check
 * and the proven code-unit reads read an ASCII string's byte.
 */
function uncheck(body: Stmt[], proven: Set<Index>, asciiUnits: Set<Call>): Stmt[] {
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(copy);
    if (!x || typeof x !== "object") return x;
    const o = x as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === "type" || k === "cls" ? v : copy(v);
    if (proven.has(x as Index)) out.unchecked = true;
    if (asciiUnits.has(x as Call)) out.fn = "tsos_str_ascii_code_at";
    return out;
  };
  return copy(body) as Stmt[];
}
