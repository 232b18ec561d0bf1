// features: interfaces, classes, accessors, arrows, floats, math, template-literals, array-methods, object-literals, readonly, for-of, string-methods
import Polygon, { regular } from "./shapes.ts";
import * as V from "./vec.ts";

const shapes: Polygon[] = [
  new Polygon("square", [V.vec(0, 0), V.vec(2, 0), V.vec(2, 2), V.vec(0, 2)]),
  new Polygon("arrow", [V.vec(0, 0), V.vec(4, 2), V.vec(0, 4), V.vec(1, 2)]),
  new Polygon("triangle", [V.vec(0, 0), V.vec(3, 0), V.vec(0, 4)]),
  regular("hexagon", 6, 1),
  regular("octagon", 8, 2),
  regular("circle-ish", 64, 1),
];

for (const s of shapes) {
  console.log(`${s.name.padEnd(10)} area ${s.area.toFixed(4).padStart(8)} perimeter ${s.perimeter.toFixed(4).padStart(8)} convex ${s.isConvex()}`);
}
const biggest = shapes.reduce((a, b) => (b.area > a.area ? b : a));
console.log(`biggest: ${biggest.name}`);
console.log(`pi estimate from 64-gon: ${shapes[5].area.toFixed(6)} (Math.PI ${Math.PI.toFixed(6)})`);
const moved = shapes[0].points.map((p) => V.add(p, V.vec(10, -1)));
console.log(`moved square: ${moved.map(V.show).join(" ")}`);
console.log(`diagonal ${V.dist(moved[0], moved[2]).toFixed(6)}`);
