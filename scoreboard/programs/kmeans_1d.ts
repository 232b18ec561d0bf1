// features: floats, math, array-methods, arrows, template-literals, for-of, interfaces, destructuring, integers, readonly
interface Cluster {
  center: number;
  members: number[];
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const rand = lcg(42);
const data: number[] = [];
for (const [mean, spread, n] of [[10, 2, 12], [25, 3, 10], [50, 5, 14]]) {
  for (let i = 0; i < n; i++) data.push(Math.round((mean + (rand() - 0.5) * 2 * spread) * 100) / 100);
}
console.log(`points: ${data.length}, min ${Math.min(...data)}, max ${Math.max(...data)}`);

function assign(points: readonly number[], centers: readonly number[]): Cluster[] {
  const clusters: Cluster[] = centers.map((c) => ({ center: c, members: [] }));
  for (const p of points) {
    let best = 0;
    for (let i = 1; i < centers.length; i++) {
      if (Math.abs(p - centers[i]) < Math.abs(p - centers[best])) best = i;
    }
    clusters[best].members.push(p);
  }
  return clusters;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function kmeans(points: readonly number[], k: number): { clusters: Cluster[]; rounds: number } {
  let centers = points.slice(0, k);
  let clusters = assign(points, centers);
  let rounds = 1;
  for (; rounds < 50; rounds++) {
    const next = clusters.map((c) => (c.members.length > 0 ? mean(c.members) : c.center));
    const moved = next.some((c, i) => Math.abs(c - centers[i]) > 1e-9);
    centers = next;
    clusters = assign(points, centers);
    if (!moved) break;
  }
  return { clusters, rounds };
}

for (const k of [1, 2, 3, 4]) {
  const { clusters, rounds } = kmeans(data, k);
  const sse = clusters.reduce((s, c) => s + c.members.reduce((t, p) => t + (p - c.center) ** 2, 0), 0);
  console.log(`k=${k}: ${rounds} rounds, sse=${sse.toFixed(3)}`);
  const sorted = [...clusters].sort((a, b) => a.center - b.center);
  for (const c of sorted) {
    const sd = Math.sqrt(mean(c.members.map((m) => (m - c.center) ** 2)));
    console.log(`  center ${c.center.toFixed(3).padStart(7)} n=${String(c.members.length).padStart(2)} sd=${sd.toFixed(3)} range=[${Math.min(...c.members)}, ${Math.max(...c.members)}]`);
  }
}

const hist = new Array<number>(6).fill(0);
for (const p of data) hist[Math.min(5, Math.floor(p / 10))]++;
hist.forEach((n, i) => console.log(`${String(i * 10).padStart(2)}-${String(i * 10 + 9).padStart(2)} ${"*".repeat(n)}`));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(`median ${median(data)}, mean ${mean(data).toFixed(4)}`);
