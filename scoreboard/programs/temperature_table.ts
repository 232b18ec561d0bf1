// features: floats, math, string-methods, template-literals, arrows, array-methods, default-params, type-aliases, tuples, for-of, destructuring
type Converter = (c: number) => number;

const toF: Converter = (c) => (c * 9) / 5 + 32;
const toK: Converter = (c) => c + 273.15;
const toR: Converter = (c) => (c + 273.15) * 1.8;

function fmt(x: number, digits = 1, width = 8): string {
  return x.toFixed(digits).padStart(width);
}

function table(from: number, to: number, step: number): string[] {
  const rows: string[] = [];
  rows.push(`${"C".padStart(8)}${"F".padStart(8)}${"K".padStart(8)}${"R".padStart(9)}`);
  for (let c = from; c <= to; c += step) {
    rows.push(`${fmt(c)}${fmt(toF(c))}${fmt(toK(c), 2)}${fmt(toR(c), 2, 9)}`);
  }
  return rows;
}

for (const line of table(-40, 100, 10)) console.log(line);

function windChill(tempC: number, windKmh: number): number {
  const v = Math.pow(windKmh, 0.16);
  return 13.12 + 0.6215 * tempC - 11.37 * v + 0.3965 * tempC * v;
}

console.log("wind chill (C) by wind speed:");
const winds = [10, 20, 40, 60];
console.log("      " + winds.map((w) => `${w}km/h`.padStart(8)).join(""));
for (const t of [5, 0, -10, -20]) {
  console.log(`${String(t).padStart(5)} ` + winds.map((w) => fmt(windChill(t, w))).join(""));
}

const readings: [string, number][] = [
  ["Mon", 12.4], ["Tue", 15.1], ["Wed", 9.8], ["Thu", 11.0], ["Fri", 17.6], ["Sat", 19.25], ["Sun", 14.3],
];
const temps = readings.map(([, t]) => t);
const avg = temps.reduce((a, b) => a + b, 0) / temps.length;
const [hotDay, hot] = readings.reduce((best, r) => (r[1] > best[1] ? r : best));
const [coldDay, cold] = readings.reduce((best, r) => (r[1] < best[1] ? r : best));
console.log(`week average ${avg.toFixed(3)} C = ${toF(avg).toFixed(3)} F`);
console.log(`hottest ${hotDay} ${hot} C, coldest ${coldDay} ${cold} C, spread ${(hot - cold).toFixed(2)}`);
console.log(`above average: ${readings.filter(([, t]) => t > avg).map(([d]) => d).join(", ")}`);
