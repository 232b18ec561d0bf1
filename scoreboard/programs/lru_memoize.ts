// features: classes, generics, generic-constraints, interfaces, accessors, map-set, closures, arrows, nullable, private, readonly
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

class LRUCache<K, V> implements Cache<K, V> {
  private map = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get size() { return this.map.size; }

  get(key: K): V | undefined {
    if (!this.map.has(key)) {
      this.misses++;
      return undefined;
    }
    const value = this.map.get(key)!;
    this.map.delete(key);
    this.map.set(key, value);
    this.hits++;
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  keys(): K[] { return Array.from(this.map.keys()); }
}

function memoize<A extends number | string, R>(fn: (a: A) => R, cache: Cache<A, R>): (a: A) => R {
  return (a) => {
    const hit = cache.get(a);
    if (hit !== undefined) return hit;
    const r = fn(a);
    cache.set(a, r);
    return r;
  };
}

const c = new LRUCache<string, number>(3);
c.set("a", 1); c.set("b", 2); c.set("c", 3);
c.get("a");
c.set("d", 4);
console.log(c.keys(), c.size, c.get("b"), c.hits, c.misses);

const cache = new LRUCache<number, number>(100);
let calls = 0;
const slowSquare = (n: number) => { calls++; return n * n; };
const fast = memoize(slowSquare, cache);
let total = 0;
for (let i = 0; i < 50; i++) total += fast(i % 7);
console.log(total, calls, cache.hits, cache.misses);
