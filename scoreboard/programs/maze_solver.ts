// features: tuples, integers, string-methods, array-methods, arrows, template-literals, nullable, for-of, labeled-loops, destructuring, type-aliases
type Pos = [number, number];

const MAZE = [
  "#####################",
  "#S  #     #       # #",
  "# # # ### # ##### # #",
  "# #   #   #   #     #",
  "# ##### ##### # #####",
  "#     #       #     #",
  "##### # ########### #",
  "#   # #     #     # #",
  "# # # ##### # ### # #",
  "# #       #   #    E#",
  "#####################",
];

function find(grid: string[], ch: string): Pos | null {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(ch);
    if (c >= 0) return [r, c];
  }
  return null;
}

function solve(grid: string[]): Pos[] | null {
  const start = find(grid, "S");
  const end = find(grid, "E");
  if (!start || !end) return null;
  const h = grid.length;
  const w = grid[0].length;
  const prev: (Pos | null)[][] = grid.map((row) => new Array<Pos | null>(row.length).fill(null));
  const seen = grid.map((row) => new Array<boolean>(row.length).fill(false));
  const queue: Pos[] = [start];
  seen[start[0]][start[1]] = true;
  let found = false;
  search: while (queue.length > 0) {
    const [r, c] = queue.shift()!;
    for (const [dr, dc] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
      const nr = r + dr;
      const nc = c + dc;
      if (nr < 0 || nc < 0 || nr >= h || nc >= w || seen[nr][nc] || grid[nr][nc] === "#") continue;
      seen[nr][nc] = true;
      prev[nr][nc] = [r, c];
      if (nr === end[0] && nc === end[1]) {
        found = true;
        break search;
      }
      queue.push([nr, nc]);
    }
  }
  if (!found) return null;
  const path: Pos[] = [];
  let cur: Pos | null = end;
  while (cur) {
    path.unshift(cur);
    cur = prev[cur[0]][cur[1]];
  }
  return path;
}

const path = solve(MAZE);
if (path === null) {
  console.log("no path");
} else {
  console.log(`path length ${path.length - 1}`);
  const rows = MAZE.map((r) => r.split(""));
  for (const [r, c] of path.slice(1, -1)) rows[r][c] = ".";
  for (const row of rows) console.log(row.join(""));
  const turns = path.slice(2).filter((p, i) => {
    const a = path[i];
    return a[0] !== p[0] && a[1] !== p[1];
  }).length;
  console.log(`turns: ${turns}`);
}
const blocked = MAZE.map((r, i) => (i === 9 ? r.replace("   E", "#  E") : r));
blocked[8] = blocked[8].slice(0, 18) + "#" + blocked[8].slice(19);
console.log(`blocked maze: ${solve(blocked) === null ? "no path" : "path found"}`);
