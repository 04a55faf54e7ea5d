// Pieces of a source cut at sentence boundaries, so that tokenising a piece gives exactly the words the whole
// document's tokens have there: no word is cut in half at a window's edge.
import { partitionPoint } from '../text/partition-point.js';
import type { SourceDocument, Span } from '../types.js';

/** The first and last sentence that [start, end) touches (clamped to the document's sentences). */
export function sentencesAround(document: SourceDocument, start: number, end: number): { first: number; last: number } {
  const last = Math.max(0, Math.min(firstSentenceEndingAfter(document, end), document.sentences.length - 1));
  return { first: Math.min(firstSentenceEndingAfter(document, start), last), last };
}

/** [start, end) widened to the start of the sentence holding `start` and the end of the one holding `end`. */
export function sentenceWindow(document: SourceDocument, start: number, end: number): Span {
  const { sentences, text } = document;
  if (sentences.length === 0) return { start: Math.max(0, start), end: Math.min(text.length, end) };
  const { first, last } = sentencesAround(document, start, end);
  return {
    start: Math.max(0, Math.min(start, sentences[first].span.start)),
    end: Math.min(text.length, Math.max(end, sentences[last].span.end)),
  };
}

function firstSentenceEndingAfter({ sentences }: SourceDocument, offset: number): number {
  return partitionPoint(sentences.length, (i) => sentences[i].span.end <= offset);
}
