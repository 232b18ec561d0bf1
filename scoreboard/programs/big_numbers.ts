// features: classes, static, integers, string-methods, template-literals, private, readonly, fluent, nullish, accessors, for-of, math
class BigNat {
  private constructor(private readonly digits: number[]) {}

  static from(s: string): BigNat {
    const d: number[] = [];
    for (let i = s.length - 1; i >= 0; i--) d.push(s.charCodeAt(i) - 48);
    return new BigNat(BigNat.trim(d));
  }

  static of(n: number): BigNat {
    return BigNat.from(String(n));
  }

  private static trim(d: number[]): number[] {
    while (d.length > 1 && d[d.length - 1] === 0) d.pop();
    return d;
  }

  add(o: BigNat): BigNat {
    const out: number[] = [];
    let carry = 0;
    for (let i = 0; i < Math.max(this.digits.length, o.digits.length) || carry; i++) {
      const s = (this.digits[i] ?? 0) + (o.digits[i] ?? 0) + carry;
      out.push(s % 10);
      carry = s >= 10 ? 1 : 0;
    }
    return new BigNat(out);
  }

  mul(o: BigNat): BigNat {
    const out = new Array<number>(this.digits.length + o.digits.length).fill(0);
    for (let i = 0; i < this.digits.length; i++) {
      let carry = 0;
      for (let j = 0; j < o.digits.length || carry; j++) {
        const cur = out[i + j] + this.digits[i] * (o.digits[j] ?? 0) + carry;
        out[i + j] = cur % 10;
        carry = Math.floor(cur / 10);
      }
    }
    return new BigNat(BigNat.trim(out));
  }

  digitSum(): number {
    let s = 0;
    for (const d of this.digits) s += d;
    return s;
  }

  get length(): number {
    return this.digits.length;
  }

  toString(): string {
    let s = "";
    for (let i = this.digits.length - 1; i >= 0; i--) s += String(this.digits[i]);
    return s;
  }
}

let f = BigNat.of(1);
for (let i = 2; i <= 30; i++) f = f.mul(BigNat.of(i));
console.log(`30! = ${f}`);
console.log(`digit sum of 30! = ${f.digitSum()}`);

let a = BigNat.of(0);
let b = BigNat.of(1);
for (let i = 0; i < 100; i++) [a, b] = [b, a.add(b)];
console.log(`fib(100) = ${a} (${a.length} digits)`);

let p = BigNat.of(1);
const two = BigNat.of(2);
for (let i = 0; i < 128; i++) p = p.mul(two);
console.log(`2^128 = ${p}`);
console.log(`2^128 digit sum ${p.digitSum()}`);
console.log(`123456789 * 987654321 = ${BigNat.from("123456789").mul(BigNat.from("987654321"))}`);
console.log(`check with numbers: ${123456789 * 987654321}`);
console.log(`0 * 99 = ${BigNat.of(0).mul(BigNat.of(99))}, 999 + 1 = ${BigNat.of(999).add(BigNat.of(1))}`);
let powers = "";
let t = BigNat.of(1);
for (let i = 0; i <= 40; i += 10) {
  powers += `3^${i}=${t} `;
  for (let k = 0; k < 10; k++) t = t.mul(BigNat.of(3));
}
console.log(powers.trim());
