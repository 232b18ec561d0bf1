// features: generics, classes, private, nullable, accessors, arrows, template-literals, for-of, interfaces, readonly, optional
interface Clock {
  now(): number;
}

class ManualClock implements Clock {
  constructor(private t = 0) {}
  now(): number {
    return this.t;
  }
  tick(ms: number): void {
    this.t += ms;
  }
}

class Node<K, V> {
  prev: Node<K, V> | null = null;
  next: Node<K, V> | null = null;
  constructor(readonly key: K, public value: V, public expires: number) {}
}

interface CacheOptions {
  capacity: number;
  ttl?: number;
  onEvict?: (key: string, reason: "lru" | "ttl" | "delete") => void;
}

class TtlLruCache<V> {
  private index = new Map<string, Node<string, V>>();
  private head: Node<string, V> | null = null;
  private tail: Node<string, V> | null = null;
  private readonly ttl: number;

  constructor(private clock: Clock, private opts: CacheOptions) {
    this.ttl = opts.ttl ?? Infinity;
  }

  private unlink(n: Node<string, V>): void {
    if (n.prev) n.prev.next = n.next;
    else this.head = n.next;
    if (n.next) n.next.prev = n.prev;
    else this.tail = n.prev;
    n.prev = n.next = null;
  }

  private pushFront(n: Node<string, V>): void {
    n.next = this.head;
    if (this.head) this.head.prev = n;
    this.head = n;
    if (!this.tail) this.tail = n;
  }

  private remove(n: Node<string, V>, reason: "lru" | "ttl" | "delete"): void {
    this.unlink(n);
    this.index.delete(n.key);
    this.opts.onEvict?.(n.key, reason);
  }

  get(key: string): V | undefined {
    const n = this.index.get(key);
    if (!n) return undefined;
    if (n.expires <= this.clock.now()) {
      this.remove(n, "ttl");
      return undefined;
    }
    this.unlink(n);
    this.pushFront(n);
    return n.value;
  }

  set(key: string, value: V): void {
    const expires = this.clock.now() + this.ttl;
    const old = this.index.get(key);
    if (old) {
      old.value = value;
      old.expires = expires;
      this.unlink(old);
      this.pushFront(old);
      return;
    }
    const n = new Node(key, value, expires);
    this.index.set(key, n);
    this.pushFront(n);
    if (this.index.size > this.opts.capacity && this.tail) this.remove(this.tail, "lru");
  }

  delete(key: string): boolean {
    const n = this.index.get(key);
    if (!n) return false;
    this.remove(n, "delete");
    return true;
  }

  purge(): number {
    const now = this.clock.now();
    let removed = 0;
    for (let n = this.tail; n !== null; ) {
      const prev: Node<string, V> | null = n.prev;
      if (n.expires <= now) {
        this.remove(n, "ttl");
        removed++;
      }
      n = prev;
    }
    return removed;
  }

  get size(): number {
    return this.index.size;
  }

  keys(): string[] {
    const out: string[] = [];
    for (let n = this.head; n; n = n.next) out.push(n.key);
    return out;
  }
}

const clock = new ManualClock();
const evictions: string[] = [];
const cache = new TtlLruCache<number>(clock, {
  capacity: 3,
  ttl: 100,
  onEvict: (k, why) => evictions.push(`${k}:${why}`),
});

cache.set("a", 1);
clock.tick(10);
cache.set("b", 2);
clock.tick(10);
cache.set("c", 3);
console.log(`keys ${cache.keys().join(",")} size ${cache.size}`);
console.log(`get a -> ${cache.get("a")}; keys ${cache.keys().join(",")}`);
cache.set("d", 4);
console.log(`after d: ${cache.keys().join(",")}`);
clock.tick(85);
console.log(`t=${clock.now()} get a -> ${cache.get("a")}, get c -> ${cache.get("c")}`);
cache.set("c", 30);
clock.tick(20);
console.log(`t=${clock.now()} purge removed ${cache.purge()}; keys ${cache.keys().join(",")}`);
console.log(`delete c: ${cache.delete("c")}, delete c again: ${cache.delete("c")}`);
console.log(`size ${cache.size}, get b ${cache.get("b") ?? "gone"}`);
console.log(`evictions: ${evictions.join(" ")}`);

const forever = new TtlLruCache<string>(clock, { capacity: 2 });
forever.set("x", "ex");
clock.tick(1e9);
forever.set("y", "why");
forever.set("z", "zed");
console.log(`no ttl: ${forever.keys().join(",")} x=${forever.get("x") ?? "evicted"} y=${forever.get("y")}`);
