// features: map-set, string-methods, array-methods, arrows, template-literals, destructuring, for-of, tuples, spread, nullish, floats
const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way.`;

const STOP = new Set(["the", "of", "it", "was", "we", "to", "us", "all"]);

const words = text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 0);
const counts = new Map<string, number>();
for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);

const ranked: [string, number][] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log(`${words.length} words, ${counts.size} distinct`);
console.log("top 8 (with stop words):");
for (const [w, n] of ranked.slice(0, 8)) console.log(`  ${w.padEnd(10)} ${"#".repeat(n)} ${n}`);
console.log("top 8 (without):");
for (const [w, n] of ranked.filter(([w]) => !STOP.has(w)).slice(0, 8)) console.log(`  ${w.padEnd(10)} ${n}`);

const byLength = new Map<number, string[]>();
for (const w of counts.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
const lengths = [...byLength.keys()].sort((a, b) => a - b);
for (const len of lengths) console.log(`len ${String(len).padStart(2)}: ${byLength.get(len)!.sort().join(" ")}`);

const bigrams = new Map<string, number>();
for (let i = 0; i + 1 < words.length; i++) {
  const key = `${words[i]} ${words[i + 1]}`;
  bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
}
const topBigrams = [...bigrams].filter(([, n]) => n > 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log(`bigrams seen more than twice: ${topBigrams.map(([b, n]) => `"${b}"x${n}`).join(", ")}`);
const longest = [...counts.keys()].reduce((a, b) => (b.length > a.length ? b : a));
const avgLen = words.reduce((s, w) => s + w.length, 0) / words.length;
console.log(`longest word "${longest}", average length ${avgLen.toFixed(3)}`);

const letters = new Map<string, number>();
for (const ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") letters.set(ch, (letters.get(ch) ?? 0) + 1);
const totalLetters = [...letters.values()].reduce((a, b) => a + b, 0);
const topLetters = [...letters].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6);
console.log(`letters: ${totalLetters}, top: ${topLetters.map(([c, n]) => `${c} ${((100 * n) / totalLetters).toFixed(1)}%`).join(", ")}`);
const missing = "abcdefghijklmnopqrstuvwxyz".split("").filter((c) => !letters.has(c));
console.log(`letters never used: ${missing.join("") || "none"}`);
