// features: map-set, array-methods, arrows, string-methods, template-literals, for-of, destructuring, tuples, readonly
const text = `
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A fox is quick, a dog is lazy -- or so the story goes. Quick thinking wins.
It's the fox's day: the FOX wins again, and again, and again.
`;

const STOP_WORDS: ReadonlySet<string> = new Set(["the", "a", "is", "or", "so", "and", "it's"]);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z']+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0);
}

function countWords(ws: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of ws) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

const all = words(text);
console.log(`total words: ${all.length}`);
const counts = countWords(all);
console.log(`distinct words: ${counts.size}`);

const ranked: [string, number][] = [...counts.entries()]
  .filter(([w]) => !STOP_WORDS.has(w))
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

console.log("top 8:");
for (const [w, n] of ranked.slice(0, 8)) {
  console.log(`  ${w.padEnd(10, ".")}${String(n).padStart(3)} ${"#".repeat(n)}`);
}

const byLength = new Map<number, string[]>();
for (const w of counts.keys()) {
  const list = byLength.get(w.length);
  if (list) list.push(w);
  else byLength.set(w.length, [w]);
}
const lengths = [...byLength.keys()].sort((a, b) => a - b);
for (const len of lengths) {
  const ws = byLength.get(len)!.sort();
  console.log(`len ${len}: ${ws.join(", ")}`);
}

const singletons = ranked.filter(([, n]) => n === 1).map(([w]) => w);
console.log(`hapax legomena (${singletons.length}): ${singletons.join(" ")}`);

const lines = text.trim().split("\n");
lines.forEach((line, i) => {
  const ws = words(line);
  const longest = ws.reduce((best, w) => (w.length > best.length ? w : best), "");
  console.log(`line ${i + 1}: ${ws.length} words, longest "${longest}", avg ${(ws.join("").length / ws.length).toFixed(2)}`);
});

const firstLetters = new Set(all.map((w) => w[0]));
console.log(`first letters: ${[...firstLetters].sort().join("")}`);
const shared = [...new Set(words(lines[0]))].filter((w) => new Set(words(lines[2])).has(w));
console.log(`shared by lines 1 and 3: ${shared.join(", ")}`);
