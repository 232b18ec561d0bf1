// features: interfaces, map-set, classes, optional, floats, array-methods, arrows, template-literals, nullish, string-methods, spread, private, for-of, destructuring, object-literals
interface Item {
  sku: string;
  name: string;
  price: number;
  qty: number;
  category?: string;
}

class Inventory {
  private items = new Map<string, Item>();

  add(item: Item): void {
    const existing = this.items.get(item.sku);
    if (existing) {
      existing.qty += item.qty;
    } else {
      this.items.set(item.sku, { ...item });
    }
  }

  remove(sku: string, qty: number): boolean {
    const it = this.items.get(sku);
    if (!it || it.qty < qty) return false;
    it.qty -= qty;
    if (it.qty === 0) this.items.delete(sku);
    return true;
  }

  value(): number {
    let v = 0;
    for (const it of this.items.values()) v += it.price * it.qty;
    return v;
  }

  byCategory(): Map<string, Item[]> {
    const out = new Map<string, Item[]>();
    for (const it of this.items.values()) {
      const cat = it.category ?? "misc";
      const list = out.get(cat) ?? [];
      list.push(it);
      out.set(cat, list);
    }
    return out;
  }

  lowStock(threshold: number): string[] {
    return [...this.items.values()].filter((i) => i.qty <= threshold).map((i) => i.sku).sort();
  }
}

const inv = new Inventory();
inv.add({ sku: "A100", name: "hammer", price: 12.99, qty: 5, category: "tools" });
inv.add({ sku: "A200", name: "screwdriver", price: 4.5, qty: 12, category: "tools" });
inv.add({ sku: "B100", name: "glue", price: 2.25, qty: 3 });
inv.add({ sku: "C300", name: "paint", price: 19.95, qty: 2, category: "paint" });
inv.add({ sku: "A100", name: "hammer", price: 12.99, qty: 2, category: "tools" });
console.log(`value: ${inv.value().toFixed(2)}`);
console.log(`remove 4 glue: ${inv.remove("B100", 4)}`);
console.log(`remove 3 glue: ${inv.remove("B100", 3)}`);
console.log(`remove 1 paint: ${inv.remove("C300", 1)}`);
console.log(`value: ${inv.value().toFixed(2)}`);
for (const [cat, items] of inv.byCategory()) {
  const names = items.map((i) => `${i.name} x${i.qty}`).join(", ");
  console.log(`${cat.toUpperCase()}: ${names}`);
}
console.log(`low stock: ${inv.lowStock(5).join(" ")}`);
