// insertion_sort: insertion sort of 45,000 pseudo-random u32 from an LCG; weighted checksum.
// Output: "insertion_sort <checksum> <sorted>", identical to bench/c/insertion_sort.c.

/** Linear congruential generator (Numerical Recipes constants). */
class Lcg {
  constructor(private state: u32) {}

  next(): u32 {
    this.state = this.state * 1664525 + 1013904223;
    return this.state;
  }
}

function insertionSort(a: u32[], n: u32): void {
  for (let i: u32 = 1; i < n; i++) {
    const v = a[i];
    let j = i;
    while (j > 0 && a[j - 1] > v) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = v;
  }
}

export function main(): void {
  const n: u32 = 45_000;
  const a = new Array<u32>(n).fill(0);
  const rng = new Lcg(42);
  for (let i: u32 = 0; i < n; i++) a[i] = rng.next();
  insertionSort(a, n);
  let sum: u32 = 0;
  let sorted = true;
  for (let i: u32 = 0; i < n; i++) {
    sum += a[i] * (i + 1);
    if (i > 0 && a[i - 1] > a[i]) sorted = false;
  }
  console.log(`insertion_sort ${sum} ${sorted}`);
}

main();
