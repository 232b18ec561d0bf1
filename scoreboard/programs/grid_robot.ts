// features: enums, classes, switch, integers, private, template-literals, string-methods, for-of, array-methods
enum Heading {
  North,
  East,
  South,
  West,
}

class Robot {
  private x = 0;
  private y = 0;
  private heading = Heading.North;
  private visited: string[] = [];
  private blocked = 0;

  constructor(private width: number, private height: number, private walls: string[]) {
    this.visited.push("0,0");
  }

  private isWall(x: number, y: number): boolean {
    for (const w of this.walls) if (w === `${x},${y}`) return true;
    return false;
  }

  run(program: string): void {
    for (let i = 0; i < program.length; i++) {
      const c = program[i];
      if (c === "L") this.heading = (this.heading + 3) % 4;
      else if (c === "R") this.heading = (this.heading + 1) % 4;
      else if (c === "F") this.forward();
    }
  }

  private forward(): void {
    let nx = this.x;
    let ny = this.y;
    switch (this.heading) {
      case Heading.North: ny++; break;
      case Heading.East: nx++; break;
      case Heading.South: ny--; break;
      case Heading.West: nx--; break;
    }
    if (nx < 0 || ny < 0 || nx >= this.width || ny >= this.height || this.isWall(nx, ny)) {
      this.blocked++;
      return;
    }
    this.x = nx;
    this.y = ny;
    const key = `${nx},${ny}`;
    let seen = false;
    for (const v of this.visited) if (v === key) seen = true;
    if (!seen) this.visited.push(key);
  }

  status(): string {
    return `at (${this.x},${this.y}) facing ${Heading[this.heading]}, visited ${this.visited.length}, blocked ${this.blocked}`;
  }

  map(): string[] {
    const rows: string[] = [];
    for (let y = this.height - 1; y >= 0; y--) {
      let row = "";
      for (let x = 0; x < this.width; x++) {
        if (x === this.x && y === this.y) row += "@";
        else if (this.isWall(x, y)) row += "#";
        else {
          let v = false;
          for (const k of this.visited) if (k === `${x},${y}`) v = true;
          row += v ? "+" : ".";
        }
      }
      rows.push(row);
    }
    return rows;
  }
}

const robot = new Robot(8, 6, ["2,2", "3,2", "4,2", "6,4"]);
const programs = ["FFFRFF", "FFRFFFFF", "RRFFFFFF", "LFFFFFFFFFF", "RFFRFFLFFLFFFF"];
for (const p of programs) {
  robot.run(p);
  console.log(`${p.padEnd(16)} ${robot.status()}`);
}
for (const row of robot.map()) console.log(row);
