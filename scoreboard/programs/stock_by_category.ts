// features: interfaces, classes, private, optional, nullish, map-set, spread, object-literals, accessors, default-params, array-methods, arrows, for-of, destructuring, template-literals, string-methods, floats
interface Product {
  id: string;
  name: string;
  price: number;
  quantity: number;
  category?: string;
}

class Inventory {
  private items = new Map<string, Product>();

  add(product: Product): void {
    const existing = this.items.get(product.id);
    if (existing) {
      existing.quantity += product.quantity;
    } else {
      this.items.set(product.id, { ...product });
    }
  }

  remove(id: string, qty: number): boolean {
    const item = this.items.get(id);
    if (!item || item.quantity < qty) return false;
    item.quantity -= qty;
    if (item.quantity === 0) this.items.delete(id);
    return true;
  }

  get totalValue(): number {
    let total = 0;
    for (const item of this.items.values()) {
      total += item.price * item.quantity;
    }
    return total;
  }

  byCategory(): Map<string, Product[]> {
    const result = new Map<string, Product[]>();
    for (const item of this.items.values()) {
      const cat = item.category ?? "uncategorized";
      const list = result.get(cat) ?? [];
      list.push(item);
      result.set(cat, list);
    }
    return result;
  }

  lowStock(threshold = 5): Product[] {
    return [...this.items.values()]
      .filter((p) => p.quantity <= threshold)
      .sort((a, b) => a.quantity - b.quantity);
  }
}

const inv = new Inventory();
inv.add({ id: "a1", name: "Widget", price: 2.5, quantity: 10, category: "tools" });
inv.add({ id: "b2", name: "Gadget", price: 12.99, quantity: 3, category: "electronics" });
inv.add({ id: "c3", name: "Doohickey", price: 0.75, quantity: 40 });
inv.add({ id: "a1", name: "Widget", price: 2.5, quantity: 5, category: "tools" });
inv.add({ id: "d4", name: "Sprocket", price: 4.2, quantity: 2, category: "tools" });

console.log(`Total value: $${inv.totalValue.toFixed(2)}`);
console.log("remove b2 x2:", inv.remove("b2", 2));
console.log("remove b2 x5:", inv.remove("b2", 5));
console.log("remove d4 x2:", inv.remove("d4", 2));

for (const [cat, products] of inv.byCategory()) {
  const names = products.map((p) => p.name).join(", ");
  console.log(`${cat.padEnd(15)} ${names}`);
}

const low = inv.lowStock();
console.log("Low stock:", low.map((p) => `${p.name}(${p.quantity})`).join(" "));
console.log(`Total value: $${inv.totalValue.toFixed(2)}`);
