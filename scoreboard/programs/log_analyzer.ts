// features: map-set, string-methods, array-methods, arrows, template-literals, for-of, interfaces, nullable, destructuring, tuples, floats, math, optional-chaining
interface Entry {
  ts: string;
  level: string;
  service: string;
  latency: number | null;
  status: number | null;
  msg: string;
}

const raw = `2024-05-01T10:00:01Z INFO  api     GET /users 200 12ms
2024-05-01T10:00:02Z INFO  api     GET /users/7 200 8ms
2024-05-01T10:00:02Z WARN  db      slow query took 950ms
2024-05-01T10:00:03Z ERROR api     POST /orders 500 120ms
2024-05-01T10:00:04Z INFO  auth    login ok user=ann
2024-05-01T10:00:05Z INFO  api     GET /orders 200 31ms
garbage line without structure
2024-05-01T10:00:06Z ERROR auth    login failed user=bob reason="bad password"
2024-05-01T10:00:07Z INFO  api     DELETE /orders/3 404 5ms
2024-05-01T10:00:09Z DEBUG cache   hit ratio 0.93`;

const LINE = /^(?<ts>\S+)\s+(?<level>[A-Z]+)\s+(?<service>\w+)\s+(?<msg>.*)$/;

function parse(line: string): Entry | null {
  const m = LINE.exec(line);
  if (!m || !m.groups) return null;
  const { ts, level, service, msg } = m.groups;
  const lat = /(\d+)ms\b/.exec(msg);
  const st = /\s([1-5]\d\d)\s/.exec(msg);
  return { ts, level, service, msg, latency: lat ? Number(lat[1]) : null, status: st ? Number(st[1]) : null };
}

const entries: Entry[] = [];
const rejects: number[] = [];
raw.split("\n").forEach((line, i) => {
  const e = parse(line);
  if (e) entries.push(e);
  else rejects.push(i + 1);
});
console.log(`${entries.length} entries, rejected lines: ${rejects.join(",")}`);

const byLevel = new Map<string, number>();
for (const e of entries) byLevel.set(e.level, (byLevel.get(e.level) ?? 0) + 1);
console.log([...byLevel].map(([k, v]) => `${k}=${v}`).join(" "));

const lat = entries.map((e) => e.latency).filter((x): x is number => x !== null).sort((a, b) => a - b);
const pct = (p: number) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)];
console.log(`latency n=${lat.length} min=${lat[0]} p50=${pct(50)} p90=${pct(90)} max=${lat[lat.length - 1]} mean=${(lat.reduce((a, b) => a + b, 0) / lat.length).toFixed(1)}`);

const statusClass = new Map<string, string[]>();
for (const e of entries) {
  if (e.status === null) continue;
  const k = `${Math.floor(e.status / 100)}xx`;
  statusClass.set(k, [...(statusClass.get(k) ?? []), e.msg.split(" ").slice(0, 2).join(" ")]);
}
for (const [k, reqs] of statusClass) console.log(`${k}: ${reqs.join(" | ")}`);

const routes = [...raw.matchAll(/(GET|POST|DELETE|PUT) (\/[\w/]+)/g)].map((m) => `${m[1]} ${m[2].replace(/\/\d+/g, "/:id")}`);
const routeCounts = routes.reduce<Record<string, number>>((acc, r) => ((acc[r] = (acc[r] ?? 0) + 1), acc), {});
console.log(Object.entries(routeCounts).map(([r, n]) => `${r} x${n}`).join(", "));

const kv = entries.flatMap((e) => [...e.msg.matchAll(/(\w+)=("([^"]*)"|\S+)/g)].map((m) => [m[1], m[3] ?? m[2]] as [string, string]));
console.log(kv.map(([k, v]) => `${k}:${v}`).join(" "));
const errors = entries.filter((e) => e.level === "ERROR").map((e) => `${e.ts.slice(11, 19)} ${e.service}: ${e.msg}`);
errors.forEach((e) => console.log(`! ${e}`));
const last = entries.at(-1);
console.log(`last: ${last?.service} ${last?.msg.toUpperCase()} (${last?.ts.replace(/T|Z/g, " ").trim()})`);
const perSecond = new Map<string, number>();
entries.forEach(({ ts }) => perSecond.set(ts.slice(17, 19), (perSecond.get(ts.slice(17, 19)) ?? 0) + 1));
console.log([...perSecond.entries()].map(([s, n]) => `${s}s:${"*".repeat(n)}`).join(" "));
