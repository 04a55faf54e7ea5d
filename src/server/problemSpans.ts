// Gives every problem the draft span it is about, so underlines and quick fixes sit on the words themselves
// even when the core reports a problem by its text only (a negation reported as the whole sentence).
import type { Finding, Problem } from '../core/types.js';

const FINAL_PUNCTUATION = /[.!?]+$/;

/** The draft value without final punctuation that the source value lacks ("…the requests." vs "…the requests"). */
function trimmedDraft(problem: Problem): string {
  const punctuation = FINAL_PUNCTUATION.exec(problem.draft)?.[0];
  return punctuation && !problem.source.endsWith(punctuation)
    ? problem.draft.slice(0, -punctuation.length)
    : problem.draft;
}

export function locateProblem(text: string, finding: Finding, problem: Problem): Problem {
  if (problem.span || !problem.draft) return problem;
  const draft = trimmedDraft(problem);
  const at = text.slice(finding.span.start, finding.span.end).indexOf(draft);
  if (at < 0) return problem;
  const start = finding.span.start + at;
  return { ...problem, draft, span: { start, end: start + draft.length } };
}

export function locateProblems(text: string, finding: Finding): Finding {
  return finding.problems.every((problem) => problem.span || !problem.draft)
    ? finding
    : { ...finding, problems: finding.problems.map((problem) => locateProblem(text, finding, problem)) };
}
