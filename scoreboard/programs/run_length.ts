// features: string-methods, tuples, array-methods, arrows, integers, template-literals, for-of, destructuring, nullable, type-aliases, floats
type Run = [string, number];

function encodeRuns(s: string): Run[] {
  const runs: Run[] = [];
  for (const ch of s) {
    const last = runs[runs.length - 1];
    if (last && last[0] === ch) last[1]++;
    else runs.push([ch, 1]);
  }
  return runs;
}

function encode(s: string): string {
  return encodeRuns(s)
    .map(([ch, n]) => (n > 1 ? `${n}${ch}` : ch))
    .join("");
}

function decode(s: string): string | null {
  let out = "";
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      count = count * 10 + (c - 48);
    } else {
      out += s[i].repeat(count || 1);
      count = 0;
    }
  }
  return count === 0 ? out : null;
}

function ratio(a: string, b: string): string {
  return ((b.length / a.length) * 100).toFixed(1) + "%";
}

const samples = [
  "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
  "aaabccddddd",
  "abcdef",
  "",
  "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
  "  hello    world  ",
];
for (const s of samples) {
  const e = encode(s);
  const d = decode(e);
  console.log(`"${s.length > 30 ? s.slice(0, 27) + "..." : s}" -> "${e}" (${s.length ? ratio(s, e) : "n/a"}) ok=${d === s}`);
}
for (const bad of ["3a4", "12", "x2y10z"]) {
  const d = decode(bad);
  console.log(`decode("${bad}") = ${d === null ? "invalid" : `"${d}"`}`);
}
const runs = encodeRuns("mississippi");
const longest = runs.reduce((best, r) => (r[1] > best[1] ? r : best));
console.log(`runs of mississippi: ${runs.map(([c, n]) => c + n).join(" ")}`);
console.log(`longest run: ${longest[0]} x${longest[1]}`);
const art = ["..##..", ".####.", "######", ".####.", "..##.."];
const packed = art.map(encode);
console.log(packed.join(" / "));
console.log(packed.map((p) => decode(p)).every((d, i) => d === art[i]) ? "art round-trips" : "art broken");
