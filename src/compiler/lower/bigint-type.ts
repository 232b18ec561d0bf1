/**
 * lower/bigint-type.ts: which IR class is the bigint (lib/std/bigint.ts's
 * `Big`), and a bigint's truthiness, for the modules that test values
 * everywhere (nullable.ts, collections.ts) without building bigints.
 *
 * Input:  the class and its `bigIsZero` function, registered by
 *         lower/bigint.ts when a program first uses the type.
 * Output: `isBigType`, `bigintTruthy`.
 * Invariants:
 *   - A leaf module: it imports only the IR, so the lowering modules that
 *     import it keep their order of evaluation.
 */
import type { ClassInst, Expr, Type } from "../ir.ts";
import { T } from "../ir.ts";

/**
 * The Big class (its instance in one program: another program's may have the same C name, and a program class
 * named `Big` may take that name) -> the C name of its `bigIsZero` function.
 */
const isZeroFns = new WeakMap<ClassInst, string>();

/** Numbers the temporaries of truthiness tests (made where no Lowerer is at hand to name them). */
let truthyTemps = 0;

export function registerBigClass(cls: ClassInst, isZeroFn: string): void {
  isZeroFns.set(cls, isZeroFn);
}

export function isZeroFunction(cls: ClassInst): string | undefined {
  return isZeroFns.get(cls);
}

export function isBigType(t: Type): boolean {
  return t.k === "class" && isZeroFns.has(t.cls);
}

/** `if (b)`: a bigint is truthy unless it is 0n; undefined for other values. */
export function bigintTruthy(x: Expr): Expr | undefined {
  const t = x.type;
  const inner = t.k === "nullable" ? t.inner : t;
  const fn = inner.k === "class" ? isZeroFns.get(inner.cls) : undefined;
  if (!fn) return undefined;
  const isZero = (v: Expr): Expr => ({ e: "call", type: T.bool, fn, args: [v] });
  if (t.k !== "nullable") return { e: "not", type: T.bool, x: isZero(x) };
  // A bigint that may be absent: present and not 0n.
  const name = `tsos_big${++truthyTemps}`;
  const v: Expr = { e: "local", type: t, name };
  const present: Expr = { e: "not", type: T.bool, x: { e: "isnullish", type: T.bool, x: v, which: "either" } };
  const nonzero: Expr = { e: "not", type: T.bool, x: isZero({ e: "unwrap", type: inner, x: v, loc: 0 }) };
  return { e: "bind", type: T.bool, name, value: x, body: { e: "logic", type: T.bool, op: "&&", a: present, b: nonzero } };
}
