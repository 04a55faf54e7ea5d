// L2-regularised weighted logistic regression (Newton's method on standardised features): the simpler model
// the boosted trees must beat in cross-validation to be kept.
import type { LogisticRegression } from '../../src/core/verify/model.js';
import type { Example } from './boosting.js';

export function fitLogistic(examples: Example[], l2: number): LogisticRegression {
  const d = examples[0].x.length;
  const n = examples.length;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((s, e) => s + e.x[j], 0) / n);
  const scale = Array.from(
    { length: d },
    (_, j) => Math.sqrt(examples.reduce((s, e) => s + (e.x[j] - mean[j]) ** 2, 0) / n) || 1,
  );
  const z = examples.map((e) => [1, ...e.x.map((v, j) => (v - mean[j]) / scale[j])]);
  const penalty = (l2 * examples.reduce((s, e) => s + e.weight, 0)) / n;
  let beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * beta[j], 0)));
      const w = examples[i].weight;
      for (let a = 0; a <= d; a++) {
        gradient[a] += w * (examples[i].y - p) * x[a];
        for (let b = 0; b <= d; b++) hessian[a][b] += w * p * (1 - p) * x[a] * x[b];
      }
    });
    for (let a = 1; a <= d; a++) {
      gradient[a] -= penalty * beta[a];
      hessian[a][a] += penalty;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0] };
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || a[col][col] === 0) continue;
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}
