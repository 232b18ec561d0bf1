// features: generics, classes, private, nullable, integers, string-methods, template-literals, for-of, accessors, tuples, nullish, arrows, array-methods, destructuring, default-params
class OpenHashMap<V> {
  private keys: (string | null)[];
  private values: (V | null)[];
  private used = 0;
  probes = 0;
  resizes = 0;

  constructor(private capacity = 8) {
    this.keys = new Array<string | null>(capacity).fill(null);
    this.values = new Array<V | null>(capacity).fill(null);
  }

  private hash(key: string): number {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
    return h % this.capacity;
  }

  private slot(key: string): number {
    let i = this.hash(key);
    while (this.keys[i] !== null && this.keys[i] !== key) {
      i = (i + 1) % this.capacity;
      this.probes++;
    }
    return i;
  }

  set(key: string, value: V): void {
    if ((this.used + 1) * 4 > this.capacity * 3) this.grow();
    const i = this.slot(key);
    if (this.keys[i] === null) this.used++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  get(key: string): V | null {
    const i = this.slot(key);
    return this.keys[i] === null ? null : this.values[i];
  }

  private grow(): void {
    const entries = this.entries();
    this.capacity *= 2;
    this.keys = new Array<string | null>(this.capacity).fill(null);
    this.values = new Array<V | null>(this.capacity).fill(null);
    this.used = 0;
    this.resizes++;
    for (const [k, v] of entries) this.set(k, v);
  }

  entries(): [string, V][] {
    const out: [string, V][] = [];
    for (let i = 0; i < this.capacity; i++) {
      const k = this.keys[i];
      const v = this.values[i];
      if (k !== null && v !== null) out.push([k, v]);
    }
    return out;
  }

  get size(): number {
    return this.used;
  }

  get load(): string {
    return `${this.used}/${this.capacity}`;
  }
}

const ages = new OpenHashMap<number>();
const people: [string, number][] = [["ada", 36], ["alan", 41], ["grace", 85], ["linus", 54], ["ken", 80], ["dennis", 70], ["barbara", 83]];
for (const [name, age] of people) ages.set(name, age);
ages.set("ada", 37);
for (const name of ["ada", "grace", "bjarne", "ken"]) console.log(`${name}: ${ages.get(name) ?? "absent"}`);
console.log(`size ${ages.size}, load ${ages.load}, resizes ${ages.resizes}, probes ${ages.probes}`);

const words = new OpenHashMap<number>(4);
const text = "it was the best of times it was the worst of times it was the age of wisdom it was the age of foolishness";
for (const w of text.split(" ")) words.set(w, (words.get(w) ?? 0) + 1);
const sorted = words.entries().sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(sorted.map(([w, n]) => `${w}=${n}`).join(" "));
console.log(`size ${words.size}, load ${words.load}, resizes ${words.resizes}, probes ${words.probes}`);
