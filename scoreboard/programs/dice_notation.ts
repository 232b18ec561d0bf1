// features: classes, string-methods, nullable, closures, arrows, array-methods, template-literals, interfaces, math, integers, map-set, spread, nullish, private, for-of, optional, destructuring, object-literals
interface Roll {
  count: number;
  sides: number;
  modifier: number;
  keepHighest?: number;
}

function parse(s: string): Roll | null {
  const m = /^(\d*)d(\d+)(?:k(\d+))?([+-]\d+)?$/.exec(s.replace(/\s+/g, ""));
  if (!m) return null;
  return { count: m[1] ? Number(m[1]) : 1, sides: Number(m[2]), keepHighest: m[3] ? Number(m[3]) : undefined, modifier: m[4] ? Number(m[4]) : 0 };
}

function makeRng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

class Dice {
  rolls = 0;
  constructor(private rng: () => number) {}

  roll(r: Roll): { total: number; faces: number[] } {
    const faces = Array.from({ length: r.count }, () => 1 + Math.floor(this.rng() * r.sides));
    this.rolls += r.count;
    const kept = r.keepHighest ? [...faces].sort((a, b) => b - a).slice(0, r.keepHighest) : faces;
    return { total: kept.reduce((a, b) => a + b, 0) + r.modifier, faces };
  }
}

function expected(r: Roll): number {
  return r.keepHighest ? NaN : (r.count * (r.sides + 1)) / 2 + r.modifier;
}

const dice = new Dice(makeRng(7));
for (const s of ["d20", "3d6", "2d8+3", "4d6k3", "1d100-50", "d6 + 1", "3x6", "0d4"]) {
  const r = parse(s);
  if (!r) {
    console.log(`${s}: not dice notation`);
    continue;
  }
  const { total, faces } = dice.roll(r);
  const e = expected(r);
  console.log(`${s.padEnd(9)} -> ${String(total).padStart(4)} [${faces.join(",")}]${isNaN(e) ? "" : ` expected ${e}`}`);
}
const r = parse("3d6")!;
const hist = new Map<number, number>();
for (let i = 0; i < 3000; i++) {
  const t = dice.roll(r).total;
  hist.set(t, (hist.get(t) ?? 0) + 1);
}
for (let t = 3; t <= 18; t++) console.log(`${String(t).padStart(2)} ${"*".repeat(Math.round((hist.get(t) ?? 0) / 10))}`);
console.log(`dice thrown: ${dice.rolls}`);
