// features: classes, static, readonly, floats, math, template-literals, array-methods, arrows, for-of, accessors, default-params
class Complex {
  constructor(readonly re: number, readonly im: number) {}

  static readonly I = new Complex(0, 1);
  static fromPolar(r: number, theta: number): Complex {
    return new Complex(r * Math.cos(theta), r * Math.sin(theta));
  }

  add(o: Complex): Complex {
    return new Complex(this.re + o.re, this.im + o.im);
  }
  sub(o: Complex): Complex {
    return new Complex(this.re - o.re, this.im - o.im);
  }
  mul(o: Complex): Complex {
    return new Complex(this.re * o.re - this.im * o.im, this.re * o.im + this.im * o.re);
  }
  div(o: Complex): Complex {
    const d = o.re * o.re + o.im * o.im;
    return new Complex((this.re * o.re + this.im * o.im) / d, (this.im * o.re - this.re * o.im) / d);
  }
  get abs(): number {
    return Math.hypot(this.re, this.im);
  }
  get arg(): number {
    return Math.atan2(this.im, this.re);
  }
  toString(digits = 4): string {
    const re = this.re.toFixed(digits);
    const im = Math.abs(this.im).toFixed(digits);
    return `${re} ${this.im < 0 ? "-" : "+"} ${im}i`;
  }
}

const a = new Complex(3, 4);
const b = new Complex(1, -2);
console.log(`a = ${a}, |a| = ${a.abs}, arg = ${a.arg.toFixed(6)}`);
console.log(`a + b = ${a.add(b)}`);
console.log(`a - b = ${a.sub(b)}`);
console.log(`a * b = ${a.mul(b)}`);
console.log(`a / b = ${a.div(b)}`);
console.log(`i^2 = ${Complex.I.mul(Complex.I)}`);

const roots: Complex[] = [];
for (let k = 0; k < 6; k++) roots.push(Complex.fromPolar(1, (2 * Math.PI * k) / 6));
console.log("sixth roots of unity:");
roots.forEach((r, k) => console.log(`  w${k} = ${r.toString(6)}`));
const sum = roots.reduce((s, r) => s.add(r), new Complex(0, 0));
console.log(`sum of roots ~ 0: ${sum.abs < 1e-12}`);

function mandelbrot(c: Complex, maxIter: number): number {
  let z = new Complex(0, 0);
  for (let i = 0; i < maxIter; i++) {
    z = z.mul(z).add(c);
    if (z.abs > 2) return i;
  }
  return maxIter;
}
const chars = " .:-=+*#%@";
for (let y = -1.2; y <= 1.21; y += 0.2) {
  let line = "";
  for (let x = -2.1; x <= 0.61; x += 0.07) {
    const n = mandelbrot(new Complex(x, y), 40);
    line += chars[Math.min(chars.length - 1, Math.floor((n / 40) * (chars.length - 1)))];
  }
  console.log(line);
}
