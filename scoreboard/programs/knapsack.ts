// features: integers, interfaces, array-methods, arrows, template-literals, tuples, destructuring, for-of, spread, string-methods, object-literals
interface Item {
  name: string;
  weight: number;
  value: number;
}

function knapsack(items: Item[], capacity: number): [number, Item[]] {
  const n = items.length;
  const dp: number[][] = [];
  for (let i = 0; i <= n; i++) dp.push(new Array<number>(capacity + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    const { weight, value } = items[i - 1];
    for (let w = 0; w <= capacity; w++) {
      dp[i][w] = dp[i - 1][w];
      if (weight <= w && dp[i - 1][w - weight] + value > dp[i][w]) dp[i][w] = dp[i - 1][w - weight] + value;
    }
  }
  const chosen: Item[] = [];
  let w = capacity;
  for (let i = n; i > 0; i--) {
    if (dp[i][w] !== dp[i - 1][w]) {
      chosen.unshift(items[i - 1]);
      w -= items[i - 1].weight;
    }
  }
  return [dp[n][capacity], chosen];
}

function greedy(items: Item[], capacity: number): number {
  const sorted = [...items].sort((a, b) => b.value / b.weight - a.value / a.weight);
  let total = 0;
  let room = capacity;
  for (const it of sorted) {
    if (it.weight <= room) {
      room -= it.weight;
      total += it.value;
    }
  }
  return total;
}

const items: Item[] = [
  { name: "tent", weight: 11, value: 30 },
  { name: "stove", weight: 4, value: 10 },
  { name: "water", weight: 9, value: 60 },
  { name: "food", weight: 6, value: 45 },
  { name: "camera", weight: 2, value: 15 },
  { name: "book", weight: 1, value: 3 },
  { name: "jacket", weight: 5, value: 25 },
  { name: "rope", weight: 3, value: 8 },
];
for (const cap of [0, 5, 10, 15, 20, 30, 41]) {
  const [best, chosen] = knapsack(items, cap);
  const used = chosen.reduce((s, i) => s + i.weight, 0);
  console.log(`capacity ${String(cap).padStart(2)}: value ${String(best).padStart(3)} (greedy ${String(greedy(items, cap)).padStart(3)}) weight ${used} [${chosen.map((i) => i.name).join(", ")}]`);
}
const coins = [1, 5, 10, 25];
function ways(amount: number): number {
  const w = new Array<number>(amount + 1).fill(0);
  w[0] = 1;
  for (const c of coins) for (let a = c; a <= amount; a++) w[a] += w[a - c];
  return w[amount];
}
console.log(`ways to make change: ${[1, 10, 25, 50, 100, 300].map((a) => `${a}c=${ways(a)}`).join(" ")}`);
