// features: string-enums, type-aliases, object-literals, floats, math, template-literals, nullable, for-of, switch, readonly, nullish, typeof, arrows, array-methods, optional, union-values, destructuring, enums, tuples
enum Dimension {
  Length = "length",
  Mass = "mass",
  Temperature = "temperature",
}

type Unit = {
  readonly symbol: string;
  readonly dim: Dimension;
  readonly factor: number;
  readonly offset?: number;
};

const units: Unit[] = [
  { symbol: "m", dim: Dimension.Length, factor: 1 },
  { symbol: "km", dim: Dimension.Length, factor: 1000 },
  { symbol: "cm", dim: Dimension.Length, factor: 0.01 },
  { symbol: "in", dim: Dimension.Length, factor: 0.0254 },
  { symbol: "ft", dim: Dimension.Length, factor: 0.3048 },
  { symbol: "mi", dim: Dimension.Length, factor: 1609.344 },
  { symbol: "kg", dim: Dimension.Mass, factor: 1 },
  { symbol: "g", dim: Dimension.Mass, factor: 0.001 },
  { symbol: "lb", dim: Dimension.Mass, factor: 0.45359237 },
  { symbol: "oz", dim: Dimension.Mass, factor: 0.028349523125 },
  { symbol: "K", dim: Dimension.Temperature, factor: 1, offset: 0 },
  { symbol: "C", dim: Dimension.Temperature, factor: 1, offset: 273.15 },
  { symbol: "F", dim: Dimension.Temperature, factor: 5 / 9, offset: 273.15 - (32 * 5) / 9 },
];

function lookup(symbol: string): Unit | null {
  for (const u of units) if (u.symbol === symbol) return u;
  return null;
}

function convert(value: number, from: string, to: string): number | string {
  const a = lookup(from);
  const b = lookup(to);
  if (!a || !b) return `unknown unit ${!a ? from : to}`;
  if (a.dim !== b.dim) return `cannot convert ${a.dim} to ${b.dim}`;
  const base = value * a.factor + (a.offset ?? 0);
  return (base - (b.offset ?? 0)) / b.factor;
}

function round(x: number, digits: number): number {
  const p = Math.pow(10, digits);
  return Math.round(x * p) / p;
}

const queries: [number, string, string][] = [
  [1, "mi", "km"],
  [5280, "ft", "mi"],
  [12, "in", "cm"],
  [100, "C", "F"],
  [-40, "F", "C"],
  [0, "K", "C"],
  [98.6, "F", "C"],
  [1, "lb", "g"],
  [16, "oz", "lb"],
  [3, "kg", "m"],
  [2, "parsec", "m"],
  [0.5, "km", "ft"],
];
for (const [v, from, to] of queries) {
  const r = convert(v, from, to);
  if (typeof r === "string") {
    console.log(`${v} ${from} -> ${to}: error: ${r}`);
  } else {
    console.log(`${v} ${from} = ${round(r, 4)} ${to} (${r.toFixed(2)})`);
  }
}
for (const dim of [Dimension.Length, Dimension.Mass, Dimension.Temperature]) {
  const syms = units.filter((u) => u.dim === dim).map((u) => u.symbol);
  console.log(`${dim}: ${syms.join(", ")}`);
}
