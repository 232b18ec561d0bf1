// features: classes, integers, closures, arrows, array-methods, template-literals, private, readonly, labeled-loops, string-methods, nullable, nullish, for-of, math, object-literals
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor(s / 65536);
  };
}

class Card {
  private grid: number[][] = [];
  private marked: boolean[][] = [];
  constructor(readonly name: string, rand: () => number) {
    for (let col = 0; col < 5; col++) {
      const pool = Array.from({ length: 15 }, (_, i) => col * 15 + i + 1);
      const picked: number[] = [];
      while (picked.length < 5) picked.push(pool.splice(rand() % pool.length, 1)[0]);
      this.grid.push(picked);
      this.marked.push(picked.map(() => false));
    }
    this.marked[2][2] = true;
  }

  mark(n: number): boolean {
    for (let c = 0; c < 5; c++) for (let r = 0; r < 5; r++) if (this.grid[c][r] === n) return (this.marked[c][r] = true);
    return false;
  }

  bingo(): string | null {
    for (let i = 0; i < 5; i++) {
      if (this.marked[i].every((m) => m)) return `column ${"BINGO"[i]}`;
      if (this.marked.every((col) => col[i])) return `row ${i + 1}`;
    }
    diag: {
      for (let i = 0; i < 5; i++) if (!this.marked[i][i]) break diag;
      return "diagonal";
    }
    for (let i = 0; i < 5; i++) if (!this.marked[i][4 - i]) return null;
    return "anti-diagonal";
  }

  render(): string[] {
    const rows = ["   B   I   N   G   O"];
    for (let r = 0; r < 5; r++) {
      rows.push(this.grid.map((col, c) => (c === 2 && r === 2 ? "  **" : `${this.marked[c][r] ? "*" : " "}${String(col[r]).padStart(3)}`)).join(""));
    }
    return rows;
  }
}

const rand = lcg(75);
const cards = ["ann", "bob", "cy"].map((n) => new Card(n, rand));
const balls = Array.from({ length: 75 }, (_, i) => i + 1);
const called: number[] = [];
let winner: string | null = null;
while (balls.length && winner === null) {
  const ball = balls.splice(rand() % balls.length, 1)[0];
  called.push(ball);
  for (const c of cards) {
    c.mark(ball);
    const how = c.bingo();
    if (how && winner === null) winner = `${c.name} wins with ${how} after ${called.length} balls`;
  }
}
console.log(`called: ${called.join(" ")}`);
console.log(winner ?? "no winner");
for (const c of cards) {
  console.log(`${c.name}:`);
  for (const row of c.render()) console.log(row);
}
