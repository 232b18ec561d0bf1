// features: type-aliases, literal-unions, object-literals, classes, private, map-set, array-methods, template-literals, for-of, tuples, destructuring, nullable, switch
type Status = "cart" | "placed" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
type Action = "place" | "pay" | "ship" | "deliver" | "cancel" | "refund";

const transitions: Record<Status, Partial<Record<Action, Status>>> = {
  cart: { place: "placed", cancel: "cancelled" },
  placed: { pay: "paid", cancel: "cancelled" },
  paid: { ship: "shipped", refund: "refunded" },
  shipped: { deliver: "delivered" },
  delivered: { refund: "refunded" },
  cancelled: {},
  refunded: {},
};

class Order {
  private status: Status = "cart";
  private trail: [Status, Action, Status][] = [];
  constructor(readonly id: string, readonly total: number) {}

  apply(action: Action): boolean {
    const next = transitions[this.status][action];
    if (next === undefined) return false;
    this.trail.push([this.status, action, next]);
    this.status = next;
    return true;
  }

  get state(): Status {
    return this.status;
  }

  get isFinal(): boolean {
    return Object.keys(transitions[this.status]).length === 0;
  }

  history(): string {
    return this.trail.map(([, a, to]) => `${a}->${to}`).join(", ");
  }
}

function label(s: Status): string {
  switch (s) {
    case "cart":
    case "placed":
      return "open";
    case "paid":
    case "shipped":
      return "in progress";
    case "delivered":
      return "complete";
    default:
      return "closed";
  }
}

const scripts: [string, number, Action[]][] = [
  ["A-1", 25, ["place", "pay", "ship", "deliver"]],
  ["A-2", 40, ["place", "cancel", "pay"]],
  ["A-3", 15, ["pay", "place", "pay", "refund", "ship"]],
  ["A-4", 99, ["place", "pay", "ship", "refund", "deliver", "refund"]],
  ["A-5", 5, []],
];

const orders: Order[] = [];
for (const [id, total, actions] of scripts) {
  const o = new Order(id, total);
  const rejected: Action[] = [];
  for (const a of actions) if (!o.apply(a)) rejected.push(a);
  orders.push(o);
  console.log(`${id}: ${o.state} (${label(o.state)})${o.isFinal ? " final" : ""}`);
  console.log(`  history: ${o.history() || "(none)"}`);
  if (rejected.length > 0) console.log(`  rejected: ${rejected.join(", ")}`);
}

const byLabel = new Map<string, Order[]>();
for (const o of orders) {
  const k = label(o.state);
  byLabel.set(k, [...(byLabel.get(k) ?? []), o]);
}
for (const [k, os] of byLabel) {
  console.log(`${k}: ${os.map((o) => o.id).join(" ")} total=${os.reduce((n, o) => n + o.total, 0)}`);
}

const reachable = (from: Status): Set<Status> => {
  const seen = new Set<Status>([from]);
  const queue: Status[] = [from];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const next of Object.values(transitions[s])) {
      if (next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
};
for (const s of ["cart", "shipped", "refunded"] as Status[]) {
  console.log(`from ${s}: ${[...reachable(s)].join(" ")}`);
}
