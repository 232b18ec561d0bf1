// features: generics, classes, recursion, nullable, arrows, template-literals, private, generic-constraints, interfaces, optional-chaining, accessors, readonly, for-of, array-methods, math, destructuring, default-params
interface Comparable<T> {
  compareTo(other: T): number;
}

class Version implements Comparable<Version> {
  constructor(readonly major: number, readonly minor: number) {}
  compareTo(o: Version): number {
    return this.major - o.major || this.minor - o.minor;
  }
  toString(): string {
    return `v${this.major}.${this.minor}`;
  }
}

class TreeNode<T> {
  left: TreeNode<T> | null = null;
  right: TreeNode<T> | null = null;
  constructor(public value: T) {}
}

class BST<T extends Comparable<T>> {
  private root: TreeNode<T> | null = null;
  private count = 0;

  insert(v: T): boolean {
    if (this.root === null) {
      this.root = new TreeNode(v);
      this.count++;
      return true;
    }
    let cur = this.root;
    for (;;) {
      const c = v.compareTo(cur.value);
      if (c === 0) return false;
      const next = c < 0 ? cur.left : cur.right;
      if (next === null) {
        if (c < 0) cur.left = new TreeNode(v);
        else cur.right = new TreeNode(v);
        this.count++;
        return true;
      }
      cur = next;
    }
  }

  has(v: T): boolean {
    let cur = this.root;
    while (cur !== null) {
      const c = v.compareTo(cur.value);
      if (c === 0) return true;
      cur = c < 0 ? cur.left : cur.right;
    }
    return false;
  }

  inOrder(visit: (v: T) => void, node: TreeNode<T> | null = this.root): void {
    if (node === null) return;
    this.inOrder(visit, node.left);
    visit(node.value);
    this.inOrder(visit, node.right);
  }

  height(node: TreeNode<T> | null = this.root): number {
    return node === null ? 0 : 1 + Math.max(this.height(node.left), this.height(node.right));
  }

  min(): T | null {
    let cur = this.root;
    if (cur === null) return null;
    while (cur.left !== null) cur = cur.left;
    return cur.value;
  }

  get size(): number {
    return this.count;
  }
}

class Num implements Comparable<Num> {
  constructor(readonly n: number) {}
  compareTo(o: Num): number {
    return this.n - o.n;
  }
}

const tree = new BST<Num>();
const values = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50, 10];
const dup: number[] = [];
for (const v of values) if (!tree.insert(new Num(v))) dup.push(v);
console.log(`size ${tree.size}, height ${tree.height()}, duplicates ${dup.join(",")}`);
const order: number[] = [];
tree.inOrder((x) => order.push(x.n));
console.log(`in order: ${order.join(" ")}`);
for (const q of [35, 36, 80, 5]) console.log(`has ${q}: ${tree.has(new Num(q))}`);
console.log(`min ${tree.min()?.n}`);

const versions = new BST<Version>();
for (const [a, b] of [[1, 2], [0, 9], [2, 0], [1, 10], [1, 2], [0, 1], [3, 3]]) versions.insert(new Version(a, b));
const vs: string[] = [];
versions.inOrder((v) => vs.push(v.toString()));
console.log(`versions: ${vs.join(" < ")}`);
console.log(`oldest ${versions.min()}, height ${versions.height()}`);
const empty = new BST<Num>();
console.log(`empty: size ${empty.size} height ${empty.height()} min ${empty.min()}`);
