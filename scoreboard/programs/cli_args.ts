// features: interfaces, type-aliases, union-values, string-methods, map-set, template-literals, array-methods, arrows, nullish, optional, for-of, destructuring, switch, object-literals
type OptValue = string | number | boolean;
interface OptSpec { name: string; alias?: string; type: "string" | "number" | "boolean"; default?: OptValue; help: string }

const specs: OptSpec[] = [
  { name: "output", alias: "o", type: "string", default: "out.txt", help: "where to write" },
  { name: "count", alias: "n", type: "number", default: 1, help: "how many times" },
  { name: "verbose", alias: "v", type: "boolean", default: false, help: "talk more" },
  { name: "level", type: "number", help: "compression level" },
];

interface Parsed { opts: Map<string, OptValue>; positional: string[]; errors: string[] }

function parse(argv: string[]): Parsed {
  const opts = new Map<string, OptValue>();
  const positional: string[] = [];
  const errors: string[] = [];
  for (const s of specs) if (s.default !== undefined) opts.set(s.name, s.default);
  const byAlias = new Map(specs.filter((s) => s.alias).map((s) => [s.alias!, s]));
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") { positional.push(...argv.slice(i + 1)); break; }
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) { positional.push(arg); continue; }
    const [, key, inline] = m;
    const spec = arg.startsWith("--") ? byName.get(key) : byAlias.get(key);
    if (!spec) { errors.push(`unknown option ${arg}`); continue; }
    if (spec.type === "boolean") { opts.set(spec.name, inline === undefined ? true : inline !== "false"); continue; }
    const raw = inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
    if (raw === undefined) { errors.push(`missing value for --${spec.name}`); continue; }
    if (spec.type === "number") {
      const n = Number(raw);
      if (Number.isNaN(n)) errors.push(`--${spec.name} wants a number, got "${raw}"`);
      else opts.set(spec.name, n);
    } else opts.set(spec.name, raw);
  }
  return { opts, positional, errors };
}

function usage(): string {
  const rows = specs.map((s) => {
    const flag = `${s.alias ? `-${s.alias}, ` : "    "}--${s.name}${s.type === "boolean" ? "" : ` <${s.type}>`}`;
    return `  ${flag.padEnd(24)}${s.help}${s.default !== undefined ? ` (default: ${s.default})` : ""}`;
  });
  return ["usage: tool [options] files...", ...rows].join("\n");
}

console.log(usage());
const runs = [
  ["-o", "result.bin", "a.txt", "--count=3", "-v", "b.txt"],
  ["--level", "9", "--verbose=false", "--", "-x", "--y"],
  ["--count", "many", "--nope", "-n"],
  [],
];
for (const argv of runs) {
  const { opts, positional, errors } = parse(argv);
  console.log(`\n$ tool ${argv.join(" ")}`);
  for (const [k, v] of [...opts].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${k} = ${JSON.stringify(v)} (${typeof v})`);
  console.log(`  positional: ${positional.length ? positional.join(", ") : "(none)"}`);
  if (errors.length) console.log(`  errors:\n${errors.map((e) => `    - ${e}`).join("\n")}`);
}
