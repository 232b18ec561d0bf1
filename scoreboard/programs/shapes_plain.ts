// features: classes, inheritance, abstract, interfaces, integers, template-literals, for-of, static, readonly
interface Drawable {
  draw(): string[];
}

abstract class Shape implements Drawable {
  static created = 0;
  constructor(readonly label: string) {
    Shape.created++;
  }
  abstract area(): number;
  abstract draw(): string[];
  summary(): string {
    return `${this.label}: area ${this.area()}`;
  }
}

class Rect extends Shape {
  constructor(readonly w: number, readonly h: number) {
    super(`rect ${w}x${h}`);
  }
  area(): number {
    return this.w * this.h;
  }
  draw(): string[] {
    const rows: string[] = [];
    for (let r = 0; r < this.h; r++) {
      let row = "";
      for (let c = 0; c < this.w; c++) row += r === 0 || r === this.h - 1 || c === 0 || c === this.w - 1 ? "#" : ".";
      rows.push(row);
    }
    return rows;
  }
}

class Square extends Rect {
  constructor(side: number) {
    super(side, side);
  }
  override summary(): string {
    return `square! ${super.summary()}`;
  }
}

class Triangle extends Shape {
  constructor(readonly height: number) {
    super(`triangle ${height}`);
  }
  area(): number {
    return (this.height * (this.height + 1)) / 2;
  }
  draw(): string[] {
    const rows: string[] = [];
    for (let r = 1; r <= this.height; r++) {
      let row = "";
      for (let c = 0; c < r; c++) row += "*";
      rows.push(row);
    }
    return rows;
  }
}

class Diamond implements Drawable {
  constructor(readonly radius: number) {}
  draw(): string[] {
    const rows: string[] = [];
    for (let r = -this.radius; r <= this.radius; r++) {
      const k = this.radius - (r < 0 ? -r : r);
      let row = "";
      for (let c = 0; c < this.radius - k; c++) row += " ";
      for (let c = 0; c < 2 * k + 1; c++) row += "o";
      rows.push(row);
    }
    return rows;
  }
}

const shapes: Shape[] = [new Rect(6, 3), new Square(4), new Triangle(4)];
let total = 0;
for (const s of shapes) {
  console.log(s.summary());
  for (const line of s.draw()) console.log("  " + line);
  total += s.area();
}
const things: Drawable[] = [new Diamond(3), new Triangle(2)];
for (const d of things) for (const line of d.draw()) console.log("  " + line);
console.log(`total area ${total}, shapes created ${Shape.created}`);
