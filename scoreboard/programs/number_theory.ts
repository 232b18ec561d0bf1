// features: integers, template-literals, recursion, math
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function sumOfDivisors(n: number): number {
  let s = 1;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) {
      s += d;
      if (d * d !== n) s += n / d;
    }
  }
  return n === 1 ? 0 : s;
}

function digitSum(n: number): number {
  let s = 0;
  while (n > 0) {
    s += n % 10;
    n = Math.floor(n / 10);
  }
  return s;
}

function isArmstrong(n: number): boolean {
  let digits = 0;
  for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
  let s = 0;
  for (let m = n; m > 0; m = Math.floor(m / 10)) {
    let p = 1;
    for (let i = 0; i < digits; i++) p *= m % 10;
    s += p;
  }
  return s === n;
}

function modPow(base: number, exp: number, mod: number): number {
  let result = 1;
  base = base % mod;
  while (exp > 0) {
    if (exp % 2 === 1) result = (result * base) % mod;
    base = (base * base) % mod;
    exp = Math.floor(exp / 2);
  }
  return result;
}

let perfect = "";
for (let n = 2; n < 10000; n++) if (sumOfDivisors(n) === n) perfect += ` ${n}`;
console.log(`perfect numbers below 10000:${perfect}`);
let amicable = "";
for (let a = 2; a < 3000; a++) {
  const b = sumOfDivisors(a);
  if (b > a && sumOfDivisors(b) === a) amicable += ` (${a}, ${b})`;
}
console.log(`amicable pairs below 3000:${amicable}`);
let armstrong = "";
for (let n = 1; n < 100000; n++) if (isArmstrong(n)) armstrong += ` ${n}`;
console.log(`armstrong numbers:${armstrong}`);
console.log(`digit sum of 987654321: ${digitSum(987654321)}`);
let coprime = 0;
for (let a = 1; a <= 100; a++) for (let b = 1; b <= 100; b++) if (gcd(a, b) === 1) coprime++;
console.log(`coprime pairs in 1..100: ${coprime} of 10000`);
console.log(`3^200 mod 1000007 = ${modPow(3, 200, 1000007)}`);
console.log(`2^10 mod 1000 = ${modPow(2, 10, 1000)}, 7^222 mod 1001 = ${modPow(7, 222, 1001)}`);
let fermatLiars = 0;
for (let a = 2; a < 561; a++) if (gcd(a, 561) === 1 && modPow(a, 560, 561) === 1) fermatLiars++;
console.log(`561 fools the Fermat test for ${fermatLiars} bases`);
