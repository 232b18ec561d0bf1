// features: interfaces, classes, floats, math, array-methods, arrows, map-set, template-literals, string-methods, destructuring, spread, rest-params, nullish, private, for-of, type-aliases, literal-unions, object-literals
interface Student {
  name: string;
  scores: number[];
}

type Letter = "A" | "B" | "C" | "D" | "F";

class GradeBook {
  private students: Student[] = [];
  private weights: number[];

  constructor(...weights: number[]) {
    const sum = weights.reduce((a, b) => a + b, 0);
    this.weights = weights.map((w) => w / sum);
  }

  add(name: string, ...scores: number[]): void {
    this.students.push({ name, scores });
  }

  average(s: Student): number {
    return s.scores.reduce((acc, score, i) => acc + score * this.weights[i], 0);
  }

  letter(avg: number): Letter {
    if (avg >= 90) return "A";
    if (avg >= 80) return "B";
    if (avg >= 70) return "C";
    if (avg >= 60) return "D";
    return "F";
  }

  report(): void {
    const ranked = [...this.students].sort((a, b) => this.average(b) - this.average(a));
    ranked.forEach((s, i) => {
      const avg = this.average(s);
      console.log(`${String(i + 1).padStart(2)}. ${s.name.padEnd(8)} ${s.scores.map((x) => String(x).padStart(3)).join(" ")}  ${avg.toFixed(2)} ${this.letter(avg)}`);
    });
  }

  distribution(): Map<Letter, number> {
    const d = new Map<Letter, number>();
    for (const s of this.students) {
      const l = this.letter(this.average(s));
      d.set(l, (d.get(l) ?? 0) + 1);
    }
    return d;
  }

  columnStats(i: number): { min: number; max: number; mean: number } {
    const col = this.students.map((s) => s.scores[i]);
    return { min: Math.min(...col), max: Math.max(...col), mean: col.reduce((a, b) => a + b, 0) / col.length };
  }
}

const book = new GradeBook(20, 20, 25, 35);
book.add("Ann", 95, 88, 92, 97);
book.add("Bob", 72, 65, 80, 70);
book.add("Cleo", 88, 91, 79, 85);
book.add("Dmitri", 55, 62, 48, 70);
book.add("Eve", 100, 100, 99, 98);
book.add("Fay", 81, 79, 85, 77);
book.add("Gus", 60, 58, 65, 61);
book.report();
const dist = book.distribution();
for (const l of ["A", "B", "C", "D", "F"] as Letter[]) {
  console.log(`${l}: ${"*".repeat(dist.get(l) ?? 0)}`);
}
for (let i = 0; i < 4; i++) {
  const { min, max, mean } = book.columnStats(i);
  console.log(`test ${i + 1}: min ${min} max ${max} mean ${mean.toFixed(3)}`);
}
