// features: classes, enums, integers, private, template-literals, nullable, switch, readonly, for-of
enum Dir {
  Idle,
  Up,
  Down,
}

class Car {
  floor = 0;
  dir = Dir.Idle;
  moved = 0;
  private stops: boolean[] = [];

  constructor(readonly id: number, readonly floors: number) {
    for (let i = 0; i < floors; i++) this.stops.push(false);
  }

  request(f: number): void {
    if (f >= 0 && f < this.floors && f !== this.floor) this.stops[f] = true;
  }

  pending(): number {
    let n = 0;
    for (const s of this.stops) if (s) n++;
    return n;
  }

  private target(): number | null {
    if (this.dir !== Dir.Down) for (let f = this.floor + 1; f < this.floors; f++) if (this.stops[f]) return f;
    for (let f = this.floor - 1; f >= 0; f--) if (this.stops[f]) return f;
    for (let f = this.floor + 1; f < this.floors; f++) if (this.stops[f]) return f;
    return null;
  }

  step(): string {
    const t = this.target();
    if (t === null) {
      this.dir = Dir.Idle;
      return "";
    }
    this.dir = t > this.floor ? Dir.Up : Dir.Down;
    switch (this.dir) {
      case Dir.Up:
        this.floor++;
        break;
      default:
        this.floor--;
        break;
    }
    this.moved++;
    if (this.stops[this.floor]) {
      this.stops[this.floor] = false;
      return `car ${this.id} opens at ${this.floor}`;
    }
    return "";
  }
}

class Bank {
  cars: Car[] = [];
  constructor(n: number, floors: number) {
    for (let i = 0; i < n; i++) this.cars.push(new Car(i + 1, floors));
  }

  call(f: number): number {
    let best = this.cars[0];
    for (const c of this.cars) {
      const d = c.floor > f ? c.floor - f : f - c.floor;
      const bd = best.floor > f ? best.floor - f : f - best.floor;
      if (d + c.pending() < bd + best.pending()) best = c;
    }
    best.request(f);
    return best.id;
  }
}

const bank = new Bank(2, 12);
const calls = [7, 3, 11, 0, 5, 9, 2, 8];
for (let t = 0; t < 30; t++) {
  if (t % 3 === 0 && t / 3 < calls.length) {
    const f = calls[t / 3];
    console.log(`t=${t} call at ${f} -> car ${bank.call(f)}`);
  }
  for (const c of bank.cars) {
    const msg = c.step();
    if (msg !== "") console.log(`t=${t} ${msg}`);
  }
}
for (const c of bank.cars) console.log(`car ${c.id}: floor ${c.floor}, moved ${c.moved}, pending ${c.pending()}, ${Dir[c.dir]}`);
