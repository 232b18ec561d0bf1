/**
 * lib/std/clone.ts: the bookkeeping of `structuredClone(value)`, written in
 * the dialect; lower/structured-clone.ts generates the copy function of
 * each type and calls these.
 *
 * Input:  the objects of the value being copied, boxed as `unknown` (a box
 *         holds the object's pointer, so two boxes of one object are equal
 *         keys); the copies made of them.
 * Output: the memo of one structuredClone call (`cloneMemo`): for each
 *         object met so far, its copy, or null while its copy is being made;
 *         and new collections to copy into (Map, Set, Date, records).
 * Invariants:
 *   - An object met twice is copied once, so the copy shares what the
 *     original shares (the HTML structured clone algorithm's memory).
 *   - An object met again while its own copy is being made is a cycle:
 *     `cloneVisit` says so and the generated code panics (Node copies
 *     cycles; tsos refuses them rather than loop).
 */

/** The memo of one structuredClone call. */
export function cloneMemo(): Map<unknown, unknown> {
  return new Map<unknown, unknown>();
}

/**
 * Where `x` stands: 0 when met for the first time (it is now being copied),
 * 1 when copied before (`cloneCopy` gives the copy), 2 when its copy is
 * still being made: the value holds a cycle.
 */
export function cloneVisit(memo: Map<unknown, unknown>, x: unknown): i32 {
  if (!memo.has(x)) {
    memo.set(x, null);
    return 0;
  }
  return memo.get(x) === null ? 2 : 1;
}

/** The copy made of `x` (cloneVisit gave 1). */
export function cloneCopy(memo: Map<unknown, unknown>, x: unknown): unknown {
  return memo.get(x);
}

/** Records `copy` as the copy of `x`. */
export function cloneDone(memo: Map<unknown, unknown>, x: unknown, copy: unknown): void {
  memo.set(x, copy);
}

export function cloneNewMap<K, V>(): Map<K, V> {
  return new Map<K, V>();
}

export function cloneMapPut<K, V>(m: Map<K, V>, key: K, value: V): void {
  m.set(key, value);
}

export function cloneNewSet<T>(): Set<T> {
  return new Set<T>();
}

export function cloneSetPut<T>(s: Set<T>, value: T): void {
  s.add(value);
}

export function cloneNewRecord<V>(): Record<string, V> {
  const r: Record<string, V> = {};
  return r;
}

export function cloneRecordPut<V>(r: Record<string, V>, key: string, value: V): void {
  r[key] = value;
}

/** A Date is copied with its time value. */
export function cloneDate(d: Date): Date {
  return new Date(d.getTime());
}
