// features: classes, generics, for-of, spread, array-methods, template-literals, arrows, interfaces, private, nullable
class Range implements Iterable<number> {
  constructor(private readonly start: number, private readonly end: number, private readonly step = 1) {}

  *[Symbol.iterator](): Iterator<number> {
    if (this.step > 0) for (let i = this.start; i < this.end; i += this.step) yield i;
    else for (let i = this.start; i > this.end; i += this.step) yield i;
  }

  get length(): number {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step));
  }
}

function* take<T>(xs: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const x of xs) {
    yield x;
    if (++i >= n) return;
  }
}

function* mapIter<T, U>(xs: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of xs) yield f(x);
}

function* filterIter<T>(xs: Iterable<T>, p: (x: T) => boolean): Generator<T> {
  for (const x of xs) if (p(x)) yield x;
}

function* naturals(): Generator<number> {
  let n = 0;
  for (;;) yield n++;
}

function* fibs(): Generator<number> {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}

console.log(`range(0,5): ${[...new Range(0, 5)].join(" ")}`);
console.log(`range(10,0,-3): ${[...new Range(10, 0, -3)].join(" ")} length ${new Range(10, 0, -3).length}`);
console.log(`empty: [${[...new Range(3, 3)].join(" ")}] length ${new Range(3, 3).length}`);
console.log(`first 10 fibs: ${[...take(fibs(), 10)].join(",")}`);
const evenSquares = take(filterIter(mapIter(naturals(), (n) => n * n), (n) => n % 2 === 0), 6);
console.log(`even squares: ${[...evenSquares].join(",")}`);

let total = 0;
for (const n of new Range(1, 101)) total += n;
console.log(`sum 1..100 = ${total}`);

class Tree<T> {
  private children: Tree<T>[] = [];
  constructor(readonly value: T) {}
  add(...vs: T[]): Tree<T> {
    for (const v of vs) this.children.push(new Tree(v));
    return this;
  }
  child(i: number): Tree<T> | undefined {
    return this.children[i];
  }
  *preorder(): Generator<T> {
    yield this.value;
    for (const c of this.children) yield* c.preorder();
  }
  *levels(): Generator<T[]> {
    let level: Tree<T>[] = [this];
    while (level.length > 0) {
      yield level.map((t) => t.value);
      level = level.flatMap((t) => t.children);
    }
  }
}

const t = new Tree("root").add("a", "b", "c");
t.child(0)?.add("a1", "a2");
t.child(2)?.add("c1");
t.child(0)?.child(1)?.add("a2x");
console.log(`preorder: ${[...t.preorder()].join(" ")}`);
let depth = 0;
for (const lv of t.levels()) console.log(`level ${depth++}: ${lv.join(", ")}`);

const gen = fibs();
const firstFew: number[] = [];
let r = gen.next();
while (!r.done && r.value < 50) {
  firstFew.push(r.value);
  r = gen.next();
}
console.log(`fibs < 50: ${firstFew.join(" ")} (stopped at ${r.value})`);
const pairs = [...take(mapIter(new Range(0, 3), (i) => [i, i * i] as [number, number]), 5)];
console.log(pairs.map(([a, b]) => `${a}->${b}`).join(" "));
