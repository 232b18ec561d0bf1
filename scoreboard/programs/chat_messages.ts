// features: discriminated-unions, type-aliases, switch, optional, nullish, map-set, destructuring, spread, array-methods, arrows, template-literals, tuples
type Msg =
  | { kind: "text"; from: string; text: string }
  | { kind: "image"; from: string; url: string; width: number; height: number }
  | { kind: "join"; user: string }
  | { kind: "leave"; user: string; reason?: string }
  | { kind: "reaction"; from: string; target: number; emoji: string };

function render(msg: Msg, index: number): string {
  switch (msg.kind) {
    case "text":
      return `[${index}] <${msg.from}> ${msg.text}`;
    case "image":
      return `[${index}] <${msg.from}> sent image ${msg.url} (${msg.width}x${msg.height})`;
    case "join":
      return `[${index}] * ${msg.user} joined`;
    case "leave":
      return `[${index}] * ${msg.user} left${msg.reason ? ` (${msg.reason})` : ""}`;
    case "reaction":
      return `[${index}] ${msg.from} reacted ${msg.emoji} to #${msg.target}`;
    default: {
      const never: never = msg;
      return never;
    }
  }
}

function summarize(msgs: Msg[]) {
  const counts: Partial<Record<Msg["kind"], number>> = {};
  const activity = new Map<string, number>();
  for (const m of msgs) {
    counts[m.kind] = (counts[m.kind] ?? 0) + 1;
    const who = "from" in m ? m.from : m.user;
    activity.set(who, (activity.get(who) ?? 0) + 1);
  }
  return { counts, activity };
}

const log: Msg[] = [
  { kind: "join", user: "alice" },
  { kind: "join", user: "bob" },
  { kind: "text", from: "alice", text: "hi bob!" },
  { kind: "text", from: "bob", text: "hey :)" },
  { kind: "image", from: "alice", url: "cat.png", width: 640, height: 480 },
  { kind: "reaction", from: "bob", target: 4, emoji: "<3" },
  { kind: "leave", user: "bob", reason: "timeout" },
  { kind: "text", from: "alice", text: "bye" },
  { kind: "leave", user: "alice" },
];

log.forEach((m, i) => console.log(render(m, i)));
const { counts, activity } = summarize(log);
console.log(counts);
const ranked = [...activity].sort(([, a], [, b]) => b - a);
console.log(ranked.map(([u, n]) => `${u}=${n}`).join(", "));
const texts = log.filter((m): m is Extract<Msg, { kind: "text" }> => m.kind === "text");
console.log(texts.map((t) => t.text.length));
const biggest = log.reduce((acc, m) => (m.kind === "image" && m.width * m.height > acc ? m.width * m.height : acc), 0);
console.log("largest image pixels:", biggest);
