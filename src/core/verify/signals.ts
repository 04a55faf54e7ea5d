// The numbers a support score is computed from. One sentence gives one set of signals; a claim of several
// sentences (a benchmark summary) is described by aggregating them, so one model scores both.
import type { Problem, SentenceSignals } from '../types.js';
import type { ClaimAssessment } from './claim.js';

export const FEATURE_NAMES = [
  'minCoverage', 'meanCoverage', 'minAnchorCoverage', 'minUnigram', 'meanUnigram', 'minBigram', 'meanBigram',
  'logWords', 'sentences', 'numberContradicted', 'numberAbsent', 'dateContradicted', 'dateAbsent',
  'entityContradicted', 'entityAbsent', 'negation', 'antonym', 'absentSentences', 'quoteProblems', 'minQuoteSimilarity',
  'novelWords', 'novelUncommonWords', 'anyContradiction', 'minTrigram', 'meanTrigram', 'logFacts', 'minCoverageSquared',
] as const;

export function claimSignals(assessment: ClaimAssessment, words: number, facts: number): SentenceSignals {
  return {
    quote: false,
    coverage: assessment.exactCoverage,
    anchorCoverage: assessment.anchorCoverage,
    unigram: assessment.lexical.unigram,
    bigram: assessment.lexical.bigram,
    trigram: assessment.lexical.trigram,
    facts,
    novel: assessment.lexical.novel,
    novelUncommon: assessment.lexical.novelUncommon,
    words,
    problems: assessment.problems,
  };
}

export function quoteSignals(similarity: number, problems: Problem[], words: number): SentenceSignals {
  return { quote: true, coverage: similarity, anchorCoverage: similarity, unigram: similarity, bigram: similarity, trigram: similarity, facts: 0, novel: 0, novelUncommon: 0, words, problems };
}

/** The model's input: a fixed-order vector describing one or more sentences. */
export function featureVector(signals: SentenceSignals[]): number[] {
  const claims = signals.filter((s) => !s.quote);
  const quotes = signals.filter((s) => s.quote);
  const min = (list: SentenceSignals[], pick: (s: SentenceSignals) => number) => (list.length ? Math.min(...list.map(pick)) : 1);
  const mean = (list: SentenceSignals[], pick: (s: SentenceSignals) => number) =>
    list.length ? list.reduce((sum, s) => sum + pick(s), 0) / list.length : 1;
  const count = (test: (p: Problem) => boolean, list = claims) =>
    list.reduce((sum, s) => sum + s.problems.filter(test).length, 0);
  const typed = (type: Problem['type'], present: boolean) => (p: Problem) => p.type === type && (p.source !== '') === present;
  return [
    min(claims, (s) => s.coverage),
    mean(claims, (s) => s.coverage),
    min(claims, (s) => s.anchorCoverage),
    min(claims, (s) => s.unigram),
    mean(claims, (s) => s.unigram),
    min(claims, (s) => s.bigram),
    mean(claims, (s) => s.bigram),
    Math.log1p(signals.reduce((sum, s) => sum + s.words, 0)),
    signals.length,
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
    Math.log1p(claims.reduce((sum, s) => sum + s.facts, 0)),
    min(claims, (s) => s.coverage) ** 2,
  ];
}
