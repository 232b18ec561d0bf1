// features: classes, generics, nullable, closures, recursion, default-params, optional-chaining, arrows, array-methods, accessors, private
class TreeNode<T> {
  left: TreeNode<T> | null = null;
  right: TreeNode<T> | null = null;
  constructor(public value: T) {}
}

class BST<T> {
  private root: TreeNode<T> | null = null;
  private _size = 0;
  constructor(private compare: (a: T, b: T) => number) {}

  insert(value: T): boolean {
    if (!this.root) { this.root = new TreeNode(value); this._size++; return true; }
    let node = this.root;
    while (true) {
      const c = this.compare(value, node.value);
      if (c === 0) return false;
      const side = c < 0 ? "left" : "right";
      const child = node[side];
      if (!child) { node[side] = new TreeNode(value); this._size++; return true; }
      node = child;
    }
  }

  has(value: T): boolean {
    let node = this.root;
    while (node) {
      const c = this.compare(value, node.value);
      if (c === 0) return true;
      node = c < 0 ? node.left : node.right;
    }
    return false;
  }

  get size() { return this._size; }

  height(node: TreeNode<T> | null = this.root): number {
    return node ? 1 + Math.max(this.height(node.left), this.height(node.right)) : 0;
  }

  inOrder(): T[] {
    const out: T[] = [];
    const walk = (n: TreeNode<T> | null): void => {
      if (!n) return;
      walk(n.left);
      out.push(n.value);
      walk(n.right);
    };
    walk(this.root);
    return out;
  }

  min(): T | undefined {
    let n = this.root;
    while (n?.left) n = n.left;
    return n?.value;
  }
}

const nums = new BST<number>((a, b) => a - b);
[50, 30, 70, 20, 40, 60, 80, 30, 65].forEach((n) => nums.insert(n));
console.log(nums.size, nums.height(), nums.inOrder().join(" "), nums.min());
console.log(nums.has(65), nums.has(66));
const words = new BST<string>((a, b) => a.localeCompare(b));
"the quick brown fox jumps over the lazy dog".split(" ").forEach((w) => words.insert(w));
console.log(words.inOrder(), words.size, words.height());
const empty = new BST<number>((a, b) => b - a);
console.log(empty.min(), empty.height(), empty.inOrder());
