// Pieces of a source cut at sentence boundaries, so that tokenising a piece gives exactly the words the whole
// document's tokens have there: no word is cut in half at a window's edge.
import type { SourceDocument, Span } from '../types.js';

/** [start, end) widened to the start of the sentence holding `start` and the end of the one holding `end`. */
export function sentenceWindow(document: SourceDocument, start: number, end: number): Span {
  const { sentences, text } = document;
  const first = firstSentenceEndingAfter(document, start);
  const last = firstSentenceEndingAfter(document, end);
  return {
    start: Math.max(0, Math.min(start, sentences[first]?.span.start ?? text.length)),
    end: Math.min(text.length, Math.max(end, sentences[Math.min(last, sentences.length - 1)]?.span.end ?? text.length)),
  };
}

function firstSentenceEndingAfter({ sentences }: SourceDocument, offset: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sentences[middle].span.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
