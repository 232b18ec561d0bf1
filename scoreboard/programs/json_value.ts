// features: union-values, typeof, recursion, type-aliases, nullable, string-methods, array-methods, arrows, template-literals, instanceof, map-set, spread, nullish, for-of, destructuring, floats, default-params
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function typeName(v: JsonValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function count(v: JsonValue, into: Map<string, number>): void {
  const t = typeName(v);
  into.set(t, (into.get(t) ?? 0) + 1);
  if (Array.isArray(v)) v.forEach((x) => count(x, into));
  else if (v !== null && typeof v === "object") Object.values(v).forEach((x) => count(x, into));
}

function paths(v: JsonValue, prefix = "$"): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => paths(x, `${prefix}[${i}]`));
  if (v !== null && typeof v === "object") return Object.keys(v).flatMap((k) => paths(v[k], `${prefix}.${k}`));
  return [`${prefix} = ${JSON.stringify(v)}`];
}

function get(v: JsonValue, path: string): JsonValue | undefined {
  let cur: JsonValue | undefined = v;
  for (const part of path.split(/[.[\]]/).filter((p) => p !== "")) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = Array.isArray(cur) ? cur[Number(part)] : cur[part];
  }
  return cur;
}

function sumNumbers(v: JsonValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" || typeof v === "boolean" || v === null) return 0;
  const children: JsonValue[] = Array.isArray(v) ? v : Object.values(v);
  return children.reduce<number>((s, x) => s + sumNumbers(x), 0);
}

const doc: JsonValue = JSON.parse(`{
  "name": "scoreboard",
  "version": 3,
  "ratio": 0.75,
  "tags": ["ts", "os", null],
  "owner": { "name": "lead", "active": true, "langs": [{ "id": "ts", "years": 8 }, { "id": "c", "years": 12.5 }] },
  "empty": {},
  "none": null
}`);

const counts = new Map<string, number>();
count(doc, counts);
console.log([...counts].map(([t, n]) => `${t}:${n}`).join(" "));
for (const p of paths(doc)) console.log(p);
for (const q of ["owner.langs[1].years", "tags[0]", "owner.name", "missing.key", "tags[5]", "none"]) {
  const v = get(doc, q);
  console.log(`${q} -> ${v === undefined ? "undefined" : JSON.stringify(v)}`);
}
console.log(`sum of numbers ${sumNumbers(doc)}`);
const parsed: unknown = JSON.parse("[1, 2]");
console.log(`array instance: ${parsed instanceof Array}, object instance: ${parsed instanceof Object}`);
