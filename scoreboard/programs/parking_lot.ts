// features: abstract, inheritance, classes, enums, static, nullable, array-methods, template-literals, for-of, instanceof, optional-chaining, accessors, readonly, private, arrows, string-methods, math, destructuring, floats, tuples
enum Size {
  Small = 1,
  Medium = 2,
  Large = 3,
}

abstract class Vehicle {
  static count = 0;
  readonly id: number;
  constructor(readonly plate: string) {
    this.id = ++Vehicle.count;
  }
  abstract get size(): Size;
  abstract hourlyRate(): number;
  toString(): string {
    return `${this.constructor.name}(${this.plate})`;
  }
}

class Motorbike extends Vehicle {
  get size(): Size { return Size.Small; }
  hourlyRate(): number { return 1; }
}
class Car extends Vehicle {
  get size(): Size { return Size.Medium; }
  hourlyRate(): number { return 2.5; }
}
class Truck extends Vehicle {
  constructor(plate: string, readonly axles: number) { super(plate); }
  get size(): Size { return Size.Large; }
  hourlyRate(): number { return 4 + this.axles; }
}

class Spot {
  vehicle: Vehicle | null = null;
  since = 0;
  constructor(readonly label: string, readonly size: Size) {}
}

class ParkingLot {
  private spots: Spot[] = [];
  revenue = 0;
  constructor(layout: [string, Size][]) {
    for (const [label, size] of layout) this.spots.push(new Spot(label, size));
  }

  park(v: Vehicle, hour: number): string {
    const spot = this.spots.filter((s) => s.vehicle === null && s.size >= v.size).sort((a, b) => a.size - b.size)[0];
    if (!spot) return `no room for ${v}`;
    spot.vehicle = v;
    spot.since = hour;
    return `${v} -> ${spot.label} (${Size[spot.size]})`;
  }

  leave(plate: string, hour: number): string {
    const spot = this.spots.find((s) => s.vehicle?.plate === plate);
    if (!spot || !spot.vehicle) return `${plate} is not here`;
    const v = spot.vehicle;
    const hours = Math.max(1, hour - spot.since);
    const fee = hours * v.hourlyRate();
    this.revenue += fee;
    spot.vehicle = null;
    return `${v} leaves ${spot.label} after ${hours}h, pays ${fee.toFixed(2)}`;
  }

  occupancy(): string {
    return this.spots.map((s) => (s.vehicle ? (s.vehicle instanceof Truck ? "T" : s.vehicle instanceof Car ? "C" : "M") : ".")).join("");
  }
}

const lot = new ParkingLot([["A1", Size.Small], ["A2", Size.Small], ["B1", Size.Medium], ["B2", Size.Medium], ["B3", Size.Medium], ["C1", Size.Large]]);
const events: [number, string, Vehicle | string][] = [
  [0, "in", new Car("CAR-1")], [0, "in", new Motorbike("BIKE-1")], [1, "in", new Truck("TRK-1", 3)],
  [1, "in", new Car("CAR-2")], [2, "in", new Truck("TRK-2", 2)], [2, "in", new Motorbike("BIKE-2")],
  [3, "in", new Motorbike("BIKE-3")], [3, "in", new Car("CAR-3")], [4, "in", new Car("CAR-4")],
  [5, "out", "TRK-1"], [5, "in", new Truck("TRK-2b", 2)], [6, "out", "CAR-1"], [7, "out", "BIKE-9"],
  [9, "out", "BIKE-1"], [9, "out", "TRK-2b"], [12, "out", "CAR-2"],
];
for (const [hour, kind, what] of events) {
  const msg = kind === "in" && what instanceof Vehicle ? lot.park(what, hour) : lot.leave(String(what), hour);
  console.log(`h${String(hour).padStart(2, "0")} ${lot.occupancy()} ${msg}`);
}
console.log(`revenue ${lot.revenue.toFixed(2)}, vehicles created ${Vehicle.count}`);
