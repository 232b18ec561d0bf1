// features: recursion, literal-unions, type-aliases, integers, array-methods, arrows, template-literals, nullable, tuples, spread, nullish, for-of, math, destructuring
type Mark = "X" | "O";
type Cell = Mark | null;
type Board = Cell[];

const LINES: [number, number, number][] = [
  [0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6],
];

function winner(b: Board): Mark | null {
  for (const [a, c, d] of LINES) if (b[a] !== null && b[a] === b[c] && b[a] === b[d]) return b[a];
  return null;
}

const other = (m: Mark): Mark => (m === "X" ? "O" : "X");
let nodes = 0;

function minimax(b: Board, turn: Mark, me: Mark, depth: number): number {
  nodes++;
  const w = winner(b);
  if (w !== null) return w === me ? 10 - depth : depth - 10;
  if (b.every((c) => c !== null)) return 0;
  let best = turn === me ? -Infinity : Infinity;
  for (let i = 0; i < 9; i++) {
    if (b[i] !== null) continue;
    b[i] = turn;
    const s = minimax(b, other(turn), me, depth + 1);
    b[i] = null;
    best = turn === me ? Math.max(best, s) : Math.min(best, s);
  }
  return best;
}

function bestMove(b: Board, turn: Mark): number {
  let move = -1;
  let best = -Infinity;
  for (let i = 0; i < 9; i++) {
    if (b[i] !== null) continue;
    b[i] = turn;
    const s = minimax(b, other(turn), turn, 1);
    b[i] = null;
    if (s > best) {
      best = s;
      move = i;
    }
  }
  return move;
}

function render(b: Board): string {
  return [0, 3, 6].map((r) => b.slice(r, r + 3).map((c) => c ?? ".").join("")).join(" / ");
}

function playFrom(start: Board, turn: Mark): void {
  const b = [...start];
  while (winner(b) === null && b.some((c) => c === null)) {
    const m = bestMove(b, turn);
    b[m] = turn;
    console.log(`${turn} plays ${m}: ${render(b)}`);
    turn = other(turn);
  }
  console.log(`result: ${winner(b) ?? "draw"} (${nodes} nodes searched)`);
  nodes = 0;
}

playFrom(new Array<Cell>(9).fill(null), "X");
playFrom(["X", null, null, null, "O", null, null, null, "X"], "O");
playFrom(["X", "X", null, "O", "O", null, null, null, null], "X");
playFrom(["O", null, "X", null, "X", null, null, null, null], "O");
