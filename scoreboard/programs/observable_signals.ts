// features: classes, generics, closures, arrows, private, accessors, map-set, array-methods, template-literals, for-of, nullable, interfaces
type Listener<T> = (value: T, previous: T) => void;

class Signal<T> {
  private listeners = new Set<Listener<T>>();
  constructor(private current: T, readonly name: string) {}

  get value(): T {
    Tracker.touch(this);
    return this.current;
  }

  set value(next: T) {
    if (Object.is(next, this.current)) return;
    const prev = this.current;
    this.current = next;
    for (const l of [...this.listeners]) l(next, prev);
  }

  subscribe(l: Listener<T>): () => void {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}

interface Touchable {
  readonly name: string;
  subscribe(l: () => void): () => void;
}

class Tracker {
  private static active: Set<Touchable> | null = null;
  static touch(s: Touchable): void {
    Tracker.active?.add(s);
  }
  static track<R>(f: () => R): [R, Set<Touchable>] {
    const prev = Tracker.active;
    const deps = new Set<Touchable>();
    Tracker.active = deps;
    const r = f();
    Tracker.active = prev;
    return [r, deps];
  }
}

function computed<R>(name: string, f: () => R): Signal<R> {
  const [first, deps] = Tracker.track(f);
  const out = new Signal<R>(first, name);
  for (const d of deps) d.subscribe(() => (out.value = f()));
  return out;
}

const log: string[] = [];
const price = new Signal(10, "price");
const qty = new Signal(2, "qty");
const discount = new Signal(0, "discount");
const subtotal = computed("subtotal", () => price.value * qty.value);
const total = computed("total", () => Math.max(0, subtotal.value - discount.value));
const label = computed("label", () => `${qty.value} x ${price.value} = ${total.value}`);

const stop = total.subscribe((v, p) => log.push(`total ${p} -> ${v}`));
label.subscribe((v) => log.push(`label "${v}"`));

console.log(label.value);
qty.value = 3;
price.value = 12;
discount.value = 5;
discount.value = 5;
stop();
discount.value = 100;
qty.value = 0;
console.log(label.value);
log.forEach((l) => console.log(l));
console.log(`subscribers: price=${price.subscribers} qty=${qty.subscribers} discount=${discount.subscribers} subtotal=${subtotal.subscribers} total=${total.subscribers}`);

const nan = new Signal(NaN, "nan");
let fired = 0;
nan.subscribe(() => fired++);
nan.value = NaN;
nan.value = 1;
nan.value = 1;
const z = new Signal(0, "zero");
z.subscribe(() => fired++);
z.value = -0;
console.log(`fired ${fired}`);
