// lexer.ts: tokens for the multi_interp calculator language.
export type Token =
  | { t: "num"; v: number }
  | { t: "id"; name: string }
  | { t: "op"; op: string }
  | { t: "end" };

export function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
    } else if (/[0-9.]/.test(c)) {
      let j = i;
      while (j < src.length && /[0-9.]/.test(src[j])) j++;
      out.push({ t: "num", v: parseFloat(src.slice(i, j)) });
      i = j;
    } else if (/[a-z]/i.test(c)) {
      let j = i;
      while (j < src.length && /[a-z0-9]/i.test(src[j])) j++;
      out.push({ t: "id", name: src.slice(i, j) });
      i = j;
    } else {
      out.push({ t: "op", op: c });
      i++;
    }
  }
  out.push({ t: "end" });
  return out;
}
