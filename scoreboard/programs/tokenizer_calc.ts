// features: union-values, typeof, type-aliases, discriminated-unions, classes, private, switch, string-methods, recursion, template-literals, nullable, array-methods, arrows, map-set, floats
type Token =
  | { type: "num"; value: number }
  | { type: "ident"; name: string }
  | { type: "op"; op: string }
  | { type: "lparen" }
  | { type: "rparen" }
  | { type: "comma" };

function tokenize(src: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      let j = i;
      while (j < src.length && /[0-9.]/.test(src[j])) j++;
      out.push({ type: "num", value: parseFloat(src.slice(i, j)) });
      i = j;
    } else if (/[a-z_]/i.test(ch)) {
      let j = i;
      while (j < src.length && /\w/.test(src[j])) j++;
      out.push({ type: "ident", name: src.slice(i, j) });
      i = j;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push(ch === "(" ? { type: "lparen" } : ch === ")" ? { type: "rparen" } : { type: "comma" });
      i++;
    } else if ("+-*/^%".includes(ch)) {
      out.push({ type: "op", op: ch });
      i++;
    } else {
      return `unexpected '${ch}' at ${i}`;
    }
  }
  return out;
}

const PREC: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3 };
const FUNCS = new Map<string, (args: number[]) => number>([
  ["max", (a) => Math.max(...a)],
  ["min", (a) => Math.min(...a)],
  ["sqrt", (a) => Math.sqrt(a[0])],
  ["abs", (a) => Math.abs(a[0])],
  ["sum", (a) => a.reduce((x, y) => x + y, 0)],
]);

class Parser {
  private pos = 0;
  error: string | null = null;
  constructor(private tokens: Token[], private vars: Map<string, number>) {}
  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private fail(msg: string): number {
    if (this.error === null) this.error = msg;
    return NaN;
  }
  parse(): number | string {
    const v = this.expr(0);
    if (this.error === null && this.pos < this.tokens.length) this.fail(`trailing tokens at ${this.pos}`);
    return this.error ?? v;
  }
  private expr(minPrec: number): number {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.type !== "op") break;
      const p = PREC[t.op];
      if (p < minPrec) break;
      this.pos++;
      const right = this.expr(t.op === "^" ? p : p + 1);
      left = apply(t.op, left, right);
    }
    return left;
  }
  private unary(): number {
    const t = this.peek();
    if (t?.type === "op" && t.op === "-") {
      this.pos++;
      return -this.unary();
    }
    return this.primary();
  }
  private primary(): number {
    const t = this.tokens[this.pos++];
    if (t === undefined) return this.fail("unexpected end");
    switch (t.type) {
      case "num":
        return t.value;
      case "lparen": {
        const v = this.expr(0);
        this.expect("rparen");
        return v;
      }
      case "ident": {
        if (this.peek()?.type === "lparen") {
          this.pos++;
          const args: number[] = [];
          if (this.peek()?.type !== "rparen") {
            args.push(this.expr(0));
            while (this.peek()?.type === "comma") {
              this.pos++;
              args.push(this.expr(0));
            }
          }
          this.expect("rparen");
          const f = FUNCS.get(t.name);
          if (!f) return this.fail(`unknown function ${t.name}`);
          return f(args);
        }
        const v = this.vars.get(t.name);
        if (v === undefined) return this.fail(`unknown variable ${t.name}`);
        return v;
      }
      default:
        return this.fail(`unexpected ${t.type}`);
    }
  }
  private expect(type: Token["type"]): void {
    const t = this.tokens[this.pos++];
    if (t?.type !== type) this.fail(`expected ${type}`);
  }
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    default: return a ** b;
  }
}

const vars = new Map<string, number>([["x", 3], ["y", 4], ["pi", 3.14159]]);
const inputs = [
  "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x + y", "sqrt(x*x + y*y)", "max(1, x, y, 2) - min(5, y)",
  "sum(1, 2, 3, 4.5)", "10 / 4", "10 % 4", "1 / 0", "2 * pi * x", "abs(-7.25)", "sum()",
  "1 +", "foo(1)", "z * 2", "3 $ 4", "(1 + 2",
];
for (const src of inputs) {
  const tokens = tokenize(src);
  const v = typeof tokens === "string" ? tokens : new Parser(tokens, vars).parse();
  console.log(typeof v === "number" ? `${src.padEnd(28)} = ${v}` : `${src.padEnd(28)} ! ${v}`);
}
const toks = tokenize("max(a1, 2.5)");
console.log(typeof toks === "string" ? toks : toks.map((t) => t.type).join(" "));
