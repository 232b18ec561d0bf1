// features: interfaces, literal-unions, optional, nullish, map-set, closures, arrows, array-methods, destructuring, spread, for-of, template-literals, string-methods, floats, math, tuples
interface Event {
  user: string;
  action: "view" | "click" | "purchase";
  page: string;
  amount?: number;
  ts: number;
}

const events: Event[] = [];
const users = ["u1", "u2", "u3", "u4", "u5"];
const pages = ["/home", "/product/1", "/product/2", "/cart", "/checkout"];
let s = 7;
const next = () => (s = (s * 16807) % 2147483647);
for (let i = 0; i < 60; i++) {
  const r = next() % 100;
  const action: Event["action"] = r < 60 ? "view" : r < 90 ? "click" : "purchase";
  events.push({
    user: users[next() % users.length],
    action,
    page: pages[next() % pages.length],
    amount: action === "purchase" ? (next() % 10000) / 100 : undefined,
    ts: i * 60,
  });
}

const byAction = new Map<string, number>();
const uniqueVisitors = new Map<string, Set<string>>();
const revenueByUser = new Map<string, number>();

for (const e of events) {
  byAction.set(e.action, (byAction.get(e.action) ?? 0) + 1);
  if (!uniqueVisitors.has(e.page)) uniqueVisitors.set(e.page, new Set());
  uniqueVisitors.get(e.page)!.add(e.user);
  if (e.amount !== undefined) revenueByUser.set(e.user, (revenueByUser.get(e.user) ?? 0) + e.amount);
}

console.log("Actions:", Object.fromEntries(byAction));
for (const page of [...uniqueVisitors.keys()].sort()) {
  const v = uniqueVisitors.get(page)!;
  console.log(`${page.padEnd(12)} ${v.size} visitors: ${[...v].sort().join(" ")}`);
}

const revenue = [...revenueByUser.entries()].sort((a, b) => b[1] - a[1]);
console.log("Revenue:");
revenue.forEach(([u, amt], i) => console.log(`  ${i + 1}. ${u} $${amt.toFixed(2)}`));
const totalRevenue = revenue.reduce((t, [, a]) => t + a, 0);
console.log(`Total: $${totalRevenue.toFixed(2)}`);

const allUsers = new Set(events.map((e) => e.user));
const buyers = new Set(events.filter((e) => e.action === "purchase").map((e) => e.user));
const nonBuyers = [...allUsers].filter((u) => !buyers.has(u));
console.log("non-buyers:", nonBuyers.length ? nonBuyers.join(",") : "(none)");

const sessions = new Map<string, number[]>();
for (const { user, ts } of events) (sessions.get(user) ?? sessions.set(user, []).get(user)!).push(ts);
for (const [u, times] of [...sessions].sort()) {
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const maxGap = gaps.length ? Math.max(...gaps) : 0;
  console.log(`${u}: ${times.length} events, max gap ${maxGap}s, first ${times[0]}`);
}
const conv = ((buyers.size / allUsers.size) * 100).toFixed(1);
console.log(`conversion ${conv}%`, events.some((e) => e.page === "/checkout" && e.action === "purchase"), events.every((e) => e.ts >= 0));
