// features: classes, map-set, recursion, nullable, array-methods, arrows, template-literals, string-methods, floats, math, for-of, spread, nullish, readonly, destructuring, default-params
class HNode {
  constructor(readonly weight: number, readonly ch: string | null, readonly left: HNode | null = null, readonly right: HNode | null = null) {}
}

function buildTree(text: string): HNode {
  const freq = new Map<string, number>();
  for (const c of text) freq.set(c, (freq.get(c) ?? 0) + 1);
  let nodes = [...freq].map(([c, w]) => new HNode(w, c));
  nodes.sort((a, b) => a.weight - b.weight || (a.ch ?? "").localeCompare(b.ch ?? ""));
  let seq = 0;
  while (nodes.length > 1) {
    const [a, b, ...rest] = nodes;
    const parent = new HNode(a.weight + b.weight, null, a, b);
    seq++;
    nodes = [...rest, parent].sort((x, y) => x.weight - y.weight);
  }
  return nodes[0];
}

function codes(node: HNode, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (node.ch !== null) {
    out.set(node.ch, prefix || "0");
    return out;
  }
  if (node.left) codes(node.left, prefix + "0", out);
  if (node.right) codes(node.right, prefix + "1", out);
  return out;
}

function decode(root: HNode, bits: string): string {
  let out = "";
  let cur = root;
  for (const b of bits) {
    const next = b === "0" ? cur.left : cur.right;
    if (next === null) return out;
    cur = next;
    if (cur.ch !== null) {
      out += cur.ch;
      cur = root;
    }
  }
  return out;
}

for (const text of ["abracadabra", "mississippi river", "aaaaaaaab", "the quick brown fox jumps over the lazy dog"]) {
  const tree = buildTree(text);
  const table = codes(tree);
  const bits = [...text].map((c) => table.get(c)!).join("");
  const entropy = [...new Set(text)].reduce((h, c) => {
    const p = text.split(c).length - 1;
    return h - (p / text.length) * Math.log2(p / text.length);
  }, 0);
  console.log(`"${text}"`);
  const sorted = [...table].sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  console.log(`  codes: ${sorted.map(([c, code]) => `${c === " " ? "_" : c}=${code}`).join(" ")}`);
  console.log(`  ${bits.length} bits vs ${text.length * 8} (${((bits.length / (text.length * 8)) * 100).toFixed(1)}%), ${(bits.length / text.length).toFixed(3)} bits/char, entropy ${entropy.toFixed(3)}`);
  console.log(`  round trip: ${decode(tree, bits) === text}`);
}
