/**
 * emit-nullable.ts: C for the nullable IR nodes (nullish, some, unwrap,
 * isnullish, reopt, opteq, optstr, bind) and for truthiness of non-integers.
 *
 * Input:  those IR expressions, already typed and converted by lowering
 *         (lower/nullable.ts); the emitter's expression printer.
 * Output: C expressions; a value used more than once is first stored in a
 *         temporary inside a GNU statement expression.
 * Invariants: the encodings are those of c-syntax.ts `nullableAbsent`:
 *   pointer-likes and strings use NULL for the absence the type admits (null
 *   when it admits both) and address 1 for undefined when it admits both;
 *   value types use { tag, value } with TSOS_TAG_UNDEF/NULL/SOME.
 */
import type { Expr, Type } from "./ir.ts";
import { cType, nullableAbsent } from "./c-syntax.ts";
import { nullableRepr } from "./lower/nullable-types.ts";

type Nullable = Extract<Type, { k: "nullable" }>;

export interface NullableEmitter {
  expr(x: Expr, current?: string): string;
  fresh(prefix: string): string;
  toStrOf(x: Expr, code: string): string;
  L(loc: number): string;
}

/** The pointer a pointer-like or string nullable is tested by. */
function ptrOf(t: Nullable, v: string): string {
  return t.inner.k === "str" ? `${v}.ptr` : v;
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
  return `({ ${cType(t)} ${v} = ${code}; ${build(v)}; })`;
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
    case "nullable": {
      const inner = nullableRepr(t.inner) === "ptr" ? "" : ` && ${truthyOf(em, t.inner, getSome(t, v))}`;
      return `(!${isAbsent(t, v)}${inner})`;
    }
    default:
      return em.expr({ e: "truthy", type: { k: "bool" }, x: { e: "local", type: t, name: v } });
  }
}

/** `code` (of nullable type `t`) as Node's String() spells it. */
export function nullableToStr(em: NullableEmitter, t: Nullable, code: string): string {
  return once(em, t, code, (v) => {
    const value = t.inner.k === "never" ? "TSOS_STR(\"null\")" : em.toStrOf({ e: "local", type: t.inner, name: getSome(t, v) }, getSome(t, v));
    return `(${isUndef(t, v)} ? TSOS_STR("undefined") : ${isNull(t, v)} ? TSOS_STR("null") : ${value})`;
  });
}

export function emitNullable(em: NullableEmitter, x: Expr, E: (y: Expr) => string): string | undefined {
  switch (x.e) {
    case "nullish":
      return x.type.k === "void" ? "((void)0)" : nullableAbsent(x.type as Nullable, x.undef);
    case "some":
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
      if (t.k !== "nullable") return `({ (void)${E(x.x)}; false; })`;
      const test = x.which === "null" ? isNull : x.which === "undefined" ? isUndef : isAbsent;
      return once(em, t, E(x.x), (v) => test(t, v));
    }
    case "reopt":
      return reopt(em, x.x.type as Nullable, x.type as Nullable, E(x.x));
    case "opteq":
      return opteq(em, x.a.type as Nullable, E(x.a), E(x.b), x.loose);
    case "optstr":
      return x.x.type.k === "nullable" ? nullableToStr(em, x.x.type, E(x.x)) : em.toStrOf(x.x, E(x.x));
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

function opteq(em: NullableEmitter, t: Nullable, a: string, b: string, loose: boolean): string {
  const x = em.fresh("tsos_x");
  const y = em.fresh("tsos_y");
  const ax = isAbsent(t, x);
  const ay = isAbsent(t, y);
  let test: string;
  const innerEq = t.inner.k === "str" ? `tsos_str_eq(${x}, ${y})` : `(${getSome(t, x)} == ${getSome(t, y)})`;
  if (loose) test = `((${ax} || ${ay}) ? (${ax} && ${ay}) : ${innerEq})`;
  else if (t.cname) test = `(${x}.tag == ${y}.tag && (${x}.tag != TSOS_TAG_SOME || ${innerEq}))`;
  else if (t.inner.k === "str") test = `((${ax} || ${ay}) ? ${x}.ptr == ${y}.ptr : ${innerEq})`;
  else test = `(${x} == ${y})`;
  return `({ ${cType(t)} ${x} = ${a}; ${cType(t)} ${y} = ${b}; ${test}; })`;
}
