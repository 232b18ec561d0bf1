// features: interfaces, type-aliases, literal-unions, string-methods, array-methods, arrows, closures, template-literals, optional, nullish, map-set, spread, optional-chaining, for-of, destructuring, tuples, object-literals
type Label = "urgent" | "work" | "personal" | "spam" | "other";

interface Mail {
  from: string;
  subject: string;
  body: string;
  starred?: boolean;
}

type Rule = { label: Label; test: (m: Mail) => boolean; weight: number };

const rules: Rule[] = [
  { label: "spam", test: (m) => /winner|free money|click here/i.test(m.subject + " " + m.body), weight: 100 },
  { label: "urgent", test: (m) => /urgent|asap|outage/i.test(m.subject), weight: 50 },
  { label: "work", test: (m) => m.from.endsWith("@tsos.dev"), weight: 20 },
  { label: "personal", test: (m) => ["mom@home.net", "sam@friends.org"].includes(m.from), weight: 10 },
];

function classify(m: Mail): [Label, number] {
  const hits = rules.filter((r) => r.test(m));
  const best = hits.sort((a, b) => b.weight - a.weight)[0];
  const score = hits.reduce((s, r) => s + r.weight, 0) + (m.starred ? 30 : 0);
  return [best?.label ?? "other", best?.label === "spam" ? -score : score];
}

const inbox: Mail[] = [
  { from: "lead@tsos.dev", subject: "Scoreboard numbers", body: "please send the table" },
  { from: "ops@tsos.dev", subject: "URGENT: CI outage", body: "runners are down" },
  { from: "prize@lottery.biz", subject: "You are a WINNER", body: "click here to claim" },
  { from: "mom@home.net", subject: "Sunday dinner", body: "bring dessert", starred: true },
  { from: "newsletter@ts.org", subject: "TypeScript 6 released", body: "what's new" },
  { from: "sam@friends.org", subject: "asap: tickets", body: "the concert sells out" },
  { from: "fuzz@tsos.dev", subject: "10,000 programs, 0 mismatches", body: "seed 42" },
];

const buckets = new Map<Label, Mail[]>();
const scored = inbox.map((m) => {
  const [label, score] = classify(m);
  buckets.set(label, [...(buckets.get(label) ?? []), m]);
  return { ...m, label, score };
});
for (const m of [...scored].sort((a, b) => b.score - a.score)) {
  console.log(`${String(m.score).padStart(4)} ${m.label.padEnd(8)} ${m.from.padEnd(18)} ${m.subject}`);
}
const order: Label[] = ["urgent", "work", "personal", "other", "spam"];
for (const l of order) console.log(`${l}: ${(buckets.get(l) ?? []).map((m) => m.subject.slice(0, 18)).join(" | ") || "-"}`);
