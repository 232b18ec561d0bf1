// features: classes, integers, private, array-methods, template-literals, nullable, string-methods, for-of, spread, nullish, arrows, fluent, destructuring, tuples
class BowlingGame {
  private rolls: number[] = [];

  roll(pins: number): this {
    this.rolls.push(pins);
    return this;
  }

  frameScores(): (number | null)[] {
    const out: (number | null)[] = [];
    let i = 0;
    let total = 0;
    for (let frame = 0; frame < 10; frame++) {
      const r = this.rolls;
      if (i >= r.length) {
        out.push(null);
        continue;
      }
      if (r[i] === 10) {
        if (i + 2 >= r.length) { out.push(null); i++; continue; }
        total += 10 + r[i + 1] + r[i + 2];
        i += 1;
      } else if (r[i] + (r[i + 1] ?? 0) === 10) {
        if (i + 2 >= r.length) { out.push(null); i += 2; continue; }
        total += 10 + r[i + 2];
        i += 2;
      } else {
        if (i + 1 >= r.length) { out.push(null); i++; continue; }
        total += r[i] + r[i + 1];
        i += 2;
      }
      out.push(total);
    }
    return out;
  }

  score(): number {
    const f = this.frameScores();
    let last = 0;
    for (const s of f) if (s !== null) last = s;
    return last;
  }

  card(): string {
    const marks: string[] = [];
    let i = 0;
    const r = this.rolls;
    while (i < r.length) {
      if (r[i] === 10 && marks.length < 9) {
        marks.push("X");
        i++;
      } else if (marks.length < 9) {
        const a = r[i];
        const b = r[i + 1];
        marks.push(b === undefined ? `${a}` : a + b === 10 ? `${a}/` : `${a || "-"}${b || "-"}`);
        i += 2;
      } else {
        marks.push(r.slice(i).map((x) => (x === 10 ? "X" : String(x))).join(""));
        break;
      }
    }
    return marks.join("|");
  }
}

function game(rolls: number[]): BowlingGame {
  const g = new BowlingGame();
  for (const p of rolls) g.roll(p);
  return g;
}

const games: [string, number[]][] = [
  ["gutter game", new Array<number>(20).fill(0)],
  ["all ones", new Array<number>(20).fill(1)],
  ["one spare", [5, 5, 3, ...new Array<number>(17).fill(0)]],
  ["one strike", [10, 3, 4, ...new Array<number>(16).fill(0)]],
  ["perfect game", new Array<number>(12).fill(10)],
  ["all spares", new Array<number>(21).fill(5)],
  ["typical", [10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1]],
  ["in progress", [10, 10, 4]],
];
for (const [name, rolls] of games) {
  const g = game(rolls);
  const frames = g.frameScores().map((s) => (s === null ? "." : String(s)));
  console.log(`${name.padEnd(13)} ${String(g.score()).padStart(3)}  ${g.card()}`);
  console.log(`${"".padEnd(18)}${frames.join(" ")}`);
}
