// Editor support around the core's Pandoc citations (`[@key]`, `[see @key, p. 4; @other]`): which key is under
// the cursor, which key is being typed, and where a new citation goes.
import { findCitations, type Citation } from '../core/draft/citations.js';
import type { Span } from '../core/types.js';

const OPEN_KEY_BEFORE_CURSOR = /\[[^[\]\n]*(?<![\p{L}\p{N}_])@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;

/** The citation whose key (or its `@`) is under the cursor. */
export function citationKeyAt(text: string, offset: number): Citation | undefined {
  return findCitations(text).find((citation) => offset >= citation.keySpan.start - 1 && offset <= citation.keySpan.end);
}

/** When the cursor is in a key being typed after `[@` (or `; @`): what was typed so far and where it starts. */
export function citationPrefixAt(text: string, offset: number): { prefix: string; start: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = OPEN_KEY_BEFORE_CURSOR.exec(text.slice(lineStart, offset));
  if (!match) return undefined;
  return { prefix: match[1], start: offset - match[1].length };
}

/** Where a citation to a checked span goes: before its final punctuation, else right after it (Pandoc style). */
export function citationInsertOffset(text: string, span: Span): number {
  const sentence = text.slice(span.start, span.end);
  const trailing = /[.!?]+\s*$/.exec(sentence);
  return trailing ? span.start + trailing.index : span.start + sentence.trimEnd().length;
}

/** A citation inside the span or just after it (`claim [@key].` with the span ending before the bracket). */
export function isCited(text: string, span: Span): boolean {
  return findCitations(text).some(
    (citation) => citation.span.start >= span.start && citation.span.start <= span.end + 2,
  );
}
