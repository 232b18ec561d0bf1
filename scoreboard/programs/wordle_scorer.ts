// features: literal-unions, type-aliases, string-methods, array-methods, arrows, map-set, template-literals, for-of, tuples, spread, nullish, destructuring, object-literals
type Mark = "green" | "yellow" | "gray";

function score(guess: string, answer: string): Mark[] {
  const marks: Mark[] = new Array<Mark>(guess.length).fill("gray");
  const left = new Map<string, number>();
  for (let i = 0; i < answer.length; i++) {
    if (guess[i] === answer[i]) marks[i] = "green";
    else left.set(answer[i], (left.get(answer[i]) ?? 0) + 1);
  }
  for (let i = 0; i < guess.length; i++) {
    if (marks[i] === "green") continue;
    const n = left.get(guess[i]) ?? 0;
    if (n > 0) {
      marks[i] = "yellow";
      left.set(guess[i], n - 1);
    }
  }
  return marks;
}

const symbol: Record<Mark, string> = { green: "G", yellow: "Y", gray: "." };
const render = (m: Mark[]) => m.map((x) => symbol[x]).join("");

const WORDS = ["crane", "slate", "trace", "crate", "react", "cater", "stare", "tears", "rates", "aster", "eerie", "geese", "speed", "creep", "apple", "pleat"];

function consistent(word: string, history: [string, string][]): boolean {
  return history.every(([g, pattern]) => render(score(g, word)) === pattern);
}

function solve(answer: string): string[] {
  const history: [string, string][] = [];
  const lines: string[] = [];
  let candidates = [...WORDS];
  for (let turn = 1; turn <= 6; turn++) {
    const guess = candidates[0];
    const pattern = render(score(guess, answer));
    history.push([guess, pattern]);
    lines.push(`  ${turn}. ${guess} ${pattern} (${candidates.length} candidates)`);
    if (guess === answer) break;
    candidates = candidates.filter((w) => consistent(w, history));
  }
  return lines;
}

for (const [g, a] of [["crane", "trace"], ["geese", "eerie"], ["speed", "creep"], ["apple", "pleat"], ["slate", "slate"]]) {
  console.log(`${g} vs ${a}: ${render(score(g, a))}`);
}
for (const answer of ["tears", "creep", "pleat"]) {
  console.log(`solving ${answer}:`);
  for (const l of solve(answer)) console.log(l);
}
