// features: enums, interfaces, optional, map-set, array-methods, spread, recursion, template-literals, destructuring, for-of, optional-chaining, nullish, floats, math
enum Role { Engineer, Manager, Designer, Intern }

interface Employee {
  id: number;
  name: string;
  role: Role;
  salary: number;
  managerId?: number;
  skills: string[];
}

const staff: Employee[] = [
  { id: 1, name: "Ada", role: Role.Manager, salary: 150000, skills: ["leadership", "math"] },
  { id: 2, name: "Bob", role: Role.Engineer, salary: 120000, managerId: 1, skills: ["ts", "go"] },
  { id: 3, name: "Cy", role: Role.Engineer, salary: 110000, managerId: 1, skills: ["ts", "rust", "c"] },
  { id: 4, name: "Di", role: Role.Designer, salary: 95000, managerId: 1, skills: ["figma"] },
  { id: 5, name: "Ed", role: Role.Intern, salary: 40000, managerId: 2, skills: [] },
];

const byRole = new Map<Role, Employee[]>();
for (const e of staff) {
  if (!byRole.has(e.role)) byRole.set(e.role, []);
  byRole.get(e.role)!.push(e);
}
for (const [role, list] of byRole) {
  const avg = list.reduce((s, e) => s + e.salary, 0) / list.length;
  console.log(`${Role[role]}: ${list.map((e) => e.name).join(", ")} (avg ${avg.toLocaleString("en-US")})`);
}

function reportsTo(managerId: number): string[] {
  return staff.filter((e) => e.managerId === managerId).flatMap((e) => [e.name, ...reportsTo(e.id).map((n) => "  " + n)]);
}
console.log(reportsTo(1).join("\n"));

const allSkills = [...new Set(staff.flatMap((e) => e.skills))].sort();
console.log(allSkills.join(" "));
const payroll = Math.max(...staff.map((e) => e.salary)) - Math.min(...staff.map((e) => e.salary));
console.log("spread", payroll);
const raise = (e: Employee, pct: number): Employee => ({ ...e, salary: Math.round(e.salary * (1 + pct / 100)) });
const raised = staff.map((e) => (e.role === Role.Engineer ? raise(e, 5) : e));
console.log(raised.filter((e, i) => e !== staff[i]).map((e) => `${e.name}:${e.salary}`));
const manager = staff.find((e) => e.id === staff[4].managerId);
console.log(manager?.name, staff.find((e) => e.id === 99)?.name ?? "none");
