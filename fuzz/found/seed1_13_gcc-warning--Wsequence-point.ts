// fuzz reproducer: npm run fuzz -- --seed 1 --index 13 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math --opt -O2
// gcc-warning -Wsequence-point: gcc: operation on ‘self->f3’ may be undefined [-Wsequence-point]
let fuel = 60;
let g1: i8 = 4;
let g2: number = 4294967296;
let g3: i32 = 8;
const a4: isize[] = [9, (-8), 1504687468, 0];
class C5 {
  f4: boolean = false;
  f3: u8 = 183;
  f2: i16 = 17694;
  f1: i16 = (-32502);
  constructor(c0: boolean, c1: u8) {
  }
  m1(p7: string): u32 {
    if (fuel <= 0) return 1;
fuel--;
    {
      this.f3 = (this.f3 ^= this.f3);
    }
    return u32(this.f3);
  }
}
const o6 = new C5(true, 7);
function main(): void {
  g2 = (Number(o6.m1("s")) % 16777216);
  console.log(`end ${g1} ${g2} ${g3} ${a4.length} ${o6.f4} ${o6.f3} ${o6.f2} ${o6.f1}`);
}
main();
