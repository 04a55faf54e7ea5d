// The data of the fact-check report, from results the server already has: the report shows what the diagnostics
// show, and asking for it never runs a check.
import type { SourceLibrary } from '../core/library.js';
import { draftOutline } from '../core/report/outline.js';
import type { Finding } from '../core/types.js';
import type { ReportDataResult } from '../shared/report/protocol.js';
import type { CheckedDraft } from './draftResults.js';
import { widenToSentences } from './evidenceContext.js';

/** Findings with each passage widened to the source sentences it lies in, as hovers and diagnostics show them. */
export function findingsInContext(findings: readonly Finding[], library: SourceLibrary): Finding[] {
  return findings.map((finding) => ({
    ...finding,
    evidence: finding.evidence.map((passage) => widenToSentences(passage, library.get(passage.source))),
  }));
}

export function reportData(checked: CheckedDraft, path: string, library: SourceLibrary): NonNullable<ReportDataResult> {
  return {
    path,
    text: checked.document.getText(),
    version: checked.document.version,
    findings: findingsInContext(checked.findings, library),
    outline: draftOutline(
      checked.document.getText(),
      checked.document.languageId === 'markdown' ? 'markdown' : 'plaintext',
      checked.findings,
    ),
    sources: library
      .headers()
      .map(({ path: source, metadata }) => ({ path: source, title: metadata.title, date: metadata.date })),
  };
}
