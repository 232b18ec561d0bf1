/**
 * fuzz/gen-library.ts: the generator's standard-library part: closures held
 * in locals, array methods, Map and Set, and string methods (features
 * "closures", "arraymethods", "collections", "strmethods").
 *
 * Input:  a Host (gen.ts's Generator) that makes the operands: integers,
 *         booleans, strings, storable values, fresh names, print tags.
 * Output: expressions (E) of the type asked for, or undefined when nothing
 *         of this part applies in the context; statements that declare
 *         closures, maps and sets, mutate arrays and collections, and print
 *         them.
 * Invariants (on top of gen.ts's):
 *   - Arrays never shrink: the mutations here sort, reverse, replace or
 *     insert (indexes elsewhere are reduced modulo the declared length).
 *   - Nothing mutates an array, map or set while a for-of walks it, except
 *     the deletion of the current entry from a map or set, whose result JS
 *     defines (the walk goes on with the entries after it).
 *   - Predicates and comparators have no side effects. Closures held in
 *     locals may update the variables they capture (that is the point),
 *     also when `map` calls them; nothing here grows an array from inside
 *     an expression.
 *   - Comparators are consistent (no doubles, which could be NaN), so the
 *     order of a sort is the same under any correct stable sort.
 */
import { node, type Node, type Part } from "./ast.ts";
import type { Rng } from "./rng.ts";
import { BOOL, INT, STR, WORDS, fits, info, tyText, type Ctx, type E, type Feature, type IntName, type Ty, type Var } from "./types.ts";

/** What this part needs from the generator. */
export interface Host {
  readonly rng: Rng;
  has(f: Feature): boolean;
  fresh(base: string): string;
  tag(): string;
  pickInt(): IntName;
  int(n: IntName, ctx: Ctx, d: number, eff: boolean): E;
  bool(ctx: Ctx, d: number, eff: boolean): E;
  str(ctx: Ctx, d: number, eff: boolean): E;
  storable(ty: Ty, ctx: Ctx, d: number, eff: boolean): E;
  exactify(e: E): E;
  lit(n: IntName, v: number): E;
  litValue(n: IntName): number;
  inner(ctx: Ctx, extra?: Var[], loop?: boolean): Ctx;
  index(v: Var, ctx: Ctx, d: number, eff: boolean): Node;
  sub(eff: boolean): boolean;
}

type Arr = Var & { ty: { k: "arr"; el: Ty; len: number } };
type MapVar = Var & { ty: { k: "map"; v: IntName } };
type SetVar = Var & { ty: { k: "set"; el: IntName } };
type FnVar = Var & { ty: { k: "fn"; p: IntName; r: IntName } };

/** A choice: its weight and how to build it. */
type Option<T> = [number, () => T];

const mk = (n: Node, ty: Ty, bound = 0, nonneg = true): E => ({ n, ty, bound, nonneg, exact: true });

export class LibraryGen {
  constructor(private readonly g: Host) {}

  private pick<T>(options: Option<T>[]): T | undefined {
    const live = options.filter(([w]) => w > 0);
    if (!live.length) return undefined;
    return this.g.rng.weighted(live.map(([w, f]) => [w, f] as [number, () => T]))();
  }

  // ---------------------------------------------------------------- what is in scope

  private arrays(ctx: Ctx): Arr[] {
    return this.g.has("arraymethods") ? (ctx.vars.filter((v) => v.ty.k === "arr") as Arr[]) : [];
  }
  private maps(ctx: Ctx): MapVar[] {
    return this.g.has("collections") ? (ctx.vars.filter((v) => v.ty.k === "map") as MapVar[]) : [];
  }
  private sets(ctx: Ctx): SetVar[] {
    return this.g.has("collections") ? (ctx.vars.filter((v) => v.ty.k === "set") as SetVar[]) : [];
  }
  private fns(ctx: Ctx): FnVar[] {
    return this.g.has("closures") ? (ctx.vars.filter((v) => v.ty.k === "fn") as FnVar[]) : [];
  }

  // ---------------------------------------------------------------- operands

  /** An element-typed value to look for or store (no effects: it may be evaluated inside a walk). */
  private element(el: Ty, ctx: Ctx, d: number): E {
    return this.g.storable(el, ctx, d - 1, false);
  }

  /** A map key: mostly one of a few words, so that lookups hit. */
  private key(ctx: Ctx, d: number): Node {
    if (this.g.rng.chance(0.75)) return node([JSON.stringify(this.g.rng.pick(WORDS.slice(0, 6)))]);
    return node(["(", this.g.storable(STR, ctx, d - 1, false).n, ")"]);
  }

  /** `(x) => <boolean about x>`: a callback without effects. */
  private predicate(el: Ty, ctx: Ctx, d: number): Node {
    const x = this.g.fresh("x");
    const body = this.g.bool(this.g.inner(ctx, [{ name: x, ty: el, mutable: false }]), d - 1, false);
    return node([`(${x}: ${tyText(el)}) => `, body.n]);
  }

  /** A consistent comparator for an element type (undefined for doubles and booleans). */
  private comparator(el: Ty): string | undefined {
    if (el.k !== "int" && el.k !== "str") return undefined;
    const [p, q] = [this.g.fresh("p"), this.g.fresh("q")];
    const desc = this.g.rng.chance(0.4);
    const [a, b] = desc ? [q, p] : [p, q];
    return `(${p}: ${tyText(el)}, ${q}: ${tyText(el)}) => (${a} < ${b} ? -1 : ${a} > ${b} ? 1 : 0)`;
  }

  private sep(): string {
    return JSON.stringify(this.g.rng.pick([",", "", " ", "-", "|", ", "]));
  }

  /** A small literal count or position, sometimes negative. */
  private small(lo: number, hi: number): number {
    return this.g.rng.range(lo, hi);
  }

  /** A string receiver for a method call, parenthesized. */
  private strOperand(ctx: Ctx, d: number, eff: boolean): Node {
    return node(["(", this.g.str(ctx, d - 1, this.g.sub(eff)).n, ")"]);
  }

  // ---------------------------------------------------------------- expressions

  /** An integer of type n from this part, or undefined. */
  int(n: IntName, ctx: Ctx, d: number, eff: boolean): E | undefined {
    const r = this.g.rng;
    const num = n === "number";
    const arrays = num ? this.arrays(ctx) : [];
    const calls = this.fns(ctx).filter((f) => fits(INT(f.ty.r), INT(n)));
    const maps = this.maps(ctx).filter((m) => m.ty.v === n);
    const sized = num ? [...this.maps(ctx), ...this.sets(ctx)] : [];
    const strs = num && this.g.has("strmethods");
    const bound = 2 ** 24;
    return this.pick<E>([
      [calls.length ? 3 : 0, () => {
        const f = r.pick(calls);
        const arg = this.g.storable(INT(f.ty.p), ctx, d - 1, this.g.sub(eff));
        const i = info(f.ty.r);
        return { n: node([f.name, "(", arg.n, ")"]), ty: INT(n), bound: i.wide ? 2 ** 34 : Math.max(-i.min, i.max), nonneg: !i.signed, exact: f.ty.r === n };
      }],
      [arrays.length ? 1 : 0, () => {
        const a = r.pick(arrays);
        return mk(node([a.name, r.chance(0.5) ? ".indexOf(" : ".lastIndexOf(", this.element(a.ty.el, ctx, d).n, ")"]), INT(n), bound, false);
      }],
      [arrays.length ? 1 : 0, () => {
        const a = r.pick(arrays);
        return mk(node([a.name, ".findIndex(", this.predicate(a.ty.el, ctx, d), ")"]), INT(n), bound, false);
      }],
      [arrays.length ? 1 : 0, () => {
        const a = r.pick(arrays);
        return mk(node([a.name, ".filter(", this.predicate(a.ty.el, ctx, d), ").length"]), INT(n), bound);
      }],
      [arrays.length ? 1 : 0, () => {
        const a = r.pick(arrays);
        return mk(node([`${a.name}.slice(${this.small(-3, 3)}${r.chance(0.5) ? `, ${this.small(-2, 5)}` : ""}).length`]), INT(n), bound);
      }],
      [arrays.some((a) => a.ty.el.k === "int" || a.ty.el.k === "str") ? 1 : 0, () => {
        // A sum stays far inside the safe integers: fewer than 2^10 elements below 2^34.
        const a = r.pick(arrays.filter((x) => x.ty.el.k === "int" || x.ty.el.k === "str"));
        const [s, x] = [this.g.fresh("s"), this.g.fresh("x")];
        const term = a.ty.el.k === "str" ? `${x}.length` : `Number(${x})`;
        return mk(node([`${a.name}.reduce((${s}: number, ${x}: ${tyText(a.ty.el)}) => ${s} + ${term}, 0)`]), INT(n), 2 ** 44, false);
      }],
      [maps.length ? 2 : 0, () => {
        const m = r.pick(maps);
        const dflt = this.g.exactify(this.g.lit(n, this.g.litValue(n)));
        const i = info(n);
        return { n: node(["(", m.name, ".get(", this.key(ctx, d), ") ?? ", dflt.n, ")"]), ty: INT(n), bound: i.wide ? 2 ** 34 : Math.max(-i.min, i.max), nonneg: !i.signed, exact: true };
      }],
      [sized.length ? 1 : 0, () => mk(node([`${r.pick(sized).name}.size`]), INT(n), bound)],
      [strs ? 1 : 0, () => {
        const s = this.strOperand(ctx, d, eff);
        const t = JSON.stringify(r.pick(["a", "b", "x", "Hi", "", "-"]));
        const how = r.pick([`.indexOf(${t})`, `.lastIndexOf(${t})`, `.split(${t}).length`, ".trim().length", `.indexOf(${t}, ${this.small(-2, 4)})`]);
        return mk(node([s, how]), INT(n), bound, false);
      }],
    ]);
  }

  /** A boolean from this part, or undefined. */
  bool(ctx: Ctx, d: number, eff: boolean): E | undefined {
    const r = this.g.rng;
    const arrays = this.arrays(ctx);
    const maps = this.maps(ctx);
    const sets = this.sets(ctx);
    return this.pick<E>([
      [arrays.length ? 2 : 0, () => {
        const a = r.pick(arrays);
        if (r.chance(0.3)) return mk(node([a.name, ".includes(", this.element(a.ty.el, ctx, d).n, ")"]), BOOL);
        return mk(node([a.name, r.chance(0.5) ? ".some(" : ".every(", this.predicate(a.ty.el, ctx, d), ")"]), BOOL);
      }],
      [maps.length ? 1 : 0, () => mk(node([r.pick(maps).name, ".has(", this.key(ctx, d), ")"]), BOOL)],
      [sets.length ? 1 : 0, () => {
        const s = r.pick(sets);
        return mk(node([s.name, ".has(", this.element(INT(s.ty.el), ctx, d).n, ")"]), BOOL);
      }],
      [this.g.has("strmethods") ? 1 : 0, () => {
        const s = this.strOperand(ctx, d, eff);
        const t = JSON.stringify(r.pick(["a", "x", "Hi", "", "k", "ok"]));
        return mk(node([s, r.pick([`.includes(${t})`, `.startsWith(${t})`, `.endsWith(${t})`])]), BOOL);
      }],
    ]);
  }

  /** A string from this part, or undefined. */
  str(ctx: Ctx, d: number, eff: boolean): E | undefined {
    const r = this.g.rng;
    const arrays = this.arrays(ctx);
    const sortable = arrays.filter((a) => this.comparator(a.ty.el) !== undefined);
    const maps = this.maps(ctx);
    const sets = this.sets(ctx);
    const mapped = arrays.flatMap((a) => this.fns(ctx).filter((f) => fits(a.ty.el, INT(f.ty.p))).map((f): [Arr, FnVar] => [a, f]));
    const S = (n: Node): E => mk(n, STR);
    return this.pick<E>([
      [arrays.length ? 2 : 0, () => {
        const a = r.pick(arrays);
        if (r.chance(0.3)) return S(node([`${a.name}.slice(${this.small(-3, 2)}).reverse().join(${this.sep()})`]));
        return S(node([`${a.name}.join(${r.chance(0.3) ? "" : this.sep()})`]));
      }],
      [sortable.length ? 1 : 0, () => {
        const a = r.pick(sortable);
        // Without a comparator JavaScript sorts by the elements' strings ([10, 9, 1] -> 1,10,9).
        const cmp = r.chance(0.25) ? "" : this.comparator(a.ty.el)!;
        return S(node([`[...${a.name}].sort(${cmp}).join(${this.sep()})`]));
      }],
      [arrays.length ? 1 : 0, () => {
        const a = r.pick(arrays);
        const x = this.g.fresh("x");
        return S(node([`${a.name}.map((${x}: ${tyText(a.ty.el)}, i: number) => \`\${i}:\${${x}}\`).join(${this.sep()})`]));
      }],
      [mapped.length ? 4 : 0, () => {
        const [a, f] = r.pick(mapped);
        return S(node([`${a.name}.map((x: ${tyText(a.ty.el)}) => ${f.name}(x)).join(${this.sep()})`]));
      }],
      [maps.length ? 2 : 0, () => {
        const m = r.pick(maps);
        return S(r.pick([
          node([`[...${m.name}.keys()].join(${this.sep()})`]),
          node([`[...${m.name}.values()].join(${this.sep()})`]),
          node([`[...${m.name}].map(([k, v]) => \`\${k}=\${v}\`).join(${this.sep()})`]),
        ]));
      }],
      [sets.length ? 1 : 0, () => S(node([`[...${r.pick(sets).name}].join(${this.sep()})`]))],
      [this.g.has("strmethods") ? 3 : 0, () => {
        const s = this.strOperand(ctx, d, eff);
        const w = (): string => JSON.stringify(r.pick(["a", "x", "Hi", "k", "-", "ok"]));
        const how = r.pick([
          `.slice(${this.small(-4, 3)}${r.chance(0.5) ? `, ${this.small(-2, 6)}` : ""})`,
          `.substring(${this.small(-1, 4)}, ${this.small(0, 6)})`,
          `.padStart(${this.small(0, 9)}, ${w()})`,
          `.padEnd(${this.small(0, 9)}${r.chance(0.5) ? `, ${w()}` : ""})`,
          `.repeat(${this.small(0, 3)})`,
          ".toUpperCase()",
          ".toLowerCase()",
          `.split(${w()}).join(${w()})`,
          '.split("").reverse().join("")',
          `.replaceAll(${w()}, ${w()})`,
          `.replace(${w()}, ${w()})`,
          ".trim()",
          `.at(${this.small(-3, 3)}) ?? "none"`,
          `.charAt(${this.small(0, 4)})`,
          `.concat(${w()}, ${w()})`,
        ]);
        // Parenthesized: `s.at(1) ?? "none"` inside `"x" + …` would read as `("x" + s.at(1)) ?? "none"`.
        return S(node(["(", s, how, ")"]));
      }],
    ]);
  }

  // ---------------------------------------------------------------- statements

  /** A statement of this part, or undefined. */
  stmt(ctx: Ctx, d: number): Node | undefined {
    const r = this.g.rng;
    const mutable = this.arrays(ctx).filter((a) => !ctx.noPush.has(a.name));
    const maps = this.maps(ctx).filter((m) => !ctx.noPush.has(m.name));
    const sets = this.sets(ctx).filter((s) => !ctx.noPush.has(s.name));
    const closures = this.g.has("closures");
    const collections = this.g.has("collections");
    return this.pick<Node>([
      [closures ? 2 : 0, () => this.closureDecl(ctx, d)],
      [closures ? 1 : 0, () => this.closureArray(ctx, d)],
      [mutable.length ? 2 : 0, () => this.arrayMutation(r.pick(mutable), ctx, d)],
      [collections ? 1 : 0, () => this.mapDecl(ctx, d)],
      [collections ? 0.7 : 0, () => this.setDecl(ctx, d)],
      [maps.length ? 3 : 0, () => {
        const m = r.pick(maps);
        const k = this.key(ctx, d);
        if (r.chance(0.15)) return node([`${m.name}.delete(`, k, ");"]);
        if (r.chance(0.03)) return node([`${m.name}.clear();`]);
        return node([`${m.name}.set(`, k, ", ", this.g.storable(INT(m.ty.v), ctx, d - 1, true).n, ");"]);
      }],
      [sets.length ? 2 : 0, () => {
        const s = r.pick(sets);
        const e = this.element(INT(s.ty.el), ctx, d);
        return node([`${s.name}.${r.chance(0.25) ? "delete" : "add"}(`, e.n, ");"]);
      }],
      [maps.length + sets.length ? 4 : 0, () => this.walkDeleting(r.pick([...maps, ...sets]), ctx, d)],
    ]);
  }

  /** `const f = (p: P): R => <R>;`: the body may read and update what it captures. */
  private closureDecl(ctx: Ctx, d: number): Node {
    const [p, ret] = [this.g.pickInt(), this.g.pickInt()];
    const [name, param] = [this.g.fresh("f"), this.g.fresh("p")];
    const body = this.g.storable(INT(ret), this.g.inner(ctx, [{ name: param, ty: INT(p), mutable: false }]), d, true);
    ctx.vars.push({ name, ty: { k: "fn", p, r: ret }, mutable: false });
    return node([`const ${name} = (${param}: ${p}): ${ret} => `, body.n, ";"]);
  }

  /** Closures made in a loop capture that iteration's binding of the counter; called after the loop. */
  private closureArray(ctx: Ctx, d: number): Node {
    const [fs, i] = [this.g.fresh("fs"), this.g.fresh("i")];
    const k = this.g.rng.range(1, 4);
    const body = this.g.storable(INT("number"), this.g.inner(ctx, [{ name: i, ty: INT("number"), mutable: false, bound: k }]), d, false);
    const parts: Part[] = [`const ${fs}: (() => number)[] = [];\n`, `for (let ${i} = 0; ${i} < ${k}; ${i}++) ${fs}.push(() => `, body.n, ");\n"];
    parts.push(`console.log("${this.g.tag()}", ${fs}.map((h) => h()).join(","));`);
    return node(parts);
  }

  private arrayMutation(a: Arr, ctx: Ctx, d: number): Node {
    const r = this.g.rng;
    const cmp = this.comparator(a.ty.el);
    const options: Option<Node>[] = [
      [cmp ? 2 : 0, () => node([`${a.name}.sort(${cmp});`])],
      [1, () => node([`${a.name}.reverse();`])],
      [1, () => node([`${a.name}.unshift(`, this.g.storable(a.ty.el, ctx, d - 1, true).n, ");"])],
      [1, () => node([`${a.name}.splice(`, this.g.index(a, ctx, d, false), `, ${r.chance(0.5) ? 1 : 0}, `, this.g.storable(a.ty.el, ctx, d - 1, true).n, ");"])],
    ];
    return this.pick(options)!;
  }

  private mapDecl(ctx: Ctx, d: number): Node {
    const v = this.g.pickInt();
    const name = this.g.fresh("m");
    const entries: Part[] = [];
    for (let k = this.g.rng.range(0, 3); k > 0; k--) {
      if (entries.length) entries.push(", ");
      entries.push("[", this.key(ctx, d), ", ", this.g.storable(INT(v), ctx, d - 1, true).n, "]");
    }
    ctx.vars.push({ name, ty: { k: "map", v }, mutable: false });
    return node([`const ${name} = new Map<string, ${v}>(${entries.length ? "[" : ""}`, ...entries, `${entries.length ? "]" : ""});`]);
  }

  private setDecl(ctx: Ctx, d: number): Node {
    const el = this.g.pickInt();
    const name = this.g.fresh("s");
    const items: Part[] = [];
    for (let k = this.g.rng.range(0, 4); k > 0; k--) {
      if (items.length) items.push(", ");
      items.push(this.element(INT(el), ctx, d).n);
    }
    ctx.vars.push({ name, ty: { k: "set", el }, mutable: false });
    return node([`const ${name} = new Set<${el}>(${items.length ? "[" : ""}`, ...items, `${items.length ? "]" : ""});`]);
  }

  /** A walk over a map or set that may delete the entry it is on, printing every entry it visits. */
  private walkDeleting(c: MapVar | SetVar, ctx: Ctx, d: number): Node {
    const tag = this.g.tag();
    if (c.ty.k === "map") {
      const [k, v] = [this.g.fresh("k"), this.g.fresh("v")];
      const inner = this.g.inner(ctx, [{ name: k, ty: STR, mutable: false }, { name: v, ty: INT(c.ty.v), mutable: false }], true);
      inner.noPush = new Set([...ctx.noPush, c.name]);
      const test = this.g.bool(inner, d - 1, false);
      return node([`for (const [${k}, ${v}] of ${c.name}) {\n`, "if (", test.n, `) ${c.name}.delete(${k});\n`, `console.log(\`${tag} \${${k}}=\${${v}} \${${c.name}.size}\`);\n}`]);
    }
    const x = this.g.fresh("x");
    const inner = this.g.inner(ctx, [{ name: x, ty: INT(c.ty.el), mutable: false }], true);
    inner.noPush = new Set([...ctx.noPush, c.name]);
    const test = this.g.bool(inner, d - 1, false);
    return node([`for (const ${x} of ${c.name}) {\n`, "if (", test.n, `) ${c.name}.delete(${x});\n`, `console.log(\`${tag} \${${x}} \${${c.name}.size}\`);\n}`]);
  }
}
