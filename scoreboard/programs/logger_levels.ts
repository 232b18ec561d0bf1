// features: string-enums, enums, classes, static, rest-params, union-values, typeof, template-literals, array-methods, arrows, private, default-params, spread, accessors, readonly, switch, string-methods, type-aliases, nullable, floats, object-literals
enum Level {
  Debug = 10,
  Info = 20,
  Warn = 30,
  Error = 40,
}

enum Format {
  Plain = "plain",
  Json = "json",
  Compact = "compact",
}

type Arg = string | number | boolean | null;

class Logger {
  private static clock = 0;
  private lines: string[] = [];

  constructor(private readonly name: string, private level = Level.Info, private format = Format.Plain) {}

  child(suffix: string): Logger {
    return new Logger(`${this.name}.${suffix}`, this.level, this.format);
  }

  private fmt(a: Arg): string {
    if (typeof a === "number") return Number.isInteger(a) ? String(a) : a.toFixed(3);
    if (typeof a === "string") return a;
    return String(a);
  }

  log(level: Level, msg: string, ...args: Arg[]): void {
    Logger.clock += 7;
    if (level < this.level) return;
    const text = [msg, ...args.map((a) => this.fmt(a))].join(" ");
    let line: string;
    switch (this.format) {
      case Format.Plain:
        line = `[${String(Logger.clock).padStart(4, "0")}] ${Level[level].toUpperCase().padEnd(5)} ${this.name}: ${text}`;
        break;
      case Format.Json:
        line = JSON.stringify({ t: Logger.clock, level: Level[level], logger: this.name, msg: text });
        break;
      case Format.Compact:
        line = `${Level[level][0]} ${text}`;
        break;
    }
    this.lines.push(line);
    console.log(line);
  }

  debug(msg: string, ...args: Arg[]): void { this.log(Level.Debug, msg, ...args); }
  info(msg: string, ...args: Arg[]): void { this.log(Level.Info, msg, ...args); }
  warn(msg: string, ...args: Arg[]): void { this.log(Level.Warn, msg, ...args); }
  error(msg: string, ...args: Arg[]): void { this.log(Level.Error, msg, ...args); }

  get count(): number {
    return this.lines.length;
  }
}

const root = new Logger("app");
const db = root.child("db");
root.info("starting", "version", 3, "debug", false);
root.debug("this is hidden");
db.warn("slow query", 1.23456, "ms");
db.error("connection lost", null);
const verbose = new Logger("verbose", Level.Debug, Format.Compact);
verbose.debug("cache", "hit", true);
verbose.info("ratio", 2 / 3);
const json = new Logger("json", Level.Warn, Format.Json);
json.info("dropped");
json.warn("disk", 91.5, "%");
json.error("oops", "code", 500);
console.log(`counts: root ${root.count}, db ${db.count}, verbose ${verbose.count}, json ${json.count}`);
const levels = Object.keys(Level).filter((k) => isNaN(Number(k)));
console.log(`levels: ${levels.join(" < ")}; formats: ${Object.values(Format).join(", ")}`);
