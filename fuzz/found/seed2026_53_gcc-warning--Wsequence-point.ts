// fuzz reproducer: npm run fuzz -- --seed 2026 --index 53 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.4
// gcc-warning -Wsequence-point: gcc: operation on ‘self->f2’ may be undefined [-Wsequence-point]
class C6 {
  f2: isize = 58775;
  constructor(c0: isize, c1: string) {
  }
  m3(): u8 {
    {
      this.f2 = (((this.f2 -= u8(0)) % 16777216) % 4294967296);
    }
    return u8(58);
  }
}
const o7 = new C6(0, "Hi");
class C10 {
  f1: u32 = 10407;
  constructor(c0: i32, c1: u32) {
  }
}
const o11 = new C10((-2147483648), 5);
function main(): void {
  o11.f1 = o7.m3();
}
main();
