// features: classes, string-enums, switch, private, map-set, template-literals, for-of, integers, nullable, array-methods, arrows, tuples, destructuring, readonly
enum State {
  Idle = "idle",
  HasMoney = "has-money",
  Dispensing = "dispensing",
  OutOfService = "out-of-service",
}

type Event = ["coin", number] | ["select", string] | ["refund"] | ["restock", string, number] | ["service", boolean];

interface Slot {
  readonly code: string;
  readonly name: string;
  readonly price: number;
  count: number;
}

class Machine {
  private state = State.Idle;
  private credit = 0;
  private slots = new Map<string, Slot>();
  private sales: string[] = [];
  private readonly coins = new Set([5, 10, 25, 100]);

  constructor(items: [string, string, number, number][]) {
    for (const [code, name, price, count] of items) this.slots.set(code, { code, name, price, count });
  }

  handle(ev: Event): string {
    const [kind] = ev;
    if (this.state === State.OutOfService && kind !== "service") return "out of service";
    switch (ev[0]) {
      case "coin": {
        const c = ev[1];
        if (!this.coins.has(c)) return `rejected coin ${c}`;
        this.credit += c;
        this.state = State.HasMoney;
        return `credit ${this.credit}`;
      }
      case "select": {
        const slot = this.slots.get(ev[1]);
        if (!slot) return `no slot ${ev[1]}`;
        if (slot.count === 0) return `${slot.name} sold out`;
        if (this.credit < slot.price) return `${slot.name} costs ${slot.price}, credit ${this.credit}`;
        this.state = State.Dispensing;
        slot.count--;
        const change = this.credit - slot.price;
        this.credit = 0;
        this.sales.push(slot.code);
        this.state = State.Idle;
        return `dispensed ${slot.name}${change ? `, change ${this.makeChange(change).join("+")}` : ""}`;
      }
      case "refund": {
        const r = this.credit;
        this.credit = 0;
        this.state = State.Idle;
        return r ? `refunded ${r}` : "nothing to refund";
      }
      case "restock": {
        const slot = this.slots.get(ev[1]);
        if (!slot) return `no slot ${ev[1]}`;
        slot.count += ev[2];
        return `${slot.name} now ${slot.count}`;
      }
      case "service":
        this.state = ev[1] ? State.OutOfService : State.Idle;
        return `service ${ev[1] ? "on" : "off"}`;
    }
  }

  private makeChange(amount: number): number[] {
    const out: number[] = [];
    for (const c of [...this.coins].sort((a, b) => b - a)) {
      while (amount >= c) {
        out.push(c);
        amount -= c;
      }
    }
    return out;
  }

  get status(): string {
    return `${this.state} credit=${this.credit}`;
  }

  report(): string {
    const byCode = new Map<string, number>();
    for (const s of this.sales) byCode.set(s, (byCode.get(s) ?? 0) + 1);
    const revenue = this.sales.reduce((sum, code) => sum + (this.slots.get(code)?.price ?? 0), 0);
    return `${[...byCode].map(([c, n]) => `${c}x${n}`).join(" ")} revenue=${revenue}`;
  }
}

const m = new Machine([["A1", "chips", 125, 2], ["A2", "candy", 90, 1], ["B1", "water", 100, 0]]);
const script: Event[] = [
  ["select", "A1"], ["coin", 100], ["coin", 3], ["select", "A1"], ["coin", 25], ["coin", 25], ["select", "A1"],
  ["coin", 100], ["select", "A2"], ["coin", 100], ["select", "A2"], ["refund"], ["refund"], ["select", "B1"],
  ["restock", "B1", 4], ["service", true], ["coin", 25], ["service", false], ["coin", 100], ["select", "B1"],
  ["select", "Z9"], ["coin", 100], ["coin", 100], ["select", "A1"],
];
for (const ev of script) {
  const out = m.handle(ev);
  console.log(`${ev.join(" ").padEnd(16)} -> ${out.padEnd(36)} [${m.status}]`);
}
console.log(m.report());
console.log(Object.values(State).join(", "));
