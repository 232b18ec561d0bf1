// features: interfaces, type-aliases, classes, private, map-set, closures, arrows, object-literals, accessors, readonly, for-of, destructuring, array-methods, template-literals, string-methods
interface Message {
  topic: string;
  body: string;
  seq: number;
}

type Handler = (msg: Message) => void;

class Broker {
  private subs = new Map<string, Set<Handler>>();
  private seq = 0;
  private deadLetters: Message[] = [];

  subscribe(pattern: string, handler: Handler): { unsubscribe(): void } {
    let set = this.subs.get(pattern);
    if (!set) {
      set = new Set();
      this.subs.set(pattern, set);
    }
    set.add(handler);
    return {
      unsubscribe: () => {
        set!.delete(handler);
        if (set!.size === 0) this.subs.delete(pattern);
      },
    };
  }

  private matches(pattern: string, topic: string): boolean {
    if (pattern === topic) return true;
    if (pattern.endsWith(".*")) return topic.startsWith(pattern.slice(0, -1));
    return pattern === "#";
  }

  publish(topic: string, body: string): number {
    const msg: Message = { topic, body, seq: ++this.seq };
    let delivered = 0;
    for (const [pattern, handlers] of this.subs) {
      if (!this.matches(pattern, topic)) continue;
      handlers.forEach((h) => {
        h(msg);
        delivered++;
      });
    }
    if (delivered === 0) this.deadLetters.push(msg);
    return delivered;
  }

  get dead(): readonly Message[] {
    return this.deadLetters;
  }
}

const broker = new Broker();
const received: Record<string, string[]> = { orders: [], audit: [], all: [] };

const s1 = broker.subscribe("orders.created", (m) => received.orders.push(`#${m.seq} ${m.body}`));
broker.subscribe("orders.*", (m) => received.audit.push(`${m.topic}:${m.body}`));
const s3 = broker.subscribe("#", (m) => received.all.push(m.topic));

console.log(broker.publish("orders.created", "order 1"));
console.log(broker.publish("orders.shipped", "order 1"));
console.log(broker.publish("users.signup", "ann"));
s3.unsubscribe();
console.log(broker.publish("users.login", "ann"));
s1.unsubscribe();
console.log(broker.publish("orders.created", "order 2"));

for (const key of Object.keys(received)) {
  console.log(`${key}: [${received[key].join(", ")}]`);
}
console.log("dead letters:", broker.dead.map((m) => `${m.seq}:${m.topic}`));
