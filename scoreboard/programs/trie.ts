// features: classes, map-set, recursion, string-methods, array-methods, arrows, nullable, template-literals, for-of, private, spread, optional-chaining, nullish, accessors, destructuring, default-params
class TrieNode {
  children = new Map<string, TrieNode>();
  terminal = false;
  count = 0;
}

class Trie {
  private root = new TrieNode();
  private words = 0;

  insert(word: string): void {
    let node = this.root;
    for (const ch of word) {
      let next = node.children.get(ch);
      if (!next) {
        next = new TrieNode();
        node.children.set(ch, next);
      }
      next.count++;
      node = next;
    }
    if (!node.terminal) this.words++;
    node.terminal = true;
  }

  private find(prefix: string): TrieNode | null {
    let node: TrieNode | undefined = this.root;
    for (const ch of prefix) {
      node = node.children.get(ch);
      if (!node) return null;
    }
    return node;
  }

  has(word: string): boolean {
    return this.find(word)?.terminal ?? false;
  }

  countPrefix(prefix: string): number {
    return this.find(prefix)?.count ?? 0;
  }

  complete(prefix: string, limit = 5): string[] {
    const start = this.find(prefix);
    const out: string[] = [];
    const walk = (node: TrieNode, acc: string) => {
      if (out.length >= limit) return;
      if (node.terminal) out.push(acc);
      const keys = [...node.children.keys()].sort();
      for (const k of keys) walk(node.children.get(k)!, acc + k);
    };
    if (start) walk(start, prefix);
    return out;
  }

  longestCommonPrefix(): string {
    let node = this.root;
    let prefix = "";
    while (node.children.size === 1 && !node.terminal) {
      const [ch, next] = [...node.children.entries()][0];
      prefix += ch;
      node = next;
    }
    return prefix;
  }

  get size(): number {
    return this.words;
  }
}

const text = "the quick brown fox jumps over the lazy dog then they think that these things thrive there";
const trie = new Trie();
for (const w of text.split(" ")) trie.insert(w);
console.log(`${trie.size} distinct words`);
for (const p of ["th", "the", "q", "x", "thi", "t"]) {
  console.log(`prefix "${p}": ${trie.countPrefix(p)} uses, completions: ${trie.complete(p).join(", ") || "(none)"}`);
}
for (const w of ["the", "th", "lazy", "lazier", "fox"]) console.log(`has ${w}: ${trie.has(w)}`);

const flowers = new Trie();
["flower", "flow", "flight", "flop"].forEach((w) => flowers.insert(w));
console.log(`lcp: "${flowers.longestCommonPrefix()}"`);
const inter = new Trie();
["interview", "internet", "interval", "internal"].forEach((w) => inter.insert(w));
console.log(`lcp: "${inter.longestCommonPrefix()}"`);
console.log(`completions of "inter": ${inter.complete("inter", 3).join(" ")}`);
