// features: integers, labeled-loops, string-methods, for-of, template-literals, nullable, array-methods, tuples, spread, arrows, math, type-aliases, floats
type Problem = [string, number, number];

function parseGrid(rows: string[]): number[][] {
  return rows.map((r) => r.split("").map((c) => (c === "." ? 0 : c.charCodeAt(0) - 48)));
}

function firstProblem(g: number[][]): Problem | null {
  for (let i = 0; i < 9; i++) {
    const rowSeen = new Array<boolean>(10).fill(false);
    const colSeen = new Array<boolean>(10).fill(false);
    for (let j = 0; j < 9; j++) {
      const r = g[i][j];
      const c = g[j][i];
      if (r !== 0) {
        if (rowSeen[r]) return ["row", i, r];
        rowSeen[r] = true;
      }
      if (c !== 0) {
        if (colSeen[c]) return ["column", i, c];
        colSeen[c] = true;
      }
    }
  }
  boxes: for (let b = 0; b < 9; b++) {
    const seen = new Array<boolean>(10).fill(false);
    const r0 = Math.floor(b / 3) * 3;
    const c0 = (b % 3) * 3;
    for (let r = r0; r < r0 + 3; r++) {
      for (let c = c0; c < c0 + 3; c++) {
        const v = g[r][c];
        if (v === 0) continue;
        if (seen[v]) return ["box", b, v];
        seen[v] = true;
      }
    }
    continue boxes;
  }
  return null;
}

function solve(g: number[][]): boolean {
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      if (g[r][c] !== 0) continue;
      for (let v = 1; v <= 9; v++) {
        g[r][c] = v;
        if (firstProblem(g) === null && solve(g)) return true;
      }
      g[r][c] = 0;
      return false;
    }
  }
  return true;
}

const puzzle = [
  "53..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1",
  "7...2...6", ".6....28.", "...419..5", "....8..79",
];
const grid = parseGrid(puzzle);
console.log(`puzzle valid so far: ${firstProblem(grid) === null}`);
const blanks = grid.reduce((n, row) => n + row.filter((v) => v === 0).length, 0);
console.log(`blanks: ${blanks}`);
console.log(`solved: ${solve(grid)}`);
for (const row of grid) console.log(row.join(" "));
const broken = parseGrid(puzzle);
broken[0][2] = 5;
const p1 = firstProblem(broken);
console.log(p1 ? `broken: duplicate ${p1[2]} in ${p1[0]} ${p1[1]}` : "broken: fine");
const broken2 = parseGrid(puzzle);
broken2[1][1] = 9;
const p2 = firstProblem(broken2);
console.log(p2 ? `broken2: duplicate ${p2[2]} in ${p2[0]} ${p2[1]}` : "broken2: fine");
