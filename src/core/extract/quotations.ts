// Quotations: the words a text puts in quotation marks. A misquote can only be caught once the quoted words are
// known exactly, so marks are paired the way a reader pairs them: by kind (double, single), by which way they
// face (a mark after a space opens, a mark before a space or punctuation closes) and by nesting, one block
// (paragraph) at a time so that a quote left open cannot swallow the paragraphs after it.
import { splitParagraphs } from '../text/sentences.js';
import type { Quotation, Span } from '../types.js';

export interface QuotationOptions {
  /**
   * Also return quotations nested inside another one (the ‘single’ inside a “double”). Off by default: a nested
   * quotation is part of its outer one's words, and the verifier checks the outer words as a whole.
   */
  nested?: boolean;
}

type Family = 'double' | 'single';
/** Which way a mark faces by its glyph; straight marks face either way. */
type Facing = 'open' | 'close' | 'either';

const MARKS: ReadonlyMap<string, readonly [Family, Facing]> = new Map([
  ['"', ['double', 'either']],
  ['\u2033', ['double', 'either']], // ″ double prime, typed for a straight quote
  ['\u201C', ['double', 'open']], // “
  ['\u201E', ['double', 'open']], // „
  ['\u201F', ['double', 'open']], // ‟
  ['\u00AB', ['double', 'open']], // «
  ['\u201D', ['double', 'close']], // ”
  ['\u00BB', ['double', 'close']], // »
  ["'", ['single', 'either']],
  ['\u2018', ['single', 'open']], // ‘
  ['\u201B', ['single', 'open']], // ‛
  ['\u2039', ['single', 'open']], // ‹
  ['\u2019', ['single', 'close']], // ’ (also the typographic apostrophe)
  ['\u203A', ['single', 'close']], // ›
]);

const MARK = /["\u2033\u201C\u201E\u201F\u00AB\u201D\u00BB'\u2018\u201B\u2039\u2019\u203A]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
// Words that drop their first letters behind an apostrophe: '90s, 'em, 'tis, 'til, 'cause, rock 'n' roll.
const ELISION = /^(?:\d\d(?:s|\b)|em\b|tis\b|twas\b|til\b|cause\b|n['\u2018\u2019](?!\p{L}))/iu;

interface OpenMark {
  family: Family;
  /** Index of the mark in the text. */
  at: number;
}

interface Pair {
  inner: Span;
  closed: boolean;
}

/**
 * Quotations in `text`, in order of their start. `blocks` are the paragraphs (default: blank-line separated);
 * marks never pair across blocks, and a double quote still open at the end of its block ends there with
 * `closed: false`. An unclosed single mark is taken for an apostrophe and dropped. Spans are the words between
 * the marks (`inner`, marks excluded). Never throws.
 */
export function findQuotations(text: string, blocks?: Span[], options: QuotationOptions = {}): Quotation[] {
  const pairs: Pair[] = [];
  for (const block of disjointBlocks(text, blocks ?? splitParagraphs(text))) pairs.push(...pairBlock(text, block));
  pairs.sort((a, b) => a.inner.start - b.inner.start || b.inner.end - a.inner.end);
  const kept = options.nested ? pairs : outermost(pairs);
  return kept.map(({ inner, closed }) => ({ inner, text: text.slice(inner.start, inner.end), closed }));
}

/** Blocks clamped to the text, in order, without overlaps. */
function disjointBlocks(text: string, blocks: Span[]): Span[] {
  const sorted = blocks
    .map((b) => ({
      start: Math.max(0, Math.min(b.start, text.length)),
      end: Math.max(0, Math.min(b.end, text.length)),
    }))
    .filter((b) => b.start < b.end)
    .sort((a, b) => a.start - b.start);
  const disjoint: Span[] = [];
  for (const block of sorted) {
    const previousEnd = disjoint.at(-1)?.end ?? 0;
    if (block.end > previousEnd) disjoint.push({ start: Math.max(block.start, previousEnd), end: block.end });
  }
  return disjoint;
}

function pairBlock(text: string, block: Span): Pair[] {
  const pairs: Pair[] = [];
  const stack: OpenMark[] = [];
  const pending = (family: Family) => stack.some((open) => open.family === family);
  MARK.lastIndex = block.start;
  let skipUntil = -1;
  for (let match = MARK.exec(text); match && match.index < block.end; match = MARK.exec(text)) {
    const at = match.index;
    if (at < skipUntil) continue;
    const [family, facing] = MARKS.get(match[0])!;
    const context = flanking(text, at, block);
    if (family === 'single') {
      const elision = context.left && !context.prevWord ? ELISION.exec(text.slice(at + 1, at + 6)) : null;
      if (elision) {
        skipUntil = at + 1 + elision[0].length;
        continue;
      }
      if (context.prevWord && context.nextWord) continue; // don't, Ankara’s, O'Brien
    }
    const role = roleOf(family, facing, context, pending(family));
    if (role === 'open') {
      stack.push({ family, at });
    } else if (role === 'close') {
      const index = stack.findLastIndex((open) => open.family === family);
      pairs.push({ inner: { start: stack[index]!.at + 1, end: at }, closed: true });
      stack.length = index; // marks opened inside and never closed were not quotation marks
    }
  }
  const unclosed = stack.find((open) => open.family === 'double');
  if (unclosed)
    pairs.push({ inner: { start: unclosed.at + 1, end: trimEnd(text, unclosed.at + 1, block.end) }, closed: false });
  return pairs.filter((pair) => !isBlank(text, pair.inner));
}

interface Flanking {
  /** Can open: not followed by a space, and not wedged between a word and punctuation ("word"." is a close). */
  left: boolean;
  /** Can close: the mirror image. */
  right: boolean;
  prevWord: boolean;
  nextWord: boolean;
}

// The flanking rules of CommonMark emphasis, which read quote marks the way people do.
function flanking(text: string, at: number, block: Span): Flanking {
  const prev = at > block.start ? text[at - 1]! : ' ';
  const next = at + 1 < block.end ? text[at + 1]! : ' ';
  const prevSpace = SPACE.test(prev);
  const nextSpace = SPACE.test(next);
  const prevWord = WORD_CHAR.test(prev);
  const nextWord = WORD_CHAR.test(next);
  const prevPunct = !prevSpace && !prevWord;
  const nextPunct = !nextSpace && !nextWord;
  return {
    left: !nextSpace && (!nextPunct || prevSpace || prevPunct),
    right: !prevSpace && (!prevPunct || nextSpace || nextPunct),
    prevWord,
    nextWord,
  };
}

function roleOf(
  family: Family,
  facing: Facing,
  { left, right }: Flanking,
  pending: boolean,
): 'open' | 'close' | undefined {
  switch (facing) {
    case 'either':
      if (left && !right) return 'open';
      if (right && !left) return pending ? 'close' : undefined; // a stray close, or a students' apostrophe
      if (left && right) return pending ? 'close' : family === 'double' ? 'open' : undefined;
      return undefined;
    case 'open':
      // An opening glyph where a close belongs is a typing slip (“Hello,“ he said); French « text » has spaces.
      if (right && !left && pending) return 'close';
      if (family === 'single' && !left) return undefined;
      return 'open';
    case 'close':
      if (pending) return 'close';
      // Closing glyphs on both sides (Swedish ”text”), or ’ typed for ‘.
      return left && !right ? 'open' : undefined;
  }
}

/** Keeps the quotations not inside another one; `pairs` sorted by start, longer first on ties. */
function outermost(pairs: Pair[]): Pair[] {
  const kept: Pair[] = [];
  for (const pair of pairs) {
    const last = kept.at(-1);
    if (!last || pair.inner.start >= last.inner.end) kept.push(pair);
  }
  return kept;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end;
}

function isBlank(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (!SPACE.test(text[i]!)) return false;
  return true;
}
