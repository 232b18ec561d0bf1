// features: classes, string-enums, map-set, optional, nullish, string-methods, array-methods, arrows, template-literals, integers, nullable, for-of, spread, optional-chaining, readonly, private, interfaces, destructuring, enums, tuples, object-literals
enum Cabin {
  First = "F",
  Business = "J",
  Economy = "Y",
}

interface Passenger {
  name: string;
  cabin: Cabin;
  wantsWindow?: boolean;
  group?: string;
}

class Plane {
  private seats = new Map<string, string>();
  readonly layout: [Cabin, number, number, string][] = [
    [Cabin.First, 1, 2, "AD"],
    [Cabin.Business, 3, 5, "ACDF"],
    [Cabin.Economy, 6, 12, "ABCDEF"],
  ];

  private candidates(cabin: Cabin): string[] {
    const [, from, to, letters] = this.layout.find(([c]) => c === cabin)!;
    const out: string[] = [];
    for (let row = from; row <= to; row++) for (const l of letters) out.push(`${row}${l}`);
    return out.filter((s) => !this.seats.has(s));
  }

  private isWindow(seat: string): boolean {
    const l = seat.slice(-1);
    return l === "A" || l === "F" || (seat.startsWith("1") && seat.length === 2 && l === "D");
  }

  assign(p: Passenger): string | null {
    const free = this.candidates(p.cabin);
    const groupSeat = p.group ? [...this.seats].find(([, n]) => n.endsWith(`(${p.group})`))?.[0] : undefined;
    let pick: string | undefined;
    if (groupSeat) {
      const row = groupSeat.slice(0, -1);
      pick = free.find((s) => s.slice(0, -1) === row);
    }
    pick ??= p.wantsWindow ? free.find((s) => this.isWindow(s)) ?? free[0] : free.find((s) => !this.isWindow(s)) ?? free[0];
    if (pick === undefined) return null;
    this.seats.set(pick, p.group ? `${p.name} (${p.group})` : p.name);
    return pick;
  }

  manifest(): string[] {
    return [...this.seats].sort((a, b) => parseInt(a[0]) - parseInt(b[0]) || a[0].localeCompare(b[0])).map(([s, n]) => `${s.padStart(3)} ${n}`);
  }
}

const plane = new Plane();
const passengers: Passenger[] = [
  { name: "Ada", cabin: Cabin.First, wantsWindow: true },
  { name: "Bea", cabin: Cabin.First },
  { name: "Cal", cabin: Cabin.First },
  { name: "Dan", cabin: Cabin.Business, wantsWindow: true },
  { name: "Eli", cabin: Cabin.Economy, group: "smith" },
  { name: "Fay", cabin: Cabin.Economy, group: "smith" },
  { name: "Gil", cabin: Cabin.Economy, group: "smith" },
  { name: "Hal", cabin: Cabin.Economy, wantsWindow: true },
  { name: "Ivy", cabin: Cabin.Economy },
  { name: "Jon", cabin: Cabin.Business },
];
for (const p of passengers) {
  const seat = plane.assign(p);
  console.log(`${p.name} (${p.cabin}${p.wantsWindow ? ", window" : ""}${p.group ? ", group " + p.group : ""}): ${seat ?? "no seat"}`);
}
console.log("manifest:");
for (const line of plane.manifest()) console.log(line);
