// @ts-nocheck: AssemblyScript's Map differs from ES2022's (keys() is an array, get() returns V), so tsc cannot check this file; asc does.
// word_count for AssemblyScript (bench/impls.ts compiles it with asc when
// bench/programs/word_count.ts itself does not compile: its tuples and spread
// give "TS1109: Expression expected"). The same program with what
// AssemblyScript requires: integer types instead of number, a class Entry
// instead of the [word, count] tuples, the Map's keys() array (AssemblyScript
// has no entries() iterator) read into Entry objects instead of
// [...counts.entries()], has() before get() instead of `?? 0` (its get throws
// on a missing key), indexed loops instead of for..of ("Not implemented:
// Iterators"), the generator's seed a module variable instead of a captured
// one ("Not implemented: Closures"), and main exported for the driver.
// Output: identical to bench/programs/word_count.ts.

class Entry {
  constructor(
    public word: string,
    public count: i32,
  ) {}
}

const SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vi", "nor", "el", "qua", "dim", "pe", "ru", "ost", "ba", "fen"];
const WORDS: i32 = 400000;
const TOP: i32 = 10;
const PASSES: i32 = 20;

let seed: u32 = 0;

function next(): u32 {
  seed = seed * 1103515245 + 12345;
  return seed >>> 8;
}

function generateText(words: i32, firstSeed: u32): string {
  seed = firstSeed;
  const parts: string[] = [];
  for (let i: i32 = 0; i < words; i++) {
    // skewed: short words (few choices) are common, long ones rare
    const r = next();
    const syllables = 1 + (r % 7 === 0 ? 2 : r % 3 === 0 ? 1 : 0);
    let word = "";
    for (let s = 0; s < syllables; s++) word += SYLLABLES[next() % SYLLABLES.length];
    parts.push(word);
  }
  return parts.join(" ");
}

function countWords(text: string): Map<string, i32> {
  const counts = new Map<string, i32>();
  const words = text.split(" ");
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.length === 0) continue;
    counts.set(word, (counts.has(word) ? counts.get(word) : 0) + 1);
  }
  return counts;
}

export function main(): void {
  let checksum: i64 = 0;
  let distinct: i32 = 0;
  let top: Entry[] = [];
  for (let pass: i32 = 0; pass < PASSES; pass++) {
    const text = generateText(WORDS + pass * 1000, 2024 + pass);
    const counts = countWords(text);
    const words = counts.keys();
    const entries: Entry[] = [];
    for (let i = 0; i < words.length; i++) entries.push(new Entry(words[i], counts.get(words[i])));
    entries.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    top = entries.slice(0, TOP);
    distinct = counts.size;
    for (let i = 0; i < entries.length; i++) {
      checksum = (checksum * 31 + i64(entries[i].count) * (i + 1) + entries[i].word.length) % 1000000007;
    }
  }
  for (let i = 0; i < top.length; i++) console.log(`${top[i].word.padEnd(12)} ${top[i].count}`);
  console.log(`word_count ${distinct} distinct, checksum ${checksum}`);
}
