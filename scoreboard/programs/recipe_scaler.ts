// features: interfaces, string-enums, floats, math, array-methods, arrows, template-literals, switch, optional, nullish, map-set, spread, for-of, string-methods, destructuring, enums, tuples, default-params, object-literals
enum Unit {
  Gram = "g",
  Millilitre = "ml",
  Piece = "pc",
  Teaspoon = "tsp",
  Cup = "cup",
}

interface Ingredient {
  name: string;
  amount: number;
  unit: Unit;
  optional?: boolean;
}

interface Recipe {
  title: string;
  serves: number;
  items: Ingredient[];
}

function toMetric(i: Ingredient): Ingredient {
  switch (i.unit) {
    case Unit.Cup:
      return { ...i, amount: i.amount * 240, unit: Unit.Millilitre };
    case Unit.Teaspoon:
      return { ...i, amount: i.amount * 5, unit: Unit.Millilitre };
    default:
      return i;
  }
}

function pretty(amount: number, unit: Unit): string {
  if (unit === Unit.Piece) {
    const whole = Math.floor(amount);
    const frac = amount - whole;
    const f = frac < 0.125 ? "" : frac < 0.375 ? "1/4" : frac < 0.625 ? "1/2" : frac < 0.875 ? "3/4" : "";
    const w = frac >= 0.875 ? whole + 1 : whole;
    return `${w > 0 ? w : ""}${w > 0 && f ? " " : ""}${f || (w === 0 ? "0" : "")} ${unit}`;
  }
  const rounded = amount >= 100 ? Math.round(amount / 5) * 5 : Math.round(amount * 10) / 10;
  return `${rounded} ${unit}`;
}

function scale(r: Recipe, serves: number, metric = false): string[] {
  const k = serves / r.serves;
  return r.items.map((i) => {
    const base = metric ? toMetric(i) : i;
    return `  ${pretty(base.amount * k, base.unit).padStart(10)} ${i.name}${i.optional ? " (optional)" : ""}`;
  });
}

const pancakes: Recipe = {
  title: "Pancakes",
  serves: 4,
  items: [
    { name: "flour", amount: 1.5, unit: Unit.Cup },
    { name: "milk", amount: 1.25, unit: Unit.Cup },
    { name: "eggs", amount: 1, unit: Unit.Piece },
    { name: "sugar", amount: 2, unit: Unit.Teaspoon },
    { name: "butter", amount: 45, unit: Unit.Gram },
    { name: "blueberries", amount: 150, unit: Unit.Gram, optional: true },
  ],
};
for (const [serves, metric] of [[4, false], [2, false], [6, true], [1, true], [10, true]] as [number, boolean][]) {
  console.log(`${pancakes.title} for ${serves}${metric ? " (metric)" : ""}:`);
  for (const line of scale(pancakes, serves, metric)) console.log(line);
}
const totals = new Map<Unit, number>();
for (const i of pancakes.items.map(toMetric)) totals.set(i.unit, (totals.get(i.unit) ?? 0) + i.amount);
console.log([...totals].map(([u, n]) => `${n} ${u}`).join(", "));
