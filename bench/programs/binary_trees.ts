// binary_trees: the Benchmarks Game's binary-trees, as its TypeScript entry is
// written (one thread): allocate a stretch tree, keep one long-lived tree, then
// build and walk 2^k short-lived perfect trees of each even depth from 4 to
// MAX_DEPTH. Every node is a heap object with two nullable child references.
// Output: the game's lines, identical to bench/c/binary_trees.c (malloc/free).

class TreeNode {
  constructor(
    public left: TreeNode | null,
    public right: TreeNode | null,
  ) {}
}

function bottomUpTree(depth: number): TreeNode {
  return depth > 0 ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1)) : new TreeNode(null, null);
}

function itemCheck(node: TreeNode): number {
  const left = node.left;
  const right = node.right;
  if (left === null || right === null) return 1;
  return 1 + itemCheck(left) + itemCheck(right);
}

const MAX_DEPTH = 17;

function main(): void {
  const minDepth = 4;
  const maxDepth = Math.max(minDepth + 2, MAX_DEPTH);
  const stretchDepth = maxDepth + 1;
  console.log(`stretch tree of depth ${stretchDepth}\t check: ${itemCheck(bottomUpTree(stretchDepth))}`);

  const longLived = bottomUpTree(maxDepth);
  for (let depth = minDepth; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + minDepth);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += itemCheck(bottomUpTree(depth));
    console.log(`${iterations}\t trees of depth ${depth}\t check: ${check}`);
  }
  console.log(`long lived tree of depth ${maxDepth}\t check: ${itemCheck(longLived)}`);
}

main();
