/**
 * lib/node-prelude.ts: the dialect's conversion functions for programs run
 * under Node (`node --import tsx --import ./lib/node-prelude.ts prog.ts`).
 *
 * Input:  nothing; it installs globals.
 * Output: globalThis.u8 ... isize, matching the compiler's wrapping
 *         conversions (from a double: the fraction dropped, NaN and Infinity
 *         give 0, the value wrapped modulo 2^width).
 * Invariant: only used for differential tests of programs that stay inside
 *            the semantics JavaScript and the dialect share.
 */
const g = globalThis as unknown as Record<string, (x: number) => number>;
g.u8 = (x) => x & 0xff;
g.u16 = (x) => x & 0xffff;
g.u32 = (x) => x >>> 0;
g.i8 = (x) => (x << 24) >> 24;
g.i16 = (x) => (x << 16) >> 16;
g.i32 = (x) => x | 0;
// 64-bit conversions: drop the fraction, NaN and ±Infinity give 0, wrap modulo
// 2^64 (exact for the values a double holds; Node then rounds the result to a double).
const int64 = (x: number, signed: boolean): number => {
  if (!Number.isFinite(x)) return 0;
  const b = BigInt(Math.trunc(x));
  return Number(signed ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b));
};
g.u64 = (x) => int64(x, false);
g.usize = g.u64;
g.i64 = (x) => int64(x, true);
g.isize = g.i64;
// setGlobalAllocator (lib/tsos.d.ts): Node manages its own memory; the allocator is never called.
// systemAlloc hands out distinct aligned addresses that nothing reads (Node has no raw memory).
const memory = globalThis as unknown as Record<string, unknown>;
memory.setGlobalAllocator = (_allocator: unknown): void => {};
let nextAddress = 0x10000;
memory.systemAlloc = (size: number, align: number): number => {
  if (align <= 0 || (align & (align - 1)) !== 0) return 0;
  const at = Math.ceil(nextAddress / align) * align;
  nextAddress = at + Math.max(size, 1);
  return at;
};
memory.systemFree = (_ptr: number, _size: number, _align: number): void => {};
// collectCycles (lib/tsos.d.ts): Node's garbage collector needs no help.
memory.collectCycles = (_maxRoots?: number): void => {};
// Date's local time is UTC in tsos (lib/std/date.ts): the program under Node reads local time as UTC too.
(globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env.TZ = "UTC";
