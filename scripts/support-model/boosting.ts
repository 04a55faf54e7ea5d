// Gradient-boosted regression trees for a weighted logistic loss (second-order leaves, as in XGBoost).
// Hand-written: npm has no maintained pure-JS booster that takes case weights, and fitting ~2,000 cases
// with a few dozen features needs no more than exact split search over pre-sorted columns.
import { seededRandom } from '../../bench/random.js';
import type { BoostedTrees, TreeNode } from '../../src/core/verify/boosted-trees.js';

export interface BoostingParameters {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values, in units of (normalised) case weight. */
  lambda: number;
  /** A split must leave at least this much hessian (weight × p(1-p)) on each side. */
  minChildHessian: number;
  /** Per feature: 1 if the score may only rise with it, -1 if only fall, 0 if either (as XGBoost's constraints). */
  monotone: readonly number[];
  /** Share of the cases each tree is grown on, drawn afresh per tree (stochastic gradient boosting); default 1. */
  subsample?: number;
}

export interface Example {
  x: number[];
  y: 0 | 1;
  weight: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clamp = (value: number, lower: number, upper: number) => Math.min(upper, Math.max(lower, value));

export function fitBoostedTrees(examples: Example[], parameters: BoostingParameters): BoostedTrees {
  const n = examples.length;
  const features = examples[0]?.x.length ?? 0;
  // Weights rescaled to mean 1, so lambda and minChildHessian mean the same whatever the weighting.
  const totalWeight = examples.reduce((sum, e) => sum + e.weight, 0);
  const weight = examples.map((e) => (e.weight * n) / totalWeight);
  const positive = examples.reduce((sum, e, i) => sum + e.y * weight[i], 0) / n;
  const base = Math.log(positive / (1 - positive));
  const margin = new Float64Array(n).fill(base);
  const sorted = Array.from({ length: features }, (_, f) =>
    Int32Array.from(examples.keys()).sort((a, b) => examples[a].x[f] - examples[b].x[f]),
  );
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const trees: TreeNode[][] = [];
  const random = seededRandom(1);
  for (let t = 0; t < parameters.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]);
      gradient[i] = weight[i] * (p - examples[i].y);
      hessian[i] = weight[i] * p * (1 - p);
    }
    const tree: TreeNode[] = [];
    const leafOf = new Int32Array(n);
    const member = new Uint8Array(n).fill(1);
    if (parameters.subsample !== undefined && parameters.subsample < 1)
      for (let i = 0; i < n; i++) member[i] = random() < parameters.subsample ? 1 : 0;
    grow(tree, member, 0, leafOf, -Infinity, Infinity);
    // Every case moves by the leaf its features reach, whether or not the tree was grown on it.
    for (let i = 0; i < n; i++) margin[i] += leafValue(tree, examples[i].x);
    trees.push(tree);
  }
  return { base, trees };

  // Grows the subtree of the cases marked in `member` and records each case's leaf. Its leaves' values stay
  // within [lower, upper], the bounds that keep the monotone features monotone across the tree.
  function grow(
    tree: TreeNode[],
    member: Uint8Array,
    depth: number,
    leafOf: Int32Array,
    lower: number,
    upper: number,
  ): void {
    const index = tree.length;
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (!member[i]) continue;
      g += gradient[i];
      h += hessian[i];
    }
    const split = depth < parameters.depth ? bestSplit(member, g, h, lower, upper) : undefined;
    if (!split) {
      tree.push({ value: clamp(-g / (h + parameters.lambda), lower, upper) * parameters.learningRate });
      for (let i = 0; i < n; i++) if (member[i]) leafOf[i] = index;
      return;
    }
    const node = { feature: split.feature, threshold: split.threshold, left: 0, right: 0 };
    tree.push(node);
    const left = new Uint8Array(n);
    const right = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (member[i]) (examples[i].x[split.feature] < split.threshold ? left : right)[i] = 1;
    const direction = parameters.monotone[split.feature];
    node.left = tree.length;
    grow(tree, left, depth + 1, leafOf, direction < 0 ? split.middle : lower, direction > 0 ? split.middle : upper);
    node.right = tree.length;
    grow(tree, right, depth + 1, leafOf, direction > 0 ? split.middle : lower, direction < 0 ? split.middle : upper);
  }

  function bestSplit(
    member: Uint8Array,
    g: number,
    h: number,
    lower: number,
    upper: number,
  ): { feature: number; threshold: number; middle: number } | undefined {
    const { lambda, minChildHessian, monotone } = parameters;
    const parentScore = (g * g) / (h + lambda);
    let best: { feature: number; threshold: number; middle: number; gain: number } | undefined;
    for (let f = 0; f < features; f++) {
      let gl = 0;
      let hl = 0;
      let previous: number | undefined;
      for (const i of sorted[f]) {
        if (!member[i]) continue;
        const value = examples[i].x[f];
        if (previous !== undefined && value !== previous && hl >= minChildHessian && h - hl >= minChildHessian) {
          const gain = (gl * gl) / (hl + lambda) + ((g - gl) * (g - gl)) / (h - hl + lambda) - parentScore;
          const left = clamp(-gl / (hl + lambda), lower, upper);
          const right = clamp(-(g - gl) / (h - hl + lambda), lower, upper);
          const allowed = monotone[f] === 0 || Math.sign(right - left) !== -Math.sign(monotone[f]);
          if (allowed && gain > 1e-9 && (!best || gain > best.gain))
            best = { feature: f, threshold: (previous + value) / 2, middle: (left + right) / 2, gain };
        }
        gl += gradient[i];
        hl += hessian[i];
        previous = value;
      }
    }
    return best;
  }
}

function leafValue(tree: TreeNode[], x: readonly number[]): number {
  let node = tree[0];
  while (!('value' in node)) node = tree[x[node.feature] < node.threshold ? node.left : node.right];
  return node.value;
}
