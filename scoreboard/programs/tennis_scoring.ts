// features: literal-unions, type-aliases, classes, switch, template-literals, string-methods, integers, private, tuples, accessors, for-of, array-methods, math, nullable, destructuring, object-literals
type Player = "A" | "B";
type PointName = "love" | "15" | "30" | "40";

const NAMES: PointName[] = ["love", "15", "30", "40"];

class Game {
  private points: Record<Player, number> = { A: 0, B: 0 };
  winner: Player | null = null;

  point(p: Player): void {
    if (this.winner) return;
    this.points[p]++;
    const a = this.points.A;
    const b = this.points.B;
    if ((a >= 4 || b >= 4) && Math.abs(a - b) >= 2) this.winner = a > b ? "A" : "B";
  }

  score(): string {
    const { A: a, B: b } = this.points;
    if (this.winner) return `game ${this.winner}`;
    if (a >= 3 && b >= 3) {
      switch (a - b) {
        case 0: return "deuce";
        case 1: return "advantage A";
        case -1: return "advantage B";
      }
    }
    if (a === b) return `${NAMES[a]}-all`;
    return `${NAMES[a]}-${NAMES[b]}`;
  }
}

class Match {
  private games: [number, number] = [0, 0];
  private sets: string[] = [];
  private current = new Game();
  log: string[] = [];

  point(p: Player): void {
    this.current.point(p);
    const w = this.current.winner;
    if (w === null) return;
    this.games[w === "A" ? 0 : 1]++;
    const [ga, gb] = this.games;
    if ((ga >= 6 || gb >= 6) && Math.abs(ga - gb) >= 2) {
      this.sets.push(`${ga}-${gb}`);
      this.log.push(`set ${this.sets.length} to ${ga > gb ? "A" : "B"} ${ga}-${gb}`);
      this.games = [0, 0];
    }
    this.current = new Game();
  }

  get status(): string {
    return `sets [${this.sets.join(", ")}] games ${this.games[0]}-${this.games[1]} (${this.current.score()})`;
  }
}

const g = new Game();
const rally = "AABBABABBAAA";
for (const c of rally) {
  g.point(c as Player);
  console.log(`${c} -> ${g.score()}`);
}

let seed = 11;
const m = new Match();
for (let i = 0; i < 400; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  m.point(seed % 100 < 53 ? "A" : "B");
  if (i % 80 === 79) console.log(`after ${i + 1} points: ${m.status}`);
}
for (const line of m.log) console.log(line);
