// features: classes, closures, arrows, array-methods, template-literals, string-enums, private, integers, for-of, tuples, string-methods, type-aliases, destructuring, enums
enum Suit {
  Spades = "♠",
  Hearts = "♥",
  Diamonds = "♦",
  Clubs = "♣",
}

type Card = [string, Suit];

function makeRng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

class Deck {
  private cards: Card[] = [];
  constructor(private rng: (n: number) => number) {
    for (const suit of [Suit.Spades, Suit.Hearts, Suit.Diamonds, Suit.Clubs])
      for (const r of ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"]) this.cards.push([r, suit]);
    for (let i = this.cards.length - 1; i > 0; i--) {
      const j = this.rng(i + 1);
      [this.cards[i], this.cards[j]] = [this.cards[j], this.cards[i]];
    }
  }
  draw(): Card {
    return this.cards.pop()!;
  }
}

function value(hand: Card[]): number {
  let total = 0;
  let aces = 0;
  for (const [r] of hand) {
    if (r === "A") {
      aces++;
      total += 11;
    } else total += ["J", "Q", "K"].includes(r) ? 10 : Number(r);
  }
  while (total > 21 && aces > 0) {
    total -= 10;
    aces--;
  }
  return total;
}

const show = (hand: Card[]) => hand.map(([r, s]) => r + s).join(" ");

function play(round: number, rng: (n: number) => number): number {
  const deck = new Deck(rng);
  const player = [deck.draw(), deck.draw()];
  const dealer = [deck.draw(), deck.draw()];
  while (value(player) < 17) player.push(deck.draw());
  const pv = value(player);
  if (pv <= 21) while (value(dealer) < 17) dealer.push(deck.draw());
  const dv = value(dealer);
  const result = pv > 21 ? -1 : dv > 21 || pv > dv ? 1 : pv === dv ? 0 : -1;
  console.log(`#${String(round).padStart(2)} you ${show(player)} (${pv})  dealer ${show(dealer)} (${dv})  ${["lose", "push", "win"][result + 1]}`);
  return result;
}

const rng = makeRng(20261125);
let bank = 100;
const results: number[] = [];
for (let round = 1; round <= 15; round++) {
  const r = play(round, rng);
  results.push(r);
  bank += r * 10;
}
console.log(`wins ${results.filter((r) => r > 0).length}, pushes ${results.filter((r) => r === 0).length}, losses ${results.filter((r) => r < 0).length}, bank ${bank}`);
