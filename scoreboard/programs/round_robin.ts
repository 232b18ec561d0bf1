// features: classes, interfaces, enums, switch, integers, array-methods, arrows, template-literals, nullable, private, readonly, nullish, for-of, string-methods, floats, default-params, object-literals
enum ProcState {
  Ready,
  Running,
  Blocked,
  Done,
}

interface Proc {
  readonly pid: number;
  readonly name: string;
  remaining: number;
  ioEvery: number;
  ioLeft: number;
  state: ProcState;
  waited: number;
  finishedAt: number | null;
}

class Scheduler {
  private ready: Proc[] = [];
  private all: Proc[] = [];
  private clock = 0;
  private switches = 0;
  private trace = "";

  constructor(private readonly quantum: number) {}

  spawn(name: string, burst: number, ioEvery = 0): void {
    const p: Proc = { pid: this.all.length + 1, name, remaining: burst, ioEvery, ioLeft: 0, state: ProcState.Ready, waited: 0, finishedAt: null };
    this.all.push(p);
    this.ready.push(p);
  }

  private tickBlocked(): void {
    for (const p of this.all) {
      if (p.state !== ProcState.Blocked) continue;
      if (--p.ioLeft <= 0) {
        p.state = ProcState.Ready;
        this.ready.push(p);
      }
    }
  }

  run(): void {
    while (this.all.some((p) => p.state !== ProcState.Done)) {
      const p = this.ready.shift();
      if (!p) {
        this.clock++;
        this.trace += ".";
        this.tickBlocked();
        continue;
      }
      p.state = ProcState.Running;
      this.switches++;
      let used = 0;
      while (used < this.quantum && p.remaining > 0) {
        p.remaining--;
        used++;
        this.clock++;
        this.trace += p.name[0];
        for (const q of this.ready) q.waited++;
        this.tickBlocked();
        if (p.ioEvery > 0 && p.remaining > 0 && used % p.ioEvery === 0) break;
      }
      switch (true) {
        case p.remaining === 0:
          p.state = ProcState.Done;
          p.finishedAt = this.clock;
          break;
        case p.ioEvery > 0 && used % p.ioEvery === 0:
          p.state = ProcState.Blocked;
          p.ioLeft = 3;
          break;
        default:
          p.state = ProcState.Ready;
          this.ready.push(p);
      }
    }
  }

  report(): void {
    console.log(`quantum ${this.quantum}: ${this.clock} ticks, ${this.switches} dispatches`);
    console.log(`  ${this.trace}`);
    for (const p of this.all) console.log(`  ${p.pid} ${p.name.padEnd(7)} ${ProcState[p.state]} at ${p.finishedAt}, waited ${p.waited}`);
    const avg = this.all.reduce((s, p) => s + (p.finishedAt ?? 0), 0) / this.all.length;
    console.log(`  average turnaround ${avg.toFixed(2)}`);
  }
}

for (const q of [1, 3, 8]) {
  const s = new Scheduler(q);
  s.spawn("editor", 6, 2);
  s.spawn("compile", 12);
  s.spawn("backup", 5, 4);
  s.spawn("mail", 3);
  s.run();
  s.report();
}
