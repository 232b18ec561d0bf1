// features: classes, private, integers, array-methods, arrows, template-literals, for-of, static, readonly, map-set
class Automaton {
  private cells: boolean[];
  private readonly table: boolean[];
  generation = 0;

  constructor(readonly rule: number, width: number, seed: number[] = [Math.floor(width / 2)]) {
    this.cells = new Array<boolean>(width).fill(false);
    for (const s of seed) this.cells[s] = true;
    this.table = [];
    for (let i = 0; i < 8; i++) this.table.push(((rule >> i) & 1) === 1);
  }

  step(): void {
    const n = this.cells.length;
    const next = this.cells.map((_, i) => {
      const l = this.cells[(i - 1 + n) % n] ? 4 : 0;
      const c = this.cells[i] ? 2 : 0;
      const r = this.cells[(i + 1) % n] ? 1 : 0;
      return this.table[l | c | r];
    });
    this.cells = next;
    this.generation++;
  }

  get population(): number {
    return this.cells.filter((c) => c).length;
  }

  render(): string {
    return this.cells.map((c) => (c ? "#" : ".")).join("");
  }

  signature(): string {
    let bits = 0;
    this.cells.forEach((c, i) => {
      if (c) bits = (bits * 31 + i) % 1000003;
    });
    return bits.toString(36);
  }

  static describe(rule: number): string {
    const outs: string[] = [];
    for (let i = 7; i >= 0; i--) outs.push(`${i.toString(2).padStart(3, "0")}->${(rule >> i) & 1}`);
    return outs.join(" ");
  }
}

for (const rule of [30, 90]) {
  console.log(`rule ${rule}: ${Automaton.describe(rule)}`);
  const a = new Automaton(rule, 31);
  for (let g = 0; g < 12; g++) {
    console.log(`${String(a.generation).padStart(2)} ${a.render()} ${a.population}`);
    a.step();
  }
}

const seen = new Map<string, number>();
const b = new Automaton(110, 24, [3, 4, 10, 20]);
let cycleAt = -1;
for (let g = 0; g < 200; g++) {
  const sig = b.render();
  const prev = seen.get(sig);
  if (prev !== undefined) {
    cycleAt = prev;
    break;
  }
  seen.set(sig, b.generation);
  b.step();
}
console.log(`rule 110 width 24: ${cycleAt >= 0 ? `gen ${b.generation} repeats gen ${cycleAt} (period ${b.generation - cycleAt})` : "no cycle in 200"}, sig ${b.signature()}`);
const pops = [0, 1, 2, 3, 4, 5].map((k) => {
  const a = new Automaton(184, 20, [0, 1, 2, 5, 9, 10, 15]);
  for (let i = 0; i < k * 3; i++) a.step();
  return a.population;
});
console.log(`rule 184 conserves traffic: ${pops.join(",")}`);
