// features: classes, abstract, inheritance, accessors, floats, math, array-methods, arrows, template-literals, instanceof, readonly, private, for-of
abstract class Shape {
  constructor(public readonly name: string) {}
  abstract area(): number;
  abstract perimeter(): number;
  describe(): string {
    return `${this.name}: area=${this.area().toFixed(3)} perimeter=${this.perimeter().toFixed(3)}`;
  }
}

class Circle extends Shape {
  constructor(private r: number) {
    super("circle");
  }
  get radius(): number {
    return this.r;
  }
  set radius(v: number) {
    this.r = Math.max(0, v);
  }
  area(): number {
    return Math.PI * this.r * this.r;
  }
  perimeter(): number {
    return 2 * Math.PI * this.r;
  }
}

class Rect extends Shape {
  constructor(protected w: number, protected h: number) {
    super("rect");
  }
  area(): number {
    return this.w * this.h;
  }
  perimeter(): number {
    return 2 * (this.w + this.h);
  }
}

class Square extends Rect {
  constructor(side: number) {
    super(side, side);
  }
  override describe(): string {
    return "square " + super.describe();
  }
}

class Triangle extends Shape {
  constructor(private a: number, private b: number, private c: number) {
    super("triangle");
  }
  perimeter(): number {
    return this.a + this.b + this.c;
  }
  area(): number {
    const s = this.perimeter() / 2;
    return Math.sqrt(s * (s - this.a) * (s - this.b) * (s - this.c));
  }
}

const shapes: Shape[] = [new Circle(1), new Rect(3, 4.5), new Square(2), new Triangle(3, 4, 5), new Circle(2.5)];
for (const s of shapes) console.log(s.describe());

const total = shapes.reduce((acc, s) => acc + s.area(), 0);
console.log(`total area ${total.toFixed(4)}`);

const largest = shapes.reduce((best, s) => (s.area() > best.area() ? s : best));
console.log(`largest: ${largest.name}`);

const circles = shapes.filter((s) => s instanceof Circle).length;
console.log(`circles: ${circles}, rects (incl. squares): ${shapes.filter((s) => s instanceof Rect).length}`);

const c = shapes[0];
if (c instanceof Circle) {
  c.radius = 3;
  console.log(`resized radius ${c.radius}: ${c.describe()}`);
  c.radius = -1;
  console.log(`clamped radius ${c.radius}`);
}

const sorted = shapes.map((s) => s.perimeter()).sort((a, b) => a - b);
console.log(sorted.map((p) => p.toFixed(1)).join(", "));
