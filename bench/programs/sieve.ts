// sieve: count the primes below 5,000,000 with the sieve of Eratosthenes, 15 times.
// Output: "sieve <total count>", identical to bench/c/sieve.c.

function countPrimes(composite: u8[], n: u32): u32 {
  composite.fill(0);
  for (let i: u32 = 2; i * i < n; i++) {
    if (composite[i] === 0) {
      for (let j: u32 = i * i; j < n; j += i) composite[j] = 1;
    }
  }
  let count: u32 = 0;
  for (let i: u32 = 2; i < n; i++) {
    if (composite[i] === 0) count++;
  }
  return count;
}

export function main(): void {
  const n: u32 = 5_000_000;
  const reps: u32 = 15;
  const composite = new Array<u8>(n).fill(0);
  let total: u32 = 0;
  for (let r: u32 = 0; r < reps; r++) total += countPrimes(composite, n);
  console.log(`sieve ${total}`);
}

main();
