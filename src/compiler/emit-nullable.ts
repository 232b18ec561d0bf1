/**
 * emit-nullable.ts: C for the nullable IR nodes (nullish, some, unwrap,
 * isnullish, reopt, opteq, optstr, bind), the value-union nodes (tounion,
 * fromunion, istag, reunion) and truthiness of non-integers.
 *
 * Input:  those IR expressions, already typed and converted by lowering
 *         (lower/nullable.ts); the emitter's expression printer.
 * Output: C expressions; a value used more than once is first stored in a
 *         temporary inside a GNU statement expression.
 * Invariants: the encodings are those of c-syntax.ts `nullableAbsent`:
 *   pointer-likes, strings and views (by their pointer) use NULL for the absence the type admits (null
 *   when it admits both) and address 1 for undefined when it admits both;
 *   value types use { tag, value } with TSOS_TAG_UNDEF/NULL/SOME.
 */
import type { Expr, Type } from "./ir.ts";
import { cType, nullableAbsent } from "./c-syntax.ts";
import { nullableRepr } from "./lower/nullable-types.ts";
import { stringFormIsMade } from "./rc-strings.ts";

type Nullable = Extract<Type, { k: "nullable" }>;
type Union = Extract<Type, { k: "union" }>;

export interface NullableEmitter {
  expr(x: Expr, current?: string): string;
  fresh(prefix: string): string;
  toStrOf(x: Expr, code: string, owned?: boolean): string;
  L(loc: number): string;
}

/** The pointer a pointer-like or string nullable is tested by. */
function ptrOf(t: Nullable, v: string): string {
  return t.inner.k === "str" ? `${v}.ptr` : t.inner.k === "view" ? `${v}.obj` : v;
}

export function isUndef(t: Nullable, v: string): string {
  if (t.cname) return `(${v}.tag == TSOS_TAG_UNDEF)`;
  if (t.inner.k === "never") return `(${v} == TSOS_TAG_UNDEF)`;
  if (!t.undef) return "false";
  return t.null ? `((uintptr_t)${ptrOf(t, v)} == 1)` : `(${ptrOf(t, v)} == NULL)`;
}

export function isNull(t: Nullable, v: string): string {
  if (t.cname) return `(${v}.tag == TSOS_TAG_NULL)`;
  if (t.inner.k === "never") return `(${v} == TSOS_TAG_NULL)`;
  if (!t.null) return "false";
  return `(${ptrOf(t, v)} == NULL)`;
}

export function isAbsent(t: Nullable, v: string): string {
  if (t.cname) return `(${v}.tag != TSOS_TAG_SOME)`;
  if (t.inner.k === "never") return "true";
  return t.null && t.undef ? `((uintptr_t)${ptrOf(t, v)} <= 1)` : `(${ptrOf(t, v)} == NULL)`;
}

function mkSome(t: Nullable, code: string): string {
  return t.cname ? `((${t.cname}){.tag = TSOS_TAG_SOME, .value = ${code}})` : code;
}

function getSome(t: Nullable, v: string): string {
  return t.cname ? `${v}.value` : v;
}

/** Whether C code `code` can be repeated without repeating work or effects. */
function simple(code: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(code);
}

/** Run `build` on a name for `code` (a temporary unless it already is a name). */
function once(em: NullableEmitter, t: Type, code: string, build: (v: string) => string): string {
  if (simple(code)) return build(code);
  const v = em.fresh("tsos_n");
  const body = build(v);
  const unused = new RegExp(`\\b${v}\\b`).test(body) ? "" : ` (void)${v};`;
  return `({ ${cType(t)} ${v} = ${code};${unused} ${body}; })`;
}

/** Truthiness as JavaScript defines it, for a value of type `t` in C code `v` (a name). */
export function truthyOf(em: NullableEmitter, t: Type, v: string): string {
  switch (t.k) {
    case "bool":
      return v;
    case "str":
      return `(${v}.len != 0)`;
    case "class":
    case "array":
    case "fn":
    case "ptr":
      return `(${v} != NULL)`;
    case "view":
      return `(${v}.obj != NULL)`;
    case "nullable": {
      const inner = nullableRepr(t.inner) === "ptr" || nullableRepr(t.inner) === "view" ? "" : ` && ${truthyOf(em, t.inner, getSome(t, v))}`;
      return `(!${isAbsent(t, v)}${inner})`;
    }
    case "union":
      return byTag(t, v, (m, i) => truthyOf(em, m, `${v}.u.m${i}`));
    default:
      return em.expr({ e: "truthy", type: { k: "bool" }, x: { e: "local", type: t, name: v } });
  }
}

/** `code` (of nullable type `t`) as Node's String() spells it. */
export function nullableToStr(em: NullableEmitter, t: Nullable, code: string, owned = false): string {
  return once(em, t, code, (v) => {
    const value = t.inner.k === "never" ? "TSOS_STR(\"null\")" : em.toStrOf({ e: "local", type: t.inner, name: getSome(t, v) }, getSome(t, v), owned);
    return `(${isUndef(t, v)} ? TSOS_STR("undefined") : ${isNull(t, v)} ? TSOS_STR("null") : ${value})`;
  });
}

/** `v.tag == 0 ? f(m0) : v.tag == 1 ? f(m1) : ... f(last)`. */
function byTag(u: Union, v: string, f: (m: Type, i: number) => string): string {
  let out = f(u.members[u.members.length - 1]!, u.members.length - 1);
  for (let i = u.members.length - 2; i >= 0; i--) out = `(${v}.tag == ${i} ? ${f(u.members[i]!, i)} : ${out})`;
  return out;
}

/** A union value as String() spells it (`owned`: as a reference of its own, emit-c.ts toStrOf). */
export function unionToStr(em: NullableEmitter, u: Union, code: string, owned = false): string {
  return once(em, u, code, (v) => byTag(u, v, (m, i) => em.toStrOf({ e: "local", type: m, name: `${v}.u.m${i}` }, `${v}.u.m${i}`, owned)));
}

/** A string, number or boolean member: JavaScript's `==` compares two of different kinds as numbers. */
function isPrimitive(m: Type): boolean {
  return m.k === "str" || m.k === "bool" || m.k === "int";
}

function toNumber(m: Type, v: string): string {
  return m.k === "str" ? `tsos_str_to_num(${v})` : `((double)(${v}))`;
}

/**
 * `===` on two names of type `t` (strings by content, unions and nullables by tag and value). `loose` is `==`:
 * null and undefined equal each other only, and in a union a string, number or boolean equals one of another
 * of those kinds when both convert to the same number (`"3" == 3`, `true == 1`), as in JavaScript. (An object
 * against a primitive is unequal; JavaScript would compare the object's primitive form.)
 */
export function eqCode(t: Type, x: string, y: string, loose = false): string {
  if (t.k === "str") return `tsos_str_eq(${x}, ${y})`;
  if (t.k === "union") {
    const strict = `(${x}.tag == ${y}.tag && ${byTag(t, x, (m, i) => eqCode(m, `${x}.u.m${i}`, `${y}.u.m${i}`))})`;
    if (!loose || t.members.filter(isPrimitive).length < 2) return strict;
    const asNumber = (v: string): string => byTag(t, v, (m, i) => (isPrimitive(m) ? toNumber(m, `${v}.u.m${i}`) : "NAN"));
    return `(${strict} || (${x}.tag != ${y}.tag && ${asNumber(x)} == ${asNumber(y)}))`;
  }
  if (t.k === "view") return `(${x}.obj == ${y}.obj)`;
  // A function value: the function inside any adapting wrapper (runtime tsos_fn_eq).
  if (t.k === "fn") return `tsos_fn_eq(${x}, ${y})`;
  if (t.k !== "nullable") return `(${x} == ${y})`;
  const ax = isAbsent(t, x);
  const ay = isAbsent(t, y);
  const innerEq = eqCode(t.inner, getSome(t, x), getSome(t, y), loose);
  if (loose) return `((${ax} || ${ay}) ? (${ax} && ${ay}) : ${innerEq})`;
  if (t.cname) return `(${x}.tag == ${y}.tag && (${x}.tag != TSOS_TAG_SOME || ${innerEq}))`;
  if (t.inner.k === "str") return `((${ax} || ${ay}) ? ${x}.ptr == ${y}.ptr : ${innerEq})`;
  return t.inner.k === "view" ? `(${x}.obj == ${y}.obj)` : t.inner.k === "fn" ? `tsos_fn_eq(${x}, ${y})` : `(${x} == ${y})`;
}

export function emitNullable(em: NullableEmitter, x: Expr, E: (y: Expr) => string): string | undefined {
  switch (x.e) {
    case "nullish":
      return x.type.k === "void" ? "((void)0)" : nullableAbsent(x.type as Nullable, x.undef);
    case "some":
      // A value that never comes (a panic where tsc proved the branch impossible): the absent value stands for it.
      if (x.x.type.k === "never") return `({ (void)${E(x.x)}; ${nullableAbsent(x.type as Nullable, (x.type as Nullable).undef)}; })`;
      return mkSome(x.type as Nullable, E(x.x));
    case "unwrap": {
      const t = x.x.type as Nullable;
      if (!x.check) return t.cname ? `(${E(x.x)}).value` : E(x.x);
      const what = x.check === "nonnull" ? "non-null assertion (`!`) on" : "a property narrowed by a check is now";
      return once(em, t, E(x.x), (v) =>
        `(${isAbsent(t, v)} ? (tsos_panic_cstr(${em.L(x.loc)}, ${isUndef(t, v)} ? "TypeError: ${what} undefined" : "TypeError: ${what} null"), ${getSome(t, v)}) : ${getSome(t, v)})`);
    }
    case "isnullish": {
      const t = x.x.type;
      // An `unknown` holds null and undefined itself (runtime/tsos_dyn.h kinds 0 and 1).
      if (t.k === "dyn") return once(em, t, E(x.x), (v) => (x.which === "undefined" ? `tsos_dyn_is(${v}, 0)` : x.which === "null" ? `tsos_dyn_is(${v}, 1)` : `(tsos_dyn_is(${v}, 0) || tsos_dyn_is(${v}, 1))`));
      if (t.k !== "nullable") return `({ (void)${E(x.x)}; false; })`;
      const test = x.which === "null" ? isNull : x.which === "undefined" ? isUndef : isAbsent;
      return once(em, t, E(x.x), (v) => test(t, v));
    }
    case "reopt":
      return reopt(em, x.x.type as Nullable, x.type as Nullable, E(x.x));
    case "opteq": {
      const a = em.fresh("tsos_x");
      const b = em.fresh("tsos_y");
      const t = cType(x.a.type);
      return `({ ${t} ${a} = ${E(x.a)}; ${t} ${b} = ${E(x.b)}; ${eqCode(x.a.type, a, b, x.loose)}; })`;
    }
    case "optstr":
      // rc.ts: the text of a value whose form may be made is a reference of its own.
      return em.toStrOf(x.x, E(x.x), stringFormIsMade(x.x.type));
    case "tounion":
      return `((${(x.type as Union).cname}){.tag = ${x.tag}, .u.m${x.tag} = ${E(x.x)}})`;
    case "fromunion": {
      if (!x.check) return `(${E(x.x)}).u.m${x.tag}`;
      return once(em, x.x.type, E(x.x), (v) => `(${v}.tag != ${x.tag} ? (tsos_panic_cstr(${em.L(x.loc)}, "TypeError: a value narrowed by a check has changed its type"), ${v}.u.m${x.tag}) : ${v}.u.m${x.tag})`);
    }
    case "istag":
      return `((${E(x.x)}).tag == ${x.tag})`;
    case "reunion": {
      const from = x.x.type as Union;
      const to = x.type as Union;
      return once(em, from, E(x.x), (v) => {
        const kept = x.map.map((j, i) => ({ i, j })).filter((p) => p.j >= 0);
        let out = "";
        kept.forEach(({ i, j }, n) => {
          const value = `((${to.cname}){.tag = ${j}, .u.m${j} = ${v}.u.m${i}})`;
          out = n === 0 ? value : `(${v}.tag == ${i} ? ${value} : ${out})`;
        });
        return out;
      });
    }
    case "bind": {
      const body = E(x.body);
      const unused = new RegExp(`\\b${x.name}\\b`).test(body) ? "" : ` (void)${x.name};`;
      const value = E(x.value);
      return `({ ${cType(x.value.type)} ${x.name} = ${value};${unused} ${body}; })`;
    }
  }
  return undefined;
}

function sameEncoding(a: Nullable, b: Nullable): boolean {
  if (a.cname || b.cname) return !!a.cname && a.cname === b.cname;
  if (a.inner.k === "never" || b.inner.k === "never") return false;
  const bothA = a.null && a.undef;
  const bothB = b.null && b.undef;
  if (bothA === bothB) return true;
  // A single absence read as "both": NULL stays null only if it meant null.
  // "Both" read as a single absence: only the admitted one can occur.
  return bothB ? a.null : b.null;
}

function reopt(em: NullableEmitter, from: Nullable, to: Nullable, code: string): string {
  if (sameEncoding(from, to)) return code;
  return once(em, from, code, (v) => {
    const some = from.inner.k === "never" ? nullableAbsent(to, false) : mkSome(to, getSome(from, v));
    return `(${isUndef(from, v)} ? ${nullableAbsent(to, true)} : ${isNull(from, v)} ? ${nullableAbsent(to, false)} : ${some})`;
  });
}
