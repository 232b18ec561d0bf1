// features: classes, integers, private, readonly, template-literals, accessors, nullable, for-of, math
class BitSet {
  private words: number[] = [];

  constructor(readonly size: number) {
    const n = Math.floor((size + 31) / 32);
    for (let i = 0; i < n; i++) this.words.push(0);
  }

  set(i: number): void {
    const w = i >> 5;
    this.words[w] = (this.words[w] | (1 << (i & 31))) >>> 0;
  }

  clear(i: number): void {
    const w = i >> 5;
    this.words[w] = (this.words[w] & ~(1 << (i & 31))) >>> 0;
  }

  has(i: number): boolean {
    return ((this.words[i >> 5] >>> (i & 31)) & 1) === 1;
  }

  get count(): number {
    let n = 0;
    for (const word of this.words) {
      let w = word;
      while (w !== 0) {
        w = (w & (w - 1)) >>> 0;
        n++;
      }
    }
    return n;
  }

  union(o: BitSet): BitSet {
    const out = new BitSet(this.size);
    for (let i = 0; i < this.words.length; i++) out.words[i] = (this.words[i] | o.words[i]) >>> 0;
    return out;
  }

  intersect(o: BitSet): BitSet {
    const out = new BitSet(this.size);
    for (let i = 0; i < this.words.length; i++) out.words[i] = (this.words[i] & o.words[i]) >>> 0;
    return out;
  }

  first(): number | null {
    for (let i = 0; i < this.size; i++) if (this.has(i)) return i;
    return null;
  }

  list(limit: number): string {
    let s = "";
    let shown = 0;
    for (let i = 0; i < this.size && shown < limit; i++) {
      if (!this.has(i)) continue;
      s += shown > 0 ? " " + i : "" + i;
      shown++;
    }
    return s;
  }
}

const n = 200;
const primes = new BitSet(n);
for (let i = 2; i < n; i++) primes.set(i);
for (let i = 2; i * i < n; i++) {
  if (!primes.has(i)) continue;
  for (let j = i * i; j < n; j += i) primes.clear(j);
}
const odds = new BitSet(n);
for (let i = 1; i < n; i += 2) odds.set(i);
const squares = new BitSet(n);
for (let i = 0; i * i < n; i++) squares.set(i * i);
console.log(`primes below ${n}: ${primes.count}`);
console.log(`first primes: ${primes.list(15)}`);
console.log(`odd numbers: ${odds.count}, odd primes: ${primes.intersect(odds).count}`);
console.log(`squares: ${squares.list(20)}`);
console.log(`primes or squares: ${primes.union(squares).count}`);
const empty = primes.intersect(squares);
const f = empty.first();
console.log(`prime squares: ${empty.count}, first ${f === null ? "none" : f}`);
console.log(`has 31: ${primes.has(31)}, has 32: ${primes.has(32)}, has 199: ${primes.has(199)}`);
