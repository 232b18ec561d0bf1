// features: interfaces, optional, nullish, destructuring, spread, object-literals, type-aliases, template-literals, arrows, array-methods, for-of, literal-unions, optional-chaining
type LogLevel = "debug" | "info" | "warn" | "error";

interface ServerConfig {
  host: string;
  port: number;
  tls?: { cert: string; key: string; minVersion?: string };
}

interface AppConfig {
  name: string;
  server: ServerConfig;
  logLevel: LogLevel;
  features: string[];
  retries?: number;
  onStart?: (c: AppConfig) => string;
}

const defaults: AppConfig = {
  name: "app",
  server: { host: "127.0.0.1", port: 8080 },
  logLevel: "info",
  features: [],
};

function merge(base: AppConfig, over: Partial<AppConfig>): AppConfig {
  return {
    ...base,
    ...over,
    server: { ...base.server, ...over.server },
    features: [...base.features, ...(over.features ?? [])],
  };
}

function describe(c: AppConfig): string[] {
  const { name, server: { host, port, tls }, logLevel, features, retries = 3 } = c;
  const lines = [`${name} @ ${tls ? "https" : "http"}://${host}:${port} [${logLevel}] retries=${retries}`];
  if (tls) lines.push(`  tls cert=${tls.cert} min=${tls.minVersion ?? "TLS1.2"}`);
  if (features.length) lines.push(`  features: ${features.join(", ")}`);
  const started = c.onStart?.(c);
  if (started !== undefined) lines.push(`  onStart: ${started}`);
  return lines;
}

const envs: [string, Partial<AppConfig>][] = [
  ["dev", { logLevel: "debug", features: ["hot-reload"] }],
  ["staging", { name: "app-staging", server: { host: "10.0.0.5", port: 443, tls: { cert: "stg.pem", key: "stg.key" } }, retries: 5 }],
  ["prod", {
    name: "app-prod",
    server: { host: "0.0.0.0", port: 443, tls: { cert: "prod.pem", key: "prod.key", minVersion: "TLS1.3" } },
    logLevel: "warn",
    features: ["metrics", "cache"],
    retries: 0,
    onStart: (c) => `warming ${c.features.length} features`,
  }],
];

const built = new Map<string, AppConfig>();
for (const [env, over] of envs) {
  const cfg = merge(defaults, over);
  built.set(env, cfg);
  console.log(`[${env}]`);
  describe(cfg).forEach((l) => console.log(l));
}

const problems = (c: AppConfig): string[] => {
  const out: string[] = [];
  if (c.server.port < 1024 && !c.server.tls) out.push("privileged port without tls");
  if (c.logLevel === "debug" && c.name.endsWith("prod")) out.push("debug logging in prod");
  if ((c.retries ?? 3) === 0) out.push("no retries");
  return out;
};
for (const [env, c] of built) console.log(`${env}: ${problems(c).join("; ") || "ok"}`);

const levels: LogLevel[] = ["debug", "info", "warn", "error"];
const enabled = (c: AppConfig, l: LogLevel) => levels.indexOf(l) >= levels.indexOf(c.logLevel);
for (const [env, c] of built) console.log(`${env} logs: ${levels.filter((l) => enabled(c, l)).join(",")}`);

let cache: AppConfig | undefined;
const load = (): AppConfig => (cache ??= merge(defaults, { name: "lazy" }));
console.log(load().name, load() === load(), defaults.features.length, defaults.server.port);
const counts: Record<string, number> = {};
for (const c of built.values()) for (const f of c.features) counts[f] ||= 0, counts[f] += 1;
console.log(JSON.stringify(counts), "tls" in (built.get("prod")?.server ?? {}), Object.keys(built.get("dev")!.server).join(","));
