// features: classes, integers, private, recursion, array-methods, arrows, tuples, template-literals, map-set, destructuring, spread, nullish, for-of, type-aliases, object-literals
class UnionFind {
  private parent: number[];
  private rank: number[];
  private sizes: number[];
  components: number;

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.rank = new Array<number>(n).fill(0);
    this.sizes = new Array<number>(n).fill(1);
    this.components = n;
  }

  find(x: number): number {
    if (this.parent[x] !== x) this.parent[x] = this.find(this.parent[x]);
    return this.parent[x];
  }

  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.rank[ra] < this.rank[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.sizes[ra] += this.sizes[rb];
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]++;
    this.components--;
    return true;
  }

  sizeOf(x: number): number {
    return this.sizes[this.find(x)];
  }
}

type WEdge = [number, number, number];

function kruskal(n: number, edges: WEdge[]): { weight: number; used: WEdge[] } {
  const uf = new UnionFind(n);
  const used: WEdge[] = [];
  let weight = 0;
  for (const e of [...edges].sort((a, b) => a[2] - b[2] || a[0] - b[0])) {
    const [u, v, w] = e;
    if (uf.union(u, v)) {
      used.push(e);
      weight += w;
    }
  }
  return { weight, used };
}

const uf = new UnionFind(10);
const pairs: [number, number][] = [[0, 1], [2, 3], [1, 3], [4, 5], [6, 7], [5, 7], [0, 3], [8, 9]];
for (const [a, b] of pairs) {
  const merged = uf.union(a, b);
  console.log(`union(${a},${b}) ${merged ? "merged" : "already joined"} -> ${uf.components} components`);
}
const groups = new Map<number, number[]>();
for (let i = 0; i < 10; i++) {
  const r = uf.find(i);
  groups.set(r, [...(groups.get(r) ?? []), i]);
}
for (const g of groups.values()) console.log(`group {${g.join(",")}} size ${uf.sizeOf(g[0])}`);

const edges: WEdge[] = [
  [0, 1, 7], [0, 3, 5], [1, 2, 8], [1, 3, 9], [1, 4, 7], [2, 4, 5],
  [3, 4, 15], [3, 5, 6], [4, 5, 8], [4, 6, 9], [5, 6, 11],
];
const { weight, used } = kruskal(7, edges);
console.log(`MST weight ${weight} with ${used.length} edges`);
console.log(used.map(([u, v, w]) => `${"ABCDEFG"[u]}${"ABCDEFG"[v]}=${w}`).join(" "));
