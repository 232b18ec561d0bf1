/**
 * ints.ts: the integer rules of the dialect, in one place.
 *
 * Input:  IntKind values (ir.ts).
 * Output: ranges, C type names, and the widening lattice that decides which
 *         implicit conversions are lossless (docs/language.md, "Integers").
 * Invariants: `widens(a, b)` is reflexive and transitive, and agrees with the
 *             brand sets in lib/tsos.d.ts except for `number`, which tsc
 *             cannot brand (number <-> fixed widths are checked here only).
 */
import type { IntKind, Type } from "./ir.ts";

interface IntInfo {
  bits: number;
  signed: boolean;
  c: string;
}

export const INT_INFO: Record<IntKind, IntInfo> = {
  u8: { bits: 8, signed: false, c: "uint8_t" },
  u16: { bits: 16, signed: false, c: "uint16_t" },
  u32: { bits: 32, signed: false, c: "uint32_t" },
  u64: { bits: 64, signed: false, c: "uint64_t" },
  usize: { bits: 64, signed: false, c: "uint64_t" },
  i8: { bits: 8, signed: true, c: "int8_t" },
  i16: { bits: 16, signed: true, c: "int16_t" },
  i32: { bits: 32, signed: true, c: "int32_t" },
  i64: { bits: 64, signed: true, c: "int64_t" },
  isize: { bits: 64, signed: true, c: "int64_t" },
  number: { bits: 64, signed: true, c: "int64_t" },
};

export const INT_KINDS = Object.keys(INT_INFO) as IntKind[];

export const MAX_SAFE = (1n << 53n) - 1n;

export function range(kind: IntKind): { min: bigint; max: bigint } {
  if (kind === "number") return { min: -MAX_SAFE, max: MAX_SAFE };
  const { bits, signed } = INT_INFO[kind];
  return signed
    ? { min: -(1n << BigInt(bits - 1)), max: (1n << BigInt(bits - 1)) - 1n }
    : { min: 0n, max: (1n << BigInt(bits)) - 1n };
}

export function fits(value: bigint, kind: IntKind): boolean {
  const r = range(kind);
  return value >= r.min && value <= r.max;
}

/**
 * True when every value of `from` is a value of `to` (lossless widening).
 * `doubles`: `number` is an IEEE double (the hosted target), so it widens to
 * nothing else (fractions, NaN and Infinity have no integer value).
 */
export function widens(from: IntKind, to: IntKind, doubles = false): boolean {
  if (from === to) return true;
  if (doubles && from === "number") return false;
  const a = range(from);
  const b = range(to);
  return a.min >= b.min && a.max <= b.max;
}

/** The common type of two operands, or undefined if neither widens to the other. */
export function unify(a: IntKind, b: IntKind, doubles = false): IntKind | undefined {
  if (widens(a, b, doubles)) return b;
  if (widens(b, a, doubles)) return a;
  return undefined;
}

export function isInt(t: Type): t is { k: "int"; kind: IntKind } {
  return t.k === "int";
}

export function isUnsigned(kind: IntKind): boolean {
  return !INT_INFO[kind].signed;
}

/** The unsigned type of the same width (for `>>>`). */
export function unsignedOf(kind: IntKind): IntKind {
  switch (kind) {
    case "i8": return "u8";
    case "i16": return "u16";
    case "i32": return "u32";
    case "i64": return "u64";
    case "isize": return "usize";
    case "number": return "u32"; // JS: x >>> n is a uint32
    default: return kind;
  }
}
