// features: classes, generics, nullable, accessors, for-of, spread, interfaces, private
class Node<T> {
  next: Node<T> | null = null;
  constructor(public value: T) {}
}

class Queue<T> implements Iterable<T> {
  private head: Node<T> | null = null;
  private tail: Node<T> | null = null;
  private count = 0;

  enqueue(value: T): void {
    const node = new Node(value);
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.count++;
  }

  dequeue(): T | undefined {
    if (!this.head) return undefined;
    const value = this.head.value;
    this.head = this.head.next;
    if (!this.head) this.tail = null;
    this.count--;
    return value;
  }

  get size(): number { return this.count; }

  [Symbol.iterator](): Iterator<T> {
    let cur = this.head;
    return {
      next(): IteratorResult<T> {
        if (!cur) return { done: true, value: undefined };
        const value = cur.value;
        cur = cur.next;
        return { done: false, value };
      },
    };
  }
}

const q = new Queue<number>();
for (let i = 1; i <= 5; i++) q.enqueue(i * i);
console.log(q.size, q.dequeue(), q.dequeue(), q.size);
console.log([...q]);
let sum = 0;
for (const v of q) sum += v;
console.log("sum", sum);
while (q.size) q.dequeue();
console.log(q.dequeue(), q.size);
