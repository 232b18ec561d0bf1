// features: type-aliases, optional, nullish, optional-chaining, spread, object-literals, typeof, union-values, recursion, template-literals, destructuring, rest-params, for-of, array-methods, literal-unions, tuples, default-params
type Config = {
  name: string;
  port?: number;
  debug?: boolean;
  db?: { host?: string; port?: number; pool?: { min?: number; max?: number } };
  tags?: string[];
};

type Setting = string | number | boolean;

const defaults: Required<Pick<Config, "port" | "debug">> & Config = {
  name: "app",
  port: 8080,
  debug: false,
  db: { host: "localhost", port: 5432, pool: { min: 1, max: 10 } },
  tags: [],
};

function merge(base: Config, ...overrides: Partial<Config>[]): Config {
  let out: Config = { ...base };
  for (const o of overrides) {
    out = {
      ...out,
      ...o,
      db: { ...out.db, ...o.db, pool: { ...out.db?.pool, ...o.db?.pool } },
      tags: [...(out.tags ?? []), ...(o.tags ?? [])],
    };
  }
  return out;
}

function flatten(obj: object, prefix = ""): [string, Setting][] {
  const out: [string, Setting][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) out.push([key, v.join("|")]);
    else if (typeof v === "object" && v !== null) out.push(...flatten(v, key));
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.push([key, v]);
  }
  return out;
}

function render(c: Config): string {
  const { name, port = 0, debug, db: { host = "?", pool: { max = 0 } = {} } = {} } = c;
  return `${name}@${port} debug=${debug ?? "unset"} db=${host} pool.max=${max}`;
}

const env: Partial<Config> = { port: 9090, db: { host: "db.internal" } };
const cli: Partial<Config> = { debug: true, db: { pool: { max: 50 } }, tags: ["cli"] };
const file: Partial<Config> = { name: "scoreboard", tags: ["file", "prod"] };

const merged = merge(defaults, file, env, cli);
console.log(render(defaults));
console.log(render(merged));
for (const [k, v] of flatten(merged)) console.log(`  ${k} = ${typeof v === "string" ? JSON.stringify(v) : v} (${typeof v})`);
const minimal: Config = { name: "bare" };
console.log(render(minimal));
console.log(`pool min: ${merged.db?.pool?.min ?? "default"}, bare pool: ${minimal.db?.pool?.min ?? "default"}`);
const port = minimal.port ?? defaults.port;
console.log(`effective port ${port}, tags ${merged.tags?.length ?? 0}: ${merged.tags?.join(",")}`);
