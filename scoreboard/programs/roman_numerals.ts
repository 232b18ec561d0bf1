// features: tuples, string-methods, integers, for-of, arrows, array-methods, nullable, template-literals, readonly, map-set, nullish, destructuring, object-literals
const TABLE: readonly (readonly [number, string])[] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"],
  [100, "C"], [90, "XC"], [50, "L"], [40, "XL"],
  [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

const VALUES = new Map<string, number>([["I", 1], ["V", 5], ["X", 10], ["L", 50], ["C", 100], ["D", 500], ["M", 1000]]);

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return "?";
  let out = "";
  for (const [value, sym] of TABLE) {
    while (n >= value) {
      out += sym;
      n -= value;
    }
  }
  return out;
}

function fromRoman(s: string): number | null {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = VALUES.get(s[i]);
    if (v === undefined) return null;
    const next = i + 1 < s.length ? VALUES.get(s[i + 1]) ?? 0 : 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === s ? total : null;
}

const samples = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000];
for (const n of samples) console.log(`${String(n).padStart(4)} -> ${toRoman(n)}`);

for (const s of ["XLII", "MCMXCIV", "IIII", "IC", "MMXXIV", "ABC", "CDXLIV", "VX"]) {
  const v = fromRoman(s);
  console.log(`${s.padEnd(8)} -> ${v === null ? "invalid" : v}`);
}

let roundTrips = 0;
for (let n = 1; n < 4000; n++) if (fromRoman(toRoman(n)) === n) roundTrips++;
console.log(`round trips: ${roundTrips}/3999`);

const longest = Array.from({ length: 3999 }, (_, i) => i + 1).reduce((best, n) => (toRoman(n).length > toRoman(best).length ? n : best), 1);
console.log(`longest numeral below 4000: ${longest} = ${toRoman(longest)} (${toRoman(longest).length} chars)`);
const letters = toRoman(3888).split("").sort().join("");
console.log(`letters of 3888: ${letters}`);
