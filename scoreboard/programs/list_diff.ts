// features: type-aliases, discriminated-unions, array-methods, arrows, template-literals, for-of, switch, readonly, tuples, destructuring
type Edit =
  | { kind: "keep"; line: string }
  | { kind: "add"; line: string }
  | { kind: "del"; line: string };

function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const t: number[][] = [];
  for (let i = 0; i <= a.length; i++) t.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    }
  }
  return t;
}

function diff(a: readonly string[], b: readonly string[]): Edit[] {
  const t = lcsTable(a, b);
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "keep", line: a[i] });
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) {
      out.push({ kind: "del", line: a[i++] });
    } else {
      out.push({ kind: "add", line: b[j++] });
    }
  }
  while (i < a.length) out.push({ kind: "del", line: a[i++] });
  while (j < b.length) out.push({ kind: "add", line: b[j++] });
  return out;
}

function render(edits: readonly Edit[]): string {
  return edits
    .map((e) => {
      switch (e.kind) {
        case "keep": return `  ${e.line}`;
        case "add": return `+ ${e.line}`;
        case "del": return `- ${e.line}`;
      }
    })
    .join("\n");
}

function stats(edits: readonly Edit[]): [number, number, number] {
  let keep = 0, add = 0, del = 0;
  for (const e of edits) {
    if (e.kind === "keep") keep++;
    else if (e.kind === "add") add++;
    else del++;
  }
  return [keep, add, del];
}

const before = ["apple", "banana", "cherry", "date", "elderberry", "fig"];
const after = ["apple", "blueberry", "cherry", "date", "fig", "grape", "honeydew"];
const edits = diff(before, after);
console.log(render(edits));
const [keep, add, del] = stats(edits);
console.log(`${keep} kept, ${add} added, ${del} deleted`);

const cases: [string, string][] = [
  ["", ""],
  ["a b c", ""],
  ["", "x y"],
  ["a b c d", "a c d e"],
  ["the cat sat on the mat", "the dog sat on a mat"],
];
for (const [x, y] of cases) {
  const xs = x === "" ? [] : x.split(" ");
  const ys = y === "" ? [] : y.split(" ");
  const es = diff(xs, ys);
  const compact = es.map((e) => (e.kind === "keep" ? e.line : e.kind === "add" ? `+${e.line}` : `-${e.line}`));
  console.log(`[${x}] -> [${y}]: ${compact.join(" ") || "(empty)"}`);
}

// Applying the edit script to the old list must give the new list.
function apply(a: readonly string[], edits: readonly Edit[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const e of edits) {
    if (e.kind === "keep") { out.push(a[i]); i++; }
    else if (e.kind === "del") i++;
    else out.push(e.line);
  }
  return out;
}
console.log(`apply ok: ${apply(before, edits).join(",") === after.join(",")}`);
