// A finding's identity that survives edits elsewhere in the draft: no offsets, only what was said and found wrong.
import { createHash } from 'node:crypto';
import type { Finding, Problem } from '../core/types.js';

/** Case, typography and spacing do not change what a sentence says. */
export function normaliseSentence(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function findingFingerprint(finding: Finding, problem?: Problem): string {
  const parts = [
    finding.kind,
    problem?.type ?? finding.verdict,
    problem?.draft ?? '',
    problem?.source ?? '',
    normaliseSentence(finding.text),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
