// features: interfaces, type-aliases, floats, math, readonly, array-methods, arrows, template-literals, optional, nullish, literal-unions, for-of, nullable, destructuring, object-literals
type FilingStatus = "single" | "married" | "head";

interface Bracket {
  readonly upTo: number | null;
  readonly rate: number;
}

interface Taxpayer {
  name: string;
  status: FilingStatus;
  income: number;
  deductions?: number;
  dependents?: number;
}

const BRACKETS: Record<FilingStatus, readonly Bracket[]> = {
  single: [{ upTo: 11000, rate: 0.1 }, { upTo: 44725, rate: 0.12 }, { upTo: 95375, rate: 0.22 }, { upTo: 182100, rate: 0.24 }, { upTo: null, rate: 0.32 }],
  married: [{ upTo: 22000, rate: 0.1 }, { upTo: 89450, rate: 0.12 }, { upTo: 190750, rate: 0.22 }, { upTo: null, rate: 0.24 }],
  head: [{ upTo: 15700, rate: 0.1 }, { upTo: 59850, rate: 0.12 }, { upTo: 95350, rate: 0.22 }, { upTo: null, rate: 0.24 }],
};
const STANDARD: Record<FilingStatus, number> = { single: 13850, married: 27700, head: 20800 };

function tax(taxable: number, brackets: readonly Bracket[]): { total: number; parts: string[] } {
  let lower = 0;
  let total = 0;
  const parts: string[] = [];
  for (const b of brackets) {
    const upper = b.upTo ?? Infinity;
    if (taxable <= lower) break;
    const slice = Math.min(taxable, upper) - lower;
    const t = slice * b.rate;
    total += t;
    parts.push(`${(b.rate * 100).toFixed(0)}% of ${slice.toFixed(0)}`);
    lower = upper;
  }
  return { total, parts };
}

function compute(p: Taxpayer): void {
  const deduction = Math.max(p.deductions ?? 0, STANDARD[p.status]);
  const taxable = Math.max(0, p.income - deduction);
  const { total, parts } = tax(taxable, BRACKETS[p.status]);
  const credit = Math.min(total, (p.dependents ?? 0) * 2000);
  const owed = total - credit;
  const effective = p.income > 0 ? (owed / p.income) * 100 : 0;
  console.log(`${p.name} (${p.status}): income ${p.income.toFixed(2)}, deduction ${deduction}, taxable ${taxable.toFixed(2)}`);
  console.log(`  ${parts.join(" + ") || "nothing taxable"}`);
  console.log(`  tax ${total.toFixed(2)} - credit ${credit.toFixed(2)} = ${owed.toFixed(2)}, effective ${effective.toFixed(2)}%`);
}

const people: Taxpayer[] = [
  { name: "Ava", status: "single", income: 52000 },
  { name: "Ben", status: "single", income: 250000, deductions: 31000 },
  { name: "Chen", status: "married", income: 120500.5, dependents: 2 },
  { name: "Dara", status: "head", income: 38000, dependents: 1 },
  { name: "Eli", status: "single", income: 9000 },
  { name: "Fox", status: "married", income: 610000, deductions: 45000, dependents: 3 },
];
people.forEach(compute);
const totalOwed = people.map((p) => p.income).reduce((a, b) => a + b, 0);
console.log(`combined income ${totalOwed.toFixed(2)}`);
