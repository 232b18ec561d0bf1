// features: discriminated-unions, type-aliases, recursion, classes, private, switch, floats, string-methods, nullable, template-literals, nullish, readonly, for-of, math, literal-unions, object-literals
type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "neg"; arg: Expr };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string {
    while (this.src[this.pos] === " ") this.pos++;
    return this.pos < this.src.length ? this.src[this.pos] : "";
  }

  parse(): Expr {
    const e = this.sum();
    if (this.peek() !== "") throw new Error(`unexpected ${this.peek()}`);
    return e;
  }

  private sum(): Expr {
    let left = this.product();
    for (let c = this.peek(); c === "+" || c === "-"; c = this.peek()) {
      this.pos++;
      left = { kind: "bin", op: c, left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.power();
    for (let c = this.peek(); c === "*" || c === "/"; c = this.peek()) {
      this.pos++;
      left = { kind: "bin", op: c, left, right: this.power() };
    }
    return left;
  }

  private power(): Expr {
    const base = this.unary();
    if (this.peek() === "^") {
      this.pos++;
      return { kind: "bin", op: "^", left: base, right: this.power() };
    }
    return base;
  }

  private unary(): Expr {
    const c = this.peek();
    if (c === "-") {
      this.pos++;
      return { kind: "neg", arg: this.unary() };
    }
    if (c === "(") {
      this.pos++;
      const e = this.sum();
      this.peek();
      this.pos++;
      return e;
    }
    const start = this.pos;
    if (/[a-z]/.test(c)) {
      while (/[a-z]/.test(this.src[this.pos] ?? "")) this.pos++;
      return { kind: "var", name: this.src.slice(start, this.pos) };
    }
    while (/[0-9.]/.test(this.src[this.pos] ?? "")) this.pos++;
    return { kind: "num", value: parseFloat(this.src.slice(start, this.pos)) };
  }
}

function evaluate(e: Expr, env: Record<string, number>): number | null {
  switch (e.kind) {
    case "num":
      return e.value;
    case "var":
      return e.name in env ? env[e.name] : null;
    case "neg": {
      const v = evaluate(e.arg, env);
      return v === null ? null : -v;
    }
    case "bin": {
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      if (a === null || b === null) return null;
      switch (e.op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return a / b;
        case "^": return Math.pow(a, b);
      }
    }
  }
}

function show(e: Expr): string {
  switch (e.kind) {
    case "num": return String(e.value);
    case "var": return e.name;
    case "neg": return `(-${show(e.arg)})`;
    case "bin": return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}

const env = { x: 3, y: 0.5, pi: 3.14159 };
const inputs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x * -x", "x / y + 1", "pi * x ^ 2", "1 / 3", "10 / (x - 3)", "z + 1", "0.1 + 0.2", "2 * (y - 0.25) / 0.125"];
for (const src of inputs) {
  const e = new Parser(src).parse();
  const v = evaluate(e, env);
  console.log(`${src.padEnd(22)} ${show(e).padEnd(30)} = ${v === null ? "undefined variable" : v}`);
}
