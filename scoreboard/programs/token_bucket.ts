// features: classes, interfaces, private, accessors, floats, math, arrows, template-literals, map-set, for-of, readonly, nullish
interface Clock {
  now(): number;
}

class FakeClock implements Clock {
  private t = 0;
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

interface Limiter {
  readonly name: string;
  tryAcquire(key: string): boolean;
}

class TokenBucket implements Limiter {
  readonly name = "token-bucket";
  private buckets = new Map<string, { tokens: number; last: number }>();
  constructor(private clock: Clock, private capacity: number, private refillPerSec: number) {}

  tryAcquire(key: string): boolean {
    const now = this.clock.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, last: now };
    const elapsed = (now - b.last) / 1000;
    b.tokens = Math.min(this.capacity, b.tokens + elapsed * this.refillPerSec);
    b.last = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  tokens(key: string): number {
    return this.buckets.get(key)?.tokens ?? this.capacity;
  }
}

class SlidingWindow implements Limiter {
  readonly name = "sliding-window";
  private hits = new Map<string, number[]>();
  constructor(private clock: Clock, private limit: number, private windowMs: number) {}

  tryAcquire(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const ok = recent.length < this.limit;
    if (ok) recent.push(now);
    this.hits.set(key, recent);
    return ok;
  }

  get trackedKeys(): number {
    return this.hits.size;
  }
}

const clock = new FakeClock();
const bucket = new TokenBucket(clock, 3, 2);
const window = new SlidingWindow(clock, 3, 1000);
const limiters: Limiter[] = [bucket, window];

const schedule: [number, string][] = [
  [0, "alice"], [0, "alice"], [0, "alice"], [0, "alice"], [100, "bob"],
  [200, "alice"], [250, "alice"], [500, "alice"], [900, "alice"], [1000, "alice"],
  [1001, "bob"], [1100, "alice"], [1500, "alice"], [2600, "alice"], [2600, "alice"],
];

const stats = new Map<string, { ok: number; denied: number }>();
for (const [at, who] of schedule) {
  clock.advance(at - clock.now());
  const results = limiters.map((lim) => {
    const ok = lim.tryAcquire(who);
    const key = `${lim.name}/${who}`;
    const s = stats.get(key) ?? { ok: 0, denied: 0 };
    if (ok) s.ok++;
    else s.denied++;
    stats.set(key, s);
    return ok ? "ok " : "NO ";
  });
  console.log(`t=${String(at).padStart(4)} ${who.padEnd(5)} ${results.join(" ")} tokens=${bucket.tokens(who).toFixed(2)}`);
}
for (const [key, s] of [...stats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  console.log(`${key}: ${s.ok} allowed, ${s.denied} denied`);
}
console.log(`window tracks ${window.trackedKeys} keys`);
