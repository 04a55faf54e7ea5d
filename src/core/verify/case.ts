// One benchmark case: does `source` back up `claim`? The claim is checked as a plain-text draft against a
// library holding that one source; its score is the weakest of its findings.
import { DraftChecker } from '../checker.js';
import { SourceLibrary } from '../library.js';
import type { Verdict } from '../types.js';

export interface CaseResult {
  verdict: Verdict;
  score: number;
}

const severity: Record<Verdict, number> = { supported: 0, unsupported: 1, contradicted: 2 };

export function verifyCase(source: string, claim: string): CaseResult {
  const library = new SourceLibrary();
  library.upsert('source.txt', source);
  const findings = new DraftChecker(library).check(claim, { languageId: 'plaintext' });
  let verdict: Verdict = 'supported';
  let score = 1;
  for (const finding of findings) {
    if (severity[finding.verdict] > severity[verdict]) verdict = finding.verdict;
    score = Math.min(score, finding.score);
  }
  return { verdict, score };
}
