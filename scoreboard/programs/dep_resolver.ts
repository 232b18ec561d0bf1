// features: map-set, classes, private, recursion, array-methods, arrows, template-literals, for-of, nullable, spread
class DependencyGraph {
  private edges = new Map<string, string[]>();

  add(pkg: string, ...deps: string[]): this {
    const list = this.edges.get(pkg) ?? [];
    list.push(...deps);
    this.edges.set(pkg, list);
    for (const d of deps) if (!this.edges.has(d)) this.edges.set(d, []);
    return this;
  }

  depsOf(pkg: string): readonly string[] {
    return this.edges.get(pkg) ?? [];
  }

  // Depth-first, reporting the first cycle found as a path.
  order(): { order: string[]; cycle: string[] | null } {
    const done = new Set<string>();
    const onStack: string[] = [];
    const order: string[] = [];
    let cycle: string[] | null = null;

    const visit = (n: string): void => {
      if (cycle !== null || done.has(n)) return;
      const at = onStack.indexOf(n);
      if (at >= 0) {
        cycle = [...onStack.slice(at), n];
        return;
      }
      onStack.push(n);
      for (const d of this.depsOf(n)) visit(d);
      onStack.pop();
      if (cycle === null) {
        done.add(n);
        order.push(n);
      }
    };
    for (const n of [...this.edges.keys()].sort()) visit(n);
    return { order, cycle };
  }

  // Kahn's algorithm, level by level.
  levels(): string[][] {
    const indeg = new Map<string, number>();
    for (const [n, deps] of this.edges) indeg.set(n, deps.length);
    const levels: string[][] = [];
    const placed = new Set<string>();
    while (placed.size < this.edges.size) {
      const level = [...indeg].filter(([n, d]) => d === 0 && !placed.has(n)).map(([n]) => n).sort();
      if (level.length === 0) break;
      level.forEach((n) => placed.add(n));
      for (const [n, deps] of this.edges) {
        if (!placed.has(n)) indeg.set(n, deps.filter((d) => !placed.has(d)).length);
      }
      levels.push(level);
    }
    return levels;
  }

  transitive(pkg: string): Set<string> {
    const seen = new Set<string>();
    const stack = [...this.depsOf(pkg)];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      stack.push(...this.depsOf(d));
    }
    return seen;
  }
}

const g = new DependencyGraph()
  .add("app", "web", "db", "log")
  .add("web", "http", "log", "template")
  .add("db", "pool", "log")
  .add("http", "net")
  .add("pool", "net")
  .add("template", "escape");

const r = g.order();
console.log(`install order: ${r.order.join(" ")}`);
console.log(`cycle: ${r.cycle === null ? "none" : r.cycle.join(" -> ")}`);
g.levels().forEach((lv, i) => console.log(`level ${i}: ${lv.join(", ")}`));
for (const p of ["app", "web", "net"]) {
  const t = [...g.transitive(p)].sort();
  console.log(`${p} needs ${t.length}: ${t.join(" ") || "-"}`);
}

g.add("net", "log").add("log", "config").add("config", "app");
const r2 = g.order();
console.log(`after adding config -> app: cycle ${r2.cycle?.join(" -> ") ?? "none"}`);
console.log(`partial order: ${r2.order.join(" ")}`);
const lv2 = g.levels();
console.log(`levels before stall: ${lv2.map((l) => l.join("+")).join(" | ")}`);
