// features: string-methods, array-methods, arrows, template-literals, for-of, switch, type-aliases, discriminated-unions, nullable, destructuring, closures
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "para"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; lang: string; lines: string[] }
  | { kind: "rule" };

function parseBlocks(src: string): Block[] {
  const lines = src.split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") { i++; continue; }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) { blocks.push({ kind: "heading", level: h[1].length, text: h[2] }); i++; continue; }
    if (/^(-{3,}|\*{3,})$/.test(line.trim())) { blocks.push({ kind: "rule" }); i++; continue; }
    const fence = /^```(\w*)$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== "```") body.push(lines[i++]);
      i++;
      blocks.push({ kind: "code", lang: fence[1] || "text", lines: body });
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (!m || /\d/.test(m[2]) !== ordered) break;
        items.push(m[3]);
        i++;
      }
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && !/^(#|```|\s*[-*]\s)/.test(lines[i])) para.push(lines[i++].trim());
    blocks.push({ kind: "para", text: para.join(" ") });
  }
  return blocks;
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text: string, href: string) => `<a href="${encodeURI(href)}">${text}</a>`);
}

function render(b: Block): string {
  switch (b.kind) {
    case "heading": return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
    case "para": return `<p>${inline(b.text)}</p>`;
    case "rule": return "<hr/>";
    case "code": return `<pre class="lang-${b.lang}">${b.lines.map(escapeHtml).join("\n")}</pre>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((it) => `<li>${inline(it)}</li>`).join("")}</${tag}>`;
    }
  }
}

const doc = `# tsos *notes*
Some **bold** text with \`code\` and a [link](https://example.com/a b).
It continues here.

## Lists
- first
- second with *emphasis*
1. one
2. two

\`\`\`ts
const x = a < b && c > d;
\`\`\`
---
Final <para> & done.`;
const blocks = parseBlocks(doc);
console.log(blocks.map((b) => b.kind).join(", "));
for (const b of blocks) console.log(render(b));
const stats = blocks.reduce<Record<string, number>>((acc, b) => ({ ...acc, [b.kind]: (acc[b.kind] ?? 0) + 1 }), {});
console.log(stats);
