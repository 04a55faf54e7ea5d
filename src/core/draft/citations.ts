// Pandoc citations in a draft: `[@key]`, `[see @key, p. 3]`, `[@one; @two]`.
import type { Span } from '../types.js';

export interface Citation {
  key: string;
  /** The whole bracket. */
  span: Span;
  /** The key itself, without '@'. */
  keySpan: Span;
}

const BRACKET = /\[[^[\]\n]*?@[^[\]\n]*\]/g;
const KEY = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu;

export function findCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  for (const bracket of text.matchAll(BRACKET)) {
    const start = bracket.index!;
    for (const key of bracket[0].matchAll(KEY)) {
      const name = key[1].replace(/[.:]+$/, '');
      const keyStart = start + key.index! + 1;
      citations.push({
        key: name,
        span: { start, end: start + bracket[0].length },
        keySpan: { start: keyStart, end: keyStart + name.length },
      });
    }
  }
  return citations;
}
