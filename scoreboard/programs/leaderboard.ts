// features: classes, map-set, interfaces, array-methods, arrows, template-literals, nullable, optional-chaining, destructuring, static, spread, nullish, readonly, private, for-of, string-methods, math, floats, default-params, object-literals
interface Entry {
  player: string;
  score: number;
  games: number;
  best: number;
}

class Leaderboard {
  private entries = new Map<string, Entry>();
  static readonly TOP = 5;

  submit(player: string, score: number): void {
    const e = this.entries.get(player);
    if (e) {
      e.score += score;
      e.games++;
      e.best = Math.max(e.best, score);
    } else {
      this.entries.set(player, { player, score, games: 1, best: score });
    }
  }

  ranked(): Entry[] {
    return [...this.entries.values()].sort((a, b) => b.score - a.score || b.best - a.best || a.player.localeCompare(b.player));
  }

  rankOf(player: string): number | null {
    const i = this.ranked().findIndex((e) => e.player === player);
    return i < 0 ? null : i + 1;
  }

  top(n = Leaderboard.TOP): string[] {
    let prevScore = -1;
    let prevRank = 0;
    return this.ranked()
      .slice(0, n)
      .map((e, i) => {
        const rank = e.score === prevScore ? prevRank : i + 1;
        prevScore = e.score;
        prevRank = rank;
        const avg = (e.score / e.games).toFixed(1);
        return `${String(rank).padStart(2)}. ${e.player.padEnd(8)} ${String(e.score).padStart(5)}  best ${String(e.best).padStart(4)}  avg ${avg}`;
      });
  }
}

const board = new Leaderboard();
let seed = 31337;
const rnd = (n: number) => {
  seed = (seed * 214013 + 2531011) % 4294967296;
  return Math.floor((seed / 4294967296) * n);
};
const players = ["ada", "linus", "grace", "ken", "barbara", "dennis", "margaret"];
for (let round = 1; round <= 4; round++) {
  for (const p of players) if (rnd(10) < 8) board.submit(p, 100 + rnd(900));
  console.log(`after round ${round}:`);
  for (const line of board.top(3)) console.log("  " + line);
}
console.log("final top 5:");
for (const line of board.top()) console.log("  " + line);
for (const p of ["grace", "ken", "nobody"]) console.log(`rank of ${p}: ${board.rankOf(p) ?? "unranked"}`);
const [first, second] = board.ranked();
console.log(`lead: ${first.player} by ${first.score - second.score} over ${second?.player}`);
const tie = new Leaderboard();
tie.submit("x", 10);
tie.submit("y", 20);
tie.submit("z", 10);
tie.submit("w", 5);
tie.top().forEach((l) => console.log(l));
