// shapes.ts: polygons built on vec.ts, exported as a default class and helpers.
import { cross, dist, sub, type Vec2 } from "./vec.ts";

export default class Polygon {
  constructor(readonly name: string, readonly points: Vec2[]) {}

  get perimeter(): number {
    let p = 0;
    for (let i = 0; i < this.points.length; i++) p += dist(this.points[i], this.points[(i + 1) % this.points.length]);
    return p;
  }

  get area(): number {
    let s = 0;
    for (let i = 0; i < this.points.length; i++) s += cross(this.points[i], this.points[(i + 1) % this.points.length]);
    return Math.abs(s) / 2;
  }

  isConvex(): boolean {
    let sign = 0;
    const n = this.points.length;
    for (let i = 0; i < n; i++) {
      const c = cross(sub(this.points[(i + 1) % n], this.points[i]), sub(this.points[(i + 2) % n], this.points[(i + 1) % n]));
      if (c !== 0) {
        if (sign !== 0 && Math.sign(c) !== sign) return false;
        sign = Math.sign(c);
      }
    }
    return true;
  }
}

export function regular(name: string, sides: number, radius: number): Polygon {
  const pts: Vec2[] = [];
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides;
    pts.push({ x: Math.round(radius * Math.cos(a) * 1000) / 1000, y: Math.round(radius * Math.sin(a) * 1000) / 1000 });
  }
  return new Polygon(name, pts);
}
