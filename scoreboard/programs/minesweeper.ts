// features: classes, integers, private, readonly, tuples, string-methods, array-methods, arrows, template-literals, recursion, closures, accessors, for-of, math, literal-unions, destructuring, default-params, object-literals
class Minefield {
  private mines: boolean[][];
  private open: boolean[][];
  private flagged: boolean[][];
  revealed = 0;

  constructor(readonly rows: number, readonly cols: number, count: number, seed: number) {
    const grid = () => Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
    this.mines = grid();
    this.open = grid();
    this.flagged = grid();
    let s = seed;
    let placed = 0;
    while (placed < count) {
      s = (s * 48271) % 2147483647;
      const cell = s % (rows * cols);
      const [r, c] = [Math.floor(cell / cols), cell % cols];
      if (!this.mines[r][c] && !(r === 0 && c === 0)) {
        this.mines[r][c] = true;
        placed++;
      }
    }
  }

  private neighbors(r: number, c: number): [number, number][] {
    const out: [number, number][] = [];
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const [nr, nc] = [r + dr, c + dc];
        if ((dr || dc) && nr >= 0 && nc >= 0 && nr < this.rows && nc < this.cols) out.push([nr, nc]);
      }
    return out;
  }

  count(r: number, c: number): number {
    return this.neighbors(r, c).filter(([nr, nc]) => this.mines[nr][nc]).length;
  }

  reveal(r: number, c: number): "boom" | "ok" | "already" {
    if (this.open[r][c]) return "already";
    if (this.mines[r][c]) return "boom";
    const flood = (rr: number, cc: number): void => {
      if (this.open[rr][cc] || this.mines[rr][cc]) return;
      this.open[rr][cc] = true;
      this.revealed++;
      if (this.count(rr, cc) === 0) this.neighbors(rr, cc).forEach(([a, b]) => flood(a, b));
    };
    flood(r, c);
    return "ok";
  }

  flag(r: number, c: number): void {
    this.flagged[r][c] = !this.flagged[r][c];
  }

  render(showMines = false): string[] {
    return this.mines.map((row, r) =>
      row.map((m, c) => (this.open[r][c] ? String(this.count(r, c) || " ") : showMines && m ? "*" : this.flagged[r][c] ? "F" : "#")).join(""),
    );
  }

  get won(): boolean {
    const mines = this.mines.flat().filter((m) => m).length;
    return this.revealed === this.rows * this.cols - mines;
  }
}

const field = new Minefield(8, 12, 14, 2026);
console.log(`reveal (0,0): ${field.reveal(0, 0)}, opened ${field.revealed}`);
for (const line of field.render()) console.log(`  ${line}`);
for (const [r, c] of [[7, 11], [0, 0], [4, 6], [7, 0]] as [number, number][]) console.log(`reveal (${r},${c}): ${field.reveal(r, c)}, opened ${field.revealed}`);
field.flag(3, 3);
for (const line of field.render(true)) console.log(`  ${line}`);
console.log(`won: ${field.won}`);
