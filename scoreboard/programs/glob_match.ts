// features: recursion, string-methods, map-set, template-literals, array-methods, arrows, for-of, tuples, optional-chaining, destructuring, default-params
const memo = new Map<string, boolean>();

function match(pat: string, s: string, pi = 0, si = 0): boolean {
  const key = `${pi},${si}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let result: boolean;
  if (pi === pat.length) {
    result = si === s.length;
  } else {
    const p = pat[pi];
    if (p === "*") {
      result = match(pat, s, pi + 1, si) || (si < s.length && s[si] !== "/" && match(pat, s, pi, si + 1));
    } else if (p === "?") {
      result = si < s.length && s[si] !== "/" && match(pat, s, pi + 1, si + 1);
    } else if (p === "[") {
      const end = pat.indexOf("]", pi);
      const set = pat.slice(pi + 1, end);
      const negate = set.startsWith("!");
      const chars = negate ? set.slice(1) : set;
      let inSet = false;
      for (let k = 0; k < chars.length; k++) {
        if (chars[k + 1] === "-" && k + 2 < chars.length) {
          if (s[si] >= chars[k] && s[si] <= chars[k + 2]) inSet = true;
          k += 2;
        } else if (chars[k] === s[si]) inSet = true;
      }
      result = si < s.length && inSet !== negate && match(pat, s, end + 1, si + 1);
    } else {
      result = si < s.length && p === s[si] && match(pat, s, pi + 1, si + 1);
    }
  }
  memo.set(key, result);
  return result;
}

function glob(pat: string, s: string): boolean {
  memo.clear();
  return match(pat, s);
}

const files = [
  "src/main.ts", "src/util.ts", "src/util.test.ts", "src/lib/a.c", "README.md", "docs/guide.md",
  "build/out.o", "test/fixtures/001_a.ts", "test/fixtures/902_b.ts", "file9.txt", "fileA.txt",
];
const patterns: [string, string][] = [
  ["src/*.ts", "top-level sources"],
  ["*.md", "markdown at root"],
  ["*/*.md", "markdown one level down"],
  ["src/*.test.ts", "tests"],
  ["test/fixtures/[0-8]*.ts", "fixtures below 900"],
  ["file[!0-9].txt", "non-digit file"],
  ["file?.txt", "file plus one char"],
  ["*/*/*", "three levels"],
];
for (const [pat, what] of patterns) {
  const hits = files.filter((f) => glob(pat, f));
  console.log(`${pat.padEnd(24)} ${what.padEnd(24)} ${hits.length ? hits.join(" ") : "(none)"}`);
}
console.log(`worst case a*a*a*a*b vs aaaa...: ${glob("a*a*a*a*a*b", "a".repeat(40))} (${memo.size} states)`);
