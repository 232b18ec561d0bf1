// features: discriminated-unions, interfaces, classes, floats, math, array-methods, arrows, fluent, template-literals, optional, switch, nullish, private, for-of, string-methods, type-aliases, literal-unions, default-params, object-literals
interface Product {
  sku: string;
  name: string;
  price: number;
  category: "food" | "books" | "electronics";
}

type Discount =
  | { kind: "percent"; percent: number; category?: Product["category"] }
  | { kind: "fixed"; amount: number; minTotal: number }
  | { kind: "bogo"; sku: string };

interface Line {
  product: Product;
  qty: number;
}

class Cart {
  private lines: Line[] = [];
  private discounts: Discount[] = [];

  add(product: Product, qty = 1): this {
    const line = this.lines.find((l) => l.product.sku === product.sku);
    if (line) line.qty += qty;
    else this.lines.push({ product, qty });
    return this;
  }

  apply(d: Discount): this {
    this.discounts.push(d);
    return this;
  }

  subtotal(): number {
    return this.lines.reduce((s, l) => s + l.product.price * l.qty, 0);
  }

  savings(d: Discount): number {
    switch (d.kind) {
      case "percent": {
        const base = this.lines
          .filter((l) => d.category === undefined || l.product.category === d.category)
          .reduce((s, l) => s + l.product.price * l.qty, 0);
        return (base * d.percent) / 100;
      }
      case "fixed":
        return this.subtotal() >= d.minTotal ? d.amount : 0;
      case "bogo": {
        const line = this.lines.find((l) => l.product.sku === d.sku);
        return line ? Math.floor(line.qty / 2) * line.product.price : 0;
      }
    }
  }

  receipt(): void {
    for (const l of this.lines) {
      console.log(`${l.product.name.padEnd(20)} ${String(l.qty).padStart(2)} x ${l.product.price.toFixed(2).padStart(7)} = ${(l.qty * l.product.price).toFixed(2).padStart(8)}`);
    }
    const sub = this.subtotal();
    console.log(`${"subtotal".padEnd(35)}${sub.toFixed(2).padStart(8)}`);
    let saved = 0;
    for (const d of this.discounts) {
      const s = this.savings(d);
      saved += s;
      const label = d.kind === "percent" ? `${d.percent}% off ${d.category ?? "all"}` : d.kind === "fixed" ? `${d.amount} off over ${d.minTotal}` : `buy one get one ${d.sku}`;
      console.log(`  ${label.padEnd(33)}${(-s).toFixed(2).padStart(8)}`);
    }
    const taxed = Math.round((sub - saved) * 1.0825 * 100) / 100;
    console.log(`${"total incl. 8.25% tax".padEnd(35)}${taxed.toFixed(2).padStart(8)}`);
  }
}

const apple: Product = { sku: "F1", name: "apples (1kg)", price: 3.49, category: "food" };
const bread: Product = { sku: "F2", name: "sourdough", price: 5.25, category: "food" };
const novel: Product = { sku: "B1", name: "a novel", price: 14.99, category: "books" };
const cable: Product = { sku: "E1", name: "usb cable", price: 9.95, category: "electronics" };
const phone: Product = { sku: "E2", name: "phone", price: 299.0, category: "electronics" };

new Cart().add(apple, 3).add(bread).add(novel, 2).apply({ kind: "bogo", sku: "B1" }).receipt();
console.log("---");
new Cart()
  .add(cable, 2)
  .add(phone)
  .add(apple)
  .add(cable)
  .apply({ kind: "percent", percent: 10, category: "electronics" })
  .apply({ kind: "fixed", amount: 20, minTotal: 250 })
  .receipt();
console.log("---");
new Cart().add(bread, 2).apply({ kind: "percent", percent: 15 }).apply({ kind: "fixed", amount: 5, minTotal: 50 }).receipt();
