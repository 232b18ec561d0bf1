// features: classes, literal-unions, type-aliases, tuples, private, array-methods, arrows, template-literals, switch, nullable, closures, readonly, for-of, destructuring, object-literals
type Dir = "U" | "D" | "L" | "R";
type Cell = [number, number];

class Snake {
  private body: Cell[] = [[4, 4], [4, 3], [4, 2]];
  private dir: Dir = "R";
  private food: Cell;
  score = 0;
  alive = true;
  ticks = 0;

  constructor(readonly w: number, readonly h: number, private rand: () => number) {
    this.food = this.placeFood();
  }

  private placeFood(): Cell {
    for (;;) {
      const cell: Cell = [this.rand() % this.h, this.rand() % this.w];
      if (!this.body.some(([r, c]) => r === cell[0] && c === cell[1])) return cell;
    }
  }

  turn(d: Dir): void {
    const opposite: Record<Dir, Dir> = { U: "D", D: "U", L: "R", R: "L" };
    if (opposite[d] !== this.dir) this.dir = d;
  }

  step(): void {
    if (!this.alive) return;
    this.ticks++;
    const [r, c] = this.body[0];
    let next: Cell;
    switch (this.dir) {
      case "U": next = [r - 1, c]; break;
      case "D": next = [r + 1, c]; break;
      case "L": next = [r, c - 1]; break;
      case "R": next = [r, c + 1]; break;
    }
    const [nr, nc] = next;
    if (nr < 0 || nc < 0 || nr >= this.h || nc >= this.w || this.body.some(([br, bc]) => br === nr && bc === nc)) {
      this.alive = false;
      return;
    }
    this.body.unshift(next);
    if (nr === this.food[0] && nc === this.food[1]) {
      this.score++;
      this.food = this.placeFood();
    } else this.body.pop();
  }

  head(): Cell {
    return this.body[0];
  }

  foodAt(): Cell {
    return this.food;
  }

  render(): string[] {
    const rows: string[] = [];
    for (let r = 0; r < this.h; r++) {
      let row = "";
      for (let c = 0; c < this.w; c++) {
        const i = this.body.findIndex(([br, bc]) => br === r && bc === c);
        row += i === 0 ? "@" : i > 0 ? "o" : this.food[0] === r && this.food[1] === c ? "*" : ".";
      }
      rows.push(row);
    }
    return rows;
  }
}

let seed = 3;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 8;
const game = new Snake(12, 8, rand);
while (game.alive && game.ticks < 200) {
  const [hr, hc] = game.head();
  const [fr, fc] = game.foodAt();
  if (fr < hr) game.turn("U");
  else if (fr > hr) game.turn("D");
  else if (fc < hc) game.turn("L");
  else game.turn("R");
  game.step();
  if (game.ticks % 40 === 0) console.log(`tick ${game.ticks}: score ${game.score}, head (${game.head().join(",")})`);
}
console.log(`game over after ${game.ticks} ticks: score ${game.score}, ${game.alive ? "alive" : "crashed"}`);
for (const row of game.render()) console.log(row);
