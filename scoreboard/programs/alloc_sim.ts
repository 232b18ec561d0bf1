// features: classes, type-aliases, nullable, private, array-methods, arrows, template-literals, for-of, integers, tuples, destructuring
type Block = { start: number; size: number; owner: string | null };

class Heap {
  private blocks: Block[];
  constructor(readonly size: number) {
    this.blocks = [{ start: 0, size, owner: null }];
  }

  alloc(owner: string, size: number, strategy: "first" | "best" = "first"): number | null {
    const aligned = (size + 7) & ~7;
    const free = this.blocks.filter((b) => b.owner === null && b.size >= aligned);
    if (free.length === 0) return null;
    const chosen = strategy === "first" ? free[0] : free.reduce((a, b) => (b.size < a.size ? b : a));
    const i = this.blocks.indexOf(chosen);
    if (chosen.size > aligned) {
      this.blocks.splice(i + 1, 0, { start: chosen.start + aligned, size: chosen.size - aligned, owner: null });
      chosen.size = aligned;
    }
    chosen.owner = owner;
    return chosen.start;
  }

  free(addr: number): boolean {
    const i = this.blocks.findIndex((b) => b.start === addr && b.owner !== null);
    if (i < 0) return false;
    this.blocks[i].owner = null;
    this.coalesce();
    return true;
  }

  private coalesce(): void {
    const merged: Block[] = [];
    for (const b of this.blocks) {
      const last = merged.length > 0 ? merged[merged.length - 1] : null;
      if (last !== null && last.owner === null && b.owner === null) last.size += b.size;
      else merged.push({ ...b });
    }
    this.blocks = merged;
  }

  stats(): [used: number, free: number, largestFree: number, fragments: number] {
    const frees = this.blocks.filter((b) => b.owner === null);
    const used = this.blocks.filter((b) => b.owner !== null).reduce((n, b) => n + b.size, 0);
    const largest = frees.reduce((m, b) => Math.max(m, b.size), 0);
    return [used, this.size - used, largest, frees.length];
  }

  map(): string {
    const scale = this.size / 32;
    return this.blocks
      .map((b) => (b.owner === null ? "." : b.owner[0]).repeat(Math.max(1, Math.round(b.size / scale))))
      .join("|");
  }
}

function run(strategy: "first" | "best"): void {
  console.log(`--- ${strategy} fit ---`);
  const h = new Heap(256);
  const addrs = new Map<string, number>();
  const script: [string, number][] = [
    ["A", 40], ["B", 20], ["C", 64], ["D", 10], ["-B", 0], ["E", 12], ["-D", 0],
    ["F", 30], ["-A", 0], ["G", 48], ["H", 100], ["-C", 0], ["I", 70], ["J", 8],
  ];
  for (const [op, size] of script) {
    if (op.startsWith("-")) {
      const name = op.slice(1);
      const a = addrs.get(name);
      const ok = a !== undefined && h.free(a);
      console.log(`free ${name}: ${ok ? "ok" : "bad"}  ${h.map()}`);
    } else {
      const a = h.alloc(op, size, strategy);
      if (a === null) {
        console.log(`alloc ${op}(${size}): out of memory`);
      } else {
        addrs.set(op, a);
        console.log(`alloc ${op}(${size}) @${a}  ${h.map()}`);
      }
    }
  }
  const [used, free, largest, frags] = h.stats();
  console.log(`used=${used} free=${free} largest=${largest} fragments=${frags}`);
  console.log(`double free: ${h.free(addrs.get("A") ?? -1)}`);
}

run("first");
run("best");
