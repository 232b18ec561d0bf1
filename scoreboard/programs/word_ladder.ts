// features: map-set, string-methods, array-methods, arrows, template-literals, nullable, for-of, labeled-loops, nullish, destructuring, tuples
const WORDS = "cold cord card ward warm worm word wore core care dare date gate late lame came cane cone bone bore more mare male mole hole hold gold bold bolt boot boat coat cost most mist list lost cast fast fist".split(" ");
const DICT = new Set(WORDS);

function neighbors(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    for (let c = 97; c <= 122; c++) {
      const ch = String.fromCharCode(c);
      if (ch === w[i]) continue;
      const cand = w.slice(0, i) + ch + w.slice(i + 1);
      if (DICT.has(cand)) out.push(cand);
    }
  }
  return out;
}

function ladder(from: string, to: string): string[] | null {
  if (!DICT.has(from) || !DICT.has(to)) return null;
  const prev = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  search: while (frontier.length > 0) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const n of neighbors(w)) {
        if (prev.has(n)) continue;
        prev.set(n, w);
        if (n === to) break search;
        next.push(n);
      }
    }
    frontier = next;
  }
  if (!prev.has(to)) return null;
  const path: string[] = [];
  for (let w: string | null = to; w !== null; w = prev.get(w) ?? null) path.unshift(w);
  return path;
}

for (const [a, b] of [["cold", "warm"], ["gold", "mist"], ["came", "bolt"], ["boat", "cost"], ["cold", "cold"], ["fast", "zzzz"], ["list", "dare"]]) {
  const path = ladder(a, b);
  console.log(`${a} -> ${b}: ${path ? `${path.join(" > ")} (${path.length - 1} steps)` : "no ladder"}`);
}
const degree = WORDS.map((w) => [w, neighbors(w).length] as const).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
console.log(`most connected: ${degree.slice(0, 5).map(([w, d]) => `${w}(${d})`).join(" ")}`);
console.log(`isolated: ${degree.filter(([, d]) => d === 0).map(([w]) => w).join(" ") || "none"}`);
