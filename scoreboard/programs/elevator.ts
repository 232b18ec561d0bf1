// features: classes, literal-unions, private, array-methods, arrows, math, template-literals, nullable, accessors, switch, spread, nullish, map-set, readonly, for-of, string-methods, type-aliases, object-literals
type Direction = "up" | "down" | "idle";

class Elevator {
  private floor = 0;
  private dir: Direction = "idle";
  private stops = new Set<number>();
  private travelled = 0;
  private log: string[] = [];

  constructor(private readonly floors: number) {}

  get position(): number {
    return this.floor;
  }

  get direction(): Direction {
    return this.dir;
  }

  request(floor: number): void {
    if (floor < 0 || floor >= this.floors) {
      this.log.push(`ignored request for ${floor}`);
      return;
    }
    if (floor !== this.floor) this.stops.add(floor);
  }

  private nextTarget(): number | null {
    const pending = [...this.stops];
    if (pending.length === 0) return null;
    const above = pending.filter((f) => f > this.floor).sort((a, b) => a - b);
    const below = pending.filter((f) => f < this.floor).sort((a, b) => b - a);
    switch (this.dir) {
      case "up":
        return above[0] ?? below[0] ?? null;
      case "down":
        return below[0] ?? above[0] ?? null;
      case "idle":
        return pending.reduce((best, f) => (Math.abs(f - this.floor) < Math.abs(best - this.floor) ? f : best));
    }
  }

  tick(): void {
    const target = this.nextTarget();
    if (target === null) {
      this.dir = "idle";
      return;
    }
    this.dir = target > this.floor ? "up" : "down";
    this.floor += this.dir === "up" ? 1 : -1;
    this.travelled++;
    if (this.stops.has(this.floor)) {
      this.stops.delete(this.floor);
      this.log.push(`stop at ${this.floor}`);
    }
  }

  get stats(): string {
    return `travelled ${this.travelled} floors, ${this.log.length} log entries`;
  }

  drainLog(): string[] {
    const l = this.log;
    this.log = [];
    return l;
  }
}

const e = new Elevator(10);
const schedule: Record<number, number[]> = { 0: [5, 2], 3: [8], 4: [1], 9: [0, 12], 14: [9, 3, 6] };
for (let t = 0; t < 30; t++) {
  for (const f of schedule[t] ?? []) e.request(f);
  e.tick();
  const log = e.drainLog();
  if (log.length > 0 || t % 5 === 0) {
    console.log(`t=${String(t).padStart(2)} floor ${e.position} ${e.direction.padEnd(4)} ${log.join(", ")}`);
  }
}
console.log(e.stats);
