// fuzz reproducer: npm run fuzz -- --seed 20261125 --index 2 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.3
// gcc-warning -Wtautological-compare: gcc: self-comparison always evaluates to false [-Wtautological-compare]
let g1: boolean = false;
let g4: i32 = 2147483647;
function main(): void {
  {
    g1 = (g4 > g4);
  }
}
main();
