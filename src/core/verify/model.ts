// The support model: boosted trees or a logistic regression over the signals' feature vector, whichever scored
// better in grouped cross-validation on the benchmarks' dev split (scripts/fit-support-model.ts).
import fitted from './support-model.json';
import type { SentenceSignals } from '../types.js';
import { treesMargin, type BoostedTrees } from './boosted-trees.js';
import { FEATURE_NAMES, featureVector, REFITTING_ENV } from './signals.js';

export interface LogisticRegression {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export type SupportModel = {
  features: string[];
  /** Support probability below which a benchmark claim is called unsupported (chosen in cross-validation). */
  threshold: number;
  /** How the model was fitted and what it scored in cross-validation: read by people, not by the code. */
  provenance?: unknown;
} & ({ kind: 'boosted-trees'; model: BoostedTrees } | { kind: 'logistic'; model: LogisticRegression });

export const SUPPORT_MODEL = fitted as SupportModel;

if (SUPPORT_MODEL.features.join() !== FEATURE_NAMES.join() && !process.env[REFITTING_ENV]) {
  throw new Error('support-model.json was fitted on other features: run `npm run fit-model`');
}

export function supportProbability(signals: SentenceSignals[], model: SupportModel = SUPPORT_MODEL): number {
  return predict(model, featureVector(signals));
}

/**
 * A claim in which the typed checks found a contradiction scores below the verdict threshold, and below even
 * odds, however well its words overlap the source: a support score that calls a contradicted finding supported
 * (or a hover that reads "Contradicted (support 0.58)") would contradict its own verdict. Applied in cross-validation too; there it costs 0.3 points of dev mean balanced accuracy and
 * ROC AUC, within the noise, as the benchmarks' summaries trip the typed checks more often than drafts do.
 */
const CONTRADICTION = FEATURE_NAMES.indexOf('anyContradiction');
const BELOW_THRESHOLD = 0.01;

export function predict(model: SupportModel, features: readonly number[]): number {
  const probability = 1 / (1 + Math.exp(-margin(model, features)));
  return features[CONTRADICTION] > 0
    ? Math.min(probability, Math.min(model.threshold, 0.5) - BELOW_THRESHOLD)
    : probability;
}

function margin(model: SupportModel, features: readonly number[]): number {
  if (model.kind === 'boosted-trees') return treesMargin(model.model, features);
  const { mean, scale, weights, bias } = model.model;
  let z = bias;
  for (let i = 0; i < features.length; i++) z += weights[i] * ((features[i] - mean[i]) / scale[i]);
  return z;
}
