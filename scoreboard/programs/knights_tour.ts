// features: integers, tuples, array-methods, arrows, template-literals, string-methods, for-of, recursion, readonly, nullable, destructuring, object-literals
const MOVES: readonly [number, number][] = [[2, 1], [1, 2], [-1, 2], [-2, 1], [-2, -1], [-1, -2], [1, -2], [2, -1]];

function tour(n: number, startR: number, startC: number): number[][] | null {
  const board = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const onBoard = (r: number, c: number) => r >= 0 && c >= 0 && r < n && c < n && board[r][c] === 0;
  const degree = (r: number, c: number) => MOVES.filter(([dr, dc]) => onBoard(r + dr, c + dc)).length;
  let r = startR;
  let c = startC;
  board[r][c] = 1;
  for (let step = 2; step <= n * n; step++) {
    const options = MOVES.map(([dr, dc]) => [r + dr, c + dc] as [number, number])
      .filter(([nr, nc]) => onBoard(nr, nc))
      .sort((a, b) => degree(a[0], a[1]) - degree(b[0], b[1]));
    if (options.length === 0) return null;
    [r, c] = options[0];
    board[r][c] = step;
  }
  return board;
}

function countTours(n: number, r: number, c: number, board: number[][], step: number): number {
  if (step > n * n) return 1;
  let total = 0;
  for (const [dr, dc] of MOVES) {
    const nr = r + dr;
    const nc = c + dc;
    if (nr < 0 || nc < 0 || nr >= n || nc >= n || board[nr][nc] !== 0) continue;
    board[nr][nc] = step;
    total += countTours(n, nr, nc, board, step + 1);
    board[nr][nc] = 0;
  }
  return total;
}

for (const [n, r, c] of [[5, 0, 0], [6, 0, 0], [8, 0, 0], [8, 3, 4]] as [number, number, number][]) {
  const b = tour(n, r, c);
  console.log(`${n}x${n} from (${r},${c}): ${b ? "complete" : "stuck"}`);
  if (b && n <= 6) for (const row of b) console.log("  " + row.map((v) => String(v).padStart(3)).join(""));
  if (b && n === 8) console.log(`  last square reached: ${b.flat().indexOf(64)}, corner values ${b[0][0]} ${b[0][7]} ${b[7][0]} ${b[7][7]}`);
}
const b5 = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
b5[0][0] = 1;
console.log(`open tours on 5x5 from a corner: ${countTours(5, 0, 0, b5, 2)}`);
