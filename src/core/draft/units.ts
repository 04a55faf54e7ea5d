// A draft's checkable units: its sentences, each with the quotations and citations it holds. Parsing a whole
// draft on every keystroke costs tens of milliseconds, so a typing edit inside one sentence patches the units
// of the previous version instead.
import { findQuotations } from '../extract/quotations.js';
import { attributeSpeakers } from '../extract/speakers.js';
import { splitSentences } from '../text/sentences.js';
import type { Quotation, Sentence, Span } from '../types.js';
import { findCitations, type Citation } from './citations.js';
import { maskProse } from './prose.js';

export type LanguageId = 'markdown' | 'plaintext';

export interface SentenceUnit {
  sentence: Sentence;
  heading: boolean;
  quotations: Quotation[];
  citations: Citation[];
}

export interface DraftUnits {
  text: string;
  /** `text` with code, URLs and other non-prose masked out, offsets unchanged: what speakers are read from. */
  masked: string;
  languageId: LanguageId;
  units: SentenceUnit[];
}

export function sentenceUnits(text: string, languageId: LanguageId): DraftUnits {
  const { masked, blocks } = maskProse(text, languageId);
  const blockSpans = blocks.map((block) => block.span);
  const sentences = splitSentences(masked, blockSpans);
  const quotations = attributeSpeakers(masked, findQuotations(masked, blockSpans), sentences);
  const citations = findCitations(masked);
  const units = sentences.map((sentence) => {
    const within = (span: Span) => span.start >= sentence.span.start && span.start < sentence.span.end;
    return {
      sentence,
      heading: blocks[sentence.paragraph]?.kind === 'heading',
      quotations: quotations.filter((q) => within(q.inner)),
      citations: citations.filter((c) => within(c.span)),
    };
  });
  return { text, masked, languageId, units };
}

/** The units of `text`, reusing `previous` when the edit between them cannot change the draft's structure. */
export function updateSentenceUnits(previous: DraftUnits | undefined, text: string, languageId: LanguageId): DraftUnits {
  const patched = previous && previous.languageId === languageId ? patchUnits(previous, text) : undefined;
  return patched ?? sentenceUnits(text, languageId);
}

// Characters that can end or split a sentence, open or close a quotation or a citation, or change Markdown
// structure: an edit that adds or removes one of them is parsed afresh.
const STRUCTURAL = /[\n\r.!?\u2026"'`\u2018\u2019\u201C\u201D\u00AB\u00BB*_()[\]<>#|@\\~&=-]/;

const SENTENCE_PUNCTUATION = /[.!?\u2026]/;
const QUOTE_MARKS = /["'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A]/;
const QUOTE_MARKS_GLOBAL = new RegExp(QUOTE_MARKS.source, 'g');
const LETTER = /\p{L}/u;
/** Characters around a quotation's words (its marks, a space) where an edit may change how it is read. */
const QUOTE_MARGIN = 2;
const SPACE = /\s/;

/**
 * A quotation mark touching the edit, or in the words beside it other than an apostrophe inside a word ("wasn't",
 * "Rwanda's"), whose letters on both sides the edit leaves alone.
 */
function quoteMarkNear(text: string, start: number, end: number): boolean {
  if (QUOTE_MARKS.test(text[start - 1] ?? '') || QUOTE_MARKS.test(text[end] ?? '')) return true;
  const around = wordsAround(text, start, end, 1, 1);
  return [...around.matchAll(QUOTE_MARKS_GLOBAL)].some(
    ({ index }) => !(LETTER.test(around[index! - 1] ?? '') && LETTER.test(around[index! + 1] ?? '')),
  );
}

/** [start, end) widened to whole whitespace-separated words, and `before` and `after` more words on either side. */
function wordsAround(text: string, start: number, end: number, before: number, after: number): string {
  const isSpace = (at: number) => SPACE.test(text[at]!);
  for (let words = 0; words <= before; words++) {
    while (start > 0 && !isSpace(start - 1)) start--;
    if (words < before) while (start > 0 && isSpace(start - 1)) start--;
  }
  for (let words = 0; words <= after; words++) {
    while (end < text.length && !isSpace(end)) end++;
    if (words < after) while (end < text.length && isSpace(end)) end++;
  }
  return text.slice(start, end);
}

function patchUnits(previous: DraftUnits, text: string): DraftUnits | undefined {
  const old = previous.text;
  if (old === text) return previous;
  let start = 0;
  const shorter = Math.min(old.length, text.length);
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const inserted = text.slice(start, newEnd);
  if (STRUCTURAL.test(old.slice(start, oldEnd)) || STRUCTURAL.test(inserted)) return undefined;
  // Whether a full stop ends a sentence depends on the word it ends and the next ("U.S." is an abbreviation,
  // "U.Sq." not); whether a quotation mark opens, closes or is an apostrophe, on the words beside it.
  if (SENTENCE_PUNCTUATION.test(wordsAround(text, start, newEnd, 1, 0))) return undefined;
  if (quoteMarkNear(text, start, newEnd)) return undefined;
  const index = previous.units.findIndex((u) => u.sentence.span.start < start && oldEnd < u.sentence.span.end);
  if (index < 0) return undefined;
  const unit = previous.units[index];
  const { span } = unit.sentence;
  // Masked characters (inline code, a URL) in the sentence: the edit may be inside them.
  if (unit.sentence.text !== old.slice(span.start, span.end)) return undefined;
  if (unit.citations.some((c) => c.span.start <= oldEnd && start <= c.span.end)) return undefined;
  // Letters next to a quotation mark decide whether it opens, closes or is an apostrophe.
  const nearMarks = (q: Quotation) => start <= q.inner.start + 1 || oldEnd >= q.inner.end - 1;
  const inside = (q: Quotation) => q.inner.start < start && oldEnd < q.inner.end;
  const outside = (q: Quotation) => oldEnd < q.inner.start - QUOTE_MARGIN || start > q.inner.end + QUOTE_MARGIN;
  // Any quotation: one that opens in an earlier sentence may run on into this one.
  const quotations = previous.units.flatMap((u) => u.quotations);
  if (quotations.some((q) => (inside(q) ? nearMarks(q) : !outside(q)))) return undefined;

  const delta = newEnd - oldEnd;
  const shift = (s: Span): Span => (s.start >= oldEnd ? { start: s.start + delta, end: s.end + delta } : s.end >= oldEnd ? { start: s.start, end: s.end + delta } : s);
  const shiftUnit = (u: SentenceUnit): SentenceUnit => ({
    sentence: { ...u.sentence, span: shift(u.sentence.span) },
    heading: u.heading,
    quotations: u.quotations.map((q) => {
      const inner = shift(q.inner);
      const shifted = { ...q, inner, text: text.slice(inner.start, inner.end) };
      if (q.speaker?.span) shifted.speaker = { ...q.speaker, span: shift(q.speaker.span) };
      return shifted;
    }),
    citations: u.citations.map((c) => ({ ...c, span: shift(c.span), keySpan: shift(c.keySpan) })),
  });
  const edited = shiftUnit(unit);
  edited.sentence.text = text.slice(edited.sentence.span.start, edited.sentence.span.end);
  const crossesEdit = (u: SentenceUnit) => u.quotations.some((q) => q.inner.end >= start);
  const units = previous.units.map((u, i) => (i === index ? edited : i < index && !crossesEdit(u) ? u : shiftUnit(u)));
  const masked = previous.masked.slice(0, start) + inserted + previous.masked.slice(oldEnd);
  // Any edit may name, rename or unname a speaker, or change which words the draft writes as names: a speaker
  // here or, through "he said" or a quotation standing alone, in a later paragraph.
  const reread = quotations.length > 0 ? withSpeakersReread(masked, units) : units;
  return { text, masked, languageId: previous.languageId, units: reread };
}

/** The units with every quotation's speaker read afresh from the whole draft, as a fresh parse reads them. */
function withSpeakersReread(masked: string, units: SentenceUnit[]): SentenceUnit[] {
  const unattributed = units.flatMap((u) => u.quotations.map(({ speaker: _, ...quotation }) => quotation));
  const attributed = attributeSpeakers(masked, unattributed, units.map((u) => u.sentence));
  let next = 0;
  return units.map((u) => (u.quotations.length === 0 ? u : { ...u, quotations: u.quotations.map(() => attributed[next++]) }));
}
