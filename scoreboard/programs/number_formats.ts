// features: floats, math, string-methods, array-methods, arrows, template-literals, for-of, integers, tuples
const values = [0, -0, 1, -1.5, 0.1 + 0.2, 1 / 3, 2 / 3, 123.456, 1e21, 1.5e-7, 123456789.987, 2 ** 53 + 2, -1e-7, 5e-324, 1.7976931348623157e308];
for (const v of values) {
  console.log(`${String(v).padEnd(24)} fixed2=${v.toFixed(2).padEnd(28)} exp=${v.toExponential(3)} prec=${v.toPrecision(4)}`);
}

const rounding: [number, number][] = [[1.005, 2], [1.255, 2], [2.5, 0], [3.5, 0], [-2.5, 0], [0.045, 2], [1.45, 1], [8.345, 2]];
console.log(rounding.map(([v, d]) => `${v}->${v.toFixed(d)}`).join(" "));
console.log([2.5, 3.5, -2.5, -0.5, 0.5, 1.4999].map((v) => `${v}:${Math.round(v)}`).join(" "));
console.log([7, -7].map((v) => `${v % 3} ${Math.trunc(v / 3)} ${Math.floor(v / 3)} ${Math.ceil(v / 3)}`).join(" | "));

function money(cents: number): string {
  const neg = cents < 0;
  const s = (Math.abs(cents) / 100).toFixed(2);
  const [whole, frac] = s.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}$${grouped}.${frac}`;
}
console.log([0, 5, 99, 100, 123456, -98765432, 100000000000].map(money).join("  "));

function si(n: number): string {
  const units = ["", "k", "M", "G", "T"];
  let i = 0;
  let v = Math.abs(n);
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${n < 0 ? "-" : ""}${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)}${units[i]}`;
}
console.log([0, 999, 1000, 1550, 999999, 1234567, -5e9, 7.2e13, 3e17].map(si).join(" "));

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const exp = Math.min(4, Math.floor(Math.log(n) / Math.log(1024)));
  return `${(n / 1024 ** exp).toFixed(exp > 1 ? 2 : 1)} ${["B", "KiB", "MiB", "GiB", "TiB"][exp]}`;
}
console.log([0, 1023, 1024, 1536, 1048576, 5e9, 2 ** 45].map(bytes).join(", "));

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((a / b) * 100).toFixed(1)}%`);
console.log(pct(1, 3), pct(2, 3), pct(0, 5), pct(5, 0), pct(1, 8));
console.log(Number("42"), Number(" 3.5 "), Number(""), Number("0x1f"), Number("1e3"), Number("abc"), Number("-"), parseFloat("3.14abc"), parseInt("08"), parseInt("-12px"));
console.log(Number.isInteger(5.0), Number.isInteger(5.1), Number.isSafeInteger(2 ** 53), Number.MAX_SAFE_INTEGER, Number.EPSILON > 0, (0.1).toString(2).slice(0, 12));
console.log([10, 9, 1, 100, 25].sort().join(","), [10, 9, 1, 100, 25].sort((a, b) => a - b).join(","));
console.log(Math.max(), Math.min(), Math.hypot(3, 4), Math.sign(-3), Math.cbrt(27), Math.log10(1000), Math.log2(8), Math.atan2(1, 1).toFixed(4));
