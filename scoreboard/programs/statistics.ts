// features: floats, math, array-methods, arrows, spread, template-literals, nullable, map-set, interfaces, rest-params, nullish, for-of, string-methods, destructuring, object-literals
interface Summary {
  n: number;
  mean: number;
  median: number;
  mode: number | null;
  stddev: number;
  min: number;
  max: number;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 0 ? (s[mid - 1] + s[mid]) / 2 : s[mid];
}

function mode(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 1;
  for (const [x, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && x < best)) {
      best = x;
      bestCount = c;
    }
  }
  return best;
}

function stddev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / (xs.length - 1));
}

function summarize(...xs: number[]): Summary {
  return { n: xs.length, mean: mean(xs), median: median(xs), mode: mode(xs), stddev: stddev(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0, dx = 0, dy = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    dx += (xs[i] - mx) ** 2;
    dy += (ys[i] - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

function show(label: string, s: Summary): void {
  console.log(`${label}: n=${s.n} mean=${s.mean.toFixed(3)} median=${s.median} mode=${s.mode ?? "none"} sd=${s.stddev.toFixed(4)} range=[${s.min}, ${s.max}]`);
}

show("heights", summarize(172, 165, 180, 177, 165, 158, 190, 168, 174, 165));
show("scores", summarize(3.5, 2.25, 4, 3.5, 1.75, 3));
show("distinct", summarize(9, 1, 8, 2, 7));

let seed = 42;
const rand = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const sample: number[] = [];
for (let i = 0; i < 200; i++) sample.push(Math.round(rand() * 100));
show("lcg sample", summarize(...sample));
const histogram = new Array<number>(5).fill(0);
for (const x of sample) histogram[Math.min(4, Math.floor(x / 20))]++;
histogram.forEach((count, i) => console.log(`  ${String(i * 20).padStart(3)}-${String(i * 20 + 19).padStart(3)} ${"#".repeat(Math.round(count / 4))} ${count}`));

const xs = [1, 2, 3, 4, 5, 6, 7, 8];
const ys = xs.map((x) => 2.5 * x + (x % 3) - 1);
console.log(`correlation ${correlation(xs, ys).toFixed(6)}`);
console.log(`correlation reversed ${correlation(xs, [...ys].reverse()).toFixed(6)}`);
console.log(`mean of fractions ${mean([0.1, 0.2, 0.3])}`);
