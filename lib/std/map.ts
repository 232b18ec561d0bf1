/**
 * lib/std/map.ts: Map and Set, written in the dialect.
 *
 * Input:  the program's `Map<K, V>` and `Set<T>` (declared in lib/tsos.d.ts)
 *         are these classes: lower/collections.ts maps the types, `new`, the
 *         methods and iteration (for-of, spread, Array.from) onto them.
 * Output: ordinary dialect code, monomorphized per key and value type.
 * Invariants:
 *   - An ordered hash table with chaining. Entries live in insertion order in
 *     parallel arrays (`entryKeys`, `entryValues`, `hashes`, `chain`);
 *     `buckets[h & mask]` is the first entry of a bucket and `chain[i]` the
 *     next one (-1 ends a chain). Keys compare by SameValueZero; each
 *     operation hashes its key once (`hashOf`, a compiler intrinsic).
 *   - A deleted entry is unlinked from its chain and flagged in
 *     `order.deleted`; its slot stays until the next rebuild, so positions
 *     held by iterations stay valid.
 *   - A rebuild that drops deleted entries starts a new `Order` and leaves
 *     the old one a forward pointer and the new index of every old one
 *     (`remap`): a Cursor made before it catches up on its next step, so
 *     iteration while deleting and adding behaves as JavaScript specifies
 *     (deleted entries not yet visited are skipped, added ones are visited).
 *   - `size` counts live entries.
 *   - `lastFound` is the position `find` last returned (-1: none, or the
 *     entries moved or one was deleted since): `m.set(k, m.get(k)! + 1)`
 *     finds the second key there without walking its bucket again.
 */

import { regexpPanic } from "./string-intrinsics";

/** The hash of a key (lower/collections.ts expands it per key type: string bytes, number bits with -0 and NaN normalised, integers, pointers). */
declare function hashOf<K>(key: K): u32;
/** SameValueZero: `===`, except that NaN equals NaN (lower/collections.ts). */
declare function sameValueZero<K>(a: K, b: K): boolean;
/** The key as stored: -0 becomes +0, as Map.prototype.set and Set.prototype.add do (lower/collections.ts). */
declare function storedKey<K>(key: K): K;

/** A string's characters, each a one-character string (`new Set("hello")`). */
export function stringChars(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) out.push(ch);
  return out;
}

/** `const { a, b, ...rest } = record` (lower/object-spread.ts): a new record of the entries not `taken`, in the record's order. */
export function recordRest<V>(r: Record<string, V>, taken: string[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(r)) if (!taken.includes(k)) out[k] = r[k] as V;
  return out;
}

/** One generation of a table's entry positions. */
export class Order {
  deleted: boolean[] = [];
  /** After a rebuild that moved entries: the generation that replaced this one. */
  next: Order | null = null;
  /** After a rebuild: the new position of each old position (one more at the end, for "past the last"). */
  remap: i32[] = [];
}

/** A position in a table's entries that survives rebuilds: what for-of, forEach and iterators hold. */
export class Cursor {
  order: Order;
  /** The next position to look at. */
  index: i32 = 0;
  /** After `advance()` returned true: the position of the current entry in the table's arrays. */
  at: i32 = -1;

  constructor(order: Order) {
    this.order = order;
  }

  /** Moves to the next live entry; false when there is none (yet: entries added later are still visited). */
  advance(): boolean {
    let order = this.order;
    let i = this.index;
    let next = order.next;
    while (next !== null) {
      i = order.remap[i];
      order = next;
      next = order.next;
    }
    this.order = order;
    const deleted = order.deleted;
    const n = i32(deleted.length);
    while (i < n && deleted[i]) i++;
    if (i >= n) {
      this.index = i;
      return false;
    }
    this.at = i;
    this.index = i + 1;
    return true;
  }
}

/** The keys, hashes and order of Map and Set. */
export class HashTable<K> {
  entryKeys: K[] = [];
  hashes: u32[] = [];
  chain: i32[] = [];
  buckets: i32[] = new Array<i32>(8).fill(-1);
  mask: u32 = 7;
  order: Order = new Order();
  size: number = 0;
  lastFound: i32 = -1;

  /**
   * The position of `key` (whose hash is `h`), or -1. The position found
   * last is tried here, the bucket's chain in `walk`: without a loop this is
   * small enough for gcc to inline into get, set and has.
   */
  find(key: K, h: u32): i32 {
    const last = this.lastFound;
    if (last >= 0 && this.hashes[last] === h && sameValueZero(this.entryKeys[last], key)) return last;
    return this.walk(key, h);
  }

  /** The position of `key` in its bucket's chain, or -1. */
  walk(key: K, h: u32): i32 {
    let i = this.buckets[h & this.mask];
    while (i >= 0) {
      if (this.hashes[i] === h && sameValueZero(this.entryKeys[i], key)) {
        this.lastFound = i;
        return i;
      }
      i = this.chain[i];
    }
    return -1;
  }

  /** Appends a new entry for `key` (not present); returns its position. */
  append(key: K, h: u32): i32 {
    const n = i32(this.entryKeys.length);
    const b = h & this.mask;
    this.entryKeys.push(storedKey(key));
    this.hashes.push(h);
    this.chain.push(this.buckets[b]);
    this.buckets[b] = n;
    this.order.deleted.push(false);
    this.size++;
    return n;
  }

  /** Whether the entry arrays are full: the caller rebuilds before appending. */
  full(): boolean {
    return this.entryKeys.length >= this.buckets.length;
  }

  /** Unlinks and flags the entry of `key`; its position, or -1 if absent. */
  remove(key: K): i32 {
    const h = hashOf(key);
    const b = h & this.mask;
    let prev: i32 = -1;
    let i = this.buckets[b];
    while (i >= 0) {
      if (this.hashes[i] === h && sameValueZero(this.entryKeys[i], key)) {
        if (prev < 0) this.buckets[b] = this.chain[i];
        else this.chain[prev] = this.chain[i];
        this.order.deleted[i] = true;
        this.size--;
        this.lastFound = -1;
        return i;
      }
      prev = i;
      i = this.chain[i];
    }
    return -1;
  }

  /**
   * Makes room for one more entry: drops deleted entries (a new Order) and
   * doubles the bucket count when the live ones fill more than half of it.
   * Returns the old positions of the entries kept, in order, when entries
   * moved (the caller moves its own parallel arrays), else null.
   */
  rebuild(): i32[] | null {
    const live = this.size;
    let nb = this.buckets.length;
    while (live * 2 > nb) nb = nb * 2;
    let kept: i32[] | null = null;
    if (live < this.entryKeys.length) kept = this.dropDeleted();
    this.rehash(nb);
    return kept;
  }

  /** Empties the table; iterations in progress end unless entries are added later. */
  clearAll(): void {
    const deleted = this.order.deleted;
    for (let i = 0; i < deleted.length; i++) deleted[i] = true;
    this.size = 0;
    this.dropDeleted();
    this.rehash(8);
  }

  /** Removes the flagged entries from the arrays; the kept entries' old positions. */
  dropDeleted(): i32[] {
    const old = this.order;
    const fresh = new Order();
    const keys: K[] = [];
    const hashes: u32[] = [];
    const kept: i32[] = [];
    const remap: i32[] = [];
    const n = i32(old.deleted.length);
    for (let i: i32 = 0; i < n; i++) {
      remap.push(i32(kept.length));
      if (old.deleted[i]) continue;
      kept.push(i);
      keys.push(this.entryKeys[i]);
      hashes.push(this.hashes[i]);
      fresh.deleted.push(false);
    }
    remap.push(i32(kept.length));
    old.remap = remap;
    old.next = fresh;
    this.order = fresh;
    this.entryKeys = keys;
    this.hashes = hashes;
    this.lastFound = -1;
    return kept;
  }

  /** Rebuilds the buckets and chains for `nb` buckets (a power of two). */
  rehash(nb: number): void {
    this.buckets = new Array<i32>(nb).fill(-1);
    this.mask = u32(nb - 1);
    const chain: i32[] = [];
    const n = i32(this.hashes.length);
    for (let i: i32 = 0; i < n; i++) {
      const b = this.hashes[i] & this.mask;
      chain.push(this.buckets[b]);
      this.buckets[b] = i;
    }
    this.chain = chain;
  }

  /** A cursor at the first entry. */
  cursor(): Cursor {
    return new Cursor(this.order);
  }

  /** The key at a cursor's position. */
  keyAt(i: i32): K {
    return this.entryKeys[i];
  }

  /** The keys, in order (spread, Array.from). */
  keyArray(): K[] {
    const out: K[] = [];
    const c = this.cursor();
    while (c.advance()) out.push(this.entryKeys[c.at]);
    return out;
  }

  /** `m.keys()` kept as a value (returned, stored, stepped by hand): a generator that walks a cursor, as for...of does. */
  *keyIterator(): Generator<K> {
    const c = this.cursor();
    while (c.advance()) yield this.entryKeys[c.at];
  }

  /** The first key, or undefined when empty: `keys().next().value`. */
  firstKey(): K | undefined {
    const c = this.cursor();
    if (c.advance()) return this.entryKeys[c.at];
    return undefined;
  }
}

export class Map<K, V> extends HashTable<K> {
  entryValues: V[] = [];

  /** A new Map of the same entries, keys and values as unknowns (`x instanceof Map` on an unknown: lower/dynamic.ts). */
  toUnknowns(): Map<unknown, unknown> {
    const out = new Map<unknown, unknown>();
    const c = this.cursor();
    while (c.advance()) {
      const key: unknown = this.entryKeys[c.at];
      const value: unknown = this.entryValues[c.at];
      out.set(key, value);
    }
    return out;
  }

  get(key: K): V | undefined {
    const i = this.find(key, hashOf(key));
    if (i < 0) return undefined;
    // Read into a V first: returned directly, the element was read as `V | undefined` (a call that holds the array).
    const value: V = this.entryValues[i];
    return value;
  }

  has(key: K): boolean {
    return this.find(key, hashOf(key)) >= 0;
  }

  set(key: K, value: V): Map<K, V> {
    const h = hashOf(key);
    const i = this.find(key, h);
    if (i >= 0) {
      this.entryValues[i] = value;
      return this;
    }
    this.insert(key, h, value);
    return this;
  }

  /** Adds the entry of `key` (not present, hash `h`): set's rare path, apart so that set stays small. */
  insert(key: K, h: u32, value: V): void {
    if (this.full()) {
      const kept = this.rebuild();
      if (kept !== null) {
        const values: V[] = [];
        for (let j = 0; j < kept.length; j++) values.push(this.entryValues[kept[j]]);
        this.entryValues = values;
      }
    }
    this.append(key, h);
    this.entryValues.push(value);
  }

  delete(key: K): boolean {
    return this.remove(key) >= 0;
  }

  clear(): void {
    this.clearAll();
    this.entryValues = [];
  }

  forEach(f: (value: V, key: K, map: Map<K, V>) => void): void {
    const c = this.cursor();
    while (c.advance()) f(this.entryValues[c.at], this.entryKeys[c.at], this);
  }

  /** `new Map(entries)`. */
  setAll(entries: [K, V][]): Map<K, V> {
    for (let i = 0; i < entries.length; i++) this.set(entries[i][0], entries[i][1]);
    return this;
  }

  /** `new Map(other)`. */
  setFrom(other: Map<K, V>): Map<K, V> {
    const c = other.cursor();
    while (c.advance()) this.set(other.entryKeys[c.at], other.entryValues[c.at]);
    return this;
  }

  /** The value at a cursor's position. */
  valueAt(i: i32): V {
    return this.entryValues[i];
  }

  valueArray(): V[] {
    const out: V[] = [];
    const c = this.cursor();
    while (c.advance()) out.push(this.entryValues[c.at]);
    return out;
  }

  entryArray(): [K, V][] {
    const out: [K, V][] = [];
    const c = this.cursor();
    while (c.advance()) out.push([this.entryKeys[c.at], this.entryValues[c.at]]);
    return out;
  }

  /** `m.values()` kept as a value. */
  *valueIterator(): Generator<V> {
    const c = this.cursor();
    while (c.advance()) yield this.entryValues[c.at];
  }

  /** `m.entries()` kept as a value: a new pair for each entry, as JavaScript makes. */
  *entryIterator(): Generator<[K, V]> {
    const c = this.cursor();
    while (c.advance()) yield [this.entryKeys[c.at], this.entryValues[c.at]];
  }

  /** The entry at a cursor's position, as a new pair. */
  entryAt(i: i32): [K, V] {
    return [this.entryKeys[i], this.entryValues[i]];
  }

  firstValue(): V | undefined {
    const c = this.cursor();
    if (c.advance()) return this.entryValues[c.at];
    return undefined;
  }

  firstEntry(): [K, V] | undefined {
    const c = this.cursor();
    if (c.advance()) return this.entryAt(c.at);
    return undefined;
  }
}

export class Set<T> extends HashTable<T> {
  /** A new Set of the same values, as unknowns (`x instanceof Set` on an unknown: lower/dynamic.ts). */
  toUnknowns(): Set<unknown> {
    const out = new Set<unknown>();
    const c = this.cursor();
    while (c.advance()) {
      const value: unknown = this.entryKeys[c.at];
      out.add(value);
    }
    return out;
  }

  has(value: T): boolean {
    return this.find(value, hashOf(value)) >= 0;
  }

  add(value: T): Set<T> {
    const h = hashOf(value);
    if (this.find(value, h) >= 0) return this;
    if (this.full()) this.rebuild();
    this.append(value, h);
    return this;
  }

  delete(value: T): boolean {
    return this.remove(value) >= 0;
  }

  clear(): void {
    this.clearAll();
  }

  forEach(f: (value: T, value2: T, set: Set<T>) => void): void {
    const c = this.cursor();
    while (c.advance()) {
      const v = this.entryKeys[c.at];
      f(v, v, this);
    }
  }

  /** `new Set(values)`. */
  addAll(values: T[]): Set<T> {
    for (let i = 0; i < values.length; i++) this.add(values[i]);
    return this;
  }

  /** `new Set(other)`. */
  addFrom(other: Set<T>): Set<T> {
    const c = other.cursor();
    while (c.advance()) this.add(other.entryKeys[c.at]);
    return this;
  }

  entryArray(): [T, T][] {
    const out: [T, T][] = [];
    const c = this.cursor();
    while (c.advance()) out.push([this.entryKeys[c.at], this.entryKeys[c.at]]);
    return out;
  }

  /** `s.entries()` kept as a value. */
  *entryIterator(): Generator<[T, T]> {
    const c = this.cursor();
    while (c.advance()) yield [this.entryKeys[c.at], this.entryKeys[c.at]];
  }

  entryAt(i: i32): [T, T] {
    return [this.entryKeys[i], this.entryKeys[i]];
  }

  firstEntry(): [T, T] | undefined {
    const c = this.cursor();
    if (c.advance()) return this.entryAt(c.at);
    return undefined;
  }
}

/**
 * The array index a key spells (`"0"`, `"17"`: canonical, below 2^32 - 1), or -1.
 * Such keys come first among an object's own keys, in ascending order.
 */
function arrayIndex(key: string): number {
  const n = key.length;
  if (n === 0 || n > 10) return -1;
  if (n > 1 && key.charCodeAt(0) === 48) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value <= 4294967294 ? value : -1;
}

function byArrayIndex(a: string, b: string): number {
  return arrayIndex(a) - arrayIndex(b);
}

/** The properties every object inherits from Object.prototype (ECMAScript 2022, 20.1.3 and B.2.2). */
function inheritedName(key: string): boolean {
  switch (key) {
    case "constructor":
    case "hasOwnProperty":
    case "isPrototypeOf":
    case "propertyIsEnumerable":
    case "toLocaleString":
    case "toString":
    case "valueOf":
    case "__proto__":
    case "__defineGetter__":
    case "__defineSetter__":
    case "__lookupGetter__":
    case "__lookupSetter__":
      return true;
  }
  return false;
}

/**
 * A string-keyed record (`Record<string, V>`, lower/records.ts): a Map whose
 * keys list as an object's own keys do.
 */
export class Dict<V> extends Map<string, V> {
  /** Own keys in JavaScript's order: array-index keys ascending, then the others in insertion order. */
  ownKeys(): string[] {
    const indexKeys: string[] = [];
    const others: string[] = [];
    const c = this.cursor();
    while (c.advance()) {
      const k = this.entryKeys[c.at];
      if (arrayIndex(k) >= 0) indexKeys.push(k);
      else others.push(k);
    }
    if (indexKeys.length === 0) return others;
    indexKeys.sort(byArrayIndex);
    for (let i = 0; i < others.length; i++) indexKeys.push(others[i]);
    return indexKeys;
  }

  /**
   * The value of a key the program uses as present (lower/records.ts): a
   * missing one panics (JavaScript would go on with undefined, so this is
   * no exception a `catch` could take).
   */
  getPresent(key: string): V {
    const i = this.find(key, hashOf(key));
    if (i < 0) regexpPanic(`the record has no key "${key}"; its value would be undefined (not supported)`);
    return this.entryValues[i];
  }

  /** `key in record`: an own key, or a name every object inherits from Object.prototype. */
  hasOrInherits(key: string): boolean {
    return this.has(key) || inheritedName(key);
  }

  ownValues(): V[] {
    const keys = this.ownKeys();
    const out: V[] = [];
    for (let i = 0; i < keys.length; i++) out.push(this.entryValues[this.find(keys[i], hashOf(keys[i]))]);
    return out;
  }

  /** A new record of the same entries, the values as unknowns (a record read as `Record<string, unknown>`: lower/dynamic.ts). */
  asUnknowns(): Dict<unknown> {
    const out = new Dict<unknown>();
    const c = this.cursor();
    while (c.advance()) {
      const value: unknown = this.entryValues[c.at];
      out.set(this.entryKeys[c.at], value);
    }
    return out;
  }

  ownEntries(): [string, V][] {
    const keys = this.ownKeys();
    const out: [string, V][] = [];
    for (let i = 0; i < keys.length; i++) out.push([keys[i], this.entryValues[this.find(keys[i], hashOf(keys[i]))]]);
    return out;
  }
}

/** One entry of a WeakMap: its key held weakly, its value strongly. */
export class WeakEntry<K extends object, V> {
  key: WeakRef<K>;
  value: V;

  constructor(key: K, value: V) {
    this.key = new WeakRef(key);
    this.value = value;
  }
}

/**
 * JavaScript's WeakMap: an entry does not keep its key alive. Entries are found by the key's
 * identity hash, then compared with the key each holds weakly; an entry whose key was freed is
 * never found again (a new object at the same address is another key), and is dropped, with its
 * value, by the next sweep: one walk each time the entries added since the last one outnumber
 * those it kept, so the work per `set` stays constant on average.
 */
export class WeakMap<K extends object, V> {
  private buckets: Map<u32, WeakEntry<K, V>[]> = new Map<u32, WeakEntry<K, V>[]>();
  private added: i32 = 0;
  private kept: i32 = 0;

  private entry(key: K): WeakEntry<K, V> | undefined {
    const bucket = this.buckets.get(hashOf(key));
    if (bucket === undefined) return undefined;
    for (const e of bucket) if (e.key.deref() === key) return e;
    return undefined;
  }

  get(key: K): V | undefined {
    const e = this.entry(key);
    if (e === undefined) return undefined;
    const value: V = e.value;
    return value;
  }

  has(key: K): boolean {
    return this.entry(key) !== undefined;
  }

  set(key: K, value: V): WeakMap<K, V> {
    const e = this.entry(key);
    if (e !== undefined) {
      e.value = value;
      return this;
    }
    if (this.added > this.kept + 8) this.sweep();
    const h = hashOf(key);
    const bucket = this.buckets.get(h);
    if (bucket === undefined) this.buckets.set(h, [new WeakEntry(key, value)]);
    else bucket.push(new WeakEntry(key, value));
    this.added++;
    return this;
  }

  delete(key: K): boolean {
    const h = hashOf(key);
    const bucket = this.buckets.get(h);
    if (bucket === undefined) return false;
    for (let i = 0; i < bucket.length; i++) {
      if (bucket[i].key.deref() === key) {
        bucket.splice(i, 1);
        if (bucket.length === 0) this.buckets.delete(h);
        return true;
      }
    }
    return false;
  }

  /** Drops the entries whose keys were freed, and their values. */
  private sweep(): void {
    let kept: i32 = 0;
    for (const h of this.buckets.keyArray()) {
      const bucket = this.buckets.get(h)!;
      const live = bucket.filter((e) => e.key.deref() !== undefined);
      if (live.length === 0) this.buckets.delete(h);
      else this.buckets.set(h, live);
      kept += i32(live.length);
    }
    this.kept = kept;
    this.added = 0;
  }
}

/** JavaScript's WeakSet: a WeakMap whose values say only that the key is in it. */
export class WeakSet<T extends object> {
  private map: WeakMap<T, boolean> = new WeakMap<T, boolean>();

  add(value: T): WeakSet<T> {
    this.map.set(value, true);
    return this;
  }

  has(value: T): boolean {
    return this.map.has(value);
  }

  delete(value: T): boolean {
    return this.map.delete(value);
  }
}
