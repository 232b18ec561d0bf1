// word_count: a Map-heavy word frequency count, as a text-statistics script is
// written. Twenty texts of about 400,000 words each are generated from
// syllables with a pseudo-random generator (2,784 distinct words, short ones
// common); each is split on spaces, counted in a Map<string, number>, and its
// entries sorted by count (descending, ties by word). Output: the last text's
// top ten, its number of distinct words and a checksum over every sorted
// entry, identical to bench/c/word_count.c (a hand-written hash table, qsort).

const SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vi", "nor", "el", "qua", "dim", "pe", "ru", "ost", "ba", "fen"];
const WORDS = 400000;
const TOP = 10;
const PASSES = 20;

function generateText(words: number, seed: number): string {
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    // skewed: short words (few choices) are common, long ones rare
    const r = next();
    const syllables = 1 + (r % 7 === 0 ? 2 : r % 3 === 0 ? 1 : 0);
    let word = "";
    for (let s = 0; s < syllables; s++) word += SYLLABLES[next() % SYLLABLES.length];
    parts.push(word);
  }
  return parts.join(" ");
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.split(" ")) {
    if (word.length === 0) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function main(): void {
  let checksum = 0;
  let distinct = 0;
  let top: [string, number][] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const text = generateText(WORDS + pass * 1000, 2024 + pass);
    const counts = countWords(text);
    const entries = [...counts.entries()];
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    top = entries.slice(0, TOP);
    distinct = counts.size;
    for (let i = 0; i < entries.length; i++) {
      checksum = (checksum * 31 + entries[i][1] * (i + 1) + entries[i][0].length) % 1000000007;
    }
  }
  for (const [word, count] of top) console.log(`${word.padEnd(12)} ${count}`);
  console.log(`word_count ${distinct} distinct, checksum ${checksum}`);
}

main();
