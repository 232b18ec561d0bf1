// features: classes, interfaces, literal-unions, nullable, integers, array-methods, arrows, template-literals, private, for-of, switch, nullish, readonly, string-methods, math, type-aliases, destructuring, floats, tuples, object-literals
type Strategy = "first" | "best" | "worst";

interface Block {
  start: number;
  size: number;
  owner: string | null;
}

class Heap {
  private blocks: Block[];
  private failures = 0;

  constructor(readonly size: number, private strategy: Strategy) {
    this.blocks = [{ start: 0, size, owner: null }];
  }

  alloc(owner: string, size: number): number | null {
    const free = this.blocks.filter((b) => b.owner === null && b.size >= size);
    let chosen: Block | undefined;
    switch (this.strategy) {
      case "first": chosen = free[0]; break;
      case "best": chosen = free.sort((a, b) => a.size - b.size)[0]; break;
      case "worst": chosen = free.sort((a, b) => b.size - a.size)[0]; break;
    }
    if (!chosen) {
      this.failures++;
      return null;
    }
    const i = this.blocks.indexOf(chosen);
    if (chosen.size > size) this.blocks.splice(i + 1, 0, { start: chosen.start + size, size: chosen.size - size, owner: null });
    chosen.size = size;
    chosen.owner = owner;
    return chosen.start;
  }

  free(owner: string): number {
    let freed = 0;
    for (const b of this.blocks) if (b.owner === owner) {
      b.owner = null;
      freed += b.size;
    }
    for (let i = 0; i + 1 < this.blocks.length; ) {
      const a = this.blocks[i];
      const b = this.blocks[i + 1];
      if (a.owner === null && b.owner === null) {
        a.size += b.size;
        this.blocks.splice(i + 1, 1);
      } else i++;
    }
    return freed;
  }

  map(): string {
    return this.blocks.map((b) => (b.owner ?? ".").charAt(0).repeat(Math.max(1, b.size / 8))).join("");
  }

  stats(): string {
    const free = this.blocks.filter((b) => b.owner === null);
    const total = free.reduce((s, b) => s + b.size, 0);
    const largest = free.reduce((m, b) => Math.max(m, b.size), 0);
    const frag = total === 0 ? 0 : 1 - largest / total;
    return `free ${total} in ${free.length} holes, largest ${largest}, fragmentation ${(frag * 100).toFixed(1)}%, failures ${this.failures}`;
  }
}

const script: [string, string, number][] = [
  ["alloc", "A", 64], ["alloc", "B", 128], ["alloc", "C", 32], ["alloc", "D", 96], ["free", "B", 0],
  ["alloc", "E", 40], ["free", "D", 0], ["alloc", "F", 120], ["alloc", "G", 24], ["free", "A", 0],
  ["alloc", "H", 200], ["alloc", "I", 56],
];
for (const strategy of ["first", "best", "worst"] as Strategy[]) {
  const heap = new Heap(512, strategy);
  console.log(`${strategy} fit:`);
  for (const [op, who, size] of script) {
    if (op === "alloc") {
      const at = heap.alloc(who, size);
      if (at === null) console.log(`  alloc ${who} ${size}: FAILED`);
    } else heap.free(who);
  }
  console.log(`  ${heap.map()}`);
  console.log(`  ${heap.stats()}`);
}
