// features: discriminated-unions, string-methods, switch, template-literals, nullable, for-of, type-aliases, map-set, spread, nullish, arrows, array-methods, math, destructuring, object-literals
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "bullet"; depth: number; text: string }
  | { kind: "numbered"; n: number; text: string }
  | { kind: "quote"; text: string }
  | { kind: "code"; lang: string | null; lines: string[] }
  | { kind: "rule" }
  | { kind: "para"; text: string }
  | { kind: "blank" };

function classify(lines: string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      const lang = trimmed.slice(3).trim() || null;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith("```")) body.push(lines[i++]);
      out.push({ kind: "code", lang, lines: body });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    const numbered = /^(\d+)\.\s+(.*)$/.exec(trimmed);
    if (trimmed === "") out.push({ kind: "blank" });
    else if (heading) out.push({ kind: "heading", level: heading[1].length, text: heading[2] });
    else if (/^(-{3,}|\*{3,})$/.test(trimmed)) out.push({ kind: "rule" });
    else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) out.push({ kind: "bullet", depth: Math.floor((line.length - line.trimStart().length) / 2), text: trimmed.slice(2) });
    else if (numbered) out.push({ kind: "numbered", n: Number(numbered[1]), text: numbered[2] });
    else if (trimmed.startsWith(">")) out.push({ kind: "quote", text: trimmed.replace(/^>\s?/, "") });
    else out.push({ kind: "para", text: trimmed });
  }
  return out;
}

function describe(b: Block): string {
  switch (b.kind) {
    case "heading": return `H${b.level} ${b.text.toUpperCase()}`;
    case "bullet": return `${"  ".repeat(b.depth)}• ${b.text}`;
    case "numbered": return `#${b.n} ${b.text}`;
    case "quote": return `| ${b.text}`;
    case "code": return `code(${b.lang ?? "plain"}, ${b.lines.length} lines)`;
    case "rule": return "----------";
    case "para": return `¶ ${b.text.length > 40 ? b.text.slice(0, 37) + "..." : b.text}`;
    case "blank": return "";
  }
}

const doc = `# tsos
An operating system kernel written in TypeScript, compiled to C and booted in QEMU.

## Features
- hosted and kernel targets
  - differential tests against Node
* coded diagnostics
1. install
2. run \`npx tsos exec\`
> Wrong output is never acceptable.

\`\`\`ts
const x: u8 = 5;
console.log(x);
\`\`\`
---
### Status
\`\`\`
plain block
\`\`\`
Work in progress.`;

const blocks = classify(doc.split("\n"));
for (const b of blocks) if (b.kind !== "blank") console.log(describe(b));
const counts = new Map<string, number>();
for (const b of blocks) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
console.log([...counts].map(([k, n]) => `${k}=${n}`).join(" "));
const toc = blocks.filter((b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading").map((h) => `${"  ".repeat(h.level - 1)}${h.text}`);
console.log("toc:\n" + toc.join("\n"));
