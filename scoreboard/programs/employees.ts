// features: classes, inheritance, abstract, accessors, static, recursion, array-methods, arrows, template-literals, floats, instanceof, private, spread, readonly, for-of, string-methods, math, fluent, default-params
abstract class Employee {
  private static nextId = 1;
  readonly id: number;
  protected reports: Employee[] = [];

  constructor(readonly name: string, private _salary: number) {
    this.id = Employee.nextId++;
  }

  get salary(): number {
    return this._salary;
  }

  set salary(v: number) {
    if (v < 0) return;
    this._salary = Math.round(v * 100) / 100;
  }

  abstract get title(): string;

  add(e: Employee): this {
    this.reports.push(e);
    return this;
  }

  teamCost(): number {
    return this.salary + this.reports.reduce((s, r) => s + r.teamCost(), 0);
  }

  headcount(): number {
    return 1 + this.reports.reduce((n, r) => n + r.headcount(), 0);
  }

  print(indent = 0): void {
    console.log(`${"  ".repeat(indent)}${this.title} ${this.name} #${this.id} ${this.salary.toFixed(2)}`);
    for (const r of this.reports) r.print(indent + 1);
  }

  all(): Employee[] {
    return [this, ...this.reports.flatMap((r) => r.all())];
  }
}

class Engineer extends Employee {
  constructor(name: string, salary: number, readonly level: number) {
    super(name, salary);
  }
  get title(): string {
    return `Engineer L${this.level}`;
  }
}

class Manager extends Employee {
  get title(): string {
    return "Manager";
  }
}

class Director extends Manager {
  override get title(): string {
    return "Director";
  }
}

const cto = new Director("Ruth", 250000);
const m1 = new Manager("Sam", 160000).add(new Engineer("Ivy", 120000, 3)).add(new Engineer("Joe", 98000.5, 2));
const m2 = new Manager("Kim", 155000).add(new Engineer("Lou", 135000, 4)).add(new Engineer("Max", 87000, 1)).add(new Engineer("Ned", 91000, 1));
cto.add(m1).add(m2).add(new Engineer("Oz", 180000, 5));
cto.print();
console.log(`headcount ${cto.headcount()}, cost ${cto.teamCost().toFixed(2)}`);
console.log(`Sam's team ${m1.headcount()} people, ${m1.teamCost().toFixed(2)}`);
const everyone = cto.all();
const engineers = everyone.filter((e): e is Engineer => e instanceof Engineer);
console.log(`engineers: ${engineers.length}, managers: ${everyone.filter((e) => e instanceof Manager).length}`);
for (const e of engineers) e.salary = e.salary * (1 + 0.03 * e.level);
console.log(`after raises: ${engineers.map((e) => `${e.name}=${e.salary}`).join(" ")}`);
m2.salary = -5;
console.log(`negative raise ignored: ${m2.salary}; new cost ${cto.teamCost().toFixed(2)}`);
const avg = engineers.reduce((s, e) => s + e.salary, 0) / engineers.length;
console.log(`average engineer salary ${avg.toFixed(2)}`);
