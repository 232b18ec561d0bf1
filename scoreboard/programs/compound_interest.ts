// features: floats, math, interfaces, default-params, template-literals, string-methods, for-of, object-literals, array-methods, nullish, arrows, optional, destructuring
interface Plan {
  name: string;
  principal: number;
  rate: number;
  years: number;
  perYear?: number;
  monthly?: number;
}

function compound(principal: number, rate: number, years: number, perYear = 12): number {
  return principal * Math.pow(1 + rate / perYear, perYear * years);
}

function continuous(principal: number, rate: number, years: number): number {
  return principal * Math.exp(rate * years);
}

function withContributions(p: Plan): number {
  const n = p.perYear ?? 12;
  let balance = p.principal;
  for (let period = 0; period < p.years * n; period++) {
    balance *= 1 + p.rate / n;
    balance += p.monthly ?? 0;
  }
  return balance;
}

function money(x: number): string {
  const [whole, cents] = x.toFixed(2).split(".");
  let out = "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += ",";
    out += whole[i];
  }
  return `$${out}.${cents}`;
}

function yearsToDouble(rate: number): number {
  return Math.log(2) / Math.log(1 + rate);
}

const plans: Plan[] = [
  { name: "savings", principal: 1000, rate: 0.02, years: 10 },
  { name: "bond", principal: 5000, rate: 0.045, years: 7, perYear: 2 },
  { name: "index", principal: 10000, rate: 0.07, years: 30, perYear: 1 },
  { name: "retire", principal: 0, rate: 0.06, years: 25, monthly: 500 },
  { name: "daily", principal: 2500, rate: 0.035, years: 5, perYear: 365 },
];
for (const p of plans) {
  const v = p.monthly ? withContributions(p) : compound(p.principal, p.rate, p.years, p.perYear);
  console.log(`${p.name.padEnd(8)} ${money(v).padStart(14)}  (${(p.rate * 100).toFixed(1)}% for ${p.years}y)`);
}
console.log("continuous vs monthly, $1000 at 5%:");
for (const y of [1, 5, 10, 20]) {
  const c = continuous(1000, 0.05, y);
  const m = compound(1000, 0.05, y);
  console.log(`  ${String(y).padStart(2)}y ${c.toFixed(4)} ${m.toFixed(4)} diff ${(c - m).toFixed(4)}`);
}
console.log("rule of 72 check:");
for (const r of [0.01, 0.03, 0.06, 0.08, 0.12]) {
  const exact = yearsToDouble(r);
  const rule = 72 / (r * 100);
  console.log(`  ${(r * 100).toFixed(0)}%: exact ${exact.toFixed(2)} rule ${rule.toFixed(2)} error ${(Math.abs(exact - rule) / exact * 100).toFixed(2)}%`);
}
const total = plans.map((p) => p.principal).reduce((a, b) => a + b, 0);
console.log(`total principal ${money(total)}`);
