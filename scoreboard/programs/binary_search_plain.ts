// features: integers, template-literals, recursion, nullable, for-of, math
function lowerBound(xs: number[], target: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (xs[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function find(xs: number[], target: number): number | null {
  const i = lowerBound(xs, target);
  return i < xs.length && xs[i] === target ? i : null;
}

function recursiveFind(xs: number[], target: number, lo: number, hi: number, depth: number): string {
  if (lo > hi) return `absent (depth ${depth})`;
  const mid = Math.floor((lo + hi) / 2);
  if (xs[mid] === target) return `index ${mid} (depth ${depth})`;
  return xs[mid] < target ? recursiveFind(xs, target, mid + 1, hi, depth + 1) : recursiveFind(xs, target, lo, mid - 1, depth + 1);
}

function isqrt(n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (mid * mid <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const xs: number[] = [];
for (let i = 0; i < 100; i++) xs.push(i * 3 + (i % 4));
for (const t of [0, 3, 4, 50, 51, 150, 297, 300, -1]) {
  const i = find(xs, t);
  console.log(`find ${t}: ${i === null ? `no (would insert at ${lowerBound(xs, t)})` : `at ${i}`}; recursive ${recursiveFind(xs, t, 0, xs.length - 1, 1)}`);
}
for (const n of [0, 1, 15, 16, 17, 1000000, 999999999, 2147483647]) console.log(`isqrt(${n}) = ${isqrt(n)}`);
const dup = [1, 2, 2, 2, 3, 5, 5, 8];
console.log(`first 2 at ${lowerBound(dup, 2)}, count of 2s ${lowerBound(dup, 3) - lowerBound(dup, 2)}, count of 5s ${lowerBound(dup, 6) - lowerBound(dup, 5)}`);
