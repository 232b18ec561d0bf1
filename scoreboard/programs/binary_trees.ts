// features: classes, recursion, nullable, template-literals, integers, math
class TreeNode {
  constructor(public left: TreeNode | null, public right: TreeNode | null) {}

  check(): number {
    if (this.left === null || this.right === null) return 1;
    return 1 + this.left.check() + this.right.check();
  }
}

function bottomUpTree(depth: number): TreeNode {
  if (depth > 0) {
    return new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1));
  }
  return new TreeNode(null, null);
}

function run(maxDepth: number): void {
  const minDepth = 4;
  const max = Math.max(minDepth + 2, maxDepth);
  const stretchDepth = max + 1;
  console.log(`stretch tree of depth ${stretchDepth}\t check: ${bottomUpTree(stretchDepth).check()}`);

  const longLived = bottomUpTree(max);
  for (let depth = minDepth; depth <= max; depth += 2) {
    const iterations = 1 << (max - depth + minDepth);
    let check = 0;
    for (let i = 1; i <= iterations; i++) {
      check += bottomUpTree(depth).check();
    }
    console.log(`${iterations}\t trees of depth ${depth}\t check: ${check}`);
  }
  console.log(`long lived tree of depth ${max}\t check: ${longLived.check()}`);
}

run(6);
run(10);

// A second shape: count leaves and measure height with plain functions.
function leaves(t: TreeNode | null): number {
  if (t === null) return 0;
  if (t.left === null && t.right === null) return 1;
  return leaves(t.left) + leaves(t.right);
}

function height(t: TreeNode | null): number {
  return t === null ? 0 : 1 + Math.max(height(t.left), height(t.right));
}

function lopsided(n: number): TreeNode {
  let t = new TreeNode(null, null);
  for (let i = 0; i < n; i++) {
    t = new TreeNode(t, i % 3 === 0 ? new TreeNode(null, null) : null);
  }
  return t;
}

for (const n of [0, 1, 5, 12]) {
  const t = lopsided(n);
  console.log(`lopsided(${n}): nodes=${t.left === null ? 1 : countAll(t)} leaves=${leaves(t)} height=${height(t)}`);
}

function countAll(t: TreeNode | null): number {
  return t === null ? 0 : 1 + countAll(t.left) + countAll(t.right);
}
