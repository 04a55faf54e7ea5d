// The findings report (version 1), as defined by the eval's README: every field keeps its meaning.
import type { Finding } from '../types.js';
import { displayPath } from './paths.js';

export interface DraftReport {
  path: string;
  findings: Finding[];
}

export function findingsReport(files: DraftReport[], baseDirectory: string) {
  return {
    version: 1,
    files: files.map((file) => ({
      path: displayPath(file.path, baseDirectory),
      findings: file.findings.map((finding) => ({
        kind: finding.kind,
        verdict: finding.verdict,
        range: finding.range,
        text: finding.text,
        message: finding.message,
        problems: finding.problems.map(({ type, draft, source }) => ({ type, draft, source })),
        evidence: finding.evidence.map(({ source, range, text, score, title, date }) => ({
          source: displayPath(source, baseDirectory),
          range,
          text,
          score,
          title,
          date,
        })),
        score: finding.score,
      })),
    })),
  };
}
