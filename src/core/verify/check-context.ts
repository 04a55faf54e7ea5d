// What every typed check of one claim reads: the evidence finder, the passage the claim rests on, the claim's words;
// and the word helpers the checks share.
import { STOPWORDS, type Token } from '../text/normalize.js';
import type { SourceDocument, Span } from '../types.js';
import type { EvidenceFinder, EvidenceWindow } from './evidence.js';

export interface CheckContext {
  finder: EvidenceFinder;
  document: SourceDocument;
  window: EvidenceWindow;
  /** The claim's content words. */
  words: Token[];
  /** All the claim's words (quotations and citations left out). */
  claimTokens: Token[];
}

/** The text between two offsets of the text a sentence's spans point into. */
export type Slicer = (start: number, end: number) => string;

/** A slicer over `text`, whose first character stands at offset `origin` (a draft sentence's start; 0 for a document). */
export function slicerOf(text: string, origin = 0): Slicer {
  return (start, end) => text.slice(start - origin, end - origin);
}

export const inside = (span: Span, excluded: Span[]) =>
  excluded.some((e) => span.start >= e.start && span.end <= e.end);
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const NEIGHBOUR_WORDS = 4;

/** Content words just before a span, hyphenated words split ("full-year" -> "full", "year"). */
export function wordsBefore(tokens: Token[], span: Span): string[] {
  return contentStems(tokens.filter((t) => t.span.end <= span.start).slice(-NEIGHBOUR_WORDS));
}

export function wordsAfter(tokens: Token[], span: Span): string[] {
  return contentStems(tokens.filter((t) => t.span.start >= span.end).slice(0, NEIGHBOUR_WORDS));
}

function contentStems(tokens: Token[]): string[] {
  return tokens.flatMap((t) => t.stem.split('-')).filter((word) => !STOPWORDS.has(word));
}
