// features: string-methods, array-methods, arrows, template-literals, for-of, default-params, type-aliases, literal-unions, switch, math
type Align = "left" | "right" | "center" | "justify";

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const w of words) {
    if (cur.length > 0 && len + 1 + w.length > width) {
      lines.push(cur);
      cur = [];
      len = 0;
    }
    len += (cur.length > 0 ? 1 : 0) + w.length;
    cur.push(w);
  }
  if (cur.length > 0) lines.push(cur);
  return lines.map((ws) => ws.join(" "));
}

function justifyLine(line: string, width: number): string {
  const words = line.split(" ");
  if (words.length === 1) return line.padEnd(width);
  const letters = words.reduce((n, w) => n + w.length, 0);
  const gaps = words.length - 1;
  const spaces = width - letters;
  const base = Math.floor(spaces / gaps);
  const extra = spaces % gaps;
  return words
    .map((w, i) => (i < gaps ? w + " ".repeat(base + (i < extra ? 1 : 0)) : w))
    .join("");
}

function align(lines: string[], width: number, how: Align): string[] {
  return lines.map((line, i) => {
    switch (how) {
      case "left":
        return line.padEnd(width);
      case "right":
        return line.padStart(width);
      case "center": {
        const pad = width - line.length;
        const left = Math.floor(pad / 2);
        return " ".repeat(left) + line + " ".repeat(pad - left);
      }
      case "justify":
        return i === lines.length - 1 ? line.padEnd(width) : justifyLine(line, width);
    }
  });
}

function box(lines: string[], title = ""): string {
  const width = lines.reduce((m, l) => Math.max(m, l.length), title.length);
  const top = title === "" ? "+" + "-".repeat(width + 2) + "+" : `+- ${title} ${"-".repeat(width - title.length - 1)}+`;
  const body = lines.map((l) => `| ${l.padEnd(width)} |`);
  return [top, ...body, "+" + "-".repeat(width + 2) + "+"].join("\n");
}

const text = `Simple is better than complex. Complex is better than complicated.
  Flat is better than nested. Sparse is better than dense.
Readability counts. Special cases aren't special enough to break the rules.`;

const aligns: Align[] = ["left", "right", "center", "justify"];
for (const how of aligns) {
  console.log(box(align(wrap(text, 28), 28, how), how));
}

const narrow = wrap("a bb ccc dddd eeeee ffffff ggggggg hhhhhhhhhhhh", 7);
console.log(narrow.map((l) => `[${l}]`).join(" "));
console.log(wrap("", 10).length, wrap("   ", 10).length, JSON.stringify(wrap("one", 1)));

function columns(items: string[], cols: number, gap = 2): string[] {
  const rows = Math.ceil(items.length / cols);
  const widths: number[] = [];
  for (let c = 0; c < cols; c++) {
    widths.push(Math.max(0, ...items.slice(c * rows, (c + 1) * rows).map((s) => s.length)));
  }
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) cells.push(item.padEnd(widths[c]));
    }
    out.push(cells.join(" ".repeat(gap)).trimEnd());
  }
  return out;
}
columns("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda".split(" "), 3).forEach((l) => console.log(l));
