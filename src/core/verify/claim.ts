// Verifying a claim sentence: find the passages it rests on, then compare its typed facts (numbers, dates,
// names, negation, antonyms) with the source sentences that share the fact's context.
import { areAntonyms } from '../extract/antonyms.js';
import { datesAgree, type DateMention } from '../extract/dates.js';
import { namesAgree, type NameMention } from '../extract/names.js';
import { numbersAgree, type NumberMention } from '../extract/numbers.js';
import type { Token } from '../text/normalize.js';
import type { Problem, SourceDocument, Span } from '../types.js';
import { alignWords } from './align.js';
import type { EvidenceFinder, EvidenceWindow } from './evidence.js';
import type { SentenceFacts } from './facts.js';

export interface ClaimInput {
  facts: SentenceFacts;
  /** Parts of the sentence that are not the claim's own words (quotations, citations). */
  excluded: Span[];
  /** Typed contradictions only: a heading or the words around a quotation are not flagged as unsupported. */
  typedOnly: boolean;
  /** Path of the source the draft cites for this sentence, checked first. */
  citedPath?: string;
}

export interface ClaimAssessment {
  problems: Problem[];
  windows: EvidenceWindow[];
  /** Rarity-weighted share of the claim's words found in the best window. */
  coverage: number;
  anchorCoverage: number;
  /** True when the claim has too few words of its own to check. */
  uncheckable: boolean;
}

/** Below this share of its words in the best passage, a claim is taken to be absent from the sources. */
export const ABSENT_COVERAGE = 0.55;
const NEGATION_MIN_COVERAGE = 0.5;

const inside = (span: Span, excluded: Span[]) => excluded.some((e) => span.start >= e.start && span.end <= e.end);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function assessClaim(finder: EvidenceFinder, input: ClaimInput): ClaimAssessment {
  const { facts, excluded } = input;
  const words = facts.content.filter((token) => !inside(token.span, excluded));
  const numbers = facts.numbers.filter((n) => !inside(n.span, excluded));
  const dates = facts.dates.filter((d) => !inside(d.span, excluded));
  const names = facts.names.filter((n) => !inside(n.span, excluded) && !dates.some((d) => overlaps(d.span, n.span)));
  const hasFacts = numbers.length + dates.length + names.length > 0;
  if (words.length < (hasFacts ? 1 : 3)) {
    return { problems: [], windows: [], coverage: 1, anchorCoverage: 1, uncheckable: true };
  }

  let windows = input.citedPath ? finder.find(words, input.citedPath) : [];
  const problems: Problem[] = [];
  if (input.citedPath && (windows[0]?.coverage ?? 0) < ABSENT_COVERAGE) {
    const elsewhere = finder.find(words);
    if ((elsewhere[0]?.coverage ?? 0) >= ABSENT_COVERAGE && elsewhere[0].document.path !== input.citedPath) {
      problems.push({ type: 'citation', draft: input.citedPath, source: elsewhere[0].document.path });
    }
    windows = elsewhere;
  } else if (!input.citedPath) {
    windows = finder.find(words);
  }
  const best = windows[0];
  if (!best) {
    return { problems: input.typedOnly ? [] : [absent(facts.text)], windows, coverage: 0, anchorCoverage: 0, uncheckable: false };
  }

  const context = { finder, document: best.document, window: best, words };
  problems.push(
    ...numbers.flatMap((n) => checkNumber(context, n, numbers)),
    ...dates.flatMap((d) => checkDate(context, d)),
    ...names.flatMap((n) => checkName(context, n, names)),
  );
  if (best.anchorCoverage >= NEGATION_MIN_COVERAGE) problems.push(...checkPolarityAndAntonyms(context, facts, excluded));
  if (!input.typedOnly && best.coverage < ABSENT_COVERAGE && !problems.some((p) => p.type !== 'citation')) {
    problems.push(absent(facts.text));
  }
  if (input.typedOnly) {
    return { problems: problems.filter((p) => p.source !== ''), windows, coverage: best.coverage, anchorCoverage: best.anchorCoverage, uncheckable: false };
  }
  return { problems, windows, coverage: best.coverage, anchorCoverage: best.anchorCoverage, uncheckable: false };
}

interface CheckContext {
  finder: EvidenceFinder;
  document: SourceDocument;
  window: EvidenceWindow;
  words: Token[];
}

function absent(text: string): Problem {
  return { type: 'absent', draft: text, source: '' };
}

/** The sentences that share a fact's context: the claim's other words, ranked within the best document. */
function contextSentences(context: CheckContext, factSpan: Span): number[] {
  const others = context.words.filter((token) => !overlaps(token.span, factSpan));
  const ranked = others.length ? context.finder.bestSentences(context.document, others, 2) : [];
  return [...new Set([...ranked, context.window.anchor])];
}

function allSentences(document: SourceDocument): number[] {
  return document.sentences.map((_, index) => index);
}

function checkNumber(context: CheckContext, number: NumberMention, claimNumbers: NumberMention[]): Problem[] {
  const { finder, document } = context;
  const numbersIn = (sentences: number[]) => sentences.flatMap((s) => finder.sentenceFacts(document, s).numbers);
  const near = numbersIn(contextSentences(context, number.span));
  if (near.some((n) => numbersAgree(number, n))) return [];
  if (numbersIn(allSentences(document)).some((n) => numbersAgree(number, n))) return [];
  // A source number that another of the claim's numbers already accounts for is not this one's rival.
  const rivals = near.filter((n) => !claimNumbers.some((c) => c !== number && numbersAgree(c, n)));
  const rival = rivals.find((n) => n.kind === number.kind && n.unit === number.unit) ?? rivals.find((n) => n.kind === number.kind);
  return [{ type: 'number', draft: number.text, source: rival?.text ?? '', span: number.span }];
}

function checkDate(context: CheckContext, date: DateMention): Problem[] {
  const { finder, document } = context;
  const datesIn = (sentences: number[]) => sentences.flatMap((s) => finder.sentenceFacts(document, s).dates);
  const near = datesIn(contextSentences(context, date.span));
  if (near.some((d) => datesAgree(date, d) === true)) return [];
  const conflicting = near.find((d) => datesAgree(date, d) === false);
  if (conflicting) return [{ type: 'date', draft: date.text, source: conflicting.text, span: date.span }];
  if (datesIn(allSentences(document)).some((d) => datesAgree(date, d) === true)) return [];
  if (date.relative !== undefined || (date.year === undefined && date.month === undefined)) return [];
  return [{ type: 'date', draft: date.text, source: '', span: date.span }];
}

function checkName(context: CheckContext, name: NameMention, claimNames: NameMention[]): Problem[] {
  const { finder, document, window } = context;
  const neighbourhood = (sentences: number[]) => {
    const around = new Set<number>();
    for (const s of sentences) for (let i = s - 2; i <= s + 2; i++) if (i >= 0 && i < document.sentences.length) around.add(i);
    return [...around];
  };
  const mentions = (sentences: number[]) => sentences.some((s) => sentenceMentions(finder.sentenceFacts(document, s), name));
  const anchors = contextSentences(context, name.span);
  if (mentions(neighbourhood([...window.sentences, ...anchors]))) return [];
  const rival = anchors
    .flatMap((s) => finder.sentenceFacts(document, s).names)
    .find((candidate) => !claimNames.some((c) => namesAgree(c.text, candidate.text)) && !sentenceHasWordsOf(context.words, candidate));
  if (rival && window.coverage >= ABSENT_COVERAGE) {
    return [{ type: 'entity', draft: name.text, source: rival.text, span: name.span }];
  }
  if (mentions(allSentences(document))) return [];
  return [{ type: 'entity', draft: name.text, source: '', span: name.span }];
}

function sentenceMentions(facts: SentenceFacts, name: NameMention): boolean {
  if (facts.names.some((candidate) => namesAgree(name.text, candidate.text))) return true;
  const norms = new Set(facts.tokens.map((token) => token.norm));
  return name.tokens.length > 0 && name.tokens.every((token) => norms.has(token));
}

function sentenceHasWordsOf(words: Token[], name: NameMention): boolean {
  const norms = new Set(words.map((token) => token.norm));
  return name.tokens.some((token) => norms.has(token));
}

/** Negation and antonyms are judged on the part of the anchor sentence the claim aligns with. */
function checkPolarityAndAntonyms(context: CheckContext, facts: SentenceFacts, excluded: Span[]): Problem[] {
  const source = context.finder.sentenceFacts(context.document, context.window.anchor);
  const claimTokens = facts.tokens.filter((token) => !inside(token.span, excluded));
  if (claimTokens.length === 0) return [];
  const alignment = alignWords(claimTokens.map((t) => t.norm), source.tokens.map((t) => t.norm));
  const region: Span = {
    start: source.tokens[alignment.sourceStart]?.span.start ?? source.span.start,
    end: source.tokens[Math.max(alignment.sourceStart, alignment.sourceEnd - 1)]?.span.end ?? source.span.end,
  };
  const claimRegion: Span = { start: claimTokens[0].span.start, end: claimTokens[claimTokens.length - 1].span.end };
  const claimCues = facts.negations.filter((cue) => overlaps(cue.span, claimRegion) && !inside(cue.span, excluded));
  const sourceCues = source.negations.filter((cue) => overlaps(cue.span, region));
  const problems: Problem[] = [];
  if (claimCues.length % 2 !== sourceCues.length % 2) {
    problems.push({
      type: 'negation',
      draft: claimCues.length ? claimCues.map((c) => c.cue).join(' ') : facts.text,
      source: sourceCues.length ? sourceText(context.document, region) : source.text,
      span: claimCues[0]?.span,
    });
  }
  const regionTokens = source.tokens.filter((token) => overlaps(token.span, region));
  const sourceStems = new Set(regionTokens.map((t) => t.stem));
  const claimStems = new Set(claimTokens.map((t) => t.stem));
  for (const word of claimTokens) {
    if (sourceStems.has(word.stem)) continue;
    const opposite = regionTokens.find((candidate) => !claimStems.has(candidate.stem) && areAntonyms(word.norm, candidate.norm));
    if (opposite) {
      problems.push({ type: 'antonym', draft: word.text, source: opposite.text, span: word.span });
      break;
    }
  }
  return problems;
}

function sourceText(document: SourceDocument, span: Span): string {
  return document.text.slice(span.start, span.end);
}
