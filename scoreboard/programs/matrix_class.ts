// features: classes, static, readonly, private, floats, math, array-methods, arrows, template-literals, string-methods, for-of, tuples, destructuring, fluent, rest-params
class Matrix {
  private constructor(readonly rows: number, readonly cols: number, private readonly data: number[]) {}
  static zeros(rows: number, cols: number): Matrix { return new Matrix(rows, cols, new Array<number>(rows * cols).fill(0)); }
  static identity(n: number): Matrix {
    const m = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) m.set(i, i, 1);
    return m;
  }
  static of(...rows: number[][]): Matrix {
    const cols = rows[0]?.length ?? 0;
    if (rows.some((r) => r.length !== cols)) throw new RangeError("ragged rows");
    return new Matrix(rows.length, cols, rows.flat());
  }
  get(r: number, c: number): number { return this.data[r * this.cols + c]; }
  set(r: number, c: number, v: number): this { this.data[r * this.cols + c] = v; return this; }
  get shape(): [number, number] { return [this.rows, this.cols]; }
  map(f: (v: number, r: number, c: number) => number): Matrix {
    return new Matrix(this.rows, this.cols, this.data.map((v, i) => f(v, Math.floor(i / this.cols), i % this.cols)));
  }
  add(o: Matrix): Matrix { return this.map((v, r, c) => v + o.get(r, c)); }
  scale(k: number): Matrix { return this.map((v) => v * k); }
  mul(o: Matrix): Matrix {
    if (this.cols !== o.rows) throw new RangeError(`cannot multiply ${this.shape.join("x")} by ${o.shape.join("x")}`);
    const out = Matrix.zeros(this.rows, o.cols);
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < o.cols; j++) {
        let s = 0;
        for (let k = 0; k < this.cols; k++) s += this.get(i, k) * o.get(k, j);
        out.set(i, j, s);
      }
    return out;
  }
  transpose(): Matrix { return Matrix.zeros(this.cols, this.rows).map((_, r, c) => this.get(c, r)); }
  determinant(): number {
    if (this.rows !== this.cols) throw new RangeError("not square");
    const n = this.rows;
    const a = this.data.slice();
    let det = 1;
    for (let col = 0; col < n; col++) {
      let pivot = col;
      for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
      if (a[pivot * n + col] === 0) return 0;
      if (pivot !== col) {
        for (let c = 0; c < n; c++) [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c], a[col * n + c]];
        det = -det;
      }
      det *= a[col * n + col];
      for (let r = col + 1; r < n; r++) {
        const f = a[r * n + col] / a[col * n + col];
        for (let c = col; c < n; c++) a[r * n + c] -= f * a[col * n + c];
      }
    }
    return det;
  }
  toString(): string {
    const cells = this.data.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(3)));
    const w = Math.max(...cells.map((s) => s.length));
    const lines: string[] = [];
    for (let r = 0; r < this.rows; r++) lines.push(`| ${cells.slice(r * this.cols, (r + 1) * this.cols).map((s) => s.padStart(w)).join(" ")} |`);
    return lines.join("\n");
  }
}

const a = Matrix.of([1, 2], [3, 4]);
const b = Matrix.of([0.5, -1], [2, 0.25]);
console.log(`a =\n${a}`);
console.log(`a + b =\n${a.add(b)}`);
console.log(`a * b =\n${a.mul(b)}`);
console.log(`a^T * 2 =\n${a.transpose().scale(2)}`);
console.log(`I3 =\n${Matrix.identity(3).set(0, 2, 7)}`);
const [r, c] = Matrix.of([1, 2, 3], [4, 5, 6]).shape;
console.log(`shape ${r}x${c}, det(a) = ${a.determinant()}, det(b) = ${b.determinant()}`);
console.log(`det 3x3 = ${Matrix.of([2, -3, 1], [2, 0, -1], [1, 4, 5]).determinant().toFixed(6)}`);
for (const bad of [() => a.mul(Matrix.of([1, 2, 3])), () => Matrix.of([1, 2], [3]), () => Matrix.of([1, 2, 3]).determinant()]) {
  try {
    bad();
  } catch (e) {
    console.log(e instanceof RangeError ? `RangeError: ${e.message}` : "other");
  }
}
