// features: classes, map-set, generics, private, arrows, array-methods, template-literals, for-of, nullable, tuples, destructuring, recursion
class Graph<N> {
  private adj = new Map<N, Map<N, number>>();

  addEdge(a: N, b: N, w = 1, directed = false): void {
    this.node(a).set(b, w);
    if (directed) this.node(b);
    else this.node(b).set(a, w);
  }

  private node(n: N): Map<N, number> {
    let m = this.adj.get(n);
    if (m === undefined) {
      m = new Map();
      this.adj.set(n, m);
    }
    return m;
  }

  neighbors(n: N): N[] {
    return [...(this.adj.get(n)?.keys() ?? [])];
  }

  nodes(): N[] {
    return [...this.adj.keys()];
  }

  bfs(start: N, goal: N): N[] | null {
    const prev = new Map<N, N | null>([[start, null]]);
    const queue: N[] = [start];
    while (queue.length > 0) {
      const cur = queue.shift()!;
      if (cur === goal) {
        const path: N[] = [];
        let at: N | null = cur;
        while (at !== null) {
          path.unshift(at);
          at = prev.get(at) ?? null;
        }
        return path;
      }
      for (const n of this.neighbors(cur)) {
        if (!prev.has(n)) {
          prev.set(n, cur);
          queue.push(n);
        }
      }
    }
    return null;
  }

  allPaths(from: N, to: N): N[][] {
    const out: N[][] = [];
    const path: N[] = [from];
    const seen = new Set<N>([from]);
    const go = (cur: N): void => {
      if (cur === to) {
        out.push([...path]);
        return;
      }
      for (const n of this.neighbors(cur)) {
        if (seen.has(n)) continue;
        seen.add(n);
        path.push(n);
        go(n);
        path.pop();
        seen.delete(n);
      }
    };
    go(from);
    return out;
  }

  components(): N[][] {
    const seen = new Set<N>();
    const out: N[][] = [];
    for (const start of this.nodes()) {
      if (seen.has(start)) continue;
      const comp: N[] = [];
      const stack = [start];
      seen.add(start);
      while (stack.length > 0) {
        const cur = stack.pop()!;
        comp.push(cur);
        for (const n of this.neighbors(cur)) {
          if (!seen.has(n)) {
            seen.add(n);
            stack.push(n);
          }
        }
      }
      out.push(comp);
    }
    return out;
  }

  weight(path: N[]): number {
    let w = 0;
    for (let i = 1; i < path.length; i++) w += this.adj.get(path[i - 1])?.get(path[i]) ?? Infinity;
    return w;
  }
}

const g = new Graph<string>();
const edges: [string, string, number][] = [
  ["A", "B", 4], ["A", "C", 1], ["C", "B", 2], ["B", "D", 5], ["C", "D", 8], ["D", "E", 3], ["X", "Y", 1],
];
for (const [a, b, w] of edges) g.addEdge(a, b, w);
console.log(`nodes: ${g.nodes().join(" ")}`);
for (const [s, t] of [["A", "E"], ["E", "A"], ["A", "Y"], ["X", "X"]]) {
  const p = g.bfs(s, t);
  console.log(`bfs ${s}->${t}: ${p ? `${p.join("-")} (weight ${g.weight(p)})` : "unreachable"}`);
}
const paths = g.allPaths("A", "E").sort((p, q) => g.weight(p) - g.weight(q));
paths.forEach((p) => console.log(`  ${p.join("-")} = ${g.weight(p)}`));
console.log(`components: ${g.components().map((c) => `{${c.sort().join(",")}}`).join(" ")}`);

const grid = new Graph<number>();
const W = 4;
const walls = new Set([5, 6, 9]);
for (let i = 0; i < 16; i++) {
  if (walls.has(i)) continue;
  if (i % W < W - 1 && !walls.has(i + 1)) grid.addEdge(i, i + 1);
  if (i + W < 16 && !walls.has(i + W)) grid.addEdge(i, i + W);
}
const route = grid.bfs(0, 15) ?? [];
console.log(`grid route: ${route.join(" ")} (${route.length - 1} steps)`);
for (let r = 0; r < 4; r++) {
  let line = "";
  for (let c = 0; c < W; c++) {
    const i = r * W + c;
    line += walls.has(i) ? "#" : route.includes(i) ? "*" : ".";
  }
  console.log(line);
}
const dg = new Graph<string>();
dg.addEdge("a", "b", 1, true);
dg.addEdge("b", "c", 1, true);
console.log(`directed a->c ${dg.bfs("a", "c")?.join("") ?? "none"}, c->a ${dg.bfs("c", "a")?.join("") ?? "none"}`);
