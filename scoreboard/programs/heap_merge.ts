// features: generics, classes, private, arrows, accessors, array-methods, template-literals, for-of, nullable, tuples, destructuring, integers
type Comparator<T> = (a: T, b: T) => number;

class BinaryHeap<T> {
  private items: T[] = [];
  constructor(private readonly cmp: Comparator<T>) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(x: T): void {
    this.items.push(x);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.cmp(this.items[i], this.items[parent]) >= 0) break;
      [this.items[i], this.items[parent]] = [this.items[parent], this.items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0];
    const last = this.items.pop()!;
    if (n > 1) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.cmp(this.items[l], this.items[m]) < 0) m = l;
        if (r < this.items.length && this.cmp(this.items[r], this.items[m]) < 0) m = r;
        if (m === i) break;
        [this.items[i], this.items[m]] = [this.items[m], this.items[i]];
        i = m;
      }
    }
    return top;
  }

  drain(): T[] {
    const out: T[] = [];
    let x = this.pop();
    while (x !== undefined) {
      out.push(x);
      x = this.pop();
    }
    return out;
  }
}

function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  const heap = new BinaryHeap<[number, number, number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
  lists.forEach((xs, li) => {
    if (xs.length > 0) heap.push([xs[0], li, 0]);
  });
  const out: number[] = [];
  while (heap.size > 0) {
    const [v, li, idx] = heap.pop()!;
    out.push(v);
    if (idx + 1 < lists[li].length) heap.push([lists[li][idx + 1], li, idx + 1]);
  }
  return out;
}

console.log(mergeSorted([[1, 4, 9], [2, 3, 10, 11], [], [0, 5], [7]]).join(" "));
console.log(`[${mergeSorted([]).join(" ")}]`);

const minHeap = new BinaryHeap<number>((a, b) => a - b);
[5, 3, 8, 1, 9, 2, 7, 3].forEach((n) => minHeap.push(n));
console.log(`min first: ${minHeap.peek()} size ${minHeap.size}`);
console.log(`sorted: ${minHeap.drain().join(",")}`);
console.log(`empty pop: ${minHeap.pop()}`);

interface Job {
  name: string;
  priority: number;
  seq: number;
}
let seq = 0;
const jobs = new BinaryHeap<Job>((a, b) => b.priority - a.priority || a.seq - b.seq);
const add = (name: string, priority: number) => jobs.push({ name, priority, seq: seq++ });
add("email", 2);
add("backup", 1);
add("page-oncall", 9);
add("deploy", 5);
add("report", 2);
add("alert", 9);
while (jobs.size > 0) {
  const j = jobs.pop()!;
  console.log(`run ${j.name.padEnd(12)} p=${j.priority} seq=${j.seq}`);
}

function kSmallest(xs: number[], k: number): number[] {
  const maxHeap = new BinaryHeap<number>((a, b) => b - a);
  for (const x of xs) {
    maxHeap.push(x);
    if (maxHeap.size > k) maxHeap.pop();
  }
  return maxHeap.drain().reverse();
}
console.log(`3 smallest: ${kSmallest([42, 7, 19, 3, 88, 1, 56, 7], 3).join(" ")}`);
const words = new BinaryHeap<string>((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
"the quick brown fox jumps over a lazy dog".split(" ").forEach((w) => words.push(w));
console.log(words.drain().join(" "));
