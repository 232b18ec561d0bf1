// features: classes, static, readonly, integers, math, template-literals, fluent, array-methods, arrows, private, spread, string-methods, destructuring, floats, default-params
class Fraction {
  readonly num: number;
  readonly den: number;

  constructor(num: number, den = 1) {
    if (den === 0) throw new Error("zero denominator");
    const g = Fraction.gcd(Math.abs(num), Math.abs(den));
    const sign = den < 0 ? -1 : 1;
    this.num = (sign * num) / g;
    this.den = (sign * den) / g;
  }

  static gcd(a: number, b: number): number {
    while (b !== 0) [a, b] = [b, a % b];
    return a || 1;
  }

  static parse(s: string): Fraction {
    const [n, d] = s.split("/");
    return new Fraction(parseInt(n, 10), d === undefined ? 1 : parseInt(d, 10));
  }

  plus(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  minus(o: Fraction): Fraction {
    return this.plus(new Fraction(-o.num, o.den));
  }
  times(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return new Fraction(this.num * o.den, this.den * o.num);
  }
  compare(o: Fraction): number {
    return this.num * o.den - o.num * this.den;
  }
  toNumber(): number {
    return this.num / this.den;
  }
  toString(): string {
    return this.den === 1 ? `${this.num}` : `${this.num}/${this.den}`;
  }
  toMixed(): string {
    const whole = Math.trunc(this.num / this.den);
    const rest = Math.abs(this.num % this.den);
    if (whole === 0 || rest === 0) return this.toString();
    return `${whole} ${rest}/${this.den}`;
  }
}

const a = Fraction.parse("3/4");
const b = Fraction.parse("5/6");
console.log(`${a} + ${b} = ${a.plus(b)} = ${a.plus(b).toMixed()}`);
console.log(`${a} - ${b} = ${a.minus(b)}`);
console.log(`${a} * ${b} = ${a.times(b)}`);
console.log(`${a} / ${b} = ${a.div(b)}`);
console.log(`normalised: ${new Fraction(10, -4)} ${new Fraction(0, 7)} ${new Fraction(-6, -8)}`);

let harmonic = new Fraction(0);
for (let k = 1; k <= 10; k++) {
  harmonic = harmonic.plus(new Fraction(1, k));
  console.log(`H(${k}) = ${harmonic} ~ ${harmonic.toNumber().toFixed(6)}`);
}
const list = ["1/3", "2/7", "5/12", "-1/2", "3/8", "7/3"].map(Fraction.parse);
const sorted = [...list].sort((x, y) => x.compare(y));
console.log(`sorted: ${sorted.join(" < ")}`);
const total = list.reduce((s, f) => s.plus(f), new Fraction(0));
console.log(`sum ${total} (${total.toMixed()}), product ${list.reduce((p, f) => p.times(f), new Fraction(1))}`);
console.log(`gcd(1071, 462) = ${Fraction.gcd(1071, 462)}, lcm(21, 6) = ${(21 * 6) / Fraction.gcd(21, 6)}`);
