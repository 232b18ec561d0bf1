// features: map-set, string-methods, array-methods, arrows, template-literals, for-of, recursion, closures, spread, nullish, destructuring, tuples
const words = [
  "listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god",
  "evil", "vile", "live", "veil", "levi", "stone", "tones", "notes", "onset", "seton", "banana", "apple",
];

const key = (w: string) => w.split("").sort().join("");

const groups = new Map<string, string[]>();
for (const w of words) {
  const k = key(w);
  const g = groups.get(k);
  if (g) g.push(w);
  else groups.set(k, [w]);
}
const sortedGroups = [...groups.values()].sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
for (const g of sortedGroups) console.log(`${g.length}: ${g.join(", ")}`);

function permutations(s: string): string[] {
  if (s.length <= 1) return [s];
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    for (const rest of permutations(s.slice(0, i) + s.slice(i + 1))) out.add(s[i] + rest);
  }
  return [...out];
}

for (const w of ["abc", "aab", "dog", "abcd"]) {
  const perms = permutations(w).sort();
  const known = perms.filter((p) => words.includes(p));
  console.log(`${w}: ${perms.length} permutations${perms.length <= 6 ? ` (${perms.join(" ")})` : ""}; known words: ${known.join(" ") || "none"}`);
}

function isAnagram(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of b) {
    const n = counts.get(c);
    if (!n) return false;
    counts.set(c, n - 1);
  }
  return true;
}

const pairs: [string, string][] = [["Dormitory", "dirty room"], ["The eyes", "They see"], ["Hello", "World"], ["Astronomer", "Moon starer"]];
const normalize = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
for (const [a, b] of pairs) console.log(`"${a}" ~ "${b}": ${isAnagram(normalize(a), normalize(b))}`);
let checks = 0;
const counted = (a: string, b: string) => (checks++, isAnagram(a, b));
const allPairs = words.flatMap((a, i) => words.slice(i + 1).filter((b) => counted(a, b)).map((b) => `${a}/${b}`));
console.log(`${allPairs.length} anagram pairs in ${checks} checks`);
