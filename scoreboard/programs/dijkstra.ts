// features: interfaces, type-aliases, map-set, floats, array-methods, arrows, nullable, tuples, template-literals, destructuring, spread, nullish, for-of, string-methods, object-literals
type Edge = { to: string; w: number };

interface Result {
  dist: Map<string, number>;
  prev: Map<string, string | null>;
}

function buildGraph(list: [string, string, number][]): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const [a, b, w] of list) {
    if (!g.has(a)) g.set(a, []);
    if (!g.has(b)) g.set(b, []);
    g.get(a)!.push({ to: b, w });
    g.get(b)!.push({ to: a, w });
  }
  return g;
}

function dijkstra(g: Map<string, Edge[]>, source: string): Result {
  const dist = new Map<string, number>();
  const prev = new Map<string, string | null>();
  const done = new Set<string>();
  for (const v of g.keys()) {
    dist.set(v, Infinity);
    prev.set(v, null);
  }
  dist.set(source, 0);
  while (done.size < g.size) {
    let best: string | null = null;
    for (const [v, d] of dist) {
      if (done.has(v)) continue;
      if (best === null || d < dist.get(best)!) best = v;
    }
    if (best === null || dist.get(best) === Infinity) break;
    done.add(best);
    for (const { to, w } of g.get(best)!) {
      const alt = dist.get(best)! + w;
      if (alt < dist.get(to)!) {
        dist.set(to, alt);
        prev.set(to, best);
      }
    }
  }
  return { dist, prev };
}

function route(r: Result, target: string): string {
  const parts: string[] = [];
  let cur: string | null = target;
  while (cur !== null) {
    parts.unshift(cur);
    cur = r.prev.get(cur) ?? null;
  }
  return parts.join(" -> ");
}

const roads: [string, string, number][] = [
  ["Amsterdam", "Utrecht", 45.5],
  ["Amsterdam", "Haarlem", 20.1],
  ["Haarlem", "Leiden", 32.4],
  ["Leiden", "Den Haag", 19.8],
  ["Den Haag", "Rotterdam", 26.3],
  ["Utrecht", "Rotterdam", 61.2],
  ["Utrecht", "Arnhem", 65.0],
  ["Rotterdam", "Breda", 51.7],
  ["Breda", "Eindhoven", 58.9],
  ["Arnhem", "Eindhoven", 84.3],
  ["Groningen", "Assen", 27.5],
];
const g = buildGraph(roads);
const r = dijkstra(g, "Amsterdam");
const names = [...r.dist.keys()].sort((a, b) => r.dist.get(a)! - r.dist.get(b)!);
for (const n of names) {
  const d = r.dist.get(n)!;
  console.log(`${n.padEnd(10)} ${d === Infinity ? "unreachable" : d.toFixed(1).padStart(6) + " km  " + route(r, n)}`);
}
const reachable = names.filter((n) => r.dist.get(n)! < Infinity);
const avg = reachable.reduce((s, n) => s + r.dist.get(n)!, 0) / reachable.length;
console.log(`average distance ${avg.toFixed(3)} over ${reachable.length} cities`);
const fromAssen = dijkstra(g, "Assen");
console.log(`Assen reaches: ${[...fromAssen.dist].filter(([, d]) => d < Infinity).map(([n, d]) => `${n}=${d}`).join(", ")}`);
