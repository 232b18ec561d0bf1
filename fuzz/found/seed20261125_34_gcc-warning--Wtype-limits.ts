// fuzz reproducer: npm run fuzz -- --seed 20261125 --index 34 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.3
// gcc-warning -Wtype-limits: gcc: comparison is always true due to limited range of data type [-Wtype-limits]
let fuel = 60;
let g1: number = 4294967296;
let g2: u16 = 5;
const a3: number[] = [(-7)];
class C4 {
  f1: u16 = 41565;
  constructor(c0: u16) {
  }
  m1(p6: i8): i64 {
    return p6;
  }
  m3(p9: string = "yz", p10: string = "mid"): i64 {
    return (this.m1(6) % 4294967296);
  }
}
const o5 = new C4(6);
class C11 {
  f2: u16 = 0;
  f1: string = "Tt";
  constructor(c0: u16, c1: string) {
  }
  m1(p13: i64, p14: number = 8): u8 {
    return ((!(this.f1 === `yz${g1}${g2}-${9} `)) ? u8((u8((u8((u8(45) - 38)) / 16)) + u8((u8((~u8(166))) * u8((u8(3) + 2)))))) : u8((u8((u8(this.f2) + u8(o5.f1))) / ((Math.max(u8((139 / ((u8(188) % 100) + 1))), u8(this.f2)) % 100) + 1))));
  }
}
const o12 = new C11(6, "Hi");
function f21(p19: isize, p20: boolean): u8 {
  return 185;
}
function f23(p22: isize): u32 {
  return u32((u32((u32((u32(o12.f2) | o12.f2)) & 45371)) >>> (u32(f21(9, (isize(g2) !== isize((-92601))))) & 31)));
}
function main(): void {
  let v24: u8 = u8((~u8(120)));
  let v25: string = `x${u32((u32(f23(g2)) + v24))}-`;
}
main();
