// features: interfaces, classes, inheritance, abstract, generics, generic-constraints, array-methods, arrows, floats, math, template-literals, readonly, static, spread, nullish, instanceof, map-set, accessors, for-of, string-methods, destructuring
interface Maintainable {
  readonly serviceInterval: number;
  odometer: number;
}

abstract class Vehicle implements Maintainable {
  static fleetSize = 0;
  odometer = 0;
  lastService = 0;
  abstract readonly serviceInterval: number;
  abstract readonly consumption: number;
  constructor(readonly plate: string) {
    Vehicle.fleetSize++;
  }
  drive(km: number): number {
    this.odometer += km;
    return (km * this.consumption) / 100;
  }
  needsService(): boolean {
    return this.odometer - this.lastService >= this.serviceInterval;
  }
}

class Van extends Vehicle {
  readonly serviceInterval = 20000;
  readonly consumption = 9.5;
}

class Truck extends Vehicle {
  readonly serviceInterval = 30000;
  constructor(plate: string, readonly loadTons: number) {
    super(plate);
  }
  get consumption(): number {
    return 25 + this.loadTons * 1.5;
  }
}

class EBike extends Vehicle {
  readonly serviceInterval = 5000;
  readonly consumption = 0;
}

function due<T extends Maintainable & { plate: string }>(items: T[]): string[] {
  return items.filter((v) => v.odometer >= v.serviceInterval).map((v) => v.plate);
}

function byKey<T, K extends keyof T>(xs: T[], key: K): Map<T[K], T[]> {
  const m = new Map<T[K], T[]>();
  for (const x of xs) m.set(x[key], [...(m.get(x[key]) ?? []), x]);
  return m;
}

const fleet: Vehicle[] = [new Van("VAN-1"), new Van("VAN-2"), new Truck("TRK-1", 12), new Truck("TRK-2", 3.5), new EBike("BIKE-1")];
let fuel = 0;
let seed = 5;
for (let week = 1; week <= 12; week++) {
  for (const v of fleet) {
    seed = (seed * 16807) % 2147483647;
    const km = v instanceof EBike ? 150 + (seed % 300) : 800 + (seed % 2500);
    fuel += v.drive(km);
    if (v.needsService()) {
      console.log(`week ${week}: service ${v.plate} at ${v.odometer} km`);
      v.lastService = v.odometer;
    }
  }
}
for (const v of fleet) console.log(`${v.plate.padEnd(7)} ${String(v.odometer).padStart(6)} km, ${v.consumption.toFixed(1)} l/100km`);
console.log(`fuel used ${fuel.toFixed(1)} l, cost ${(fuel * 1.85).toFixed(2)}, fleet size ${Vehicle.fleetSize}`);
console.log(`ever past first interval: ${due(fleet).join(", ")}`);
const groups = byKey(fleet, "serviceInterval");
for (const [k, vs] of groups) console.log(`interval ${k}: ${vs.map((v) => v.plate).join(" ")}`);
