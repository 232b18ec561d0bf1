// features: integers, array-methods, arrows, template-literals, for-of, string-methods, tuples, destructuring, math, readonly
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const DAYS: readonly string[] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

// Zeller-style day of week, 0 = Monday.
function weekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  const sun0 = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7;
  return (sun0 + 6) % 7;
}

function dayOfYear(y: number, m: number, d: number): number {
  let n = d;
  for (let i = 1; i < m; i++) n += daysIn(y, i);
  return n;
}

function render(y: number, m: number, marks: number[] = []): string[] {
  const title = `${MONTHS[m - 1]} ${y}`;
  const width = DAYS.length * 3 - 1;
  const left = Math.floor((width - title.length) / 2);
  const lines = [" ".repeat(left) + title, DAYS.join(" ")];
  let row: string[] = new Array<string>(weekday(y, m, 1)).fill("  ");
  for (let d = 1; d <= daysIn(y, m); d++) {
    row.push(marks.includes(d) ? String(d).padStart(2, "*") : String(d).padStart(2));
    if (row.length === 7) {
      lines.push(row.join(" "));
      row = [];
    }
  }
  if (row.length) lines.push(row.join(" "));
  return lines;
}

render(2024, 2, [14, 29]).forEach((l) => console.log(l));
console.log();
render(2023, 10, [31]).forEach((l) => console.log(l));

for (const [y, m, d] of [[2000, 1, 1], [2024, 12, 25], [1969, 7, 20], [2100, 3, 1], [2024, 2, 29]]) {
  console.log(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} is a ${DAYS[weekday(y, m, d)]}, day ${dayOfYear(y, m, d)} of ${isLeap(y) ? 366 : 365}`);
}

function addDays(y: number, m: number, d: number, n: number): [number, number, number] {
  while (n > 0) {
    const left = daysIn(y, m) - d;
    if (n <= left) return [y, m, d + n];
    n -= left + 1;
    d = 1;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return [y, m, d];
}
for (const n of [0, 1, 30, 365, 1000]) console.log(`2024-01-31 + ${n} = ${addDays(2024, 1, 31, n).join("-")}`);
const fridays13 = [];
for (let y = 2024; y <= 2026; y++) for (let m = 1; m <= 12; m++) if (weekday(y, m, 13) === 4) fridays13.push(`${MONTHS[m - 1].slice(0, 3)} ${y}`);
console.log(`Friday 13ths: ${fridays13.join(", ")}`);
const leaps = Array.from({ length: 13 }, (_, i) => 1896 + 4 * i).filter(isLeap);
console.log(`leap years: ${leaps.join(" ")}`);
