// binary_trees for AssemblyScript (bench/impls.ts compiles it with asc when
// bench/programs/binary_trees.ts itself does not compile: "AS200: Conversion
// from type 'f64' to 'i32' requires an explicit cast"). The same program with
// AssemblyScript's integer types: depths and checks are i32 instead of
// number, the Math.max result is converted with i32(), and main is exported
// (called by the driver, which times it) instead of called at the top level.
// Output: identical to bench/programs/binary_trees.ts.

class TreeNode {
  constructor(
    public left: TreeNode | null,
    public right: TreeNode | null,
  ) {}
}

function bottomUpTree(depth: i32): TreeNode {
  return depth > 0 ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1)) : new TreeNode(null, null);
}

function itemCheck(node: TreeNode): i32 {
  const left = node.left;
  const right = node.right;
  if (left === null || right === null) return 1;
  return 1 + itemCheck(left) + itemCheck(right);
}

const MAX_DEPTH: i32 = 17;

export function main(): void {
  const minDepth: i32 = 4;
  const maxDepth = i32(Math.max(minDepth + 2, MAX_DEPTH));
  const stretchDepth = maxDepth + 1;
  console.log(`stretch tree of depth ${stretchDepth}\t check: ${itemCheck(bottomUpTree(stretchDepth))}`);

  const longLived = bottomUpTree(maxDepth);
  for (let depth = minDepth; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + minDepth);
    let check: i32 = 0;
    for (let i = 0; i < iterations; i++) check += itemCheck(bottomUpTree(depth));
    console.log(`${iterations}\t trees of depth ${depth}\t check: ${check}`);
  }
  console.log(`long lived tree of depth ${maxDepth}\t check: ${itemCheck(longLived)}`);
}
