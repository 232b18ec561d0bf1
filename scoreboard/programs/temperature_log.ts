// features: classes, accessors, floats, math, private, static, template-literals, array-methods, arrows, readonly, nullable, spread, optional-chaining, for-of, string-methods
class Thermometer {
  private static readonly ABS_ZERO = -273.15;
  private celsius: number;
  private readings: number[] = [];

  constructor(readonly location: string, initial: number) {
    this.celsius = initial;
  }

  get fahrenheit(): number {
    return (this.celsius * 9) / 5 + 32;
  }

  set fahrenheit(f: number) {
    this.temperature = ((f - 32) * 5) / 9;
  }

  get temperature(): number {
    return this.celsius;
  }

  set temperature(c: number) {
    this.celsius = Math.max(Thermometer.ABS_ZERO, c);
    this.readings.push(this.celsius);
  }

  get kelvin(): number {
    return this.celsius - Thermometer.ABS_ZERO;
  }

  get average(): number | null {
    return this.readings.length ? this.readings.reduce((a, b) => a + b, 0) / this.readings.length : null;
  }

  get range(): string {
    if (!this.readings.length) return "no readings";
    return `${Math.min(...this.readings).toFixed(1)}..${Math.max(...this.readings).toFixed(1)}`;
  }
}

const t = new Thermometer("lab", 20);
console.log(`${t.location}: ${t.temperature} C = ${t.fahrenheit} F = ${t.kelvin.toFixed(2)} K, avg ${t.average}`);
t.temperature = 25.5;
t.fahrenheit = 100;
t.temperature = -300;
t.fahrenheit = -40;
console.log(`now ${t.temperature.toFixed(3)} C, ${t.fahrenheit.toFixed(3)} F, ${t.kelvin.toFixed(2)} K`);
console.log(`average ${t.average?.toFixed(4)}, range ${t.range}`);
const sensors = ["north", "south", "attic", "cellar"].map((loc, i) => new Thermometer(loc, 10 + i * 3));
let seed = 11;
for (let hour = 0; hour < 24; hour++) {
  for (const s of sensors) {
    seed = (seed * 16807) % 2147483647;
    s.temperature = s.temperature + ((seed % 100) - 50) / 25 + Math.sin((hour * Math.PI) / 12);
  }
}
for (const s of sensors) console.log(`${s.location.padEnd(7)} now ${s.temperature.toFixed(2).padStart(6)} C / ${s.fahrenheit.toFixed(1).padStart(5)} F avg ${s.average!.toFixed(3)} range ${s.range}`);
const warmest = sensors.reduce((a, b) => (b.average! > a.average! ? b : a));
console.log(`warmest on average: ${warmest.location}`);
