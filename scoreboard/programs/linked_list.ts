// features: generics, classes, nullable, private, arrows, fluent, template-literals, recursion, accessors, array-methods, default-params
class ListNode<T> {
  constructor(public value: T, public next: ListNode<T> | null = null) {}
}

class LinkedList<T> {
  private head: ListNode<T> | null = null;
  private tail: ListNode<T> | null = null;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(v: T): this {
    const node = new ListNode(v);
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.count++;
    return this;
  }

  unshift(v: T): this {
    this.head = new ListNode(v, this.head);
    if (!this.tail) this.tail = this.head;
    this.count++;
    return this;
  }

  shift(): T | undefined {
    const h = this.head;
    if (!h) return undefined;
    this.head = h.next;
    if (!this.head) this.tail = null;
    this.count--;
    return h.value;
  }

  reverse(): this {
    let prev: ListNode<T> | null = null;
    let cur = this.head;
    this.tail = cur;
    while (cur) {
      const next: ListNode<T> | null = cur.next;
      cur.next = prev;
      prev = cur;
      cur = next;
    }
    this.head = prev;
    return this;
  }

  remove(pred: (v: T) => boolean): number {
    let removed = 0;
    while (this.head && pred(this.head.value)) {
      this.head = this.head.next;
      removed++;
    }
    let cur = this.head;
    while (cur && cur.next) {
      if (pred(cur.next.value)) {
        cur.next = cur.next.next;
        removed++;
      } else {
        cur = cur.next;
      }
    }
    this.tail = cur;
    this.count -= removed;
    return removed;
  }

  map<U>(f: (v: T) => U): LinkedList<U> {
    const out = new LinkedList<U>();
    for (let n = this.head; n; n = n.next) out.push(f(n.value));
    return out;
  }

  middle(): T | null {
    let slow = this.head;
    let fast = this.head;
    while (fast && fast.next && slow) {
      fast = fast.next.next;
      slow = slow.next;
    }
    return slow ? slow.value : null;
  }

  toString(): string {
    const parts: string[] = [];
    for (let n = this.head; n; n = n.next) parts.push(String(n.value));
    return `[${parts.join(" -> ")}] (${this.count})`;
  }
}

const list = new LinkedList<number>().push(3).push(4).push(5).unshift(2).unshift(1);
console.log(list.toString());
console.log(`middle ${list.middle()}`);
console.log(list.reverse().toString());
console.log(`shift ${list.shift()}, shift ${list.shift()}`);
console.log(list.toString());
list.push(10).push(11).push(12).push(13);
console.log(`removed ${list.remove((x) => x % 2 === 0)} evens: ${list}`);
const words = list.map((x) => `n${x * x}`);
console.log(words.toString());
console.log(`middle ${words.middle()}`);
const empty = new LinkedList<string>();
console.log(`${empty} shift=${empty.shift()} middle=${empty.middle()}`);
empty.push("only");
console.log(`${empty.reverse()} length ${empty.length}`);
