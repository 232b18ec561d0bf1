// features: classes, private, literal-unions, array-methods, arrows, template-literals, for-of, nullable, map-set, integers, interfaces, math
type Direction = "up" | "down" | "idle";

interface Request {
  at: number;
  from: number;
  to: number;
  who: string;
}

class Elevator {
  floor = 0;
  dir: Direction = "idle";
  private riders: Request[] = [];
  private stops = new Set<number>();
  moved = 0;

  constructor(readonly id: string, readonly capacity: number) {}

  get load(): number {
    return this.riders.length;
  }

  cost(r: Request): number {
    const dist = Math.abs(this.floor - r.from);
    if (this.dir === "idle") return dist;
    const onTheWay = (this.dir === "up" && r.from >= this.floor) || (this.dir === "down" && r.from <= this.floor);
    return onTheWay ? dist : dist + 2 * this.stops.size + 10;
  }

  assign(r: Request): void {
    this.stops.add(r.from);
    if (this.dir === "idle") this.dir = r.from > this.floor ? "up" : r.from < this.floor ? "down" : r.to > r.from ? "up" : "down";
  }

  step(waiting: Request[], log: string[], t: number): void {
    if (this.stops.has(this.floor)) {
      this.stops.delete(this.floor);
      const leaving = this.riders.filter((r) => r.to === this.floor);
      this.riders = this.riders.filter((r) => r.to !== this.floor);
      for (const r of leaving) log.push(`t=${t} ${this.id}@${this.floor}: ${r.who} out (trip ${t - r.at})`);
      for (let i = 0; i < waiting.length; ) {
        const r = waiting[i];
        if (r.from === this.floor && this.riders.length < this.capacity) {
          this.riders.push(r);
          this.stops.add(r.to);
          waiting.splice(i, 1);
          log.push(`t=${t} ${this.id}@${this.floor}: ${r.who} in -> ${r.to}`);
        } else i++;
      }
    }
    if (this.stops.size === 0) {
      this.dir = "idle";
      return;
    }
    const targets = [...this.stops];
    const above = targets.some((s) => s > this.floor);
    const below = targets.some((s) => s < this.floor);
    if (this.dir === "up" && !above) this.dir = below ? "down" : "idle";
    else if (this.dir === "down" && !below) this.dir = above ? "up" : "idle";
    else if (this.dir === "idle") this.dir = above ? "up" : "down";
    if (this.dir !== "idle") {
      this.floor += this.dir === "up" ? 1 : -1;
      this.moved++;
    }
  }
}

const requests: Request[] = [
  { at: 0, from: 0, to: 5, who: "ann" },
  { at: 1, from: 3, to: 0, who: "bob" },
  { at: 2, from: 7, to: 2, who: "cy" },
  { at: 2, from: 0, to: 9, who: "di" },
  { at: 4, from: 5, to: 6, who: "ed" },
  { at: 6, from: 9, to: 0, who: "fi" },
  { at: 6, from: 1, to: 2, who: "gus" },
  { at: 9, from: 4, to: 4, who: "hal" },
];

const cars = [new Elevator("A", 2), new Elevator("B", 4)];
const waiting: Request[] = [];
const log: string[] = [];
let t = 0;
const pending = [...requests];
while (t < 60 && (pending.length > 0 || waiting.length > 0 || cars.some((c) => c.load > 0))) {
  while (pending.length > 0 && pending[0].at <= t) {
    const r = pending.shift()!;
    waiting.push(r);
    const best = cars.reduce((a, b) => (b.cost(r) < a.cost(r) ? b : a));
    best.assign(r);
    log.push(`t=${t} call ${r.who} ${r.from}->${r.to} assigned ${best.id}`);
  }
  for (const c of cars) c.step(waiting, log, t);
  for (const r of waiting) if (!cars.some((c) => c.cost(r) === 0 && c.dir === "idle")) {
    const idle = cars.find((c) => c.dir === "idle");
    idle?.assign(r);
  }
  t++;
}
log.forEach((l) => console.log(l));
console.log(`done at t=${t}; moved ${cars.map((c) => `${c.id}:${c.moved}`).join(" ")}; floors ${cars.map((c) => c.floor).join(",")}; left waiting ${waiting.length}`);
