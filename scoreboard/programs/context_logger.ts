// features: enums, interfaces, classes, static, accessors, fluent, rest-params, spread, object-literals, template-literals, string-methods, default-params, union-values
enum Level { Debug = 10, Info = 20, Warn = 30, Error = 40 }

interface Sink { write(line: string): void; }

class MemorySink implements Sink {
  lines: string[] = [];
  write(line: string) { this.lines.push(line); }
}

class Logger {
  private static instances = 0;
  private sinks: Sink[] = [];
  private context: Record<string, string | number> = {};
  constructor(private name: string, private minLevel: Level = Level.Info) { Logger.instances++; }

  static get created() { return Logger.instances; }

  addSink(s: Sink): this { this.sinks.push(s); return this; }
  with(key: string, value: string | number): Logger {
    const child = new Logger(`${this.name}`, this.minLevel);
    child.sinks = this.sinks;
    child.context = { ...this.context, [key]: value };
    return child;
  }

  private log(level: Level, msg: string, ...args: unknown[]): void {
    if (level < this.minLevel) return;
    const ctx = Object.entries(this.context).map(([k, v]) => `${k}=${v}`).join(" ");
    const extra = args.length ? " " + args.map((a) => JSON.stringify(a)).join(" ") : "";
    const line = `[${Level[level].toUpperCase().padEnd(5)}] ${this.name}: ${msg}${extra}${ctx ? ` {${ctx}}` : ""}`;
    this.sinks.forEach((s) => s.write(line));
  }
  debug(msg: string, ...args: unknown[]) { this.log(Level.Debug, msg, ...args); }
  info(msg: string, ...args: unknown[]) { this.log(Level.Info, msg, ...args); }
  warn(msg: string, ...args: unknown[]) { this.log(Level.Warn, msg, ...args); }
  error(msg: string, ...args: unknown[]) { this.log(Level.Error, msg, ...args); }
}

const mem = new MemorySink();
const log = new Logger("app").addSink(mem).addSink({ write: (l) => console.log(l) });
log.debug("hidden");
log.info("starting", 1, "two");
const req = log.with("req", 42).with("user", "ann");
req.warn("slow request", { ms: 1500 });
req.error("failed");
console.log(mem.lines.length, Logger.created);
