// A logistic regression over the signals, fitted on the benchmarks' dev split by scripts/fit-support-model.ts.
import fitted from './support-model.json';
import type { SentenceSignals } from '../types.js';
import { FEATURE_NAMES, featureVector } from './signals.js';

export interface SupportModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Support probability below which a benchmark claim is called unsupported (chosen on the dev split). */
  threshold: number;
}

export const SUPPORT_MODEL: SupportModel = fitted;

if (SUPPORT_MODEL.features.join() !== FEATURE_NAMES.join()) {
  throw new Error('support-model.json was fitted on other features: run `npm run fit-model`');
}

export function supportProbability(signals: SentenceSignals[], model: SupportModel = SUPPORT_MODEL): number {
  return predict(model, featureVector(signals));
}

export function predict(model: SupportModel, features: number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i] * ((features[i] - model.mean[i]) / model.scale[i]);
  return 1 / (1 + Math.exp(-z));
}
