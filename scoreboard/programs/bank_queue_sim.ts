// features: classes, private, floats, math, closures, interfaces, nullable, array-methods, arrows, template-literals, spread, readonly, for-of, object-literals
interface Customer {
  id: number;
  arrival: number;
  service: number;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

class Teller {
  busyUntil = 0;
  served = 0;
  current: Customer | null = null;
  constructor(readonly name: string) {}
}

class Simulation {
  private queue: Customer[] = [];
  private waits: number[] = [];
  private maxQueue = 0;
  private tellers: Teller[];

  constructor(tellers: number, private readonly rand: () => number) {
    this.tellers = Array.from({ length: tellers }, (_, i) => new Teller(`T${i + 1}`));
  }

  run(minutes: number, arrivalRate: number): void {
    let nextId = 1;
    for (let t = 0; t < minutes; t++) {
      if (this.rand() < arrivalRate) {
        const service = 2 + Math.floor(this.rand() * 7);
        this.queue.push({ id: nextId++, arrival: t, service });
      }
      for (const teller of this.tellers) {
        if (teller.busyUntil <= t) {
          teller.current = null;
          const c = this.queue.shift();
          if (c) {
            teller.current = c;
            teller.busyUntil = t + c.service;
            teller.served++;
            this.waits.push(t - c.arrival);
          }
        }
      }
      this.maxQueue = Math.max(this.maxQueue, this.queue.length);
    }
  }

  report(label: string): void {
    const n = this.waits.length;
    const avg = n ? this.waits.reduce((a, b) => a + b, 0) / n : 0;
    const longest = n ? Math.max(...this.waits) : 0;
    const p90 = n ? [...this.waits].sort((a, b) => a - b)[Math.floor(n * 0.9)] : 0;
    console.log(`${label}: served ${n}, avg wait ${avg.toFixed(2)} min, p90 ${p90}, longest ${longest}, max queue ${this.maxQueue}, left waiting ${this.queue.length}`);
    console.log("  " + this.tellers.map((t) => `${t.name}=${t.served}`).join(" "));
  }
}

for (const tellers of [1, 2, 3, 4]) {
  const sim = new Simulation(tellers, lcg(2024));
  sim.run(480, 0.45);
  sim.report(`${tellers} teller${tellers > 1 ? "s" : ""}`);
}
for (const rate of [0.2, 0.3, 0.5, 0.7]) {
  const sim = new Simulation(3, lcg(7));
  sim.run(240, rate);
  sim.report(`rate ${rate}`);
}
