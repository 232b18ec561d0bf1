// features: generics, closures, map-set, recursion, arrows, template-literals, rest-params, integers, for-of
function memoize<A extends unknown[], R>(fn: (...args: A) => R, key: (...args: A) => string): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const v = fn(...args);
    cache.set(k, v);
    return v;
  };
}

let fibCalls = 0;
const fib: (n: number) => number = memoize(
  (n: number): number => {
    fibCalls++;
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  },
  (n) => String(n),
);
console.log(`fib(50) = ${fib(50)} after ${fibCalls} calls`);
console.log(`fib(70) = ${fib(70)} after ${fibCalls} calls`);

let pathCalls = 0;
const gridPaths: (r: number, c: number) => number = memoize(
  (r: number, c: number): number => {
    pathCalls++;
    if (r === 0 || c === 0) return 1;
    return gridPaths(r - 1, c) + gridPaths(r, c - 1);
  },
  (r, c) => `${r},${c}`,
);
for (const [r, c] of [[2, 2], [3, 7], [10, 10], [16, 16]]) {
  console.log(`paths ${r}x${c}: ${gridPaths(r, c)}`);
}
console.log(`grid evaluations: ${pathCalls}`);

function coinWays(coins: number[], amount: number): number {
  const memo = new Map<string, number>();
  const go = (i: number, left: number): number => {
    if (left === 0) return 1;
    if (left < 0 || i === coins.length) return 0;
    const k = `${i}:${left}`;
    const got = memo.get(k);
    if (got !== undefined) return got;
    const v = go(i, left - coins[i]) + go(i + 1, left);
    memo.set(k, v);
    return v;
  };
  return go(0, amount);
}
console.log(`ways to make 100 from [1,5,10,25,50]: ${coinWays([1, 5, 10, 25, 50], 100)}`);
console.log(`ways to make 7 from [2,4]: ${coinWays([2, 4], 7)}`);
console.log(`ways to make 0 from []: ${coinWays([], 0)}`);

function minCoins(coins: readonly number[], amount: number): number | null {
  const best: (number | null)[] = [0];
  for (let a = 1; a <= amount; a++) {
    let b: number | null = null;
    for (const c of coins) {
      const prev = a - c >= 0 ? best[a - c] : null;
      if (prev !== null && (b === null || prev + 1 < b)) b = prev + 1;
    }
    best.push(b);
  }
  return best[amount];
}
for (const amt of [0, 3, 11, 27, 63]) {
  console.log(`min coins for ${amt} with [4,9,25]: ${minCoins([4, 9, 25], amt) ?? "impossible"}`);
}

const collatzLen = (() => {
  const known = new Map<number, number>([[1, 1]]);
  const f = (n: number): number => {
    const k = known.get(n);
    if (k !== undefined) return k;
    const v = 1 + f(n % 2 === 0 ? n / 2 : 3 * n + 1);
    known.set(n, v);
    return v;
  };
  return f;
})();
let bestN = 1;
for (let n = 1; n < 10000; n++) if (collatzLen(n) > collatzLen(bestN)) bestN = n;
console.log(`longest collatz chain below 10000 starts at ${bestN} (${collatzLen(bestN)} terms)`);
