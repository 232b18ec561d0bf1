// features: interfaces, optional, object-literals, spread, map-set, array-methods, arrows, template-literals, destructuring, for-of, nullish, floats, readonly
interface Item {
  readonly sku: string;
  name: string;
  qty: number;
  reorderAt: number;
  unitCost: number;
  supplier?: string;
  tags?: readonly string[];
}

const stock: Item[] = [
  { sku: "A100", name: "bolt", qty: 340, reorderAt: 100, unitCost: 0.05, supplier: "Acme", tags: ["metal", "small"] },
  { sku: "A200", name: "nut", qty: 80, reorderAt: 100, unitCost: 0.03, supplier: "Acme" },
  { sku: "B300", name: "bracket", qty: 12, reorderAt: 20, unitCost: 1.25, tags: ["metal"] },
  { sku: "C400", name: "gasket", qty: 0, reorderAt: 10, unitCost: 0.4, supplier: "Seals Inc", tags: ["rubber"] },
  { sku: "D500", name: "hinge", qty: 55, reorderAt: 15, unitCost: 2.1 },
];

type Movement = { sku: string; delta: number; why: string };
const movements: Movement[] = [
  { sku: "A100", delta: -250, why: "order 17" },
  { sku: "D500", delta: -50, why: "order 18" },
  { sku: "B300", delta: 30, why: "delivery" },
  { sku: "Z999", delta: 5, why: "mystery" },
  { sku: "A200", delta: -81, why: "order 19" },
];

const bySku = new Map(stock.map((it) => [it.sku, it] as const));
const problems: string[] = [];
for (const { sku, delta, why } of movements) {
  const it = bySku.get(sku);
  if (it === undefined) {
    problems.push(`${why}: unknown sku ${sku}`);
    continue;
  }
  if (it.qty + delta < 0) {
    problems.push(`${why}: only ${it.qty} ${it.name}(s), wanted ${-delta}`);
    continue;
  }
  it.qty += delta;
}
problems.forEach((p) => console.log(`problem: ${p}`));

const needs = stock.filter((it) => it.qty <= it.reorderAt);
const orders = needs.map((it) => ({ ...it, order: it.reorderAt * 3 - it.qty }));
for (const o of orders) {
  console.log(`reorder ${o.sku} ${o.name.padEnd(8)} have ${String(o.qty).padStart(3)} order ${String(o.order).padStart(4)} from ${o.supplier ?? "(no supplier)"} cost ${(o.order * o.unitCost).toFixed(2)}`);
}

const bySupplier = new Map<string, number>();
for (const o of orders) {
  const key = o.supplier ?? "unassigned";
  bySupplier.set(key, (bySupplier.get(key) ?? 0) + o.order * o.unitCost);
}
console.log([...bySupplier].map(([s, c]) => `${s}: ${c.toFixed(2)}`).join("; "));

const value = stock.reduce((sum, it) => sum + it.qty * it.unitCost, 0);
console.log(`stock value ${value.toFixed(2)}`);
const allTags = new Set(stock.flatMap((it) => it.tags ?? []));
console.log(`tags: ${[...allTags].sort().join(", ")}`);
const untagged = stock.filter((it) => (it.tags?.length ?? 0) === 0).map((it) => it.sku);
console.log(`untagged: ${untagged.join(", ")}`);

const renamed = stock.map((it) => (it.sku === "D500" ? { ...it, name: "door hinge", tags: [...(it.tags ?? []), "door"] } : it));
console.log(`${renamed[4].name} [${renamed[4].tags?.join("/")}] original ${stock[4].name} [${stock[4].tags?.join("/") ?? "none"}]`);
const summary = stock.map(({ sku, qty, supplier = "?" }) => `${sku}:${qty}@${supplier}`);
console.log(summary.join(" "));
