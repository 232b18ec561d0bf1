// features: interfaces, literal-unions, classes, optional, nullish, array-methods, arrows, floats, template-literals, readonly, for-of, object-literals
import { Store } from "./store.ts";
import type { Category, Movement } from "./types.ts";

const store = new Store();
store.add({ sku: "T-01", name: "hammer", category: "tool", qty: 4, unitCost: 12.5 });
store.add({ sku: "T-02", name: "wrench", category: "tool", qty: 2, unitCost: 8.75 });
store.add({ sku: "P-10", name: "bolt M6", category: "part", qty: 500, unitCost: 0.04 });
store.add({ sku: "P-11", name: "nut M6", category: "part", qty: 450, unitCost: 0.03 });
store.add({ sku: "C-01", name: "glue", category: "consumable", qty: 10, unitCost: 3.2 });

const moves: Movement[] = [
  { sku: "P-10", delta: -120, reason: "job 17" },
  { sku: "P-11", delta: -120, reason: "job 17" },
  { sku: "C-01", delta: -11 },
  { sku: "T-02", delta: 3, reason: "restock" },
  { sku: "X-99", delta: 1, reason: "typo" },
  { sku: "C-01", delta: -4, reason: "repairs" },
];
for (const m of moves) {
  const ok = store.apply(m);
  console.log(`${m.sku} ${m.delta > 0 ? "+" : ""}${m.delta} (${m.reason ?? "no reason"}): ${ok ? "applied" : "rejected"}`);
}
for (const line of store.lines()) console.log(line);
const cats: Category[] = ["tool", "part", "consumable"];
for (const c of cats) console.log(`${c}: ${store.valueBy(c).toFixed(2)}`);
console.log(`rejected: ${store.rejections.map((m) => m.sku).join(", ")}`);
