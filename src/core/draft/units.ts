// A draft's checkable units: its sentences, each with the quotations and citations it holds. Parsing a whole
// draft on every keystroke costs tens of milliseconds, so a typing edit inside one paragraph re-reads only that
// paragraph's sentences and quotations, and patches the units of the previous version around them.
import { findQuotations } from '../extract/quotations.js';
import { attributeSpeakers, findReportedSpeech, PRONOUN_LOOKBACK_CHARS } from '../extract/speakers.js';
import { editBetween } from '../text/edit.js';
import { tokenize } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { mayReportSpeech } from '../text/vocabulary.js';
import type { Quotation, Sentence, Span, Speaker } from '../types.js';
import { findCitations, type Citation } from './citations.js';
import { maskProse, type ProseKind } from './prose.js';

export type LanguageId = 'markdown' | 'plaintext';

export interface SentenceUnit {
  sentence: Sentence;
  heading: boolean;
  quotations: Quotation[];
  citations: Citation[];
  /**
   * Who the sentence says said it, when that is a pronoun standing for a name earlier in the draft ("She said the
   * offer…"). A name in the sentence itself is read by the checker from the sentence.
   */
  speaker?: Speaker;
}

export interface DraftUnits {
  text: string;
  /** `text` with code, URLs and other non-prose masked out, offsets unchanged: what speakers are read from. */
  masked: string;
  /** The prose blocks (paragraphs, headings, list items...) the sentences are in; `sentence.paragraph` indexes it. */
  blocks: { span: Span; kind: ProseKind }[];
  languageId: LanguageId;
  units: SentenceUnit[];
  /** After a typing patch: each unit the edit only moved (one after its paragraph), with the unit it was, and how far. */
  moved?: { from: Map<SentenceUnit, SentenceUnit>; by: number };
}

export function sentenceUnits(text: string, languageId: LanguageId): DraftUnits {
  const { masked, blocks } = maskProse(text, languageId);
  const blockSpans = blocks.map((block) => block.span);
  const sentences = splitSentences(masked, blockSpans);
  const quotations = attributeSpeakers(masked, findQuotations(masked, blockSpans), sentences);
  const citations = findCitations(masked);
  const units = sentences.map((sentence) =>
    withPronounSpeaker(masked, unitOf(sentence, blocks[sentence.paragraph]?.kind === 'heading', quotations, citations)),
  );
  return { text, masked, blocks: blocks.map(({ span, kind }) => ({ span, kind })), languageId, units };
}

/** A sentence with the quotations and citations that start in it. */
function unitOf(sentence: Sentence, heading: boolean, quotations: Quotation[], citations: Citation[]): SentenceUnit {
  const within = (span: Span) => span.start >= sentence.span.start && span.start < sentence.span.end;
  return {
    sentence,
    heading,
    quotations: quotations.filter((q) => within(q.inner)),
    citations: citations.filter((c) => within(c.span)),
  };
}

/** The units of `text`, reusing `previous` when the edit between them cannot change the draft's structure. */
export function updateSentenceUnits(
  previous: DraftUnits | undefined,
  text: string,
  languageId: LanguageId,
): DraftUnits {
  const patched = previous && previous.languageId === languageId ? patchUnits(previous, text) : undefined;
  return patched ?? sentenceUnits(text, languageId);
}

// Characters that can end or split a block, open or close a citation, or change Markdown structure; and those
// that end sentences or mark quotations, which can be Markdown too ("1." opening a list, a link's title): an edit
// that adds or removes one of them is parsed afresh.
const STRUCTURAL = /[\n\r.!?\u2026"'`\u2018\u2019\u201C\u201D\u00AB\u00BB*_()[\]<>#|@\\~&=-]/;

/**
 * The units after an edit inside one prose block that adds and removes no structural character: the block's
 * sentences and quotations are read again, the units of other blocks are kept (shifted after the edit), and every
 * quotation's speaker is read again from the whole draft, as a fresh parse would.
 */
function patchUnits(previous: DraftUnits, text: string): DraftUnits | undefined {
  const old = previous.text;
  if (old === text) return previous;
  const { start, oldEnd, newEnd } = editBetween(old, text);
  const inserted = text.slice(start, newEnd);
  if (STRUCTURAL.test(old.slice(start, oldEnd)) || STRUCTURAL.test(inserted)) return undefined;
  const index = previous.blocks.findIndex(({ span }) => span.start < start && oldEnd < span.end);
  if (index < 0) return undefined;
  const block = previous.blocks[index];
  // Masked characters (inline code, a URL) in the block: the edit may change what is masked.
  if (previous.masked.slice(block.span.start, block.span.end) !== old.slice(block.span.start, block.span.end))
    return undefined;
  const citations = previous.units.flatMap((u) => u.citations);
  if (citations.some((c) => c.span.start <= oldEnd && start <= c.span.end)) return undefined;

  const delta = newEnd - oldEnd;
  const shift = (s: Span): Span => (s.start >= oldEnd ? { start: s.start + delta, end: s.end + delta } : s);
  const masked = previous.masked.slice(0, start) + inserted + previous.masked.slice(oldEnd);
  const span = { start: block.span.start, end: block.span.end + delta };
  const blocks = previous.blocks.map((b, i) =>
    i < index ? b : i === index ? { ...b, span } : { ...b, span: shift(b.span) },
  );
  const quotations = findQuotations(masked, [span]);
  const blockCitations = citations
    .filter((c) => block.span.start <= c.span.start && c.span.start < block.span.end)
    .map((c) => ({ ...c, span: shift(c.span), keySpan: shift(c.keySpan) }));
  const reread = splitSentences(masked, [span]).map((sentence) =>
    unitOf({ ...sentence, paragraph: index }, block.kind === 'heading', quotations, blockCitations),
  );
  const moved = new Map<SentenceUnit, SentenceUnit>();
  const shiftUnit = (u: SentenceUnit): SentenceUnit => {
    const unit = {
      sentence: { ...u.sentence, span: shift(u.sentence.span) },
      heading: u.heading,
      quotations: u.quotations.map((q) => ({ ...q, inner: shift(q.inner) })),
      citations: u.citations.map((c) => ({ ...c, span: shift(c.span), keySpan: shift(c.keySpan) })),
      ...(u.speaker?.pronoun && { speaker: { ...u.speaker, pronoun: shift(u.speaker.pronoun) } }),
    };
    moved.set(unit, u);
    return unit;
  };
  const units = [
    ...previous.units.filter((u) => u.sentence.paragraph < index),
    ...reread,
    ...previous.units.filter((u) => u.sentence.paragraph > index).map(shiftUnit),
  ];
  // Any edit may name, rename or unname a speaker, or change which words the draft writes as names: a speaker
  // here or, through "he said" or a quotation standing alone, in a later paragraph.
  const anyQuotations = units.some((u) => u.quotations.length > 0);
  // A pronoun stands for a name before it: the edit may change whom a "she said" after it, within the reach of
  // pronouns, means.
  const reach = newEnd + PRONOUN_LOOKBACK_CHARS;
  const withPronouns = units.map((u) =>
    u.sentence.paragraph < index || u.sentence.span.start > reach ? u : withPronounSpeaker(masked, u),
  );
  return {
    text,
    masked,
    blocks,
    languageId: previous.languageId,
    units: anyQuotations ? withSpeakersReread(masked, withPronouns) : withPronouns,
    moved: { from: moved, by: delta },
  };
}

/**
 * The units with every quotation's speaker read afresh from the whole draft, as a fresh parse reads them. A unit
 * whose quotations keep their speakers stays the same object, so the checker can keep its findings.
 */
function withSpeakersReread(masked: string, units: SentenceUnit[]): SentenceUnit[] {
  const unattributed = units.flatMap((u) => u.quotations.map(({ speaker: _, ...quotation }) => quotation));
  const attributed = attributeSpeakers(
    masked,
    unattributed,
    units.map((u) => u.sentence),
  );
  let next = 0;
  return units.map((u) => {
    if (u.quotations.length === 0) return u;
    const quotations = u.quotations.map(() => attributed[next++]);
    return quotations.every((q, i) => sameSpeaker(q.speaker, u.quotations[i].speaker)) ? u : { ...u, quotations };
  });
}

function sameSpeaker(a: Speaker | undefined, b: Speaker | undefined): boolean {
  return (
    a?.name === b?.name &&
    a?.span?.start === b?.span?.start &&
    a?.span?.end === b?.span?.end &&
    a?.pronoun?.start === b?.pronoun?.start &&
    a?.pronoun?.end === b?.pronoun?.end
  );
}

const SPEAKING_PRONOUN = /\b(?:he|she|they)\b/i;

/**
 * The unit with its pronoun speaker read afresh ("She said the offer…": the name she stands for); the same unit
 * when that has not changed. A sentence with a quotation has its speaker on the quotation.
 */
function withPronounSpeaker(masked: string, unit: SentenceUnit): SentenceUnit {
  const { sentence } = unit;
  const text = masked.slice(sentence.span.start, sentence.span.end);
  const reported =
    unit.quotations.length === 0 && SPEAKING_PRONOUN.test(text) && mayReportSpeech(tokenize(text))
      ? findReportedSpeech(sentence, masked)
      : undefined;
  const speaker = reported?.pronoun ? reported : undefined;
  if (sameSpeaker(speaker, unit.speaker)) return unit;
  const { speaker: _, ...rest } = unit;
  return speaker ? { ...rest, speaker } : rest;
}
