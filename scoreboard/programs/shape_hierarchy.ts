// features: classes, abstract, inheritance, accessors, static, floats, math, array-methods, arrows, template-literals, instanceof, for-of
abstract class Shape {
  private static created = 0;
  readonly id: number;
  constructor(readonly name: string) {
    this.id = ++Shape.created;
  }
  abstract get area(): number;
  abstract get perimeter(): number;
  scale(k: number): Shape {
    return this.scaled(k);
  }
  protected abstract scaled(k: number): Shape;
  describe(): string {
    return `#${this.id} ${this.name}: area=${this.area.toFixed(2)} perimeter=${this.perimeter.toFixed(2)}`;
  }
  static count(): number {
    return Shape.created;
  }
}

class Circle extends Shape {
  constructor(readonly r: number) {
    super("circle");
  }
  get area(): number {
    return Math.PI * this.r ** 2;
  }
  get perimeter(): number {
    return 2 * Math.PI * this.r;
  }
  protected scaled(k: number): Shape {
    return new Circle(this.r * k);
  }
}

class Rect extends Shape {
  constructor(readonly w: number, readonly h: number, name = "rect") {
    super(name);
  }
  get area(): number {
    return this.w * this.h;
  }
  get perimeter(): number {
    return 2 * (this.w + this.h);
  }
  protected scaled(k: number): Shape {
    return new Rect(this.w * k, this.h * k);
  }
}

class Square extends Rect {
  constructor(side: number) {
    super(side, side, "square");
  }
  override describe(): string {
    return `${super.describe()} side=${this.w}`;
  }
  protected override scaled(k: number): Shape {
    return new Square(this.w * k);
  }
}

class Triangle extends Shape {
  constructor(readonly a: number, readonly b: number, readonly c: number) {
    super("triangle");
  }
  get perimeter(): number {
    return this.a + this.b + this.c;
  }
  get area(): number {
    const s = this.perimeter / 2;
    return Math.sqrt(s * (s - this.a) * (s - this.b) * (s - this.c));
  }
  protected scaled(k: number): Shape {
    return new Triangle(this.a * k, this.b * k, this.c * k);
  }
}

const shapes: Shape[] = [new Circle(1), new Rect(3, 4), new Square(2.5), new Triangle(3, 4, 5), new Circle(0.5)];
shapes.forEach((s) => console.log(s.describe()));

const total = shapes.reduce((sum, s) => sum + s.area, 0);
console.log(`total area ${total.toFixed(3)}`);
const byArea = [...shapes].sort((a, b) => a.area - b.area).map((s) => `${s.name}#${s.id}`);
console.log(`by area: ${byArea.join(" < ")}`);

const doubled = shapes.map((s) => s.scale(2));
doubled.forEach((s) => console.log(s.describe()));
console.log(`ratios: ${doubled.map((d, i) => (d.area / shapes[i].area).toFixed(1)).join(" ")}`);

let rects = 0, squares = 0, circles = 0;
for (const s of [...shapes, ...doubled]) {
  if (s instanceof Square) squares++;
  if (s instanceof Rect) rects++;
  else if (s instanceof Circle) circles++;
}
console.log(`rects=${rects} (squares=${squares}) circles=${circles} created=${Shape.count()}`);
const widest = shapes.filter((s): s is Rect => s instanceof Rect).reduce((a, b) => (b.w > a.w ? b : a));
console.log(`widest rect: ${widest.describe()}`);
