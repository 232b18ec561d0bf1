// features: integers, string-methods, template-literals, array-methods, arrows, for-of, interfaces, object-literals
interface SearchResult {
  positions: number[];
  comparisons: number;
}

function naive(text: string, pat: string): SearchResult {
  const positions: number[] = [];
  let comparisons = 0;
  for (let i = 0; i + pat.length <= text.length; i++) {
    let j = 0;
    while (j < pat.length) {
      comparisons++;
      if (text[i + j] !== pat[j]) break;
      j++;
    }
    if (j === pat.length) positions.push(i);
  }
  return { positions, comparisons };
}

function prefixTable(pat: string): number[] {
  const t = new Array<number>(pat.length).fill(0);
  let k = 0;
  for (let i = 1; i < pat.length; i++) {
    while (k > 0 && pat[i] !== pat[k]) k = t[k - 1];
    if (pat[i] === pat[k]) k++;
    t[i] = k;
  }
  return t;
}

function kmp(text: string, pat: string): SearchResult {
  const t = prefixTable(pat);
  const positions: number[] = [];
  let comparisons = 0;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pat[k]) {
      comparisons++;
      k = t[k - 1];
    }
    comparisons++;
    if (text[i] === pat[k]) k++;
    if (k === pat.length) {
      positions.push(i - k + 1);
      k = t[k - 1];
    }
  }
  return { positions, comparisons };
}

function rabinKarp(text: string, pat: string): number[] {
  const B = 256;
  const M = 1000003;
  const n = pat.length;
  if (n > text.length) return [];
  let high = 1;
  for (let i = 1; i < n; i++) high = (high * B) % M;
  let hp = 0;
  let ht = 0;
  for (let i = 0; i < n; i++) {
    hp = (hp * B + pat.charCodeAt(i)) % M;
    ht = (ht * B + text.charCodeAt(i)) % M;
  }
  const out: number[] = [];
  for (let i = 0; ; i++) {
    if (hp === ht && text.substr(i, n) === pat) out.push(i);
    if (i + n >= text.length) break;
    ht = ((ht - text.charCodeAt(i) * high % M + M) * B + text.charCodeAt(i + n)) % M;
  }
  return out;
}

const text = "abababcabababcababababcabc aaaaaaaaab the cat sat on the mat with the hat";
for (const pat of ["ababc", "abab", "aaab", "the", "at", "xyz", "c"]) {
  const a = naive(text, pat);
  const b = kmp(text, pat);
  const c = rabinKarp(text, pat);
  const same = a.positions.join() === b.positions.join() && b.positions.join() === c.join();
  console.log(`"${pat}": at [${b.positions.join(", ")}] naive ${a.comparisons} cmp, kmp ${b.comparisons} cmp, agree ${same}, indexOf ${text.indexOf(pat)}`);
}
console.log(`prefix table of "aabaaab": ${prefixTable("aabaaab").join(" ")}`);
console.log(`prefix table of "abcabcabd": ${prefixTable("abcabcabd").join(" ")}`);
