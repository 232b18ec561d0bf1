// fuzz reproducer: npm run fuzz -- --seed 100 --index 9 --count 1 --features ints,number,classes,arrays,strings,loops,switch,calls,bitwise,divide,math --opt -O2
// gcc-warning -Wsign-compare: gcc: comparison of promoted bitwise complement of an unsigned value with unsigned [-Wsign-compare]
let fuel = 60;
let g1: i16 = 3;
let g2: u32 = 2;
let g3: string = "q";
let g4: i16 = (-3);
const a5: u16[] = [65535, 13722, 3, 3];
class C6 {
  f4: u16 = 43903;
  f3: u64 = 1;
  f2: number = 0;
  f1: u16 = 30097;
  constructor(c0: u16, c1: u64) {
  }
}
const o7 = new C6(7, 16822);
function main(): void {
  for (let i17: u8 = 0; i17 < 1; i17++) {
    switch (i16(2)) {
case 0: {
      console.log("t7", u8(i17), (i17 >= u8((~i17))));
    }
default: {
    }
}
  }
  console.log(`end ${g1} ${g2} ${g3} ${g4} ${a5.length} ${o7.f4} ${o7.f3} ${o7.f2} ${o7.f1}`);
}
main();
