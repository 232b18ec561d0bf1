// features: map-set, nullable, array-methods, arrows, template-literals, for-of, recursion, closures, destructuring, tuples, spread, optional-chaining, nullish, string-methods, math, type-aliases
type Graph = Map<string, string[]>;

function build(deps: [string, string[]][]): Graph {
  const g: Graph = new Map();
  for (const [pkg, needs] of deps) {
    g.set(pkg, needs);
    for (const n of needs) if (!g.has(n)) g.set(n, []);
  }
  return g;
}

function kahn(g: Graph): string[] | null {
  const indeg = new Map<string, number>();
  for (const k of g.keys()) indeg.set(k, 0);
  for (const needs of g.values()) for (const n of needs) indeg.set(n, indeg.get(n)! + 1);
  const queue = [...indeg].filter(([, d]) => d === 0).map(([k]) => k).sort();
  const order: string[] = [];
  while (queue.length) {
    const k = queue.shift()!;
    order.push(k);
    for (const n of g.get(k)!) {
      indeg.set(n, indeg.get(n)! - 1);
      if (indeg.get(n) === 0) {
        queue.push(n);
        queue.sort();
      }
    }
  }
  return order.length === g.size ? order.reverse() : null;
}

function findCycle(g: Graph): string[] | null {
  const color = new Map<string, number>();
  const stack: string[] = [];
  let cycle: string[] | null = null;
  const visit = (k: string): boolean => {
    color.set(k, 1);
    stack.push(k);
    for (const n of g.get(k) ?? []) {
      if (color.get(n) === 1) {
        cycle = [...stack.slice(stack.indexOf(n)), n];
        return true;
      }
      if (!color.get(n) && visit(n)) return true;
    }
    stack.pop();
    color.set(k, 2);
    return false;
  };
  for (const k of [...g.keys()].sort()) if (!color.get(k) && visit(k)) break;
  return cycle;
}

function depth(g: Graph): Map<string, number> {
  const memo = new Map<string, number>();
  const d = (k: string): number => {
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const v = 1 + Math.max(0, ...(g.get(k) ?? []).map(d));
    memo.set(k, v);
    return v;
  };
  for (const k of g.keys()) d(k);
  return memo;
}

const project = build([
  ["app", ["router", "store", "ui"]],
  ["ui", ["dom", "css"]],
  ["router", ["url"]],
  ["store", ["immutable", "events"]],
  ["events", []],
  ["dom", ["events"]],
  ["tests", ["app", "assert"]],
]);
const order = kahn(project);
console.log(`build order: ${order?.join(" -> ")}`);
const levels = depth(project);
for (const [k, v] of [...levels].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))) console.log(`  ${k.padEnd(10)} level ${v}`);
console.log(`cycle: ${findCycle(project)?.join(" -> ") ?? "none"}`);
const cyclic = build([["a", ["b"]], ["b", ["c"]], ["c", ["d", "a"]], ["d", []]]);
console.log(`cyclic build order: ${kahn(cyclic)?.join(" -> ") ?? "impossible"}`);
console.log(`cycle: ${findCycle(cyclic)?.join(" -> ") ?? "none"}`);
