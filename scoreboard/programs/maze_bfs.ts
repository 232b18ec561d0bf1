// features: type-aliases, object-literals, literal-unions, tuples, destructuring, map-set, nullable, nullish, arrows, array-methods, template-literals, optional-chaining, for-of
type Cell = "." | "#" | "S" | "E";
type Point = { x: number; y: number };

const maze = [
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
];

function parse(lines: string[]): { grid: Cell[][]; start: Point; end: Point } {
  let start: Point = { x: 0, y: 0 };
  let end: Point = { x: 0, y: 0 };
  const grid = lines.map((line, y) =>
    line.split("").map((ch, x) => {
      if (ch === "S") start = { x, y };
      if (ch === "E") end = { x, y };
      return ch as Cell;
    }),
  );
  return { grid, start, end };
}

function bfs(grid: Cell[][], start: Point, end: Point): Point[] | null {
  const key = (p: Point) => `${p.x},${p.y}`;
  const prev = new Map<string, Point | null>([[key(start), null]]);
  const queue: Point[] = [start];
  const dirs: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    if (cur.x === end.x && cur.y === end.y) {
      const path: Point[] = [];
      let p: Point | null = cur;
      while (p) { path.unshift(p); p = prev.get(key(p)) ?? null; }
      return path;
    }
    for (const [dx, dy] of dirs) {
      const n = { x: cur.x + dx, y: cur.y + dy };
      if (n.y < 0 || n.y >= grid.length || n.x < 0 || n.x >= grid[0].length) continue;
      if (grid[n.y][n.x] === "#" || prev.has(key(n))) continue;
      prev.set(key(n), cur);
      queue.push(n);
    }
  }
  return null;
}

const { grid, start, end } = parse(maze);
const path = bfs(grid, start, end);
if (path) {
  console.log(`path length ${path.length - 1}`);
  const onPath = new Set(path.map((p) => `${p.x},${p.y}`));
  grid.forEach((row, y) => console.log(row.map((c, x) => (c === "." && onPath.has(`${x},${y}`) ? "*" : c)).join("")));
} else console.log("no path");
grid[2][3] = "#";
console.log(bfs(grid, start, end)?.length ?? "blocked");
