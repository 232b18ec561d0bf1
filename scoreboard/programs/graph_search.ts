// features: classes, map-set, recursion, closures, arrows, array-methods, for-of, template-literals, nullable, labeled-loops, spread, nullish, private, string-methods, destructuring
class Graph {
  private adj = new Map<string, string[]>();

  addEdge(a: string, b: string): void {
    if (!this.adj.has(a)) this.adj.set(a, []);
    if (!this.adj.has(b)) this.adj.set(b, []);
    this.adj.get(a)!.push(b);
    this.adj.get(b)!.push(a);
  }

  neighbors(v: string): string[] {
    return [...(this.adj.get(v) ?? [])].sort();
  }

  bfs(start: string): string[] {
    const seen = new Set<string>([start]);
    const queue = [start];
    const order: string[] = [];
    while (queue.length > 0) {
      const v = queue.shift()!;
      order.push(v);
      for (const w of this.neighbors(v)) {
        if (!seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
    return order;
  }

  dfs(start: string): string[] {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (v: string) => {
      seen.add(v);
      order.push(v);
      for (const w of this.neighbors(v)) if (!seen.has(w)) visit(w);
    };
    visit(start);
    return order;
  }

  path(from: string, to: string): string[] | null {
    const prev = new Map<string, string>();
    const seen = new Set<string>([from]);
    const queue = [from];
    search: while (queue.length) {
      const v = queue.shift()!;
      for (const w of this.neighbors(v)) {
        if (seen.has(w)) continue;
        seen.add(w);
        prev.set(w, v);
        if (w === to) break search;
        queue.push(w);
      }
    }
    if (!seen.has(to)) return null;
    const out = [to];
    let cur = to;
    while (cur !== from) {
      cur = prev.get(cur)!;
      out.unshift(cur);
    }
    return out;
  }

  components(): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const v of [...this.adj.keys()].sort()) {
      if (seen.has(v)) continue;
      const comp = this.bfs(v);
      comp.forEach((x) => seen.add(x));
      out.push(comp.sort());
    }
    return out;
  }
}

const g = new Graph();
const edges = "a-b a-c b-d c-d d-e e-f f-g x-y y-z h-i";
for (const e of edges.split(" ")) {
  const [a, b] = e.split("-");
  g.addEdge(a, b);
}
console.log(`bfs a: ${g.bfs("a").join(" ")}`);
console.log(`dfs a: ${g.dfs("a").join(" ")}`);
console.log(`dfs x: ${g.dfs("x").join(" ")}`);
for (const [from, to] of [["a", "g"], ["g", "b"], ["a", "z"], ["x", "z"]]) {
  const p = g.path(from, to);
  console.log(`path ${from}->${to}: ${p ? p.join("-") + ` (${p.length - 1} hops)` : "none"}`);
}
const comps = g.components();
console.log(`${comps.length} components`);
comps.forEach((c, i) => console.log(`  #${i + 1}: {${c.join(", ")}}`));
