// How far a check reads when it asks whether a source has a fact anywhere ("does it give this number at all?",
// "which words does it ever use?"): the whole of an article, but only the SCANNED_SENTENCES sentences around
// the matched passage of a long document. Reading every sentence made a check's cost grow with the size of the
// documents it matched, not with what matched: the same 8.6 MB of articles took 1.1 s as 2,575 files and 51 s
// (2 GB) as five files of 1.85 MB, each claim extracting the facts of tens of thousands of sentences.
// 1,000 sentences hold any benchmark article whole but one or two.
import type { SourceDocument, Span } from '../types.js';

export const SCANNED_SENTENCES = 1_000;

/** The indices of the sentences read around `anchor`: all of them when the document has few enough. */
export function sentencesNear(document: SourceDocument, anchor: number): number[] {
  const { first, last } = rangeNear(document, anchor);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The text those sentences span: the whole document when it has few enough sentences. */
export function textNear(document: SourceDocument, anchor: number): Span {
  if (document.sentences.length <= SCANNED_SENTENCES) return { start: 0, end: document.text.length };
  const { first, last } = rangeNear(document, anchor);
  return { start: document.sentences[first]!.span.start, end: document.sentences[last]!.span.end };
}

function rangeNear(document: SourceDocument, anchor: number): { first: number; last: number } {
  const count = document.sentences.length;
  if (count <= SCANNED_SENTENCES) return { first: 0, last: count - 1 };
  const first = Math.max(0, Math.min(anchor - Math.floor(SCANNED_SENTENCES / 2), count - SCANNED_SENTENCES));
  return { first, last: first + SCANNED_SENTENCES - 1 };
}
