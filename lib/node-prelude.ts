/**
 * lib/node-prelude.ts: the dialect's conversion functions for programs run
 * under Node (`node --import tsx --import ./lib/node-prelude.ts prog.ts`).
 *
 * Input:  nothing; it installs globals.
 * Output: globalThis.u8 ... isize, matching the compiler's wrapping
 *         conversions for every value that is a safe integer.
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
// 64-bit conversions are exact for the safe integers Node can represent.
g.u64 = (x) => (x < 0 ? Number(BigInt.asUintN(64, BigInt(x))) : x);
g.usize = g.u64;
g.i64 = (x) => x;
g.isize = (x) => x;
