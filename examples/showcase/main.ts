// examples/showcase/main.ts: classes, generics, enums, template literals, arrays and imports together.
// Prints the same under `npx tsx` and under `npx tsos exec examples/showcase/main.ts`.
import { Kind, kindName, Ranked, Shape } from "./shapes.ts";

const shapes: Shape[] = [
  new Shape(Kind.Square, 4, 4),
  new Shape(Kind.Rectangle, 3, 7),
  new Shape(Kind.Triangle, 10, 5),
  new Shape(Kind.Square, 2, 2),
];

const ranked = new Ranked<Shape>();
let total: u32 = 0;
for (const shape of shapes) {
  const area = shape.doubleArea();
  total += area;
  ranked.add(shape, area);
  console.log(`${kindName(shape.kind)} ${shape.width}x${shape.height}: area ${Math.floor(area / 2)}`);
}

const best = ranked.items[ranked.best];
console.log(`largest: ${kindName(best.kind)} (${ranked.best + 1} of ${shapes.length})`);
console.log("total area", Math.floor(total / 2), "squares", countKind(shapes, Kind.Square));

function countKind(list: Shape[], kind: Kind): number {
  let n = 0;
  for (const s of list) if (s.kind === kind) n++;
  return n;
}

const labels = new Ranked<string>();
labels.add("short", 5);
labels.add("a much longer label", 19);
labels.add("medium one", 10);
console.log(`longest label: "${labels.items[labels.best]}"`);
console.log(`0x${hex(0xdead_beef)} has ${popcount(0xdead_beef)} bits set`);

function hex(value: u32): string {
  const digits = "0123456789abcdef";
  let out = "";
  for (let shift = 28; shift >= 0; shift -= 4) out += digits[(value >>> shift) & 0xf];
  return out;
}

function popcount(value: u32): u32 {
  let count: u32 = 0;
  while (value !== 0) {
    count += value & 1;
    value >>>= 1;
  }
  return count;
}
