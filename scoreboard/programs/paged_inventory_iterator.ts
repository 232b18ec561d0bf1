// features: classes, interfaces, for-of, spread, destructuring, map-set, nullable, template-literals, array-methods
// A paginated "API" walked by a hand-written iterator: pages are fetched on
// demand, and every consumer (for...of, spread, Array.from, Set) sees items
// one at a time.
interface Item {
  sku: string;
  qty: number;
  price: number;
}

interface Page {
  items: Item[];
  nextCursor: string | null;
}

class FakeInventoryApi {
  fetches = 0;
  private readonly pages = new Map<string, Page>([
    ["start", { items: [{ sku: "A-1", qty: 3, price: 2.5 }, { sku: "B-7", qty: 0, price: 10 }], nextCursor: "p2" }],
    ["p2", { items: [{ sku: "C-3", qty: 12, price: 0.99 }], nextCursor: "p3" }],
    ["p3", { items: [], nextCursor: "p4" }],
    ["p4", { items: [{ sku: "A-1", qty: 1, price: 2.5 }, { sku: "D-9", qty: 7, price: 4.25 }], nextCursor: null }],
  ]);

  fetch(cursor: string): Page {
    this.fetches++;
    const page = this.pages.get(cursor);
    if (!page) throw new Error(`unknown cursor ${cursor}`);
    console.log(`    (fetched ${cursor}: ${page.items.length} items)`);
    return page;
  }
}

class PageIterator implements Iterator<Item> {
  private buffer: Item[] = [];
  private index = 0;
  private cursor: string | null = "start";

  constructor(private readonly api: FakeInventoryApi) {}

  next(): IteratorResult<Item> {
    while (this.index >= this.buffer.length) {
      if (this.cursor === null) return { value: undefined, done: true };
      const page = this.api.fetch(this.cursor);
      this.buffer = page.items;
      this.index = 0;
      this.cursor = page.nextCursor;
    }
    return { value: this.buffer[this.index++], done: false };
  }
}

class Inventory implements Iterable<Item> {
  constructor(private readonly api: FakeInventoryApi) {}
  [Symbol.iterator](): Iterator<Item> {
    return new PageIterator(this.api);
  }
}

function totalValue(items: Iterable<Item>): number {
  let sum = 0;
  for (const { qty, price } of items) sum += qty * price;
  return Math.round(sum * 100) / 100;
}

const api = new FakeInventoryApi();
const inventory = new Inventory(api);

console.log("first in-stock item:");
for (const item of inventory) {
  if (item.qty > 0) {
    console.log(`  ${item.sku} x${item.qty}`);
    break;
  }
}
console.log("fetches so far:", api.fetches);

console.log("total value:", totalValue(inventory));
const skus = new Set(Array.from(inventory, (i) => i.sku));
console.log("distinct skus:", [...skus].join(", "));
const [first, second] = inventory;
console.log("first two:", first.sku, second.sku);
const outOfStock = [...inventory].filter((i) => i.qty === 0).map((i) => i.sku);
console.log("out of stock:", outOfStock, "fetches:", api.fetches);
