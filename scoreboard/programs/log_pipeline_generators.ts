// features: for-of, classes, interfaces, template-literals, string-methods, map-set, destructuring
// A lazy log-processing pipeline: each stage is a generator, so a line is
// parsed, filtered and counted before the next one is read.
interface LogEntry {
  time: number;
  level: "INFO" | "WARN" | "ERROR";
  service: string;
  message: string;
}

const RAW = [
  "1000 INFO auth user alice logged in",
  "1004 WARN db slow query 340ms",
  "garbage line",
  "1010 ERROR auth token expired for bob",
  "1011 INFO web GET /index 200",
  "1019 ERROR db connection reset",
  "1020 INFO web GET /about 200",
  "1025 WARN web GET /missing 404",
  "1031 ERROR web upstream timeout",
  "1040 INFO auth user carol logged in",
];

function* readLines(source: string[]): Generator<string> {
  for (let i = 0; i < source.length; i++) {
    console.log(`  read line ${i + 1}`);
    yield source[i];
  }
}

function* parse(lines: Iterable<string>): Generator<LogEntry> {
  for (const line of lines) {
    const parts = line.split(" ");
    const level = parts[1];
    if (parts.length < 4 || (level !== "INFO" && level !== "WARN" && level !== "ERROR")) {
      console.log(`  skipped: "${line}"`);
      continue;
    }
    yield { time: Number(parts[0]), level, service: parts[2], message: parts.slice(3).join(" ") };
  }
}

function* atLeast(entries: Iterable<LogEntry>, level: "WARN" | "ERROR"): Generator<LogEntry> {
  for (const e of entries) {
    if (e.level === "ERROR" || (level === "WARN" && e.level === "WARN")) yield e;
  }
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n === 0) return;
  }
}

// Only as much input is read as the first two problems need.
console.log("first two problems:");
for (const e of take(atLeast(parse(readLines(RAW)), "WARN"), 2)) {
  console.log(`${e.time} [${e.level}] ${e.service}: ${e.message}`);
}

class ErrorWindow implements Iterable<[string, number]> {
  private counts = new Map<string, number>();
  constructor(entries: Iterable<LogEntry>) {
    for (const e of entries) if (e.level === "ERROR") this.counts.set(e.service, (this.counts.get(e.service) ?? 0) + 1);
  }
  *[Symbol.iterator](): Generator<[string, number]> {
    const services = [...this.counts.keys()].sort();
    for (const s of services) yield [s, this.counts.get(s) ?? 0];
  }
}

console.log("errors per service:");
const window = new ErrorWindow(parse(RAW));
for (const [service, n] of window) console.log(`${service.padEnd(6)} ${"#".repeat(n)} ${n}`);
const [worst] = [...window].sort((a, b) => b[1] - a[1]);
console.log("worst:", worst);

const gen = parse(["1 INFO x a", "2 ERROR y b"]);
console.log(gen.next().value?.service, gen.next().value?.level, gen.next().done);
