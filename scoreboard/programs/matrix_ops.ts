// features: classes, static, private, floats, math, array-methods, arrows, template-literals, for-of, readonly, fluent, nullable
class Matrix {
  private constructor(readonly rows: number, readonly cols: number, private readonly data: number[]) {}

  static from(rows: number[][]): Matrix {
    return new Matrix(rows.length, rows[0]?.length ?? 0, rows.flat());
  }
  static identity(n: number): Matrix {
    return new Matrix(n, n, Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)));
  }
  static zeros(r: number, c: number): Matrix {
    return new Matrix(r, c, new Array<number>(r * c).fill(0));
  }

  at(r: number, c: number): number {
    return this.data[r * this.cols + c];
  }
  map(f: (v: number, r: number, c: number) => number): Matrix {
    return new Matrix(this.rows, this.cols, this.data.map((v, i) => f(v, Math.floor(i / this.cols), i % this.cols)));
  }
  plus(o: Matrix): Matrix {
    return this.map((v, r, c) => v + o.at(r, c));
  }
  scale(k: number): Matrix {
    return this.map((v) => v * k);
  }
  transpose(): Matrix {
    return Matrix.zeros(this.cols, this.rows).map((_, r, c) => this.at(c, r));
  }
  times(o: Matrix): Matrix | null {
    if (this.cols !== o.rows) return null;
    return Matrix.zeros(this.rows, o.cols).map((_, r, c) => {
      let s = 0;
      for (let k = 0; k < this.cols; k++) s += this.at(r, k) * o.at(k, c);
      return s;
    });
  }
  determinant(): number {
    if (this.rows !== this.cols) return NaN;
    const n = this.rows;
    const a = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => this.at(r, c)));
    let det = 1;
    for (let i = 0; i < n; i++) {
      let p = i;
      for (let r = i + 1; r < n; r++) if (Math.abs(a[r][i]) > Math.abs(a[p][i])) p = r;
      if (a[p][i] === 0) return 0;
      if (p !== i) {
        [a[p], a[i]] = [a[i], a[p]];
        det = -det;
      }
      det *= a[i][i];
      for (let r = i + 1; r < n; r++) {
        const f = a[r][i] / a[i][i];
        for (let c = i; c < n; c++) a[r][c] -= f * a[i][c];
      }
    }
    return det;
  }
  power(k: number): Matrix | null {
    let result: Matrix | null = Matrix.identity(this.rows);
    let base: Matrix | null = this;
    while (k > 0 && result && base) {
      if (k & 1) result = result.times(base);
      base = base.times(base);
      k >>= 1;
    }
    return result;
  }
  toString(digits = 2): string {
    const cells = this.data.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(digits)));
    const w = Math.max(...cells.map((s) => s.length));
    const lines: string[] = [];
    for (let r = 0; r < this.rows; r++) lines.push(`[ ${cells.slice(r * this.cols, (r + 1) * this.cols).map((s) => s.padStart(w)).join(" ")} ]`);
    return lines.join("\n");
  }
}

const a = Matrix.from([[1, 2], [3, 4]]);
const b = Matrix.from([[0, 1], [1, 0]]);
console.log(`a =\n${a}`);
console.log(`a + b =\n${a.plus(b)}`);
console.log(`a * b =\n${a.times(b)}`);
console.log(`b * a =\n${b.times(a)}`);
console.log(`a^T =\n${a.transpose()}`);
console.log(`det a = ${a.determinant()}, det I3 = ${Matrix.identity(3).determinant()}`);
const c = Matrix.from([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]);
console.log(`det c = ${c.determinant().toFixed(6)}; c/3 =\n${c.scale(1 / 3).toString(3)}`);
const fib = Matrix.from([[1, 1], [1, 0]]);
for (const k of [1, 5, 10, 30, 70]) console.log(`fib^${k}: F=${fib.power(k)?.at(0, 1)}`);
const r = Matrix.from([[1, 2, 3]]);
console.log(`row * row: ${r.times(r) === null ? "dimension mismatch" : "?"}; row * row^T = ${r.times(r.transpose())}`);
console.log(`singular det: ${Matrix.from([[1, 2], [2, 4]]).determinant()}, non-square: ${r.determinant()}`);
