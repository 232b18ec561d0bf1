// nullable_objects: a chained hash table whose links are nullable object
// references (`Node | null`), read with `?.`, `??` and null tests, and object
// literals for the per-batch statistics. 400,000 inserts into 65,536 buckets,
// then 4 million lookups (half of them misses) in batches of 4,096.
// Output: "nullable_objects <checksum>", identical to bench/c/nullable_objects.c.

class Node {
  next: Node | null = null;
  constructor(readonly key: u32, public value: u32) {}
}

type Stats = { hits: u32; misses: u32; sum: u32 };

const BUCKETS: u32 = 65536;

function insert(table: (Node | null)[], key: u32, value: u32): void {
  const b = key & (BUCKETS - 1);
  let n = table[b];
  while (n !== null) {
    if (n.key === key) {
      n.value = value;
      return;
    }
    n = n.next;
  }
  const fresh = new Node(key, value);
  fresh.next = table[b];
  table[b] = fresh;
}

function find(table: (Node | null)[], key: u32): Node | null {
  let n = table[key & (BUCKETS - 1)];
  while (n !== null && n.key !== key) n = n.next;
  return n;
}

function batch(table: (Node | null)[], seed: u32, count: u32): Stats {
  const stats: Stats = { hits: 0, misses: 0, sum: 0 };
  let r = seed;
  for (let i: u32 = 0; i < count; i++) {
    r = r * 1664525 + 1013904223;
    const key = (r >>> 8) & 0xfffff;
    const hit = find(table, key);
    stats.sum += hit?.value ?? 1;
    if (hit) stats.hits++;
    else stats.misses++;
  }
  return stats;
}

export function main(): void {
  const table: (Node | null)[] = [];
  for (let i: u32 = 0; i < BUCKETS; i++) table.push(null);
  let r: u32 = 7;
  for (let i: u32 = 0; i < 400000; i++) {
    r = r * 1664525 + 1013904223;
    insert(table, (r >>> 8) & 0xfffff, i);
  }
  let hits: u32 = 0;
  let check: u32 = 0;
  for (let b: u32 = 0; b < 977; b++) {
    const s = batch(table, b * 2654435761, 4096);
    hits += s.hits;
    check = (check ^ s.sum) * 16777619 + s.misses;
  }
  console.log(`nullable_objects ${hits} ${check}`);
}

main();
