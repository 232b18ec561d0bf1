/**
 * lib/std/iter.ts: arrays, Maps and Sets as `Iterable<T>` values
 * (lower/iterables.ts).
 *
 * Input:  an array, a Set, a Map, or `m.keys()` / `m.values()` /
 *         `m.entries()`, passed where the program expects an `Iterable<T>`
 *         (a parameter `xs: Iterable<number>` given `[1, 2, 3]`).
 * Output: an iterable object wrapping the array or table; each
 *         `[Symbol.iterator]()` call starts a new cursor, as each for...of
 *         over an array or a Set does.
 * Invariants: the array cursor reads the live length at every step (an
 *   element pushed during the loop is visited, as in JavaScript); the table
 *   cursors follow lib/std/map.ts's Cursor through deletions, additions and
 *   rebuilds, as for...of over a Map does. Once a cursor has reported done
 *   it stays done. Nothing is copied.
 */
import { Cursor, HashTable, Map as TableMap } from "./map.ts";

export class ArrayIterable<T> {
  constructor(private readonly items: T[]) {}

  [Symbol.iterator](): Iterator<T> {
    return new ArrayCursor<T>(this.items);
  }
}

export class ArrayCursor<T> {
  private index = 0;
  private finished = false;
  constructor(private readonly items: T[]) {}

  next(): IteratorResult<T> {
    if (this.finished || this.index >= this.items.length) {
      this.finished = true;
      return { value: undefined, done: true };
    }
    return { value: this.items[this.index++], done: false };
  }
}

/** A Set's values or a Map's keys. */
export class KeysIterable<K> {
  constructor(private readonly table: HashTable<K>) {}

  [Symbol.iterator](): Iterator<K> {
    return new KeyCursor<K>(this.table);
  }
}

export class KeyCursor<K> {
  private readonly cursor: Cursor;
  private finished = false;
  constructor(private readonly table: HashTable<K>) {
    this.cursor = table.cursor();
  }

  next(): IteratorResult<K> {
    if (this.finished || !this.cursor.advance()) {
      this.finished = true;
      return { value: undefined, done: true };
    }
    return { value: this.table.keyAt(this.cursor.at), done: false };
  }
}

/** A Map's values. */
export class ValuesIterable<K, V> {
  constructor(private readonly map: TableMap<K, V>) {}

  [Symbol.iterator](): Iterator<V> {
    return new ValueCursor<K, V>(this.map);
  }
}

export class ValueCursor<K, V> {
  private readonly cursor: Cursor;
  private finished = false;
  constructor(private readonly map: TableMap<K, V>) {
    this.cursor = map.cursor();
  }

  next(): IteratorResult<V> {
    if (this.finished || !this.cursor.advance()) {
      this.finished = true;
      return { value: undefined, done: true };
    }
    return { value: this.map.valueAt(this.cursor.at), done: false };
  }
}

/** A Map's entries, each a new [key, value] pair. */
export class EntriesIterable<K, V> {
  constructor(private readonly map: TableMap<K, V>) {}

  [Symbol.iterator](): Iterator<[K, V]> {
    return new EntryCursor<K, V>(this.map);
  }
}

export class EntryCursor<K, V> {
  private readonly cursor: Cursor;
  private finished = false;
  constructor(private readonly map: TableMap<K, V>) {
    this.cursor = map.cursor();
  }

  next(): IteratorResult<[K, V]> {
    if (this.finished || !this.cursor.advance()) {
      this.finished = true;
      return { value: undefined, done: true };
    }
    return { value: this.map.entryAt(this.cursor.at), done: false };
  }
}
