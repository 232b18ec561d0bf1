// features: classes, private, recursion, integers, array-methods, arrows, template-literals, for-of, map-set, nullable, tuples
type Grid = number[][];

class Sudoku {
  private grid: Grid;
  guesses = 0;

  constructor(puzzle: string) {
    const digits = puzzle.replace(/[^0-9.]/g, "").split("").map((c) => (c === "." ? 0 : Number(c)));
    this.grid = [];
    for (let r = 0; r < 9; r++) this.grid.push(digits.slice(r * 9, r * 9 + 9));
  }

  private candidates(r: number, c: number): number[] {
    const used = new Set<number>();
    for (let i = 0; i < 9; i++) {
      used.add(this.grid[r][i]);
      used.add(this.grid[i][c]);
    }
    const br = r - (r % 3), bc = c - (c % 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) used.add(this.grid[br + i][bc + j]);
    const out: number[] = [];
    for (let d = 1; d <= 9; d++) if (!used.has(d)) out.push(d);
    return out;
  }

  private bestEmpty(): [number, number, number[]] | null {
    let best: [number, number, number[]] | null = null;
    for (let r = 0; r < 9; r++) {
      for (let c = 0; c < 9; c++) {
        if (this.grid[r][c] !== 0) continue;
        const cand = this.candidates(r, c);
        if (best === null || cand.length < best[2].length) best = [r, c, cand];
        if (cand.length <= 1) return best;
      }
    }
    return best;
  }

  solve(): boolean {
    const cell = this.bestEmpty();
    if (cell === null) return true;
    const [r, c, cand] = cell;
    for (const d of cand) {
      this.guesses++;
      this.grid[r][c] = d;
      if (this.solve()) return true;
    }
    this.grid[r][c] = 0;
    return false;
  }

  valid(): boolean {
    const ok = (xs: number[]) => xs.slice().sort((a, b) => a - b).join("") === "123456789";
    for (let i = 0; i < 9; i++) {
      const row = this.grid[i];
      const col = this.grid.map((rw) => rw[i]);
      const box: number[] = [];
      for (let k = 0; k < 9; k++) box.push(this.grid[3 * Math.floor(i / 3) + Math.floor(k / 3)][3 * (i % 3) + (k % 3)]);
      if (!ok(row) || !ok(col) || !ok(box)) return false;
    }
    return true;
  }

  toString(): string {
    return this.grid
      .map((row, r) => {
        const line = row.map((d, c) => `${d === 0 ? "." : d}${c % 3 === 2 && c < 8 ? " |" : ""}`).join(" ");
        return r % 3 === 2 && r < 8 ? `${line}\n------+-------+------` : line;
      })
      .join("\n");
  }
}

const puzzles: [string, string][] = [
  ["easy", "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79"],
  ["hard", "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4.."],
  ["broken", "55..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79"],
];
for (const [name, p] of puzzles) {
  const s = new Sudoku(p);
  const solved = s.solve();
  console.log(`${name}: ${solved ? "solved" : "no solution"} after ${s.guesses} guesses, valid=${s.valid()}`);
  if (solved) console.log(`${s}`);
}
