/**
 * fuzz/rng.ts: a small seeded random number generator (sfc32).
 *
 * Input:  a seed (any 32-bit integers).
 * Output: a deterministic stream of choices.
 * Invariant: the same seed gives the same stream on every machine and Node
 *            version, so `--seed S` names a program forever.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = 1;
    for (const s of seeds) {
      this.a ^= s >>> 0;
      this.d = (this.d + 0x6d2b79f5) | 0;
      for (let i = 0; i < 12; i++) this.next();
    }
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() / 4294967296 < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** Pick by weight: [[weight, value], ...]; weights of 0 are skipped. */
  weighted<T>(all: [number, T][]): T {
    const choices = all.filter(([w]) => w > 0);
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.next() / 4294967296 * total;
    for (const [w, v] of choices) {
      if (r < w) return v;
      r -= w;
    }
    return choices[choices.length - 1]![1];
  }
}
