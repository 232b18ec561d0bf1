// matmul: 200x200 u32 matrix multiply with wrapping arithmetic, 60 times; checksum.
// Output: "matmul <checksum>", identical to bench/c/matmul.c.

/** Linear congruential generator (Numerical Recipes constants). */
class Lcg {
  constructor(private state: u32) {}

  next(): u32 {
    this.state = this.state * 1664525 + 1013904223;
    return this.state;
  }
}

/** An n x n row-major matrix. */
class Matrix {
  readonly data: u32[];

  constructor(readonly n: u32) {
    this.data = new Array<u32>(n * n).fill(0);
  }
}

/** c = a * b (i-k-j loop order). */
function multiply(a: Matrix, b: Matrix, c: Matrix): void {
  const n = a.n;
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  cd.fill(0);
  for (let i: u32 = 0; i < n; i++) {
    for (let k: u32 = 0; k < n; k++) {
      const aik = ad[i * n + k];
      for (let j: u32 = 0; j < n; j++) cd[i * n + j] += aik * bd[k * n + j];
    }
  }
}

export function main(): void {
  const n: u32 = 200;
  const reps: u32 = 60;
  const a = new Matrix(n);
  const b = new Matrix(n);
  const c = new Matrix(n);
  const rng = new Lcg(7);
  for (let i: u32 = 0; i < n * n; i++) {
    a.data[i] = rng.next() >>> 16;
    b.data[i] = rng.next() >>> 16;
  }
  let sum: u32 = 0;
  for (let r: u32 = 0; r < reps; r++) {
    multiply(a, b, c);
    for (let i: u32 = 0; i < n * n; i++) sum += c.data[i];
    a.data[r] = sum; // feed the result back so repetitions are not redundant
  }
  console.log(`matmul ${sum}`);
}

main();
