// features: classes, generics, private, nullable, integers, template-literals, accessors, readonly, for-of, math
class Queue<T> {
  private items: T[] = [];
  private head = 0;

  enqueue(item: T): void {
    this.items.push(item);
  }

  dequeue(): T | null {
    if (this.head >= this.items.length) return null;
    const item = this.items[this.head];
    this.head++;
    return item;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): T | null {
    return this.head < this.items.length ? this.items[this.head] : null;
  }
}

class Customer {
  constructor(readonly id: number, readonly arrival: number, readonly work: number) {}
}

class Counter {
  busyUntil = 0;
  served = 0;
  idle = 0;
  constructor(readonly name: string) {}
}

const queue = new Queue<Customer>();
const counters = [new Counter("north"), new Counter("south")];
let seed = 99;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
}

let nextId = 1;
let totalWait = 0;
let longest = 0;
let maxQueue = 0;
for (let t = 0; t < 200; t++) {
  if (rand(10) < 6) queue.enqueue(new Customer(nextId++, t, 1 + rand(5)));
  for (const c of counters) {
    if (c.busyUntil > t) continue;
    const cust = queue.dequeue();
    if (cust === null) {
      c.idle++;
      continue;
    }
    const wait = t - cust.arrival;
    totalWait += wait;
    if (wait > longest) longest = wait;
    c.busyUntil = t + cust.work;
    c.served++;
  }
  if (queue.size > maxQueue) maxQueue = queue.size;
  if (t % 25 === 24) {
    const front = queue.peek();
    console.log(`t=${t + 1}: queue ${queue.size}, front ${front === null ? "none" : `#${front.id} since ${front.arrival}`}`);
  }
}
let served = 0;
for (const c of counters) {
  served += c.served;
  console.log(`${c.name}: served ${c.served}, idle ${c.idle}`);
}
console.log(`arrived ${nextId - 1}, served ${served}, waiting ${queue.size}`);
console.log(`average wait x100: ${Math.floor((totalWait * 100) / served)}, longest ${longest}, max queue ${maxQueue}`);
