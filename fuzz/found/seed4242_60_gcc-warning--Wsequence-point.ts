// fuzz reproducer: npm run fuzz -- --seed 4242 --index 60 --count 1 --features ints,number,effects,classes,arrays,strings,loops,switch,calls,bitwise,divide,math,labels,comma,strfor,defaults,var --opt -O2 --scale 0.3
// gcc-warning -Wsequence-point: gcc: operation on ‘self->f1’ may be undefined [-Wsequence-point]
let fuel = 60;
let g1: u16 = 65535;
let g2: boolean = false;
let g3: i8 = (-2);
let g4: i16 = (-7);
let g5: number = 3;
const a6: i8[] = [(-6), 0, (-128), (-1)];
class C7 {
  f2: number = (-2879508432);
  f1: isize = (-1077752216);
  constructor(c0: number, c1: isize) {
    this.f2 = c0;
    this.f1 = c1;
  }
  m1(): number {
    if (fuel <= 0) return 1;
    fuel--;
    console.log(`t1 ${g2} ${u8((~u8((u8(39) + 97))))} ${(!g2)}`);
    return (((g5 %= ((Number(4294967296) % 100000) + 100000)) + (((this.f2 -= 3) - (-5)) + ((Number(g4) % 20) >>> 7))) % 4294967296);
  }
  m2(p9: i32): void {
    if (fuel <= 0) return;
    fuel--;
    a6.push(i8((g3 & g3)));
    L11: for (let i10: i32 = 0; i10 < 1; i10++) {
      g4 = (g4 |= g4);
    }
  }
  m3(p12: u64): isize {
    if (fuel <= 0) return 1;
    fuel--;
    this.f1 = ((this.f1 += u8((u8(0) & 7))) % 4294967296);
    return (isize(g3) % (((this.f1 + g4) % 100000) + 100000));
  }
}
const o8 = new C7((-5), 1144051776);
class C13 {
  f2: i64 = 4294967296;
  f1: isize = 16899;
  constructor(c0: i64, c1: isize) {
    this.f2 = c0;
    this.f1 = c1;
  }
  m1(p15: i8, p16: number = 4294967296): i16 {
    if (fuel <= 0) return 1;
    fuel--;
    for (let i17: u16 = 0; i17 < 4; i17++) {
      let w18 = 0;
while (w18 < 2) {
        w18++;
        o8.m3((u64(0) * i17));
      }
    }
    g3 |= Math.min(g3, p15);
    return i16((i16(Math.floor(i16(o8.f2) / ((i16(g3) % 1000) + 1000))) ^ g3));
  }
}
const o14 = new C13(5, 7);
function f22(p19: i8, p20: u8, p21: usize = 41188): void {
  if (fuel <= 0) return;
  fuel--;
  o8.m3((u64(p21) % 4294967296));
}
function f23(): i16 {
  if (fuel <= 0) return 1;
  fuel--;
  console.log(`t2 ${o14.m1((--o14.f2, i8((g3 % 14))))} ${i64(a6[(u16(g1) % 4)])}`);
  return i16((g4 * 31975));
}
function main(): void {
  ++o8.f1;
  console.log("t3", i16(((Math.trunc(usize(g1) / 10) + 1048576) - usize(g1))), u8(a6[(u8(((-isize(g3)) + Math.trunc(5167 / ((isize(o8.f2) % 100000) + 100000)))) % 4)]), `yz${g5} `);
  if ((g2 || g2)) {
    g1 &= g1;
  } else {
    o8.f2 = a6[(u32(u8((u8(93) - 0))) % 4)];
  }
  console.log("t4", (!(g2 && (g1 < usize(39340)))), i8(g3), u8((((g1 >= o8.f1) || (Number(g3) === 0)) ? i64(a6[(u8(o14.m1(g3, 50920)) % 4)]) : (i64(o14.f1) + o8.m1()))));
  console.log(`end ${g1} ${g2} ${g3} ${g4} ${g5} ${a6.length} ${o8.f2} ${o8.f1} ${o14.f2} ${o14.f1}`);
}
main();
