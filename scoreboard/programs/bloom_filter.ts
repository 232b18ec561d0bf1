// features: classes, integers, private, readonly, floats, math, template-literals, array-methods, arrows, for-of, static, string-methods, destructuring, tuples, object-literals
class BloomFilter {
  private bits: number[];
  private count = 0;

  constructor(readonly size: number, readonly hashes: number) {
    this.bits = new Array<number>(Math.ceil(size / 32)).fill(0);
  }

  static forCapacity(n: number, errorRate: number): BloomFilter {
    const m = Math.ceil((-n * Math.log(errorRate)) / (Math.LN2 * Math.LN2));
    const k = Math.max(1, Math.round((m / n) * Math.LN2));
    return new BloomFilter(m, k);
  }

  private hash(s: string, seed: number): number {
    let h = 2166136261 ^ seed;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return (h >>> 0) % this.size;
  }

  add(s: string): void {
    for (let i = 0; i < this.hashes; i++) {
      const b = this.hash(s, i * 0x9e3779b9);
      this.bits[b >>> 5] |= 1 << (b & 31);
    }
    this.count++;
  }

  mightContain(s: string): boolean {
    for (let i = 0; i < this.hashes; i++) {
      const b = this.hash(s, i * 0x9e3779b9);
      if ((this.bits[b >>> 5] & (1 << (b & 31))) === 0) return false;
    }
    return true;
  }

  fillRatio(): number {
    let set = 0;
    for (const word of this.bits) {
      let w = word >>> 0;
      while (w) {
        w &= w - 1;
        set++;
      }
    }
    return set / this.size;
  }

  expectedFalsePositive(): number {
    return Math.pow(1 - Math.exp((-this.hashes * this.count) / this.size), this.hashes);
  }
}

for (const [n, rate] of [[100, 0.1], [500, 0.01], [1000, 0.001]] as [number, number][]) {
  const f = BloomFilter.forCapacity(n, rate);
  for (let i = 0; i < n; i++) f.add(`user-${i}`);
  const missing = Array.from({ length: 5000 }, (_, i) => `other-${i}`);
  const fp = missing.filter((s) => f.mightContain(s)).length;
  const allFound = Array.from({ length: n }, (_, i) => `user-${i}`).every((s) => f.mightContain(s));
  console.log(`n=${n} target ${rate}: m=${f.size} bits k=${f.hashes}, fill ${(f.fillRatio() * 100).toFixed(1)}%`);
  console.log(`  no false negatives: ${allFound}; false positives ${fp}/5000 = ${(fp / 5000).toFixed(4)} (expected ${f.expectedFalsePositive().toFixed(4)})`);
}
const small = new BloomFilter(64, 3);
["apple", "banana", "cherry"].forEach((w) => small.add(w));
console.log(["apple", "banana", "cherry", "durian", "elder", "fig"].map((w) => `${w}:${small.mightContain(w) ? "maybe" : "no"}`).join(" "));
