// features: generics, generic-constraints, classes, interfaces, map-set, nullable, labeled-loops, instanceof, typeof, template-literals, arrows, private, spread, optional-chaining, nullish, inheritance, readonly, for-of, array-methods, string-methods, union-values, destructuring
interface Keyed {
  key(): string;
}

interface Sized {
  readonly bytes: number;
}

class Blob implements Keyed, Sized {
  constructor(readonly name: string, readonly bytes: number) {}
  key(): string {
    return `blob:${this.name}`;
  }
}

class Thumb extends Blob {
  constructor(name: string, readonly px: number) {
    super(name, px * px * 4);
  }
  override key(): string {
    return `thumb:${this.name}@${this.px}`;
  }
}

class SizedCache<T extends Keyed & Sized> {
  private items = new Map<string, T>();
  private used = 0;
  evictions = 0;

  constructor(private readonly budget: number) {}

  put(item: T): boolean {
    if (item.bytes > this.budget) return false;
    this.items.delete(item.key());
    evict: while (this.used + item.bytes > this.budget) {
      for (const [k, v] of this.items) {
        this.items.delete(k);
        this.used -= v.bytes;
        this.evictions++;
        continue evict;
      }
      break;
    }
    this.items.set(item.key(), item);
    this.used += item.bytes;
    return true;
  }

  get(key: string): T | null {
    const v = this.items.get(key);
    if (v === undefined) return null;
    this.items.delete(key);
    this.items.set(key, v);
    return v;
  }

  describe(): string {
    const kinds = [...this.items.values()].map((v) => (v instanceof Thumb ? "T" : "B")).join("");
    return `${this.items.size} items [${kinds}], ${this.used}/${this.budget} bytes, ${this.evictions} evictions`;
  }
}

function largest<T extends Sized>(xs: T[]): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (best === undefined || x.bytes > best.bytes) best = x;
  return best;
}

function describe(v: Blob | string | number): string {
  if (typeof v === "string") return `name ${v}`;
  if (typeof v === "number") return `${v} bytes`;
  return v instanceof Thumb ? `thumb ${v.px}px` : `blob ${v.name}`;
}

const cache = new SizedCache<Blob>(100000);
const items: Blob[] = [
  new Blob("a.bin", 30000), new Thumb("cat", 64), new Blob("b.bin", 45000), new Thumb("dog", 100),
  new Blob("huge.iso", 250000), new Thumb("cat", 32), new Blob("c.bin", 20000),
];
for (const it of items) {
  const ok = cache.put(it);
  console.log(`put ${it.key().padEnd(16)} ${String(it.bytes).padStart(6)} -> ${ok ? "stored" : "too big"}; ${cache.describe()}`);
}
for (const k of ["blob:a.bin", "thumb:cat@32", "blob:c.bin", "thumb:dog@100"]) console.log(`get ${k}: ${cache.get(k)?.bytes ?? "miss"}`);
console.log(`largest: ${largest(items)?.key()}`);
console.log([items[1], items[0], "readme", 512].map(describe).join("; "));
