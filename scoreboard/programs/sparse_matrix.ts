// features: classes, map-set, floats, template-literals, for-of, destructuring, static, string-methods, array-methods, tuples, nullish, accessors, readonly, private, arrows, object-literals
class SparseMatrix {
  private cells = new Map<string, number>();

  constructor(readonly rows: number, readonly cols: number) {}

  private static key(r: number, c: number): string {
    return `${r},${c}`;
  }

  static fromDense(d: number[][]): SparseMatrix {
    const m = new SparseMatrix(d.length, d[0].length);
    d.forEach((row, r) => row.forEach((v, c) => m.set(r, c, v)));
    return m;
  }

  get(r: number, c: number): number {
    return this.cells.get(SparseMatrix.key(r, c)) ?? 0;
  }

  set(r: number, c: number, v: number): void {
    const k = SparseMatrix.key(r, c);
    if (v === 0) this.cells.delete(k);
    else this.cells.set(k, v);
  }

  get nonZeros(): number {
    return this.cells.size;
  }

  entries(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (const [k, v] of this.cells) {
      const [r, c] = k.split(",").map(Number);
      out.push([r, c, v]);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  mulVec(x: number[]): number[] {
    const y = new Array<number>(this.rows).fill(0);
    for (const [r, c, v] of this.entries()) y[r] += v * x[c];
    return y;
  }

  add(o: SparseMatrix): SparseMatrix {
    const out = new SparseMatrix(this.rows, this.cols);
    for (const [r, c, v] of this.entries()) out.set(r, c, v);
    for (const [r, c, v] of o.entries()) out.set(r, c, out.get(r, c) + v);
    return out;
  }

  transpose(): SparseMatrix {
    const out = new SparseMatrix(this.cols, this.rows);
    for (const [r, c, v] of this.entries()) out.set(c, r, v);
    return out;
  }

  density(): string {
    return ((100 * this.nonZeros) / (this.rows * this.cols)).toFixed(1) + "%";
  }

  render(): string {
    const lines: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < this.cols; c++) row.push(String(this.get(r, c)).padStart(5));
      lines.push(row.join(""));
    }
    return lines.join("\n");
  }
}

const a = SparseMatrix.fromDense([
  [4, 0, 0, 0, 1],
  [0, 0, 2.5, 0, 0],
  [0, 0, 0, 0, 0],
  [-1, 0, 0, 3, 0],
]);
console.log(`a: ${a.nonZeros} non-zeros, density ${a.density()}`);
console.log(a.render());
console.log(`entries: ${a.entries().map(([r, c, v]) => `(${r},${c})=${v}`).join(" ")}`);
console.log(`a * [1,2,3,4,5] = [${a.mulVec([1, 2, 3, 4, 5]).join(", ")}]`);
const t = a.transpose();
console.log(`transpose ${t.rows}x${t.cols}:`);
console.log(t.render());
const b = new SparseMatrix(4, 5);
b.set(0, 0, -4);
b.set(2, 2, 0.5);
b.set(3, 4, 7);
const s = a.add(b);
console.log(`a + b: ${s.nonZeros} non-zeros, density ${s.density()}`);
console.log(s.render());

const n = 1000;
const big = new SparseMatrix(n, n);
for (let i = 0; i < n; i++) {
  big.set(i, i, 2);
  if (i + 1 < n) big.set(i, i + 1, -1);
  if (i > 0) big.set(i, i - 1, -1);
}
const y = big.mulVec(Array.from({ length: n }, (_, i) => i * 0.5));
console.log(`tridiagonal ${n}x${n}: nnz ${big.nonZeros}, density ${big.density()}, y[0]=${y[0]} y[500]=${y[500]} y[999]=${y[999]}`);
