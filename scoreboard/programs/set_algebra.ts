// features: generics, map-set, arrows, array-methods, template-literals, for-of, spread, rest-params, interfaces, readonly
function union<T>(...sets: ReadonlySet<T>[]): Set<T> {
  const out = new Set<T>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

function intersection<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => b.has(x)));
}

function difference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const out = new Set(a);
  for (const x of b) out.delete(x);
  return out;
}

function symmetric<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return union(difference(a, b), difference(b, a));
}

const isSubset = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean => [...a].every((x) => b.has(x));
const show = <T>(s: ReadonlySet<T>): string => `{${[...s].sort().join(", ")}}`;

interface Student {
  name: string;
  courses: string[];
}
const students: Student[] = [
  { name: "ana", courses: ["math", "physics", "art"] },
  { name: "ben", courses: ["math", "history"] },
  { name: "cy", courses: ["art", "music", "history", "math"] },
  { name: "di", courses: [] },
];

const enrolled = new Map(students.map((s) => [s.name, new Set(s.courses)]));
const get = (n: string): Set<string> => enrolled.get(n) ?? new Set<string>();

console.log(`all courses: ${show(union(...enrolled.values()))}`);
console.log(`ana & cy: ${show(intersection(get("ana"), get("cy")))}`);
console.log(`ana - cy: ${show(difference(get("ana"), get("cy")))}`);
console.log(`ana ^ ben: ${show(symmetric(get("ana"), get("ben")))}`);
console.log(`ben within cy: ${isSubset(get("ben"), get("cy"))}, cy within ben: ${isSubset(get("cy"), get("ben"))}`);
console.log(`di within everyone: ${students.every((s) => isSubset(get("di"), get(s.name)))}`);

const byCourse = new Map<string, Set<string>>();
for (const s of students) {
  for (const c of s.courses) {
    if (!byCourse.has(c)) byCourse.set(c, new Set());
    byCourse.get(c)!.add(s.name);
  }
}
for (const [c, who] of [...byCourse].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${c.padEnd(8)} ${who.size} ${show(who)}`);
}

const pairs: string[] = [];
const names = [...enrolled.keys()];
for (let i = 0; i < names.length; i++) {
  for (let j = i + 1; j < names.length; j++) {
    const a = get(names[i]);
    const b = get(names[j]);
    const u = union(a, b).size;
    const jaccard = u === 0 ? 0 : intersection(a, b).size / u;
    pairs.push(`${names[i]}/${names[j]}=${jaccard.toFixed(2)}`);
  }
}
console.log(pairs.join(" "));

const nums = new Set([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
const evens = new Set([...nums].filter((n) => n % 2 === 0));
console.log(`nums ${[...nums].join(",")} size ${nums.size}; evens ${[...evens].join(",")}`);
nums.forEach((n) => {
  if (n > 4) nums.delete(n);
});
console.log(`after deleting > 4 while iterating: ${[...nums].join(",")}`);
const seen = new Set<number>();
const dupes = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].filter((n) => seen.has(n) || !seen.add(n));
console.log(`dupes: ${dupes.join(",")}; NaN set size ${new Set([NaN, NaN, 0, -0]).size}`);
