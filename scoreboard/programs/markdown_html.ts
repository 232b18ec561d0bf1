// features: discriminated-unions, type-aliases, optional, switch, arrows, array-methods, template-literals, string-methods, spread, nullish, object-literals
type Block =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "code"; lang?: string; lines: string[] };

function parse(src: string): Block[] {
  const lines = src.split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1].length, text: heading[2] });
      i++;
    } else if (line.startsWith("```")) {
      const lang = line.slice(3).trim() || undefined;
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) code.push(lines[i++]);
      i++;
      blocks.push({ type: "code", lang, lines: code });
    } else if (/^(\d+\.|[-*])\s/.test(line)) {
      const ordered = /^\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && /^(\d+\.|[-*])\s/.test(lines[i])) {
        items.push(lines[i].replace(/^(\d+\.|[-*])\s+/, ""));
        i++;
      }
      blocks.push({ type: "list", ordered, items });
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && !/^(#|```|[-*]\s|\d+\.\s)/.test(lines[i])) para.push(lines[i++].trim());
      blocks.push({ type: "paragraph", text: para.join(" ") });
    }
  }
  return blocks;
}

const inline = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');

function toHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case "heading":
          return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
        case "paragraph":
          return `<p>${inline(b.text)}</p>`;
        case "list": {
          const tag = b.ordered ? "ol" : "ul";
          return `<${tag}>${b.items.map((it) => `<li>${inline(it)}</li>`).join("")}</${tag}>`;
        }
        case "code":
          return `<pre${b.lang ? ` class="lang-${b.lang}"` : ""}>${b.lines.join("\n").replace(/</g, "&lt;")}</pre>`;
      }
    })
    .join("\n");
}

const doc = `# Release notes
Version **2.0** brings *many* changes & fixes.
See [the docs](https://example.com/docs) for details.

## Changes
- Faster \`parse\` function
- New **plugin** API
* Dropped Node 14

1. Install
2. Run \`npm test\`

\`\`\`ts
const x: Array<number> = [];
\`\`\`
### Thanks`;

const blocks = parse(doc);
console.log(blocks.map((b) => b.type).join(","));
console.log(toHtml(blocks));
const stats = blocks.reduce<Record<string, number>>((acc, b) => ({ ...acc, [b.type]: (acc[b.type] ?? 0) + 1 }), {});
console.log(stats);
