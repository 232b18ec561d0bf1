// features: discriminated-unions, type-aliases, recursion, string-methods, array-methods, arrows, switch, template-literals, default-params, rest-params, math, destructuring, floats, tuples, object-literals
type Json =
  | { t: "null" }
  | { t: "bool"; v: boolean }
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "arr"; items: Json[] }
  | { t: "obj"; fields: [string, Json][] };

const num = (v: number): Json => ({ t: "num", v });
const str = (v: string): Json => ({ t: "str", v });
const arr = (...items: Json[]): Json => ({ t: "arr", items });
const obj = (...fields: [string, Json][]): Json => ({ t: "obj", fields });

function quote(s: string): string {
  return '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
}

function compact(j: Json): string {
  switch (j.t) {
    case "null":
      return "null";
    case "bool":
      return j.v ? "true" : "false";
    case "num":
      return String(j.v);
    case "str":
      return quote(j.v);
    case "arr":
      return "[" + j.items.map(compact).join(",") + "]";
    case "obj":
      return "{" + j.fields.map(([k, v]) => quote(k) + ":" + compact(v)).join(",") + "}";
  }
}

function pretty(j: Json, indent = 0, width = 2): string {
  const pad = " ".repeat(indent);
  const inner = " ".repeat(indent + width);
  if (j.t === "arr") {
    if (j.items.length === 0) return "[]";
    const flat = compact(j);
    if (flat.length <= 30) return flat;
    return "[\n" + j.items.map((x) => inner + pretty(x, indent + width, width)).join(",\n") + "\n" + pad + "]";
  }
  if (j.t === "obj") {
    if (j.fields.length === 0) return "{}";
    const lines = j.fields.map(([k, v]) => `${inner}${quote(k)}: ${pretty(v, indent + width, width)}`);
    return "{\n" + lines.join(",\n") + "\n" + pad + "}";
  }
  return compact(j);
}

function depth(j: Json): number {
  if (j.t === "arr") return 1 + j.items.reduce((m, x) => Math.max(m, depth(x)), 0);
  if (j.t === "obj") return 1 + j.fields.reduce((m, [, x]) => Math.max(m, depth(x)), 0);
  return 0;
}

const doc = obj(
  ["name", str("tsos")],
  ["version", num(0.1)],
  ["tags", arr(str("os"), str("compiler"), str("typescript"))],
  ["private", { t: "bool", v: true }],
  ["deps", obj(["tsx", str("4.23")], ["typescript", str("6.0")])],
  ["matrix", arr(arr(num(1), num(2)), arr(num(3), num(4)), arr(num(5), num(6), num(7), num(8), num(9), num(10)))],
  ["note", str('say "hi"')],
  ["empty", arr()],
  ["nothing", { t: "null" }],
);

console.log(compact(doc));
console.log(pretty(doc));
console.log(pretty(doc, 0, 4).split("\n").length + " lines at width 4");
console.log(`depth ${depth(doc)}`);
