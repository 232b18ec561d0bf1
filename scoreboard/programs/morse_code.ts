// features: map-set, string-methods, array-methods, arrows, template-literals, for-of, nullish, destructuring, spread, tuples
const TABLE: [string, string][] = [
  ["A", ".-"], ["B", "-..."], ["C", "-.-."], ["D", "-.."], ["E", "."], ["F", "..-."], ["G", "--."], ["H", "...."],
  ["I", ".."], ["J", ".---"], ["K", "-.-"], ["L", ".-.."], ["M", "--"], ["N", "-."], ["O", "---"], ["P", ".--."],
  ["Q", "--.-"], ["R", ".-."], ["S", "..."], ["T", "-"], ["U", "..-"], ["V", "...-"], ["W", ".--"], ["X", "-..-"],
  ["Y", "-.--"], ["Z", "--.."], ["0", "-----"], ["1", ".----"], ["2", "..---"], ["3", "...--"], ["4", "....-"],
  ["5", "....."], ["6", "-...."], ["7", "--..."], ["8", "---.."], ["9", "----."],
];
const TO = new Map(TABLE);
const FROM = new Map(TABLE.map(([c, m]) => [m, c]));

function encode(s: string): string {
  return s
    .toUpperCase()
    .split(" ")
    .filter((w) => w)
    .map((w) => [...w].map((c) => TO.get(c) ?? "?").join(" "))
    .join(" / ");
}

function decode(m: string): string {
  return m
    .split(" / ")
    .map((w) => w.split(" ").map((code) => FROM.get(code) ?? "#").join(""))
    .join(" ");
}

function duration(m: string): number {
  let units = 0;
  for (const c of m) {
    if (c === ".") units += 2;
    else if (c === "-") units += 4;
    else if (c === " ") units += 2;
    else if (c === "/") units += 1;
  }
  return units;
}

for (const s of ["SOS", "Hello World", "TypeScript 2026", "tsos", "e=mc2"]) {
  const m = encode(s);
  console.log(`${s.padEnd(16)} ${m}`);
  console.log(`${"".padEnd(16)} back: ${decode(m)}, ${duration(m)} units`);
}
const byLength = new Map<number, string[]>();
for (const [c, m] of TABLE) byLength.set(m.length, [...(byLength.get(m.length) ?? []), c]);
for (const [len, cs] of [...byLength].sort((a, b) => a[0] - b[0])) console.log(`${len} symbols: ${cs.join("")}`);
const palindromes = TABLE.filter(([, m]) => m === [...m].reverse().join("")).map(([c]) => c);
console.log(`palindromic codes: ${palindromes.join(" ")}`);
