/**
 * c-syntax.ts: how IR types and constants are spelled in C.
 *
 * Input:  IR types and constant values.
 * Output: C type names, declarations (`T *name` for pointers), zero values,
 *         string and integer literals.
 * Invariants: one spelling per IR type, used by every part of the emitter.
 */
import type { Type } from "./ir.ts";
import { INT_INFO, isInt } from "./ints.ts";

/**
 * How `number` is stored: a C `double` on the hosted target, the checked
 * int64 on the kernel target (no floating point). Set by emitC per program.
 */
let numberIsDouble = false;
export function setNumberRepresentation(double: boolean): void {
  numberIsDouble = double;
}
export function numberDouble(): boolean {
  return numberIsDouble;
}

/** A C double constant that reads back as exactly `v` (JavaScript's shortest digits round-trip). */
export function doubleLit(v: number): string {
  if (Number.isNaN(v)) return "TSOS_NAN";
  if (v === Infinity) return "TSOS_INF";
  if (v === -Infinity) return "(-TSOS_INF)";
  if (Object.is(v, -0)) return "(-0.0)";
  const s = String(v);
  const text = /[.e]/.test(s) ? s : `${s}.0`;
  return v < 0 ? `(${text})` : text;
}

export function cType(t: Type): string {
  switch (t.k) {
    case "int":
      return t.kind === "number" && numberIsDouble ? "double" : INT_INFO[t.kind].c;
    case "bool":
      return "bool";
    case "str":
      return "tsos_str";
    case "void":
    case "never":
      return "void";
    case "class":
      return `${t.cls.cname} *`;
    case "array":
      return `${t.cname} *`;
    case "ptr":
      return t.elem.k === "class" ? `${t.elem.cls.cname} *` : `${cType(t.elem)} *`;
    case "atomic":
      return `tsos_atomic_${t.kind}`;
    case "fn":
      return t.cname;
    case "fixed":
      // The array decays to a pointer to its first element; layout-struct elements are stored inline.
      return t.elem.k === "class" ? `${t.elem.cls.cname} *` : `${cType(t.elem)} *`;
    case "loc":
      return "const tsos_loc *";
    case "union":
      return t.cname;
    case "view":
      return t.view.cname;
    case "anyobj":
      return "void *";
    case "cell":
      return `${cType(t.elem)} *`;
    case "dyn":
      return "tsos_dyn";
    case "nullable":
      // See lower/nullable-types.ts: pointer-likes and strings keep their C type.
      if (t.cname) return t.cname;
      return t.inner.k === "never" ? "uint8_t" : cType(t.inner);
  }
}

/** `T name`, written `T *name` for pointers. */
export function declare(t: Type, name: string): string {
  const c = cType(t);
  return c.endsWith("*") ? `${c}${name}` : `${c} ${name}`;
}

export function zero(t: Type): string {
  if (t.k === "nullable") return t.undef ? nullableAbsent(t, true) : nullableAbsent(t, false);
  if (t.k === "str") return "TSOS_EMPTY_STR";
  if (t.k === "class" || t.k === "array" || t.k === "ptr" || t.k === "fn" || t.k === "anyobj" || t.k === "cell") return "NULL";
  if (t.k === "view") return `((${t.view.cname}){NULL, NULL})`;
  if (t.k === "atomic") return "{0}";
  if (t.k === "union" || t.k === "dyn") return `((${cType(t)}){0})`;
  if (t.k === "bool") return "false";
  return "0";
}

export function cString(s: string): string {
  const bytes = Buffer.from(s, "utf8");
  let out = "";
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += "\\\\";
    else if (b >= 0x20 && b < 0x7f && b !== 0x3f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, "0")}`;
  }
  return `"${out}"`;
}

export function intLit(value: bigint, t: Type): string {
  const kind = isInt(t) ? t.kind : "number";
  if (kind === "number" && numberIsDouble) return doubleLit(Number(value));
  const { bits, signed } = INT_INFO[kind];
  if (bits === 64) {
    if (!signed) return `UINT64_C(${value})`;
    if (value === -(1n << 63n)) return "INT64_MIN";
    return value < 0n ? `(-INT64_C(${-value}))` : `INT64_C(${value})`;
  }
  if (!signed && bits === 32) return `${value}u`;
  if (value === -(1n << 31n)) return "INT32_MIN";
  return value < 0n ? `(${value})` : `${value}`;
}

/**
 * The C value of `null` (undef false) or `undefined` in nullable type `t`.
 * Pointer-likes, strings and views (by their pointer): NULL for the absence the type admits, or for
 * null when it admits both, then address 1 for undefined. Tagged structs:
 * tag TSOS_TAG_UNDEF (0), TSOS_TAG_NULL (1), TSOS_TAG_SOME (2).
 */
export function nullableAbsent(t: Extract<Type, { k: "nullable" }>, undef: boolean): string {
  const sentinel = undef && t.null;
  if (t.cname) return `((${t.cname}){.tag = ${undef ? "TSOS_TAG_UNDEF" : "TSOS_TAG_NULL"}})`;
  if (t.inner.k === "never") return undef ? "TSOS_TAG_UNDEF" : "TSOS_TAG_NULL";
  if (t.inner.k === "str") return `((tsos_str){${sentinel ? "(const uint8_t *)(uintptr_t)1" : "NULL"}, 0, 0, 0})`;
  if (t.inner.k === "view") return `((${t.inner.view.cname}){.obj = ${sentinel ? "(void *)(uintptr_t)1" : "NULL"}})`;
  return sentinel ? `((${cType(t.inner)})(uintptr_t)1)` : "NULL";
}
