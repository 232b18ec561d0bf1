// features: recursion, integers, string-methods, array-methods, arrows, closures, map-set, template-literals, for-of, spread, optional-chaining, nullish, destructuring, tuples
const picture = [
  "..........##........",
  "..####....##..####..",
  "..#..#........#..#..",
  "..####...###..####..",
  ".........#.#........",
  "...###...###...##...",
  "...#.#.........##...",
  "...###..............",
];

function regions(grid: string[]): Map<string, number[]> {
  const h = grid.length;
  const w = grid[0].length;
  const label: number[][] = grid.map((r) => new Array<number>(r.length).fill(-1));
  const sizes = new Map<string, number[]>();
  let next = 0;
  const fill = (r: number, c: number, ch: string, id: number): number => {
    if (r < 0 || c < 0 || r >= h || c >= w) return 0;
    if (label[r][c] !== -1 || grid[r][c] !== ch) return 0;
    label[r][c] = id;
    return 1 + fill(r + 1, c, ch, id) + fill(r - 1, c, ch, id) + fill(r, c + 1, ch, id) + fill(r, c - 1, ch, id);
  };
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (label[r][c] !== -1) continue;
      const ch = grid[r][c];
      const size = fill(r, c, ch, next++);
      sizes.set(ch, [...(sizes.get(ch) ?? []), size]);
    }
  }
  return sizes;
}

function paint(grid: string[], r: number, c: number, to: string): string[] {
  const cells = grid.map((row) => row.split(""));
  const from = cells[r][c];
  if (from === to) return grid;
  const stack: [number, number][] = [[r, c]];
  let painted = 0;
  while (stack.length) {
    const [y, x] = stack.pop()!;
    if (y < 0 || x < 0 || y >= cells.length || x >= cells[0].length || cells[y][x] !== from) continue;
    cells[y][x] = to;
    painted++;
    stack.push([y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]);
  }
  console.log(`painted ${painted} cells from (${r},${c}) with ${to}`);
  return cells.map((row) => row.join(""));
}

for (const [ch, sizes] of regions(picture)) {
  console.log(`'${ch}': ${sizes.length} regions, sizes ${[...sizes].sort((a, b) => b - a).join(",")}`);
}
let img = paint(picture, 0, 0, "~");
img = paint(img, 2, 3, "o");
img = paint(img, 4, 10, "*");
img = paint(img, 0, 0, "~");
for (const row of img) console.log(row);
const holes = regions(img).get(".")?.length ?? 0;
console.log(`remaining '.' regions: ${holes}`);
