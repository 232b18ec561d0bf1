// features: integers, map-set, template-literals, closures, arrows, tuples, for-of, recursion, spread, nullish, array-methods, string-methods, math, destructuring
const cache = new Map<number, number>();

function steps(n: number): number {
  if (n === 1) return 0;
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const s = 1 + steps(n % 2 === 0 ? n / 2 : 3 * n + 1);
  cache.set(n, s);
  return s;
}

function sequence(n: number): number[] {
  const out = [n];
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    out.push(n);
  }
  return out;
}

function peak(n: number): number {
  let max = n;
  for (const x of sequence(n)) if (x > max) max = x;
  return max;
}

console.log(`27: ${steps(27)} steps, peak ${peak(27)}`);
console.log(`sequence of 6: ${sequence(6).join(" -> ")}`);
console.log(`sequence of 7: ${sequence(7).join(" ")}`);

let best: [number, number] = [1, 0];
for (let n = 1; n < 100000; n++) {
  const s = steps(n);
  if (s > best[1]) best = [n, s];
}
console.log(`longest below 100000: ${best[0]} with ${best[1]} steps; cache holds ${cache.size} values`);

const histogram = new Map<number, number>();
for (let n = 1; n <= 1000; n++) {
  const bucket = Math.floor(steps(n) / 25) * 25;
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
}
for (const [bucket, count] of [...histogram].sort((x, y) => x[0] - y[0])) {
  console.log(`${String(bucket).padStart(3)}-${String(bucket + 24).padStart(3)}: ${"#".repeat(Math.ceil(count / 10))} ${count}`);
}
let counter = 0;
const record = () => {
  let prev = -1;
  return (n: number) => {
    const s = steps(n);
    if (s > prev) {
      prev = s;
      counter++;
      return true;
    }
    return false;
  };
};
const isRecord = record();
const records: number[] = [];
for (let n = 1; n <= 1000; n++) if (isRecord(n)) records.push(n);
console.log(`${counter} step records up to 1000: ${records.join(" ")}`);
