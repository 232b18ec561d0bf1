// features: classes, private, integers, template-literals, accessors, static, inheritance, readonly
class Counter {
  private static instances = 0;
  protected value = 0;
  private increments = 0;

  constructor(readonly name: string, protected step: number) {
    Counter.instances++;
  }

  static get count(): number {
    return Counter.instances;
  }

  increment(): number {
    this.value += this.step;
    this.increments++;
    return this.value;
  }

  get current(): number {
    return this.value;
  }

  set current(v: number) {
    this.value = v < 0 ? 0 : v;
  }

  get calls(): number {
    return this.increments;
  }

  describe(): string {
    return `${this.name}=${this.value} after ${this.increments} increments`;
  }
}

class WrappingCounter extends Counter {
  private wraps = 0;

  constructor(name: string, step: number, private limit: number) {
    super(name, step);
  }

  override increment(): number {
    const v = super.increment();
    if (v >= this.limit) {
      this.value = v - this.limit;
      this.wraps++;
    }
    return this.value;
  }

  override describe(): string {
    return `${super.describe()}, wrapped ${this.wraps} times`;
  }
}

class Odometer {
  private wheels: WrappingCounter[] = [];

  constructor(digits: number) {
    for (let i = 0; i < digits; i++) this.wheels.push(new WrappingCounter(`d${i}`, 1, 10));
  }

  tick(): void {
    let i = 0;
    while (i < this.wheels.length && this.wheels[i].increment() === 0) i++;
  }

  reading(): string {
    let s = "";
    for (let i = this.wheels.length - 1; i >= 0; i--) s += `${this.wheels[i].current}`;
    return s;
  }
}

const a = new Counter("a", 3);
const w = new WrappingCounter("w", 7, 20);
for (let i = 0; i < 10; i++) {
  a.increment();
  w.increment();
}
console.log(a.describe());
console.log(w.describe());
a.current = -5;
console.log(`after setting -5: ${a.current}`);
const odo = new Odometer(4);
for (let km = 1; km <= 1234; km++) {
  odo.tick();
  if (km === 9 || km === 10 || km === 99 || km === 100 || km === 999 || km === 1234) console.log(`km ${km}: ${odo.reading()}`);
}
console.log(`counters created: ${Counter.count}`);
