// features: string-methods, map-set, union-values, typeof, nullable, template-literals, arrows, closures, recursion, array-methods, spread, for-of, switch, type-aliases, optional, floats, object-literals
type Value = string | number | boolean | Value[] | { [key: string]: Value };

function lookup(ctx: { [key: string]: Value }, path: string): Value | undefined {
  let cur: Value | undefined = ctx;
  for (const part of path.split(".")) {
    if (cur === undefined || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function format(v: Value | undefined, filter?: string): string {
  if (v === undefined) return "";
  let s = Array.isArray(v) ? v.map((x) => format(x)).join(", ") : typeof v === "object" ? "[object]" : String(v);
  switch (filter) {
    case "upper": s = s.toUpperCase(); break;
    case "money": s = typeof v === "number" ? `$${v.toFixed(2)}` : s; break;
    case "len": s = String(Array.isArray(v) ? v.length : s.length); break;
  }
  return s;
}

function render(tpl: string, ctx: { [key: string]: Value }): string {
  const missing = new Set<string>();
  const out = tpl
    .replace(/\{\{#each (\w+)\}\}([\s\S]*?)\{\{\/each\}\}/g, (_, name: string, body: string) => {
      const list = ctx[name];
      if (!Array.isArray(list)) return "";
      return list.map((item, i) => render(body, { ...ctx, it: item, i: i + 1 })).join("");
    })
    .replace(/\{\{\s*([\w.]+)(?:\s*\|\s*(\w+))?\s*\}\}/g, (_, path: string, filter?: string) => {
      const v = lookup(ctx, path);
      if (v === undefined) missing.add(path);
      return format(v, filter);
    });
  if (missing.size) return out + `\n[missing: ${[...missing].join(", ")}]`;
  return out;
}

const ctx: { [key: string]: Value } = {
  user: { name: "Ada", plan: "pro", address: { city: "London" } },
  total: 1234.5,
  items: [
    { name: "compiler", price: 99 },
    { name: "kernel", price: 249.99 },
    { name: "support", price: 10 },
  ],
  tags: ["typescript", "os", "c"],
  active: true,
};
const tpl = `Hello {{ user.name | upper }} from {{user.address.city}}!
Plan: {{user.plan}}, active: {{active}}, tags ({{tags|len}}): {{tags}}
{{#each items}}  {{i}}. {{it.name}} {{it.price | money}}
{{/each}}Total: {{ total | money }} {{ user.phone }}{{nothing.here}}`;
console.log(render(tpl, ctx));
console.log(render("{{#each tags}}<{{it|upper}}>{{/each}}", ctx));
console.log(render("no placeholders", {}));
