// features: classes, generics, closures, arrows, map-set, interfaces, template-literals, optional, nullable, for-of, private, type-aliases
type Handler<T> = (payload: T) => void;

interface Subscription {
  unsubscribe(): void;
}

class EventBus<T> {
  private handlers = new Map<string, Handler<T>[]>();
  private history: string[] = [];

  on(event: string, handler: Handler<T>): Subscription {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return {
      unsubscribe: () => {
        const cur = this.handlers.get(event);
        if (!cur) return;
        const i = cur.indexOf(handler);
        if (i >= 0) cur.splice(i, 1);
        if (cur.length === 0) this.handlers.delete(event);
      },
    };
  }

  once(event: string, handler: Handler<T>): Subscription {
    const sub = this.on(event, (p) => {
      sub.unsubscribe();
      handler(p);
    });
    return sub;
  }

  emit(event: string, payload: T): number {
    this.history.push(event);
    const list = this.handlers.get(event);
    if (list === undefined) return 0;
    const snapshot = [...list];
    snapshot.forEach((h) => h(payload));
    return snapshot.length;
  }

  listenerCount(event?: string): number {
    if (event !== undefined) return this.handlers.get(event)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }

  get emitted(): readonly string[] {
    return this.history;
  }
}

interface Order {
  id: number;
  item: string;
  qty: number;
  note?: string;
}

const bus = new EventBus<Order>();
const shipped: number[] = [];
let revenue = 0;
const prices: Record<string, number> = { apple: 3, pear: 4, plum: 5 };

const audit = bus.on("placed", (o) => console.log(`audit: order ${o.id} ${o.qty}x ${o.item}${o.note ? ` (${o.note})` : ""}`));
bus.on("placed", (o) => {
  revenue += (prices[o.item] ?? 0) * o.qty;
});
bus.on("shipped", (o) => shipped.push(o.id));
bus.once("shipped", (o) => console.log(`first shipment is order ${o.id}`));

const orders: Order[] = [
  { id: 1, item: "apple", qty: 3 },
  { id: 2, item: "plum", qty: 1, note: "gift" },
  { id: 3, item: "kiwi", qty: 2 },
  { id: 4, item: "pear", qty: 5 },
];

for (const o of orders) {
  const n = bus.emit("placed", o);
  console.log(`placed ${o.id}: ${n} handlers, revenue now ${revenue}`);
  if (o.id === 2) audit.unsubscribe();
}
console.log(`listeners: placed=${bus.listenerCount("placed")} shipped=${bus.listenerCount("shipped")} total=${bus.listenerCount()}`);
for (const o of orders.filter((o) => o.item !== "kiwi")) bus.emit("shipped", o);
console.log(`shipped: ${shipped.join(", ")}`);
console.log(`listeners after once: ${bus.listenerCount("shipped")}`);
console.log(`cancelled handlers: ${bus.emit("cancelled", orders[0])}`);

const counters = new Map<string, number>();
const subs = ["a", "b", "c"].map((name) =>
  bus.on("tick", () => counters.set(name, (counters.get(name) ?? 0) + 1)),
);
bus.emit("tick", orders[0]);
subs[1].unsubscribe();
bus.emit("tick", orders[0]);
subs.forEach((s) => s.unsubscribe());
bus.emit("tick", orders[0]);
console.log([...counters].map(([k, v]) => `${k}=${v}`).join(" "));
console.log(`history: ${bus.emitted.join(",")}`);
