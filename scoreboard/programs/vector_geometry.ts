// features: classes, static, readonly, floats, math, template-literals, array-methods, arrows, interfaces, fluent, spread, accessors, for-of, object-literals
class Vec {
  constructor(readonly x: number, readonly y: number) {}
  static readonly ZERO = new Vec(0, 0);
  add(o: Vec): Vec { return new Vec(this.x + o.x, this.y + o.y); }
  sub(o: Vec): Vec { return new Vec(this.x - o.x, this.y - o.y); }
  scale(k: number): Vec { return new Vec(this.x * k, this.y * k); }
  dot(o: Vec): number { return this.x * o.x + this.y * o.y; }
  cross(o: Vec): number { return this.x * o.y - this.y * o.x; }
  get length(): number { return Math.hypot(this.x, this.y); }
  normalized(): Vec { return this.scale(1 / this.length); }
  toString(): string { return `(${this.x.toFixed(2)}, ${this.y.toFixed(2)})`; }
}

interface Polygon {
  name: string;
  points: Vec[];
}

function area(p: Polygon): number {
  let s = 0;
  p.points.forEach((a, i) => (s += a.cross(p.points[(i + 1) % p.points.length])));
  return Math.abs(s) / 2;
}

function centroid(p: Polygon): Vec {
  return p.points.reduce((acc, v) => acc.add(v), Vec.ZERO).scale(1 / p.points.length);
}

function convexHull(points: Vec[]): Vec[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const build = (list: Vec[]) => {
    const h: Vec[] = [];
    for (const p of list) {
      while (h.length >= 2 && h[h.length - 1].sub(h[h.length - 2]).cross(p.sub(h[h.length - 2])) <= 0) h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  return [...build(pts), ...build([...pts].reverse())];
}

function segmentsIntersect(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const d1 = b.sub(a).cross(c.sub(a));
  const d2 = b.sub(a).cross(d.sub(a));
  const d3 = d.sub(c).cross(a.sub(c));
  const d4 = d.sub(c).cross(b.sub(c));
  return d1 * d2 < 0 && d3 * d4 < 0;
}

const shapes: Polygon[] = [
  { name: "unit square", points: [new Vec(0, 0), new Vec(1, 0), new Vec(1, 1), new Vec(0, 1)] },
  { name: "triangle", points: [new Vec(0, 0), new Vec(4, 0), new Vec(0, 3)] },
  { name: "hexagon", points: Array.from({ length: 6 }, (_, i) => new Vec(Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3))) },
];
for (const s of shapes) console.log(`${s.name}: area ${area(s).toFixed(4)}, centroid ${centroid(s)}`);
const v = new Vec(3, 4);
console.log(`|${v}| = ${v.length}, unit ${v.normalized()}, dot with (1,0) ${v.dot(new Vec(1, 0))}`);
const angle = Math.acos(v.normalized().dot(new Vec(1, 0))) * (180 / Math.PI);
console.log(`angle to x axis ${angle.toFixed(3)} degrees`);

let seed = 17;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), (seed % 2000) / 100 - 10);
const cloud = Array.from({ length: 25 }, () => new Vec(rnd(), rnd()));
const hull = convexHull(cloud);
console.log(`hull of ${cloud.length} points has ${hull.length} vertices:`);
console.log("  " + hull.join(" "));
console.log(`hull area ${area({ name: "hull", points: hull }).toFixed(3)}`);
console.log(`segments cross: ${segmentsIntersect(new Vec(0, 0), new Vec(2, 2), new Vec(0, 2), new Vec(2, 0))}, ${segmentsIntersect(new Vec(0, 0), new Vec(1, 1), new Vec(2, 2), new Vec(3, 0))}`);
