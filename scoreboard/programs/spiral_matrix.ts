// features: integers, template-literals, string-methods, array-methods, arrows, tuples, for-of, default-params, spread, optional-chaining, nullish, destructuring, object-literals
function spiral(n: number, m = n): number[][] {
  const grid = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  let top = 0, bottom = n - 1, left = 0, right = m - 1;
  let k = 1;
  while (top <= bottom && left <= right) {
    for (let c = left; c <= right; c++) grid[top][c] = k++;
    top++;
    for (let r = top; r <= bottom; r++) grid[r][right] = k++;
    right--;
    if (top <= bottom) {
      for (let c = right; c >= left; c--) grid[bottom][c] = k++;
      bottom--;
    }
    if (left <= right) {
      for (let r = bottom; r >= top; r--) grid[r][left] = k++;
      left++;
    }
  }
  return grid;
}

function readSpiral(grid: number[][]): number[] {
  const out: number[] = [];
  const g = grid.map((r) => [...r]);
  while (g.length) {
    out.push(...g.shift()!);
    for (const row of g) if (row.length) out.push(row.pop()!);
    if (g.length) out.push(...g.pop()!.reverse());
    for (let i = g.length - 1; i >= 0; i--) if (g[i].length) out.push(g[i].shift()!);
  }
  return out;
}

function show(grid: number[][]): void {
  const width = String(grid.length * (grid[0]?.length ?? 0)).length + 1;
  for (const row of grid) console.log(row.map((v) => String(v).padStart(width)).join(""));
}

const rotate = (g: number[][]): number[][] => g[0].map((_, c) => g.map((row) => row[c]).reverse());

for (const [n, m] of [[4, 4], [3, 5], [5, 2], [1, 1]] as [number, number][]) {
  const g = spiral(n, m);
  console.log(`spiral ${n}x${m}:`);
  show(g);
  const back = readSpiral(g);
  console.log(`  reads back in order: ${back.every((v, i) => v === i + 1)}`);
}
const s = spiral(5);
const diag = s.map((row, i) => row[i]).reduce((a, b) => a + b, 0);
const anti = s.map((row, i) => row[row.length - 1 - i]).reduce((a, b) => a + b, 0);
console.log(`5x5 diagonals: ${diag} and ${anti}`);
console.log("rotated 3x5:");
show(rotate(spiral(3, 5)));
