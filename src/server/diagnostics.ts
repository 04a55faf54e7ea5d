// Findings -> LSP diagnostics: one per problem, on the exact words that are wrong, carrying their evidence.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { shortSourceName, TEAM_PREFIX } from '../core/corpus/origin.js';
import { findingCode } from '../core/report/codes.js';
import type { Evidence, Finding, Problem, Range, Span } from '../core/types.js';
import { findingFingerprint } from './fingerprint.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticCode, type DiagnosticData } from '../shared/protocol.js';
import type { SeverityName } from './settings.js';

const SEVERITIES: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const PROBLEM_LABELS: Record<Problem['type'], string> = {
  number: 'Wrong number',
  date: 'Wrong date',
  entity: 'Wrong name',
  negation: 'Flipped negation',
  antonym: 'Opposite meaning',
  wording: 'Misquote',
  attribution: 'Wrong speaker',
  absent: 'No source says this',
  citation: 'The cited source does not say this',
};

export interface DiagnosticContext {
  /** Draft offsets -> positions (the document the findings were computed on). */
  rangeOf(span: Span): Range;
  severity: Record<DiagnosticCode, SeverityName>;
  ignored: ReadonlySet<string>;
  uriOfPath: (path: string) => string;
}

/** The code of one problem of a finding: the same rule the CLI's reports apply to a finding's first problem. */
export function diagnosticCode(finding: Finding, problem?: Problem): DiagnosticCode {
  return findingCode({ ...finding, problems: problem ? [problem] : [] });
}

export function problemMessage(finding: Finding, problem?: Problem): string {
  if (!problem || problem.type === 'absent') return finding.message || PROBLEM_LABELS.absent;
  const label = PROBLEM_LABELS[problem.type];
  if (problem.type === 'citation') {
    if (problem.unknownKey)
      return `Unknown citation key: “${problem.draft}” — ${problem.source ? `[@${problem.source}] says this` : 'no source has this key'}`;
    return `${label}: [@${problem.draft}] — [@${problem.source}] does`;
  }
  if (!problem.source) return `${label}: “${problem.draft}” — not in the closest source`;
  return `${label}: “${problem.draft}” — the source says “${problem.source}”`;
}

const PREVIEW_LENGTH = 90;

/** Where the source says it. The editor shows the location (file, line) itself: the message stays one short line. */
function relatedInformation(
  evidence: Evidence | undefined,
  problem: Problem | undefined,
  uriOfPath: (path: string) => string,
): DiagnosticRelatedInformation[] {
  if (!evidence) return [];
  const passage = evidence.text.replace(/\s+/g, ' ').trim();
  const preview = passage.length > PREVIEW_LENGTH ? `${passage.slice(0, PREVIEW_LENGTH - 1)}…` : passage;
  const message = problem?.source ? `the source says “${problem.source}”` : `“${preview}”`;
  return [
    {
      location: { uri: uriOfPath(evidence.source), range: evidence.range },
      message: [sourceName(evidence), message].filter(Boolean).join(': '),
    },
  ];
}

/** The source's title; a team corpus's document is named too (`team:FILE`), as the editor cannot show its file. */
function sourceName(evidence: Evidence): string | undefined {
  if (!evidence.source.startsWith(TEAM_PREFIX)) return evidence.title;
  const team = shortSourceName(evidence.source);
  return evidence.title ? `${evidence.title} (${team})` : team;
}

export function findingDiagnostics(finding: Finding, context: DiagnosticContext): Diagnostic[] {
  if (finding.verdict === 'supported') return [];
  const problems: (Problem | undefined)[] = finding.problems.length > 0 ? finding.problems : [undefined];
  return problems.flatMap((problem): Diagnostic[] => {
    const code = diagnosticCode(finding, problem);
    const severity = context.severity[code];
    const fingerprint = findingFingerprint(finding, problem);
    if (severity === 'off' || context.ignored.has(fingerprint)) return [];
    const data: DiagnosticData = {
      fingerprint,
      kind: finding.kind,
      verdict: finding.verdict,
      problem,
      span: finding.span,
      evidence: finding.evidence,
    };
    return [
      {
        range: problem?.span ? context.rangeOf(problem.span) : finding.range,
        severity: SEVERITIES[severity],
        source: DIAGNOSTIC_SOURCE,
        code,
        message: problemMessage(finding, problem),
        relatedInformation: relatedInformation(finding.evidence[0], problem, context.uriOfPath),
        data,
      },
    ];
  });
}

export function findingsToDiagnostics(findings: readonly Finding[], context: DiagnosticContext): Diagnostic[] {
  return findings.flatMap((finding) => findingDiagnostics(finding, context));
}
