// features: classes, interfaces, arrows, closures, array-methods, template-literals, private, nullable, literal-unions, for-of, switch
type TaskState = "ready" | "running" | "blocked" | "done";

interface TaskSpec {
  name: string;
  priority: number;
  steps: number;
  blocksOn?: string;
}

class Task {
  state: TaskState = "ready";
  progress = 0;
  waitedTicks = 0;
  constructor(readonly id: number, readonly spec: TaskSpec) {}

  get effectivePriority(): number {
    return this.spec.priority + Math.floor(this.waitedTicks / 3);
  }
}

class Scheduler {
  private tasks: Task[] = [];
  private nextId = 1;
  private log: string[] = [];
  private tick = 0;
  private listeners: ((t: Task, tick: number) => void)[] = [];

  add(spec: TaskSpec): Task {
    const t = new Task(this.nextId++, spec);
    this.tasks.push(t);
    return t;
  }

  onFinish(fn: (t: Task, tick: number) => void): void {
    this.listeners.push(fn);
  }

  private find(name: string): Task | undefined {
    return this.tasks.find((t) => t.spec.name === name);
  }

  private pick(): Task | null {
    const ready = this.tasks.filter((t) => t.state === "ready");
    if (ready.length === 0) return null;
    ready.sort((a, b) => b.effectivePriority - a.effectivePriority || a.id - b.id);
    return ready[0];
  }

  private refreshBlocked(): void {
    for (const t of this.tasks) {
      const dep = t.spec.blocksOn;
      if (dep === undefined) continue;
      const other = this.find(dep);
      const ok = other === undefined || other.state === "done";
      if (t.state === "ready" && !ok) t.state = "blocked";
      else if (t.state === "blocked" && ok) t.state = "ready";
    }
  }

  run(maxTicks: number): string[] {
    while (this.tick < maxTicks) {
      this.refreshBlocked();
      const t = this.pick();
      if (t === null) break;
      this.tick++;
      t.state = "running";
      t.progress++;
      t.waitedTicks = 0;
      for (const other of this.tasks) {
        if (other !== t && other.state === "ready") other.waitedTicks++;
      }
      this.log.push(`${this.tick}:${t.spec.name}`);
      if (t.progress >= t.spec.steps) {
        t.state = "done";
        this.listeners.forEach((fn) => fn(t, this.tick));
      } else {
        t.state = "ready";
      }
    }
    return this.log;
  }

  summary(): string[] {
    return this.tasks.map((t) => {
      let mark: string;
      switch (t.state) {
        case "done": mark = "+"; break;
        case "blocked": mark = "x"; break;
        default: mark = "-";
      }
      return `${mark} #${t.id} ${t.spec.name} ${t.progress}/${t.spec.steps}`;
    });
  }
}

const s = new Scheduler();
const specs: TaskSpec[] = [
  { name: "compile", priority: 5, steps: 3 },
  { name: "test", priority: 4, steps: 2, blocksOn: "compile" },
  { name: "lint", priority: 1, steps: 2 },
  { name: "deploy", priority: 9, steps: 1, blocksOn: "test" },
  { name: "docs", priority: 2, steps: 4 },
  { name: "orphan", priority: 3, steps: 1, blocksOn: "never-ends" },
];
specs.forEach((sp) => s.add(sp));
s.add({ name: "never-ends", priority: 0, steps: 100 });

const finished: string[] = [];
let lastTick = 0;
s.onFinish((t, tick) => {
  finished.push(t.spec.name);
  lastTick = tick;
});
s.onFinish((t, tick) => console.log(`finished ${t.spec.name} at tick ${tick}`));

const log = s.run(20);
for (let i = 0; i < log.length; i += 5) {
  console.log(log.slice(i, i + 5).join(" "));
}
console.log(`order: ${finished.join(" > ")} (last at ${lastTick})`);
s.summary().forEach((line) => console.log(line));
