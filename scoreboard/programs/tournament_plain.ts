// features: classes, enums, switch, integers, template-literals, private, for-of, accessors, readonly, string-methods
enum Outcome {
  HomeWin,
  Draw,
  AwayWin,
}

class Team {
  played = 0;
  won = 0;
  drawn = 0;
  lost = 0;
  goalsFor = 0;
  goalsAgainst = 0;
  constructor(readonly name: string, readonly strength: number) {}

  get points(): number {
    return this.won * 3 + this.drawn;
  }

  get diff(): number {
    return this.goalsFor - this.goalsAgainst;
  }
}

class League {
  private seed = 12345;
  private results: string[] = [];

  constructor(private teams: Team[]) {}

  private next(): number {
    this.seed = (this.seed * 1103) % 65521;
    return this.seed;
  }

  private goals(strength: number): number {
    return (this.next() % (strength + 2)) % 5;
  }

  play(home: Team, away: Team): Outcome {
    const h = this.goals(home.strength + 1);
    const a = this.goals(away.strength);
    home.played++;
    away.played++;
    home.goalsFor += h;
    home.goalsAgainst += a;
    away.goalsFor += a;
    away.goalsAgainst += h;
    let outcome = Outcome.Draw;
    if (h > a) outcome = Outcome.HomeWin;
    if (a > h) outcome = Outcome.AwayWin;
    switch (outcome) {
      case Outcome.HomeWin:
        home.won++;
        away.lost++;
        break;
      case Outcome.AwayWin:
        away.won++;
        home.lost++;
        break;
      case Outcome.Draw:
        home.drawn++;
        away.drawn++;
        break;
    }
    this.results.push(`${home.name} ${h}-${a} ${away.name}`);
    return outcome;
  }

  playAll(): void {
    for (const home of this.teams) for (const away of this.teams) if (home !== away) this.play(home, away);
  }

  table(): Team[] {
    const sorted: Team[] = [];
    for (const t of this.teams) sorted.push(t);
    for (let i = 1; i < sorted.length; i++) {
      const t = sorted[i];
      let j = i - 1;
      while (j >= 0 && (sorted[j].points < t.points || (sorted[j].points === t.points && sorted[j].diff < t.diff))) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = t;
    }
    return sorted;
  }

  firstResults(n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n && i < this.results.length; i++) out.push(this.results[i]);
    return out;
  }
}

const league = new League([new Team("Lions", 4), new Team("Tigers", 3), new Team("Bears", 2), new Team("Wolves", 3), new Team("Eagles", 1)]);
league.playAll();
for (const r of league.firstResults(8)) console.log(r);
console.log("team      P  W  D  L  GF GA  GD  Pts");
let pos = 1;
for (const t of league.table()) {
  const name = t.name + "          ";
  console.log(`${pos}. ${name.substring(0, 8)}${t.played}  ${t.won}  ${t.drawn}  ${t.lost}  ${t.goalsFor}  ${t.goalsAgainst}  ${t.diff}  ${t.points}`);
  pos++;
}
