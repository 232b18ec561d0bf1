// features: classes, private, integers, floats, math, array-methods, arrows, template-literals, for-of, map-set, closures, tuples, destructuring
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

const rng = new Rng(20240501);
const roll = (n: number, sides: number): number[] => Array.from({ length: n }, () => rng.int(1, sides));

function histogram(samples: number[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const s of samples) h.set(s, (h.get(s) ?? 0) + 1);
  return new Map([...h].sort(([a], [b]) => a - b));
}

const sums = Array.from({ length: 3000 }, () => roll(2, 6).reduce((a, b) => a + b, 0));
const h = histogram(sums);
const maxCount = Math.max(...h.values());
for (const [total, count] of h) {
  const expected = (6 - Math.abs(7 - total)) / 36;
  console.log(`${String(total).padStart(2)} ${String(count).padStart(4)} ${(count / sums.length).toFixed(3)} vs ${expected.toFixed(3)} ${"#".repeat(Math.round((count / maxCount) * 40))}`);
}
const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
const variance = sums.reduce((a, s) => a + (s - mean) ** 2, 0) / (sums.length - 1);
console.log(`mean ${mean.toFixed(3)} (7), variance ${variance.toFixed(3)} (5.833)`);

function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((acc, o, i) => acc + (o - expected[i]) ** 2 / expected[i], 0);
}
const d6 = roll(600, 6);
const faces = [1, 2, 3, 4, 5, 6].map((f) => d6.filter((x) => x === f).length);
console.log(`d6 faces ${faces.join(" ")} chi2 ${chiSquare(faces, new Array<number>(6).fill(100)).toFixed(3)}`);

const keepHighest = (dice: number[], k: number) => [...dice].sort((a, b) => b - a).slice(0, k);
const stats = Array.from({ length: 6 }, () => keepHighest(roll(4, 6), 3).reduce((a, b) => a + b, 0));
console.log(`ability scores (4d6 keep 3): ${stats.join(", ")} total ${stats.reduce((a, b) => a + b, 0)}`);

let streak = 0;
let best = 0;
let bestAt = -1;
const flips = Array.from({ length: 200 }, () => rng.next() < 0.5);
flips.forEach((heads, i) => {
  streak = heads ? streak + 1 : 0;
  if (streak > best) [best, bestAt] = [streak, i];
});
console.log(`longest heads streak ${best} ending at flip ${bestAt}; heads ${flips.filter(Boolean).length}/200`);

function monteCarloPi(n: number): number {
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const x = rng.next(), y = rng.next();
    if (x * x + y * y <= 1) inside++;
  }
  return (4 * inside) / n;
}
for (const n of [100, 10000, 200000]) console.log(`pi ~ ${monteCarloPi(n).toFixed(5)} with ${n} points`);
const shuffled = [..."ABCDEFGH"];
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = rng.int(0, i);
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
console.log(`shuffle: ${shuffled.join("")}, sorted back: ${[...shuffled].sort().join("")}`);
