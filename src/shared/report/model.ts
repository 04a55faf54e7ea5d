// What the fact-check report shows, computed once from a draft's findings (the same findings the diagnostics
// come from) and rendered by html.ts, for the webview and the CLI's `--format html` alike.
import { basename } from 'node:path';
import { findingCode, type FindingCode } from '../../core/report/codes.js';
import type { DraftOutline } from '../../core/report/outline.js';
import { describeProblem } from '../../core/verify/messages.js';
import type { Evidence, Finding, Problem, Range, Span, Verdict } from '../../core/types.js';
import { locateProblem } from '../../server/problemSpans.js';
import { describeSource } from '../../server/sourceLabel.js';
import { alignWords, words } from '../../server/wordAlign.js';
import { markDifferences, type PassageSegment } from '../../server/wordDiff.js';

export interface ReportInput {
  /** The draft's path as the reader knows it (relative to the workspace or the current folder). */
  path: string;
  text: string;
  findings: readonly Finding[];
  /** The draft's sections and unchecked sentences (core/report/outline.ts), from the same text as the findings. */
  outline: DraftOutline;
  /** Every source document the draft was checked against, for the "never used" list. */
  sources: readonly SourceSummary[];
  /** Paths of sources shown relative to this folder when inside it. */
  displayPath: (path: string) => string;
}

export interface SourceSummary {
  path: string;
  title?: string;
  date?: string;
}

export type ReportVerdict = Verdict | 'unchecked';
export type ReportCounts = Record<ReportVerdict, number>;

export interface ReportPassage {
  /** The source file's path (absolute when the check had it so), for opening it. */
  source: string;
  /** As hovers name it: title (file), date, line. */
  label: string;
  range: Range;
  segments: PassageSegment[];
  score: number;
}

export interface ReportRow {
  id: number;
  kind: Finding['kind'];
  verdict: Verdict;
  /** One per problem (empty when supported): the filter's problem types. */
  codes: FindingCode[];
  range: Range;
  /** The draft's words, the ones a problem is about marked. */
  draft: PassageSegment[];
  problems: string[];
  best?: ReportPassage;
  others: ReportPassage[];
}

export interface ReportSection {
  title: string;
  line: number;
  counts: ReportCounts;
}

export interface SourceUse {
  source: SourceSummary;
  label: string;
  /** Sentences and quotes whose best passage is in this source (supported or contradicted). */
  sentences: number;
}

export interface ReportModel {
  path: string;
  counts: ReportCounts;
  sections: ReportSection[];
  rows: ReportRow[];
  used: SourceUse[];
  unused: SourceUse[];
}

const emptyCounts = (): ReportCounts => ({ supported: 0, contradicted: 0, unsupported: 0, unchecked: 0 });

/** A source in the sources panel: its title and its path in the folder, or its path alone. */
function sourceLabel(source: SourceSummary, displayPath: (path: string) => string): string {
  return source.title ? `${source.title} (${displayPath(source.path)})` : displayPath(source.path);
}

/** Where in the draft value the words differ from the source value ("make" of "to make" against "to take"); all of it when none do. */
function differingDraftWords(problem: Problem, offset: number): Span[] {
  const draftWords = words(problem.draft, offset);
  const common = new Set(alignWords(draftWords, words(problem.source)).map(([i]) => i));
  const differing = draftWords.filter((_, index) => !common.has(index));
  return differing.length > 0 ? differing : [{ start: offset, end: offset + problem.draft.length }];
}

/** The draft's words with the words each problem is about marked (where the text has them). */
function markedDraft(text: string, finding: Finding): PassageSegment[] {
  const marks = new Uint8Array(finding.text.length);
  if (finding.verdict !== 'supported') {
    for (const problem of finding.problems) {
      const located = locateProblem(text, finding, problem);
      if (!located.span || problem.type === 'absent') continue;
      for (const span of differingDraftWords(located, located.span.start - finding.span.start))
        marks.fill(1, Math.max(0, span.start), span.end);
    }
  }
  const segments: PassageSegment[] = [];
  for (let i = 0; i < finding.text.length;) {
    let j = i;
    while (j < finding.text.length && marks[j] === marks[i]) j++;
    segments.push({ text: finding.text.slice(i, j), marked: marks[i] === 1 });
    i = j;
  }
  return segments;
}

function passage(finding: Finding, evidence: Evidence, marked: boolean): ReportPassage {
  // A negation's draft value is only the verb ("confirm"): aligned with the whole sentence instead, the source's
  // side keeps just the negation ("not") marked rather than every word around it.
  const problems =
    marked && finding.verdict === 'contradicted'
      ? finding.problems.map((problem) => (problem.type === 'negation' ? { ...problem, draft: finding.text } : problem))
      : [];
  return {
    source: evidence.source,
    label: describeSource(evidence),
    range: evidence.range,
    segments: markDifferences(evidence.text, finding.text, problems),
    score: evidence.score,
  };
}

function rowOf(finding: Finding, id: number, input: ReportInput): ReportRow {
  const flagged = finding.verdict !== 'supported';
  // Passages widened to whole sentences can coincide (two fragments of one sentence): each is shown once.
  const seen = new Set<string>();
  const [best, ...others] = finding.evidence.filter((evidence) => {
    const key = `${evidence.source}\u0000${evidence.span.start}\u0000${evidence.span.end}`;
    return !seen.has(key) && seen.add(key);
  });
  return {
    id,
    kind: finding.kind,
    verdict: finding.verdict,
    codes: flagged
      ? [
          ...new Set(
            (finding.problems.length > 0 ? finding.problems : [undefined]).map((problem) =>
              findingCode({ ...finding, problems: problem ? [problem] : [] }),
            ),
          ),
        ]
      : [],
    range: finding.range,
    draft: markedDraft(input.text, finding),
    problems: flagged
      ? finding.problems.length > 0
        ? finding.problems.map((problem) => describeProblem(problem, finding.kind))
        : [finding.message]
      : [],
    // An unsupported sentence's nearest passage is no evidence: it is shown, unmarked, as the closest the sources come.
    best: best && passage(finding, best, true),
    others: others.map((evidence) => passage(finding, evidence, false)),
  };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const findings = [...input.findings].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const { sections, uncheckedSentences } = input.outline;
  const counts = emptyCounts();
  const sectionCounts = sections.map(emptyCounts);
  const sectionAt = (offset: number) =>
    sections.findIndex((section) => offset >= section.span.start && offset < section.span.end);
  for (const finding of findings) {
    counts[finding.verdict]++;
    const section = sectionAt(finding.span.start);
    if (section >= 0) sectionCounts[section][finding.verdict]++;
  }
  counts.unchecked = uncheckedSentences.length;
  for (const span of uncheckedSentences) {
    const section = sectionAt(span.start);
    if (section >= 0) sectionCounts[section].unchecked++;
  }
  const uses = new Map<string, number>();
  for (const finding of findings) {
    const best = finding.evidence[0];
    if (best && finding.verdict !== 'unsupported') uses.set(best.source, (uses.get(best.source) ?? 0) + 1);
  }
  const known = new Map(input.sources.map((source) => [source.path, source]));
  for (const finding of findings) {
    for (const evidence of finding.evidence) {
      if (!known.has(evidence.source))
        known.set(evidence.source, { path: evidence.source, title: evidence.title, date: evidence.date });
    }
  }
  const use = (source: SourceSummary): SourceUse => ({
    source,
    label: sourceLabel(source, input.displayPath),
    sentences: uses.get(source.path) ?? 0,
  });
  const all = [...known.values()].map(use).sort((a, b) => b.sentences - a.sentences || a.label.localeCompare(b.label));
  return {
    path: input.path,
    counts,
    sections: sections.map((section, index) => ({
      title: section.title,
      line: lineOf(input.text, section.span.start),
      counts: sectionCounts[index],
    })),
    rows: findings.map((finding, index) => rowOf(finding, index, input)),
    used: all.filter((entry) => entry.sentences > 0),
    unused: all.filter((entry) => entry.sentences === 0),
  };
}

/** For a report title: the draft's file name. */
export const draftName = (model: ReportModel) => basename(model.path);
