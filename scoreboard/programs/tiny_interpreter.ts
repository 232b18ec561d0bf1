// features: discriminated-unions, map-set, classes, recursion, switch, string-methods, template-literals, nullable, private, integers, spread, nullish, accessors, arrows, for-of, array-methods, math, type-aliases, destructuring, object-literals
type Stmt =
  | { op: "let"; name: string; expr: string }
  | { op: "print"; expr: string }
  | { op: "while"; cond: string; body: Stmt[] }
  | { op: "if"; cond: string; body: Stmt[] };

function parseProgram(lines: string[], start: { i: number }): Stmt[] {
  const out: Stmt[] = [];
  while (start.i < lines.length) {
    const line = lines[start.i++].trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line === "end") return out;
    const [kw, ...rest] = line.split(" ");
    const tail = rest.join(" ");
    if (kw === "let") {
      const eq = tail.indexOf("=");
      out.push({ op: "let", name: tail.slice(0, eq).trim(), expr: tail.slice(eq + 1).trim() });
    } else if (kw === "print") out.push({ op: "print", expr: tail });
    else if (kw === "while" || kw === "if") out.push({ op: kw, cond: tail, body: parseProgram(lines, start) });
    else throw new Error(`bad statement: ${line}`);
  }
  return out;
}

class Interpreter {
  private vars = new Map<string, number>();
  private steps = 0;
  output: string[] = [];

  private value(tok: string): number {
    if (/^-?\d+$/.test(tok)) return parseInt(tok, 10);
    return this.vars.get(tok) ?? 0;
  }

  eval(expr: string): number {
    const t = expr.split(" ").filter((s) => s !== "");
    let acc = this.value(t[0]);
    for (let i = 1; i < t.length; i += 2) {
      const rhs = this.value(t[i + 1]);
      switch (t[i]) {
        case "+": acc = acc + rhs; break;
        case "-": acc = acc - rhs; break;
        case "*": acc = acc * rhs; break;
        case "/": acc = Math.trunc(acc / rhs); break;
        case "%": acc = acc % rhs; break;
        case "<": acc = acc < rhs ? 1 : 0; break;
        case "==": acc = acc === rhs ? 1 : 0; break;
        case "!=": acc = acc !== rhs ? 1 : 0; break;
      }
    }
    return acc;
  }

  run(prog: Stmt[]): void {
    for (const s of prog) {
      this.steps++;
      switch (s.op) {
        case "let": this.vars.set(s.name, this.eval(s.expr)); break;
        case "print": this.output.push(/^[a-z]+$/.test(s.expr) ? `${s.expr} = ${this.eval(s.expr)}` : String(this.eval(s.expr))); break;
        case "while": while (this.eval(s.cond) !== 0) this.run(s.body); break;
        case "if": if (this.eval(s.cond) !== 0) this.run(s.body); break;
      }
    }
  }

  get stepCount(): number {
    return this.steps;
  }
}

const source = `
# primes below 40 and a gcd
let n = 2
while n < 40
  let d = 2
  let prime = 1
  let lim = n + 1
  while d * d < lim
    if n % d == 0
      let prime = 0
    end
    let d = d + 1
  end
  if prime
    print n
  end
  let n = n + 1
end
let a = 1071
let b = 462
while b != 0
  let t = a % b
  let a = b
  let b = t
end
print a
let f = 1
let i = 1
while i < 11
  let f = f * i
  let i = i + 1
end
print f
`;
const program = parseProgram(source.split("\n"), { i: 0 });
const vm = new Interpreter();
vm.run(program);
console.log(vm.output.join("\n"));
console.log(`${program.length} top-level statements, ${vm.stepCount} steps`);
