// features: classes, private, string-methods, switch, floats, math, nullable, union-values, typeof, template-literals, arrows, for-of, array-methods, type-aliases, destructuring, tuples
type Result = number | string;

class RPN {
  private stack: number[] = [];

  private pop2(): [number, number] | null {
    if (this.stack.length < 2) return null;
    const b = this.stack.pop()!;
    const a = this.stack.pop()!;
    return [a, b];
  }

  eval(line: string): Result {
    this.stack = [];
    for (const tok of line.split(/\s+/).filter((t) => t.length > 0)) {
      const n = Number(tok);
      if (!isNaN(n)) {
        this.stack.push(n);
        continue;
      }
      if (tok === "sqrt" || tok === "neg" || tok === "dup") {
        const a = this.stack.pop();
        if (a === undefined) return `stack underflow at '${tok}'`;
        if (tok === "sqrt") this.stack.push(Math.sqrt(a));
        else if (tok === "neg") this.stack.push(-a);
        else this.stack.push(a, a);
        continue;
      }
      const args = this.pop2();
      if (args === null) return `stack underflow at '${tok}'`;
      const [a, b] = args;
      switch (tok) {
        case "+": this.stack.push(a + b); break;
        case "-": this.stack.push(a - b); break;
        case "*": this.stack.push(a * b); break;
        case "/":
          if (b === 0) return "division by zero";
          this.stack.push(a / b);
          break;
        case "%": this.stack.push(a % b); break;
        case "^": this.stack.push(a ** b); break;
        case "max": this.stack.push(Math.max(a, b)); break;
        default:
          return `unknown token '${tok}'`;
      }
    }
    if (this.stack.length !== 1) return `expected one result, stack has ${this.stack.length}`;
    return this.stack[0];
  }
}

const calc = new RPN();
const programs = [
  "3 4 +",
  "5 1 2 + 4 * + 3 -",
  "2 3 ^ 2 ^",
  "10 3 /",
  "10 3 %",
  "-7 2 %",
  "2 sqrt dup *",
  "1 0 /",
  "1 +",
  "4 5 6",
  "3 4 foo",
  "0.1 0.2 +",
  "1.5 neg 2.25 max",
  "1e21 1 +",
  "100 7 / 7 *",
];
let ok = 0;
for (const p of programs) {
  const r = calc.eval(p);
  if (typeof r === "number") {
    ok++;
    console.log(`${p.padEnd(20)} = ${r}`);
  } else {
    console.log(`${p.padEnd(20)} ! ${r}`);
  }
}
console.log(`${ok} of ${programs.length} evaluated`);
