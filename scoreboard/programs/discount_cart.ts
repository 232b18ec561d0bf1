// features: interfaces, discriminated-unions, classes, accessors, default-params, switch, array-methods, destructuring, math, floats, template-literals, string-methods, private, literal-unions, type-aliases
interface Product { id: string; name: string; price: number; category: "food" | "tech" | "books" }
interface CartLine { product: Product; qty: number }
type Discount = { kind: "percent"; value: number } | { kind: "fixed"; value: number } | { kind: "bogo"; productId: string };

class Cart {
  private lines: CartLine[] = [];
  private discounts: Discount[] = [];

  add(product: Product, qty = 1): void {
    const line = this.lines.find((l) => l.product.id === product.id);
    if (line) line.qty += qty;
    else this.lines.push({ product, qty });
  }

  remove(id: string): boolean {
    const before = this.lines.length;
    this.lines = this.lines.filter((l) => l.product.id !== id);
    return this.lines.length < before;
  }

  apply(d: Discount): void { this.discounts.push(d); }

  get subtotal(): number {
    return this.lines.reduce((sum, l) => sum + l.product.price * l.qty, 0);
  }

  private discountAmount(d: Discount): number {
    switch (d.kind) {
      case "percent": return this.subtotal * (d.value / 100);
      case "fixed": return Math.min(d.value, this.subtotal);
      case "bogo": {
        const line = this.lines.find((l) => l.product.id === d.productId);
        return line ? Math.floor(line.qty / 2) * line.product.price : 0;
      }
    }
  }

  get total(): number {
    const off = this.discounts.reduce((s, d) => s + this.discountAmount(d), 0);
    return Math.max(0, Math.round((this.subtotal - off) * 100) / 100);
  }

  summary(): string {
    const rows = this.lines.map(({ product: p, qty }) => `${qty} x ${p.name.padEnd(12)} ${(p.price * qty).toFixed(2).padStart(8)}`);
    const byCat = this.lines.reduce<Partial<Record<Product["category"], number>>>((acc, l) => {
      acc[l.product.category] = (acc[l.product.category] ?? 0) + l.qty;
      return acc;
    }, {});
    return [...rows, `subtotal ${this.subtotal.toFixed(2)}`, `total ${this.total.toFixed(2)}`, JSON.stringify(byCat)].join("\n");
  }
}

const catalog: Product[] = [
  { id: "a", name: "Apple", price: 0.5, category: "food" },
  { id: "l", name: "Laptop", price: 999.99, category: "tech" },
  { id: "b", name: "TS Handbook", price: 29.95, category: "books" },
];
const cart = new Cart();
const [apple, laptop, book] = catalog;
cart.add(apple, 6);
cart.add(book);
cart.add(apple, 1);
cart.add(laptop);
cart.apply({ kind: "bogo", productId: "a" });
cart.apply({ kind: "percent", value: 10 });
console.log(cart.summary());
console.log(cart.remove("l"), cart.remove("zz"), cart.total);
cart.apply({ kind: "fixed", value: 100 });
console.log(cart.total);
