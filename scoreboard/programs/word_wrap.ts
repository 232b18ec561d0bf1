// features: string-methods, array-methods, arrows, template-literals, default-params, literal-unions, for-of, math, spread, switch, type-aliases, destructuring, tuples
type Align = "left" | "right" | "center" | "justify";

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w)) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line += " " + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function align(line: string, width: number, how: Align, last = false): string {
  switch (how) {
    case "left":
      return line.padEnd(width);
    case "right":
      return line.padStart(width);
    case "center": {
      const pad = width - line.length;
      return " ".repeat(Math.floor(pad / 2)) + line + " ".repeat(Math.ceil(pad / 2));
    }
    case "justify": {
      const words = line.split(" ");
      if (last || words.length === 1) return line.padEnd(width);
      const gaps = words.length - 1;
      const spaces = width - words.join("").length;
      return words.map((w, i) => (i < gaps ? w + " ".repeat(Math.floor(spaces / gaps) + (i < spaces % gaps ? 1 : 0)) : w)).join("");
    }
  }
}

function box(lines: string[], width: number, how: Align = "left"): string[] {
  const border = "+" + "-".repeat(width + 2) + "+";
  return [border, ...lines.map((l, i) => `| ${align(l, width, how, i === lines.length - 1)} |`), border];
}

const text = "The scoreboard measures the distance between the dialect and the TypeScript people actually write: every program runs under Node and natively, and the two outputs must match byte for byte.";
for (const [width, how] of [[30, "left"], [30, "right"], [34, "center"], [40, "justify"]] as [number, Align][]) {
  console.log(`${how} ${width}:`);
  for (const l of box(wrap(text, width), width, how)) console.log(l);
}
const lens = wrap(text, 20).map((l) => l.length);
console.log(`width 20: ${lens.length} lines, lengths ${lens.join(",")}, raggedness ${lens.slice(0, -1).reduce((s, n) => s + (20 - n) ** 2, 0)}`);
