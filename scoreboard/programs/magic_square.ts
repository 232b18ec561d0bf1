// features: integers, template-literals, string-methods, for-of, math
function siamese(n: number): number[][] {
  const sq: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(0);
    sq.push(row);
  }
  let r = 0;
  let c = Math.floor(n / 2);
  for (let k = 1; k <= n * n; k++) {
    sq[r][c] = k;
    const nr = (r - 1 + n) % n;
    const nc = (c + 1) % n;
    if (sq[nr][nc] !== 0) {
      r = (r + 1) % n;
    } else {
      r = nr;
      c = nc;
    }
  }
  return sq;
}

function isMagic(sq: number[][]): boolean {
  const n = sq.length;
  const target = (n * (n * n + 1)) / 2;
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    let col = 0;
    for (let j = 0; j < n; j++) {
      row += sq[i][j];
      col += sq[j][i];
    }
    if (row !== target || col !== target) return false;
    d1 += sq[i][i];
    d2 += sq[i][n - 1 - i];
  }
  return d1 === target && d2 === target;
}

function show(sq: number[][]): void {
  const w = String(sq.length * sq.length).length + 1;
  for (const row of sq) {
    let line = "";
    for (const v of row) line += String(v).padStart(w);
    console.log(line);
  }
}

for (const n of [3, 5, 7]) {
  const sq = siamese(n);
  console.log(`order ${n}, magic constant ${(n * (n * n + 1)) / 2}, valid ${isMagic(sq)}`);
  show(sq);
}
const broken = siamese(3);
const tmp = broken[0][0];
broken[0][0] = broken[0][1];
broken[0][1] = tmp;
console.log(`after swapping two cells: valid ${isMagic(broken)}`);
const lo = [[2, 7, 6], [9, 5, 1], [4, 3, 8]];
console.log(`lo shu square valid ${isMagic(lo)}`);
