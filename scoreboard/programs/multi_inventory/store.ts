// store.ts: the stock store; applies movements and reports, using types.ts.
import type { Category, Item, Movement } from "./types.ts";

export class Store {
  private items: Item[] = [];
  private rejected: Movement[] = [];

  add(item: Item): void {
    this.items.push(item);
  }

  apply(m: Movement): boolean {
    const item = this.items.find((i) => i.sku === m.sku);
    if (!item || item.qty + m.delta < 0) {
      this.rejected.push(m);
      return false;
    }
    item.qty += m.delta;
    return true;
  }

  valueBy(cat: Category): number {
    return this.items.filter((i) => i.category === cat).reduce((s, i) => s + i.qty * i.unitCost, 0);
  }

  get rejections(): readonly Movement[] {
    return this.rejected;
  }

  lines(): string[] {
    return this.items.map((i) => `${i.sku} ${i.name.padEnd(10)} ${String(i.qty).padStart(4)} x ${i.unitCost.toFixed(2)}`);
  }
}
