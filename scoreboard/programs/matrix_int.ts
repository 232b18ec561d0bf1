// features: classes, integers, static, private, template-literals, readonly, for-of, math
class IntMatrix {
  private cells: number[] = [];

  constructor(readonly n: number) {
    for (let i = 0; i < n * n; i++) this.cells.push(0);
  }

  static identity(n: number): IntMatrix {
    const m = new IntMatrix(n);
    for (let i = 0; i < n; i++) m.set(i, i, 1);
    return m;
  }

  get(r: number, c: number): number {
    return this.cells[r * this.n + c];
  }

  set(r: number, c: number, v: number): void {
    this.cells[r * this.n + c] = v;
  }

  mulMod(o: IntMatrix, mod: number): IntMatrix {
    const out = new IntMatrix(this.n);
    for (let i = 0; i < this.n; i++)
      for (let j = 0; j < this.n; j++) {
        let s = 0;
        for (let k = 0; k < this.n; k++) s = (s + this.get(i, k) * o.get(k, j)) % mod;
        out.set(i, j, s);
      }
    return out;
  }

  powMod(e: number, mod: number): IntMatrix {
    let result = IntMatrix.identity(this.n);
    let base: IntMatrix = this;
    while (e > 0) {
      if (e % 2 === 1) result = result.mulMod(base, mod);
      base = base.mulMod(base, mod);
      e = Math.floor(e / 2);
    }
    return result;
  }

  trace(): number {
    let t = 0;
    for (let i = 0; i < this.n; i++) t += this.get(i, i);
    return t;
  }

  row(r: number): string {
    let s = "";
    for (let c = 0; c < this.n; c++) s += (c > 0 ? " " : "") + this.get(r, c);
    return s;
  }
}

const fib = new IntMatrix(2);
fib.set(0, 0, 1);
fib.set(0, 1, 1);
fib.set(1, 0, 1);
const MOD = 1000000007;
for (const e of [1, 2, 10, 50, 90, 1000, 1000000]) {
  const p = fib.powMod(e, MOD);
  console.log(`fib(${e}) mod 1e9+7 = ${p.get(0, 1)}`);
}
const adj = new IntMatrix(4);
const edges = [0, 1, 1, 2, 2, 3, 3, 0, 0, 2];
for (let i = 0; i < edges.length; i += 2) {
  adj.set(edges[i], edges[i + 1], 1);
  adj.set(edges[i + 1], edges[i], 1);
}
for (const k of [1, 2, 3, 4]) {
  const p = adj.powMod(k, MOD);
  console.log(`walks of length ${k}: trace ${p.trace()}, row0 ${p.row(0)}`);
}
const a3 = adj.powMod(3, MOD);
console.log(`triangles in graph: ${Math.floor(a3.trace() / 6)}`);
