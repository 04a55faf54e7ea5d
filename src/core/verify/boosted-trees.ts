// Inference for a boosted-trees model stored as plain JSON (fitted by scripts/fit-support-model.ts).
// A tree is a flat list of nodes; node 0 is the root. A split sends a value below its threshold left.

export type TreeNode = { feature: number; threshold: number; left: number; right: number } | { value: number };

export interface BoostedTrees {
  /** The log-odds every prediction starts from. */
  base: number;
  trees: TreeNode[][];
}

/** The ensemble's log-odds for one feature vector. */
export function treesMargin(model: BoostedTrees, features: readonly number[]): number {
  let margin = model.base;
  for (const tree of model.trees) {
    let node = tree[0];
    while (!('value' in node)) node = tree[features[node.feature] < node.threshold ? node.left : node.right];
    margin += node.value;
  }
  return margin;
}
