// features: type-aliases, object-literals, array-methods, arrows, template-literals, for-of, destructuring, floats, math, literal-unions, readonly, tuples
type Subject = "math" | "science" | "art" | "history";
type Scores = Record<Subject, number>;

interface Student {
  readonly name: string;
  scores: Scores;
}

const SUBJECTS = ["math", "science", "art", "history"] as const;

const students: Student[] = [
  { name: "Ava", scores: { math: 92, science: 88, art: 71, history: 80 } },
  { name: "Ben", scores: { math: 65, science: 72, art: 95, history: 88 } },
  { name: "Cara", scores: { math: 78, science: 91, art: 84, history: 67 } },
  { name: "Dev", scores: { math: 99, science: 97, art: 60, history: 75 } },
  { name: "Eli", scores: { math: 55, science: 61, art: 77, history: 93 } },
];

const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stddev = (xs: readonly number[]) => {
  const m = avg(xs);
  return Math.sqrt(avg(xs.map((x) => (x - m) ** 2)));
};

function grade(score: number): string {
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  if (score >= 60) return "D";
  return "F";
}

console.log(`${"name".padEnd(6)}${SUBJECTS.map((s) => s.padStart(9)).join("")}      avg`);
for (const { name, scores } of students) {
  const vals = SUBJECTS.map((s) => scores[s]);
  console.log(`${name.padEnd(6)}${vals.map((v) => `${v} ${grade(v)}`.padStart(9)).join("")}${avg(vals).toFixed(2).padStart(9)}`);
}

const perSubject: Record<string, { mean: number; sd: number; best: string }> = {};
for (const subj of SUBJECTS) {
  const vals = students.map((st) => st.scores[subj]);
  const best = students.reduce((a, b) => (b.scores[subj] > a.scores[subj] ? b : a));
  perSubject[subj] = { mean: avg(vals), sd: stddev(vals), best: best.name };
}
for (const [subj, { mean, sd, best }] of Object.entries(perSubject)) {
  console.log(`${subj.padEnd(8)} mean ${mean.toFixed(1)} sd ${sd.toFixed(2)} best ${best}`);
}

const ranked = students
  .map((st) => [st.name, avg(Object.values(st.scores))] as [string, number])
  .sort((a, b) => b[1] - a[1]);
ranked.forEach(([name, a], i) => console.log(`${i + 1}. ${name} ${a.toFixed(2)}`));

const curve = (s: Scores, bonus: Partial<Scores>): Scores => ({
  math: Math.min(100, s.math + (bonus.math ?? 0)),
  science: Math.min(100, s.science + (bonus.science ?? 0)),
  art: Math.min(100, s.art + (bonus.art ?? 0)),
  history: Math.min(100, s.history + (bonus.history ?? 0)),
});
const curved = students.map((st) => ({ ...st, scores: curve(st.scores, { math: 5, art: 3 }) }));
console.log(curved.map((st) => `${st.name}:${st.scores.math}/${st.scores.art}`).join(" "));
console.log(`original Ava math still ${students[0].scores.math}`);

const gradeCounts: Record<string, number> = {};
for (const st of students) for (const s of SUBJECTS) {
  const g = grade(st.scores[s]);
  gradeCounts[g] = (gradeCounts[g] ?? 0) + 1;
}
console.log(Object.keys(gradeCounts).sort().map((g) => `${g}=${gradeCounts[g]}`).join(" "));
const strongest = (st: Student): Subject => SUBJECTS.reduce((a, b) => (st.scores[b] > st.scores[a] ? b : a));
console.log(students.map((st) => `${st.name}->${strongest(st)}`).join(", "));
