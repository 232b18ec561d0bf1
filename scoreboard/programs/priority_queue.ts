// features: generics, classes, arrows, private, nullable, template-literals, interfaces, integers, tuples, optional-chaining, accessors, readonly, array-methods, destructuring, object-literals
class PriorityQueue<T> {
  private heap: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    this.heap.push(item);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  peek(): T | null {
    return this.heap.length ? this.heap[0] : null;
  }

  pop(): T | null {
    if (this.heap.length === 0) return null;
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(this.heap[l], this.heap[m])) m = l;
        if (r < this.heap.length && this.less(this.heap[r], this.heap[m])) m = r;
        if (m === i) break;
        [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
        i = m;
      }
    }
    return top;
  }
}

interface Job {
  name: string;
  priority: number;
  seq: number;
}

const jobs = new PriorityQueue<Job>((a, b) => a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq));
const specs: [string, number][] = [
  ["backup", 2], ["email", 5], ["compile", 8], ["lint", 8], ["deploy", 9], ["coffee", 1], ["review", 5],
];
specs.forEach(([name, priority], seq) => jobs.push({ name, priority, seq }));
console.log(`queued ${jobs.size}, next: ${jobs.peek()?.name}`);
let job = jobs.pop();
while (job !== null) {
  console.log(`run ${job.name} (p${job.priority})`);
  job = jobs.pop();
}

const nums = new PriorityQueue<number>((a, b) => a < b);
let seed = 12345;
for (let i = 0; i < 15; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  nums.push(seed % 1000);
}
const out: number[] = [];
while (nums.size > 0) out.push(nums.pop()!);
console.log(out.join(" "));
let sorted = true;
for (let i = 1; i < out.length; i++) if (out[i - 1] > out[i]) sorted = false;
console.log(`sorted: ${sorted}, empty pop: ${nums.pop()}`);
