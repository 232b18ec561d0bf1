// features: classes, generics, generic-constraints, interfaces, closures, arrows, optional, nullish, array-methods, type-aliases, template-literals
type Listener<T> = (payload: T) => void;

class EventEmitter<Events extends Record<string, unknown>> {
  private listeners: { [K in keyof Events]?: Listener<Events[K]>[] } = {};

  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void {
    const list = this.listeners[event] ?? [];
    list.push(fn);
    this.listeners[event] = list;
    return () => this.off(event, fn);
  }

  off<K extends keyof Events>(event: K, fn: Listener<Events[K]>): void {
    const list = this.listeners[event];
    if (!list) return;
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): number {
    const list = this.listeners[event] ?? [];
    for (const fn of list) fn(payload);
    return list.length;
  }
}

interface AppEvents extends Record<string, unknown> {
  login: { user: string; at: number };
  logout: string;
  tick: number;
}

const bus = new EventEmitter<AppEvents>();
const log: string[] = [];
const offLogin = bus.on("login", (e) => log.push(`login ${e.user}@${e.at}`));
bus.on("logout", (u) => log.push(`logout ${u}`));
let ticks = 0;
bus.on("tick", (n) => { ticks += n; });
bus.emit("login", { user: "ann", at: 100 });
bus.emit("tick", 5);
bus.emit("tick", 7);
offLogin();
console.log(bus.emit("login", { user: "bob", at: 200 }));
bus.emit("logout", "ann");
console.log(log.join("; "));
console.log("ticks", ticks);
