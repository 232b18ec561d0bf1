// features: tuples, type-aliases, array-methods, arrows, template-literals, destructuring, spread, for-of, integers, nullable, string-methods, math
type Interval = [number, number];

function merge(xs: Interval[]): Interval[] {
  const sorted = [...xs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo < hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function roomsNeeded(meetings: Interval[]): number {
  const events = meetings.flatMap(([s, e]) => [[s, 1], [e, -1]] as [number, number][]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (cur += d));
  return max;
}

function freeSlots(busy: Interval[], day: Interval): Interval[] {
  const out: Interval[] = [];
  let t = day[0];
  for (const [s, e] of merge(busy)) {
    if (s > t) out.push([t, Math.min(s, day[1])]);
    t = Math.max(t, e);
  }
  if (t < day[1]) out.push([t, day[1]]);
  return out;
}

const fmt = (xs: Interval[]) => xs.map(([s, e]) => `[${s},${e})`).join(" ") || "(none)";
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const a: Interval[] = [[1, 3], [2, 6], [8, 10], [15, 18], [17, 20], [9, 11]];
console.log(`merge ${fmt(a)} -> ${fmt(merge(a))}`);
const b: Interval[] = [[0, 2], [5, 9], [10, 16], [19, 25]];
console.log(`intersect with ${fmt(b)} -> ${fmt(intersect(merge(a), b))}`);
const meetings: Interval[] = [[540, 600], [570, 630], [600, 660], [615, 700], [720, 780], [690, 750], [900, 960]];
console.log(`meetings need ${roomsNeeded(meetings)} rooms`);
const free = freeSlots(meetings, [480, 1020]);
console.log(`free: ${free.map(([s, e]) => `${hm(s)}-${hm(e)} (${e - s}m)`).join(", ")}`);
const longest = free.reduce<Interval | null>((best, x) => (best === null || x[1] - x[0] > best[1] - best[0] ? x : best), null);
console.log(`longest free slot: ${longest ? `${hm(longest[0])}-${hm(longest[1])}` : "none"}`);
console.log(`merge of nothing: ${fmt(merge([]))}, touching: ${fmt(merge([[1, 2], [2, 3], [3, 4]]))}`);
