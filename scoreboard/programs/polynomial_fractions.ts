// features: classes, static, private, integers, recursion, array-methods, arrows, template-literals, for-of, readonly, accessors, fluent
class Fraction {
  private constructor(readonly num: number, readonly den: number) {}

  static of(n: number, d = 1): Fraction {
    if (d === 0) throw new Error("zero denominator");
    const g = Fraction.gcd(Math.abs(n), Math.abs(d));
    const s = d < 0 ? -1 : 1;
    return new Fraction((s * n) / g, (s * d) / g);
  }

  private static gcd(a: number, b: number): number {
    return b === 0 ? a || 1 : Fraction.gcd(b, a % b);
  }

  plus(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  minus(o: Fraction): Fraction {
    return this.plus(o.neg());
  }
  times(o: Fraction): Fraction {
    return Fraction.of(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den, this.den * o.num);
  }
  neg(): Fraction {
    return Fraction.of(-this.num, this.den);
  }
  get isZero(): boolean {
    return this.num === 0;
  }
  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }
  toString(): string {
    return this.den === 1 ? `${this.num}` : `${this.num}/${this.den}`;
  }
  valueOf(): number {
    return this.num / this.den;
  }
}

class Poly {
  readonly coeffs: Fraction[];
  constructor(coeffs: Fraction[]) {
    const c = [...coeffs];
    while (c.length > 1 && c[c.length - 1].isZero) c.pop();
    this.coeffs = c.length ? c : [Fraction.of(0)];
  }
  static ints(...cs: number[]): Poly {
    return new Poly(cs.map((n) => Fraction.of(n)));
  }
  get degree(): number {
    return this.coeffs.length - 1;
  }
  plus(o: Poly): Poly {
    const n = Math.max(this.coeffs.length, o.coeffs.length);
    const zero = Fraction.of(0);
    return new Poly(Array.from({ length: n }, (_, i) => (this.coeffs[i] ?? zero).plus(o.coeffs[i] ?? zero)));
  }
  times(o: Poly): Poly {
    const out = Array.from({ length: this.coeffs.length + o.coeffs.length - 1 }, () => Fraction.of(0));
    this.coeffs.forEach((a, i) => o.coeffs.forEach((b, j) => (out[i + j] = out[i + j].plus(a.times(b)))));
    return new Poly(out);
  }
  divmod(d: Poly): [Poly, Poly] {
    let rem = this.coeffs.slice();
    const q = Array.from({ length: Math.max(1, this.coeffs.length - d.coeffs.length + 1) }, () => Fraction.of(0));
    const lead = d.coeffs[d.degree];
    for (let k = this.coeffs.length - d.coeffs.length; k >= 0; k--) {
      const f = rem[k + d.degree].div(lead);
      q[k] = f;
      d.coeffs.forEach((c, j) => (rem[k + j] = rem[k + j].minus(f.times(c))));
    }
    rem = rem.slice(0, Math.max(1, d.degree));
    return [new Poly(q), new Poly(rem)];
  }
  at(x: Fraction): Fraction {
    return this.coeffs.reduceRight((acc, c) => acc.times(x).plus(c), Fraction.of(0));
  }
  derivative(): Poly {
    return new Poly(this.coeffs.slice(1).map((c, i) => c.times(Fraction.of(i + 1))));
  }
  toString(): string {
    const terms = this.coeffs
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !c.isZero)
      .reverse()
      .map(({ c, i }) => {
        const coef = i > 0 && c.equals(Fraction.of(1)) ? "" : i > 0 && c.equals(Fraction.of(-1)) ? "-" : `${c}`;
        return i === 0 ? `${c}` : i === 1 ? `${coef}x` : `${coef}x^${i}`;
      });
    return terms.length ? terms.join(" + ").replace(/\+ -/g, "- ") : "0";
  }
}

const half = Fraction.of(1, 2);
const third = Fraction.of(1, 3);
console.log(`${half} + ${third} = ${half.plus(third)}; ${half} - ${third} = ${half.minus(third)}; ${half} / ${third} = ${half.div(third)}`);
console.log(`${Fraction.of(6, -8)} ${Fraction.of(0, 5)} ${Fraction.of(10, 5)} value ${+Fraction.of(7, 8)}`);
const p = Poly.ints(-1, 0, 1);
const q = Poly.ints(1, 1);
console.log(`p = ${p}, q = ${q}, p*q = ${p.times(q)}, p+q = ${p.plus(q)}`);
const [quot, rem] = p.divmod(q);
console.log(`p / q = ${quot} rem ${rem}`);
const r = Poly.ints(5, -3, 0, 2);
const [q2, r2] = r.divmod(Poly.ints(-2, 1));
console.log(`(${r}) / (x - 2) = ${q2} rem ${r2}; r(2) = ${r.at(Fraction.of(2))}; r'(x) = ${r.derivative()}`);
for (const x of [Fraction.of(0), half, Fraction.of(-3, 2)]) console.log(`r(${x}) = ${r.at(x)}`);
let pow = Poly.ints(1);
for (let i = 1; i <= 5; i++) {
  pow = pow.times(q);
  console.log(`(x+1)^${i} = ${pow}`);
}
console.log(`degree ${pow.degree}; harmonic H5 = ${[1, 2, 3, 4, 5].map((n) => Fraction.of(1, n)).reduce((a, b) => a.plus(b))}`);
