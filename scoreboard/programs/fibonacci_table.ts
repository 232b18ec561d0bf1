// features: integers, classes, private, template-literals, recursion, math
class FibTable {
  private values: number[] = [];

  constructor(n: number) {
    this.values.push(0);
    this.values.push(1);
    for (let i = 2; i <= n; i++) {
      this.values.push(this.values[i - 1] + this.values[i - 2]);
    }
  }

  get(i: number): number {
    return this.values[i];
  }

  count(): number {
    return this.values.length;
  }

  evenSum(limit: number): number {
    let sum = 0;
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      if (v > limit) break;
      if (v % 2 === 0) sum += v;
    }
    return sum;
  }
}

function fibRecursive(n: number): number {
  if (n < 2) return n;
  return fibRecursive(n - 1) + fibRecursive(n - 2);
}

function pisanoPeriod(m: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < m * m; i++) {
    const c = (a + b) % m;
    a = b;
    b = c;
    if (a === 0 && b === 1) return i + 1;
  }
  return 0;
}

const table = new FibTable(78);
for (let i = 0; i <= 20; i += 4) {
  console.log(`fib(${i}) = ${table.get(i)}`);
}
console.log(`fib(50) = ${table.get(50)}`);
console.log(`fib(78) = ${table.get(78)}`);
console.log(`values stored: ${table.count()}`);
console.log(`sum of even terms up to 4 million: ${table.evenSum(4000000)}`);
console.log(`recursive fib(25) = ${fibRecursive(25)}, table says ${table.get(25)}`);
for (let m = 2; m <= 10; m++) {
  console.log(`pisano period mod ${m}: ${pisanoPeriod(m)}`);
}
let ratioTimesMillion = 0;
for (let i = 30; i < 31; i++) {
  ratioTimesMillion = Math.floor((table.get(i + 1) * 1000000) / table.get(i));
}
console.log(`golden ratio * 10^6 ~ ${ratioTimesMillion}`);
