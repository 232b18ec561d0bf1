// features: generics, classes, nullable, optional-chaining, accessors, private, readonly, default-params, recursion, arrows, array-methods, spread, template-literals, string-methods, math
class TreeNode<T> {
  left: TreeNode<T> | null = null;
  right: TreeNode<T> | null = null;
  constructor(public value: T) {}
}

class BinarySearchTree<T> {
  private root: TreeNode<T> | null = null;
  private _size = 0;

  constructor(private readonly cmp: (a: T, b: T) => number) {}

  get size(): number {
    return this._size;
  }

  insert(value: T): boolean {
    if (!this.root) {
      this.root = new TreeNode(value);
      this._size++;
      return true;
    }
    let cur = this.root;
    while (true) {
      const c = this.cmp(value, cur.value);
      if (c === 0) return false;
      if (c < 0) {
        if (!cur.left) {
          cur.left = new TreeNode(value);
          break;
        }
        cur = cur.left;
      } else {
        if (!cur.right) {
          cur.right = new TreeNode(value);
          break;
        }
        cur = cur.right;
      }
    }
    this._size++;
    return true;
  }

  has(value: T): boolean {
    let cur = this.root;
    while (cur) {
      const c = this.cmp(value, cur.value);
      if (c === 0) return true;
      cur = c < 0 ? cur.left : cur.right;
    }
    return false;
  }

  *inOrder(node: TreeNode<T> | null = this.root): Generator<T> {
    if (!node) return;
    yield* this.inOrder(node.left);
    yield node.value;
    yield* this.inOrder(node.right);
  }

  height(node: TreeNode<T> | null = this.root): number {
    return node ? 1 + Math.max(this.height(node.left), this.height(node.right)) : 0;
  }

  min(): T | undefined {
    let cur = this.root;
    while (cur?.left) cur = cur.left;
    return cur?.value;
  }

  rangeCount(lo: T, hi: T): number {
    let n = 0;
    for (const v of this.inOrder()) if (this.cmp(v, lo) >= 0 && this.cmp(v, hi) <= 0) n++;
    return n;
  }
}

const tree = new BinarySearchTree<number>((a, b) => a - b);
const values = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30];
const inserted = values.map((v) => tree.insert(v));
console.log(inserted.filter((x) => !x).length, "duplicates");
console.log("size", tree.size, "height", tree.height(), "min", tree.min());
console.log([...tree.inOrder()].join(" "));
console.log(tree.has(45), tree.has(46), tree.rangeCount(33, 66));

const words = new BinarySearchTree<string>((a, b) => a.localeCompare(b));
"the quick brown fox jumps over the lazy dog".split(" ").forEach((w) => words.insert(w));
console.log(Array.from(words.inOrder()), words.size);
const empty = new BinarySearchTree<number>((a, b) => a - b);
console.log(empty.min(), empty.height(), [...empty.inOrder()]);
