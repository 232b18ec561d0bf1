// features: classes, static, floats, math, array-methods, arrows, string-methods, template-literals, readonly, rest-params, spread, nullish, accessors, for-of, default-params, object-literals
class Polynomial {
  readonly coeffs: readonly number[];

  constructor(...coeffs: number[]) {
    let end = coeffs.length;
    while (end > 1 && coeffs[end - 1] === 0) end--;
    this.coeffs = coeffs.slice(0, end);
  }

  static readonly ZERO = new Polynomial(0);
  static readonly X = new Polynomial(0, 1);

  get degree(): number {
    return this.coeffs.length === 1 && this.coeffs[0] === 0 ? -1 : this.coeffs.length - 1;
  }

  at(x: number): number {
    return this.coeffs.reduceRight((acc, c) => acc * x + c, 0);
  }

  add(o: Polynomial): Polynomial {
    const n = Math.max(this.coeffs.length, o.coeffs.length);
    return new Polynomial(...Array.from({ length: n }, (_, i) => (this.coeffs[i] ?? 0) + (o.coeffs[i] ?? 0)));
  }

  mul(o: Polynomial): Polynomial {
    const out = new Array<number>(this.coeffs.length + o.coeffs.length - 1).fill(0);
    this.coeffs.forEach((a, i) => o.coeffs.forEach((b, j) => (out[i + j] += a * b)));
    return new Polynomial(...out);
  }

  derivative(): Polynomial {
    if (this.coeffs.length === 1) return Polynomial.ZERO;
    return new Polynomial(...this.coeffs.slice(1).map((c, i) => c * (i + 1)));
  }

  newton(guess: number, steps = 20): number {
    const d = this.derivative();
    let x = guess;
    for (let i = 0; i < steps; i++) {
      const dx = d.at(x);
      if (dx === 0) break;
      x -= this.at(x) / dx;
    }
    return x;
  }

  toString(): string {
    if (this.degree < 0) return "0";
    const terms: string[] = [];
    for (let i = this.coeffs.length - 1; i >= 0; i--) {
      const c = this.coeffs[i];
      if (c === 0) continue;
      const abs = Math.abs(c);
      const num = abs === 1 && i > 0 ? "" : String(abs);
      const pow = i === 0 ? "" : i === 1 ? "x" : `x^${i}`;
      terms.push(`${c < 0 ? "-" : "+"} ${num}${pow}`);
    }
    const s = terms.join(" ");
    return s.startsWith("+ ") ? s.slice(2) : "-" + s.slice(2);
  }
}

const p = new Polynomial(-2, 0, 1);
const q = new Polynomial(1, 1);
console.log(`p = ${p}, degree ${p.degree}`);
console.log(`q = ${q}`);
console.log(`p + q = ${p.add(q)}`);
console.log(`p * q = ${p.mul(q)}`);
console.log(`p' = ${p.derivative()}, (p*q)' = ${p.mul(q).derivative()}`);
console.log(`p(3) = ${p.at(3)}, p(0.5) = ${p.at(0.5)}`);
const root = p.newton(1);
console.log(`root of p near 1: ${root} (sqrt2 = ${Math.SQRT2}, diff ${Math.abs(root - Math.SQRT2)})`);
const cubic = new Polynomial(-6, 11, -6, 1);
console.log(`cubic = ${cubic}`);
for (const g of [0, 1.6, 2.4, 10]) console.log(`  newton from ${g}: ${cubic.newton(g).toFixed(10)}`);
let power = new Polynomial(1);
for (let i = 0; i < 5; i++) power = power.mul(q);
console.log(`(x+1)^5 = ${power}`);
console.log(`sum of coefficients ${power.coeffs.reduce((a, b) => a + b, 0)}, at 1: ${power.at(1)}`);
console.log(`zero: ${Polynomial.ZERO} degree ${Polynomial.ZERO.degree}; X^3 = ${Polynomial.X.mul(Polynomial.X).mul(Polynomial.X)}`);
console.log(`x - x = ${Polynomial.X.add(new Polynomial(0, -1))}`);
