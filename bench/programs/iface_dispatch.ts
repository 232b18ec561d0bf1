// iface_dispatch: calls through an interface (a fat pointer and a view table), 3 classes
// behind one interface, 60 million calls chosen by a pseudo-random stream.
// Output: "iface_dispatch <checksum>", identical to bench/c/iface_dispatch.c.

interface Step {
  apply(x: u32): u32;
}

class AddStep implements Step {
  constructor(private k: u32) {}
  apply(x: u32): u32 {
    return x + this.k;
  }
}

class XorShift implements Step {
  constructor(private s: u32) {}
  apply(x: u32): u32 {
    return x ^ (x >>> this.s);
  }
}

class MulStep implements Step {
  constructor(private m: u32) {}
  apply(x: u32): u32 {
    return x * this.m;
  }
}

function run(steps: Step[], n: u32): u32 {
  let x: u32 = 1;
  let r: u32 = 12345;
  for (let i: u32 = 0; i < n; i++) {
    r = r * 1664525 + 1013904223;
    x = steps[r >>> 30]!.apply(x);
  }
  return x;
}

export function main(): void {
  const steps: Step[] = [new AddStep(7), new XorShift(13), new MulStep(2654435761), new AddStep(11)];
  console.log(`iface_dispatch ${run(steps, 60000000)}`);
}

main();
