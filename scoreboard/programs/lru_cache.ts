// features: generics, classes, map-set, nullable, private, template-literals, for-of, spread, nullish, accessors, readonly, array-methods, destructuring, tuples
class LRUCache<K, V> {
  private map = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  put(key: K, value: V): K | null {
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
      return oldest;
    }
    return null;
  }

  keys(): K[] {
    return [...this.map.keys()];
  }

  get size(): number {
    return this.map.size;
  }
}

const cache = new LRUCache<string, number>(3);
const ops: [string, string, number][] = [
  ["put", "a", 1], ["put", "b", 2], ["put", "c", 3], ["get", "a", 0],
  ["put", "d", 4], ["get", "b", 0], ["get", "c", 0], ["put", "e", 5],
  ["get", "a", 0], ["get", "d", 0], ["put", "c", 33], ["get", "c", 0],
];
for (const [op, key, val] of ops) {
  if (op === "put") {
    const evicted = cache.put(key, val);
    console.log(`put ${key}=${val}${evicted !== null ? ` (evicted ${evicted})` : ""} -> [${cache.keys().join(",")}]`);
  } else {
    const v = cache.get(key);
    console.log(`get ${key} -> ${v ?? "miss"} [${cache.keys().join(",")}]`);
  }
}
console.log(`size=${cache.size} hits=${cache.hits} misses=${cache.misses}`);

const squares = new LRUCache<number, number>(4);
let computed = 0;
function square(n: number): number {
  const hit = squares.get(n);
  if (hit !== undefined) return hit;
  computed++;
  squares.put(n, n * n);
  return n * n;
}
let total = 0;
for (const n of [1, 2, 3, 1, 2, 5, 6, 1, 7, 8, 2, 3]) total += square(n);
console.log(`total ${total}, computed ${computed} times, hits ${squares.hits}`);
