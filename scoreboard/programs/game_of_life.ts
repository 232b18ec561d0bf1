// features: classes, integers, string-methods, array-methods, arrows, readonly, static, labeled-loops, for-of, template-literals, private
class Life {
  private cells: boolean[];
  generation = 0;

  constructor(readonly width: number, readonly height: number) {
    this.cells = new Array<boolean>(width * height).fill(false);
  }

  static parse(rows: string[]): Life {
    const life = new Life(rows[0].length, rows.length);
    rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] === "#") life.set(x, y, true);
    });
    return life;
  }

  get(x: number, y: number): boolean {
    const xx = (x + this.width) % this.width;
    const yy = (y + this.height) % this.height;
    return this.cells[yy * this.width + xx];
  }

  set(x: number, y: number, alive: boolean): void {
    this.cells[y * this.width + x] = alive;
  }

  neighbors(x: number, y: number): number {
    let n = 0;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue;
        if (this.get(x + dx, y + dy)) n++;
      }
    return n;
  }

  step(): void {
    const next = new Array<boolean>(this.cells.length).fill(false);
    for (let y = 0; y < this.height; y++)
      for (let x = 0; x < this.width; x++) {
        const n = this.neighbors(x, y);
        next[y * this.width + x] = n === 3 || (n === 2 && this.get(x, y));
      }
    this.cells = next;
    this.generation++;
  }

  population(): number {
    return this.cells.filter((c) => c).length;
  }

  render(): string[] {
    const out: string[] = [];
    for (let y = 0; y < this.height; y++) {
      let line = "";
      for (let x = 0; x < this.width; x++) line += this.get(x, y) ? "#" : ".";
      out.push(line);
    }
    return out;
  }

  firstAlive(): string {
    outer: for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (this.get(x, y)) return `(${x},${y})`;
        if (x > 20) continue outer;
      }
    }
    return "none";
  }
}

const life = Life.parse([
  "..........",
  "..#.......",
  "...#......",
  ".###......",
  "..........",
  "......###.",
  "..........",
  "..........",
]);
for (let i = 0; i < 4; i++) {
  console.log(`gen ${life.generation} pop ${life.population()} first ${life.firstAlive()}`);
  for (const line of life.render()) console.log("  " + line);
  life.step();
  life.step();
}
for (let i = 0; i < 20; i++) life.step();
console.log(`gen ${life.generation} pop ${life.population()} first ${life.firstAlive()}`);
