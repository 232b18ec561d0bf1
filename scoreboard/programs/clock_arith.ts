// features: classes, static, readonly, integers, string-methods, template-literals, nullable, array-methods, arrows, fluent, optional-chaining, accessors, private, for-of, math, destructuring, floats, tuples, default-params, object-literals
class Time {
  private constructor(readonly minutes: number) {}

  static of(h: number, m = 0): Time {
    return new Time((((h * 60 + m) % 1440) + 1440) % 1440);
  }

  static parse(s: string): Time | null {
    const m = /^(\d{1,2}):(\d{2})\s*(am|pm)?$/i.exec(s.trim());
    if (!m) return null;
    let h = Number(m[1]);
    const min = Number(m[2]);
    if (min > 59 || h > 23) return null;
    const ampm = m[3]?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (ampm === "pm" ? 12 : 0);
    }
    return Time.of(h, min);
  }

  plus(mins: number): Time {
    return Time.of(0, this.minutes + mins);
  }

  until(o: Time): number {
    return (o.minutes - this.minutes + 1440) % 1440;
  }

  get hour(): number {
    return Math.floor(this.minutes / 60);
  }

  to24(): string {
    return `${String(this.hour).padStart(2, "0")}:${String(this.minutes % 60).padStart(2, "0")}`;
  }

  to12(): string {
    const h = this.hour % 12 || 12;
    return `${h}:${String(this.minutes % 60).padStart(2, "0")} ${this.hour < 12 ? "AM" : "PM"}`;
  }

  hands(): number {
    const hourAngle = (this.minutes % 720) * 0.5;
    const minuteAngle = (this.minutes % 60) * 6;
    const d = Math.abs(hourAngle - minuteAngle);
    return Math.min(d, 360 - d);
  }
}

for (const s of ["9:05", "12:00 am", "12:30 PM", "11:59 pm", "23:15", "7:60", "13:00 pm", "0:00"]) {
  const t = Time.parse(s);
  console.log(`${s.padEnd(9)} -> ${t ? `${t.to24()} / ${t.to12()} / hands ${t.hands()} deg` : "invalid"}`);
}
const start = Time.of(22, 45);
for (const d of [30, 75, 120, 1440, -50, -1500]) console.log(`${start.to24()} ${d >= 0 ? "+" : "-"} ${Math.abs(d)} min = ${start.plus(d).to24()}`);
const shifts: [string, string][] = [["09:00", "17:30"], ["22:00", "06:00"], ["13:15", "13:15"]];
for (const [a, b] of shifts) {
  const m = Time.parse(a)!.until(Time.parse(b)!);
  console.log(`${a} to ${b}: ${Math.floor(m / 60)}h ${m % 60}m`);
}
const overlaps = Array.from({ length: 24 * 60 }, (_, i) => Time.of(0, i)).filter((t) => t.hands() < 1).map((t) => t.to24());
console.log(`hands nearly overlap at: ${overlaps.join(" ")}`);
