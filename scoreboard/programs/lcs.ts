// features: integers, string-methods, template-literals, tuples, for-of, default-params, recursion, arrows, array-methods, destructuring
function lcsTable(a: string, b: string): number[][] {
  const t: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) row.push(0);
    t.push(row);
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) t[i][j] = t[i - 1][j - 1] + 1;
      else t[i][j] = t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
    }
  }
  return t;
}

function backtrack(t: number[][], a: string, b: string, i = a.length, j = b.length): string {
  if (i === 0 || j === 0) return "";
  if (a[i - 1] === b[j - 1]) return backtrack(t, a, b, i - 1, j - 1) + a[i - 1];
  return t[i - 1][j] >= t[i][j - 1] ? backtrack(t, a, b, i - 1, j) : backtrack(t, a, b, i, j - 1);
}

function lcs(a: string, b: string): string {
  return backtrack(lcsTable(a, b), a, b);
}

function diffLines(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const key = lcsOfLines(a, b);
  for (const line of key) {
    while (a[i] !== line) out.push(`- ${a[i++]}`);
    while (b[j] !== line) out.push(`+ ${b[j++]}`);
    out.push(`  ${line}`);
    i++;
    j++;
  }
  while (i < a.length) out.push(`- ${a[i++]}`);
  while (j < b.length) out.push(`+ ${b[j++]}`);
  return out;
}

function lcsOfLines(a: string[], b: string[]): string[] {
  // map each distinct line to a character, then reuse the string LCS
  const dict: string[] = [];
  const code = (s: string) => {
    let k = dict.indexOf(s);
    if (k < 0) k = dict.push(s) - 1;
    return String.fromCharCode(65 + k);
  };
  const sa = a.map(code).join("");
  const sb = b.map(code).join("");
  return lcs(sa, sb).split("").map((c) => dict[c.charCodeAt(0) - 65]);
}

const pairs: [string, string][] = [
  ["ABCBDAB", "BDCABA"],
  ["AGGTAB", "GXTXAYB"],
  ["kitten", "sitting"],
  ["typescript", "javascript"],
  ["", "abc"],
  ["same", "same"],
];
for (const [a, b] of pairs) {
  const s = lcs(a, b);
  console.log(`lcs("${a}", "${b}") = "${s}" (${s.length})`);
}
const before = ["import a", "let x = 1", "let y = 2", "print(x)", "print(y)", "end"];
const after = ["import a", "import b", "let x = 1", "print(x)", "print(x + y)", "end"];
for (const line of diffLines(before, after)) console.log(line);
