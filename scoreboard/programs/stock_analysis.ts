// features: floats, math, array-methods, arrows, interfaces, tuples, template-literals, destructuring, nullable, closures, spread, for-of, object-literals
interface Day {
  day: number;
  close: number;
}

function prices(seed: number, n: number): Day[] {
  let s = seed;
  let price = 100;
  const out: Day[] = [];
  for (let d = 1; d <= n; d++) {
    s = (s * 16807) % 2147483647;
    const change = ((s / 2147483647) - 0.48) * 4;
    price = Math.max(1, price + change);
    out.push({ day: d, close: Math.round(price * 100) / 100 });
  }
  return out;
}

function bestTrade(days: Day[]): [Day, Day, number] | null {
  let minDay = days[0];
  let best: [Day, Day, number] | null = null;
  for (const d of days) {
    if (d.close < minDay.close) minDay = d;
    const profit = d.close - minDay.close;
    if (profit > 0 && (best === null || profit > best[2])) best = [minDay, d, profit];
  }
  return best;
}

const sma = (xs: number[], n: number): (number | null)[] =>
  xs.map((_, i) => (i + 1 < n ? null : xs.slice(i + 1 - n, i + 1).reduce((a, b) => a + b, 0) / n));

function volatility(xs: number[]): number {
  const returns = xs.slice(1).map((x, i) => Math.log(x / xs[i]));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  return Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1));
}

const days = prices(12345, 60);
const closes = days.map((d) => d.close);
console.log(`first week: ${closes.slice(0, 7).map((c) => c.toFixed(2)).join(" ")}`);
console.log(`min ${Math.min(...closes).toFixed(2)} max ${Math.max(...closes).toFixed(2)} last ${closes[closes.length - 1].toFixed(2)}`);
const trade = bestTrade(days);
if (trade) {
  const [buy, sell, profit] = trade;
  console.log(`best trade: buy day ${buy.day} at ${buy.close}, sell day ${sell.day} at ${sell.close}, profit ${profit.toFixed(2)} (${((profit / buy.close) * 100).toFixed(2)}%)`);
}
const fast = sma(closes, 5);
const slow = sma(closes, 20);
let position = 0;
let cash = 1000;
let trades = 0;
for (let i = 1; i < days.length; i++) {
  const [f0, s0, f1, s1] = [fast[i - 1], slow[i - 1], fast[i], slow[i]];
  if (f0 === null || s0 === null || f1 === null || s1 === null) continue;
  if (f0 <= s0 && f1 > s1 && position === 0) {
    position = cash / closes[i];
    cash = 0;
    trades++;
    console.log(`day ${i + 1}: golden cross, buy at ${closes[i].toFixed(2)}`);
  } else if (f0 >= s0 && f1 < s1 && position > 0) {
    cash = position * closes[i];
    position = 0;
    trades++;
    console.log(`day ${i + 1}: death cross, sell at ${closes[i].toFixed(2)}, cash ${cash.toFixed(2)}`);
  }
}
const final = cash + position * closes[closes.length - 1];
console.log(`strategy: ${trades} trades, final value ${final.toFixed(2)}; buy and hold ${((1000 * closes[closes.length - 1]) / closes[0]).toFixed(2)}`);
console.log(`daily volatility ${(volatility(closes) * 100).toFixed(3)}%`);
