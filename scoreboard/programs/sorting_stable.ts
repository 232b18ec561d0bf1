// features: interfaces, array-methods, arrows, template-literals, for-of, generics, tuples, destructuring, string-methods, readonly
interface Employee {
  readonly name: string;
  dept: string;
  salary: number;
  hired: string;
}

const staff: Employee[] = [
  { name: "Zoe", dept: "eng", salary: 120, hired: "2019-03-01" },
  { name: "adam", dept: "ops", salary: 90, hired: "2021-07-15" },
  { name: "Bea", dept: "eng", salary: 120, hired: "2018-11-30" },
  { name: "carl", dept: "sales", salary: 75, hired: "2020-01-10" },
  { name: "Dina", dept: "ops", salary: 90, hired: "2017-05-22" },
  { name: "Ed", dept: "eng", salary: 135, hired: "2022-02-02" },
  { name: "fay", dept: "sales", salary: 75, hired: "2016-09-09" },
  { name: "Gus", dept: "eng", salary: 99.5, hired: "2020-06-18" },
];

type Cmp<T> = (a: T, b: T) => number;
const by = <T, K extends string | number>(key: (x: T) => K, dir: 1 | -1 = 1): Cmp<T> => (a, b) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -dir : ka > kb ? dir : 0;
};
const thenBy = <T>(...cmps: Cmp<T>[]): Cmp<T> => (a, b) => {
  for (const c of cmps) {
    const r = c(a, b);
    if (r !== 0) return r;
  }
  return 0;
};

const show = (xs: readonly Employee[]) => xs.map((e) => e.name).join(" ");
console.log(`by salary (stable): ${show([...staff].sort(by((e) => e.salary)))}`);
console.log(`by salary desc: ${show([...staff].sort(by((e) => e.salary, -1)))}`);
console.log(`by dept, then salary desc, then hired: ${show([...staff].sort(thenBy(by((e) => e.dept), by((e) => e.salary, -1), by((e) => e.hired))))}`);
console.log(`by name (code units): ${show([...staff].sort(by((e) => e.name)))}`);
console.log(`by name (case-insensitive): ${show([...staff].sort(by((e) => e.name.toLowerCase())))}`);
console.log(`by name (localeCompare): ${show([...staff].sort((a, b) => a.name.localeCompare(b.name)))}`);
console.log(`original order kept: ${show(staff)}`);

const groups = new Map<string, Employee[]>();
for (const e of staff) groups.set(e.dept, [...(groups.get(e.dept) ?? []), e]);
for (const [dept, es] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const total = es.reduce((s, e) => s + e.salary, 0);
  const senior = [...es].sort(by((e) => e.hired))[0];
  console.log(`${dept.padEnd(6)} n=${es.length} total=${total} avg=${(total / es.length).toFixed(2)} senior=${senior.name} (${senior.hired})`);
}

const ranks: [string, number][] = [];
let rank = 0;
let prev: number | null = null;
[...staff].sort(by((e) => e.salary, -1)).forEach((e, i) => {
  if (e.salary !== prev) rank = i + 1;
  prev = e.salary;
  ranks.push([e.name, rank]);
});
console.log(ranks.map(([n, r]) => `${r}.${n}`).join(" "));

const words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Cherry", ""];
console.log(JSON.stringify([...words].sort()));
console.log(JSON.stringify([...words].sort((a, b) => a.length - b.length)));
console.log(JSON.stringify([...words].reverse().sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))));
const nums = [3, -1, 10, 2, -20, 0, 7];
console.log(nums.slice().sort().join(" "), "|", nums.slice().sort((a, b) => Math.abs(a) - Math.abs(b)).join(" "), "|", nums.join(" "));
console.log([[2, "b"], [1, "z"], [2, "a"], [1, "a"]].sort().map((p) => p.join("")).join(" "));
