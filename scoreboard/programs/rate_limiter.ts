// features: classes, interfaces, floats, math, map-set, template-literals, private, readonly, array-methods, closures, arrows, spread, nullish, for-of, string-methods, destructuring, object-literals
interface Limiter {
  allow(client: string, now: number): boolean;
  readonly name: string;
}

class TokenBucket implements Limiter {
  readonly name: string;
  private buckets = new Map<string, { tokens: number; last: number }>();
  constructor(private readonly capacity: number, private readonly perSecond: number) {
    this.name = `token bucket (${capacity}, ${perSecond}/s)`;
  }
  allow(client: string, now: number): boolean {
    const b = this.buckets.get(client) ?? { tokens: this.capacity, last: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.last) / 1000) * this.perSecond);
    b.last = now;
    this.buckets.set(client, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

class SlidingWindow implements Limiter {
  readonly name: string;
  private hits = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number) {
    this.name = `sliding window (${max} per ${windowMs}ms)`;
  }
  allow(client: string, now: number): boolean {
    const recent = (this.hits.get(client) ?? []).filter((t) => t > now - this.windowMs);
    const ok = recent.length < this.max;
    if (ok) recent.push(now);
    this.hits.set(client, recent);
    return ok;
  }
}

function simulate(limiter: Limiter): void {
  let seed = 5;
  const next = () => {
    seed = (seed * 69069 + 1) % 4294967296;
    return seed / 4294967296;
  };
  const stats = new Map<string, [number, number]>();
  let now = 0;
  for (let i = 0; i < 300; i++) {
    now += Math.floor(next() * 40);
    const client = next() < 0.6 ? "alice" : next() < 0.5 ? "bob" : "carol";
    const [ok, denied] = stats.get(client) ?? [0, 0];
    stats.set(client, limiter.allow(client, now) ? [ok + 1, denied] : [ok, denied + 1]);
  }
  console.log(`${limiter.name}, ${(now / 1000).toFixed(3)} s simulated`);
  for (const [client, [ok, denied]] of [...stats].sort()) {
    console.log(`  ${client.padEnd(6)} allowed ${String(ok).padStart(3)} denied ${String(denied).padStart(3)} (${((100 * denied) / (ok + denied)).toFixed(1)}%)`);
  }
}

const limiters: Limiter[] = [new TokenBucket(5, 10), new TokenBucket(20, 2), new SlidingWindow(10, 1000), new SlidingWindow(3, 200)];
limiters.forEach(simulate);
