// features: generics, generic-constraints, interfaces, classes, floats, math, array-methods, arrows, template-literals, labeled-loops, typeof, instanceof, static, readonly, for-of, nullable
interface Ring<T> {
  zero(): T;
  one(): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  show(a: T): string;
}

class Mod implements Ring<number> {
  constructor(readonly m: number) {}
  zero(): number { return 0; }
  one(): number { return 1; }
  add(a: number, b: number): number { return (a + b) % this.m; }
  mul(a: number, b: number): number { return (a * b) % this.m; }
  show(a: number): string { return `${a}`; }
}

class Real implements Ring<number> {
  static readonly instance = new Real();
  zero(): number { return 0; }
  one(): number { return 1; }
  add(a: number, b: number): number { return a + b; }
  mul(a: number, b: number): number { return a * b; }
  show(a: number): string { return Number.isInteger(a) ? `${a}` : a.toFixed(4); }
}

function power<T, R extends Ring<T>>(r: R, base: T, e: number): T {
  let result = r.one();
  for (let i = 0; i < e; i++) result = r.mul(result, base);
  return result;
}

function matMul<T, R extends Ring<T>>(r: R, a: T[][], b: T[][]): T[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => r.add(s, r.mul(x, b[k][j])), r.zero())));
}

function findUnit<R extends Mod>(r: R, x: number): number | null {
  let inverse: number | null = null;
  scan: for (let y = 1; y < r.m; y++) {
    if (r.mul(x, y) === 1) {
      inverse = y;
      break scan;
    }
  }
  return inverse;
}

const describeRing = (r: Ring<number>): string => (r instanceof Mod ? `Z/${r.m}` : "R");
const rings: Ring<number>[] = [new Mod(7), new Mod(12), Real.instance];
for (const r of rings) {
  const squares = [0, 1, 2, 3, 4, 5].map((x) => r.show(power<number, Ring<number>>(r, x, 2)));
  console.log(`${describeRing(r)}: squares ${squares.join(" ")}; 3^5 = ${r.show(power<number, Ring<number>>(r, 3, 5))}`);
}
const m = new Mod(12);
for (const x of [1, 5, 6, 7, 11]) {
  const inv = findUnit(m, x);
  console.log(`in Z/12, ${x}^-1 = ${inv === null ? "none" : inv}`);
}
const fib = [[1, 1], [1, 0]];
let acc = [[1, 0], [0, 1]];
for (let i = 0; i < 10; i++) acc = matMul(Real.instance, acc, fib);
console.log(`fib matrix ^10 = ${JSON.stringify(acc)}`);
const rot = [[Math.cos(0.5), -Math.sin(0.5)], [Math.sin(0.5), Math.cos(0.5)]];
const r2 = matMul(Real.instance, rot, rot);
console.log(`rotation twice: ${r2.map((row) => row.map((v) => Real.instance.show(v)).join(" ")).join(" / ")}`);
const kind = (v: unknown) => (typeof v === "number" ? "number" : v instanceof Array ? "array" : typeof v);
console.log(`kinds: ${[1, [1], "x", null].map(kind).join(" ")}`);
