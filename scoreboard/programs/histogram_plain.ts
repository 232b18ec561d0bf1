// features: integers, classes, private, template-literals, string-methods, math
class Histogram {
  private bins: number[] = [];
  private total = 0;
  private min = 0;
  private max = 0;

  constructor(private lo: number, private hi: number, private width: number) {
    const n = Math.floor((hi - lo) / width);
    for (let i = 0; i < n; i++) this.bins.push(0);
  }

  add(v: number): void {
    if (this.total === 0 || v < this.min) this.min = v;
    if (this.total === 0 || v > this.max) this.max = v;
    this.total++;
    if (v < this.lo || v >= this.hi) return;
    this.bins[Math.floor((v - this.lo) / this.width)]++;
  }

  mode(): number {
    let best = 0;
    for (let i = 1; i < this.bins.length; i++) if (this.bins[i] > this.bins[best]) best = i;
    return this.lo + best * this.width;
  }

  print(scale: number): void {
    for (let i = 0; i < this.bins.length; i++) {
      const from = this.lo + i * this.width;
      let label = `${from}`;
      while (label.length < 4) label = " " + label;
      let bar = "";
      for (let k = 0; k < Math.floor(this.bins[i] / scale); k++) bar += "=";
      console.log(`${label} | ${bar} ${this.bins[i]}`);
    }
    console.log(`n=${this.total} min=${this.min} max=${this.max} mode bin=${this.mode()}`);
  }
}

let seed = 2024;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
}

// sum of four dice approximates a bell curve
const dice = new Histogram(4, 25, 1);
for (let i = 0; i < 2000; i++) {
  let s = 0;
  for (let d = 0; d < 4; d++) s += (Math.floor(next() / 65536) % 6) + 1;
  dice.add(s);
}
dice.print(10);

const uniform = new Histogram(0, 100, 10);
for (let i = 0; i < 500; i++) uniform.add(Math.floor(next() / 65536) % 120);
uniform.print(5);
