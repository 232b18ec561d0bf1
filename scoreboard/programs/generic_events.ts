// features: generics, generic-constraints, type-aliases, map-set, closures, arrows, labeled-loops, template-literals, object-literals, instanceof, typeof, spread, nullish, private, for-of, array-methods, string-methods, classes, destructuring, floats
type Events = {
  login: { user: string; admin: boolean };
  logout: { user: string };
  purchase: { user: string; amount: number; items: string[] };
  error: Error;
};

type Listener<T> = (payload: T) => void;

class Emitter<E extends Record<string, unknown>> {
  private listeners = new Map<keyof E, Listener<never>[]>();
  private counts = new Map<keyof E, number>();

  on<K extends keyof E>(event: K, l: Listener<E[K]>): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l as Listener<never>]);
  }

  emit<K extends keyof E>(event: K, payload: E[K]): void {
    this.counts.set(event, (this.counts.get(event) ?? 0) + 1);
    for (const l of this.listeners.get(event) ?? []) (l as Listener<E[K]>)(payload);
  }

  count<K extends keyof E>(event: K): number {
    return this.counts.get(event) ?? 0;
  }
}

const bus = new Emitter<Events>();
const sessions = new Set<string>();
let revenue = 0;
const audit: string[] = [];

bus.on("login", ({ user, admin }) => {
  sessions.add(user);
  audit.push(`${user} in${admin ? " (admin)" : ""}`);
});
bus.on("logout", ({ user }) => {
  sessions.delete(user);
  audit.push(`${user} out`);
});
bus.on("purchase", (p) => {
  revenue += p.amount;
  audit.push(`${p.user} bought ${p.items.length} item(s) for ${p.amount.toFixed(2)}`);
});
bus.on("error", (e) => audit.push(`error: ${e instanceof Error ? e.message : typeof e}`));

bus.emit("login", { user: "ada", admin: true });
bus.emit("login", { user: "bob", admin: false });
bus.emit("purchase", { user: "bob", amount: 19.99, items: ["book"] });
bus.emit("purchase", { user: "ada", amount: 5.5, items: ["pen", "ink"] });
bus.emit("logout", { user: "bob" });
bus.emit("error", new Error("payment gateway timeout"));
bus.emit("purchase", { user: "ada", amount: 100, items: ["lamp", "desk", "chair"] });

for (const line of audit) console.log(line);
console.log(`online: ${[...sessions].join(", ")}; revenue ${revenue.toFixed(2)}`);
const names: (keyof Events)[] = ["login", "logout", "purchase", "error"];
console.log(names.map((n) => `${n}=${bus.count(n)}`).join(" "));

let firstBig = "none";
search: for (const line of audit) {
  for (const word of line.split(" ")) {
    const n = Number(word);
    if (typeof n === "number" && n >= 50) {
      firstBig = line;
      break search;
    }
  }
}
console.log(`first big purchase: ${firstBig}`);
