// features: integers, math, string-methods, template-literals, array-methods, arrows, interfaces, for-of, literal-unions, destructuring, tuples, default-params, object-literals
interface Op {
  kind: "keep" | "sub" | "ins" | "del";
  a: string;
  b: string;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = cur;
  }
  return prev[b.length];
}

function script(a: string, b: string): Op[] {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0) d[i].push(j);
      else if (j === 0) d[i].push(i);
      else d[i].push(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
  }
  const ops: Op[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      ops.unshift({ kind: a[i - 1] === b[j - 1] ? "keep" : "sub", a: a[i - 1], b: b[j - 1] });
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      ops.unshift({ kind: "del", a: a[i - 1], b: "" });
      i--;
    } else {
      ops.unshift({ kind: "ins", a: "", b: b[j - 1] });
      j--;
    }
  }
  return ops;
}

function render(ops: Op[]): string {
  return ops.map((o) => (o.kind === "keep" ? o.a : o.kind === "sub" ? `[${o.a}>${o.b}]` : o.kind === "ins" ? `(+${o.b})` : `(-${o.a})`)).join("");
}

const dictionary = ["apple", "apply", "ample", "maple", "applet", "people", "purple", "supple", "angle", "ankle"];
function suggest(word: string, max = 2): string[] {
  return dictionary
    .map((w) => [w, distance(word, w)] as [string, number])
    .filter(([, d]) => d <= max)
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .map(([w, d]) => `${w}(${d})`);
}

for (const [a, b] of [["kitten", "sitting"], ["flaw", "lawn"], ["intention", "execution"], ["", "abc"], ["same", "same"], ["sunday", "saturday"]]) {
  const ops = script(a, b);
  console.log(`${a} -> ${b}: ${distance(a, b)} edits, ${render(ops)}`);
}
for (const w of ["appel", "aple", "pueple", "xyz", "angel"]) {
  const s = suggest(w);
  console.log(`did you mean (${w}): ${s.length ? s.join(", ") : "no suggestions"}`);
}
