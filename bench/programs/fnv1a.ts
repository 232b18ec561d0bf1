// fnv1a: FNV-1a 32-bit hash over a 4 MiB pseudo-random buffer, 64 times (chained).
// Output: "fnv1a <hash>", identical to bench/c/fnv1a.c.

/** Linear congruential generator (Numerical Recipes constants). */
class Lcg {
  constructor(private state: u32) {}

  next(): u32 {
    this.state = this.state * 1664525 + 1013904223;
    return this.state;
  }
}

function fnv1a(data: u8[], hash: u32): u32 {
  for (const byte of data) {
    hash ^= byte;
    hash *= 16777619;
  }
  return hash;
}

export function main(): void {
  const size: u32 = 4 << 20;
  const reps: u32 = 64;
  const buf = new Array<u8>(size).fill(0);
  const rng = new Lcg(12345);
  for (let i: u32 = 0; i < size; i++) buf[i] = u8(rng.next() >>> 24);
  let hash: u32 = 2166136261;
  for (let r: u32 = 0; r < reps; r++) hash = fnv1a(buf, hash);
  console.log(`fnv1a ${hash}`);
}

main();
