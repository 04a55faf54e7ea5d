// Verifying a claim sentence: find the passages it rests on, then compare its typed facts (numbers, dates,
// names, who said it) with the source sentences that share the fact's context; polarity and opposites: polarity.ts.
import { datesAgree, type DateMention } from '../extract/dates.js';
import { isTitlePart, namesAgree, type NameMention } from '../extract/names.js';
import { isPeriodOfYear, numbersAgree, type NumberMention } from '../extract/numbers.js';
import { placeNames } from '../extract/places.js';
import { findReportedSpeech } from '../extract/speakers.js';
import { mayReportSpeech, SPEECH_VERBS } from '../text/vocabulary.js';
import { isContentToken, stemWord, tokenize, type Token } from '../text/normalize.js';
import type { Problem, SourceDocument, Span, Speaker } from '../types.js';
import { gapsBetweenSharedWords } from './align.js';
import { alignmentSignals, FULLY_ALIGNED, UNALIGNED, type AlignmentSignals } from './alignment.js';
import { inside, overlaps, wordsAfter, wordsBefore, type CheckContext } from './check-context.js';
import type { EvidenceFinder, EvidenceWindow, LexicalOverlap } from './evidence.js';
import { hasWordOrSense, type SentenceFacts } from './facts.js';
import { checkRole } from './roles.js';
import { checkPolarityAndAntonyms, polaritySentence } from './polarity.js';
import { sentencesNear } from './scan-range.js';

export interface ClaimInput {
  facts: SentenceFacts;
  /** Parts of the sentence that are not the claim's own words (quotations, citations). */
  excluded: Span[];
  /** Typed contradictions only: a heading or the words around a quotation are not flagged as unsupported. */
  typedOnly: boolean;
  /** The sources the draft cites for this sentence ([@key]), checked first; `document` is absent for a key no source has. */
  citations?: CitedSource[];
  /** The source the paragraph's sentence before rests on (see Topic). */
  topic?: Topic;
  /** Whom a pronoun saying the claim stands for ("She said the offer…"), with the pronoun's span. */
  pronounSpeaker?: { name: string; span: Span };
}

/**
 * The source the paragraph's sentence before rests on: looked in first when this sentence leans on it ("He added
 * that…"), and preferred when it says this one nearly as well as any other ("Council voted 4-1 …" after a
 * sentence about that council's budget, though another article's council voted 4-1 on something else).
 */
export interface Topic {
  path: string;
  leansOn: boolean;
}

export interface CitedSource {
  key: string;
  /** Where the key stands in the draft. */
  span: Span;
  document?: SourceDocument;
}

export interface ClaimAssessment {
  problems: Problem[];
  windows: EvidenceWindow[];
  /** Rarity-weighted share of the claim's words found in the best window. */
  coverage: number;
  /** Coverage by the claim's own words only (no synonyms): what the support model was fitted on. */
  exactCoverage: number;
  anchorCoverage: number;
  /** Share of the claim's content stems, and of its word pairs, found anywhere in the best document. */
  lexical: LexicalOverlap;
  alignment: AlignmentSignals;
  /** True when the claim has too few words of its own to check. */
  uncheckable: boolean;
}

/** Below this share of its words in the best passage, a claim is taken to be absent from the sources. */
export const ABSENT_COVERAGE = 0.42;
const NEGATION_MIN_COVERAGE = 0.5;
const FULL_OVERLAP: LexicalOverlap = { unigram: 1, bigram: 1, trigram: 1, novel: 0, novelUncommon: 0 };

export function assessClaim(finder: EvidenceFinder, input: ClaimInput): ClaimAssessment {
  const { facts, excluded } = input;
  const words = facts.content.filter((token) => !inside(token.span, excluded));
  const numbers = facts.numbers.filter((n) => !inside(n.span, excluded));
  const dates = facts.dates.filter((d) => !inside(d.span, excluded));
  const names = facts.names.filter((n) => !inside(n.span, excluded) && !dates.some((d) => overlaps(d.span, n.span)));
  const hasFacts = numbers.length + dates.length + names.length > 0;
  if (words.length < (hasFacts ? 1 : 3)) {
    return {
      problems: [],
      windows: [],
      coverage: 1,
      exactCoverage: 1,
      anchorCoverage: 1,
      lexical: FULL_OVERLAP,
      alignment: FULLY_ALIGNED,
      uncheckable: true,
    };
  }

  const keyStems = words
    .filter((t) => [...names, ...numbers].some((fact) => overlaps(fact.span, t.span)))
    .map((t) => t.stem);
  const { windows, problems } = citedWindows(finder, input, words, keyStems);
  const best = windows[0];
  if (!best) {
    const lexical = { unigram: 0, bigram: 0, trigram: 0, novel: words.length, novelUncommon: words.length };
    return {
      problems: input.typedOnly ? problems : [...problems, absent(facts.text)],
      windows,
      coverage: 0,
      exactCoverage: 0,
      anchorCoverage: 0,
      lexical,
      alignment: UNALIGNED,
      uncheckable: false,
    };
  }

  const claimTokens = facts.tokens.filter((token) => !inside(token.span, excluded));
  const context = { finder, document: best.document, window: best, words, claimTokens };
  const nameChecks = names.map((name) => {
    const swapped = checkName(context, name, names);
    return { name, problems: swapped.length ? swapped : checkRole(context, facts, name) };
  });
  // A name swapped where the claim says who said or reported it ("first reported by the New York Times" for the
  // Wall Street Journal) puts the statement in the wrong mouth.
  const speaker = input.typedOnly ? undefined : (ownSpeaker(facts, excluded) ?? input.pronounSpeaker);
  const nameProblems = nameChecks
    .flatMap((check) => check.problems)
    .map((p): Problem =>
      speaker && p.type === 'entity' && p.source !== '' && p.span && overlaps(p.span, speaker.span)
        ? { ...p, type: 'attribution' }
        : p,
    );
  // A passage that never mentions whom or what the claim names, though other sources do, is about something
  // else: its numbers and dates are no rivals of the claim's ("Watson faces up to 20 years" against another
  // defendant's 12). A name no source has is only unsupported: the rest may well be the source's statement.
  const namedElsewhere = (name: NameMention) => name.tokens.every((word) => finder.library.anyUses(stemWord(word)));
  const aboutSomethingElse = nameChecks.some(
    ({ name, problems: found }) => found.some((p) => p.source === '') && namedElsewhere(name),
  );
  const valueProblems = [
    ...numbers.flatMap((n) => checkNumber(context, n, numbers, names).map((p) => asDateWhenPeriodOfYear(n, p))),
    ...dates.flatMap((d) => checkDate(context, d, dates)),
  ];
  problems.push(
    ...valueProblems.map((p) => (aboutSomethingElse ? { ...p, source: '', sourceSpan: undefined } : p)),
    ...nameProblems,
  );
  const polar = polaritySentence(context, facts, names);
  if (polar.coverage >= NEGATION_MIN_COVERAGE) {
    // An opposite word already reported as a number, date or name ("second" / "first") is not reported twice.
    const reported = (p: Problem) => problems.some((typed) => typed.span && p.span && overlaps(typed.span, p.span));
    problems.push(
      ...checkPolarityAndAntonyms(context, facts, excluded, polar.sentence).filter(
        (p) => p.type !== 'antonym' || !reported(p),
      ),
    );
    if (speaker) problems.push(...checkAttribution(context, facts, speaker).filter((p) => !reported(p)));
  }
  // A claim the sources barely touch is absent as a whole; its names and numbers being absent too goes without
  // saying, and a passage that barely touches it has no values to set against its own ("95 mills — the source
  // says one" from an article about something else). A wrong value is itself a word the passage lacks: the rest
  // of the claim is what must be touched ("full-year revenues of $23.1bn" against "full year revenues of $19.3bn").
  if (!input.typedOnly && coverageBesideValues(finder, words, best.coverage, problems) < ABSENT_COVERAGE) {
    problems.splice(0, problems.length, ...problems.filter((p) => p.type === 'citation'), absent(facts.text));
  }
  return {
    problems: input.typedOnly ? problems.filter((p) => p.source !== '' || p.type === 'citation') : problems,
    windows,
    coverage: best.coverage,
    exactCoverage: best.exactCoverage,
    anchorCoverage: best.anchorCoverage,
    lexical: finder.lexicalOverlap(best.document, claimTokens, best.anchor),
    alignment: alignmentSignals(best.document, claimTokens, (stem) => finder.weight(stem)),
    uncheckable: false,
  };
}

/** The claim's coverage by its passage, leaving out the words of the values the passage gives otherwise. */
function coverageBesideValues(finder: EvidenceFinder, words: Token[], coverage: number, problems: Problem[]): number {
  const weightOf = (stems: Set<string>) => [...stems].reduce((sum, stem) => sum + finder.weight(stem), 0);
  const total = weightOf(new Set(words.map((t) => t.stem)));
  const valued = (t: Token) => problems.some((p) => p.source !== '' && p.span && overlaps(p.span, t.span));
  const values = weightOf(new Set(words.filter(valued).map((t) => t.stem)));
  return total > values ? Math.min(1, (coverage * total) / (total - values)) : 1;
}

/**
 * The passages a claim rests on, its cited sources first: when none of those says it and another source does,
 * each cited key that is wrong (or names no source) is a `citation` problem whose source value is the key of the
 * source that does say it. A sentence around a quotation is not held to its citation: the quotation is.
 */
function citedWindows(
  finder: EvidenceFinder,
  input: ClaimInput,
  words: Token[],
  keyStems: string[],
): { windows: EvidenceWindow[]; problems: Problem[] } {
  const citations = input.citations ?? [];
  const cited = citations
    .flatMap((c) => (c.document ? finder.find(words, c.document.path, keyStems).slice(0, 1) : []))
    .sort((a, b) => b.coverage - a.coverage);
  const citedSaysIt = (cited[0]?.coverage ?? 0) >= ABSENT_COVERAGE;
  if (citedSaysIt)
    return { windows: cited, problems: citations.filter((c) => !c.document).map((c) => citationProblem(c, undefined)) };
  const elsewhere = () => finder.find(words, undefined, keyStems);
  if (citations.length === 0 && input.topic) {
    const onTopic = finder.find(words, input.topic.path, keyStems);
    const covered = onTopic[0]?.coverage ?? 0;
    if (covered >= ABSENT_COVERAGE) {
      if (input.topic.leansOn) return { windows: onTopic, problems: [] };
      const anywhere = elsewhere();
      const nearlyAsWell = covered >= ON_TOPIC_SHARE * (anywhere[0]?.coverage ?? 0);
      return { windows: nearlyAsWell ? onTopic : anywhere, problems: [] };
    }
  }
  const found = elsewhere();
  if (citations.length === 0) return { windows: found, problems: [] };
  const supporting = (found[0]?.coverage ?? 0) >= ABSENT_COVERAGE ? found[0].document : undefined;
  const wrong = citations.filter((c) => !c.document || (supporting && c.document !== supporting && !input.typedOnly));
  return { windows: found, problems: wrong.map((c) => citationProblem(c, supporting)) };
}

/** How much of the best passage's coverage the topic's source must reach to be preferred. */
const ON_TOPIC_SHARE = 0.75;

function citationProblem(citation: CitedSource, supporting: SourceDocument | undefined): Problem {
  return {
    type: 'citation',
    draft: citation.key,
    source: supporting?.metadata.id ?? '',
    span: citation.span,
    unknownKey: citation.document ? undefined : true,
  };
}

function absent(text: string): Problem {
  return { type: 'absent', draft: text, source: '' };
}

/**
 * The sentences that share a fact's context: the claim's other words, ranked within the best document. Only
 * close runners-up count, so a sentence that merely mentions the same place does not stand in for the statement.
 */
function contextSentences(context: CheckContext, factSpan: Span, withAnchor: boolean): number[] {
  const others = context.words.filter((token) => !overlaps(token.span, factSpan));
  const hits = others.length ? context.finder.rankSentences(context.document, others, 3) : [];
  const ranked = hits.filter((hit) => hit.score >= CONTEXT_RUNNER_UP * hits[0].score).map((hit) => hit.sentence);
  return [...new Set(withAnchor || ranked.length === 0 ? [...ranked, context.window.anchor] : ranked)];
}

const CONTEXT_RUNNER_UP = 0.8;

function checkNumber(
  context: CheckContext,
  number: NumberMention,
  claimNumbers: NumberMention[],
  claimNames: NameMention[],
): Problem[] {
  const { finder, document } = context;
  const numbersIn = (sentences: number[]) =>
    sentences.flatMap((s) => {
      const facts = finder.sentenceFacts(document, s);
      return facts.numbers.map((n) => ({ n, tokens: facts.tokens, facts }));
    });
  // Of several candidates, the one whose neighbouring words are the draft number's ("full-year revenues of"),
  // the words before it counting double: they name what is counted.
  const draftBefore = wordsBefore(context.claimTokens, number.span);
  const draftAfter = wordsAfter(context.claimTokens, number.span);
  const shared = (words: string[], others: string[]) => words.filter((word) => others.includes(word)).length;
  const affinity = ({ n, tokens }: { n: NumberMention; tokens: Token[] }) =>
    2 * shared(wordsBefore(tokens, n.span), draftBefore) + shared(wordsAfter(tokens, n.span), draftAfter);
  const near = numbersIn(contextSentences(context, number.span, true));
  const theirFigure = (agreeing: typeof near, candidates: typeof near) =>
    figureSaidOfOthers(number, claimNames, agreeing, candidates, affinity);
  // "six measles cases" and "six cases of the measles" count the same thing: each figure's counted noun stands
  // among the other's next words.
  const sameCount = ({ n, tokens }: SourceFigure) =>
    n.value === number.value &&
    n.kind === number.kind &&
    number.unit !== undefined &&
    n.unit !== undefined &&
    (countedPhrase(tokens, n.span).includes(number.unit) ||
      countedPhrase(context.claimTokens, number.span).includes(n.unit));
  // A source figure another of the claim's figures states exactly is that one's: "to $157,000 … to no more than
  // $165,000" is not backed by the source's $157,000.
  const othersExactly = (figure: SourceFigure) =>
    figure.n.value !== number.value &&
    claimNumbers.some((c) => c !== number && c.value === figure.n.value && numbersAgree(c, figure.n));
  const agreeingNear = near.filter(
    (figure) => (numbersAgree(number, figure.n) || sameCount(figure)) && !othersExactly(figure),
  );
  if (agreeingNear.length) {
    const swapped = countSwap(context.claimTokens, number, near);
    if (swapped.length) return swapped;
    const rivalBeside = figureBesideTheClaimsWords(number, agreeingNear, near, affinity);
    return rivalBeside ? [numberProblem(number, rivalBeside)] : theirFigure(agreeingNear, near);
  }
  const aroundAnchor = numbersIn(sentencesNear(document, context.window.anchor));
  // Near the passage, a figure that counts something else ("a two-year contract") does not back the draft's
  // ("two of the 112 teachers"): the statement's own sentences are where its rival stands. An age ("the
  // 31-year-old") is the same fact as "Pippa, 31".
  const countsOther = ({ n }: SourceFigure) =>
    n.kind === 'cardinal' &&
    n.unit !== undefined &&
    n.unit !== number.unit &&
    !AGE_AFTER.test(document.text.slice(n.span.end, n.span.end + 12));
  const agreeingAround = aroundAnchor.filter(
    (figure) => numbersAgree(number, figure.n) && !othersExactly(figure) && !countsOther(figure),
  );
  // A figure in the hundreds or more written in digits ("48,353 riders") is not the statistic a word-number stands
  // for ("all three lines").
  const comparable = (n: NumberMention) => !(/\d/.test(number.text) && number.value >= 100 && !/\d/.test(n.text));
  // A source number that another of the claim's numbers already accounts for is not this one's rival.
  // A bound accounts only for the figure it states ("not to exceed $160,000" is not the claim's "$157,000").
  const accountedFor = (n: NumberMention) =>
    claimNumbers.some((c) => c !== number && numbersAgree(c, n) && (n.bound === undefined || c.value === n.value));
  const rivals = near.filter(({ n }) => comparable(n) && !accountedFor(n));
  const sameKind = rivals.filter(({ n }) => n.kind === number.kind);
  const sameUnit = sameKind.filter(({ n }) => n.unit === number.unit);
  const pool = sameUnit.length ? sameUnit : sameKind;
  // A small count is often written near the passage by chance ("three yellow cards" and a "3-0" lead, "six points"
  // and a goal in the sixth minute): it backs the draft only when the statement's own sentences give no other.
  const byChance =
    number.kind === 'cardinal' && number.value < 10 && Number.isInteger(number.value) && sameUnit.length > 0;
  if (agreeingAround.length && !byChance) return theirFigure(agreeingAround, [...near, ...aroundAnchor]);
  const closest = (candidates: SourceFigure[]) => mostAffine(candidates, affinity);
  // None among the statement's own sentences: a figure of the same kind elsewhere in the document still is the
  // rival when it stands beside the same words ("McDonnell, 64" against the source's "McDonnell, 60"), for a
  // figure written in digits (a word like "one" is too often idiom).
  const beside = (c: (typeof pool)[number]) =>
    c.n.kind === number.kind && (c.n.unit === number.unit || !number.unit) && affinity(c) >= RIVAL_AFFINITY;
  const writtenInDigits = /\d/.test(number.text);
  const rival = closest(pool) ?? (writtenInDigits ? closest(aroundAnchor.filter(beside)) : undefined);
  // "one", "first", "half" are as often idiom ("the first one", "the first half") as quantities: absent from the
  // source, they are no finding; against a rival figure they still are.
  if (!rival && /^[\p{L}-]+$/u.test(number.text)) return [];
  // "12" against "12": what they count differs ("12 months", "12 days"), and the message must say so.
  if (rival && sameWritten(rival.n.text, number.text)) return withCountedWords(context.claimTokens, number, rival);
  return [numberProblem(number, rival)];
}

/** The candidate figure whose neighbouring words are most the draft figure's; the first of equals. */
function mostAffine(candidates: SourceFigure[], affinity: (figure: SourceFigure) => number): SourceFigure | undefined {
  return candidates.reduce<SourceFigure | undefined>(
    (best, c) => (!best || affinity(c) > affinity(best) ? c : best),
    undefined,
  );
}

function numberProblem(number: NumberMention, rival: SourceFigure | undefined): Problem {
  return {
    type: 'number',
    draft: number.text,
    source: rival?.n.text ?? '',
    span: number.span,
    sourceSpan: rival?.n.span,
  };
}

/**
 * The draft's figure stands in the source beside few of the words it stands beside in the draft, and another
 * figure of the same kind stands beside more than twice as many, and enough to name what it counts: that one is
 * what the source says of them ("students … shouldered 45 percent" against "the state provided 45 percent …, while
 * students … shouldered 55 percent").
 */
function figureBesideTheClaimsWords(
  number: NumberMention,
  agreeing: SourceFigure[],
  near: SourceFigure[],
  affinity: (figure: SourceFigure) => number,
): SourceFigure | undefined {
  // In digits only, as in figureSaidOfOthers: "one year" is too often idiom to be the rival of "25 years".
  if (!/\d/.test(number.text)) return undefined;
  const agreeingAffinity = Math.max(...agreeing.map(affinity));
  const others = near.filter(
    (c) =>
      c.n.kind === number.kind &&
      c.n.unit === number.unit &&
      !agreeing.includes(c) &&
      /\d/.test(c.n.text) &&
      affinity(c) >= Math.max(RIVAL_AFFINITY, 2 * agreeingAffinity + 1),
  );
  return mostAffine(others, affinity);
}

type SourceFigure = { n: NumberMention; tokens: Token[]; facts: SentenceFacts };

/** The stems of the few words after a figure, up to a conjunction: what it counts ("measles cases"). */
function countedPhrase(tokens: Token[], span: Span): string[] {
  const after = tokens.filter((t) => t.span.start >= span.end).slice(0, COUNTED_PHRASE_WORDS);
  const end = after.findIndex((t) => ['and', 'or', 'but'].includes(t.norm));
  return (end < 0 ? after : after.slice(0, end)).map((t) => t.stem);
}

const COUNTED_PHRASE_WORDS = 4;

const AGE_AFTER = /^[-\s]years?[-\s]old\b/i;

/**
 * The draft's figure stands only where the source speaks of someone else ("Dallas Area Rapid Transit posted …
 * 69,861"), and the source's statement about whom the claim names gives another figure beside the same words: that
 * figure is the rival. Figures in digits only (a word like "one" is too often idiom).
 */
function figureSaidOfOthers(
  number: NumberMention,
  claimNames: NameMention[],
  agreeing: SourceFigure[],
  candidates: SourceFigure[],
  affinity: (figure: SourceFigure) => number,
): Problem[] {
  if (!/\d/.test(number.text) || claimNames.length === 0) return [];
  const aboutClaim = (facts: SentenceFacts) => claimNames.every((name) => sentenceMentions(facts, name));
  if (!agreeing.every(({ facts }) => facts.names.length > 0 && !aboutClaim(facts))) return [];
  const theirs = candidates.filter(
    (c) =>
      aboutClaim(c.facts) &&
      c.n.kind === number.kind &&
      c.n.unit === number.unit &&
      !numbersAgree(number, c.n) &&
      affinity(c) >= RIVAL_AFFINITY,
  );
  const rival = mostAffine(theirs, affinity);
  return rival ? [numberProblem(number, rival)] : [];
}

/**
 * A figure the source gives for something else, while it gives another figure for what the draft counts: "30
 * patients and 15 staff members" against "30 staff members and 15 patients". The source's 30 counts no noun the
 * reader names, so it agrees with the draft's 30 by value only; its "15 patients" is the draft's statement.
 */
function countSwap(
  claimTokens: Token[],
  number: NumberMention,
  near: { n: NumberMention; tokens: Token[] }[],
): Problem[] {
  if (number.kind !== 'cardinal' || number.unit === undefined) return [];
  // Each of the source's equal figures counts some other noun ("30 staff members"), not "76 of the 151 seats".
  const countsOther = ({ n, tokens }: { n: NumberMention; tokens: Token[] }) => {
    const next = wordAfter(tokens, n.span);
    const follows = next !== undefined && next.span.start - n.span.end <= 1 && /^\p{L}/u.test(next.text);
    return n.unit !== number.unit && follows && isContentToken(next) && next.stem !== number.unit;
  };
  if (!near.filter(({ n }) => numbersAgree(number, n)).every(countsOther)) return [];
  const rival = near.find(({ n }) => n.unit === number.unit && n.kind === number.kind);
  return rival ? withCountedWords(claimTokens, number, rival) : [];
}

/** "the second quarter of 2021" against "the first quarter": a wrong time, reported as a date. */
function asDateWhenPeriodOfYear(number: NumberMention, problem: Problem): Problem {
  return isPeriodOfYear(number) && problem.type === 'number' ? { ...problem, type: 'date' } : problem;
}

/** A number problem that names each figure with the word it counts ("30 patients" — "15 patients"). */
function withCountedWords(
  claimTokens: Token[],
  number: NumberMention,
  rival: { n: NumberMention; tokens: Token[] },
): Problem[] {
  const draftUnit = wordAfter(claimTokens, number.span);
  const sourceUnit = wordAfter(rival.tokens, rival.n.span);
  if (!draftUnit || !sourceUnit) return [];
  return [
    {
      type: 'number',
      draft: `${number.text} ${draftUnit.text}`,
      source: `${rival.n.text} ${sourceUnit.text}`,
      span: { start: number.span.start, end: draftUnit.span.end },
      sourceSpan: { start: rival.n.span.start, end: sourceUnit.span.end },
    },
  ];
}

const sameWritten = (a: string, b: string) =>
  a.replace(/[\s,]/g, '').toLowerCase() === b.replace(/[\s,]/g, '').toLowerCase();

function wordAfter(tokens: Token[], span: Span): Token | undefined {
  return tokens.find((t) => t.span.start >= span.end);
}

/** Shared neighbouring words (those before counting double) that make a figure elsewhere the draft's rival. */
const RIVAL_AFFINITY = 2;

function checkDate(context: CheckContext, date: DateMention, claimDates: DateMention[]): Problem[] {
  const { finder, document } = context;
  // "next year" or "last week" in a draft cannot be placed in time, so it cannot be compared.
  if (date.relative !== undefined) return [];
  const datesIn = (sentences: number[]) => sentences.flatMap((s) => finder.sentenceFacts(document, s).dates);
  const near = datesIn(contextSentences(context, date.span, true));
  if (near.some((d) => datesAgree(date, d) === true)) return [];
  // A source date that another of the claim's dates already accounts for is not this one's rival.
  // A relative date cannot be placed in time, but its clock time can ("4 p.m. today" against "5 p.m.").
  const placed = (d: DateMention) => d.relative === undefined || (d.time !== undefined && date.time !== undefined);
  const conflicts = near.filter((d) => placed(d) && datesAgree(date, d) === false);
  const accountedFor = (d: DateMention) => claimDates.some((c) => c !== date && datesAgree(c, d) === true);
  const conflicting = conflicts.find((d) => !accountedFor(d)) ?? conflicts[0];
  if (conflicting)
    return [
      { type: 'date', draft: date.text, source: conflicting.text, span: date.span, sourceSpan: conflicting.span },
    ];
  if (datesIn(sentencesNear(document, context.window.anchor)).some((d) => datesAgree(date, d) === true)) return [];
  if (date.year === undefined && date.month === undefined) {
    const rival = date.weekday === undefined ? undefined : weekdayOfSameEvent(context, date);
    return rival
      ? [{ type: 'date', draft: date.text, source: rival.text, span: date.span, sourceSpan: rival.span }]
      : [];
  }
  return [{ type: 'date', draft: date.text, source: '', span: date.span }];
}

/**
 * A weekday the draft gives and the source does not: the source's own weekday for the same event, read in the
 * sentence anywhere in the document that shares most of the claim's words ("was sentenced on Tuesday" against
 * "The sentence was handed down on Thursday"). None when the source names the draft's day anywhere.
 */
function weekdayOfSameEvent(context: CheckContext, date: DateMention): DateMention | undefined {
  const { finder, document } = context;
  const claimStems = new Set(context.words.filter((t) => !overlaps(t.span, date.span)).map((t) => t.stem));
  let best: { date: DateMention; shared: number } | undefined;
  for (let s = 0; s < document.sentences.length; s++) {
    const facts = finder.sentenceFacts(document, s);
    const weekdays = facts.dates.filter((d) => d.weekday !== undefined && d.relative === undefined);
    if (weekdays.length === 0) continue;
    if (weekdays.some((d) => datesAgree(date, d) === true)) return undefined;
    const shared = new Set(facts.tokens.filter((t) => claimStems.has(t.stem)).map((t) => t.stem)).size;
    if (weekdays.length === 1 && shared >= SAME_EVENT_WORDS && (!best || shared > best.shared))
      best = { date: weekdays[0], shared };
  }
  return best?.date;
}

/** Claim words a source sentence must share to be about the same event. */
const SAME_EVENT_WORDS = 2;

function checkName(context: CheckContext, name: NameMention, claimNames: NameMention[]): Problem[] {
  const { finder, document } = context;
  const anchors = contextSentences(context, name.span, false);
  const mentions = (sentences: number[]) =>
    sentences.some((s) => sentenceMentions(finder.sentenceFacts(document, s), name));
  // A sentence of the passage that names the draft's name and says about as much of the claim as the rival's
  // sentence does ("VACAVILLE, Calif. -- A wildfire … was 100 percent contained" beside "In El Dorado County,
  // fire crews fully contained two small wildfires") leaves the name no swap.
  const saysAsMuch = (rivalSentence: number) => {
    const said = (s: number) => claimWordsSaid(context, finder.sentenceFacts(document, s), name.span);
    const rivalSays = said(rivalSentence);
    return [...new Set([...context.window.sentences, ...anchors])].some(
      (s) => mentions([s]) && said(s) >= AS_MUCH * rivalSays,
    );
  };
  const swapped = (rival: NameMention, sentence: number): Problem[] =>
    saysAsMuch(sentence)
      ? []
      : [{ type: 'entity', draft: name.text, source: rival.text, span: name.span, sourceSpan: rival.span }];
  // The sentence that says most of the claim gives another name after the claim's preposition ("near Somerset"
  // against "near Shingle Springs"): a swap, even beside a runner-up that names the draft's (the next fire's place).
  const [best] = anchors;
  const bestFacts = best !== undefined && !mentions([best]) ? finder.sentenceFacts(document, best) : undefined;
  const moved =
    bestFacts &&
    (rivalAfterSamePreposition(context, bestFacts, name, claimNames) ??
      rivalOwningTheSame(context, bestFacts, name, claimNames));
  if (moved) return swapped(moved, best);
  if (mentions(anchors)) return [];
  // A name the source has in the same place of the same statement is a swap, even if the draft's name
  // stands elsewhere in the source.
  for (const s of anchors) {
    const rival = rivalInSlot(context, finder.sentenceFacts(document, s), name, claimNames);
    if (rival) return swapped(rival, s);
  }
  if (
    mentions(neighbours(document, anchors, NAME_NEIGHBOURHOOD)) ||
    mentions(sentencesNear(document, context.window.anchor))
  )
    return [];
  return [{ type: 'entity', draft: name.text, source: '', span: name.span }];
}

const NAME_NEIGHBOURHOOD = 2;
/** "About as much": the share of what the rival's sentence says of the claim that a sentence naming the draft's name must say. */
const AS_MUCH = 0.5;

/** The rarity-weighted share of the claim's words, a name's own left out, that a source sentence has or a synonym of. */
function claimWordsSaid(context: CheckContext, source: SentenceFacts, nameSpan: Span): number {
  let said = 0;
  for (const t of context.words) {
    if (overlaps(t.span, nameSpan)) continue;
    if (hasWordOrSense(source, t.stem)) said += context.finder.weight(t.stem);
  }
  return said;
}

function neighbours(document: SourceDocument, sentences: number[], distance: number): number[] {
  const around = new Set<number>();
  for (const s of sentences) {
    for (let i = Math.max(0, s - distance); i <= Math.min(document.sentences.length - 1, s + distance); i++)
      around.add(i);
  }
  return [...around];
}

/**
 * The one name of the source sentence that follows the preposition the claim's name follows ("near Somerset" for
 * "near Shingle Springs"), where the sentence words the statement in another order than the draft.
 */
/**
 * The draft's name owns something ("Thompson's stepfather") that another name owns in the sentence that says most
 * of the claim ("Minnema's stepfather David Dingman"): that name is the one the source gives.
 */
function rivalOwningTheSame(
  context: CheckContext,
  source: SentenceFacts,
  name: NameMention,
  claimNames: NameMention[],
): NameMention | undefined {
  const owned = (tokens: Token[], span: Span) => {
    const index = tokens.findIndex((t) => t.span.start < span.end && t.span.end > span.start && t.span.end >= span.end);
    const owner = tokens[index];
    return owner && POSSESSIVE.test(owner.text) ? tokens[index + 1]?.stem : undefined;
  };
  const thing = owned(context.claimTokens, name.span);
  if (thing === undefined) return undefined;
  const rivals = source.names.filter(
    (candidate) => owned(source.tokens, candidate.span) === thing && !amongNames(claimNames, candidate),
  );
  return rivals.length === 1 ? rivals[0] : undefined;
}

const POSSESSIVE = /['\u2019]s$/i;

/** Whether a source name is one of the claim's own (then it is no rival of another of them). */
function amongNames(claimNames: NameMention[], candidate: NameMention): boolean {
  return claimNames.some((c) => namesAgree(c.text, candidate.text));
}

function rivalAfterSamePreposition(
  context: CheckContext,
  source: SentenceFacts,
  name: NameMention,
  claimNames: NameMention[],
): NameMention | undefined {
  const before = (tokens: Token[], span: Span) => tokens.filter((t) => t.span.end <= span.start).at(-1)?.norm;
  const preposition = before(context.claimTokens, name.span);
  if (preposition === undefined || !SLOT_PREPOSITIONS.has(preposition)) return undefined;
  const rivals = source.names.filter(
    (candidate) =>
      before(source.tokens, candidate.span) === preposition &&
      !amongNames(claimNames, candidate) &&
      !isDateline(context.document.text, source, candidate),
  );
  return rivals.length === 1 ? rivals[0] : undefined;
}

/** Prepositions that put a place or a party in a statement's slot: "near", "at", "in", "from", "outside". */
const SLOT_PREPOSITIONS = new Set(['near', 'at', 'in', 'from', 'outside']);

/** The source name that the claim's name takes the place of, when the rest of the statement lines up. */
function rivalInSlot(
  context: CheckContext,
  source: SentenceFacts,
  name: NameMention,
  claimNames: NameMention[],
): NameMention | undefined {
  // Function words would anchor the alignment anywhere ("the"), so only content words line the slots up.
  const claimTokens = context.claimTokens.filter(isContentToken);
  const sourceTokens = source.tokens.filter(isContentToken);
  const { matched, gaps } = gapsBetweenSharedWords(
    claimTokens.map((t) => t.stem),
    sourceTokens.map((t) => t.stem),
  );
  if (matched < 2 || matched < claimTokens.length * 0.4) return undefined;
  for (const gap of gaps) {
    const draftSide = claimTokens.slice(gap.draft[0], gap.draft[1]);
    // Overlapping, not inside: a name can be part of a hyphenated word ("Sydney-based").
    const inName = (t: Token) => overlaps(t.span, name.span);
    if (!draftSide.some(inName)) continue;
    // Before the first or after the last shared word the slot is vague: it must hold little but the name (and its title).
    const atEdge = gap.source[0] === 0 || gap.source[1] === sourceTokens.length;
    if (atEdge && draftSide.filter((t) => !inName(t) && !isTitlePart(t.text)).length > 1) continue;
    // Before the first or after the last shared word, only the source words next to it are the slot.
    let [from, to] = gap.source;
    if (gap.source[0] === 0) from = Math.max(0, to - SLOT_EDGE_WORDS);
    if (gap.source[1] === sourceTokens.length) to = Math.min(to, from + SLOT_EDGE_WORDS);
    const sourceSide = sourceTokens.slice(from, to);
    if (sourceSide.length === 0) continue;
    const region = { start: sourceSide[0].span.start, end: sourceSide[sourceSide.length - 1].span.end };
    const rivals = source.names.filter(
      (candidate) =>
        overlaps(candidate.span, region) &&
        !amongNames(claimNames, candidate) &&
        !isDateline(context.document.text, source, candidate),
    );
    // Of several names in the slot, the one as far from the shared word the slot hangs on as the draft's name
    // is: the word after the slot, or for a slot that ends the statement, the word before it.
    const trailing = gap.source[1] === sourceTokens.length && gap.source[0] > 0;
    const distance = (tokens: Token[], span: Span) =>
      trailing
        ? tokens.filter((t) => t.span.end <= span.start).length
        : tokens.filter((t) => t.span.start >= span.end).length;
    const draftDistance = distance(draftSide, name.span);
    rivals.sort(
      (a, b) =>
        Math.abs(distance(sourceSide, a.span) - draftDistance) - Math.abs(distance(sourceSide, b.span) - draftDistance),
    );
    if (rivals.length) return rivals[0];
  }
  return undefined;
}

const SLOT_EDGE_WORDS = 6;

/** "NEW YORK - The founder of..." names where the story was filed, not who did what. */
function isDateline(text: string, sentence: SentenceFacts, name: NameMention): boolean {
  return (
    name.span.start - sentence.span.start <= 1 &&
    /^\s*(\([^)]*\)\s*)?[-\u2013\u2014]/.test(text.slice(name.span.end, name.span.end + 12))
  );
}

function sentenceMentions(facts: SentenceFacts, name: NameMention): boolean {
  if (facts.names.some((candidate) => namesAgree(name.text, candidate.text))) return true;
  const norms = new Set(facts.tokens.map((token) => token.norm));
  // A country is mentioned by its other names inside a longer one: "Russia's S-400" by the source's "Russian S-400".
  if (placeNames(name.text).some((place) => norms.has(place))) return true;
  return name.tokens.length > 0 && name.tokens.every((token) => norms.has(token));
}

/**
 * Who the claim says said it ("Gneezy said what is needed is…") against whom the source has say it ("What is
 * needed, she said, is…", she being Serra-Garcia). Either may be a pronoun resolved from the text before it; the
 * draft's is then part of the sentence's cache key.
 */
/**
 * Whether a word stands in the description set off right after a speaker's name, closed by a comma and a verb of
 * saying: ", an attorney representing Robinson, told".
 */
function insideDescriptionOf(text: string, speaker: Speaker, token: Token): boolean {
  if (!speaker.span || token.span.start < speaker.span.end) return false;
  const before = text.slice(speaker.span.end, token.span.start);
  const after = DESCRIPTION_CLOSE.exec(text.slice(token.span.end, token.span.end + 80));
  return (
    /^,[^,.;:!?"\u201C\u201D]*$/.test(before) &&
    before.split(/\s+/).length <= DESCRIPTION_WORDS &&
    after !== null &&
    SPEECH_VERBS.has(after[1].toLowerCase())
  );
}

// The rest of a description up to its closing comma, and the word after it: "…, told".
const DESCRIPTION_CLOSE = /^[^,.;:!?"\u201C\u201D]*,\s+(\p{L}+)/u;

const DESCRIPTION_WORDS = 8;

function checkAttribution(context: CheckContext, facts: SentenceFacts, own: { name: string; span: Span }): Problem[] {
  const { finder, document, window } = context;
  const sentence = document.sentences[window.anchor];
  const theirs = sentence && findReportedSpeech(sentence, document.text);
  if (!theirs || namesAgree(own.name, theirs.name)) return [];
  // A source sentence that names the draft's speaker at all ("Serra-Garcia worked with Gneezy"), or a draft
  // sentence that names the source's (one of several statements it joins), is left alone.
  const named = (name: string, tokens: Token[]) => {
    const norms = new Set(tokens.map((t) => t.norm));
    return tokenize(name).some((t) => norms.has(t.norm));
  };
  // The draft's speaker named only in the source speaker's own description ("Christopher Chestnut, an attorney
  // representing Robinson, told the AP") is the one the statement is about, not the one who made it.
  const sourceTokens = finder
    .sentenceFacts(document, window.anchor)
    .tokens.filter((t) => !insideDescriptionOf(document.text, theirs, t));
  if (named(own.name, sourceTokens) || named(theirs.name, facts.tokens)) return [];
  return [
    {
      type: 'attribution',
      draft: own.name,
      source: theirs.name,
      span: own.span,
      sourceSpan: theirs.span ?? sentence.span,
    },
  ];
}

/** Whom the claim's own sentence names as saying or reporting it, with the name's span; none inside a quotation. */
function ownSpeaker(facts: SentenceFacts, excluded: Span[]): { name: string; span: Span } | undefined {
  if (!mayReportSpeech(facts.tokens)) return undefined;
  const own = findReportedSpeech(
    { span: { start: 0, end: facts.text.length }, text: facts.text, paragraph: 0 },
    facts.text,
  );
  if (!own?.span) return undefined;
  const span = { start: own.span.start + facts.span.start, end: own.span.end + facts.span.start };
  return excluded.some((e) => overlaps(e, span)) ? undefined : { name: own.name, span };
}
