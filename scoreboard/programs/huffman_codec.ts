// features: classes, map-set, recursion, nullable, array-methods, arrows, template-literals, for-of, string-methods, integers, tuples, destructuring
class HNode {
  constructor(
    readonly weight: number,
    readonly symbol: string | null,
    readonly left: HNode | null = null,
    readonly right: HNode | null = null,
    readonly order = 0,
  ) {}
}

function buildTree(text: string): HNode | null {
  const freq = new Map<string, number>();
  for (const ch of text) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  let order = 0;
  let queue = [...freq].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, w]) => new HNode(w, s, null, null, order++));
  if (queue.length === 0) return null;
  if (queue.length === 1) return new HNode(queue[0].weight, null, queue[0], null, order);
  while (queue.length > 1) {
    queue.sort((a, b) => a.weight - b.weight || a.order - b.order);
    const [a, b, ...rest] = queue;
    queue = [...rest, new HNode(a.weight + b.weight, null, a, b, order++)];
  }
  return queue[0];
}

function codes(root: HNode | null): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: HNode | null, prefix: string): void => {
    if (n === null) return;
    if (n.symbol !== null) {
      out.set(n.symbol, prefix || "0");
      return;
    }
    walk(n.left, prefix + "0");
    walk(n.right, prefix + "1");
  };
  walk(root, "");
  return out;
}

function encode(text: string, table: Map<string, string>): string {
  return [...text].map((ch) => table.get(ch) ?? "?").join("");
}

function decode(bits: string, root: HNode | null): string {
  if (root === null) return "";
  let out = "";
  let n: HNode = root;
  for (const b of bits) {
    const next = b === "0" ? n.left : n.right;
    if (next === null) return out + "<bad>";
    n = next;
    if (n.symbol !== null) {
      out += n.symbol;
      n = root;
    }
  }
  return out;
}

function pack(bits: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8).padEnd(8, "0"), 2));
  return bytes;
}

const samples = ["abracadabra", "mississippi river", "aaaaaaa", "", "the quick brown fox jumps over the lazy dog", "ab"];
for (const s of samples) {
  const root = buildTree(s);
  const table = codes(root);
  const bits = encode(s, table);
  const back = decode(bits, root);
  const ratio = s.length ? ((bits.length / (s.length * 8)) * 100).toFixed(1) : "0.0";
  console.log(`"${s}" -> ${bits.length} bits (${ratio}%), roundtrip ${back === s ? "ok" : `FAILED: ${back}`}`);
  if (s.length > 0 && s.length < 20) {
    const entries = [...table].sort(([a, x], [b, y]) => x.length - y.length || (a < b ? -1 : 1));
    console.log(`  ${entries.map(([c, code]) => `${c === " " ? "_" : c}=${code}`).join(" ")}`);
    console.log(`  bytes ${pack(bits).map((b) => b.toString(16).padStart(2, "0")).join(" ")}`);
  }
}
const root = buildTree("hello");
console.log(`corrupt stream: ${decode("1111111", root)}; weights ${root?.weight} ${root?.left?.weight} ${root?.right?.weight}`);
