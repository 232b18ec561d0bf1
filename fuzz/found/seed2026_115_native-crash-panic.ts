// fuzz reproducer: npm run fuzz -- --seed 2026 --index 115 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.4
// native-crash panic: panicked at build/fuzz/b8775_27.ts:45:11: index out of bounds: the length is 1 but the index is 1
// node (lines 1..):
//   
// native (lines 1..):
//   
let fuel = 60;
let g1: u16 = 2;
let g2: u16 = 41457;
let g3: string = "a";
let g4: string = "a";
const a5: i8[] = [5, 127, 90];
const a6: i32[] = [6, 83426, (-499473749), 236118035];
class C7 {
  f4: u64 = 7;
  f3: isize = (-99837);
  f2: usize = 3105590362;
  f1: u64 = 3781530181;
  constructor(c0: u64, c1: isize) {
  }
  m1(): i8 {
    {
      g4 = `b${g1} `;
    }
    return i8(0);
  }
}
const o8 = new C7(4276709841, (-5));
class C12 {
  f4: boolean = true;
  f3: u16 = 6;
  f2: string = "x";
  f1: u32 = 1;
  constructor(c0: boolean, c1: u16) {
  }
  m1(p14: i64): void {
  }
  m2(p15: usize): i32 {
    return i32(o8.m1());
  }
}
const o13 = new C12(true, 1);
function f19(p16: number, p17: i32, p18: u64 = 97958): boolean {
  return false;
}
function f25(p22: i64, p23: i16, p24: i32 = 8): u8 {
  return u8((u8((u8(i8((7 / ((i8(111) % 50) + 50)))) | (f19(0, o13.f3) ? Math.min(u8(2), 5) : u8((u8(0) - 2))))) & u8((u8((u8((u8(9) & 3)) >>> 4)) - 0))));
}
function main(): void {
  g4 = g4[u8((u8((u8((u8(4) + 210)) + u8((u8(42) + 130)))) << (f25(o13.m2(o13.f3), a5[(u16(8) % 3)]) & 7))) % g4.length];
}
main();
