// features: integers, recursion, map-set, string-methods, template-literals, array-methods, arrows, for-of, math, floats, object-literals
function row(n: number): number[] {
  const r = [1];
  for (let k = 1; k <= n; k++) r.push((r[k - 1] * (n - k + 1)) / k);
  return r;
}

const memo = new Map<string, number>();
function choose(n: number, k: number): number {
  if (k === 0 || k === n) return 1;
  const key = `${n},${k}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const v = choose(n - 1, k - 1) + choose(n - 1, k);
  memo.set(key, v);
  return v;
}

const rows = Array.from({ length: 12 }, (_, i) => row(i));
const width = rows[rows.length - 1].join(" ").length;
for (const r of rows) {
  const text = r.join(" ");
  console.log(" ".repeat(Math.floor((width - text.length) / 2)) + text);
}
console.log("sierpinski (odd entries):");
for (let n = 0; n < 16; n++) {
  const line = row(n).map((v) => (v % 2 === 1 ? "*" : " ")).join(" ");
  console.log(" ".repeat(15 - n) + line);
}
console.log(`C(30,15) = ${choose(30, 15)} via memo (${memo.size} entries), direct ${row(30)[15]}`);
console.log(`row sums: ${rows.map((r) => r.reduce((a, b) => a + b, 0)).join(" ")}`);
const catalan = Array.from({ length: 12 }, (_, n) => choose(2 * n, n) / (n + 1));
console.log(`catalan: ${catalan.join(" ")}`);
const fib = Array.from({ length: 12 }, (_, n) => {
  let s = 0;
  for (let k = 0; k <= n - k; k++) s += choose(n - k, k);
  return s;
});
console.log(`shallow diagonals (fibonacci): ${fib.join(" ")}`);
const coinFlips = 10;
const probs = row(coinFlips).map((c) => c / 2 ** coinFlips);
console.log(`P(k heads in ${coinFlips} flips): ${probs.map((p) => p.toFixed(4)).join(" ")}`);
console.log(`P(at least 8 heads) = ${probs.slice(8).reduce((a, b) => a + b, 0)}`);
