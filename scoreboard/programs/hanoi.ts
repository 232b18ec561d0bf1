// features: recursion, integers, template-literals, tuples, closures, arrows, literal-unions, array-methods, for-of, string-methods, type-aliases, destructuring, object-literals
type Peg = "A" | "B" | "C";
type Move = [number, Peg, Peg];

function hanoi(n: number, from: Peg, to: Peg, via: Peg, out: Move[]): void {
  if (n === 0) return;
  hanoi(n - 1, from, via, to, out);
  out.push([n, from, to]);
  hanoi(n - 1, via, to, from, out);
}

function simulate(n: number, moves: Move[]): boolean {
  const pegs: Record<Peg, number[]> = { A: [], B: [], C: [] };
  for (let d = n; d >= 1; d--) pegs.A.push(d);
  for (const [disk, from, to] of moves) {
    const top = pegs[from].pop();
    if (top !== disk) return false;
    const dest = pegs[to];
    if (dest.length > 0 && dest[dest.length - 1] < disk) return false;
    dest.push(disk);
  }
  return pegs.C.length === n;
}

function show(n: number, moves: Move[], limit: number): void {
  const pegs: Record<Peg, number[]> = { A: [], B: [], C: [] };
  for (let d = n; d >= 1; d--) pegs.A.push(d);
  const state = () => (["A", "B", "C"] as Peg[]).map((p) => `${p}[${pegs[p].join("")}]`).join(" ");
  console.log(`start      ${state()}`);
  moves.slice(0, limit).forEach(([disk, from, to], i) => {
    pegs[to].push(pegs[from].pop()!);
    console.log(`${String(i + 1).padStart(2)}: ${disk} ${from}->${to} ${state()}`);
  });
}

const three: Move[] = [];
hanoi(3, "A", "C", "B", three);
show(3, three, 7);
for (let n = 1; n <= 16; n += 3) {
  const moves: Move[] = [];
  hanoi(n, "A", "C", "B", moves);
  const counts = { A: 0, B: 0, C: 0 };
  for (const [, from] of moves) counts[from]++;
  console.log(`n=${n}: ${moves.length} moves (2^n-1=${2 ** n - 1}) valid=${simulate(n, moves)} from A:${counts.A} B:${counts.B} C:${counts.C}`);
}
