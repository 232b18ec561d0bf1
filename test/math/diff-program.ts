/**
 * test/math/diff-program.ts: the program of the Math differential harness
 * (the fdlibm functions of lib/std/math.ts, pow, and hypot).
 * It runs unchanged under Node and natively; test/math.test.ts (a few
 * thousand arguments per function, in `npm test`) and bench/math-diff.ts
 * (millions) run both and compare their output line by line.
 *
 * Input:  argv[2]: arguments per range (default 1000); argv[3]: the seed
 *         (default 1); argv[4..6]: "detail FUNCTION RANGE" prints every
 *         argument and result of that function and range instead.
 * Output: one line per block of 1000 arguments: the function, the range, the
 *         block number, the number of arguments and a hash of the exact bits
 *         of every result.
 * Invariants:
 *   - Arguments come from an xorshift generator over exact double arithmetic
 *     (mantissa bits times a power of two), so Node and the native program
 *     see the same arguments bit for bit.
 *   - The hash reads a result's sign, exponent and 52 fraction bits by exact
 *     scaling (no reinterpretation), so two results hash alike only if they
 *     are the same double (every NaN counts as one).
 *   - The ranges are where fdlibm's branches and reductions change: tiny and
 *     subnormal arguments, huge ones (trigonometric reduction), near
 *     multiples of pi/4 and pi/2, near 1 for the logarithms, the overflow and
 *     underflow edges of exp, negatives, and the special values.
 */

const BLOCK = 1000;
const TWO32 = 4294967296;

let state = 1;

/** The next 32 random bits (xorshift32), as a number in [0, 2^32). */
function nextWord(): number {
  let x = state;
  x = (x ^ (x << 13)) >>> 0;
  x = (x ^ (x >>> 17)) >>> 0;
  x = (x ^ (x << 5)) >>> 0;
  state = x;
  return x;
}

/** A uniform integer in [lo, hi]. */
function nextInt(lo: number, hi: number): number {
  return lo + Math.floor((nextWord() / TWO32) * (hi - lo + 1));
}

/** A random significand in [1, 2) with all 52 fraction bits random. */
function significand(): number {
  const high = nextWord() >>> 12; // 20 bits
  const low = nextWord(); // 32 bits
  return 1 + (high * TWO32 + low) / 4503599627370496; // / 2^52, exact
}

/** 2^e for -1022 <= e <= 1023, by exact multiplications. */
function powerOfTwo(e: number): number {
  let x = 1;
  let k = e;
  while (k >= 32) { x *= TWO32; k -= 32; }
  while (k <= -32) { x /= TWO32; k += 32; }
  while (k > 0) { x *= 2; k--; }
  while (k < 0) { x /= 2; k++; }
  return x;
}

/** A random double with |x| in [2^lo, 2^(hi+1)) (subnormals round as any product does), random sign. */
function logUniform(lo: number, hi: number, signed: boolean): number {
  const e = nextInt(lo, hi);
  const x = e < -1022 ? significand() * powerOfTwo(e + 60) * powerOfTwo(-60) : significand() * powerOfTwo(e);
  return signed && nextWord() >= 2147483648 ? -x : x;
}

/** 10^k: exact products up to 10^22, a correctly rounded quotient below 1. */
function powerOfTen(k: number): number {
  let x = 1;
  for (let i = 0; i < Math.abs(k); i++) x *= 10;
  return k < 0 ? 1 / x : x;
}

/** A uniform double in [-r, r] (all fraction bits random). */
function uniform(r: number): number {
  return (significand() - 1.5) * 2 * r;
}

/** k * step plus a tiny perturbation, for a random integer k in [-kmax, kmax]. */
function near(step: number, kmax: number): number {
  const k = nextInt(-kmax, kmax);
  const tiny = logUniform(-70, -20, true);
  const pick = nextInt(0, 3);
  return pick === 0 ? k * step : k * step + tiny * (pick === 1 ? 1 : Math.abs(k * step) + 1);
}

const SPECIALS: number[] = [
  0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 1.7976931348623157e308,
  -1.7976931348623157e308, 1, -1, 0.5, -0.5, 2, -2, 0.1, 10, 100, 1e-10, 1e10, 1e22, 1e300, Math.PI, -Math.PI, Math.PI / 2,
  Math.PI / 4, 3 * Math.PI / 4, 1e6 * Math.PI, Math.E, Math.LN2, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, 710.4758600739439,
  22, 0.975, 0.9999999999999999, 1.0000000000000002, 7 / 16, 11 / 16, 19 / 16, 39 / 16, 2 ** 28, 2 ** 66, 2 ** -28, 2 ** -54, 1e-7,
];

/** Where atan and asin switch between their reductions. */
const BRANCH_POINTS: number[] = [0.4375, 0.6875, 1.1875, 2.4375, 0.5, 0.975];

/** An argument of range `range` for function `fn`. */
function argument(fn: string, range: string, i: number): number {
  if (range === "special") return SPECIALS[i % SPECIALS.length]!;
  if (range === "tiny") return logUniform(-1074, -20, true);
  if (range === "wide") return logUniform(-30, 1023, true);
  if (range === "huge") return logUniform(20, 1023, true);
  if (range === "quarter-pi") return near(Math.PI / 4, 100000);
  if (range === "half-pi-far") return near(Math.PI / 2, 1073741824);
  if (range === "unit") return uniform(1);
  if (range === "fractions") return logUniform(-20, 20, false);
  if (range === "ten") return uniform(10);
  if (range === "fifty") return uniform(50);
  if (range === "positive") return logUniform(-1074, 1023, false);
  if (range === "near-one") return 1 + logUniform(-60, -1, true);
  if (range === "near-zero") return logUniform(-60, -1, true);
  if (range === "above-one") return 1 + logUniform(-60, 1023, false);
  if (range === "powers-of-ten") return powerOfTen(nextInt(-22, 22)) * (1 + (nextInt(0, 1) === 0 ? 0 : logUniform(-60, -40, true)));
  if (range === "exp-edges") return (nextWord() >= 2147483648 ? 709.78 : -745.13) + uniform(1);
  if (range === "ln2-multiples") return near(Math.LN2 / 2, 2000);
  if (range === "hyperbolic-edges") return (nextInt(0, 2) === 0 ? 22 : nextInt(0, 1) === 0 ? 709.78 : 710.47) * (nextWord() >= 2147483648 ? -1 : 1) + uniform(1);
  if (range === "branch-points") return BRANCH_POINTS[nextInt(0, BRANCH_POINTS.length - 1)]! * (nextWord() >= 2147483648 ? -1 : 1) + uniform(0.01);
  return uniform(1000);
}

/** The second argument of atan2 and pow (the first comes from `argument`). */
function second(fn: string, range: string, i: number): number {
  if (range === "special") return SPECIALS[Math.floor(i / SPECIALS.length) % SPECIALS.length]!;
  if (fn === "atan2" || fn === "hypot") return nextInt(0, 1) === 0 ? logUniform(-1074, 1023, true) : uniform(10);
  if (range === "ten") return nextInt(-60, 60); // integer exponents, negative bases
  if (range === "near-one") return logUniform(0, 45, true); // huge exponents near 1
  if (range === "fractions") return nextInt(-40, 40) / nextInt(1, 16);
  return uniform(8);
}

function apply(fn: string, x: number, y: number): number {
  switch (fn) {
    case "sin": return Math.sin(x);
    case "cos": return Math.cos(x);
    case "tan": return Math.tan(x);
    case "asin": return Math.asin(x);
    case "acos": return Math.acos(x);
    case "atan": return Math.atan(x);
    case "atan2": return Math.atan2(x, y);
    case "exp": return Math.exp(x);
    case "expm1": return Math.expm1(x);
    case "log": return Math.log(x);
    case "log1p": return Math.log1p(x);
    case "log2": return Math.log2(x);
    case "log10": return Math.log10(x);
    case "cbrt": return Math.cbrt(x);
    case "sinh": return Math.sinh(x);
    case "cosh": return Math.cosh(x);
    case "tanh": return Math.tanh(x);
    case "asinh": return Math.asinh(x);
    case "acosh": return Math.acosh(x);
    case "atanh": return Math.atanh(x);
    case "pow": return Math.pow(x, y);
    case "hypot": return Math.hypot(x, y);
  }
  return NaN;
}

/** The ranges each function is tested on. */
function rangesOf(fn: string): string[] {
  const common = ["special", "tiny", "wide"];
  switch (fn) {
    case "sin": case "cos": case "tan":
      return [...common, "ten", "huge", "quarter-pi", "half-pi-far"];
    case "asin": case "acos": case "atanh":
      return [...common, "unit", "near-one", "branch-points"];
    case "atan": case "atan2": case "hypot":
      return [...common, "ten", "branch-points"];
    case "exp": case "expm1":
      return [...common, "fifty", "exp-edges", "ln2-multiples", "near-zero"];
    case "log": case "log1p": case "log2": case "log10":
      return [...common, "positive", "near-one", "near-zero", "powers-of-ten"];
    case "sinh": case "cosh": case "tanh":
      return [...common, "fifty", "hyperbolic-edges", "ln2-multiples"];
    case "acosh":
      return [...common, "above-one", "near-one"];
    case "pow":
      return [...common, "positive", "ten", "near-one", "fractions"];
  }
  return [...common, "positive", "ten"];
}

let hash = 0;

function mix(word: number): void {
  hash = Math.imul((hash ^ word) >>> 0, 16777619) >>> 0;
}

/** Mixes the exact bits of x into the hash. */
function mixDouble(x: number): void {
  if (x !== x) {
    mix(0x7ff80000);
    return;
  }
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  mix(negative ? 1 : 0);
  let m = Math.abs(x);
  if (m === 0 || m === Infinity) {
    mix(m === 0 ? 0 : 0x7ff00000);
    return;
  }
  let e = 0;
  while (m >= TWO32) { m /= TWO32; e += 32; }
  while (m >= 2) { m /= 2; e += 1; }
  while (m < 2.3283064365386963e-10) { m *= TWO32; e -= 32; }
  while (m < 1) { m *= 2; e -= 1; }
  const fraction = (m - 1) * 4503599627370496; // the 52 fraction bits, exact
  const high = Math.floor(fraction / TWO32);
  mix(e + 2000);
  mix(high);
  mix(fraction - high * TWO32);
}

/** A number as the detail lines show it: String(x), but -0 as "-0". */
function show(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : `${x}`;
}

const FUNCTIONS = [
  "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt", "sinh", "cosh",
  "tanh", "asinh", "acosh", "atanh", "pow", "hypot",
];

function main(): void {
  const count = process.argv.length > 2 ? Number(process.argv[2]) : 1000;
  const seed = process.argv.length > 3 ? Number(process.argv[3]) : 1;
  const detail = process.argv.length > 6 && process.argv[4] === "detail";
  for (const fn of FUNCTIONS) {
    for (const range of rangesOf(fn)) {
      if (detail && (fn !== process.argv[5] || range !== process.argv[6])) continue;
      // every function and range starts from its own state, so a detail run sees the same arguments
      state = (seed * 2654435761 + fn.length * 40503 + range.length * 9973 + fn.charCodeAt(0) * 31 + range.charCodeAt(0)) % TWO32;
      if (state === 0) state = 1;
      const n = range === "special" ? SPECIALS.length * SPECIALS.length : count;
      for (let block = 0; block * BLOCK < n; block++) {
        hash = 2166136261;
        const end = Math.min(n, (block + 1) * BLOCK);
        for (let i = block * BLOCK; i < end; i++) {
          const x = argument(fn, range, i);
          const y = fn === "atan2" || fn === "pow" || fn === "hypot" ? second(fn, range, i) : 0;
          const r = apply(fn, x, y);
          if (detail) console.log(`${i} ${show(x)} ${show(y)} ${show(r)}`);
          else mixDouble(r);
        }
        if (!detail) console.log(`${fn} ${range} ${block} ${end - block * BLOCK} ${hash}`);
      }
    }
  }
}

main();
