// features: integers, template-literals, classes, private, for-of, math
class Sorter {
  private swaps = 0;
  private compares = 0;

  reset(): void {
    this.swaps = 0;
    this.compares = 0;
  }

  private less(a: number, b: number): boolean {
    this.compares++;
    return a < b;
  }

  private swap(xs: number[], i: number, j: number): void {
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
    this.swaps++;
  }

  selection(xs: number[]): void {
    for (let i = 0; i < xs.length - 1; i++) {
      let min = i;
      for (let j = i + 1; j < xs.length; j++) if (this.less(xs[j], xs[min])) min = j;
      if (min !== i) this.swap(xs, i, min);
    }
  }

  bubble(xs: number[]): void {
    for (let end = xs.length - 1; end > 0; end--) {
      let swapped = false;
      for (let i = 0; i < end; i++) {
        if (this.less(xs[i + 1], xs[i])) {
          this.swap(xs, i, i + 1);
          swapped = true;
        }
      }
      if (!swapped) break;
    }
  }

  shell(xs: number[]): void {
    for (let gap = Math.floor(xs.length / 2); gap > 0; gap = Math.floor(gap / 2)) {
      for (let i = gap; i < xs.length; i++) {
        for (let j = i; j >= gap && this.less(xs[j], xs[j - gap]); j -= gap) this.swap(xs, j, j - gap);
      }
    }
  }

  report(name: string, xs: number[]): string {
    let ok = true;
    for (let i = 1; i < xs.length; i++) if (xs[i - 1] > xs[i]) ok = false;
    return `${name}: sorted=${ok} compares=${this.compares} swaps=${this.swaps}`;
  }
}

function data(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(s % 1000);
  }
  return out;
}

function show(xs: number[], n: number): string {
  let s = "";
  for (let i = 0; i < n && i < xs.length; i++) s += (i > 0 ? " " : "") + xs[i];
  return s;
}

const sorter = new Sorter();
for (const n of [10, 100, 500]) {
  const a = data(n, n);
  const b = data(n, n);
  const c = data(n, n);
  sorter.reset();
  sorter.selection(a);
  console.log(`n=${n} ${sorter.report("selection", a)}`);
  sorter.reset();
  sorter.bubble(b);
  console.log(`n=${n} ${sorter.report("bubble", b)}`);
  sorter.reset();
  sorter.shell(c);
  console.log(`n=${n} ${sorter.report("shell", c)}`);
  console.log(`  first: ${show(a, 10)}`);
}
