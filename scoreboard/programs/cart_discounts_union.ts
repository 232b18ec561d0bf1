// features: interfaces, discriminated-unions, type-aliases, classes, private, fluent, accessors, switch, optional, spread, object-literals, destructuring, for-of, array-methods, arrows, template-literals, string-methods, floats, math
interface CartItem {
  sku: string;
  name: string;
  unitPrice: number;
  qty: number;
}

type Discount =
  | { type: "percent"; value: number; minTotal?: number }
  | { type: "fixed"; amount: number }
  | { type: "bogo"; sku: string };

class ShoppingCart {
  private items: CartItem[] = [];
  private discounts: Discount[] = [];

  addItem(item: CartItem): this {
    const found = this.items.find((i) => i.sku === item.sku);
    if (found) found.qty += item.qty;
    else this.items.push({ ...item });
    return this;
  }

  applyDiscount(d: Discount): this {
    this.discounts.push(d);
    return this;
  }

  get subtotal(): number {
    return this.items.reduce((s, i) => s + i.unitPrice * i.qty, 0);
  }

  private discountValue(d: Discount, running: number): number {
    switch (d.type) {
      case "percent":
        if (d.minTotal !== undefined && running < d.minTotal) return 0;
        return (running * d.value) / 100;
      case "fixed":
        return Math.min(d.amount, running);
      case "bogo": {
        const item = this.items.find((i) => i.sku === d.sku);
        return item ? Math.floor(item.qty / 2) * item.unitPrice : 0;
      }
    }
  }

  checkout(): string[] {
    const lines: string[] = [];
    for (const { name, unitPrice, qty } of this.items) {
      lines.push(`${name.padEnd(12)}${String(qty).padStart(3)} x ${unitPrice.toFixed(2).padStart(7)} = ${(qty * unitPrice).toFixed(2).padStart(8)}`);
    }
    let total = this.subtotal;
    lines.push(`${"Subtotal".padEnd(33)}${total.toFixed(2).padStart(8)}`);
    for (const d of this.discounts) {
      const v = this.discountValue(d, total);
      if (v > 0) {
        total -= v;
        const label = d.type === "percent" ? `${d.value}% off` : d.type === "fixed" ? `$${d.amount} off` : `BOGO ${d.sku}`;
        lines.push(`${label.padEnd(33)}${("-" + v.toFixed(2)).padStart(8)}`);
      }
    }
    const tax = Math.round(total * 0.08 * 100) / 100;
    lines.push(`${"Tax (8%)".padEnd(33)}${tax.toFixed(2).padStart(8)}`);
    lines.push(`${"TOTAL".padEnd(33)}${(total + tax).toFixed(2).padStart(8)}`);
    return lines;
  }
}

const cart = new ShoppingCart()
  .addItem({ sku: "APL", name: "Apple", unitPrice: 0.5, qty: 6 })
  .addItem({ sku: "BRD", name: "Bread", unitPrice: 3.25, qty: 1 })
  .addItem({ sku: "CHZ", name: "Cheese", unitPrice: 7.99, qty: 2 })
  .addItem({ sku: "APL", name: "Apple", unitPrice: 0.5, qty: 3 })
  .applyDiscount({ type: "bogo", sku: "CHZ" })
  .applyDiscount({ type: "percent", value: 10, minTotal: 20 })
  .applyDiscount({ type: "fixed", amount: 2 })
  .applyDiscount({ type: "percent", value: 50, minTotal: 100 });

cart.checkout().forEach((l) => console.log(l));
