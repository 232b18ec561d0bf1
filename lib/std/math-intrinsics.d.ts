/**
 * lib/std/math-intrinsics.d.ts: the C intrinsics lib/std/math.ts is written
 * on (runtime/tsos_num.h): a double's two 32-bit halves, and back.
 *
 * Input:  calls from lib/std/math.ts; lower/math.ts maps each name onto its
 *         C helper (`highWord` -> `tsos_num_high_word`).
 * Output: declarations only.
 * Invariants: the words are the IEEE 754 binary64 encoding (sign, 11 exponent
 *             bits, 52 fraction bits), independent of the host's byte order.
 */
/** The upper 32 bits of x's encoding (sign, exponent, top 20 fraction bits), as a signed integer. */
export declare function highWord(x: number): i32;
/** The lower 32 bits of x's encoding (the low 32 fraction bits). */
export declare function lowWord(x: number): u32;
/** The double whose encoding is `high` (upper 32 bits) and `low` (lower 32 bits). */
export declare function fromWords(high: i32, low: u32): number;
/** The clock: milliseconds since 1970-01-01T00:00:00Z, with a fraction (lib/std/date.ts Date.now; a whole number there). */
export declare function nowMillis(): number;
