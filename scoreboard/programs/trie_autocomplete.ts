// features: classes, map-set, recursion, private, nullable, array-methods, arrows, template-literals, for-of, string-methods, default-params
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

  private walk(prefix: string): TrieNode | null {
    let node: TrieNode | undefined = this.root;
    for (const ch of prefix) {
      node = node.children.get(ch);
      if (node === undefined) return null;
    }
    return node;
  }

  has(word: string): boolean {
    return this.walk(word)?.terminal ?? false;
  }

  countPrefix(prefix: string): number {
    if (prefix === "") return this.words;
    return this.walk(prefix)?.count ?? 0;
  }

  complete(prefix: string, limit = 5): string[] {
    const start = this.walk(prefix);
    if (start === null) return [];
    const out: string[] = [];
    const dfs = (node: TrieNode, acc: string): void => {
      if (out.length >= limit) return;
      if (node.terminal) out.push(acc);
      const keys = [...node.children.keys()].sort();
      for (const k of keys) dfs(node.children.get(k)!, acc + k);
    };
    dfs(start, prefix);
    return out;
  }

  longestCommonPrefix(): string {
    let node = this.root;
    let acc = "";
    while (node.children.size === 1 && !node.terminal) {
      const [[ch, next]] = [...node.children];
      acc += ch;
      node = next;
    }
    return acc;
  }

  get size(): number {
    return this.words;
  }
}

const dict = "car card care careful cart carton cat catalog dog dodge door dorm do".split(" ");
const t = new Trie();
dict.forEach((w) => t.insert(w));
t.insert("car");
console.log(`words: ${t.size}`);
for (const p of ["car", "cat", "do", "dor", "z", ""]) {
  console.log(`complete("${p}") -> [${t.complete(p).join(", ")}] (${t.countPrefix(p)} with prefix)`);
}
console.log(`complete("ca", 20) -> ${t.complete("ca", 20).length} words`);
for (const w of ["car", "ca", "careful", "carefully", "do", ""]) {
  console.log(`has(${JSON.stringify(w)}) = ${t.has(w)}`);
}

const t2 = new Trie();
["interstellar", "internet", "interval", "internal"].forEach((w) => t2.insert(w));
console.log(`lcp: "${t2.longestCommonPrefix()}"`);
t2.insert("inter");
console.log(`lcp after "inter": "${t2.longestCommonPrefix()}"`);
const t3 = new Trie();
"héllo hélium hëlp".split(" ").forEach((w) => t3.insert(w));
console.log(`accented: [${t3.complete("hé").join(", ")}] lcp="${t3.longestCommonPrefix()}"`);
