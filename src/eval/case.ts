// One benchmark case: does `source` back up `claim`? The claim is checked as a plain-text draft against a
// library holding that one source; the support model scores all its sentences together.
import { DraftChecker } from '../core/checker.js';
import { SourceLibrary } from '../core/library.js';
import type { SentenceSignals, Verdict } from '../core/types.js';
import { SUPPORT_MODEL, supportProbability } from '../core/verify/model.js';

export interface CaseResult {
  verdict: Verdict;
  score: number;
}

/** The signals of every checked sentence and quotation of the claim. */
export function caseSignals(source: string, claim: string): { signals: SentenceSignals[]; contradicted: boolean } {
  const library = new SourceLibrary();
  library.upsert('source.txt', source);
  const findings = new DraftChecker(library).check(claim, { languageId: 'plaintext' });
  return {
    signals: findings.flatMap((finding) => (finding.signals ? [finding.signals] : [])),
    contradicted: findings.some((finding) => finding.verdict === 'contradicted'),
  };
}

export function verifyCase(source: string, claim: string): CaseResult {
  const { signals, contradicted } = caseSignals(source, claim);
  const score = supportProbability(signals);
  if (score >= SUPPORT_MODEL.threshold) return { verdict: 'supported', score };
  return { verdict: contradicted ? 'contradicted' : 'unsupported', score };
}
