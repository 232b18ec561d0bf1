// features: classes, map-set, recursion, discriminated-unions, type-aliases, string-methods, template-literals, nullable, switch, array-methods, arrows, floats, private
type Expr =
  | { k: "num"; v: number }
  | { k: "ref"; cell: string }
  | { k: "bin"; op: "+" | "-" | "*" | "/"; l: Expr; r: Expr }
  | { k: "sum"; from: string; to: string };

type Value = number | string;

function parseExpr(src: string): Expr {
  const s = src.replace(/\s+/g, "");
  const sum = /^SUM\(([A-Z]\d+):([A-Z]\d+)\)$/.exec(s);
  if (sum) return { k: "sum", from: sum[1], to: sum[2] };
  for (const ops of ["+-", "*/"]) {
    for (let i = s.length - 1; i > 0; i--) {
      const ch = s[i];
      if (ops.includes(ch)) {
        return { k: "bin", op: ch as "+" | "-" | "*" | "/", l: parseExpr(s.slice(0, i)), r: parseExpr(s.slice(i + 1)) };
      }
    }
  }
  if (/^[A-Z]\d+$/.test(s)) return { k: "ref", cell: s };
  return { k: "num", v: Number(s) };
}

class Sheet {
  private raw = new Map<string, string>();
  private cache = new Map<string, Value>();
  private evaluating = new Set<string>();

  set(cell: string, text: string): void {
    this.raw.set(cell, text);
    this.cache.clear();
  }

  get(cell: string): Value {
    const hit = this.cache.get(cell);
    if (hit !== undefined) return hit;
    if (this.evaluating.has(cell)) return "#CYCLE";
    this.evaluating.add(cell);
    const text = this.raw.get(cell) ?? "";
    let v: Value;
    if (text.startsWith("=")) v = this.eval(parseExpr(text.slice(1)));
    else if (text === "") v = 0;
    else v = Number.isNaN(Number(text)) ? text : Number(text);
    this.evaluating.delete(cell);
    this.cache.set(cell, v);
    return v;
  }

  private eval(e: Expr): Value {
    switch (e.k) {
      case "num":
        return Number.isNaN(e.v) ? "#PARSE" : e.v;
      case "ref":
        return this.get(e.cell);
      case "sum": {
        let total = 0;
        for (const c of range(e.from, e.to)) {
          const v = this.get(c);
          if (typeof v === "string") return v.startsWith("#") ? v : "#VALUE";
          total += v;
        }
        return total;
      }
      case "bin": {
        const a = this.eval(e.l);
        const b = this.eval(e.r);
        if (typeof a === "string") return a.startsWith("#") ? a : "#VALUE";
        if (typeof b === "string") return b.startsWith("#") ? b : "#VALUE";
        switch (e.op) {
          case "+": return a + b;
          case "-": return a - b;
          case "*": return a * b;
          case "/": return b === 0 ? "#DIV/0" : a / b;
        }
      }
    }
  }

  render(cols: string[], rows: number): string[] {
    const out = ["    " + cols.map((c) => c.padStart(9)).join("")];
    for (let r = 1; r <= rows; r++) {
      const cells = cols.map((c) => {
        const v = this.get(`${c}${r}`);
        const s = typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v;
        return s.padStart(9);
      });
      out.push(String(r).padStart(3) + " " + cells.join(""));
    }
    return out;
  }
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const c0 = from.charCodeAt(0), c1 = to.charCodeAt(0);
  const r0 = parseInt(from.slice(1)), r1 = parseInt(to.slice(1));
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) out.push(String.fromCharCode(c) + r);
  return out;
}

const sheet = new Sheet();
const data: [string, string][] = [
  ["A1", "item"], ["B1", "qty"], ["C1", "price"], ["D1", "total"],
  ["A2", "pens"], ["B2", "12"], ["C2", "1.5"], ["D2", "=B2*C2"],
  ["A3", "pads"], ["B3", "4"], ["C3", "3.25"], ["D3", "=B3*C3"],
  ["A4", "ink"], ["B4", "2"], ["C4", "7"], ["D4", "=B4 * C4"],
  ["A5", "sum"], ["B5", "=SUM(B2:B4)"], ["D5", "=SUM(D2:D4)"],
  ["A6", "avg"], ["D6", "=D5/B5"], ["C6", "=D6-C2+C3*2"],
];
for (const [c, t] of data) sheet.set(c, t);
sheet.render(["A", "B", "C", "D"], 6).forEach((l) => console.log(l));

sheet.set("B3", "0");
sheet.set("B4", "0");
sheet.set("B2", "0");
console.log(`after zeroing qty: D5=${sheet.get("D5")} D6=${sheet.get("D6")} C6=${sheet.get("C6")}`);
sheet.set("E1", "=E2+1");
sheet.set("E2", "=E1*2");
console.log(`cycle: E1=${sheet.get("E1")} E2=${sheet.get("E2")}`);
sheet.set("F1", "=A2+1");
sheet.set("F2", "=SUM(A1:A3)");
sheet.set("F3", "=1+x");
console.log(`text math: F1=${sheet.get("F1")} F2=${sheet.get("F2")} F3=${sheet.get("F3")} empty=${sheet.get("Z9")}`);
console.log(range("A1", "B3").join(" "));
