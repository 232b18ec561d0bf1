/**
 * fuzz/gen.ts: the random program generator (csmith-style) for the dialect.
 *
 * Input:  a seed, a program index and a feature set.
 * Output: a Program tree (ast.ts) whose entry is `<prefix>main`; printed, it is
 *         a well-typed dialect program that prints a trace of its values.
 * Invariants (what makes Node and the dialect agree, docs/language.md §2):
 *   - Every arithmetic result of an 8-, 16- or 32-bit type is wrapped by its
 *     conversion function (`u8(a + b)`), and its operands are small enough
 *     that JavaScript computes the exact mathematical value first.
 *   - 64-bit and `number` values stay far inside the safe integers: stored
 *     values are below 2^32 in magnitude (reduced with `%` before storing),
 *     operands are reduced so no intermediate passes 2^50, unsigned 64-bit
 *     values are never negative, and no 64-bit value meets a bitwise operator.
 *   - A binary operation always has an operand of exactly its own type, so
 *     the dialect does the arithmetic at that width, not at a narrower one.
 *   - Divisors are built to be positive; indexes are reduced modulo the
 *     array's length (arrays never shrink); strings are never empty.
 *   - Values that could be -0 under Node (64-bit, `number`) are printed only
 *     through templates or conversions, which print 0 as the dialect does.
 *   - Calls form a DAG (a callable calls only callables of lower rank), loops
 *     have constant bounds and a global fuel counter bounds the calls, so
 *     every program terminates quickly and never panics.
 */
import { block, node, PREFIX, type Block, type Node, type Part, type Program } from "./ast.ts";
import { Rng } from "./rng.ts";
import { LibraryGen } from "./gen-library.ts";
import {
  ALL_FEATURES, BOOL, F64, FIXED, INT, OP, READ, STORE, STR, WIDENS, WORDS, fits, info, isA, isLiteral, isZero, sameTy, setDoubleWidening, startsWithParen, tyText, upcasts,
  type Cls, type Ctx, type E, type Feature, type Fn, type IntName, type Ty, type Var,
} from "./types.ts";

export { ALL_FEATURES, type Feature, type IntName, type Ty } from "./types.ts";


/** What main supports today (override with --features): everything the generator writes. */
export const DEFAULT_FEATURES: Feature[] = [...ALL_FEATURES];

export class Generator {
  readonly rng: Rng;
  private f: Set<Feature>;
  private counter = 0;
  private globals: Var[] = [];
  private classes: Cls[] = [];
  private fns: Fn[] = [];
  /** Arrays of objects (a base type holding subclasses): receivers `a[i]`. */
  private objArrays: { name: string; c: Cls; len: number }[] = [];
  private ints: IntName[];
  private tags = 0;

  /** Scales the number of statements and functions (1 = full size). */
  private scale: number;

  constructor(seed: number, index: number, features: Iterable<Feature>, scale = 1) {
    this.rng = new Rng(seed, index);
    this.scale = scale;
    this.f = new Set(features);
    setDoubleWidening(this.f.has("double"));
    this.ints = [...(this.f.has("ints") ? FIXED : []), ...(this.f.has("number") || !this.f.has("ints") ? ["number" as IntName] : [])];
  }

  has(x: Feature): boolean {
    return this.f.has(x);
  }

  /** The standard-library part (gen-library.ts): closures, array methods, Map/Set, string methods. */
  private readonly lib = new LibraryGen(this);
  private libOn(): boolean {
    return this.has("closures") || this.has("arraymethods") || this.has("collections") || this.has("strmethods");
  }

  /** A fresh tag for a printed line: `t12`. */
  tag(): string {
    return `t${++this.tags}`;
  }

  /** One of the integer types in use. */
  pickInt(): IntName {
    return this.rng.pick(this.ints);
  }

  fresh(base: string): string {
    return `${PREFIX}${base}${++this.counter}`;
  }

  // ---------------------------------------------------------------- types

  private intTy(): Ty {
    return INT(this.rng.pick(this.ints));
  }

  private valueTy(): Ty {
    return this.rng.weighted<Ty>([
      [8, this.intTy()],
      [1, BOOL],
      [this.has("strings") ? 1 : 0, STR],
      [this.has("double") ? 3 : 0, F64],
    ]);
  }

  /** An array's element type: mostly integers, sometimes doubles, strings or booleans. */
  private elementTy(): Ty {
    return this.rng.weighted<Ty>([
      [8, this.intTy()],
      [this.has("double") ? 3 : 0, F64],
      [this.has("strings") ? 1 : 0, STR],
      [1, BOOL],
    ]);
  }

  private f64Lit(): E {
    const v = this.rng.pick(["0", "1", "2", "0.5", "0.1", "0.2", "0.3", "1.5", "2.25", "3.75", "10", "100", "1e21", "1.5e-7", "123456789.125", "9007199254740993", "0.000001", "1e300", "4294967296", "2147483647.5", "7", "3"]);
    const neg = this.rng.chance(0.3);
    return { n: node([neg ? `(-${v})` : v]), ty: F64, bound: Infinity, nonneg: !neg, exact: true };
  }

  // ---------------------------------------------------------------- literals

  litValue(n: IntName): number {
    const i = info(n);
    const r = this.rng;
    return r.weighted<number>([
      [3, r.range(0, 9)],
      [2, i.signed ? -r.range(1, 9) : r.range(0, 9)],
      [1, i.max],
      [1, i.min],
      [3, r.range(Math.max(i.min, -100000), Math.min(i.max, 100000))],
      [2, i.min + Math.floor((r.next() / 4294967296) * (i.max - i.min))],
    ]);
  }

  lit(n: IntName, v: number): E {
    const text = v < 0 ? `(${v})` : `${v}`;
    return { n: node([text]), ty: INT(n), bound: Math.abs(v), nonneg: v >= 0, exact: false, lit: v };
  }

  private strLit(): E {
    return { n: node([JSON.stringify(this.rng.pick(WORDS))]), ty: STR, bound: 0, nonneg: true, exact: true };
  }

  private boolLit(v?: boolean): E {
    return { n: node([`${v ?? this.rng.chance(0.5)}`]), ty: BOOL, bound: 0, nonneg: true, exact: true };
  }

  /** The simplest value of a type (for the shrinker's alternatives). */
  private simplest(ty: Ty, exact = false): Node | undefined {
    // An exact operand must stay exact: a bare literal would take the other
    // operand's (maybe narrower) type and change the width of the operation.
    if (ty.k === "int") return node([exact ? `${ty.n === "number" ? "Number" : ty.n}(0)` : "0"]);
    if (ty.k === "bool") return node(["false"]);
    if (ty.k === "str") return node(['"s"']);
    if (ty.k === "f64") return node(["0"]);
    if (ty.k === "opt") return node(["null"]);
    return undefined;
  }

  private withAlts(e: E, ...more: (Node | undefined)[]): E {
    const alts = [this.simplest(e.ty, e.exact), ...more].filter((x): x is Node => !!x);
    e.n.alts = [...(e.n.alts ?? []), ...alts];
    return e;
  }

  // ---------------------------------------------------------------- int helpers

  /** Make the expression's type exactly its int type: a conversion call. */
  exactify(e: E): E {
    if (e.exact) return e;
    const t = e.ty as { k: "int"; n: IntName };
    let inner = e;
    if ((t.n === "u64" || t.n === "usize") && !e.nonneg) inner = this.convert("u32", e);
    const fn = t.n === "number" ? "Number" : t.n;
    return { n: node([`${fn}(`, inner.n, ")"]), ty: t, bound: inner.bound, nonneg: inner.nonneg || !info(t.n).signed, exact: true, lit: undefined };
  }

  /** `n(e)`: a conversion function applied to any int expression. */
  private convert(n: IntName, e: E): E {
    const i = info(n);
    let inner = e;
    if ((n === "u64" || n === "usize") && !e.nonneg) inner = this.convert("u32", e);
    const fn = n === "number" ? "Number" : n;
    const bound = i.wide ? inner.bound : Math.max(-i.min, i.max);
    return { n: node([`${fn}(`, inner.n, ")"]), ty: INT(n), bound, nonneg: i.wide ? inner.nonneg || !i.signed : !i.signed, exact: true };
  }

  /** Keep |e| below k: `(e % k)`; literals are reduced here. */
  private reduce(e: E, k: number): E {
    if (e.bound < k) return e;
    if (e.lit !== undefined) return this.lit((e.ty as { n: IntName }).n, e.lit % k);
    const x = this.exactify(e);
    return { n: node(["(", x.n, ` % ${k})`]), ty: x.ty, bound: k - 1, nonneg: x.nonneg, exact: true };
  }

  /** Wrap a small type's raw result with its conversion: `u8(raw)`. */
  private wrap(n: IntName, raw: Node, alts: Node[]): E {
    const i = info(n);
    return { n: node([`${n}(`, raw, ")"], alts), ty: INT(n), bound: Math.max(-i.min, i.max), nonneg: !i.signed, exact: true };
  }

  /** A replacement for an exact node by its operand e: e itself, made exact. */
  private altOf(e: E): Node {
    return this.exactify(e).n;
  }

  /** Ensure at least one operand has exactly the operation's type. */
  private oneExact(a: E, b: E): [E, E] {
    if (a.exact || b.exact) return [a, b];
    return [this.exactify(a), b];
  }

  /** A positive divisor of type n. */
  private divisor(n: IntName, ctx: Ctx, d: number, eff: boolean): E {
    const i = info(n);
    const k = i.bits === 8 ? (i.signed ? 50 : 100) : i.bits === 16 ? 1000 : 100000;
    if (this.rng.chance(0.35)) return this.lit(n, this.rng.range(1, Math.min(k, 20)));
    const e = this.exactify(this.int(n, ctx, d - 1, eff));
    const parts = i.signed ? ["((", e.n, ` % ${k}) + ${k})`] : ["((", e.n, ` % ${k}) + 1)`];
    return { n: node(parts, [node(["1"])]), ty: INT(n), bound: 2 * k, nonneg: true, exact: true };
  }

  // ---------------------------------------------------------------- expressions

  private expr(ty: Ty, ctx: Ctx, d: number, eff: boolean): E {
    switch (ty.k) {
      case "int": return this.int(ty.n, ctx, d, eff);
      case "f64": return this.f64(ctx, d, eff);
      case "opt": {
        if (this.rng.chance(0.3)) return { n: node(["null"]), ty, bound: 0, nonneg: true, exact: true };
        const e = this.storable(INT(ty.n), ctx, d, eff);
        return { ...e, ty };
      }
      case "bool": return this.bool(ctx, d, eff);
      case "str": return this.str(ctx, d, eff);
      case "arr": return this.arrayLit(ty, ctx, d, eff);
      case "obj": return this.objExpr(ty.c, ctx, d, eff);
      case "map": case "set": case "fn": throw new Error(`no expression of type ${tyText(ty)}`);
    }
  }

  /** Effects allowed in a subexpression of an expression that allows them. */
  sub(eff: boolean): boolean {
    return eff && this.has("effects");
  }

  private readable(ctx: Ctx, want: Ty, exactOnly = false): Var[] {
    return ctx.vars.filter((v) => (exactOnly ? sameTy(v.ty, want) : fits(v.ty, want)));
  }

  private varRead(v: Var, want: Ty): E {
    const exact = sameTy(v.ty, want);
    if (v.ty.k === "int") {
      const i = info(v.ty.n);
      const bound = v.bound ?? (i.wide ? READ : Math.max(-i.min, i.max));
      return { n: node([v.name]), ty: want, bound, nonneg: !i.signed || (v.bound !== undefined), exact };
    }
    return { n: node([v.name]), ty: want, bound: 0, nonneg: true, exact };
  }

  int(n: IntName, ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const i = info(n);
    const t = INT(n);
    const vars = this.readable(ctx, t);
    const calls = this.has("calls") && eff ? this.callables(ctx, t) : [];
    const arrays = this.has("arrays") ? ctx.vars.filter((v) => v.ty.k === "arr" && fits(v.ty.el, t)) : [];
    const strs = this.has("strings") && n === "number" ? ctx.vars.filter((v) => v.ty.k === "str") : [];
    const targets = eff && this.has("effects") ? this.updateTargets(ctx, n) : [];
    const nullables = ctx.vars.filter((v) => v.ty.k === "opt" && v.ty.n === n);
    if (d <= 0) {
      if (vars.length && r.chance(0.7)) return this.varRead(r.pick(vars), t);
      return this.lit(n, this.litValue(n));
    }
    const kind = r.weighted<string>([
      [2, "lit"],
      [vars.length ? 5 : 0, "var"],
      [5, "arith"],
      [2, "convert"],
      [this.has("divide") ? 2 : 0, "div"],
      [this.has("bitwise") && n !== "u64" && n !== "usize" && n !== "i64" && n !== "isize" ? 3 : 0, "bit"],
      [i.signed || !i.wide ? 1 : 0, "unary"],
      [1, "cond"],
      [calls.length ? 3 : 0, "call"],
      [arrays.length ? 2 : 0, "index"],
      [targets.length ? 3 : 0, "update"],
      [this.has("math") ? 1 : 0, "math"],
      [strs.length ? 1 : 0, "strint"],
      [arrays.length && n === "number" ? 1 : 0, "length"],
      [this.has("comma") && (targets.length || calls.length) ? 1 : 0, "comma"],
      [nullables.length ? 2 : 0, "nullish"],
      [this.libOn() ? 2 : 0, "lib"],
    ]);
    switch (kind) {
      case "lit": return this.lit(n, this.litValue(n));
      case "var": return this.varRead(r.pick(vars), t);
      case "arith": return this.arith(n, ctx, d, eff);
      case "convert": {
        const from = r.pick(this.ints);
        const e = this.int(from, ctx, d - 1, this.sub(eff));
        return this.convert(n, e);
      }
      case "div": return this.div(n, ctx, d, eff);
      case "bit": return this.bit(n, ctx, d, eff);
      case "unary": {
        const a = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
        if (i.wide) return { n: node(["(-", a.n, ")"], [this.altOf(a)]), ty: t, bound: a.bound, nonneg: false, exact: true };
        const op = i.signed && r.chance(0.5) ? "-" : this.has("bitwise") ? "~" : "-";
        if (op === "-" && !i.signed) return a;
        return this.wrap(n, node([`(${op}`, a.n, ")"]), [this.altOf(a)]);
      }
      case "cond": {
        const c = this.bool(ctx, d - 1, this.sub(eff));
        let a = this.int(n, ctx, d - 1, this.sub(eff));
        let b = this.int(n, ctx, d - 1, this.sub(eff));
        if (!a.exact && a.lit === undefined) a = this.exactify(a);
        if (!b.exact && b.lit === undefined) b = this.exactify(b);
        [a, b] = this.oneExact(a, b);
        return { n: node(["(", c.n, " ? ", a.n, " : ", b.n, ")"], [this.altOf(a), this.altOf(b)]), ty: t, bound: Math.max(a.bound, b.bound), nonneg: a.nonneg && b.nonneg, exact: true };
      }
      case "call": return this.call(r.pick(calls), t, ctx, d, eff);
      case "index": {
        const v = r.pick(arrays);
        const el = (v.ty as { el: Ty }).el;
        const idx = this.index(v, ctx, d, eff);
        const ei = info((el as { n: IntName }).n);
        return this.withAlts({ n: node([v.name, "[", idx, "]"]), ty: t, bound: ei.wide ? READ : Math.max(-ei.min, ei.max), nonneg: !ei.signed, exact: sameTy(el, t) });
      }
      case "update": return this.update(r.pick(targets), ctx, d, eff, true);
      case "math": {
        const a = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
        if (r.chance(0.3) && i.signed) {
          if (i.wide) return { n: node(["Math.abs(", a.n, ")"], [this.altOf(a)]), ty: t, bound: a.bound, nonneg: true, exact: true };
          return this.wrap(n, node(["Math.abs(", a.n, ")"]), [this.altOf(a)]);
        }
        let b = this.int(n, ctx, d - 1, this.sub(eff));
        if (!b.exact && b.lit === undefined) b = this.exactify(b);
        const fn = r.chance(0.5) ? "min" : "max";
        return { n: node([`Math.${fn}(`, a.n, ", ", b.n, ")"], [this.altOf(a)]), ty: t, bound: Math.max(a.bound, b.bound), nonneg: a.nonneg && b.nonneg, exact: true };
      }
      case "strint": {
        const s = r.pick(strs);
        if (r.chance(0.4)) return { n: node([`${s.name}.length`]), ty: t, bound: 2 ** 24, nonneg: true, exact: true };
        // No effects in the index: it could reassign the string after the
        // string was read and before its length is (JavaScript reads undefined).
        const idx = this.exactify(this.int("u8", ctx, d - 1, false));
        return this.withAlts({ n: node([`${s.name}.charCodeAt(`, idx.n, ` % ${s.name}.length)`]), ty: t, bound: 255, nonneg: true, exact: true });
      }
      case "comma": {
        // The left side must have an effect (TypeScript rejects a pure one).
        const all = this.ints.flatMap((m) => this.updateTargets(ctx, m));
        const left = calls.length && (!all.length || r.chance(0.5)) ? this.call(r.pick(calls), t, ctx, d - 1, eff).n : this.update(r.pick(all.length ? all : targets), ctx, d - 1, eff, false).n;
        // A literal on the right would not take its type through the comma.
        const right = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
        return { ...right, n: node(["(", left, ", ", right.n, ")"], [right.n]) };
      }
      case "nullish": {
        // The right side is converted: `n ?? 3` has the type `u8 | 3`, which is refused (TSOS1006).
        const v = r.pick(nullables);
        const dflt = this.exactify(this.lit(n, this.litValue(n)));
        return { n: node(["(", v.name, " ?? ", dflt.n, ")"]), ty: t, bound: Math.max(dflt.bound, i.wide ? READ : Math.max(-i.min, i.max)), nonneg: !i.signed, exact: true };
      }
      case "length": {
        const a = r.pick(arrays);
        return { n: node([`${a.name}.length`]), ty: t, bound: 2 ** 24, nonneg: true, exact: true };
      }
      case "lib": return this.lib.int(n, ctx, d, eff) ?? this.lit(n, this.litValue(n));
    }
    throw new Error(`unreachable ${kind}`);
  }

  index(v: Var, ctx: Ctx, d: number, eff: boolean): Node {
    const len = (v.ty as { len: number }).len;
    const conv = this.rng.pick(["u8", "u16", "u32"] as IntName[]);
    const from = this.rng.pick(this.ints);
    const e = this.convert(conv, this.int(from, ctx, d - 1, this.sub(eff)));
    return node(["(", e.n, ` % ${len})`], [node(["0"])]);
  }

  private arith(n: IntName, ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const i = info(n);
    const t = INT(n);
    const op = r.pick(["+", "-", "*", "+", "-"]);
    let a = this.int(n, ctx, d - 1, this.sub(eff));
    let b = this.int(n, ctx, d - 1, this.sub(eff));
    if (!i.wide) {
      if (op === "*" && i.bits === 32) b = this.reduce(b, 2 ** 20);
      [a, b] = this.oneExact(a, b);
      return this.wrap(n, node(["(", a.n, ` ${op} `, b.n, ")"]), [this.altOf(a), this.altOf(b)]);
    }
    if (op === "*") {
      a = this.reduce(a, 2 ** 24);
      b = this.reduce(b, 2 ** 24);
    } else {
      a = this.reduce(a, OP);
      b = this.reduce(b, OP);
    }
    if (op === "-" && !i.signed) {
      // Unsigned 64-bit subtraction never goes below zero: (a + 2^20) - (b % 2^20).
      a = this.exactify(a);
      b = this.reduce(b, 2 ** 20);
      return { n: node(["((", a.n, " + 1048576) - ", b.n, ")"], [this.altOf(a)]), ty: t, bound: a.bound + 2 ** 20, nonneg: true, exact: true };
    }
    [a, b] = this.oneExact(a, b);
    const bound = op === "*" ? a.bound * b.bound : a.bound + b.bound;
    const nonneg = op !== "-" && a.nonneg && b.nonneg;
    return { n: node(["(", a.n, ` ${op} `, b.n, ")"], [this.altOf(a), this.altOf(b)]), ty: t, bound, nonneg: nonneg || !i.signed, exact: true };
  }

  private div(n: IntName, ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const i = info(n);
    const t = INT(n);
    let a = this.int(n, ctx, d - 1, this.sub(eff));
    const q = this.divisor(n, ctx, d, this.sub(eff));
    if (q.lit !== undefined || !q.exact) a = this.exactify(a);
    const op = r.chance(0.5) ? "/" : "%";
    if (op === "%") {
      if (!i.wide) return this.wrap(n, node(["(", a.n, " % ", q.n, ")"]), [this.altOf(a)]);
      return { n: node(["(", a.n, " % ", q.n, ")"], [this.altOf(a)]), ty: t, bound: a.bound, nonneg: a.nonneg, exact: true };
    }
    if (!i.wide && r.chance(0.7)) return this.wrap(n, node(["(", a.n, " / ", q.n, ")"]), [this.altOf(a)]);
    const fn = r.chance(0.5) ? "trunc" : "floor";
    if (!i.wide) return this.wrap(n, node([`Math.${fn}(`, a.n, " / ", q.n, ")"]), [this.altOf(a)]);
    return { n: node([`Math.${fn}(`, a.n, " / ", q.n, ")"], [this.altOf(a)]), ty: t, bound: a.bound, nonneg: a.nonneg, exact: true };
  }

  private bit(n: IntName, ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const i = info(n);
    const t = INT(n);
    const shifts = n === "u32" ? [">>>", "<<"] : i.signed && i.bits < 32 ? [">>", "<<"] : [">>", "<<", ">>>"];
    const op = r.pick(["&", "|", "^", "&", ...shifts]);
    if (op === "&" || op === "|" || op === "^") {
      let a = this.int(n, ctx, d - 1, this.sub(eff));
      let b = this.int(n, ctx, d - 1, this.sub(eff));
      [a, b] = this.oneExact(a, b);
      if (n === "number") return { n: node(["(", a.n, ` ${op} `, b.n, ")"], [this.altOf(a), this.altOf(b)]), ty: t, bound: 2 ** 31, nonneg: false, exact: true };
      return this.wrap(n, node(["(", a.n, ` ${op} `, b.n, ")"]), [this.altOf(a), this.altOf(b)]);
    }
    // A shift: the left operand must be exactly n (it decides the width).
    const a = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
    const width = n === "number" ? 32 : i.bits;
    let count: Node;
    if (r.chance(0.6) || n === "number") count = node([`${r.range(0, width - 1)}`]);
    else {
      const c = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
      count = node(["(", c.n, ` & ${width - 1})`], [node(["1"])]);
    }
    if (n === "number") {
      return { n: node(["(", a.n, ` ${op} `, count, ")"], [this.altOf(a)]), ty: t, bound: 2 ** 32, nonneg: op === ">>>", exact: true };
    }
    return this.wrap(n, node(["(", a.n, ` ${op} `, count, ")"]), [this.altOf(a)]);
  }

  /** Places an int of type n can be updated in place: `x++`, `x += k`, `a[i] ^= k`. */
  private updateTargets(ctx: Ctx, n: IntName): Var[] {
    const out = ctx.vars.filter((v) => v.mutable && v.ty.k === "int" && v.ty.n === n && v.bound === undefined);
    if (this.has("arrays")) {
      for (const v of ctx.vars) if (v.ty.k === "arr" && v.ty.el.k === "int" && v.ty.el.n === n) out.push(v);
    }
    return out;
  }

  /** `x++`, `(x += 3)`, `(a[i] %= d)`: the value of an in-place update. */
  private update(v: Var, ctx: Ctx, d: number, eff: boolean, asExpr: boolean): E {
    const r = this.rng;
    const isArr = v.ty.k === "arr";
    const n = (isArr ? (v.ty as { el: { n: IntName } }).el.n : (v.ty as { n: IntName }).n);
    const i = info(n);
    const t = INT(n);
    const place = isArr ? node([v.name, "[", this.index(v, ctx, d, eff), "]"]) : node([v.name]);
    const ops: string[] = ["%="];
    if (i.wide) ops.push("++", "+=", "++pre", "+=");
    if (i.wide && i.signed) ops.push("--", "-=", "--pre");
    if (!i.wide && this.has("bitwise")) {
      ops.push("&=", "shift=");
      if (n !== "u32") ops.push("|=", "^=");
    }
    const op = r.pick(ops.filter((o) => o !== "%=" || this.has("divide")).concat(i.wide ? [] : ["&="]));
    const range = Math.max(-i.min, i.max);
    const done = (parts: (string | Node)[], bound: number): E => {
      const e: E = { n: node(asExpr ? ["(", ...parts, ")"] : parts), ty: t, bound, nonneg: !i.signed, exact: true };
      return e;
    };
    switch (op) {
      case "++": return done([place, "++"], READ);
      case "--": return done([place, "--"], READ);
      case "++pre": return done(["++", place], READ);
      case "--pre": return done(["--", place], READ);
      case "+=": case "-=": {
        const k = this.int("u8", ctx, d - 1, this.sub(eff));
        return done([place, ` ${op} `, k.n], READ);
      }
      case "%=": {
        const q = this.divisor(n, ctx, d, this.sub(eff));
        return done([place, " %= ", q.n], i.wide ? READ : range);
      }
      case "shift=": {
        const sop = n === "u32" ? ">>>=" : ">>=";
        return done([place, ` ${sop} ${r.range(0, i.bits - 1)}`], range);
      }
      default: {
        // & | ^ on a small type: both sides stay within the type's range in
        // JavaScript; for u32 only &, with the right side below 2^16.
        let k = this.int(n, ctx, d - 1, this.sub(eff));
        if (!k.exact && k.lit === undefined) k = this.exactify(k);
        const rhs = n === "u32" ? node(["(", this.exactify(k).n, " & 65535)"]) : k.n;
        return done([place, ` ${op} `, rhs], range);
      }
    }
  }

  private f64Targets(ctx: Ctx): Var[] {
    if (!this.has("double")) return [];
    return ctx.vars.filter((v) => (v.ty.k === "f64" && v.mutable) || (v.ty.k === "arr" && v.ty.el.k === "f64"));
  }

  /** `x++`, `(x *= y)`, `a[i] /= y` on a double: nothing to guard. */
  private f64Update(v: Var, ctx: Ctx, d: number, eff: boolean, asExpr: boolean): E {
    const r = this.rng;
    const place = v.ty.k === "arr" ? node([v.name, "[", this.index(v, ctx, d, eff), "]"]) : node([v.name]);
    const op = r.pick(["++", "--", "++pre", "+=", "-=", "*=", "/=", "%="]);
    let parts: (string | Node)[];
    if (op === "++" || op === "--") parts = [place, op];
    else if (op === "++pre") parts = ["++", place];
    else {
      const rhs = this.f64(ctx, d - 1, this.sub(eff)).n;
      parts = [place, ` ${op} `, (op === "/=" || op === "%=") && isZero(rhs) ? node(["0.5"]) : rhs];
    }
    return { n: node(asExpr ? ["(", ...parts, ")"] : parts), ty: F64, bound: Infinity, nonneg: false, exact: true };
  }

  /** A double: any value at all, NaN, Infinity and -0 included. */
  private f64(ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const vars = this.readable(ctx, F64);
    const calls = this.has("calls") && eff ? this.callables(ctx, F64) : [];
    const arrays = this.has("arrays") ? ctx.vars.filter((v) => v.ty.k === "arr" && fits(v.ty.el, F64)) : [];
    const targets = eff && this.has("effects") ? this.f64Targets(ctx) : [];
    const mk = (parts: Part[], alts: E[] = []): E => ({ n: node(parts, alts.map((a) => a.n)), ty: F64, bound: Infinity, nonneg: false, exact: true });
    // An integer inside double arithmetic goes through Number(): two u8
    // operands would otherwise be multiplied (and wrapped) as u8.
    const asDouble = (e: E, from: Ty | null): E => (from && from.k === "f64" ? { ...e, ty: F64, exact: true } : mk(["Number(", e.n, ")"]));
    const readVar = (v: Var): E => asDouble(this.varRead(v, v.ty), v.ty);
    if (d <= 0) return vars.length && r.chance(0.6) ? readVar(r.pick(vars)) : this.f64Lit();
    const kind = r.weighted<string>([
      [2, "lit"],
      [vars.length ? 4 : 0, "var"],
      [6, "arith"],
      [1, "neg"],
      [3, "math"],
      [1, "cond"],
      [2, "int"],
      [calls.length ? 2 : 0, "call"],
      [arrays.length ? 2 : 0, "index"],
      [targets.length ? 2 : 0, "update"],
    ]);
    switch (kind) {
      case "lit": return this.f64Lit();
      case "var": return readVar(r.pick(vars));
      case "arith": {
        const a = this.f64(ctx, d - 1, this.sub(eff));
        let b = this.f64(ctx, d - 1, this.sub(eff));
        const op = r.pick(["+", "-", "*", "/", "%", "+", "*", "/"]);
        // x / 0 is Infinity in JavaScript, but a constant zero divisor is refused (TSOS2004).
        if ((op === "/" || op === "%") && isZero(b.n)) b = { ...b, n: node(["0.5"]) };
        return mk(["(", a.n, ` ${op} `, b.n, ")"], [a, b]);
      }
      case "neg": {
        const a = this.f64(ctx, d - 1, this.sub(eff));
        return mk(["(-", a.n, ")"], [a]);
      }
      case "math": {
        const a = this.f64(ctx, d - 1, this.sub(eff));
        const fn = r.pick(["sqrt", "floor", "ceil", "round", "trunc", "abs", "min", "max", "PI", ...(this.has("pow") ? ["pow"] : [])]);
        if (fn === "PI") return mk(["Math.PI"]);
        if (fn === "min" || fn === "max" || fn === "pow") {
          const b = this.f64(ctx, d - 1, this.sub(eff));
          return mk([`Math.${fn}(`, a.n, ", ", b.n, ")"], [a, b]);
        }
        return mk([`Math.${fn}(`, a.n, ")"], [a]);
      }
      case "cond": {
        const c = this.bool(ctx, d - 1, this.sub(eff));
        const a = this.f64(ctx, d - 1, this.sub(eff));
        const b = this.f64(ctx, d - 1, this.sub(eff));
        return mk(["(", c.n, " ? ", a.n, " : ", b.n, ")"], [a, b]);
      }
      case "int": {
        // An integer that widens to number, kept in its own invariants.
        const n = r.pick(this.ints.filter((x) => x === "number" || WIDENS[x].includes("number")));
        return asDouble(this.int(n, ctx, d - 1, this.sub(eff)), null);
      }
      case "call": {
        const f = r.pick(calls);
        return asDouble(this.call(f, f.ret!, ctx, d, eff), f.ret);
      }
      case "index": {
        const v = r.pick(arrays);
        return asDouble(mk([v.name, "[", this.index(v, ctx, d, eff), "]"]), (v.ty as { el: Ty }).el);
      }
      case "update": return this.f64Update(r.pick(targets), ctx, d, eff, true);
    }
    throw new Error(`unreachable ${kind}`);
  }

  bool(ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    const vars = this.readable(ctx, BOOL);
    const strs = ctx.vars.filter((v) => v.ty.k === "str");
    const calls = this.has("calls") && eff ? this.callables(ctx, BOOL) : [];
    if (d <= 0) return vars.length && r.chance(0.6) ? this.varRead(r.pick(vars), BOOL) : this.boolLit();
    const boolArrays = this.has("arrays") ? ctx.vars.filter((v) => v.ty.k === "arr" && v.ty.el.k === "bool") : [];
    const kind = r.weighted<string>([
      [1, "lit"],
      [vars.length ? 3 : 0, "var"],
      [boolArrays.length ? 1 : 0, "index"],
      [6, "cmp"],
      [2, "logic"],
      [1, "not"],
      [strs.length ? 1 : 0, "streq"],
      [this.has("inherit") && this.instanceTests(ctx).length ? 1 : 0, "instanceof"],
      [ctx.vars.some((v) => v.ty.k === "opt") ? 1 : 0, "isnull"],
      [calls.length ? 2 : 0, "call"],
      [this.libOn() ? 2 : 0, "lib"],
    ]);
    switch (kind) {
      case "lib": return this.lib.bool(ctx, d, eff) ?? this.boolLit();
      case "lit": return this.boolLit();
      case "var": return this.varRead(r.pick(vars), BOOL);
      case "index": {
        const v = r.pick(boolArrays);
        return this.withAlts({ n: node([v.name, "[", this.index(v, ctx, d, eff), "]"]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
      case "cmp": {
        if (this.has("double") && r.chance(0.25)) {
          let a = this.f64(ctx, d - 1, this.sub(eff));
          let b = this.f64(ctx, d - 1, this.sub(eff));
          // Two literals compared are a TypeScript error (no overlap).
          if (isLiteral(a.n) && isLiteral(b.n)) a = { ...a, n: node(["Math.abs(", a.n, ")"]) };
          const op = r.pick(["<", "<=", ">", ">=", "===", "!=="]);
          if ((op === "<" || op === "<=") && startsWithParen(b.n)) b = { ...b, n: node(["Math.abs(", b.n, ")"]) };
          if ((op === "===" || op === "!==") && isLiteral(b.n)) b = { ...b, n: node(["Number(", b.n, ")"]) };
          if ((op === "===" || op === "!==") && isLiteral(a.n)) a = { ...a, n: node(["Number(", a.n, ")"]) };
          return this.withAlts({ n: node(["(", a.n, ` ${op} `, b.n, ")"]), ty: BOOL, bound: 0, nonneg: true, exact: true });
        }
        const n = r.pick(this.ints);
        let a = this.int(n, ctx, d - 1, this.sub(eff));
        let b = this.int(n, ctx, d - 1, this.sub(eff));
        [a, b] = this.oneExact(a, b);
        const op = r.pick(["<", "<=", ">", ">=", "===", "!=="]);
        // `f(x) < (y > (z)) ? ...` parses as a call with type arguments:
        // a right operand of < that opens with a parenthesis gets a conversion.
        if ((op === "<" || op === "<=") && startsWithParen(b.n)) b = this.convert(n, b);
        // `x === 5` narrows x to the type 5 in the branch, where `x === 7` or
        // `case 7:` is then a TypeScript error: compare with `T(5)` instead.
        if (op === "===" || op === "!==") {
          if (a.lit !== undefined) a = this.exactify(a);
          if (b.lit !== undefined) b = this.exactify(b);
        }
        return this.withAlts({ n: node(["(", a.n, ` ${op} `, b.n, ")"]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
      case "logic": {
        const a = this.bool(ctx, d - 1, this.sub(eff));
        const b = this.bool(ctx, d - 1, this.sub(eff));
        const op = r.chance(0.5) ? "&&" : "||";
        return this.withAlts({ n: node(["(", a.n, ` ${op} `, b.n, ")"], [a.n, b.n]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
      case "not": {
        const a = this.bool(ctx, d - 1, this.sub(eff));
        return { n: node(["(!", a.n, ")"], [a.n]), ty: BOOL, bound: 0, nonneg: true, exact: true };
      }
      case "streq": {
        const a = this.varRead(r.pick(strs), STR);
        let b = this.str(ctx, d - 1, this.sub(eff));
        // Comparing with a literal narrows the variable to that literal type in
        // the else branch, and a later comparison with another literal is then a
        // TypeScript error (TS2367): compare with a computed string instead.
        if (b.n.parts.length === 1 && typeof b.n.parts[0] === "string" && b.n.parts[0].startsWith('"')) b = { ...b, n: node(["(", b.n, ' + "")']) };
        return this.withAlts({ n: node(["(", a.n, r.chance(0.5) ? " === " : " !== ", b.n, ")"]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
      case "call": return this.call(r.pick(calls), BOOL, ctx, d, eff);
      case "isnull": {
        const v = r.pick(ctx.vars.filter((x) => x.ty.k === "opt"));
        // Through `as`: an assignment earlier in the function narrows the variable, and the
        // test's true branch would then see it as `never` (which the dialect refuses to operate on).
        return this.withAlts({ n: node([`((${v.name} as ${tyText(v.ty)}) ${r.chance(0.5) ? "===" : "!=="} null)`]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
      case "instanceof": {
        const [v, sub, declared] = r.pick(this.instanceTests(ctx));
        const ref = ctx.instTested.has(v) ? `(${v} as ${declared.name})` : v;
        ctx.instTested.add(v);
        return this.withAlts({ n: node([`(${ref} instanceof ${sub.name})`]), ty: BOOL, bound: 0, nonneg: true, exact: true });
      }
    }
    throw new Error("unreachable");
  }

  /** (reference, strict subclass of its declared class): `instanceof` tests that narrow only the true branch. */
  private instanceTests(ctx: Ctx): [string, Cls, Cls][] {
    const out: [string, Cls, Cls][] = [];
    for (const v of ctx.vars) {
      if (v.ty.k !== "obj") continue;
      const declared = v.ty.c;
      for (const c of this.classes) if (c !== declared && isA(c, declared)) out.push([v.name, c, declared]);
    }
    return out;
  }

  str(ctx: Ctx, d: number, eff: boolean): E {
    const r = this.rng;
    if (!this.has("strings")) return this.strLit();
    const vars = this.readable(ctx, STR);
    const calls = this.has("calls") && eff ? this.callables(ctx, STR) : [];
    if (d <= 0) return vars.length && r.chance(0.5) ? this.varRead(r.pick(vars), STR) : this.strLit();
    const strArrays = this.has("arrays") ? ctx.vars.filter((v) => v.ty.k === "arr" && v.ty.el.k === "str") : [];
    const kind = r.weighted<string>([
      [2, "lit"],
      [vars.length ? 3 : 0, "var"],
      [strArrays.length ? 1 : 0, "index"],
      [3, "concat"],
      [3, "template"],
      [2, "toString"],
      [1, "cond"],
      [vars.length ? 1 : 0, "char"],
      [calls.length ? 2 : 0, "call"],
      [this.libOn() ? 2 : 0, "lib"],
    ]);
    const mk = (n: Node): E => ({ n, ty: STR, bound: 0, nonneg: true, exact: true });
    switch (kind) {
      case "lib": return this.lib.str(ctx, d, eff) ?? this.strLit();
      case "lit": return this.strLit();
      case "var": return this.varRead(r.pick(vars), STR);
      case "index": {
        const v = r.pick(strArrays);
        return mk(node([v.name, "[", this.index(v, ctx, d, eff), "]"], [node(['"s"'])]));
      }
      case "concat": {
        const operand = (): E => {
          const e = this.str(ctx, d - 1, this.sub(eff));
          // A conditional operand of + is item 14 (refused until it lands).
          return this.has("strcond") || !e.n.parts.includes(" ? ") ? e : this.strLit();
        };
        const a = operand();
        const b = operand();
        return mk(node(["(", a.n, " + ", b.n, ")"], [a.n, b.n]));
      }
      case "template": {
        const parts: (string | Node)[] = ["`", r.pick(WORDS)];
        const count = r.range(1, 3);
        for (let k = 0; k < count; k++) {
          const ty = this.valueTy();
          parts.push("${", this.expr(ty, ctx, d - 1, this.sub(eff)).n, "}", r.pick(["", " ", "-", ":"]));
        }
        parts.push("`");
        return mk(node(parts, [node(['"s"'])]));
      }
      case "toString": {
        if (this.has("double") && r.chance(0.3)) {
          const a = this.f64(ctx, d - 1, this.sub(eff));
          return mk(node(["(", a.n, ").toString()"], [node(['"s"'])]));
        }
        const n = r.pick(this.ints);
        const a = this.exactify(this.int(n, ctx, d - 1, this.sub(eff)));
        const radix = r.chance(0.5) ? "" : `${r.pick([2, 8, 10, 16, 36])}`;
        return mk(node(["(", a.n, `).toString(${radix})`], [node(['"s"'])]));
      }
      case "cond": {
        const c = this.bool(ctx, d - 1, this.sub(eff));
        const a = this.str(ctx, d - 1, this.sub(eff));
        const b = this.str(ctx, d - 1, this.sub(eff));
        return mk(node(["(", c.n, " ? ", a.n, " : ", b.n, ")"], [a.n, b.n]));
      }
      case "char": {
        const s = r.pick(vars);
        const idx = this.exactify(this.int("u8", ctx, d - 1, false));
        return mk(node([s.name, "[", idx.n, ` % ${s.name}.length]`], [node([s.name])]));
      }
      case "call": return this.call(r.pick(calls), STR, ctx, d, eff);
    }
    throw new Error("unreachable");
  }

  private arrayLit(ty: Ty & { k: "arr" }, ctx: Ctx, d: number, eff: boolean): E {
    const items: (string | Node)[] = ["["];
    for (let k = 0; k < ty.len; k++) {
      if (k) items.push(", ");
      items.push(this.storable(ty.el, ctx, d - 1, this.sub(eff)).n);
    }
    items.push("]");
    return { n: node(items), ty, bound: 0, nonneg: true, exact: true };
  }

  private objExpr(c: Cls, ctx: Ctx, d: number, eff: boolean): E {
    const objs = ctx.vars.filter((v) => v.ty.k === "obj" && v.ty.c === c);
    if (objs.length && this.rng.chance(0.5)) return this.varRead(this.rng.pick(objs), { k: "obj", c });
    return { n: this.construct(c, ctx, d, eff), ty: { k: "obj", c }, bound: 0, nonneg: true, exact: true };
  }

  /** An expression fit to be stored: wide ints reduced below STORE. */
  storable(ty: Ty, ctx: Ctx, d: number, eff: boolean): E {
    // A stored string is built without reading stored strings or calling
    // functions that return them: `s = s + s` in a loop would double its
    // length every turn (Node gives up with RangeError, the native program
    // swaps). Its length stays bounded by the expression's depth.
    if (ty.k === "str") {
      const noStrings = (v: Var): boolean => v.ty.k !== "str" && !(v.ty.k === "arr" && v.ty.el.k === "str");
      const saved = this.fns;
      this.fns = this.fns.filter((f) => f.ret?.k !== "str");
      try {
        return this.expr(ty, { ...ctx, vars: ctx.vars.filter(noStrings) }, d, eff);
      } finally {
        this.fns = saved;
      }
    }
    const e = this.expr(ty, ctx, d, eff);
    if (ty.k === "int" && info(ty.n).wide) return this.reduce(e, STORE);
    return e;
  }

  // ---------------------------------------------------------------- calls

  private callables(ctx: Ctx, want: Ty): Fn[] {
    return this.fns.filter((f) => f.rank < ctx.rank && f.ret && fits(f.ret, want) && (!f.cls || this.receivers(ctx, f.cls).length));
  }

  private receivers(ctx: Ctx, c: Cls): string[] {
    const out = ctx.vars.filter((v) => v.ty.k === "obj" && isA(v.ty.c, c)).map((v) => v.name);
    if (ctx.cls && isA(ctx.cls, c)) out.push("this");
    for (const a of this.objArrays) if (isA(a.c, c)) for (let k = 0; k < a.len; k++) out.push(`${a.name}[${k}]`);
    return out;
  }

  private call(f: Fn, want: Ty, ctx: Ctx, d: number, eff: boolean): E {
    const parts: (string | Node)[] = [];
    if (f.cls) parts.push(this.rng.pick(this.receivers(ctx, f.cls)), ".");
    parts.push(f.name, "(");
    // A method that may dispatch gets every argument (TSOS1058 refuses
    // defaults left out of a virtual call).
    const given = f.params.length - (f.cls && this.has("inherit") ? 0 : this.rng.int((f.defaults ?? 0) + 1));
    f.params.slice(0, given).forEach((p, k) => {
      if (k) parts.push(", ");
      parts.push(this.storable(p, ctx, d - 1, this.sub(eff)).n);
    });
    parts.push(")");
    const ret = f.ret;
    if (!ret) return { n: node(parts), ty: want, bound: 0, nonneg: true, exact: false };
    const e: E = { n: node(parts), ty: want, bound: 0, nonneg: true, exact: sameTy(ret, want) };
    if (ret.k === "int") {
      const i = info(ret.n);
      e.bound = i.wide ? STORE : Math.max(-i.min, i.max);
      e.nonneg = !i.signed;
    }
    return this.withAlts(e);
  }

  private construct(c: Cls, ctx: Ctx, d: number, eff: boolean): Node {
    const parts: (string | Node)[] = [`new ${c.name}(`];
    c.ctor.forEach((ty, k) => {
      if (k) parts.push(", ");
      parts.push(this.storable(ty, ctx, d - 1, this.sub(eff)).n);
    });
    parts.push(")");
    return node(parts);
  }

  // ---------------------------------------------------------------- statements

  private stmts(ctx: Ctx, count: number): Node[] {
    count = Math.max(1, Math.round(count * this.scale));
    const out: Node[] = [];
    for (let k = 0; k < count; k++) out.push(this.stmt(ctx));
    return out;
  }

  inner(ctx: Ctx, extra: Var[] = [], loop = false, label?: string): Ctx {
    return { ...ctx, vars: [...ctx.vars, ...extra], depth: ctx.depth + 1, inLoop: ctx.inLoop || loop, labels: label ? [...(ctx.labels ?? []), label] : ctx.labels };
  }

  /** A label for a loop, sometimes: `L3: `. */
  private loopLabel(): string | undefined {
    return this.has("labels") && this.rng.chance(0.3) ? this.fresh("L") : undefined;
  }

  private exprDepth(): number {
    return this.rng.range(1, 4);
  }

  private stmt(ctx: Ctx): Node {
    const r = this.rng;
    const nested = ctx.depth < 3;
    // Arrays are const, but their elements are assigned (`a[i] = e`).
    const assignable = ctx.vars.filter((v) => (v.mutable && v.bound === undefined) || v.ty.k === "arr");
    const intTargets = [...this.ints.flatMap((n) => this.updateTargets(ctx, n)), ...this.f64Targets(ctx)];
    const arrays = ctx.vars.filter((v) => v.ty.k === "arr");
    const strVars = this.has("strfor") ? ctx.vars.filter((v) => v.ty.k === "str") : [];
    const callable = this.has("calls") ? this.fns.filter((f) => f.rank < ctx.rank && (!f.cls || this.receivers(ctx, f.cls).length)) : [];
    const kind = r.weighted<string>([
      [3, "decl"],
      [assignable.length ? 4 : 0, "assign"],
      [intTargets.length ? 2 : 0, "update"],
      [3, "print"],
      [nested ? 2 : 0, "if"],
      [nested && this.has("loops") ? 1.5 : 0, "for"],
      [nested && this.has("loops") ? 0.7 : 0, "while"],
      [nested && this.has("loops") && (arrays.length || strVars.length) ? 0.7 : 0, "forof"],
      [nested && this.has("switch") ? 1 : 0, "switch"],
      [callable.length ? 2 : 0, "callstmt"],
      [ctx.ret !== "main" && ctx.depth > 0 ? 0.5 : 0, "return"],
      [ctx.inLoop ? 0.6 : 0, "breakcont"],
      [arrays.some((a) => !ctx.noPush.has(a.name)) ? 0.5 : 0, "push"],
      [this.libOn() ? 3 : 0, "lib"],
    ]);
    const d = this.exprDepth();
    switch (kind) {
      case "decl": {
        const isArr = this.has("arrays") && r.chance(0.15);
        const ty: Ty = isArr ? { k: "arr", el: this.elementTy(), len: r.range(1, 4) } : this.valueTy();
        const e = this.storable(ty, ctx, d, true);
        const name = this.fresh("v");
        const mutable = !isArr && r.chance(0.7);
        ctx.vars.push({ name, ty, mutable });
        const keyword = mutable ? (this.has("var") && r.chance(0.25) ? "var" : "let") : "const";
        return node([`${keyword} ${name}: ${tyText(ty)} = `, e.n, ";"]);
      }
      case "assign": {
        const v = r.pick(assignable);
        if (v.ty.k === "arr") {
          const el = v.ty.el;
          const idx = this.index(v, ctx, d, true);
          const e = this.storable(el, ctx, d, true);
          return node([v.name, "[", idx, "] = ", e.n, ";"]);
        }
        const e = this.storable(v.ty, ctx, d, true);
        return node([v.name, " = ", e.n, ";"]);
      }
      case "update": {
        const v = r.pick(intTargets);
        if (v.ty.k === "f64" || (v.ty.k === "arr" && v.ty.el.k === "f64")) return node([this.f64Update(v, ctx, d, true, false).n, ";"]);
        return node([this.update(v, ctx, d, true, false).n, ";"]);
      }
      case "print": return this.print(ctx);
      case "lib": return this.lib.stmt(ctx, d) ?? this.print(ctx);
      case "if": {
        const c = this.bool(ctx, d, true);
        const then = block(this.stmts(this.inner(ctx), r.range(1, 3)));
        if (r.chance(0.5)) return node(["if (", c.n, ") ", then], [node(["", then])]);
        const els = block(this.stmts(this.inner(ctx), r.range(1, 3)));
        return node(["if (", c.n, ") ", then, " else ", els], [node(["", then]), node(["", els])]);
      }
      case "for": {
        const n = r.pick(this.ints);
        const k = r.range(1, 4);
        const name = this.fresh("i");
        const label = this.loopLabel();
        const body = block(this.stmts(this.inner(ctx, [{ name, ty: INT(n), mutable: false, bound: k }], true, label), r.range(1, 4)));
        return node([`${label ? `${label}: ` : ""}for (let ${name}: ${n} = 0; ${name} < ${k}; ${name}++) `, body]);
      }
      case "while": {
        const name = this.fresh("w");
        const k = r.range(1, 4);
        const inc = node([`${name}++;`]);
        inc.keep = true;
        const label = this.loopLabel();
        const body = block([inc, ...this.stmts(this.inner(ctx, [], true, label), r.range(1, 3))]);
        const l = label ? `${label}: ` : "";
        if (r.chance(0.5)) return node([`let ${name} = 0;\n`, `${l}while (${name} < ${k}) `, body]);
        return node([`let ${name} = 0;\n`, `${l}do `, body, ` while (${name} < ${k});`]);
      }
      case "forof": {
        const a = r.pick([...arrays, ...strVars]);
        const name = this.fresh("x");
        const el = a.ty.k === "str" ? STR : (a.ty as { el: Ty }).el;
        const label = this.loopLabel();
        const c = this.inner(ctx, [{ name, ty: el, mutable: false }], true, label);
        c.noPush = new Set([...ctx.noPush, a.name]);
        const body = block(this.stmts(c, r.range(1, 3)));
        return node([`${label ? `${label}: ` : ""}for (const ${name} of ${a.name}) `, body]);
      }
      case "switch": {
        const n = r.pick(this.ints.filter((x) => !info(x).wide || x === "number"));
        // Through a conversion: a variable narrowed to a literal type would
        // make other case labels TypeScript errors.
        const e = this.convert(n, this.int(n, ctx, d, true));
        const i = info(n);
        const labels = new Set<number>();
        const count = r.range(1, 4);
        for (let k = 0; k < count * 2 && labels.size < count; k++) labels.add(r.chance(0.6) ? r.range(Math.max(i.min, -3), 5) : this.litValue(n));
        const parts: Part[] = ["switch (", e.n, ") {\n"];
        for (const l of labels) {
          const stmts = this.stmts(this.inner(ctx), r.range(0, 2));
          if (r.chance(0.7)) stmts.push(node(["break;"]));
          parts.push(`case ${l < 0 ? `(${l})` : l}: `, block(stmts), "\n");
        }
        if (r.chance(0.6)) parts.push("default: ", block(this.stmts(this.inner(ctx), r.range(1, 2))), "\n");
        parts.push("}");
        return node(parts);
      }
      case "callstmt": {
        const f = r.pick(callable);
        const e = this.call(f, f.ret ?? INT("number"), ctx, d, true);
        return node([e.n, ";"]);
      }
      case "return": {
        const c = this.bool(ctx, d, true);
        if (ctx.ret === null || ctx.ret === "main") return node(["if (", c.n, ") return;"]);
        const e = this.storable(ctx.ret, ctx, d, true);
        return node(["if (", c.n, ") return ", e.n, ";"]);
      }
      case "breakcont": {
        const c = this.bool(ctx, d, true);
        const label = ctx.labels?.length && r.chance(0.5) ? ` ${r.pick(ctx.labels)}` : "";
        return node(["if (", c.n, `) ${r.chance(0.5) ? "break" : "continue"}${label};`]);
      }
      case "push": {
        const a = r.pick(arrays.filter((x) => !ctx.noPush.has(x.name)));
        const e = this.storable((a.ty as { el: Ty }).el, ctx, d, true);
        return node([`${a.name}.push(`, e.n, ");"]);
      }
    }
    throw new Error(`unreachable ${kind}`);
  }

  private print(ctx: Ctx): Node {
    const r = this.rng;
    const tag = `t${++this.tags}`;
    const count = r.range(1, 3);
    if (r.chance(0.5)) {
      const parts: (string | Node)[] = [`console.log(\`${tag}`];
      for (let k = 0; k < count; k++) parts.push(" ${", this.expr(this.valueTy(), ctx, this.exprDepth(), true).n, "}");
      parts.push("`);");
      return node(parts);
    }
    // Direct arguments: small ints through their conversion (which prints
    // 0 for a JavaScript -0), booleans, strings.
    const parts: (string | Node)[] = [`console.log("${tag}"`];
    for (let k = 0; k < count; k++) {
      const ty = this.valueTy();
      let e = this.expr(ty, ctx, this.exprDepth(), true);
      if (ty.k === "int") {
        const small = info(ty.n).wide ? r.pick(["u8", "i16", "u32", "i32"] as IntName[]) : ty.n;
        e = this.convert(small, e);
      }
      parts.push(", ", e.n);
    }
    parts.push(");");
    return node(parts);
  }

  // ---------------------------------------------------------------- declarations

  private functionBody(ctx: Ctx, ret: Ty | null, count: number): Block {
    // Deletable: the call graph is a DAG, so the fuel only bounds the run time.
    const fuel = node([`if (${PREFIX}fuel <= 0) return${ret ? ` ${this.defaultValue(ret)}` : ""};`]);
    const items = [fuel, node([`${PREFIX}fuel--;`]), ...this.stmts(ctx, count)];
    if (ret) {
      const e = this.storable(ret, ctx, this.exprDepth(), true);
      items.push(node(["return ", e.n, ";"]));
    }
    return block(items);
  }

  private defaultValue(ty: Ty): string {
    return ty.k === "int" || ty.k === "f64" ? "1" : ty.k === "bool" ? "true" : '"d"';
  }

  private params(count: number): Var[] {
    return Array.from({ length: count }, () => ({ name: this.fresh("p"), ty: this.valueTy(), mutable: true }));
  }

  private defaultCount(params: number): number {
    return this.has("defaults") ? this.rng.int(Math.min(2, params) + 1) : 0;
  }

  /** `p1: u8, p2: string = "x"`: the last `defaults` parameters get literal defaults. */
  private paramList(params: Var[], defaults: number): string {
    return params
      .map((p, k) => {
        if (k < params.length - defaults) return `${p.name}: ${tyText(p.ty)}`;
        const init = p.ty.k === "int" ? this.lit(p.ty.n, this.litValue(p.ty.n)).n.parts[0] : p.ty.k === "f64" ? this.f64Lit().n.parts[0] : p.ty.k === "bool" ? `${this.rng.chance(0.5)}` : JSON.stringify(this.rng.pick(WORDS));
        return `${p.name}: ${tyText(p.ty)} = ${init}`;
      })
      .join(", ");
  }

  private retTy(): Ty | null {
    return this.rng.chance(0.2) ? null : this.valueTy();
  }

  generate(): Program {
    const r = this.rng;
    const top: Node[] = [];
    top.push(node([`let ${PREFIX}fuel = 60;`]));
    // Globals: literals only, so module initialisation order cannot matter.
    const noCtx: Ctx = { vars: [], rank: 0, depth: 0, inLoop: false, ret: null, noPush: new Set(), instTested: new Set() };
    for (let k = r.range(2, 5); k > 0; k--) {
      const ty = this.valueTy();
      const name = this.fresh("g");
      const init = ty.k === "int" ? this.lit(ty.n, this.litValue(ty.n)).n : this.expr(ty, noCtx, 0, false).n;
      this.globals.push({ name, ty, mutable: true });
      top.push(node([`let ${name}: ${tyText(ty)} = `, init, ";"]));
    }
    if (this.has("nullable")) {
      for (let k = r.range(1, 2); k > 0; k--) {
        const ty: Ty = { k: "opt", n: r.pick(this.ints) };
        const name = this.fresh("n");
        this.globals.push({ name, ty, mutable: true });
        const init = r.chance(0.5) ? "null" : this.lit(ty.n, this.litValue(ty.n)).n.parts[0];
        top.push(node([`let ${name}: ${tyText(ty)} = `, init as string, ";"]));
      }
    }
    if (this.has("arrays")) {
      for (let k = r.range(1, 2); k > 0; k--) {
        const el = this.elementTy();
        const ty: Ty = { k: "arr", el, len: r.range(1, 4) };
        const name = this.fresh("a");
        this.globals.push({ name, ty, mutable: false });
        top.push(node([`const ${name}: ${tyText(ty)} = `, this.arrayLit(ty, noCtx, 1, false).n, ";"]));
      }
    }
    let rank = 1;
    if (this.has("classes")) {
      const count = r.range(0, 2) + (this.has("inherit") ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const base = this.has("inherit") && this.classes.length && r.chance(0.7) ? r.pick(this.classes) : undefined;
        const c: Cls = { name: this.fresh("C"), fields: [...(base?.fields ?? [])], methods: [...(base?.methods ?? [])], ctor: [], base };
        const members: Node[] = [];
        // Names of members a subclass adds are unique to it (a subclass of a
        // subclass must not redeclare them).
        const own = base ? `h${k}_` : "f";
        // A subclass adds at least one field: one that adds nothing is
        // structurally its base, and `x instanceof Sub` narrows the else
        // branch to never.
        for (let j = r.range(1, base ? 2 : 4); j > 0; j--) {
          const ty = this.valueTy();
          const name = `${own}${j}`;
          c.fields.push({ name, ty });
          const init = ty.k === "int" ? this.lit(ty.n, this.litValue(ty.n)).n : this.expr(ty, noCtx, 0, false).n;
          members.push(node([`${name}: ${tyText(ty)} = `, init, ";"]));
        }
        let ctor: Node;
        if (base) {
          c.ctor = base.ctor;
          const args = base.ctor.map((_, j) => `c${j}`).join(", ");
          ctor = node([`constructor(${base.ctor.map((ty, j) => `c${j}: ${tyText(ty)}`).join(", ")}) `, block([node([`super(${args});`])])]);
        } else {
          const ctorParams = c.fields.slice(0, 2);
          c.ctor = ctorParams.map((fld) => fld.ty);
          const ctorBody = block(ctorParams.map((fld, j) => node([`this.${fld.name} = c${j};`])));
          ctor = node([`constructor(${ctorParams.map((fld, j) => `c${j}: ${tyText(fld.ty)}`).join(", ")}) `, ctorBody]);
        }
        ctor.keep = true;
        members.push(ctor);
        this.classes.push(c);
        const objName = this.fresh("o");
        const objVar: Var = { name: objName, ty: { k: "obj", c }, mutable: false };
        const fieldVars: Var[] = c.fields.map((fld) => ({ name: `this.${fld.name}`, ty: fld.ty, mutable: true }));
        // Overrides keep the rank of the method they override, so dispatch
        // cannot make the call graph cyclic.
        const overridden = base ? base.methods.filter(() => r.chance(0.6)) : [];
        for (const bm of overridden) {
          const params: Var[] = bm.params.map((ty) => ({ name: this.fresh("p"), ty, mutable: true }));
          const ctx: Ctx = { vars: [...this.globals, ...fieldVars, ...params], rank: bm.rank, depth: 0, inLoop: false, ret: bm.ret, cls: c, noPush: new Set(), instTested: new Set() };
          const body = this.functionBody(ctx, bm.ret, r.range(1, 4));
          if (r.chance(0.7)) {
            // super.m(...) as the first statement after the fuel check.
            const args = params.map((p) => p.name).join(", ");
            const call = bm.ret ? node([`const ${this.fresh("v")}: ${tyText(bm.ret)} = super.${bm.name}(${args});`]) : node([`super.${bm.name}(${args});`]);
            body.items.splice(2, 0, call);
          }
          const sig = `${r.chance(0.5) ? "override " : ""}${bm.name}(${this.paramList(params, bm.defaults ?? 0)}): ${bm.ret ? tyText(bm.ret) : "void"} `;
          members.push(node([sig, body]));
        }
        const methodCount = r.range(base ? 0 : 1, base ? 2 : 3);
        for (let j = 0; j < methodCount; j++) {
          const params = this.params(r.range(0, 2));
          const ret = this.retTy();
          const m: Fn = { name: `${base ? `n${k}_` : "m"}${j + 1}`, params: params.map((p) => p.ty), ret, rank: rank++, cls: c, defaults: this.defaultCount(params.length) };
          const ctx: Ctx = { vars: [...this.globals, ...fieldVars, ...params], rank: m.rank, depth: 0, inLoop: false, ret, cls: c, noPush: new Set(), instTested: new Set() };
          const body = this.functionBody(ctx, ret, r.range(1, 5));
          const sig = `${m.name}(${this.paramList(params, m.defaults!)}): ${ret ? tyText(ret) : "void"} `;
          members.push(node([sig, body]));
          c.methods.push(m);
          this.fns.push(m);
        }
        top.push(node([`class ${c.name}${base ? ` extends ${base.name}` : ""} `, block(members)]));
        const ctx: Ctx = { ...noCtx, vars: [] };
        top.push(node([`const ${objName} = `, this.construct(c, ctx, 0, false), ";"]));
        this.globals.push(objVar, ...c.fields.map((fld) => ({ name: `${objName}.${fld.name}`, ty: fld.ty, mutable: true })));
        if (base) {
          // A reference of the base type to an instance of this class: calls dispatch.
          const viewName = this.fresh("o");
          top.push(node([`const ${viewName}: ${base.name} = `, this.construct(c, ctx, 0, false), ";"]));
          this.globals.push({ name: viewName, ty: { k: "obj", c: base }, mutable: false });
          this.globals.push(...base.fields.map((fld) => ({ name: `${viewName}.${fld.name}`, ty: fld.ty, mutable: true })));
          if (this.has("arrays")) {
            const arrName = this.fresh("a");
            top.push(node([`const ${arrName}: ${base.name}[] = [`, this.construct(base, ctx, 0, false), ", ", this.construct(c, ctx, 0, false), "];"]));
            this.objArrays.push({ name: arrName, c: base, len: 2 });
          }
        }
      }
    }
    if (this.has("calls")) {
      for (let k = r.range(1, 4); k > 0; k--) {
        const params = this.params(r.range(0, 3));
        const ret = this.retTy();
        // An arrow is a const: only called once module initialisation is over
        // (from main). Arrows take no default parameters (TSOS1085).
        const arrow = this.has("arrows") && r.chance(0.35);
        const f: Fn = { name: this.fresh("f"), params: params.map((p) => p.ty), ret, rank: rank++, defaults: arrow ? 0 : this.defaultCount(params.length) };
        const ctx: Ctx = { vars: [...this.globals, ...params], rank: f.rank, depth: 0, inLoop: false, ret, noPush: new Set(), instTested: new Set() };
        const body = this.functionBody(ctx, ret, r.range(2, 7));
        const sig = `(${this.paramList(params, f.defaults!)}): ${ret ? tyText(ret) : "void"}`;
        if (arrow) top.push(node([`const ${f.name} = ${sig} => `, body, ";"]));
        else top.push(node([`function ${f.name}${sig} `, body]));
        this.fns.push(f);
      }
    }
    const ctx: Ctx = { vars: [...this.globals], rank: rank + 1, depth: 0, inLoop: false, ret: "main", noPush: new Set(), instTested: new Set() };
    const body = this.stmts(ctx, r.range(4, 12));
    // The final state of every global is part of the trace.
    const dump: (string | Node)[] = ["console.log(`end"];
    for (const g of this.globals) {
      if (g.ty.k === "int" || g.ty.k === "f64" || g.ty.k === "opt" || g.ty.k === "bool" || g.ty.k === "str") dump.push(` \${${g.name}}`);
      else if (g.ty.k === "arr") dump.push(` \${${g.name}.length}`);
    }
    dump.push("`);");
    const end = node(dump);
    top.push(node([`function ${PREFIX}main(): void `, block([...body, end])]));
    return { name: `${PREFIX}main`, top: block(top) };
  }
}

export function generate(seed: number, index: number, features: Iterable<Feature> = DEFAULT_FEATURES, scale = 1): Program {
  return new Generator(seed, index, features, scale).generate();
}
