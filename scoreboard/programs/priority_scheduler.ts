// features: classes, generics, generic-constraints, interfaces, private, readonly, array-methods, arrows, template-literals, nullable, optional, for-of, floats, math, enums, static
enum Priority { Low = 1, Normal = 5, High = 10 }

interface Task { readonly id: number; name: string; priority: Priority; duration: number; deps?: number[] }

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number { return this.items.length; }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

class Scheduler {
  private static nextId = 1;
  private tasks = new Map<number, Task>();
  private done = new Set<number>();
  add(name: string, priority = Priority.Normal, duration = 1, deps?: number[]): number {
    const id = Scheduler.nextId++;
    this.tasks.set(id, { id, name, priority, duration, deps });
    return id;
  }
  run(workers: number): string[] {
    const log: string[] = [];
    const ready = new MinHeap<Task>((a, b) => a.priority !== b.priority ? a.priority > b.priority : a.id < b.id);
    const waiting = new Set(this.tasks.keys());
    const release = () => {
      for (const id of [...waiting]) {
        const t = this.tasks.get(id)!;
        if ((t.deps ?? []).every((d) => this.done.has(d))) { ready.push(t); waiting.delete(id); }
      }
    };
    release();
    let clock = 0;
    const busy: { task: Task; until: number }[] = [];
    while (ready.size > 0 || busy.length > 0) {
      while (busy.length < workers && ready.size > 0) {
        const t = ready.pop()!;
        busy.push({ task: t, until: clock + t.duration });
        log.push(`t=${clock.toFixed(1)} start ${t.name} (${Priority[t.priority]})`);
      }
      busy.sort((a, b) => a.until - b.until || a.task.id - b.task.id);
      const next = busy.shift();
      if (!next) break;
      clock = next.until;
      this.done.add(next.task.id);
      log.push(`t=${clock.toFixed(1)} done  ${next.task.name}`);
      release();
    }
    if (waiting.size) log.push(`blocked: ${[...waiting].map((id) => this.tasks.get(id)?.name ?? "?").join(", ")}`);
    return log;
  }
}

const s = new Scheduler();
const fetch = s.add("fetch", Priority.High, 2.5);
const parse = s.add("parse", Priority.Normal, 1.25, [fetch]);
s.add("lint", Priority.Low, 0.5);
const build = s.add("build", Priority.High, 3, [parse]);
s.add("test", Priority.Normal, 2, [build]);
s.add("docs", Priority.Low, 1);
s.add("deploy", Priority.High, 1, [build, 99]);
for (const line of s.run(2)) console.log(line);
