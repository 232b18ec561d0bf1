// eval.ts: a precedence-climbing evaluator over lexer.ts tokens, with variables and functions.
import { type Token } from "./lexer.ts";

const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  "+": [1, (a, b) => a + b],
  "-": [1, (a, b) => a - b],
  "*": [2, (a, b) => a * b],
  "/": [2, (a, b) => a / b],
  "%": [2, (a, b) => a % b],
  "^": [3, (a, b) => a ** b],
};

const FUNCS: Record<string, (x: number) => number> = { sqrt: Math.sqrt, abs: Math.abs, floor: Math.floor, sin: Math.sin };

export class Evaluator {
  private pos = 0;
  private toks: Token[] = [];
  constructor(readonly vars: Map<string, number>) {}

  run(toks: Token[]): number {
    this.toks = toks;
    this.pos = 0;
    const first = toks[0];
    const second = toks[1];
    if (first.t === "id" && second?.t === "op" && second.op === "=") {
      this.pos = 2;
      const v = this.expr(0);
      this.vars.set(first.name, v);
      return v;
    }
    return this.expr(0);
  }

  private expr(minPrec: number): number {
    let left = this.atom();
    for (;;) {
      const tok = this.toks[this.pos];
      if (tok.t !== "op" || !(tok.op in BINARY)) return left;
      const [prec, fn] = BINARY[tok.op];
      if (prec < minPrec) return left;
      this.pos++;
      const right = this.expr(tok.op === "^" ? prec : prec + 1);
      left = fn(left, right);
    }
  }

  private atom(): number {
    const tok = this.toks[this.pos++];
    switch (tok.t) {
      case "num":
        return tok.v;
      case "id": {
        const f = FUNCS[tok.name];
        if (f) return f(this.atom());
        return this.vars.get(tok.name) ?? NaN;
      }
      case "op":
        if (tok.op === "-") return -this.atom();
        if (tok.op === "(") {
          const v = this.expr(0);
          this.pos++;
          return v;
        }
        return NaN;
      case "end":
        return NaN;
    }
  }
}
