/**
 * lib/std/math.ts: the transcendental Math functions, computed exactly as V8
 * computes them, written in the dialect on three intrinsics that read and
 * build a double's 32-bit words (lib/std/math-intrinsics.d.ts).
 *
 * Input:  `Math.sin(x)` and the others on a hosted number; lower/math.ts maps
 *         each call onto the exported function of the same name here.
 * Output: ordinary dialect code over doubles and i32 words.
 * Invariants:
 *   - Every result is bit-for-bit the result of Node's Math function (V8
 *     11.x, whose src/base/ieee754.cc carries the algorithms of Sun's fdlibm
 *     5.3 and of FreeBSD's msun for log2/log10/cbrt). The methods, polynomial
 *     coefficients and thresholds below are those algorithms'; the constants
 *     carry their IEEE encodings (high word, low word) in comments.
 *   - Floating-point operations keep the exact order and grouping of the
 *     reference method: every operation rounds (gcc runs with
 *     -ffp-contract=off), so regrouping `a * b + c` would change last bits.
 *     Where a computation is mirrored for negative arguments, it is done on
 *     |x| and negated, which rounds identically (round-to-nearest is
 *     symmetric).
 *   - bench/math-diff.ts compares these functions with Node on millions of
 *     arguments, test/math.test.ts (npm test) on a few thousand each;
 *     fixtures 652-658 show realistic uses.
 *   - Nothing here allocates except the reduction of huge trigonometric
 *     arguments, which uses one workspace created on first use.
 *   - No program imports this file, so its init code never runs: module
 *     variables start as 0 or null (C static storage), and lower/module.ts
 *     refuses any other initializer.
 */
import { fromWords, highWord, lowWord } from "./math-intrinsics";

// ---------------------------------------------------------------------------
// Word helpers
// ---------------------------------------------------------------------------

/** x with its low word cleared: the leading 21 bits of its significand. */
function clearLowWord(x: number): number {
  return fromWords(highWord(x), 0);
}

/** x with its high word replaced. */
function withHighWord(x: number, high: i32): number {
  return fromWords(high, lowWord(x));
}

/** 2^n, exactly, for -1022 <= n <= 1023. */
function powerOfTwo(n: i32): number {
  return fromWords((n + 0x3ff) << 20, 0);
}

// ---------------------------------------------------------------------------
// Reduction of an argument by multiples of pi/2 (fdlibm e_rem_pio2.c,
// k_rem_pio2.c): x = n * pi/2 + (head + tail), |head + tail| <= pi/4.
// The remainder is left in `reducedHead` and `reducedTail`.
// ---------------------------------------------------------------------------

let reducedHead = 0;
let reducedTail = 0;

const TWO24 = 16777216; // 2^24
const TWON24 = 5.9604644775390625e-8; // 2^-24
const INV_PIO2 = 6.36619772367581382433e-1; // 0x3FE45F30 6DC9C883: 53 bits of 2/pi
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB 54400000: first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461 1A626331: pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B461 1A600000: second 33 bits
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A 2E037073: pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A 2E000000: third 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A 252049C1: pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)

/** The 24-bit digits of 2/pi: digit i is bits 24i .. 24i+23 after the binary point. */
function twoOverPiDigit(i: i32): number {
  switch (i) {
    case 0: return 0xa2f983; case 1: return 0x6e4e44; case 2: return 0x1529fc; case 3: return 0x2757d1;
    case 4: return 0xf534dd; case 5: return 0xc0db62; case 6: return 0x95993c; case 7: return 0x439041;
    case 8: return 0xfe5163; case 9: return 0xabdebb; case 10: return 0xc561b7; case 11: return 0x246e3a;
    case 12: return 0x424dd2; case 13: return 0xe00649; case 14: return 0x2eea09; case 15: return 0xd1921c;
    case 16: return 0xfe1deb; case 17: return 0x1cb129; case 18: return 0xa73ee8; case 19: return 0x8235f5;
    case 20: return 0x2ebb44; case 21: return 0x84e99c; case 22: return 0x7026b4; case 23: return 0x5f7e41;
    case 24: return 0x3991d6; case 25: return 0x398353; case 26: return 0x39f49c; case 27: return 0x845f8b;
    case 28: return 0xbdf928; case 29: return 0x3b1ff8; case 30: return 0x97ffde; case 31: return 0x05980f;
    case 32: return 0xef2f11; case 33: return 0x8b5a0a; case 34: return 0x6d1f6d; case 35: return 0x367ecf;
    case 36: return 0x27cb09; case 37: return 0xb74f46; case 38: return 0x3f669e; case 39: return 0x5fea2d;
    case 40: return 0x7527ba; case 41: return 0xc7ebe5; case 42: return 0xf17b3d; case 43: return 0x0739f7;
    case 44: return 0x8a5292; case 45: return 0xea6bfb; case 46: return 0x5fb11f; case 47: return 0x8d5d08;
    case 48: return 0x560330; case 49: return 0x46fc7b; case 50: return 0x6babf0; case 51: return 0xcfbc20;
    case 52: return 0x9af436; case 53: return 0x1da9e3; case 54: return 0x91615e; case 55: return 0xe61b08;
    case 56: return 0x659985; case 57: return 0x5f14a0; case 58: return 0x68408d; case 59: return 0xffd880;
    case 60: return 0x4d7327; case 61: return 0x310606; case 62: return 0x1556ca; case 63: return 0x73a8c9;
    case 64: return 0x60e27b; case 65: return 0xc08c6b;
  }
  return 0;
}

/** pi/2 cut into 24-bit pieces: piece i (0 <= i <= 7), each exact. */
function pio2Piece(i: i32): number {
  switch (i) {
    case 0: return 1.57079625129699707031; // 0x3FF921FB 40000000
    case 1: return 7.54978941586159635335e-8; // 0x3E74442D 00000000
    case 2: return 5.39030252995776476554e-15; // 0x3CF84698 80000000
    case 3: return 3.28200341580791294123e-22; // 0x3B78CC51 60000000
    case 4: return 1.27065575308067607349e-29; // 0x39F01B83 80000000
    case 5: return 1.22933308981111328932e-36; // 0x387A2520 40000000
    case 6: return 2.73370053816464559624e-44; // 0x36E38222 80000000
  }
  return 2.16741683877804819444e-51; // 0x3569F31D 00000000
}

/** The high word of n * pi/2 for 1 <= n <= 32: where the medium reduction may cancel. */
function multipleOfPio2HighWord(n: i32): i32 {
  switch (n) {
    case 1: return 0x3ff921fb; case 2: return 0x400921fb; case 3: return 0x4012d97c; case 4: return 0x401921fb;
    case 5: return 0x401f6a7a; case 6: return 0x4022d97c; case 7: return 0x4025fdbb; case 8: return 0x402921fb;
    case 9: return 0x402c463a; case 10: return 0x402f6a7a; case 11: return 0x4031475c; case 12: return 0x4032d97c;
    case 13: return 0x40346b9c; case 14: return 0x4035fdbb; case 15: return 0x40378fdb; case 16: return 0x403921fb;
    case 17: return 0x403ab41b; case 18: return 0x403c463a; case 19: return 0x403dd85a; case 20: return 0x403f6a7a;
    case 21: return 0x40407e4c; case 22: return 0x4041475c; case 23: return 0x4042106c; case 24: return 0x4042d97c;
    case 25: return 0x4043a28c; case 26: return 0x40446b9c; case 27: return 0x404534ac; case 28: return 0x4045fdbb;
    case 29: return 0x4046c6cb; case 30: return 0x40478fdb; case 31: return 0x404858eb;
  }
  return 0x404921fb;
}

/** The remainder of a positive reduction, negated for a negative x; returns the signed n. */
function reduced(negative: boolean, n: i32, head: number, tail: number): i32 {
  if (negative) {
    reducedHead = -head;
    reducedTail = -tail;
    return 0 - n;
  }
  reducedHead = head;
  reducedTail = tail;
  return n;
}

/** x reduced by n * pi/2; returns n (only n mod 4 matters to the callers). */
function reducePio2(x: number): i32 {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  const t = Math.abs(x);
  if (ix <= 0x3fe921fb) return reduced(false, 0, x, 0); // |x| <= pi/4: nothing to do
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = 1, with 33+53 bits of pi/2, or 33+33+53 next to pi/2
    let z = t - PIO2_1;
    if (ix !== 0x3ff921fb) {
      const head = z - PIO2_1T;
      return reduced(hx < 0, 1, head, (z - head) - PIO2_1T);
    }
    z = z - PIO2_2;
    const head = z - PIO2_2T;
    return reduced(hx < 0, 1, head, (z - head) - PIO2_2T);
  }
  if (ix <= 0x413921fb) {
    // |x| <= 2^19 * pi/2: n * pi/2 subtracted in up to three 33-bit pieces (Cody-Waite)
    const n = i32(t * INV_PIO2 + 0.5);
    const fn: number = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; // the first round is good to 85 bits
    let head = r - w;
    if (n >= 32 || ix === multipleOfPio2HighWord(n)) {
      const j = ix >> 20;
      if (j - ((highWord(head) >> 20) & 0x7ff) > 16) {
        // cancellation: a second round, good to 118 bits
        let u = r;
        w = fn * PIO2_2;
        r = u - w;
        w = fn * PIO2_2T - ((u - r) - w);
        head = r - w;
        if (j - ((highWord(head) >> 20) & 0x7ff) > 49) {
          // a third round, 151 bits, covers every double
          u = r;
          w = fn * PIO2_3;
          r = u - w;
          w = fn * PIO2_3T - ((u - r) - w);
          head = r - w;
        }
      }
    }
    return reduced(hx < 0, n, head, (r - head) - w);
  }
  if (ix >= 0x7ff00000) return reduced(false, 0, x - x, x - x); // Infinity or NaN
  // Huge: |x| as three 24-bit pieces scaled by 2^e0, then the long reduction.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  const ws = workspace();
  for (let i = 0; i < 2; i++) {
    ws.x[i] = Math.trunc(z);
    z = (z - ws.x[i]!) * TWO24;
  }
  ws.x[2] = z;
  let nx: i32 = 3;
  while (ws.x[nx - 1] === 0) nx--;
  const n = reduceHuge(ws, e0, nx);
  return reduced(hx < 0, n, reducedHead, reducedTail);
}

/** The arrays the long reduction works in (fdlibm's q[], iq[], fq[] and the input pieces). */
class ReductionWorkspace {
  x: number[] = [0, 0, 0];
  q: number[] = new Array<number>(20).fill(0);
  digits: number[] = new Array<number>(20).fill(0);
  products: number[] = new Array<number>(20).fill(0);
}

let reductionWorkspace: ReductionWorkspace | null = null;

function workspace(): ReductionWorkspace {
  let ws = reductionWorkspace;
  if (ws === null) {
    ws = new ReductionWorkspace();
    reductionWorkspace = ws;
  }
  return ws;
}

/** Digit `i` of 2/pi as the long reduction's f[] sees it (0 before the first digit). */
function digitFor(jv: i32, jx: i32, i: i32): number {
  const j = jv - jx + i;
  return j < 0 ? 0 : twoOverPiDigit(j);
}

/** q[i] = sum over the input pieces of x[j] * f[jx + i - j]. */
function partialProduct(ws: ReductionWorkspace, jv: i32, jx: i32, i: i32): number {
  let fw = 0;
  for (let j: i32 = 0; j <= jx; j++) fw += ws.x[j]! * digitFor(jv, jx, jx + i - j);
  return fw;
}

/**
 * fdlibm's __kernel_rem_pio2 at 64-bit precision (jk = 4): the product of x
 * and 2/pi computed only from the digits of 2/pi that matter, in 24-bit
 * chunks; the integer part mod 8 is n, the fraction times pi/2 the remainder.
 */
function reduceHuge(ws: ReductionWorkspace, e0: i32, nx: i32): i32 {
  const jk: i32 = 4;
  const jx: i32 = nx - 1;
  let jv: i32 = Math.trunc((e0 - 3) / 24);
  if (jv < 0) jv = 0;
  let q0: i32 = e0 - 24 * (jv + 1);
  const q = ws.q;
  const iq = ws.digits;
  const fq = ws.products;
  for (let i: i32 = 0; i <= jk; i++) q[i] = partialProduct(ws, jv, jx, i);

  let jz: i32 = jk;
  let n: i32 = 0;
  let ih: i32 = 0;
  let z = 0;
  for (;;) {
    // distill q[] into 24-bit integers iq[], most significant last
    z = q[jz]!;
    let i: i32 = 0;
    for (let j: i32 = jz; j > 0; j--) {
      const fw = Math.trunc(TWON24 * z);
      iq[i] = Math.trunc(z - TWO24 * fw);
      z = q[j - 1]! + fw;
      i++;
    }
    // n: the integer part mod 8
    z = z * powerOfTwo(q0);
    z -= 8 * Math.floor(z * 0.125);
    n = i32(z);
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // iq[jz-1] holds the lowest bits of n
      const top = iq[jz - 1]! >> (24 - q0);
      n += i32(top);
      iq[jz - 1] = iq[jz - 1]! - (top << (24 - q0));
      ih = i32(iq[jz - 1]! >> (23 - q0));
    } else if (q0 === 0) {
      ih = i32(iq[jz - 1]! >> 23);
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // the fraction is >= 0.5: use 1 - fraction, and n + 1
      n += 1;
      let carry = false;
      for (let k: i32 = 0; k < jz; k++) {
        const d = iq[k]!;
        if (!carry) {
          if (d !== 0) {
            carry = true;
            iq[k] = 0x1000000 - d;
          }
        } else {
          iq[k] = 0xffffff - d;
        }
      }
      if (q0 === 1) iq[jz - 1] = iq[jz - 1]! & 0x7fffff;
      else if (q0 === 2) iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry) z -= powerOfTwo(q0);
      }
    }
    if (z !== 0) break;
    // a zero fraction so far: more digits of 2/pi may be needed
    let any = 0;
    for (let k: i32 = jz - 1; k >= jk; k--) any = any | iq[k]!;
    if (any !== 0) break;
    let more: i32 = 1;
    while (jk >= more && iq[jk - more] === 0) more++;
    for (let k: i32 = jz + 1; k <= jz + more; k++) q[k] = partialProduct(ws, jv, jx, k);
    jz += more;
  }

  // drop zero chunks, or split the fraction into 24-bit chunks
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = z * powerOfTwo(0 - q0);
    if (z >= TWO24) {
      const fw = Math.trunc(TWON24 * z);
      iq[jz] = Math.trunc(z - TWO24 * fw);
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = Math.trunc(z);
    }
  }
  // the chunks as doubles, then times pi/2
  let fw = powerOfTwo(q0);
  for (let i: i32 = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }
  for (let i: i32 = jz; i >= 0; i--) {
    fw = 0;
    for (let k: i32 = 0; k <= jk && k <= jz - i; k++) fw += pio2Piece(k) * q[i + k]!;
    fq[jz - i] = fw;
  }
  // sum into head + tail
  fw = 0;
  for (let i: i32 = jz; i >= 0; i--) fw += fq[i]!;
  const head = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i: i32 = 1; i <= jz; i++) fw += fq[i]!;
  reducedHead = head;
  reducedTail = ih === 0 ? fw : -fw;
  return n & 7;
}

// ---------------------------------------------------------------------------
// Kernels on [-pi/4, pi/4] (fdlibm k_sin.c, k_cos.c, k_tan.c): x + y is the
// reduced argument, y its tail.
// ---------------------------------------------------------------------------

const S1 = -1.66666666666666324348e-1; // 0xBFC55555 55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C

/** sin(x + y): x + S1 x^3 + ... + S6 x^13, with the tail's first-order correction. */
function sinKernel(x: number, y: number, hasTail: boolean): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!hasTail) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = 4.16666666666666019037e-2; // 0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F 809C52AD
const C5 = 2.08757232129817482790e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4

/** cos(x + y): 1 - x^2/2 + C1 x^4 + ... + C6 x^14; above 0.3, 1 - qx is split off exactly. */
function cosKernel(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // qx: |x|/4 with its low word cleared, or 0.28125 above 0.78125
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

const T0 = 3.33333333333334091986e-1; // 0x3FD55555 55555563
const T1 = 1.33333333333201242699e-1; // 0x3FC11111 1110FE7A
const T2 = 5.39682539762260521377e-2; // 0x3FABA1BA 1BB341FE
const T3 = 2.18694882948595424599e-2; // 0x3F9664F4 8406D637
const T4 = 8.86323982359930005737e-3; // 0x3F8226E3 E96E8493
const T5 = 3.59207910759131235356e-3; // 0x3F6D6D22 C9560328
const T6 = 1.45620945432529025516e-3; // 0x3F57DBC8 FEE08315
const T7 = 5.88041240820264096874e-4; // 0x3F4344D8 F2F26501
const T8 = 2.46463134818469906812e-4; // 0x3F3026F7 1A8D1068
const T9 = 7.81794442939557092300e-5; // 0x3F147E88 A03792A6
const T10 = 7.14072491382608190305e-5; // 0x3F12B80F 32F0A7E9
const T11 = -1.85586374855275456654e-5; // 0xBEF375CB DB605373
const T12 = 2.59073051863633712884e-5; // 0x3EFB2A70 74BF7AD4
const PIO4 = 7.85398163397448278999e-1; // 0x3FE921FB 54442D18
const PIO4_LO = 3.06161699786838301793e-17; // 0x3C81A626 33145C07

/** -1/(x + r) with x + r = w, computed with the reciprocal's leading bits split off. */
function negativeReciprocal(w: number, x: number, r: number): number {
  const z = clearLowWord(w);
  const v = r - (z - x); // z + v = x + r
  const a = -1 / w;
  const t = clearLowWord(a);
  const s = 1 + t * z;
  return t + a * (s + t * v);
}

/**
 * tan(x + y) when `odd` is false, -1/tan(x + y) when it is true: an odd
 * polynomial of degree 27; from 0.6744, tan(pi/4 - x) = (1 - tan x)/(1 + tan x).
 */
function tanKernel(x: number, y: number, odd: boolean): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) {
    // |x| < 2^-28
    if (ix === 0 && lowWord(x) === 0 && odd) return 1 / Math.abs(x);
    if (!odd) return x;
    return negativeReciprocal(x + y, x, y);
  }
  const big = ix >= 0x3fe59428; // |x| >= 0.6744
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    const z = PIO4 - x;
    const w = PIO4_LO - y;
    x = z + w;
    y = 0;
  }
  const z = x * x;
  const w = z * z;
  // x^5 (T1 + x^4 T3 + ...) + x^5 (x^2 (T2 + x^4 T4 + ...)), split for parallel evaluation
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  const s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  const sum = x + r;
  if (big) {
    v = odd ? -1 : 1;
    const sign = hx < 0 ? -1 : 1;
    return sign * (v - 2.0 * (x - (sum * sum / (sum + v) - r)));
  }
  if (!odd) return sum;
  return negativeReciprocal(sum, x, r);
}

// ---------------------------------------------------------------------------
// sin, cos, tan (fdlibm s_sin.c, s_cos.c, s_tan.c): reduce, then the kernel
// of the quadrant n mod 4.
// ---------------------------------------------------------------------------

export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return sinKernel(x, 0, false);
  if (ix >= 0x7ff00000) return x - x; // NaN for Infinity and NaN
  const n = reducePio2(x) & 3;
  if (n === 0) return sinKernel(reducedHead, reducedTail, true);
  if (n === 1) return cosKernel(reducedHead, reducedTail);
  if (n === 2) return -sinKernel(reducedHead, reducedTail, true);
  return -cosKernel(reducedHead, reducedTail);
}

export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return cosKernel(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  const n = reducePio2(x) & 3;
  if (n === 0) return cosKernel(reducedHead, reducedTail);
  if (n === 1) return -sinKernel(reducedHead, reducedTail, true);
  if (n === 2) return -cosKernel(reducedHead, reducedTail);
  return sinKernel(reducedHead, reducedTail, true);
}

export function tan(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return tanKernel(x, 0, false);
  if (ix >= 0x7ff00000) return x - x;
  const n = reducePio2(x);
  return tanKernel(reducedHead, reducedTail, (n & 1) !== 0);
}

// ---------------------------------------------------------------------------
// Inverse trigonometric functions (fdlibm e_asin.c, e_acos.c, s_atan.c,
// e_atan2.c).
// ---------------------------------------------------------------------------

const PI = 3.14159265358979311600; // 0x400921FB 54442D18
const PIO2_HI = 1.57079632679489655800; // 0x3FF921FB 54442D18
const PIO2_LO = 6.12323399573676603587e-17; // 0x3C91A626 33145C07
const PIO4_HI = 7.85398163397448278999e-1; // 0x3FE921FB 54442D18
const PS0 = 1.66666666666666657415e-1; // 0x3FC55555 55555555
const PS1 = -3.25565818622400915405e-1; // 0xBFD4D612 03EB6F7D
const PS2 = 2.01212532134862925881e-1; // 0x3FC9C155 0E884455
const PS3 = -4.00555345006794114027e-2; // 0xBFA48228 B5688F3B
const PS4 = 7.91534994289814532176e-4; // 0x3F49EFE0 7501B288
const PS5 = 3.47933107596021167570e-5; // 0x3F023DE1 0DFDF709
const QS1 = -2.40339491173441421878; // 0xC0033A27 1C8A2D4B
const QS2 = 2.02094576023350569471; // 0x40002AE5 9C598AC8
const QS3 = -6.88283971605453293030e-1; // 0xBFE6066C 1B8D0159
const QS4 = 7.70381505559019352791e-2; // 0x3FB3B8C5 B12E9282

/** The numerator of the rational approximation R(z) of (asin(x) - x)/x^3, z = x^2. */
function asinNumerator(z: number): number {
  return z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
}
function asinDenominator(z: number): number {
  return 1 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
}

export function asin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    // |x| >= 1
    if (ix - 0x3ff00000 === 0 && lowWord(x) === 0) return x * PIO2_HI + x * PIO2_LO; // asin(±1) = ±pi/2
    return NaN;
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5: x + x^3 R(x^2)
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    const t = x * x;
    const p = asinNumerator(t);
    const q = asinDenominator(t);
    const w = p / q;
    return x + x * w;
  }
  // 0.5 <= |x| < 1: asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2))
  const w = 1 - Math.abs(x);
  const t = w * 0.5;
  let p = asinNumerator(t);
  let q = asinDenominator(t);
  const s = Math.sqrt(t);
  let result: number;
  if (ix >= 0x3fef3333) {
    // |x| > 0.975
    result = PIO2_HI - (2.0 * (s + s * (p / q)) - PIO2_LO);
  } else {
    // f = s with its low word cleared, c = sqrt(t) - f
    const f = clearLowWord(s);
    const c = (t - f * f) / (s + f);
    const r = p / q;
    p = 2.0 * s * r - (PIO2_LO - 2.0 * c);
    q = PIO4_HI - 2.0 * f;
    result = PIO4_HI - (p - q);
  }
  return hx > 0 ? result : -result;
}

export function acos(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    // |x| >= 1
    if (ix - 0x3ff00000 === 0 && lowWord(x) === 0) return hx > 0 ? 0 : PI + 2.0 * PIO2_LO;
    return NaN;
  }
  if (ix < 0x3fe00000) {
    // |x| < 0.5: pi/2 - (x + x^3 R(x^2))
    if (ix <= 0x3c600000) return PIO2_HI + PIO2_LO; // |x| < 2^-57
    const z = x * x;
    const r = asinNumerator(z) / asinDenominator(z);
    return PIO2_HI - (x - (PIO2_LO - x * r));
  }
  if (hx < 0) {
    // x < -0.5: pi - 2 asin(sqrt((1 + x)/2))
    const z = (1 + x) * 0.5;
    const p = asinNumerator(z);
    const q = asinDenominator(z);
    const s = Math.sqrt(z);
    const r = p / q;
    const w = r * s - PIO2_LO;
    return PI - 2.0 * (s + w);
  }
  // x > 0.5: 2 asin(sqrt((1 - x)/2)), with sqrt split as f + c
  const z = (1 - x) * 0.5;
  const s = Math.sqrt(z);
  const f = clearLowWord(s);
  const c = (z - f * f) / (s + f);
  const p = asinNumerator(z);
  const q = asinDenominator(z);
  const r = p / q;
  const w = r * s + c;
  return 2.0 * (f + w);
}

const AT0 = 3.33333333333329318027e-1; // 0x3FD55555 5555550D
const AT1 = -1.99999999998764832476e-1; // 0xBFC99999 9998EBC4
const AT2 = 1.42857142725034663711e-1; // 0x3FC24924 920083FF
const AT3 = -1.11111104054623557880e-1; // 0xBFBC71C6 FE231671
const AT4 = 9.09088713343650656196e-2; // 0x3FB745CD C54C206E
const AT5 = -7.69187620504482999495e-2; // 0xBFB3B0F2 AF749A6D
const AT6 = 6.66107313738753120669e-2; // 0x3FB10D66 A0D03D51
const AT7 = -5.83357013379057348645e-2; // 0xBFADDE2D 52DEFD9A
const AT8 = 4.97687799461593236017e-2; // 0x3FA97B4B 24760DEB
const AT9 = -3.65315727442169155270e-2; // 0xBFA2B444 2C6A6C2F
const AT10 = 1.62858201153657823623e-2; // 0x3F90AD3A E322DA11
const ATAN_HALF_HI = 4.63647609000806093515e-1; // 0x3FDDAC67 0561BB4F: atan(0.5)
const ATAN_HALF_LO = 2.26987774529616870924e-17; // 0x3C7A2B7F 222F65E2
const ATAN_ONE_HI = 7.85398163397448278999e-1; // 0x3FE921FB 54442D18: atan(1)
const ATAN_ONE_LO = 3.06161699786838301793e-17; // 0x3C81A626 33145C07
const ATAN_THREE_HALVES_HI = 9.82793723247329054082e-1; // 0x3FEF730B D281F69B: atan(1.5)
const ATAN_THREE_HALVES_LO = 1.39033110312309984516e-17; // 0x3C700788 7AF0CBBD
const ATAN_INF_HI = 1.57079632679489655800; // 0x3FF921FB 54442D18: atan(Infinity)
const ATAN_INF_LO = 6.12323399573676603587e-17; // 0x3C91A626 33145C07

/** x times the odd series of atan: x * (s1 + s2) with s1, s2 the odd and even halves. */
function atanSeries(x: number): number {
  const z = x * x;
  const w = z * z;
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  return x * (s1 + s2);
}

export function atan(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66: ±pi/2, or NaN
    if (x !== x) return x + x;
    return hx > 0 ? ATAN_INF_HI + ATAN_INF_LO : -ATAN_INF_HI - ATAN_INF_LO;
  }
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375: the series directly
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    return x - atanSeries(x);
  }
  // atan(|x|) = atan(c) + atan((|x| - c)/(1 + c|x|)) for c = 0.5, 1, 1.5, Infinity
  const t = Math.abs(x);
  let hi: number;
  let lo: number;
  let reducedArg: number;
  if (ix < 0x3ff30000) {
    if (ix < 0x3fe60000) {
      // 7/16 <= |x| < 11/16
      hi = ATAN_HALF_HI;
      lo = ATAN_HALF_LO;
      reducedArg = (2.0 * t - 1) / (2.0 + t);
    } else {
      // 11/16 <= |x| < 19/16
      hi = ATAN_ONE_HI;
      lo = ATAN_ONE_LO;
      reducedArg = (t - 1) / (t + 1);
    }
  } else if (ix < 0x40038000) {
    // 19/16 <= |x| < 39/16
    hi = ATAN_THREE_HALVES_HI;
    lo = ATAN_THREE_HALVES_LO;
    reducedArg = (t - 1.5) / (1 + 1.5 * t);
  } else {
    // 39/16 <= |x| < 2^66
    hi = ATAN_INF_HI;
    lo = ATAN_INF_LO;
    reducedArg = -1.0 / t;
  }
  const z = hi - ((atanSeries(reducedArg) - lo) - reducedArg);
  return hx < 0 ? -z : z;
}

const PI_O_4 = 7.8539816339744827900e-1; // 0x3FE921FB 54442D18
const PI_O_2 = 1.5707963267948965580; // 0x3FF921FB 54442D18
const PI_LO = 1.2246467991473531772e-16; // 0x3CA1A626 33145C07

export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === 1) return atan(y);
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  const hy = highWord(y);
  const iy = hy & 0x7fffffff;
  // m = 2 * sign(x) + sign(y)
  let m: i32 = ((hy >> 31) & 1) | ((hx >> 30) & 2);
  if (y === 0) {
    if (m <= 1) return y; // atan2(±0, +anything) = ±0
    return m === 2 ? PI : -PI; // atan2(±0, -anything) = ±pi
  }
  if (x === 0) return hy < 0 ? -PI_O_2 : PI_O_2;
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      if (m === 0) return PI_O_4;
      if (m === 1) return -PI_O_4;
      if (m === 2) return 3.0 * PI_O_4;
      return -3.0 * PI_O_4;
    }
    if (m === 0) return 0;
    if (m === 1) return -0;
    if (m === 2) return PI;
    return -PI;
  }
  if (iy === 0x7ff00000) return hy < 0 ? -PI_O_2 : PI_O_2;
  // the quotient's exponent decides whether y/x is safe
  const k = (iy - ix) >> 20;
  let z: number;
  if (k > 60) {
    // |y/x| > 2^60
    z = PI_O_2 + 0.5 * PI_LO;
    m = m & 1;
  } else if (hx < 0 && k < -60) {
    z = 0; // 0 > |y|/x > -2^-60
  } else {
    z = atan(Math.abs(y / x));
  }
  if (m === 0) return z;
  if (m === 1) return -z;
  if (m === 2) return PI - (z - PI_LO);
  return (z - PI_LO) - PI;
}

// ---------------------------------------------------------------------------
// exp and expm1 (fdlibm e_exp.c, s_expm1.c): x = k ln2 + r, |r| <= ln2/2,
// with ln2 in two parts so that k * LN2_HI is exact.
// ---------------------------------------------------------------------------

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700; // 0x3FF71547 652B82FE
const EXP_OVERFLOW = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF
const EXP_UNDERFLOW = -7.45133219101941108420e2; // 0xC0874910 D52D3051
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0
const E = 2.718281828459045; // 0x4005BF0A 8B145769
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000
const TWO_1023 = 8.988465674311579539e307; // 2^1023

export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx = hx & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (x !== x) return x + x;
      return negative ? 0 : x; // exp(±Infinity) = Infinity, 0
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let k: i32 = 0;
  let hi = 0;
  let lo = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2: k = ±1
      if (x === 1) return E; // V8 returns e itself here (the general path is one bit off)
      if (negative) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = i32(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t: number = k;
      hi = x - t * LN2_HI; // exact
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  // exp(r) = 1 + r + r c/(2 - c), c = r - r^2 (P1 + ... + P5 r^8)
  const t = x * x;
  const twopk = k >= -1021 ? fromWords(0x3ff00000 + (k << 20), 0) : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO_1023;
    return y * twopk;
  }
  return y * twopk * TWO_M1000;
}

const Q1 = -3.33333333333331316428e-2; // 0xBFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // 0xBE8AFDB7 6E09C32D

export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx = hx & 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (x !== x) return x + x;
        return negative ? -1 : x;
      }
      if (x > EXP_OVERFLOW) return Infinity;
    }
    if (negative) return -1; // x < -56 ln2
  }
  let k: i32 = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: x = k ln2 + r, c the rounding error of r
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      if (!negative) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = i32(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t: number = k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  // expm1(r) = r + r^2/2 + r^3/2 * (3 - (R1 + R1 r/2))/(6 - r (3 - R1 r/2)), with Q scaled for z = r^2/2
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords(0x3ff00000 + (k << 20), 0);
  e = (x * (e - c) - c);
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  if (k <= -2 || k > 56) {
    // 2^k (1 + r - e) - 1
    let y = 1 - (e - x);
    if (k === 1024) y = y * 2.0 * 8.98846567431158e307;
    else y = y * twopk;
    return y - 1;
  }
  if (k < 20) {
    const t1 = fromWords(0x3ff00000 - (i32(0x200000) >> k), 0); // 1 - 2^-k
    const y = t1 - (e - x);
    return y * twopk;
  }
  const t2 = fromWords((0x3ff - k) << 20, 0); // 2^-k
  let y = x - (e + t2);
  y += 1;
  return y * twopk;
}

// ---------------------------------------------------------------------------
// Logarithms (fdlibm e_log.c, s_log1p.c; FreeBSD e_log2.c, k_log.h; V8's
// log10): x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then
// log(1 + f) = 2s + s R(s^2), s = f/(2 + f).
// ---------------------------------------------------------------------------

const TWO54 = 1.80143985094819840000e16; // 2^54
const LG1 = 6.666666666666735130e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

export function log(x: number): number {
  let hx = highWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // scale the subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx = hx & 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // x or x/2 into [sqrt(2)/2, sqrt(2))
  k += i >> 20;
  const f = x - 1.0;
  const dk: number = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    // f is not small: subtract f^2/2 separately
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k: i32 = 1;
  let f = 0;
  let hu: i32 = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < sqrt(2)
    if (ax >= 0x3ff00000) {
      // x <= -1
      if (x === -1) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= -0x402d413c) {
      // sqrt(2)/2 <= 1 + x < sqrt(2): f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu = hu & 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // u into [1, sqrt(2))
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // u/2 into [sqrt(2)/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  const dk: number = k;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += dk * LN2_LO;
      return dk * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k === 0) return f - R;
    return dk * LN2_HI - ((R - (dk * LN2_LO + c)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + (dk * LN2_LO + c))) - f);
}

/** log(1 + f) - f + f^2/2 for 1 + f in [sqrt(2)/2, sqrt(2)] (FreeBSD k_log1p): the caller adds f - f^2/2. */
function logKernel(f: number): number {
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return s * (hfsq + R);
}

const IVLN2_HI = 1.44269504072144627571; // 0x3FF71547 65200000
const IVLN2_LO = 1.67517131648865118353e-10; // 0x3DE705FC 2EEFA200

export function log2(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lx === 0) return 0; // log2(1) = +0
  k += (hx >> 20) - 1023;
  hx = hx & 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const y: number = k;
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const r = logKernel(f);
  // (f - hfsq) split as hi + lo with hi's low word cleared, then multiplied by 1/ln2 in two parts
  const hi = clearLowWord(f - hfsq);
  const lo = (f - hi) - hfsq + r;
  let valHi = hi * IVLN2_HI;
  let valLo = (lo + hi) * IVLN2_LO + lo * IVLN2_HI;
  // k + valHi + valLo, with k + valHi normalized exactly (Dekker)
  const w = y + valHi;
  valLo += (y - w) + valHi;
  valHi = w;
  return valLo + valHi;
}

const IVLN10 = 4.34294481903251816668e-1; // 0x3FDBCB7B 1526E50E
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3FD34413 509F6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF3 11F12B36

export function log10(x: number): number {
  let hx = highWord(x);
  let lx = lowWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
    lx = lowWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lx === 0) return 0;
  k += (hx >> 20) - 1023;
  // log10(x) = n log10(2) + log10(x / 2^n), with n = k + 1 for negative k
  const i: i32 = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y: number = k + i;
  x = fromWords(hx, lx);
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}

// ---------------------------------------------------------------------------
// cbrt (FreeBSD s_cbrt.c): a 5-bit estimate from the exponent bits, a
// polynomial to 23 bits, rounding to 23 bits, then one Newton step.
// ---------------------------------------------------------------------------

const CBRT_B1: i32 = 715094163; // (1023 - 1023/3 - 0.03306235651) * 2^20
const CBRT_B2: i32 = 696219795; // (1023 - 1023/3 - 54/3 - 0.03306235651) * 2^20
const CBRT_P0 = 1.87595182427177009643; // 0x3FFE03E6 0F61E692
const CBRT_P1 = -1.88497979543377169875; // 0xBFFE28E0 92F02420
const CBRT_P2 = 1.621429720105354466140; // 0x3FF9F160 4A49D6C2
const CBRT_P3 = -0.758397934778766047437; // 0xBFE844CB BEE751D9
const CBRT_P4 = 0.145996192886612446982; // 0x3FC2B000 D4E4EDD7

export function cbrt(x: number): number {
  const hx0 = highWord(x);
  const sign: i32 = hx0 & -0x80000000;
  const hx = hx0 & 0x7fffffff;
  if (hx >= 0x7ff00000) return x + x; // NaN, ±Infinity
  let t: number;
  if (hx < 0x00100000) {
    // zero or subnormal
    if (x === 0) return x;
    const scaled = fromWords(0x43500000, 0) * x; // x * 2^54
    const high = highWord(scaled);
    t = fromWords(sign | (Math.trunc((high & 0x7fffffff) / 3) + CBRT_B2), 0);
  } else {
    t = fromWords(sign | (Math.trunc(hx / 3) + CBRT_B1), 0);
  }
  // to 23 bits: cbrt(x) = t cbrt(x/t^3) ~= t P(t^3/x)
  let r = (t * t) * (t / x);
  t = t * ((CBRT_P0 + r * (CBRT_P1 + r * CBRT_P2)) + ((r * r) * r) * (CBRT_P3 + r * CBRT_P4));
  // round t away from zero to 23 bits: add 2^31 to the 64-bit encoding, clear the low 30 bits
  let high = highWord(t);
  const low = Number(lowWord(t)) + 2147483648;
  if (low >= 4294967296) high += 1;
  const lowBits = low >= 4294967296 ? low - 4294967296 : low;
  t = fromWords(high, u32(lowBits) & 0xc0000000);
  // one Newton step to 53 bits
  const s = t * t; // exact
  r = x / s;
  const w = t + t; // exact
  r = (r - t) / (w + r);
  return t + t * r;
}

// ---------------------------------------------------------------------------
// Hyperbolic functions and their inverses (V8's cosh, sinh; fdlibm
// s_tanh.c, s_asinh.c, e_acosh.c, e_atanh.c).
// ---------------------------------------------------------------------------

const OVERFLOW_THRESHOLD = 710.4758600739439; // where cosh and sinh overflow

export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2: 1 + expm1(|x|)^2 / (2 exp(|x|))
    const t = expm1(Math.abs(x));
    const w = 1 + t;
    if (ix < 0x3c800000) return w; // |x| < 2^-55
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22: (exp(|x|) + 1/exp(|x|)) / 2
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x)); // |x| < log(MAX_VALUE)
  if (Math.abs(x) <= OVERFLOW_THRESHOLD) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x; // Infinity or NaN
  return Infinity;
}

export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < 3.725290298461914e-9) return x; // |x| < 2^-28
    const t = expm1(ax);
    if (ax < 1) return h * (2 * t - t * t / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < 709.7822265625) return h * exp(ax); // 0x40862E42 00000000
  if (ax <= OVERFLOW_THRESHOLD) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307; // ±Infinity, or NaN
}

export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, or NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    if (ix >= 0x3ff00000) {
      // |x| >= 1: 1 - 2/(expm1(2|x|) + 2)
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      // -expm1(-2|x|) / (expm1(-2|x|) + 2)
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| >= 22
  }
  return jx >= 0 ? z : -z;
}

const LN2 = 6.93147180559945286227e-1; // 0x3FE62E42 FEFA39EF

export function asinh(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x; // Infinity or NaN
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  let w: number;
  if (ix > 0x41b00000) {
    // |x| > 2^28: log(2|x|)
    w = log(Math.abs(x)) + LN2;
  } else if (ix > 0x40000000) {
    // 2 < |x| <= 2^28
    const t = Math.abs(x);
    w = log(2.0 * t + 1 / (Math.sqrt(x * x + 1) + t));
  } else {
    // |x| <= 2
    const t = x * x;
    w = log1p(Math.abs(x) + t / (1 + Math.sqrt(1 + t)));
  }
  return hx > 0 ? w : -w;
}

export function acosh(x: number): number {
  const hx = highWord(x);
  if (hx < 0x3ff00000) return NaN; // x < 1
  if (hx >= 0x41b00000) {
    // x >= 2^28, Infinity or NaN
    if (hx >= 0x7ff00000) return x + x;
    return log(x) + LN2;
  }
  if (hx === 0x3ff00000 && lowWord(x) === 0) return 0; // acosh(1)
  if (hx > 0x40000000) {
    // 2 < x < 2^28
    const t = x * x;
    return log(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  // 1 < x <= 2
  const t = x - 1;
  return log1p(t + Math.sqrt(2.0 * t + t * t));
}

export function atanh(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (x !== x) return x + x;
  if (ix > 0x3ff00000 || (ix === 0x3ff00000 && lowWord(x) !== 0)) return NaN; // |x| > 1
  if (ix === 0x3ff00000) return x > 0 ? Infinity : -Infinity;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  const ax = withHighWord(x, ix);
  let t: number;
  if (ix < 0x3fe00000) {
    // |x| < 0.5: log1p(2|x| + 2|x| |x|/(1 - |x|)) / 2
    const t2 = ax + ax;
    t = 0.5 * log1p(t2 + t2 * ax / (1 - ax));
  } else {
    t = 0.5 * log1p((ax + ax) / (1 - ax));
  }
  return hx >= 0 ? t : -t;
}

// ---------------------------------------------------------------------------
// pow (fdlibm e_pow.c, as V8's ieee754::legacy::pow): x^y = 2^(y log2 x),
// with log2|x| in two pieces (the first with 29 trailing zero bits) and the
// product y log2|x| = n + r, |r| <= 1/2, in simulated extra precision.
// ---------------------------------------------------------------------------

const TWO53 = 9007199254740992; // 2^53
const HUGE = 1.0e300;
const TINY = 1.0e-300;
const DP_H = 5.84962487220764160156e-1; // 0x3FE2B803 40000000: log2(1.5), high part
const DP_L = 1.35003920212974897128e-8; // 0x3E4CFDEB 43CFD006: log2(1.5), low part
const L1 = 5.99999999999994648725e-1; // 0x3FE33333 33333303
const L2 = 4.28571428578550184252e-1; // 0x3FDB6DB6 DB6FABFF
const L3 = 3.33333329818377432918e-1; // 0x3FD55555 518F264D
const L4 = 2.72728123808534006489e-1; // 0x3FD17460 A91D4101
const L5 = 2.30660745775561754067e-1; // 0x3FCD864A 93C9DB65
const L6 = 2.06975017800338417784e-1; // 0x3FCA7E28 4A454EEF
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61 0CA86C39
const OVT = 8.0085662595372944372e-17; // -(1024 - log2(overflow + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 0x3FEEC709 DC3A03FD: 2/(3 ln2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709 E0000000: (float)CP
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0 145B01F5: CP - CP_H
const IVLN2 = 1.44269504088896338700; // 0x3FF71547 652B82FE: 1/ln2
const IVLN2_H = 1.44269502162933349609; // 0x3FF71547 60000000: 24 bits of 1/ln2
const IVLN2_L = 1.92596299112661746887e-8; // 0x3E54AE0B F85DDF44: 1/ln2 - IVLN2_H

/** z * 2^n with one rounding, also when the result is subnormal (-1100 < n < 1024). */
function scaleByPowerOfTwo(z: number, n: i32): number {
  if (n < -1000) return (z * powerOfTwo(n + 100)) * powerOfTwo(-100);
  return z * powerOfTwo(n);
}

/** Whether y is an integer, for a negative x: 0 not an integer, 1 odd, 2 even. */
function integerKind(iy: i32, ly: u32): i32 {
  if (iy >= 0x43400000) return 2; // |y| >= 2^53: even
  if (iy < 0x3ff00000) return 0; // |y| < 1
  const k = (iy >> 20) - 0x3ff; // the exponent
  if (k > 20) {
    // the units bit is in the low word
    const j = ly >>> u32(52 - k);
    return (j << u32(52 - k)) === ly ? 2 - i32(j & 1) : 0;
  }
  if (ly !== 0) return 0;
  const j = iy >> (20 - k);
  return (j << (20 - k)) === iy ? 2 - (j & 1) : 0;
}

export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if (iy === 0 && ly === 0) return 1; // x^±0 = 1, even for NaN
  if (x !== x || y !== y) return x + y;
  const yIsInt = hx < 0 ? integerKind(iy, ly) : 0;
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (ix === 0x3ff00000 && lx === 0) return y - y; // (±1)^±Infinity is NaN in JavaScript
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0
  }
  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = ±0, ±Infinity, ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (ix === 0x3ff00000 && yIsInt === 0) z = NaN; // (-1)^non-integer
      else if (yIsInt === 1) z = -z; // (negative)^odd
    }
    return z;
  }
  let n: i32 = (hx >> 31) + 1; // 0 for a negative x
  if (n === 0 && yIsInt === 0) return NaN; // (negative)^non-integer
  const s = n === 0 && yIsInt === 1 ? -1 : 1; // the sign of the result
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1 - x| <= 2^-20: log2(x) from x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1;
    const w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLowWord(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // the significand into [1, sqrt(3/2)), [sqrt(3/2), sqrt(3)) (around 1.5), or halved
    ix = j | 0x3ff00000;
    let k: i32 = 0;
    if (j <= 0x3988e) {
      k = 0;
    } else if (j < 0xbb67a) {
      k = 1;
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    const bp = k === 0 ? 1.0 : 1.5;
    const dpH = k === 0 ? 0 : DP_H;
    const dpL = k === 0 ? 0 : DP_L;
    // ss = sH + sL = (x - bp)/(x + bp)
    const u = ax - bp;
    const v = 1 / (ax + bp);
    const ss = u * v;
    const sH = clearLowWord(ss);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // the high part of ax + bp
    let tL = ax - (tH - bp);
    const sL = v * ((u - sH * tH) - sH * tL);
    // log(ax) in extra precision
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLowWord(3.0 + s2 + r);
    tL = r - ((tH - 3.0) - s2);
    const u2 = sH * tH;
    const v2 = sL * tH + tL * ss;
    // 2/(3 ln2) * (ss + ...)
    const pH = clearLowWord(u2 + v2);
    const pL = v2 - (pH - u2);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(ax) = n + dpH + zH + zL
    const t: number = n;
    t1 = clearLowWord(((zH + zL) + dpH) + t);
    t2 = zL - (((t1 - t) - dpH) - zH);
  }
  // (y1 + y2) * (t1 + t2) with y1 = y's leading bits
  const y1 = clearLowWord(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  const j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (j !== 0x40900000 || i !== 0) return s * HUGE * HUGE;
    if (pL + OVT > z - pH) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (j !== -0x3f6f3400 || i !== 0) return s * TINY * TINY; // z < -1075 (0xC090CC00)
    if (pL <= z - pH) return s * TINY * TINY;
  }
  // 2^(pH + pL): n = the nearest integer, then 2^r = exp(r ln2)
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  n = 0;
  if (iz > 0x3fe00000) {
    // |z| > 0.5
    n = j + (i32(0x00100000) >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // the exponent of n
    const t = fromWords(n & ~(i32(0x000fffff) >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = 0 - n;
    pH -= t;
  }
  let t = clearLowWord(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LN2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const c = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * c) / ((c - 2.0) - (w + z * w));
  z = 1 - (r - z);
  const high = highWord(z) + (n << 20);
  if ((high >> 20) <= 0) z = scaleByPowerOfTwo(z, n); // a subnormal result
  else z = withHighWord(z, high);
  return s * z;
}
