// features: generics, classes, private, nullable, integers, accessors, template-literals, for-of, array-methods, arrows, string-methods, default-params
class Deque<T> {
  private buf: (T | undefined)[];
  private head = 0;
  private len = 0;

  constructor(capacity = 4) {
    this.buf = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.len;
  }

  get capacity(): number {
    return this.buf.length;
  }

  private grow(): void {
    const old = this.buf;
    this.buf = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.len; i++) this.buf[i] = old[(this.head + i) % old.length];
    this.head = 0;
  }

  pushBack(v: T): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) % this.buf.length] = v;
    this.len++;
  }

  pushFront(v: T): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) % this.buf.length;
    this.buf[this.head] = v;
    this.len++;
  }

  popFront(): T | undefined {
    if (this.len === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.len--;
    return v;
  }

  popBack(): T | undefined {
    if (this.len === 0) return undefined;
    const i = (this.head + this.len - 1) % this.buf.length;
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.len--;
    return v;
  }

  at(i: number): T | undefined {
    return i < 0 || i >= this.len ? undefined : this.buf[(this.head + i) % this.buf.length];
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.len; i++) out.push(this.at(i)!);
    return out;
  }
}

const d = new Deque<number>();
for (let i = 1; i <= 3; i++) d.pushBack(i * 10);
d.pushFront(5);
d.pushFront(1);
console.log(`[${d.toArray().join(", ")}] size ${d.size} cap ${d.capacity}`);
console.log(`popFront ${d.popFront()} popBack ${d.popBack()} at(1) ${d.at(1)} at(9) ${d.at(9)}`);
for (let i = 0; i < 6; i++) (i % 2 ? d.pushFront : d.pushBack).call(d, 100 + i);
console.log(`[${d.toArray().join(", ")}] size ${d.size} cap ${d.capacity}`);

function slidingMax(xs: number[], k: number): number[] {
  const dq = new Deque<number>();
  const out: number[] = [];
  xs.forEach((x, i) => {
    while (dq.size && xs[dq.at(dq.size - 1)!] <= x) dq.popBack();
    dq.pushBack(i);
    if (dq.at(0)! <= i - k) dq.popFront();
    if (i >= k - 1) out.push(xs[dq.at(0)!]);
  });
  return out;
}
console.log(`sliding max k=3: ${slidingMax([1, 3, -1, -3, 5, 3, 6, 7], 3).join(" ")}`);
console.log(`sliding max k=2: ${slidingMax([9, 8, 7, 6, 7, 8, 9], 2).join(" ")}`);

function isPalindrome(s: string): boolean {
  const q = new Deque<string>(2);
  for (const c of s.toLowerCase()) if (c >= "a" && c <= "z") q.pushBack(c);
  while (q.size > 1) if (q.popFront() !== q.popBack()) return false;
  return true;
}
for (const s of ["A man, a plan, a canal: Panama", "tsos", "hello", "", "No lemon, no melon"]) {
  console.log(`"${s}" palindrome: ${isPalindrome(s)}`);
}
const words = new Deque<string>(1);
for (const w of "one two three four five".split(" ")) words.pushFront(w);
console.log(words.toArray().join(" "), words.popBack(), words.popBack(), words.size);
