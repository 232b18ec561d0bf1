// features: classes, static, nullable, string-methods, array-methods, arrows, template-literals, literal-unions, readonly, tuples, for-of, switch, math, type-aliases, destructuring, floats, default-params
type Bump = "major" | "minor" | "patch";

class SemVer {
  constructor(readonly major: number, readonly minor: number, readonly patch: number, readonly pre: string[] = []) {}

  static parse(s: string): SemVer | null {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(s.trim());
    if (!m) return null;
    return new SemVer(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? m[4].split(".") : []);
  }

  static compare(a: SemVer, b: SemVer): number {
    const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
    if (d !== 0) return d;
    if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
    for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
      const x = a.pre[i];
      const y = b.pre[i];
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (x === y) continue;
      const nx = /^\d+$/.test(x);
      const ny = /^\d+$/.test(y);
      if (nx && ny) return Number(x) - Number(y);
      if (nx !== ny) return nx ? -1 : 1;
      return x < y ? -1 : 1;
    }
    return 0;
  }

  bump(kind: Bump): SemVer {
    switch (kind) {
      case "major": return new SemVer(this.major + 1, 0, 0);
      case "minor": return new SemVer(this.major, this.minor + 1, 0);
      case "patch": return new SemVer(this.major, this.minor, this.pre.length ? this.patch : this.patch + 1);
    }
  }

  satisfies(range: string): boolean {
    const op = range[0];
    const base = SemVer.parse(range.replace(/^[\^~>=<]+/, ""));
    if (!base) return false;
    const c = SemVer.compare(this, base);
    if (op === "^") return c >= 0 && this.major === base.major;
    if (op === "~") return c >= 0 && this.major === base.major && this.minor === base.minor;
    if (range.startsWith(">=")) return c >= 0;
    if (range.startsWith("<")) return c < 0;
    return c === 0;
  }

  toString(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre.length ? "-" + this.pre.join(".") : ""}`;
  }
}

const raw = ["1.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "2.1.3", "v0.9.12", "1.10.0", "1.2.0", "bogus", "1.2"];
const parsed = raw.map((r) => [r, SemVer.parse(r)] as [string, SemVer | null]);
for (const [r, v] of parsed) if (v === null) console.log(`invalid: ${r}`);
const versions = parsed.map(([, v]) => v).filter((v): v is SemVer => v !== null).sort(SemVer.compare);
console.log(`sorted: ${versions.join(" < ")}`);
const v = SemVer.parse("1.4.2")!;
for (const k of ["major", "minor", "patch"] as Bump[]) console.log(`${v} bump ${k} -> ${v.bump(k)}`);
console.log(`1.0.0-rc.1 bump patch -> ${SemVer.parse("1.0.0-rc.1")!.bump("patch")}`);
for (const range of ["^1.2.0", "~1.2.0", ">=2.0.0", "<1.0.0", "1.10.0"]) {
  console.log(`${range}: ${versions.filter((x) => x.satisfies(range)).join(", ") || "none"}`);
}
