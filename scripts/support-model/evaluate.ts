// Grouped cross-validation and the scorer's figures (mean over datasets of balanced accuracy and ROC AUC),
// with bootstrap intervals that resample source documents, as ../shared/benchmarks/README.md asks.
import { seededRandom } from '../../bench/random.js';

export interface Labelled {
  dataset: string;
  group: string;
  y: 0 | 1;
}

/** A figure per dataset and their mean, in percent. */
export interface Figures {
  datasets: Map<string, { n: number; balancedAccuracy: number; auc: number }>;
  balancedAccuracy: number;
  auc: number;
}

/** Every dataset weighs the same, and within it both labels weigh the same: the scorer averages over datasets. */
export function balancedWeights(rows: Labelled[]): number[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.dataset}/${r.y}`, (counts.get(`${r.dataset}/${r.y}`) ?? 0) + 1);
  return rows.map((r) => 1 / counts.get(`${r.dataset}/${r.y}`)!);
}

/**
 * Out-of-fold predictions: each case predicted by a model fitted on the folds that hold none of its document's
 * cases. `level` 1 folds by other bits of the document hash than level 0, for a cross-validation nested in one.
 */
export function crossValidate<T extends Labelled, R>(
  rows: T[],
  folds: number,
  fit: (train: T[]) => (row: T) => R,
  level: 0 | 1 = 0,
): R[] {
  const foldOf = (row: T) => parseInt(row.group.slice(8 * level, 8 * level + 8), 16) % folds;
  const scores = new Array<R>(rows.length);
  for (let k = 0; k < folds; k++) {
    const score = fit(rows.filter((r) => foldOf(r) !== k));
    rows.forEach((r, i) => {
      if (foldOf(r) === k) scores[i] = score(r);
    });
  }
  return scores;
}

/** `supported[i]` is case i's verdict (the score at or above the threshold in force for it). */
export function figures(rows: Labelled[], scores: number[], supported: boolean[]): Figures {
  const byDataset = new Map<
    string,
    { positive: number[]; negative: number[]; truePositive: number; trueNegative: number }
  >();
  rows.forEach((r, i) => {
    const entry = byDataset.get(r.dataset) ?? { positive: [], negative: [], truePositive: 0, trueNegative: 0 };
    (r.y ? entry.positive : entry.negative).push(scores[i]);
    if (r.y && supported[i]) entry.truePositive++;
    if (!r.y && !supported[i]) entry.trueNegative++;
    byDataset.set(r.dataset, entry);
  });
  const datasets = new Map<string, { n: number; balancedAccuracy: number; auc: number }>();
  for (const [dataset, { positive, negative, truePositive, trueNegative }] of [...byDataset].sort()) {
    datasets.set(dataset, {
      n: positive.length + negative.length,
      balancedAccuracy:
        50 *
        ((positive.length ? truePositive / positive.length : 0) +
          (negative.length ? trueNegative / negative.length : 0)),
      auc: 100 * rocAuc(positive, negative),
    });
  }
  const values = [...datasets.values()];
  const mean = (pick: (v: (typeof values)[number]) => number) =>
    values.reduce((s, v) => s + pick(v), 0) / values.length;
  return { datasets, balancedAccuracy: mean((v) => v.balancedAccuracy), auc: mean((v) => v.auc) };
}

/** The threshold with the best mean balanced accuracy over datasets (ties: the one nearest 0.5). */
export function bestThreshold(rows: Labelled[], scores: number[]): number {
  let best = { threshold: 0.5, value: -1 };
  for (let t = 0.2; t <= 0.8001; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const value = figures(
      rows,
      scores,
      scores.map((s) => s >= threshold),
    ).balancedAccuracy;
    if (
      value > best.value + 1e-9 ||
      (Math.abs(value - best.value) <= 1e-9 && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))
    ) {
      best = { threshold, value };
    }
  }
  return best.threshold;
}

/** 95% percentile intervals of each figure, resampling each dataset's source documents with replacement. */
export function bootstrap(
  rows: Labelled[],
  scores: number[],
  supported: boolean[],
  replicates = 1000,
  seed = 1,
): Map<string, [number, number]> {
  const random = seededRandom(seed);
  const groups = new Map<string, Map<string, number[]>>();
  rows.forEach((r, i) => {
    const byGroup = groups.get(r.dataset) ?? new Map<string, number[]>();
    const members = byGroup.get(r.group) ?? [];
    members.push(i);
    byGroup.set(r.group, members);
    groups.set(r.dataset, byGroup);
  });
  const samples = new Map<string, number[]>();
  const record = (key: string, value: number) => {
    const values = samples.get(key) ?? [];
    values.push(value);
    samples.set(key, values);
  };
  for (let b = 0; b < replicates; b++) {
    const picked: number[] = [];
    for (const byGroup of groups.values()) {
      const members = [...byGroup.values()];
      for (let j = 0; j < members.length; j++) picked.push(...members[Math.floor(random() * members.length)]);
    }
    const result = figures(
      picked.map((i) => rows[i]),
      picked.map((i) => scores[i]),
      picked.map((i) => supported[i]),
    );
    record('balancedAccuracy', result.balancedAccuracy);
    record('auc', result.auc);
    for (const [dataset, value] of result.datasets) {
      record(`${dataset}/balancedAccuracy`, value.balancedAccuracy);
      record(`${dataset}/auc`, value.auc);
    }
  }
  const interval = new Map<string, [number, number]>();
  for (const [key, values] of samples) {
    values.sort((a, b) => a - b);
    interval.set(key, [values[Math.floor(0.025 * values.length)], values[Math.ceil(0.975 * values.length) - 1]]);
  }
  return interval;
}

function rocAuc(positive: number[], negative: number[]): number {
  if (!positive.length || !negative.length) return NaN;
  const all = [...positive.map((s) => [s, 1]), ...negative.map((s) => [s, 0])].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let k = 0; k < all.length;) {
    let j = k;
    while (j < all.length && all[j][0] === all[k][0]) j++;
    for (let m = k; m < j; m++) if (all[m][1]) rankSum += (k + j + 1) / 2;
    k = j;
  }
  return (rankSum - (positive.length * (positive.length + 1)) / 2) / (positive.length * negative.length);
}
