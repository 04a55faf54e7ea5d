// One code per kind of problem, shared by diagnostics, SARIF rules and reports, so users can tune severities.
import type { Finding } from '../types.js';

export const FINDING_CODES = [
  'misquote',
  'number',
  'date',
  'entity',
  'negation',
  'antonym',
  'attribution',
  'citation',
  'unsupported',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const CODE_DESCRIPTIONS: Record<FindingCode, string> = {
  misquote: 'A quotation whose words differ from the source',
  number: 'A number the source gives differently, or not at all',
  date: 'A date the source gives differently, or not at all',
  entity: 'A name (person, place, organisation) the source does not have here',
  negation: 'The source says the opposite (a negation added or dropped)',
  antonym: 'The source uses the opposite word',
  attribution: 'Words or facts put in the wrong mouth',
  citation: 'The cited source does not say this, another one does',
  unsupported: 'No source says this',
};

/** The code of a flagged finding: its first problem decides. */
export function findingCode(finding: Finding): FindingCode {
  const problem = finding.problems[0];
  if (!problem || problem.type === 'absent') return 'unsupported';
  if (problem.type === 'wording') return 'misquote';
  if (finding.kind === 'quote' && problem.source === '' && problem.type !== 'negation') return 'unsupported';
  return problem.type;
}

export function isFlagged(finding: Finding): boolean {
  return finding.verdict !== 'supported';
}
