// features: generics, generic-constraints, interfaces, typeof, union-values, labeled-loops, array-methods, arrows, template-literals, string-methods, instanceof, spread, nullish, for-of, type-aliases, optional, nullable, floats, default-params, object-literals
type Cell = string | number | boolean;

interface Column<T, K extends keyof T> {
  key: K;
  title: string;
  width: number;
  format?: (v: T[K]) => string;
}

function cell(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (v instanceof Array) return v.join("/");
  return String(v);
}

function table<T extends Record<string, unknown>, K extends keyof T & string>(rows: T[], cols: Column<T, K>[]): string[] {
  const line = cols.map((c) => "-".repeat(c.width)).join("-+-");
  const out = [cols.map((c) => c.title.padEnd(c.width)).join(" | "), line];
  for (const r of rows) {
    out.push(cols.map((c) => (c.format ? c.format(r[c.key]) : cell(r[c.key])).slice(0, c.width).padEnd(c.width)).join(" | "));
  }
  return out;
}

function sortBy<T, K extends keyof T>(rows: T[], key: K, desc = false): T[] {
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return desc ? -c : c;
  });
}

function firstDuplicate<T extends { [k: string]: Cell }>(rows: T[], keys: (keyof T)[]): string | null {
  let found: string | null = null;
  outer: for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      for (const k of keys) if (rows[i][k] !== rows[j][k]) continue outer;
      found = `rows ${i} and ${j}`;
      break outer;
    }
  }
  return found;
}

const planets = [
  { name: "Mercury", moons: 0, radius: 0.383, rings: false },
  { name: "Venus", moons: 0, radius: 0.949, rings: false },
  { name: "Earth", moons: 1, radius: 1, rings: false },
  { name: "Mars", moons: 2, radius: 0.532, rings: false },
  { name: "Jupiter", moons: 95, radius: 11.21, rings: true },
  { name: "Saturn", moons: 146, radius: 9.45, rings: true },
  { name: "Uranus", moons: 28, radius: 4.01, rings: true },
  { name: "Neptune", moons: 16, radius: 3.88, rings: true },
];
type Planet = (typeof planets)[number];
const cols: Column<Planet, keyof Planet>[] = [
  { key: "name", title: "planet", width: 8 },
  { key: "moons", title: "moons", width: 5 },
  { key: "radius", title: "radius", width: 7, format: (v) => `${cell(v)} R⊕` },
  { key: "rings", title: "rings", width: 5 },
];
for (const l of table(planets, cols)) console.log(l);
console.log("");
for (const l of table(sortBy(planets, "moons", true).slice(0, 4), cols)) console.log(l);
console.log(`by name: ${sortBy(planets, "name").map((p) => p.name).join(", ")}`);
console.log(`duplicate (moons, rings): ${firstDuplicate(planets, ["moons", "rings"]) ?? "none"}`);
console.log(`duplicate (name): ${firstDuplicate(planets, ["name"]) ?? "none"}`);
console.log(`array cell: ${cell([1, 2, 3])}, float cell: ${cell(2 / 3)}`);
