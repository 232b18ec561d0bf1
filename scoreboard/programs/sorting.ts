// features: generics, arrows, integers, template-literals, closures, interfaces, array-methods, recursion, type-aliases, spread, for-of, string-methods, destructuring, tuples, object-literals
type Compare<T> = (a: T, b: T) => number;

interface Stats {
  comparisons: number;
}

function counting<T>(cmp: Compare<T>, stats: Stats): Compare<T> {
  return (a, b) => {
    stats.comparisons++;
    return cmp(a, b);
  };
}

function insertionSort<T>(xs: T[], cmp: Compare<T>): T[] {
  const a = [...xs];
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && cmp(a[j], v) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

function mergeSort<T>(xs: T[], cmp: Compare<T>): T[] {
  if (xs.length <= 1) return xs;
  const mid = xs.length >> 1;
  const l = mergeSort(xs.slice(0, mid), cmp);
  const r = mergeSort(xs.slice(mid), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) out.push(cmp(l[i], r[j]) <= 0 ? l[i++] : r[j++]);
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}

function quickSort<T>(xs: T[], cmp: Compare<T>): T[] {
  if (xs.length <= 1) return xs;
  const [pivot, ...rest] = xs;
  return [...quickSort(rest.filter((x) => cmp(x, pivot) < 0), cmp), pivot, ...quickSort(rest.filter((x) => cmp(x, pivot) >= 0), cmp)];
}

let seed = 7;
const data: number[] = [];
for (let i = 0; i < 200; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  data.push(seed % 1000);
}
const byNumber: Compare<number> = (a, b) => a - b;
const algorithms: [string, <T>(xs: T[], cmp: Compare<T>) => T[]][] = [
  ["insertion", insertionSort],
  ["merge", mergeSort],
  ["quick", quickSort],
];
const reference = [...data].sort(byNumber);
for (const [name, sort] of algorithms) {
  for (const [label, input] of [["random", data], ["sorted", reference], ["reversed", [...reference].reverse()]] as [string, number[]][]) {
    const stats: Stats = { comparisons: 0 };
    const out = sort(input, counting(byNumber, stats));
    const ok = out.every((x, i) => x === reference[i]);
    console.log(`${name.padEnd(9)} ${label.padEnd(8)} ${ok ? "ok" : "WRONG"} ${stats.comparisons} comparisons`);
  }
}
const people = [["ann", 31], ["bob", 25], ["cy", 31], ["di", 19], ["ed", 25]] as [string, number][];
const stable = mergeSort(people, (a, b) => a[1] - b[1]);
console.log(`stable by age: ${stable.map(([n, a]) => `${n}:${a}`).join(" ")}`);
console.log(`first 12 sorted: ${reference.slice(0, 12).join(" ")}`);
