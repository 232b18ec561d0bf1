// features: integers, template-literals, recursion, classes, private, for-of, math, destructuring
class Stats {
  private count = 0;
  private total = 0;
  private maxSteps = 0;
  private worstA = 0;
  private worstB = 0;

  record(a: number, b: number, steps: number): void {
    this.count++;
    this.total += steps;
    if (steps > this.maxSteps) {
      this.maxSteps = steps;
      this.worstA = a;
      this.worstB = b;
    }
  }

  report(): string {
    return `${this.count} pairs, ${this.total} steps, worst ${this.maxSteps} steps for (${this.worstA}, ${this.worstB})`;
  }
}

function gcdSteps(a: number, b: number): number {
  let steps = 0;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
    steps++;
  }
  return steps;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function extended(a: number, b: number): number[] {
  if (b === 0) return [a, 1, 0];
  const r = extended(b, a % b);
  return [r[0], r[2], r[1] - Math.floor(a / b) * r[2]];
}

const stats = new Stats();
for (let a = 1; a <= 200; a++) for (let b = 1; b <= a; b++) stats.record(a, b, gcdSteps(a, b));
console.log(stats.report());

let header = "   ";
for (let b = 1; b <= 12; b++) header += `${b < 10 ? " " : ""}${b} `;
console.log(header);
for (let a = 1; a <= 12; a++) {
  let row = `${a < 10 ? " " : ""}${a} `;
  for (let b = 1; b <= 12; b++) {
    const g = gcd(a, b);
    row += `${g < 10 ? " " : ""}${g} `;
  }
  console.log(row);
}
for (const [a, b] of [[240, 46], [99, 78], [1071, 462], [17, 5]]) {
  const r = extended(a, b);
  console.log(`gcd(${a}, ${b}) = ${r[0]} = ${a}*${r[1]} + ${b}*${r[2]} (check ${a * r[1] + b * r[2]})`);
}
const inv = extended(17, 3120);
console.log(`inverse of 17 mod 3120: ${((inv[1] % 3120) + 3120) % 3120}`);
