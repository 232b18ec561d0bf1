// features: integers, template-literals, for-of, array-methods, arrows, math, floats
function sieve(limit: number): number[] {
  const composite = new Array<boolean>(limit + 1).fill(false);
  const primes: number[] = [];
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= limit; j += i) composite[j] = true;
  }
  return primes;
}

function factorize(n: number): string {
  const parts: string[] = [];
  for (let p = 2; p * p <= n; p++) {
    let e = 0;
    while (n % p === 0) {
      n = n / p;
      e++;
    }
    if (e > 0) parts.push(e > 1 ? `${p}^${e}` : `${p}`);
  }
  if (n > 1) parts.push(`${n}`);
  return parts.join(" * ");
}

const primes = sieve(1000);
console.log(`${primes.length} primes below 1000`);
console.log(`first 20: ${primes.slice(0, 20).join(" ")}`);
console.log(`last 5: ${primes.slice(-5).join(" ")}`);
let twins = 0;
let maxGap = 0;
let gapAt = 0;
for (let i = 1; i < primes.length; i++) {
  const gap = primes[i] - primes[i - 1];
  if (gap === 2) twins++;
  if (gap > maxGap) {
    maxGap = gap;
    gapAt = primes[i - 1];
  }
}
console.log(`twin prime pairs: ${twins}, largest gap ${maxGap} after ${gapAt}`);
const sum = primes.reduce((a, b) => a + b, 0);
console.log(`sum of primes below 1000: ${sum}`);
for (const n of [360, 97, 1001, 65536, 999999, 123456789, 2147483647]) console.log(`${n} = ${factorize(n)}`);
const goldbach: string[] = [];
for (let even = 4; even <= 40; even += 6) {
  const p = primes.find((q) => primes.includes(even - q))!;
  goldbach.push(`${even}=${p}+${even - p}`);
}
console.log(`goldbach: ${goldbach.join(" ")}`);
const density = [100, 200, 500, 1000].map((n) => `${n}:${primes.filter((p) => p <= n).length} (n/ln n ${(n / Math.log(n)).toFixed(1)})`);
console.log(density.join(", "));
