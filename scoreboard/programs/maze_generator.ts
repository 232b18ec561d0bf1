// features: classes, private, integers, array-methods, arrows, template-literals, for-of, tuples, destructuring, recursion, closures, map-set
function lcg(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

type Cell = [number, number];

class Maze {
  private walls: boolean[][][];
  constructor(readonly w: number, readonly h: number) {
    this.walls = Array.from({ length: h }, () => Array.from({ length: w }, () => [true, true, true, true]));
  }

  static readonly DIRS: [number, number, number, number][] = [
    [0, -1, 0, 2],
    [1, 0, 1, 3],
    [0, 1, 2, 0],
    [-1, 0, 3, 1],
  ];

  carve(rand: (n: number) => number): void {
    const seen = new Set<string>();
    const stack: Cell[] = [[0, 0]];
    seen.add("0,0");
    while (stack.length > 0) {
      const [x, y] = stack[stack.length - 1];
      const options = Maze.DIRS.filter(([dx, dy]) => {
        const nx = x + dx, ny = y + dy;
        return nx >= 0 && ny >= 0 && nx < this.w && ny < this.h && !seen.has(`${nx},${ny}`);
      });
      if (options.length === 0) {
        stack.pop();
        continue;
      }
      const [dx, dy, wall, opposite] = options[rand(options.length)];
      const nx = x + dx, ny = y + dy;
      this.walls[y][x][wall] = false;
      this.walls[ny][nx][opposite] = false;
      seen.add(`${nx},${ny}`);
      stack.push([nx, ny]);
    }
  }

  solve(): Cell[] {
    const prev = new Map<string, Cell | null>([["0,0", null]]);
    const queue: Cell[] = [[0, 0]];
    const goal = `${this.w - 1},${this.h - 1}`;
    while (queue.length) {
      const [x, y] = queue.shift()!;
      if (`${x},${y}` === goal) break;
      Maze.DIRS.forEach(([dx, dy, wall]) => {
        const key = `${x + dx},${y + dy}`;
        if (!this.walls[y][x][wall] && !prev.has(key)) {
          prev.set(key, [x, y]);
          queue.push([x + dx, y + dy]);
        }
      });
    }
    const path: Cell[] = [];
    let cur: Cell | null | undefined = [this.w - 1, this.h - 1];
    while (cur) {
      path.unshift(cur);
      cur = prev.get(`${cur[0]},${cur[1]}`);
    }
    return path;
  }

  render(path: Cell[] = []): string {
    const on = new Set(path.map(([x, y]) => `${x},${y}`));
    const lines = ["+" + "--+".repeat(this.w)];
    for (let y = 0; y < this.h; y++) {
      let row = "|";
      let below = "+";
      for (let x = 0; x < this.w; x++) {
        row += (on.has(`${x},${y}`) ? "()" : "  ") + (this.walls[y][x][1] ? "|" : " ");
        below += (this.walls[y][x][2] ? "--" : "  ") + "+";
      }
      lines.push(row, below);
    }
    return lines.join("\n");
  }

  deadEnds(): number {
    let n = 0;
    for (const row of this.walls) for (const cell of row) if (cell.filter((w) => w).length === 3) n++;
    return n;
  }
}

for (const [w, h, seed] of [[6, 4, 7], [10, 6, 2024]]) {
  const m = new Maze(w, h);
  m.carve(lcg(seed));
  const path = m.solve();
  console.log(`${w}x${h} seed ${seed}: path length ${path.length}, dead ends ${m.deadEnds()}`);
  console.log(m.render(path));
}
