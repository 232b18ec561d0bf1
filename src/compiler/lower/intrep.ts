/**
 * lower/intrep.ts: hosted `number` counters held as C integers, and
 * number locals that only hold ToInt32 results held as int32_t
 * (int32Locals, below).
 *
 * Input:  a lowered function body on the hosted target (where `number` is a
 *         C double).
 * Output: the same body where each eligible `number` local is an int64_t and
 *         every read of it is converted to double, except where an integer is
 *         what is wanted anyway: an index, a length comparison, `i + 1`.
 * Invariants: the rewrite is invisible. A local is eligible when it is
 *   initialised with an integer literal of magnitude at most 2^32 and is only
 *   ever changed by `++`, `--`, `+= c` or `-= c` with an integer constant
 *   |c| <= 8. Each step moves it by at most 8, so leaving the range of exact
 *   doubles (2^53 ~ 9.007e15) takes more than (2^53 - 2^32) / 8 > 10^15
 *   steps: years of running. Within that range int64 arithmetic and double
 *   arithmetic give the same integers, and every read that is not
 *   integer-only sees `(double)i`, so -0, NaN and fractions cannot arise
 *   where the double version would not produce them either.
 *   Sums are kept in int64 only when at most one term is such a counter or a
 *   length (< 8.01e15) and the others are constants of at most 2^20, so
 *   they stay below 2^53 too.
 */
import type { Expr, Stmt, Type } from "../ir.ts";
import { mapChildExprs, walkExprs } from "../ir.ts";

const I64: Type = { k: "int", kind: "i64" };
const MAX_START = 1n << 32n;
const MAX_STEP = 8n;
const SMALL = 1n << 20n;

const isNumber = (t: Type): boolean => t.k === "int" && t.kind === "number";

export function integerCounters(body: Stmt[]): Stmt[] {
  const candidates = new Set<string>();
  collectLets(body, candidates);
  disqualify(body, candidates);
  const decl = (s: Extract<Stmt, { s: "let" }>): Stmt | undefined =>
    candidates.has(s.name) && s.init?.e === "int" ? { ...s, type: I64, init: { e: "int", type: I64, value: s.init.value } } : undefined;
  return body.map((s) => rewriteStmt(s, (x, used) => rewrite(x, candidates, used), decl));
}

function collectLets(list: Stmt[], out: Set<string>): void {
  forEachLet(list, (s) => {
    if (isNumber(s.type) && s.init?.e === "int" && s.init.value <= MAX_START && s.init.value >= -MAX_START) out.add(s.name);
  });
}

/** `current + c` / `current - c` with a small integer constant c. */
function smallStep(v: Expr): boolean {
  return v.e === "binary" && (v.op === "+" || v.op === "-") && v.a.e === "current" && v.b.e === "int" && v.b.value <= MAX_STEP && v.b.value >= -MAX_STEP;
}

/** Remove every candidate that is assigned, or updated by anything but a small step. */
function disqualify(body: Stmt[], candidates: Set<string>): void {
  walkExprs(body, (x) => {
    if (x.e === "assign" && x.target.e === "local") candidates.delete(x.target.name);
    if (x.e === "compound" && x.target.e === "local" && !smallStep(x.value)) candidates.delete(x.target.name);
  });
}

/**
 * A statement with every expression rewritten by `expr` (`used`: the value is
 * read; else a bare statement or loop step) and every `let` by `decl` first.
 */
function rewriteStmt(s: Stmt, expr: (x: Expr, used: boolean) => Expr, decl: (s: Extract<Stmt, { s: "let" }>) => Stmt | undefined): Stmt {
  const E = (x: Expr) => expr(x, true);
  const S = (list: Stmt[]) => list.map((y) => rewriteStmt(y, expr, decl));
  switch (s.s) {
    case "let": return decl(s) ?? { ...s, init: s.init && E(s.init) };
    case "expr": return { ...s, x: expr(s.x, false) };
    case "print": return { ...s, args: s.args.map(E) };
    case "if": return { ...s, c: E(s.c), then: S(s.then), else: s.else && S(s.else) };
    case "while": case "dowhile": return { ...s, c: E(s.c), body: S(s.body) };
    case "for": return { ...s, init: S(s.init), c: s.c && E(s.c), step: s.step.map((x) => expr(x, false)), body: S(s.body) };
    case "return": return { ...s, x: s.x && E(s.x) };
    case "block": return { ...s, body: S(s.body) };
    case "switch": return { ...s, x: E(s.x), cases: s.cases.map((k) => ({ ...k, values: k.values.map(E), body: S(k.body) })) };
    default: return s;
  }
}

const toDouble = (x: Expr): Expr => ({ e: "convert", type: { k: "int", kind: "number" }, x, checked: false, loc: 0 });

/** Rewrite one expression; `used`: its value is read (else a bare statement or loop step). */
function rewrite(x: Expr, c: Set<string>, used: boolean): Expr {
  if (x.e === "local" && c.has(x.name)) return toDouble({ ...x, type: I64 });
  if (x.e === "compound" && x.target.e === "local" && c.has(x.target.name)) {
    const v = x.value as Extract<Expr, { e: "binary" }>;
    const b = v.b as Extract<Expr, { e: "int" }>;
    const step: Expr = { ...v, type: I64, a: { e: "current", type: I64 }, b: { e: "int", type: I64, value: b.value } };
    const updated: Expr = { ...x, type: I64, target: { ...x.target, type: I64 }, value: step };
    return used ? toDouble(updated) : updated;
  }
  const y = mapChildExprs(x, (child) => rewrite(child, c, true));
  // An index or count of an integer-valued number: use the integer directly.
  if (y.e === "convert" && y.checked && isNumber(y.x.type) && y.type.k === "int" && y.type.kind === "i64") {
    const n = asInteger(y.x);
    if (n) return n.x;
  }
  // `s.charCodeAt(i)` at a counter: the position needs no conversion or truncation.
  if (y.e === "call" && y.fn === "tsos_str_char_code_at" && y.args.length === 2) {
    const pos = asInteger(y.args[1]!);
    if (pos) return { ...y, fn: "tsos_str_char_code_at_i64", args: [y.args[0]!, pos.x] };
  }
  if (y.e === "binary" && y.type.k === "bool" && isNumber(y.a.type) && ["<", "<=", ">", ">=", "==", "!="].includes(y.op)) {
    const a = asInteger(y.a);
    const b = asInteger(y.b);
    if (a && b && (a.big || b.big)) return { ...y, a: a.x, b: b.x };
  }
  return y;
}

/**
 * The same integer value as an int64 expression, when `x` is exact in int64:
 * a rewritten counter, a length, a constant, or a sum/difference with at most
 * one term that is not a small constant (`big`).
 */
function asInteger(x: Expr): { x: Expr; big: boolean } | undefined {
  if (x.e === "convert" && !x.checked && x.x.type.k === "int" && x.x.type.kind === "i64" && (x.x.e === "local" || x.x.e === "compound")) return { x: x.x, big: true };
  if (x.e === "int" && isNumber(x.type)) return { x: { e: "int", type: I64, value: x.value }, big: x.value > SMALL || x.value < -SMALL };
  if (x.e === "arraymethod" && x.method === "length") return { x: { ...x, type: I64 }, big: true };
  if (x.e === "strlen") return { x: { ...x, type: I64 }, big: true };
  if (x.e === "binary" && (x.op === "+" || x.op === "-") && isNumber(x.type)) {
    const a = asInteger(x.a);
    const b = asInteger(x.b);
    if (!a || !b || (a.big && b.big)) return undefined;
    return { x: { ...x, type: I64, a: a.x, b: b.x }, big: a.big || b.big };
  }
  return undefined;
}

/*
 * Hosted `number` locals that only ever hold 32-bit integers, held as int32_t
 * (`let h = 0; ... h = (Math.imul(h, 31) + c) | 0`, a hash or checksum
 * written the way JavaScript programs write them).
 *
 * A local is eligible when it is initialised with an integer literal in
 * int32's range or an int32 result, every value stored into it is an int32
 * result, its compound assignments are the bitwise ones (`^=`, `|=`, `&=`,
 * `<<=`, `>>=`), and its address is never taken (a captured or ref-mode
 * local). An int32 result is what ToInt32 makes: `|`, `&`, `^`, `<<`, `>>`,
 * `~` on numbers, and Math.imul. Such a value is an integer in
 * [-2^31, 2^31), exactly what the double held, so every read sees
 * `(double)h` and nothing observable changes; a stored value is converted
 * with ToInt32, which leaves an int32 result as it is (and gcc removes the
 * double round trip).
 */
const I32: Type = { k: "int", kind: "i32" };
const BITWISE = new Set(["|", "&", "^", "<<", ">>"]);
const INT32_MIN = -(1n << 31n);
const INT32_MAX = (1n << 31n) - 1n;

function int32Result(x: Expr): boolean {
  if (x.e === "int") return isNumber(x.type) && x.value >= INT32_MIN && x.value <= INT32_MAX;
  if (x.e === "binary") return isNumber(x.type) && BITWISE.has(x.op);
  if (x.e === "bitnot") return isNumber(x.type);
  return x.e === "call" && x.fn === "tsos_num_imul";
}

export function int32Locals(body: Stmt[]): Stmt[] {
  const candidates = new Set<string>();
  forEachLet(body, (s) => { if (isNumber(s.type) && s.init && int32Result(s.init)) candidates.add(s.name); });
  if (!candidates.size) return body;
  walkExprs(body, (x) => {
    if (x.e === "assign" && x.target.e === "local" && !int32Result(x.value)) candidates.delete(x.target.name);
    if (x.e === "compound" && x.target.e === "local" && !(x.value.e === "binary" && BITWISE.has(x.value.op) && x.value.a.e === "current")) candidates.delete(x.target.name);
    if (x.e === "addrof") walkExprs([{ s: "expr", x, loc: 0 }], (y) => { if (y.e === "local") candidates.delete(y.name); });
  });
  if (!candidates.size) return body;
  const decl = (s: Extract<Stmt, { s: "let" }>): Stmt | undefined => (candidates.has(s.name) ? { ...s, type: I32, init: toInt32(rewrite32(s.init!, candidates, true)) } : undefined);
  return body.map((s) => rewriteStmt(s, (x, used) => rewrite32(x, candidates, used), decl));
}

const toInt32 = (x: Expr): Expr => (x.e === "int" ? { e: "int", type: I32, value: x.value } : { e: "convert", type: I32, x, checked: false, loc: 0 });

function rewrite32(x: Expr, c: Set<string>, used: boolean): Expr {
  if (x.e === "local" && c.has(x.name)) return toDouble({ ...x, type: I32 });
  const own = (x.e === "assign" || x.e === "compound") && x.target.e === "local" && c.has(x.target.name);
  if (own) {
    const target = { ...(x.target as Extract<Expr, { e: "local" }>), type: I32 };
    // `h op= v` is `h = h op v` for a local: the target is read once either way.
    const value = x.e === "compound" ? { ...(x.value as Extract<Expr, { e: "binary" }>), a: toDouble(target) } : x.value;
    const stored: Expr = { e: "assign", type: I32, target, value: toInt32(rewrite32(value, c, true)) };
    return used ? toDouble(stored) : stored;
  }
  return mapChildExprs(x, (child) => rewrite32(child, c, true));
}

/** Every `let` statement of `body`, nested blocks included. */
function forEachLet(body: Stmt[], f: (s: Extract<Stmt, { s: "let" }>) => void): void {
  for (const s of body) {
    if (s.s === "let") f(s);
    if (s.s === "if") { forEachLet(s.then, f); if (s.else) forEachLet(s.else, f); }
    if (s.s === "while" || s.s === "dowhile" || s.s === "block") forEachLet(s.body, f);
    if (s.s === "for") { forEachLet(s.init, f); forEachLet(s.body, f); }
    if (s.s === "switch") s.cases.forEach((c) => forEachLet(c.body, f));
  }
}
