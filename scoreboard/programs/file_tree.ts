// features: classes, inheritance, abstract, recursion, map-set, string-methods, array-methods, arrows, template-literals, nullable, instanceof, spread, nullish, accessors, readonly, private, generic-constraints, for-of, destructuring, default-params
abstract class Node_ {
  constructor(readonly name: string, public parent: Dir | null = null) {}
  abstract size(): number;
  path(): string {
    return this.parent === null ? "" : `${this.parent.path()}/${this.name}`;
  }
}

class File extends Node_ {
  constructor(name: string, private bytes: number) {
    super(name);
  }
  size(): number {
    return this.bytes;
  }
  get ext(): string {
    const i = this.name.lastIndexOf(".");
    return i <= 0 ? "" : this.name.slice(i + 1);
  }
}

class Dir extends Node_ {
  private children = new Map<string, Node_>();

  add<T extends Node_>(n: T): T {
    n.parent = this;
    this.children.set(n.name, n);
    return n;
  }

  mkdir(path: string): Dir {
    let cur: Dir = this;
    for (const part of path.split("/").filter((p) => p)) {
      const next = cur.children.get(part);
      cur = next instanceof Dir ? next : cur.add(new Dir(part));
    }
    return cur;
  }

  resolve(path: string): Node_ | null {
    let cur: Node_ = this;
    for (const part of path.split("/").filter((p) => p && p !== ".")) {
      if (part === "..") {
        cur = cur.parent ?? cur;
        continue;
      }
      if (!(cur instanceof Dir)) return null;
      const next: Node_ | undefined = cur.children.get(part);
      if (!next) return null;
      cur = next;
    }
    return cur;
  }

  size(): number {
    let s = 0;
    for (const c of this.children.values()) s += c.size();
    return s;
  }

  walk(visit: (n: Node_, depth: number) => void, depth = 0): void {
    const sorted = [...this.children.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const c of sorted) {
      visit(c, depth);
      if (c instanceof Dir) c.walk(visit, depth + 1);
    }
  }
}

const root = new Dir("");
const src = root.mkdir("home/ada/src");
src.add(new File("main.ts", 2048));
src.add(new File("util.ts", 512));
src.add(new File("README", 300));
const docs = root.mkdir("home/ada/docs");
docs.add(new File("notes.md", 4096));
docs.add(new File("paper.pdf", 1048576));
root.mkdir("home/alan").add(new File("machine.ts", 1337));
root.mkdir("tmp");

root.walk((n, d) => console.log(`${"  ".repeat(d)}${n.name}${n instanceof Dir ? "/" : ""} ${n.size()}`));
for (const p of ["home/ada/src/main.ts", "home/ada/../alan/machine.ts", "home/ada/src/missing", "home/ada/docs", "tmp/../home/./alan", "home/ada/src/main.ts/x"]) {
  const n = root.resolve(p);
  console.log(`${p} -> ${n === null ? "not found" : `${n.path()} (${n.size()} bytes)`}`);
}
const byExt = new Map<string, number>();
root.walk((n) => {
  if (n instanceof File) byExt.set(n.ext || "(none)", (byExt.get(n.ext || "(none)") ?? 0) + n.size());
});
console.log([...byExt].sort((a, b) => b[1] - a[1]).map(([e, s]) => `${e}:${s}`).join(" "));
