// features: string-methods, recursion, integers, template-literals, array-methods, arrows, readonly, for-of, nullish, math, destructuring, tuples, object-literals
const ONES: readonly string[] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: readonly string[] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: readonly [number, string][] = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1000, "thousand"]];

function words(n: number): string {
  if (n < 0) return "minus " + words(-n);
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? "-" + ONES[n % 10] : "");
  if (n < 1000) return ONES[Math.floor(n / 100)] + " hundred" + (n % 100 ? " and " + words(n % 100) : "");
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      const rest = n % scale;
      return words(Math.floor(n / scale)) + " " + name + (rest ? (rest < 100 ? " and " : ", ") + words(rest) : "");
    }
  }
  return "?";
}

function ordinal(n: number): string {
  const w = words(n);
  const irregular: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };
  const m = /([a-z]+)$/.exec(w)!;
  const last = m[1];
  const replaced = irregular[last] ?? (last.endsWith("y") ? last.slice(0, -1) + "ieth" : last + "th");
  return w.slice(0, w.length - last.length) + replaced;
}

function suffix(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${s}`;
}

for (const n of [0, 7, 13, 21, 40, 99, 100, 101, 342, 1000, 1001, 12345, 100000, 1000010, 987654321, -56, 2147483647]) {
  console.log(`${String(n).padStart(11)}: ${words(n)}`);
}
console.log([1, 2, 3, 4, 5, 8, 9, 11, 12, 20, 21, 22, 23, 30, 101, 112].map(ordinal).join(", "));
console.log([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1003].map(suffix).join(" "));
let letters = 0;
for (let i = 1; i <= 1000; i++) letters += words(i).replace(/[^a-z]/g, "").length;
console.log(`letters used writing 1..1000: ${letters}`);
