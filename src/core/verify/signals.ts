// The numbers a support score is computed from. One sentence gives one set of signals; a claim of several
// sentences (a benchmark summary) is described by aggregating them, so one model scores both.
import type { Problem, SentenceSignals } from '../types.js';
import type { ClaimAssessment } from './claim.js';

export const FEATURE_NAMES = [
  'minCoverage',
  'meanCoverage',
  'minAnchorCoverage',
  'minUnigram',
  'meanUnigram',
  'minBigram',
  'meanBigram',
  'numberContradicted',
  'numberAbsent',
  'dateContradicted',
  'dateAbsent',
  'entityContradicted',
  'entityAbsent',
  'negation',
  'antonym',
  'absentSentences',
  'quoteProblems',
  'minQuoteSimilarity',
  'novelWords',
  'novelUncommonWords',
  'anyContradiction',
  'minTrigram',
  'meanTrigram',
  'logValues',
  'minCoverageSquared',
  'minPairedInSentence',
  'meanPairedInSentence',
  'maxNovelWeight',
  'meanNovelWeight',
  'absentFactShare',
  'substitutionShare',
] as const;

/**
 * Which way each feature may move the support score (1: up, -1: down, 0: either), imposed on the fitted trees
 * so that, say, a contradicted number never makes a claim look better supported however rare that was in
 * the data. The best passage's coverage is left free: held to "more is better", it cost 3.4 points of dev
 * balanced accuracy in repeated grouped cross-validation (docs/support-model.md), as a claim copied whole from
 * its passage is no better supported than one that covers most of it, and overlap that the other overlap
 * features already count says less about a claim that paraphrases.
 */
export const FEATURE_DIRECTIONS: Record<(typeof FEATURE_NAMES)[number], 1 | -1 | 0> = {
  minCoverage: 0,
  meanCoverage: 0,
  minAnchorCoverage: 0,
  minUnigram: 1,
  meanUnigram: 1,
  minBigram: 1,
  meanBigram: 1,
  numberContradicted: -1,
  numberAbsent: -1,
  dateContradicted: -1,
  dateAbsent: -1,
  entityContradicted: -1,
  entityAbsent: -1,
  negation: -1,
  antonym: -1,
  absentSentences: -1,
  quoteProblems: -1,
  minQuoteSimilarity: 1,
  novelWords: -1,
  novelUncommonWords: -1,
  anyContradiction: -1,
  minTrigram: 1,
  meanTrigram: 1,
  logValues: 0,
  minCoverageSquared: 0,
  minPairedInSentence: 1,
  meanPairedInSentence: 1,
  maxNovelWeight: -1,
  meanNovelWeight: -1,
  absentFactShare: -1,
  substitutionShare: -1,
};

/**
 * Set while scripts/fit-support-model.ts refits the model: it runs the checker (whose scores it ignores) while
 * support-model.json still describes the features as they were.
 */
export const REFITTING_ENV = 'GROUNDWORK_REFITTING_SUPPORT_MODEL';

export function claimSignals(
  assessment: ClaimAssessment,
  words: number,
  facts: number,
  values: number,
): SentenceSignals {
  // Counted on words however the claim was tokenised (word-overlap.ts) wherever a document was aligned.
  const overlap = assessment.alignment.overlap ?? { ...assessment.lexical, substitutions: 0 };
  return {
    quote: false,
    coverage: assessment.exactCoverage,
    anchorCoverage: assessment.anchorCoverage,
    unigram: overlap.unigram,
    bigram: overlap.bigram,
    trigram: overlap.trigram,
    facts,
    values,
    novel: overlap.novel,
    novelUncommon: overlap.novelUncommon,
    pairedInSentence: assessment.alignment.pairedInSentence,
    novelWeight: assessment.alignment.novelWeight,
    substitutions: overlap.substitutions,
    words,
    problems: assessment.problems,
  };
}

export function quoteSignals(similarity: number, problems: Problem[], words: number): SentenceSignals {
  return {
    quote: true,
    coverage: similarity,
    anchorCoverage: similarity,
    unigram: similarity,
    bigram: similarity,
    trigram: similarity,
    facts: 0,
    values: 0,
    novel: 0,
    novelUncommon: 0,
    pairedInSentence: similarity,
    novelWeight: 1 - similarity,
    substitutions: 0,
    words,
    problems,
  };
}

/** The model's input: a fixed-order vector describing one or more sentences. */
export function featureVector(signals: SentenceSignals[]): number[] {
  const claims = signals.filter((s) => !s.quote);
  const quotes = signals.filter((s) => s.quote);
  const min = (list: SentenceSignals[], pick: (s: SentenceSignals) => number) =>
    list.length ? Math.min(...list.map(pick)) : 1;
  const mean = (list: SentenceSignals[], pick: (s: SentenceSignals) => number) =>
    list.length ? list.reduce((sum, s) => sum + pick(s), 0) / list.length : 1;
  const count = (test: (p: Problem) => boolean, list = claims) =>
    list.reduce((sum, s) => sum + s.problems.filter(test).length, 0);
  const typed = (type: Problem['type'], present: boolean) => (p: Problem) =>
    p.type === type && (p.source !== '') === present;
  return [
    min(claims, (s) => s.coverage),
    mean(claims, (s) => s.coverage),
    min(claims, (s) => s.anchorCoverage),
    min(claims, (s) => s.unigram),
    mean(claims, (s) => s.unigram),
    min(claims, (s) => s.bigram),
    mean(claims, (s) => s.bigram),
    count(typed('number', true)),
    count(typed('number', false)),
    count(typed('date', true)),
    count(typed('date', false)),
    count(typed('entity', true)),
    count(typed('entity', false)),
    count((p) => p.type === 'negation'),
    count((p) => p.type === 'antonym'),
    claims.filter((s) => s.problems.some((p) => p.type === 'absent')).length,
    count(() => true, quotes),
    min(quotes, (s) => s.coverage),
    Math.log1p(claims.reduce((sum, s) => sum + s.novel, 0)),
    Math.log1p(claims.reduce((sum, s) => sum + s.novelUncommon, 0)),
    signals.some((s) => s.problems.some((p) => p.type !== 'absent' && p.source !== '')) ? 1 : 0,
    min(claims, (s) => s.trigram),
    mean(claims, (s) => s.trigram),
    // How many numbers and dates the claim states, not names: names are found by their capitals, and benchmarks
    // whose claims are lower-cased would be told apart by a count that includes them.
    Math.log1p(claims.reduce((sum, s) => sum + s.values, 0)),
    min(claims, (s) => s.coverage) ** 2,
    min(claims, (s) => s.pairedInSentence),
    mean(claims, (s) => s.pairedInSentence),
    claims.length ? Math.max(...claims.map((s) => s.novelWeight)) : 0,
    claims.length ? mean(claims, (s) => s.novelWeight) : 0,
    // Of the numbers, dates and names stated, the share no source sentence has.
    count((p) => ['number', 'date', 'entity'].includes(p.type) && p.source === '') /
      Math.max(
        1,
        claims.reduce((sum, s) => sum + s.facts, 0),
      ),
    // Of the claim's content words, the share that replace another word between the same neighbours.
    claims.reduce((sum, s) => sum + s.substitutions, 0) /
      Math.max(
        1,
        claims.reduce((sum, s) => sum + s.words, 0),
      ),
  ];
}
