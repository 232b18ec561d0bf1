/**
 * fuzz/types.ts: what the random program generator knows about values: the
 * dialect types it writes (Ty), the generated expression with its bounds (E),
 * variables and the generation context, and the typing rules between them
 * (implicit widening, upcasts).
 *
 * Input:  nothing (pure definitions).
 * Output: the types and helpers gen.ts and gen-library.ts share.
 * Invariants: see gen.ts's header (bounds, exactness, widening).
 */
import type { Node } from "./ast.ts";

export const ALL_FEATURES = [
  "ints", // fixed-width integers of every width (without it: only number)
  "number", // plain number
  "effects", // side effects inside operands: x++, compound assignments, mutating calls
  "classes", // classes with fields and methods
  "arrays", // arrays, indexing, push, for-of
  "strings", // string values, concatenation, templates, toString, charCodeAt
  "loops", // for, while, do-while, break, continue
  "switch",
  "calls", // user functions
  "bitwise", // & | ^ ~ << >> >>>
  "divide", // / and % with guarded divisors
  "math", // Math.min/max/abs/trunc/floor
  "strcond", // conditional expressions as operands of string +
  "labels", // labeled break and continue
  "comma", // the comma operator (needs effects: its left side must do something)
  "strfor", // for-of over strings
  "defaults", // default parameter values, calls that omit them
  "var", // var declarations
  "double", // number as an IEEE double: fractions, /, NaN, Infinity, -0, Math
  "pow", // Math.pow on doubles (V8's fdlibm pow, bit for bit: lib/std/math.ts)
  "arrows", // module-level arrow functions (const f = (x: u8): u8 => { ... }) called like functions
  "nullable", // integer globals of type T | null, read through ?? and compared with null
  "inherit", // extends, super(...), overrides with super.m(), base-typed references to subclasses, instanceof
  "closures", // arrow functions in locals that capture (and update) variables, arrays of closures made in loops, closures as callbacks
  "arraymethods", // indexOf includes some every find filter map reduce join slice sort reverse splice unshift, spread copies
  "collections", // Map<string, T> and Set<T>: set/get/has/delete/size, iteration in insertion order, deletion while iterating
  "strmethods", // slice padStart repeat toUpperCase split/join replaceAll trim at includes startsWith indexOf ...
] as const;
export type Feature = (typeof ALL_FEATURES)[number];

export type IntName = "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "number";
export const FIXED: IntName[] = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"];

export interface IntInfo {
  bits: number;
  signed: boolean;
  /** 64-bit or number: kept small by reduction, not by wrapping. */
  wide: boolean;
  min: number;
  max: number;
}

/** Stored wide values stay below this; reads assume a little drift from `+=`. */
export const STORE = 2 ** 32;
export const READ = 2 ** 34;
/** Operands of + and - are reduced below this, so no result passes 2^50. */
export const OP = 2 ** 49;

export function info(n: IntName): IntInfo {
  switch (n) {
    case "u8": return { bits: 8, signed: false, wide: false, min: 0, max: 255 };
    case "u16": return { bits: 16, signed: false, wide: false, min: 0, max: 65535 };
    case "u32": return { bits: 32, signed: false, wide: false, min: 0, max: 4294967295 };
    case "i8": return { bits: 8, signed: true, wide: false, min: -128, max: 127 };
    case "i16": return { bits: 16, signed: true, wide: false, min: -32768, max: 32767 };
    case "i32": return { bits: 32, signed: true, wide: false, min: -2147483648, max: 2147483647 };
    case "u64": case "usize": return { bits: 64, signed: false, wide: true, min: 0, max: STORE };
    case "i64": case "isize": return { bits: 64, signed: true, wide: true, min: -STORE, max: STORE };
    case "number": return { bits: 53, signed: true, wide: true, min: -STORE, max: STORE };
  }
}

/** docs/language.md §2, "Implicit widening". */
export const WIDENS_INT: Record<IntName, IntName[]> = {
  u8: ["u16", "u32", "u64", "usize", "i16", "i32", "i64", "isize", "number"],
  u16: ["u32", "u64", "usize", "i32", "i64", "isize", "number"],
  u32: ["u64", "usize", "i64", "isize", "number"],
  u64: ["usize"],
  usize: ["u64"],
  i8: ["i16", "i32", "i64", "isize", "number"],
  i16: ["i32", "i64", "isize", "number"],
  i32: ["i64", "isize", "number"],
  i64: ["isize"],
  isize: ["i64"],
  number: [], // a hosted number is a double: it converts to integer types only explicitly
};
/**
 * The table in force: with "double", `number` no longer widens to i64. Set by
 * each Generator's constructor (generation is synchronous, one at a time).
 */
export let WIDENS = WIDENS_INT;
export const WIDENS_DOUBLE: Record<IntName, IntName[]> = { ...WIDENS_INT, number: [] };

/** Chooses the widening table for the program being generated (feature "double"). */
export function setDoubleWidening(on: boolean): void {
  WIDENS = on ? WIDENS_DOUBLE : WIDENS_INT;
}

export interface Cls {
  name: string;
  /** Every field, inherited ones first. */
  fields: { name: string; ty: Ty }[];
  /** Every method callable on it, inherited ones included. */
  methods: Fn[];
  /** The constructor's parameter types (a subclass passes them to super). */
  ctor: Ty[];
  base?: Cls;
}

/** Is c the class `of` or one of its subclasses? */
export function isA(c: Cls, of: Cls): boolean {
  for (let x: Cls | undefined = c; x; x = x.base) if (x === of) return true;
  return false;
}
export type Ty =
  | { k: "int"; n: IntName }
  | { k: "bool" }
  | { k: "str" }
  | { k: "arr"; el: Ty; len: number }
  | { k: "obj"; c: Cls }
  /** A `number` that may hold any double (feature "double"); the int "number" stays integral and small. */
  | { k: "f64" }
  /** `T | null` for an integer T (feature "nullable"). */
  | { k: "opt"; n: IntName }
  /** `Map<string, V>` (feature "collections"). */
  | { k: "map"; v: IntName }
  /** `Set<T>` (feature "collections"). */
  | { k: "set"; el: IntName }
  /** `(x: P) => R`, an arrow function held in a local (feature "closures"). */
  | { k: "fn"; p: IntName; r: IntName };

export interface Fn {
  name: string;
  params: Ty[];
  /** How many trailing parameters have default values. */
  defaults?: number;
  ret: Ty | null;
  rank: number;
  cls?: Cls;
}

export interface Var {
  /** How to read it: `§g1`, `this.f2`, `§o1.f2`. */
  name: string;
  ty: Ty;
  mutable: boolean;
  /** A tighter bound than the type's (loop counters). */
  bound?: number;
}

/** A generated expression with what the generator knows about its value. */
export interface E {
  n: Node;
  ty: Ty;
  /** |value| <= bound (ints only). */
  bound: number;
  nonneg: boolean;
  /** Its dialect type is exactly ty (not a literal, not a widened narrower value). */
  exact: boolean;
  lit?: number;
}

export interface Ctx {
  vars: Var[];
  rank: number;
  depth: number;
  inLoop: boolean;
  /** Labels of the enclosing loops. */
  labels?: string[];
  ret: Ty | null | "main";
  cls?: Cls;
  /** Arrays being iterated by for-of here: no push. */
  noPush: Set<string>;
  /**
   * References this function already tested with `instanceof`. A second test
   * of one is written `(x as Base) instanceof Sub`: inside the first test's
   * branch TypeScript has narrowed x, and a plain second test would narrow
   * its else branch (or a `?:` arm) to never, which tsc rejects.
   */
  instTested: Set<string>;
}

export const INT = (n: IntName): Ty => ({ k: "int", n });
export const BOOL: Ty = { k: "bool" };
export const STR: Ty = { k: "str" };
export const F64: Ty = { k: "f64" };

export function tyText(t: Ty): string {
  switch (t.k) {
    case "int": return t.n;
    case "bool": return "boolean";
    case "str": return "string";
    case "arr": return `${tyText(t.el)}[]`;
    case "obj": return t.c.name;
    case "f64": return "number";
    case "opt": return `${t.n} | null`;
    case "map": return `Map<string, ${t.v}>`;
    case "set": return `Set<${t.el}>`;
    case "fn": return `(x: ${t.p}) => ${t.r}`;
  }
}

export function sameTy(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "int" || a.k === "opt") return a.n === (b as typeof a).n;
  if (a.k === "arr") return sameTy(a.el, (b as typeof a).el);
  if (a.k === "obj") return a.c === (b as typeof a).c;
  if (a.k === "map") return a.v === (b as typeof a).v;
  if (a.k === "set") return a.el === (b as typeof a).el;
  if (a.k === "fn") return a.p === (b as typeof a).p && a.r === (b as typeof a).r;
  return true;
}

/** Can a value of type s stand where t is expected, for objects: a subclass where its base is wanted. */
export function upcasts(s: Ty, t: Ty): boolean {
  return s.k === "obj" && t.k === "obj" && isA(s.c, t.c);
}

/** Can a value of type s stand where t is expected (same type or implicit widening)? */
export function fits(s: Ty, t: Ty): boolean {
  if (sameTy(s, t) || upcasts(s, t)) return true;
  if (s.k === "int" && t.k === "f64") return s.n === "number" || WIDENS[s.n].includes("number");
  return s.k === "int" && t.k === "int" && WIDENS[s.n].includes(t.n);
}

export function isZero(n: Node): boolean {
  return n.parts.length === 1 && typeof n.parts[0] === "string" && /^\(?-?0\)?$/.test(n.parts[0]);
}

export function isLiteral(n: Node): boolean {
  return n.parts.length === 1 && typeof n.parts[0] === "string" && /^\(?-?[\d.e+]+\)?$/.test(n.parts[0]);
}

export function startsWithParen(n: Node): boolean {
  const first = n.parts[0];
  if (first === undefined) return false;
  if (typeof first === "string") return first.startsWith("(") || (first === "" && n.parts.length > 1 && typeof n.parts[1] !== "string" && startsWithParen(n.parts[1] as Node));
  return "block" in first ? false : startsWithParen(first);
}

export const WORDS = ["a", "b", "x", "yz", "ok", "q", "Hi", "z9", "mid", "end", "k", "Tt"];

