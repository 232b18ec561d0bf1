// features: string-methods, array-methods, arrows, template-literals, for-of, type-aliases, nullable, switch, literal-unions
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "para"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; lines: string[] }
  | { kind: "rule" };

function parseBlocks(src: string): Block[] {
  const lines = src.split("\n");
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) {
      blocks.push({ kind: "para", text: para.join(" ") });
      para = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    if (line.startsWith("```")) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) code.push(lines[i++]);
      blocks.push({ kind: "code", lines: code });
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
    } else if (/^-{3,}$/.test(line.trim())) {
      flush();
      blocks.push({ kind: "rule" });
    } else if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks[blocks.length - 1];
      if (last && last.kind === "list" && last.ordered === ordered) last.items.push(item[3]);
      else blocks.push({ kind: "list", ordered, items: [item[3]] });
    } else if (line.trim() === "") {
      flush();
    } else {
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function inline(s: string): string {
  return escape(s)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, text: string, href: string) => `<a href="${href}">${text}</a>`);
}

function render(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
    case "para":
      return `<p>${inline(b.text)}</p>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return [`<${tag}>`, ...b.items.map((it) => `  <li>${inline(it)}</li>`), `</${tag}>`].join("\n");
    }
    case "code":
      return `<pre><code>${b.lines.map(escape).join("\n")}</code></pre>`;
    case "rule":
      return "<hr>";
  }
}

const doc = `# Release *notes*
Version **2.1** brings a few
changes & fixes.

## Added
- a \`--dry-run\` flag
- support for [links](https://example.com) in titles
* nested *emphasis* inside **bold text**

1. install
2. run \`tsos exec\`
---
\`\`\`
if (a < b) { swap(a, b); }
\`\`\`
Plain text with <tags> at the end.`;

const blocks = parseBlocks(doc);
console.log(blocks.map((b) => b.kind).join(", "));
for (const b of blocks) console.log(render(b));
const toc = blocks
  .filter((b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading")
  .map((h) => `${"  ".repeat(h.level - 1)}- ${h.text.replace(/\*/g, "")}`);
console.log(toc.join("\n"));
const words = blocks
  .map((b) => (b.kind === "para" || b.kind === "heading" ? b.text : b.kind === "list" ? b.items.join(" ") : ""))
  .join(" ")
  .split(/\s+/)
  .filter((w) => w.length > 0).length;
console.log(`${words} words in ${blocks.length} blocks`);
