// features: interfaces, optional, nullable, string-methods, map-set, template-literals, array-methods, arrows, nullish, optional-chaining, spread, for-of, destructuring, object-literals
interface Url {
  scheme: string;
  user?: string;
  host: string;
  port?: number;
  path: string;
  query: Map<string, string[]>;
  fragment?: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21 };

function parseUrl(s: string): Url | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/]*)@)?([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s);
  if (!m) return null;
  const query = new Map<string, string[]>();
  for (const pair of (m[6] ?? "").split("&").filter((p) => p)) {
    const [k, v = ""] = pair.split("=");
    const key = decodeURIComponent(k);
    query.set(key, [...(query.get(key) ?? []), decodeURIComponent(v.replace(/\+/g, " "))]);
  }
  return {
    scheme: m[1].toLowerCase(),
    user: m[2],
    host: m[3].toLowerCase(),
    port: m[4] ? Number(m[4]) : undefined,
    path: m[5] || "/",
    query,
    fragment: m[7],
  };
}

function normalize(u: Url): string {
  const port = u.port !== undefined && u.port !== DEFAULT_PORTS[u.scheme] ? `:${u.port}` : "";
  const keys = [...u.query.keys()].sort();
  const q = keys.flatMap((k) => u.query.get(k)!.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join("&");
  return `${u.scheme}://${u.user ? u.user + "@" : ""}${u.host}${port}${u.path}${q ? "?" + q : ""}${u.fragment !== undefined ? "#" + u.fragment : ""}`;
}

const inputs = [
  "https://example.com",
  "HTTP://Example.COM:80/a/b?x=1&y=2#top",
  "https://user:pw@api.tsos.dev:8443/v1/items?sort=name&tag=os&tag=c+lang",
  "ftp://files.example.org:21/pub/",
  "https://search.example/q?term=hello%20world&page=2&empty=",
  "not a url",
  "mailto:someone@example.com",
];
for (const s of inputs) {
  const u = parseUrl(s);
  if (!u) {
    console.log(`${s}: invalid`);
    continue;
  }
  const port = u.port ?? DEFAULT_PORTS[u.scheme] ?? "?";
  console.log(`${s}`);
  console.log(`  host ${u.host} port ${port} path ${u.path} user ${u.user ?? "-"} fragment ${u.fragment ?? "-"}`);
  for (const [k, vs] of u.query) console.log(`  ${k} = ${vs.map((v) => JSON.stringify(v)).join(", ")}`);
  console.log(`  normalized ${normalize(u)}`);
}
console.log(`first tag: ${parseUrl(inputs[2])?.query.get("tag")?.[0]}, missing: ${parseUrl(inputs[0])?.query.get("tag")?.[0] ?? "none"}`);
