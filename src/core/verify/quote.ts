// Verifying a quotation: its words must stand in a source, in order, from the same speaker. Ellipses mark
// omitted words and [brackets] the writer's own; otherwise the closest source wording is aligned word by word.
import { namesAgree } from '../extract/names.js';
import { findReportedSpeech } from '../extract/speakers.js';
import type { PhraseMatch, SourceLibrary } from '../library.js';
import { sourceQuotations } from '../sources/analyze.js';
import { sentenceWindow } from '../sources/sentence-window.js';
import { tokenize, type Token } from '../text/normalize.js';
import type { Problem, Quotation, SourceDocument, Span } from '../types.js';
import { alignWords, type AlignmentOp } from './align.js';

export interface QuoteMatch {
  document: SourceDocument;
  /** Source span the quotation's words align with. */
  span: Span;
  /** Share of the quotation's words found in order, 0..1. */
  similarity: number;
}

export interface QuoteAssessment {
  problems: Problem[];
  /** Best match first. */
  matches: QuoteMatch[];
}

/** Omitted words between two pieces of a quotation may not span more than this many source words. */
const MAX_ELLIPSIS_GAP = 80;
const MIN_SIMILARITY = 0.5;

export function quotePieces(text: string, quotation: Quotation): Token[][] {
  const inner = text.slice(quotation.inner.start, quotation.inner.end);
  const pieces: Token[][] = [];
  const separator = /\[[^\]]*\]|\.\s?\.\s?\.|\u2026/g;
  let cursor = 0;
  for (const match of [...inner.matchAll(separator), null]) {
    const end = match ? match.index! : inner.length;
    const tokens = tokenize(inner.slice(cursor, end), quotation.inner.start + cursor);
    if (tokens.length) pieces.push(tokens);
    if (match) cursor = match.index! + match[0].length;
  }
  return pieces;
}

export function assessQuote(library: SourceLibrary, text: string, quotation: Quotation): QuoteAssessment {
  const pieces = quotePieces(text, quotation);
  if (pieces.length === 0) return { problems: [], matches: [] };
  const exact = findExact(library, pieces);
  if (exact.length) {
    const matches = exact.map((match): QuoteMatch => ({ ...match, similarity: 1 }));
    const draftSpeaker = quotation.speaker?.name;
    // Speakers are read only as far as needed: reading a source's quotations costs milliseconds.
    const agrees = (match: QuoteMatch) => {
      const speaker = speakerAt(match.document, match.span);
      return !speaker || namesAgree(draftSpeaker!, speaker);
    };
    const agreeing = draftSpeaker ? matches.find(agrees) : matches[0];
    if (agreeing) return { problems: [], matches: [agreeing, ...matches.filter((m) => m !== agreeing)] };
    return { problems: [attribution(quotation, speakerAt(matches[0].document, matches[0].span)!)], matches };
  }
  return alignClosest(library, text, quotation, pieces.flat());
}

function findExact(library: SourceLibrary, pieces: Token[][]): PhraseMatch[] {
  const results: PhraseMatch[] = [];
  for (const first of library.findPhrase(pieces[0])) {
    const { document } = first;
    let end = first.span.end;
    const allFound = pieces.slice(1).every((piece) => {
      const found = findWithinGap(document, end, piece);
      if (found !== undefined) end = found;
      return found !== undefined;
    });
    if (allFound) results.push({ document, span: { start: first.span.start, end } });
  }
  return results;
}

/** Where `piece` ends when it starts within MAX_ELLIPSIS_GAP source words after `offset`, else undefined. */
function findWithinGap(document: SourceDocument, offset: number, piece: Token[]): number | undefined {
  // Generous: no source word is near this long, and the window is widened to whole sentences.
  const window = sentenceWindow(document, offset, offset + (MAX_ELLIPSIS_GAP + piece.length) * 30);
  const tokens = tokenize(document.text.slice(offset, window.end), offset);
  const limit = Math.min(tokens.length - piece.length, MAX_ELLIPSIS_GAP);
  for (let i = 0; i <= limit; i++) {
    if (piece.every((token, k) => tokens[i + k].norm === token.norm)) return tokens[i + piece.length - 1].span.end;
  }
  return undefined;
}

/** Who the source has say the words at `span`: its quotation's speaker, or for words outside quotation marks the speaker its sentence reports ("…, Kirby said."). */
function speakerAt(document: SourceDocument, span: Span): string | undefined {
  const quotation = sourceQuotations(document).find((q) => q.inner.start <= span.start && span.end <= q.inner.end);
  if (quotation) return quotation.speaker?.name;
  const sentence = document.sentences.find((s) => s.span.start <= span.start && span.start < s.span.end);
  return sentence && findReportedSpeech(sentence, document.text)?.name;
}

function attribution(quotation: Quotation, sourceSpeaker: string): Problem {
  return { type: 'attribution', draft: quotation.speaker!.name, source: sourceSpeaker, span: quotation.speaker!.span };
}

function alignClosest(library: SourceLibrary, text: string, quotation: Quotation, words: Token[]): QuoteAssessment {
  let best: { match: QuoteMatch; ops: AlignmentOp[]; sourceTokens: Token[] } | undefined;
  const candidates: QuoteMatch[] = [];
  for (const hit of library.searchTokens(words, 10)) {
    const { document } = hit;
    const first = document.sentences[Math.max(0, hit.sentence - 1)].span.start;
    const last = document.sentences[Math.min(document.sentences.length - 1, hit.sentence + 1)].span.end;
    const sourceTokens = tokenize(document.text.slice(first, last), first);
    if (sourceTokens.length === 0) continue;
    const alignment = alignWords(
      words.map((t) => t.norm),
      sourceTokens.map((t) => t.norm),
    );
    const similarity = alignment.matched / words.length;
    const span = {
      start: sourceTokens[alignment.sourceStart]?.span.start ?? first,
      end: sourceTokens[Math.max(alignment.sourceStart, alignment.sourceEnd - 1)]?.span.end ?? last,
    };
    const match = { document, span, similarity };
    candidates.push(match);
    if (!best || similarity > best.match.similarity) best = { match, ops: alignment.ops, sourceTokens };
  }
  candidates.sort((a, b) => b.similarity - a.similarity);
  if (!best || best.match.similarity < MIN_SIMILARITY || best.match.similarity * words.length < 2) {
    return { problems: [{ type: 'absent', draft: quotation.text, source: '' }], matches: candidates };
  }
  const problems = best.ops
    .filter((op) => op.kind === 'differ')
    .map((op) => describeDifference(text, words, best!.match.document, best!.sourceTokens, op));
  const draftSpeaker = quotation.speaker?.name;
  const sourceSpeaker = draftSpeaker && speakerAt(best.match.document, best.match.span);
  if (draftSpeaker && sourceSpeaker && !namesAgree(draftSpeaker, sourceSpeaker)) {
    problems.push(attribution(quotation, sourceSpeaker));
  }
  return { problems, matches: candidates };
}

function describeDifference(
  text: string,
  words: Token[],
  document: SourceDocument,
  sourceTokens: Token[],
  op: AlignmentOp,
): Problem {
  const [d0, d1] = op.draft;
  const [s0, s1] = op.source;
  // One side empty (a word added or dropped): show a neighbouring word on both sides so the change reads.
  const grow = d0 === d1 || s0 === s1;
  const draftRange = grow ? [Math.max(0, d0 - 1), Math.min(words.length, d1 + 1)] : [d0, d1];
  const sourceRange = grow ? [Math.max(0, s0 - 1), Math.min(sourceTokens.length, s1 + 1)] : [s0, s1];
  const draftSpan = spanOf(words, draftRange[0], draftRange[1]);
  const sourceSpan = spanOf(sourceTokens, sourceRange[0], sourceRange[1]);
  const draftText = draftSpan ? text.slice(draftSpan.start, draftSpan.end) : '';
  const sourceText = sourceSpan ? document.text.slice(sourceSpan.start, sourceSpan.end) : '';
  return {
    // Whatever changed in quoted words (a number, a negation, an opposite), the writer misquoted: the fix is the
    // source's words, shown word by word.
    type: 'wording',
    draft: draftText,
    source: sourceText,
    span: draftSpan,
    sourceSpan,
  };
}

function spanOf(tokens: Token[], from: number, to: number): Span | undefined {
  if (to <= from) return undefined;
  return { start: tokens[from].span.start, end: tokens[to - 1].span.end };
}
