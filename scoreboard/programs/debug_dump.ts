// features: classes, interfaces, object-literals, map-set, nullable, optional, enums, tuples, array-methods, arrows, for-of
enum Level {
  Low,
  Mid,
  High,
}

interface Point {
  x: number;
  y: number;
  label?: string;
}

class Player {
  score = 0;
  tags: string[] = [];
  home: Point | null = null;
  constructor(public name: string, public level: Level) {}
}

const p: Point = { x: 1, y: -2.5 };
console.log(p);
console.log({ ...p, label: "origin-ish" });
console.log([1, 2, 3], [], [[1, 2], [3]], ["a", "b"]);
console.log([1.5, -0, NaN, Infinity], [true, false]);
const pl = new Player("ann", Level.High);
pl.tags.push("mvp", "captain");
console.log(pl);
pl.home = { x: 0, y: 0 };
pl.score = 1234.5;
console.log(pl);
console.log(Level.Mid, Level[2]);
console.log(new Map<string, number>([["a", 1], ["b", 2]]));
console.log(new Set(["x", "y"]), new Set<number>(), new Map<string, boolean>());
const grid: number[][] = Array.from({ length: 3 }, (_, r) => Array.from({ length: 4 }, (_, c) => r * 4 + c));
console.log(grid);
const nested = { id: 7, meta: { created: "2024-01-01", tags: ["a"], owner: { name: "z", roles: ["admin", "dev"] } } };
console.log(nested);
console.log("mixed", 42, "and", { ok: true }, null, undefined);
const pairs: [string, number][] = [["one", 1], ["two", 2]];
console.log(pairs);
console.log(pairs.map(([k, v]) => ({ k, v })));
const maybe: (Point | undefined)[] = [p, undefined, { x: 3, y: 4, label: "far" }];
console.log(maybe);
console.log(`${[1, [2, 3]]} | ${String([null, undefined, 1])} | ${[p].length}`);
console.log(JSON.stringify(nested), JSON.stringify(pairs));
console.log(JSON.stringify({ a: [1, { b: 2 }], c: "x" }, null, 2));
console.log(JSON.stringify(pl));
const big = Array.from({ length: 30 }, (_, i) => i * i);
console.log(big);
console.log(["a somewhat long string number one", "a somewhat long string number two", "three"]);
console.log({ s: "quote's \"here\"", n: -1e21, small: 1e-7, e: "" });
console.log(-0, [-0], 0.1 + 0.2, 1 / 3, 100 / 3, 2 ** 53, 2 ** 64, -1e-10);
