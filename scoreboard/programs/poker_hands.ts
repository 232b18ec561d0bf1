// features: enums, interfaces, map-set, array-methods, arrows, string-methods, template-literals, tuples, destructuring, for-of, spread, nullish, object-literals
enum Rank {
  HighCard,
  Pair,
  TwoPair,
  Trips,
  Straight,
  Flush,
  FullHouse,
  Quads,
  StraightFlush,
}

interface Card {
  value: number;
  suit: string;
}

const VALUES = "23456789TJQKA";

function parseHand(s: string): Card[] {
  return s.split(" ").map((c) => ({ value: VALUES.indexOf(c[0]) + 2, suit: c[1] }));
}

function evaluate(hand: Card[]): [Rank, number[]] {
  const counts = new Map<number, number>();
  for (const c of hand) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  const groups = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const values = groups.map(([v]) => v);
  const flush = hand.every((c) => c.suit === hand[0].suit);
  const sorted = hand.map((c) => c.value).sort((a, b) => b - a);
  let straight = groups.length === 5 && sorted[0] - sorted[4] === 4;
  if (groups.length === 5 && sorted.join(",") === "14,5,4,3,2") {
    straight = true;
    values.splice(0, values.length, 5, 4, 3, 2, 1);
  }
  const shape = groups.map(([, n]) => n).join("");
  if (straight && flush) return [Rank.StraightFlush, values];
  if (shape === "41") return [Rank.Quads, values];
  if (shape === "32") return [Rank.FullHouse, values];
  if (flush) return [Rank.Flush, values];
  if (straight) return [Rank.Straight, values];
  if (shape === "311") return [Rank.Trips, values];
  if (shape === "221") return [Rank.TwoPair, values];
  if (shape === "2111") return [Rank.Pair, values];
  return [Rank.HighCard, values];
}

function compare(a: string, b: string): number {
  const [ra, va] = evaluate(parseHand(a));
  const [rb, vb] = evaluate(parseHand(b));
  if (ra !== rb) return ra - rb;
  for (let i = 0; i < va.length; i++) if (va[i] !== vb[i]) return va[i] - vb[i];
  return 0;
}

const hands = [
  "2H 3D 5S 9C KD", "2C 3H 4S 8C AH", "2H 4S 4C 2D 4H", "2S 8S AS QS 3S",
  "TH JH QH KH AH", "AH 2D 3C 4S 5H", "9C 9D 9H 9S 2D", "5D 5C JH JS 2C",
  "3S 3H 7D 8C QD", "7C 8D 9H TS JC", "KC KD KS 2H 3D",
];
for (const h of hands) {
  const [rank, values] = evaluate(parseHand(h));
  console.log(`${h}  ${Rank[rank].padEnd(13)} ${values.join(",")}`);
}
const ranked = [...hands].sort(compare).reverse();
console.log("best to worst:");
ranked.forEach((h, i) => console.log(`  ${i + 1}. ${h}`));
const duels: [string, string][] = [["2H 3D 5S 9C KD", "2C 3H 4S 8C KH"], ["5D 5C JH JS 2C", "5H 5S JD JC 3C"], ["AH 2D 3C 4S 5H", "2S 3S 4D 5C 6H"]];
for (const [a, b] of duels) {
  const c = compare(a, b);
  console.log(`${a} vs ${b}: ${c > 0 ? "first wins" : c < 0 ? "second wins" : "tie"}`);
}
