// features: string-enums, classes, map-set, discriminated-unions, switch, integers, template-literals, nullable, private, for-of, accessors, array-methods, string-methods, math, interfaces, type-aliases, destructuring, enums, floats, tuples, object-literals
enum Coin {
  Nickel = "nickel",
  Dime = "dime",
  Quarter = "quarter",
  Dollar = "dollar",
}

const COIN_VALUE: Record<Coin, number> = { nickel: 5, dime: 10, quarter: 25, dollar: 100 };

type Action =
  | { type: "insert"; coin: Coin }
  | { type: "select"; slot: string }
  | { type: "refund" }
  | { type: "restock"; slot: string; count: number };

interface Slot {
  name: string;
  price: number;
  count: number;
}

class VendingMachine {
  private credit = 0;
  private bank = 0;
  private slots = new Map<string, Slot>();

  constructor(slots: [string, string, number, number][]) {
    for (const [id, name, price, count] of slots) this.slots.set(id, { name, price, count });
  }

  private change(amount: number): string {
    const parts: string[] = [];
    for (const [coin, value] of [[Coin.Quarter, 25], [Coin.Dime, 10], [Coin.Nickel, 5]] as [Coin, number][]) {
      const n = Math.floor(amount / value);
      if (n > 0) parts.push(`${n} ${coin}${n > 1 ? "s" : ""}`);
      amount %= value;
    }
    return parts.length ? parts.join(", ") : "nothing";
  }

  handle(a: Action): string {
    switch (a.type) {
      case "insert":
        this.credit += COIN_VALUE[a.coin];
        return `credit ${this.credit}c`;
      case "refund": {
        const c = this.credit;
        this.credit = 0;
        return `refund ${c}c: ${this.change(c)}`;
      }
      case "restock": {
        const s = this.slots.get(a.slot);
        if (!s) return `no slot ${a.slot}`;
        s.count += a.count;
        return `${s.name} now ${s.count}`;
      }
      case "select": {
        const s = this.slots.get(a.slot);
        if (s === undefined) return `no slot ${a.slot}`;
        if (s.count === 0) return `${s.name} sold out`;
        if (this.credit < s.price) return `${s.name} costs ${s.price}c, insert ${s.price - this.credit}c more`;
        s.count--;
        this.bank += s.price;
        const back = this.credit - s.price;
        this.credit = 0;
        return `vend ${s.name}, change ${back}c: ${this.change(back)}`;
      }
    }
  }

  get takings(): number {
    return this.bank;
  }
}

const vm = new VendingMachine([["A1", "chips", 75, 2], ["A2", "candy", 65, 1], ["B1", "soda", 125, 3]]);
const actions: Action[] = [
  { type: "select", slot: "A1" },
  { type: "insert", coin: Coin.Quarter },
  { type: "insert", coin: Coin.Quarter },
  { type: "select", slot: "A1" },
  { type: "insert", coin: Coin.Dollar },
  { type: "select", slot: "A1" },
  { type: "insert", coin: Coin.Dollar },
  { type: "select", slot: "A2" },
  { type: "insert", coin: Coin.Dollar },
  { type: "select", slot: "A2" },
  { type: "select", slot: "C9" },
  { type: "insert", coin: Coin.Dime },
  { type: "insert", coin: Coin.Nickel },
  { type: "refund" },
  { type: "restock", slot: "A2", count: 4 },
  { type: "insert", coin: Coin.Dollar },
  { type: "insert", coin: Coin.Quarter },
  { type: "insert", coin: Coin.Dime },
  { type: "select", slot: "B1" },
];
for (const a of actions) console.log(`${a.type.padEnd(8)} ${vm.handle(a)}`);
console.log(`takings: $${(vm.takings / 100).toFixed(2)}`);
