// pipeline: closures over arrays, as data-processing TypeScript is written.
// 20,000 orders (objects) are generated once; each of 1,000 rounds runs
// map/filter/reduce chains over them and over arrays of numbers, with arrow
// functions that capture the round's parameters (a threshold, a category, a
// discount rate), builds new objects in `map`, and sorts a copy with a
// comparator. Output: one checksum line per 250 rounds and a final one,
// identical to bench/c/pipeline.c (plain loops over malloc'd arrays).

interface Order {
  id: number;
  customer: number;
  category: number;
  price: number; // in cents
  quantity: number;
}

interface LineTotal {
  id: number;
  customer: number;
  total: number;
}

const ORDERS = 20000;
const ROUNDS = 1000;
const CATEGORIES = 8;

function makeOrders(count: number): Order[] {
  const orders: Order[] = [];
  let seed = 12345;
  const next = (bound: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % bound;
  };
  for (let i = 0; i < count; i++) {
    orders.push({ id: i, customer: next(500), category: next(CATEGORIES), price: 100 + next(10000), quantity: 1 + next(20) });
  }
  return orders;
}

function runRound(orders: Order[], round: number): number {
  const category = round % CATEGORIES;
  const threshold = 1000 + (round % 17) * 5000;
  const discountPercent = 5 + (round % 4) * 5;

  // arrays of numbers: amounts, the large ones, their sum and maximum
  const amounts = orders.map((o) => o.price * o.quantity);
  const large = amounts.filter((a) => a > threshold);
  const largeSum = large.reduce((sum, a) => sum + a, 0);
  const largest = amounts.reduce((max, a) => (a > max ? a : max), 0);

  // arrays of objects: one category's orders, discounted, as new objects
  const lines: LineTotal[] = orders
    .filter((o) => o.category === category)
    .map((o) => ({ id: o.id, customer: o.customer, total: Math.floor((o.price * o.quantity * (100 - discountPercent)) / 100) }));
  const lineSum = lines.reduce((sum, l) => sum + l.total, 0);
  const bigSpender = lines.some((l) => l.total > threshold * 10);
  const firstLarge = lines.findIndex((l) => l.total > threshold);

  // a sorted copy: the ten largest line totals
  const ranked = lines.slice().sort((a, b) => b.total - a.total || a.id - b.id);
  let top = 0;
  ranked.slice(0, 10).forEach((l, i) => {
    top += l.total * (i + 1) + l.customer;
  });

  return ((largeSum % 1000003) + largest + lineSum + (bigSpender ? 1 : 0) + firstLarge + top) % 1000000007;
}

function main(): void {
  const orders = makeOrders(ORDERS);
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    checksum = (checksum * 31 + runRound(orders, round)) % 1000000007;
    if ((round + 1) % 250 === 0) console.log(`round ${round + 1}: ${checksum}`);
  }
  console.log(`pipeline ${checksum}`);
}

main();
