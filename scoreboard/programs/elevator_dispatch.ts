// features: string-enums, interfaces, classes, private, readonly, accessors, map-set, switch, spread, array-methods, arrows, for-of, template-literals, string-methods, math, object-literals
enum Direction {
  Up = "UP",
  Down = "DOWN",
  Idle = "IDLE",
}

interface Request {
  floor: number;
  at: number;
}

class Elevator {
  private floor = 0;
  private dir = Direction.Idle;
  private stops = new Set<number>();
  private travelled = 0;
  readonly events: string[] = [];

  constructor(readonly id: string, private readonly floors: number) {}

  request(floor: number): void {
    if (floor < 0 || floor >= this.floors) {
      this.events.push(`${this.id}: ignored request for floor ${floor}`);
      return;
    }
    this.stops.add(floor);
  }

  get load(): number {
    return this.stops.size;
  }

  distanceTo(floor: number): number {
    return Math.abs(this.floor - floor);
  }

  tick(time: number): void {
    if (this.stops.size === 0) {
      this.dir = Direction.Idle;
      return;
    }
    if (this.dir === Direction.Idle) {
      const nearest = [...this.stops].sort((a, b) => this.distanceTo(a) - this.distanceTo(b) || a - b)[0];
      this.dir = nearest > this.floor ? Direction.Up : nearest < this.floor ? Direction.Down : Direction.Idle;
    }
    switch (this.dir) {
      case Direction.Up:
        this.floor++;
        break;
      case Direction.Down:
        this.floor--;
        break;
      case Direction.Idle:
        break;
    }
    if (this.dir !== Direction.Idle) this.travelled++;
    if (this.stops.delete(this.floor)) {
      this.events.push(`t=${time} ${this.id} stops at ${this.floor} (${this.dir.toLowerCase()})`);
      const ahead = [...this.stops].some((s) => (this.dir === Direction.Up ? s > this.floor : s < this.floor));
      if (!ahead) this.dir = Direction.Idle;
    }
  }

  get summary() {
    return { id: this.id, floor: this.floor, travelled: this.travelled, dir: this.dir };
  }
}

class Controller {
  constructor(private readonly cars: Elevator[]) {}
  dispatch(req: Request): string {
    const best = this.cars.reduce((a, b) => (b.distanceTo(req.floor) + b.load * 2 < a.distanceTo(req.floor) + a.load * 2 ? b : a));
    best.request(req.floor);
    return best.id;
  }
}

const cars = [new Elevator("A", 10), new Elevator("B", 10)];
const ctl = new Controller(cars);
const requests: Request[] = [{ floor: 5, at: 0 }, { floor: 2, at: 0 }, { floor: 8, at: 2 }, { floor: 0, at: 3 }, { floor: 12, at: 4 }, { floor: 3, at: 6 }];
for (let t = 0; t < 15; t++) {
  for (const r of requests.filter((r) => r.at === t)) console.log(`t=${t} floor ${r.floor} -> ${ctl.dispatch(r)}`);
  cars.forEach((c) => c.tick(t));
}
cars.flatMap((c) => c.events).forEach((e) => console.log(e));
cars.forEach((c) => console.log(c.summary));
