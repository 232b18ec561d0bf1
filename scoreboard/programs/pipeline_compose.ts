// features: generics, arrows, closures, rest-params, array-methods, template-literals, interfaces, for-of, tuples, type-aliases
type Fn<A, B> = (a: A) => B;

function pipe<A, B, C>(f: Fn<A, B>, g: Fn<B, C>): Fn<A, C> {
  return (a) => g(f(a));
}

function composeAll<T>(...fns: Fn<T, T>[]): Fn<T, T> {
  return (x) => fns.reduce((acc, f) => f(acc), x);
}

const trim: Fn<string, string> = (s) => s.trim();
const words: Fn<string, string[]> = (s) => s.split(/\s+/);
const count: Fn<string[], number> = (ws) => ws.length;
const wordCount = pipe(pipe(trim, words), count);
console.log(`word count: ${wordCount("  the rain in spain  ")}`);

const inc = (n: number) => n + 1;
const dbl = (n: number) => n * 2;
const sq = (n: number) => n * n;
console.log(`inc>dbl>sq(3) = ${composeAll(inc, dbl, sq)(3)}, sq>dbl>inc(3) = ${composeAll(sq, dbl, inc)(3)}, id(7) = ${composeAll<number>()(7)}`);

function counter(start = 0): { next: () => number; reset: () => void; peek: () => number } {
  let n = start;
  return {
    next: () => ++n,
    reset: () => {
      n = start;
    },
    peek: () => n,
  };
}
const c1 = counter();
const c2 = counter(100);
c1.next();
c1.next();
c2.next();
console.log(`c1=${c1.peek()} c2=${c2.peek()}`);
c1.reset();
console.log(`after reset c1=${c1.peek()} next=${c1.next()}`);

const adders: (() => number)[] = [];
for (let i = 0; i < 4; i++) adders.push(() => i * 10);
console.log(`loop captures: ${adders.map((f) => f()).join(",")}`);

let shared = 0;
const bumps = [1, 2, 3].map((k) => () => {
  shared += k;
  return shared;
});
console.log(`bumps: ${bumps.map((b) => b()).join(",")} then ${bumps[0]()}`);

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}
let calls = 0;
const init = once(() => {
  calls++;
  return `config#${calls}`;
});
console.log(`${init()} ${init()} ${init()} calls=${calls}`);

interface Stage<T> {
  name: string;
  run: (xs: T[]) => T[];
}
const stages: Stage<number>[] = [
  { name: "drop-negatives", run: (xs) => xs.filter((x) => x >= 0) },
  { name: "dedupe", run: (xs) => [...new Set(xs)] },
  { name: "sort", run: (xs) => [...xs].sort((a, b) => a - b) },
  { name: "top3", run: (xs) => xs.slice(-3) },
];
let data = [5, -2, 9, 5, 0, 12, -7, 9, 3];
for (const s of stages) {
  data = s.run(data);
  console.log(`${s.name.padEnd(15)} [${data.join(", ")}]`);
}

const partial = <A, B, R>(f: (a: A, b: B) => R, a: A) => (b: B): R => f(a, b);
const greet = (greeting: string, name: string) => `${greeting}, ${name}!`;
const hello = partial(greet, "Hello");
console.log(["Ada", "Linus"].map(hello).join(" "));
const zip = <A, B>(as: A[], bs: B[]): [A, B][] => as.slice(0, Math.min(as.length, bs.length)).map((a, i) => [a, bs[i]]);
console.log(zip(["a", "b", "c"], [1, 2]).map(([k, v]) => `${k}=${v}`).join("&"));
