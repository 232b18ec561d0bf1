// features: discriminated-unions, literal-unions, type-aliases, string-methods, switch, template-literals, integers, object-literals, arrows, for-of, array-methods
type Token =
  | { kind: "num"; value: number }
  | { kind: "ident"; name: string }
  | { kind: "op"; op: string }
  | { kind: "lparen" }
  | { kind: "rparen" }
  | { kind: "str"; text: string };

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isAlpha(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\n") {
      i++;
    } else if (isDigit(c)) {
      let v = 0;
      while (i < src.length && isDigit(src[i])) {
        v = v * 10 + (src.charCodeAt(i) - 48);
        i++;
      }
      out.push({ kind: "num", value: v });
    } else if (isAlpha(c)) {
      const start = i;
      while (i < src.length && (isAlpha(src[i]) || isDigit(src[i]))) i++;
      out.push({ kind: "ident", name: src.substring(start, i) });
    } else if (c === "(") {
      out.push({ kind: "lparen" });
      i++;
    } else if (c === ")") {
      out.push({ kind: "rparen" });
      i++;
    } else if (c === '"') {
      const end = src.indexOf('"', i + 1);
      out.push({ kind: "str", text: src.slice(i + 1, end) });
      i = end + 1;
    } else {
      const two = src.substr(i, 2);
      if (two === "==" || two === "!=" || two === "<=" || two === ">=" || two === "&&" || two === "||") {
        out.push({ kind: "op", op: two });
        i += 2;
      } else {
        out.push({ kind: "op", op: c });
        i++;
      }
    }
  }
  return out;
}

function show(t: Token): string {
  switch (t.kind) {
    case "num":
      return `NUM(${t.value})`;
    case "ident":
      return `ID(${t.name})`;
    case "op":
      return `OP(${t.op})`;
    case "lparen":
      return "LP";
    case "rparen":
      return "RP";
    case "str":
      return `STR("${t.text}")`;
  }
}

const inputs = [
  "x = 42 + y1 * (3 - z)",
  'if (a >= 10 && b != 0) print("big")',
  "count_2 = count_2 + 1",
  "f(g(1), h(22, 333))",
];
for (const src of inputs) {
  const toks = tokenize(src);
  console.log(src);
  console.log("  " + toks.map(show).join(" "));
  const idents = toks.filter((t) => t.kind === "ident").length;
  let sum = 0;
  for (const t of toks) if (t.kind === "num") sum += t.value;
  console.log(`  ${toks.length} tokens, ${idents} identifiers, numbers sum to ${sum}`);
}
