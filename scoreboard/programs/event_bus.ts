// features: closures, arrows, map-set, generics, type-aliases, optional, template-literals, rest-params, classes, array-methods, spread, nullish, private, for-of, destructuring
type Handler<T> = (payload: T) => void;

class EventBus {
  private handlers = new Map<string, Handler<string>[]>();
  private counts = new Map<string, number>();

  on(event: string, h: Handler<string>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(h);
    this.handlers.set(event, list);
    return () => {
      const cur = this.handlers.get(event) ?? [];
      this.handlers.set(event, cur.filter((x) => x !== h));
    };
  }

  once(event: string, h: Handler<string>): void {
    const off = this.on(event, (p) => {
      off();
      h(p);
    });
  }

  emit(event: string, ...payloads: string[]): number {
    const list = this.handlers.get(event);
    this.counts.set(event, (this.counts.get(event) ?? 0) + 1);
    if (!list || list.length === 0) return 0;
    for (const p of payloads) for (const h of [...list]) h(p);
    return list.length;
  }

  stats(): string {
    return [...this.counts.entries()].map(([e, n]) => `${e}:${n}`).join(" ");
  }
}

const bus = new EventBus();
const received: string[] = [];
let total = 0;

function makeCounter(label: string, step?: number): Handler<string> {
  let count = 0;
  return (p) => {
    count += step ?? 1;
    total += p.length;
    received.push(`${label}#${count}(${p})`);
  };
}

const offA = bus.on("msg", makeCounter("A"));
bus.on("msg", makeCounter("B", 10));
bus.once("msg", makeCounter("once"));
bus.on("login", (user) => console.log(`welcome, ${user}`));

console.log(`msg handlers: ${bus.emit("msg", "hello")}`);
console.log(`msg handlers: ${bus.emit("msg", "x", "yz")}`);
offA();
console.log(`msg handlers: ${bus.emit("msg", "last")}`);
console.log(`login handlers: ${bus.emit("login", "ada", "grace")}`);
console.log(`nobody handlers: ${bus.emit("nobody")}`);
for (const r of received) console.log("  " + r);
console.log(`total payload chars ${total}`);
console.log(bus.stats());
