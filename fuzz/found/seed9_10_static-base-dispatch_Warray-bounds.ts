// gcc-warning -Warray-bounds, found on branch objects (ab1cb4a) before it landed, still on main: found by npm run fuzz -- --seed 9 --index 10 --count 1 --scale 0.4 --features ...,inherit, shrunk by hand.
// gcc -O2 -Warray-bounds: a virtual call on a module-level (static) instance of the base class: gcc inlines the dispatcher's
// override branch onto the base-sized static storage and warns, so tsos reports TSOS4003 on a valid program.
// node: 12 4
class A {
  f1: u8 = 1;
  constructor(c0: u8) { this.f1 = c0; }
  m(): u64 { return u64(this.f1); }
}
class B extends A {
  h1: u64 = 5;
  h2: u64 = 7;
  constructor(c0: u8) { super(c0); }
  override m(): u64 { return this.h1 + this.h2; }
}
const o: A = new B(3);
const p = new A(4);
console.log(o.m(), p.m());
