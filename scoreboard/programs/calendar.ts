// features: integers, string-enums, tuples, string-methods, template-literals, array-methods, arrows, switch, readonly, for-of, math, destructuring, enums, object-literals
enum Weekday {
  Mon = "Mo", Tue = "Tu", Wed = "We", Thu = "Th", Fri = "Fr", Sat = "Sa", Sun = "Su",
}

const MONTHS: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  switch (m) {
    case 2:
      return isLeap(y) ? 29 : 28;
    case 4: case 6: case 9: case 11:
      return 30;
    default:
      return 31;
  }
}

// Zeller-like: 0 = Monday
function weekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  if (m < 3) y -= 1;
  const sunday0 = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1] + d) % 7;
  return (sunday0 + 6) % 7;
}

function dayOfYear(y: number, m: number, d: number): number {
  let n = d;
  for (let i = 1; i < m; i++) n += daysIn(y, i);
  return n;
}

function render(y: number, m: number): string[] {
  const title = `${MONTHS[m - 1]} ${y}`;
  const lines = [title.padStart(Math.floor((20 + title.length) / 2)), Object.values(Weekday).join(" ")];
  let line = "   ".repeat(weekday(y, m, 1));
  for (let d = 1; d <= daysIn(y, m); d++) {
    line += String(d).padStart(2) + " ";
    if (weekday(y, m, d) === 6) {
      lines.push(line.trimEnd());
      line = "";
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

for (const line of render(2024, 2)) console.log(line);
for (const line of render(2026, 11)) console.log(line);
const dates: [number, number, number][] = [[2000, 1, 1], [1969, 7, 20], [2024, 12, 25], [1900, 3, 1], [2026, 11, 25]];
const names = Object.keys(Weekday);
for (const [y, m, d] of dates) {
  console.log(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}: ${names[weekday(y, m, d)]}, day ${dayOfYear(y, m, d)} of ${isLeap(y) ? 366 : 365}`);
}
const fridays13 = [];
for (let m = 1; m <= 12; m++) if (weekday(2026, m, 13) === 4) fridays13.push(MONTHS[m - 1]);
console.log(`Friday the 13th in 2026: ${fridays13.join(", ")}`);
const leapYears = Array.from({ length: 41 }, (_, i) => 1980 + i).filter(isLeap);
console.log(`leap years 1980-2020: ${leapYears.length}`);
