// fuzz reproducer: npm run fuzz -- --seed 20261125 --index 0 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.3
// gcc-warning -Woverflow: gcc: integer overflow in expression of type ‘int’ results in ‘2147394880’ [-Woverflow]
class C10 {
  constructor(c0: u64, c1: boolean) {
  }
  m1(p12: isize, p13: u8 = 0): boolean {
    console.log(`t2 ${i8(127)} ${i32((i32((-88768)) + (-2147483648)))}`);
    return false;
  }
}
const o11 = new C10(0, true);
function main(): void {
  let v24: boolean = o11.m1(1);
}
main();
