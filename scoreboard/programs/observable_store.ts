// features: generics, classes, closures, arrows, map-set, interfaces, template-literals, private, optional, array-methods, typeof, union-values, spread, for-of, string-methods, floats, object-literals
interface Subscription {
  unsubscribe(): void;
}

class Observable<T> {
  private listeners = new Set<(v: T, old: T) => void>();
  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(v: T): void {
    if (v === this.value) return;
    const old = this.value;
    this.value = v;
    for (const l of [...this.listeners]) l(v, old);
  }

  subscribe(l: (v: T, old: T) => void): Subscription {
    this.listeners.add(l);
    return { unsubscribe: () => this.listeners.delete(l) };
  }

  map<U>(f: (v: T) => U): Observable<U> {
    const out = new Observable(f(this.value));
    this.subscribe((v) => out.set(f(v)));
    return out;
  }
}

function combine<A, B, R>(a: Observable<A>, b: Observable<B>, f: (a: A, b: B) => R): Observable<R> {
  const out = new Observable(f(a.get(), b.get()));
  a.subscribe((v) => out.set(f(v, b.get())));
  b.subscribe((v) => out.set(f(a.get(), v)));
  return out;
}

const log: string[] = [];
const price = new Observable(20);
const qty = new Observable(3);
const total = combine(price, qty, (p, q) => p * q);
const label = total.map((t) => (t > 100 ? "expensive" : "cheap"));
const describe = (v: string | number) => (typeof v === "number" ? v.toFixed(2) : v.toUpperCase());

total.subscribe((v, old) => log.push(`total ${describe(old)} -> ${describe(v)}`));
const sub = label.subscribe((v, old) => log.push(`label ${old} -> ${describe(v)}`));
let qtyChanges = 0;
qty.subscribe(() => qtyChanges++);

price.set(25);
qty.set(5);
qty.set(5);
price.set(19.99);
sub.unsubscribe();
qty.set(6);
price.set(10);
for (const line of log) console.log(line);
console.log(`final: price ${price.get()}, qty ${qty.get()}, total ${total.get()}, label ${label.get()}, qty changed ${qtyChanges} times`);
