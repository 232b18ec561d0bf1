// features: classes, generics, private, readonly, nullable, floats, integers, template-literals, array-methods, arrows, spread, nullish, accessors, for-of
class RingBuffer<T> {
  private items: T[] = [];
  private start = 0;
  private overwritten = 0;

  constructor(readonly capacity: number) {}

  push(v: T): T | null {
    if (this.items.length < this.capacity) {
      this.items.push(v);
      return null;
    }
    const old = this.items[this.start];
    this.items[this.start] = v;
    this.start = (this.start + 1) % this.capacity;
    this.overwritten++;
    return old;
  }

  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  get length(): number {
    return this.items.length;
  }

  get dropped(): number {
    return this.overwritten;
  }

  latest(): T | null {
    if (this.items.length === 0) return null;
    return this.items[(this.start + this.items.length - 1) % this.items.length];
  }
}

class MovingAverage {
  private window: RingBuffer<number>;
  private sum = 0;
  constructor(size: number) {
    this.window = new RingBuffer<number>(size);
  }
  add(x: number): number {
    const dropped = this.window.push(x);
    this.sum += x - (dropped ?? 0);
    return this.sum / this.window.length;
  }
}

const log = new RingBuffer<string>(4);
for (const msg of ["boot", "mount /", "start net", "dhcp ok", "login", "shell", "exit"]) {
  const evicted = log.push(msg);
  console.log(`push "${msg}"${evicted !== null ? ` evicts "${evicted}"` : ""} -> ${log.toArray().join(" | ")}`);
}
console.log(`latest ${log.latest()}, dropped ${log.dropped}`);

const avg = new MovingAverage(3);
const series = [10, 20, 30, 40, 25, 5, 5.5, 100, 0.25];
const smoothed = series.map((x) => avg.add(x));
console.log(smoothed.map((x) => x.toFixed(3)).join(" "));

let seed = 99;
const next = () => (seed = (seed * 48271) % 2147483647);
const latencies = new RingBuffer<number>(8);
let spikes = 0;
for (let i = 0; i < 40; i++) {
  const v = 10 + (next() % 50);
  const recent = latencies.toArray();
  const mean = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : v;
  if (v > mean * 1.8) {
    spikes++;
    console.log(`sample ${i}: ${v} ms is a spike (recent mean ${mean.toFixed(2)})`);
  }
  latencies.push(v);
}
console.log(`${spikes} spikes; last window ${latencies.toArray().join(",")}`);
const empty = new RingBuffer<number>(2);
console.log(`empty latest ${empty.latest()} length ${empty.length}`);
