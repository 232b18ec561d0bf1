// features: type-aliases, union-values, typeof, recursion, nullable, array-methods, arrows, template-literals, for-of, string-methods, map-set
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function depth(v: Json): number {
  if (Array.isArray(v)) return 1 + v.reduce<number>((m, x) => Math.max(m, depth(x)), 0);
  if (v !== null && typeof v === "object") return 1 + Object.values(v).reduce<number>((m, x) => Math.max(m, depth(x)), 0);
  return 0;
}

function paths(v: Json, prefix = "$"): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => paths(x, `${prefix}[${i}]`));
  if (v !== null && typeof v === "object") return Object.keys(v).flatMap((k) => paths(v[k], `${prefix}.${k}`));
  return [`${prefix} = ${JSON.stringify(v)}`];
}

function typeCounts(v: Json, out = new Map<string, number>()): Map<string, number> {
  const t = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  out.set(t, (out.get(t) ?? 0) + 1);
  if (Array.isArray(v)) v.forEach((x) => typeCounts(x, out));
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) typeCounts(x, out);
  return out;
}

function get(v: Json, path: string): Json | undefined {
  let cur: Json | undefined = v;
  for (const part of path.split(".").filter((p) => p !== "")) {
    if (cur === undefined || cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      const i = Number(part);
      cur = Number.isInteger(i) ? cur[i] : undefined;
    } else {
      cur = cur[part];
    }
  }
  return cur;
}

function redact(v: Json, keys: Set<string>): Json {
  if (Array.isArray(v)) return v.map((x) => redact(x, keys));
  if (v !== null && typeof v === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) out[k] = keys.has(k) ? "***" : redact(x, keys);
    return out;
  }
  return v;
}

const doc: Json = JSON.parse(`{
  "service": "billing",
  "version": 3,
  "enabled": true,
  "owner": null,
  "limits": { "rps": 120.5, "burst": [10, 20, 40] },
  "users": [
    { "name": "ann", "password": "hunter2", "roles": ["admin"] },
    { "name": "bob", "password": "pa55", "roles": [], "meta": { "tz": "UTC", "token": "abc" } }
  ]
}`);

console.log(`depth ${depth(doc)}`);
paths(doc).forEach((p) => console.log(p));
console.log([...typeCounts(doc)].map(([t, n]) => `${t}:${n}`).join(" "));
for (const p of ["service", "limits.burst.2", "users.1.meta.tz", "users.5.name", "version.x", ""]) {
  const v = get(doc, p);
  console.log(`get(${p || "<root>"}) -> ${v === undefined ? "undefined" : typeof v === "object" && v !== null ? `<${Array.isArray(v) ? "array" : "object"}>` : JSON.stringify(v)}`);
}
console.log(JSON.stringify(redact(doc, new Set(["password", "token"]))));
console.log(depth([]), depth({}), depth([[[]]]), depth("x"), JSON.stringify(paths([])));
