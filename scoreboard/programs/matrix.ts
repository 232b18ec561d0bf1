// features: classes, static, floats, math, readonly, array-methods, arrows, template-literals, fluent, string-methods, default-params
class Matrix {
  readonly data: number[][];

  constructor(readonly rows: number, readonly cols: number, fill = 0) {
    this.data = [];
    for (let r = 0; r < rows; r++) {
      const row: number[] = [];
      for (let c = 0; c < cols; c++) row.push(fill);
      this.data.push(row);
    }
  }

  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i][i] = 1;
    return m;
  }

  static from(rows: number[][]): Matrix {
    const m = new Matrix(rows.length, rows[0].length);
    rows.forEach((row, r) => row.forEach((v, c) => (m.data[r][c] = v)));
    return m;
  }

  set(r: number, c: number, v: number): this {
    this.data[r][c] = v;
    return this;
  }

  mul(o: Matrix): Matrix {
    const out = new Matrix(this.rows, o.cols);
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < o.cols; j++) {
        let s = 0;
        for (let k = 0; k < this.cols; k++) s += this.data[i][k] * o.data[k][j];
        out.data[i][j] = s;
      }
    return out;
  }

  transpose(): Matrix {
    const out = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) out.data[j][i] = this.data[i][j];
    return out;
  }

  determinant(): number {
    if (this.rows === 1) return this.data[0][0];
    if (this.rows === 2) return this.data[0][0] * this.data[1][1] - this.data[0][1] * this.data[1][0];
    let det = 0;
    for (let c = 0; c < this.cols; c++) {
      const minor = Matrix.from(this.data.slice(1).map((row) => row.filter((_, j) => j !== c)));
      det += (c % 2 === 0 ? 1 : -1) * this.data[0][c] * minor.determinant();
    }
    return det;
  }

  scale(k: number): Matrix {
    return Matrix.from(this.data.map((row) => row.map((v) => v * k)));
  }

  toString(): string {
    return this.data.map((row) => row.map((v) => v.toFixed(2).padStart(8)).join("")).join("\n");
  }
}

const a = Matrix.from([
  [1, 2, 3],
  [4, 5, 6],
]);
const b = Matrix.from([
  [7, 8],
  [9, 10],
  [11, 12],
]);
console.log("A*B =");
console.log(a.mul(b).toString());
console.log("A^T =");
console.log(a.transpose().toString());
const sq = Matrix.from([
  [2, -1, 0],
  [-1, 2, -1],
  [0, -1, 2],
]);
console.log(`det = ${sq.determinant()}`);
console.log(`det(I4) = ${Matrix.identity(4).determinant()}`);
const rot = Matrix.from([
  [Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6)],
  [Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)],
]);
let p = Matrix.from([[1], [0]]);
for (let i = 0; i < 3; i++) {
  p = rot.mul(p);
  console.log(`rotated ${(i + 1) * 30} deg: (${p.data[0][0].toFixed(4)}, ${p.data[1][0].toFixed(4)})`);
}
console.log(`det(rot) = ${rot.determinant().toFixed(6)}`);
console.log(sq.scale(0.5).set(0, 0, 9).toString());
