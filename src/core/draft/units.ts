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
  return { text, languageId, units };
}

/** The units of `text`, reusing `previous` when the edit between them cannot change the draft's structure. */
export function updateSentenceUnits(previous: DraftUnits | undefined, text: string, languageId: LanguageId): DraftUnits {
  const patched = previous && previous.languageId === languageId ? patchUnits(previous, text) : undefined;
  return patched ?? sentenceUnits(text, languageId);
}

// Characters that can end or split a sentence, open or close a quotation or a citation, or change Markdown
// structure: an edit that adds or removes one of them is parsed afresh.
const STRUCTURAL = /[\n\r.!?\u2026"'`\u2018\u2019\u201C\u201D\u00AB\u00BB*_[\]<>#|@\\~&=-]/;

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
  const index = previous.units.findIndex((u) => u.sentence.span.start < start && oldEnd < u.sentence.span.end);
  if (index < 0) return undefined;
  const unit = previous.units[index];
  const { span } = unit.sentence;
  // Masked characters (inline code, a URL) in the sentence: the edit may be inside them.
  if (unit.sentence.text !== old.slice(span.start, span.end)) return undefined;
  // Words around a quotation may name its speaker: only edits of the quoted words themselves are patched.
  if (unit.quotations.some((q) => !(q.inner.start < start && oldEnd < q.inner.end))) return undefined;
  if (unit.citations.some((c) => c.span.start <= oldEnd && start <= c.span.end)) return undefined;

  const delta = newEnd - oldEnd;
  const shift = (s: Span): Span => (s.start >= oldEnd ? { start: s.start + delta, end: s.end + delta } : s.end >= oldEnd ? { start: s.start, end: s.end + delta } : s);
  const shiftUnit = (u: SentenceUnit): SentenceUnit => ({
    sentence: { ...u.sentence, span: shift(u.sentence.span) },
    heading: u.heading,
    quotations: u.quotations.map((q) => {
      const inner = shift(q.inner);
      const speaker = q.speaker && (q.speaker.span ? { ...q.speaker, span: shift(q.speaker.span) } : q.speaker);
      return { ...q, inner, text: text.slice(inner.start, inner.end), speaker };
    }),
    citations: u.citations.map((c) => ({ ...c, span: shift(c.span), keySpan: shift(c.keySpan) })),
  });
  const edited = shiftUnit(unit);
  edited.sentence.text = text.slice(edited.sentence.span.start, edited.sentence.span.end);
  const units = previous.units.map((u, i) => (i < index ? u : i === index ? edited : shiftUnit(u)));
  return { text, languageId: previous.languageId, units };
}
