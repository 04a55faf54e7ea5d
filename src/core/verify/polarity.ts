// A claim's polarity and direction words against the source sentence that says it: a dropped or added negation
// ("did not attend" / "attended") and an opposite word ("rose" / "fell", "before" / "after", "centre-left" /
// "centre-right").
import { areAntonyms } from '../extract/antonyms.js';
import { namesAgree, type NameMention } from '../extract/names.js';
import { saysSomethingEnded, type NegationCue } from '../extract/negation.js';
import { isContentToken, stemWord, type Token } from '../text/normalize.js';
import type { Problem, Span } from '../types.js';
import {
  inside,
  overlaps,
  slicerOf,
  wordsAfter,
  wordsBefore,
  type CheckContext,
  type Slicer,
} from './check-context.js';
import { hasWordOrSense, type SentenceFacts } from './facts.js';

/**
 * The passage's sentence whose polarity and direction words are compared with the claim's, and the share of the
 * claim's words it covers. That is the best-matching sentence, unless it shares nothing but the claim's names: then
 * it is the passage's sentence with most of what the claim says of them, for a source sentence often names what it
 * is about only by "there" or a pronoun ("Flights were still operating there", after a sentence about BWI). The
 * claim's names that the passage gives count as covered; the claim's own negation ("no longer") is what is being
 * checked, not a word the sentence must have.
 */
export function polaritySentence(
  context: CheckContext,
  facts: SentenceFacts,
  names: NameMention[],
): { sentence: number; coverage: number } {
  const { finder, document, window, words } = context;
  const sentenceFacts = window.sentences.map((sentence) => finder.sentenceFacts(document, sentence));
  const named = (t: Token) => names.some((name) => overlaps(name.span, t.span));
  const checked = words.filter((t) => !facts.negations.some((cue) => overlaps(cue.span, t.span)));
  const weights = new Map(checked.map((t) => [t.stem, finder.weight(t.stem)]));
  const namedStems = new Set(checked.filter(named).map((t) => t.stem));
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  const inPassage = (stem: string) => sentenceFacts.some((other) => other.stems.has(stem));
  const coverageOf = (index: number, withNames: boolean) => {
    const own = sentenceFacts[index];
    let covered = 0;
    for (const [stem, weight] of weights) {
      if (namedStems.has(stem) && !withNames) continue;
      // "unevenly" says of the draft's "evenly" that it is not: the word is there, negated.
      const said = hasWordOrSense(own, stem) || own.stems.has(`un${stem}`);
      if (said || (namedStems.has(stem) && inPassage(stem))) covered += weight;
    }
    return total > 0 ? covered / total : 0;
  };
  const anchor = window.sentences.indexOf(window.anchor);
  const predicates = window.sentences.map((_, index) => coverageOf(index, false));
  const best = predicates.reduce((top, value, index) => (value > predicates[top] ? index : top), anchor);
  const chosen = predicates[anchor] === 0 ? best : anchor;
  return {
    sentence: window.sentences[chosen],
    coverage: coverageOf(chosen, true),
  };
}

/**
 * A negation counts only where it bears on what both sides say: its scope (the words it negates) must stand
 * on the other side. "He could not confirm the requests, but said talks continue" does not negate "talks continue".
 */
export function checkPolarityAndAntonyms(
  context: CheckContext,
  facts: SentenceFacts,
  excluded: Span[],
  sentence: number,
): Problem[] {
  const source = context.finder.sentenceFacts(context.document, sentence);
  const claimTokens = context.claimTokens;
  if (claimTokens.length === 0) return [];
  const sourceStems = new Set(source.tokens.map((t) => t.stem));
  const claimStems = new Set(claimTokens.map((t) => t.stem));
  const draftText = slicerOf(facts.text, facts.span.start);
  const sourceText = slicerOf(context.document.text);
  const claimCues = facts.negations.filter(
    (cue) => !inside(cue.span, excluded) && bearsOn(cue, scopeStems(draftText, claimTokens, cue), sourceStems),
  );
  const sourceCues = source.negations.filter((cue) =>
    bearsOn(cue, scopeStems(sourceText, source.tokens, cue), claimStems),
  );
  const problems: Problem[] = [];
  // "unaware" is a negation, not an antonym of "aware" that could cancel one. A word of a name is no direction
  // word: "Hartsfield-Jackson International Airport" says nothing against "the nation's". Each side's spans are
  // in its own text's offsets.
  const directionWordOf = (side: SentenceFacts) => {
    const notDirection = [...side.negations, ...side.names].map((found) => found.span);
    return (t: Token) => !notDirection.some((span) => overlaps(span, t.span));
  };
  const opposite = findAntonym(
    { tokens: claimTokens, stems: claimStems, names: facts.names, directionWord: directionWordOf(facts) },
    { tokens: source.tokens, stems: sourceStems, names: source.names, directionWord: directionWordOf(source) },
  );
  const claimNegated = claimCues.length % 2 === 1;
  const negationMismatch =
    claimNegated !== (sourceCues.length % 2 === 1) &&
    !(claimNegated
      ? endingWordStandsForNegation(claimTokens, scopesOf(draftText, claimTokens, claimCues), source.tokens)
      : endingWordStandsForNegation(source.tokens, scopesOf(sourceText, source.tokens, sourceCues), claimTokens));
  // "failed to get it right" says "got it wrong": a negation and an antonym together cancel out.
  if (negationMismatch && opposite) return [];
  if (negationMismatch) {
    // Point at the draft's negation, or else at the draft's word the source negates.
    const sourceCue = sourceCues[0];
    const negated = sourceCue ? scopeStems(sourceText, source.tokens, sourceCue) : [];
    const negatedWord = negated.map((stem) => claimTokens.find((t) => t.stem === stem)).find((t) => t !== undefined);
    const draftSpan = claimCues[0]?.span ?? negatedWord?.span;
    problems.push({
      type: 'negation',
      draft: draftSpan
        ? facts.text.slice(draftSpan.start - facts.span.start, draftSpan.end - facts.span.start)
        : facts.text,
      source: sourceCue
        ? phraseAround(context.document.text, source, sourceCue.span, 1)
        : unnegatedPhrase(context, source, draftText, claimCues[0]),
      span: draftSpan,
      sourceSpan: source.span,
    });
  }
  if (!negationMismatch && opposite) {
    problems.push({
      type: 'antonym',
      draft: opposite[0].text,
      source: opposite[1].text,
      span: opposite[0].span,
      sourceSpan: opposite[1].span,
    });
  }
  return problems;
}

/**
 * The side without the negation says that something ended, in a word the negated side does not use: "Bus service
 * stopped Thursday" against "riders found themselves without bus service Thursday". A shared word ("did not stop"
 * against "stopped"), or one said of something else ("may end, but … scheduled more talks" against "have not
 * scheduled any more talks"), leaves the negation to be compared.
 */
function endingWordStandsForNegation(negated: Token[], negatedScope: Set<string>, plain: Token[]): boolean {
  const negatedStems = new Set(negated.map((t) => t.stem));
  // The ending word must be said of what the negation bears on: within a few words of it.
  return plain.some(
    (t, i) =>
      saysSomethingEnded(t.stem) &&
      !negatedStems.has(t.stem) &&
      plain
        .slice(Math.max(0, i - ENDING_WORD_REACH), i + ENDING_WORD_REACH + 1)
        .some((near) => near !== t && negatedScope.has(near.stem)),
  );
}

const ENDING_WORD_REACH = 4;

function scopesOf(slice: Slicer, tokens: Token[], cues: NegationCue[]): Set<string> {
  return new Set(cues.flatMap((cue) => scopeStems(slice, tokens, cue)));
}

/** One side of a comparison: its words, their stems, its names, and which of its words may be direction words. */
interface PolaritySide {
  tokens: Token[];
  stems: Set<string>;
  names: NameMention[];
  directionWord: (t: Token) => boolean;
}

/** A claim word the source does not have, opposite in meaning to a source word the claim does not have. */
function findAntonym(claim: PolaritySide, source: PolaritySide): [Token, Token] | undefined {
  const { tokens: claimTokens, stems: claimStems } = claim;
  const { tokens: sourceTokens, stems: sourceStems, directionWord } = source;
  for (const word of claimTokens) {
    if (sourceStems.has(word.stem) || !claim.directionWord(word)) continue;
    if (!isContentToken(word) && !DIRECTION_STOPWORDS.has(word.norm)) continue;
    const around = new Set(neighbourStems(claimTokens, word.span));
    const affinity = (t: Token) => neighbourStems(sourceTokens, t.span).filter((stem) => around.has(stem)).length;
    const opposites = sourceTokens.filter(
      (candidate) =>
        directionWord(candidate) && !claimStems.has(candidate.stem) && oppositeWords(word.norm, candidate.norm),
    );
    if (opposites.length === 0) continue;
    const opposite = opposites.reduce((best, t) => (affinity(t) > affinity(best) ? t : best));
    // A source that says both ("a 30% decrease ..., a 4% increase") has the claim's direction too, unless its
    // word for it stands among other words than the claim's ("parks jumped 8 percent ... a revenue drop from
    // Disney Cruise Line" against "Revenue from Disney Cruise Line grew").
    const bothWays = sourceTokens.some(
      (other) =>
        directionWord(other) && oppositeWords(other.norm, opposite.norm) && affinity(other) >= affinity(opposite),
    );
    // "A is far shorter than B" says "B is far longer" of the same two things: a comparison of things is read
    // either way round. One against a figure ("more than 250", "fewer than 250") is not. Nor is "A before B" against
    // "after A, B": a relation word is an opposite only of one that relates the same next word.
    const turnable =
      comparesThings(claimTokens, word) ||
      comparesThings(sourceTokens, opposite) ||
      (DIRECTION_STOPWORDS.has(word.norm) &&
        nextContentWord(claimTokens, word) !== nextContentWord(sourceTokens, opposite)) ||
      seenFromTheOtherSide(claim, word, source, opposite);
    if (!bothWays && !turnable) return [word, opposite];
  }
  return undefined;
}

/** A comparative followed by "than" and something other than a figure ("shorter than the 20-year term"). */
function comparesThings(tokens: Token[], word: Token): boolean {
  const at = tokens.indexOf(word);
  return tokens[at + 1]?.norm === 'than' && !/^\d/.test(tokens[at + 2]?.text ?? '');
}

function nextContentWord(tokens: Token[], word: Token): string | undefined {
  return tokens.slice(tokens.indexOf(word) + 1).find(isContentToken)?.stem;
}

/**
 * "East Bengal won 2-1 against Jamshedpur" says what "Jamshedpur suffered a 1-2 defeat against East Bengal" says:
 * a win and a defeat are opposites only when the same party follows them ("won … against East Bengal" against
 * "a defeat against East Bengal").
 */
function seenFromTheOtherSide(claim: PolaritySide, word: Token, source: PolaritySide, opposite: Token): boolean {
  if (!CONTEST_OUTCOMES.has(word.stem) || !CONTEST_OUTCOMES.has(opposite.stem)) return false;
  const nextName = (side: PolaritySide, after: Token) => side.names.find((name) => name.span.start >= after.span.end);
  const [ours, theirs] = [nextName(claim, word), nextName(source, opposite)];
  return ours !== undefined && theirs !== undefined && !namesAgree(ours.text, theirs.text);
}

const CONTEST_OUTCOMES = new Set(['win', 'won', 'victori', 'defeat', 'lose', 'lost', 'loss', 'winner', 'loser']);

/** Words too common to weigh as content that still give a direction: "shortly after" for "shortly before". */
const DIRECTION_STOPWORDS = new Set(['before', 'after', 'above', 'below', 'more', 'less', 'fewer', 'most', 'least']);

/** Opposite words, or compounds that differ only in one opposite part ("centre-right", "centre-left"). */
function oppositeWords(a: string, b: string): boolean {
  if (areAntonyms(a, b) || negatedByPrefix(a, b) || negatedByPrefix(b, a)) return true;
  const [left, right] = [a.split('-'), b.split('-')];
  if (left.length < 2 || left.length !== right.length) return false;
  const differing = left.flatMap((part, i) => (part === right[i] ? [] : [i]));
  return differing.length === 1 && areAntonyms(left[differing[0]], right[differing[0]]);
}

/** "unevenly" against "evenly", "unpaid" against "paid": the word with "un-" before the other's. */
function negatedByPrefix(word: string, other: string): boolean {
  return word.length >= other.length + 2 && other.length >= 4 && word === `un${other}` && !SAME_WITH_UN.has(word);
}

// Words that mean what they mean without "un-".
const SAME_WITH_UN = new Set(['unravel', 'unravelled', 'unraveled', 'unloose', 'unloosen']);

/** The content words on either side of a span, the words a fact or a direction word is about. */
function neighbourStems(tokens: Token[], span: Span): string[] {
  return [...wordsBefore(tokens, span), ...wordsAfter(tokens, span)];
}

/**
 * A negation bears on the other side's statement when what it negates first ("not confirm the requests", "not
 * admitting new patients") stands there: a word further on ("…not have to rely on the votes of other parties"
 * against "Albanese's Labor Party") belongs to another statement about the same thing.
 */
function bearsOn(cue: NegationCue, scope: string[], otherStems: Set<string>): boolean {
  // The negating verb itself ("declined to forecast") is not what it negates.
  const head = stemWord(cue.cue.split(/\s+/)[0]);
  return scope
    .filter((stem) => stem !== head)
    .slice(0, BEARING_WORDS)
    .some((stem) => otherStems.has(stem));
}

const BEARING_WORDS = 2;
const SCOPE_WORDS = 3;
const CLAUSE_BREAK = /[,;:()\u2013\u2014"\u201C\u201D]/;
const CONJUNCTIONS = new Set(['but', 'and', 'or', 'while', 'although', 'though', 'yet', 'whereas']);

/**
 * The stems a negation cue bears on, nearest first: content words inside a multi-word cue ("could not
 * confirm"), the positive form of "unaware", then the next content words of the same clause.
 */
function scopeStems(slice: Slicer, tokens: Token[], cue: NegationCue): string[] {
  const stems = tokens
    .filter((t) => t.span.start >= cue.span.start && t.span.end <= cue.span.end && isContentToken(t))
    .map((t) => t.stem);
  const lexical = /^(un|im)(\p{L}{3,})$/u.exec(cue.cue);
  if (lexical) stems.push(stemWord(lexical[2]));
  let previousEnd = cue.span.end;
  let taken = 0;
  for (const token of tokens) {
    if (token.span.start < cue.span.end) continue;
    // A conjunction right after the cue is an adverb of it ("not yet"), not the start of another clause.
    if (
      CLAUSE_BREAK.test(slice(previousEnd, token.span.start)) ||
      (CONJUNCTIONS.has(token.norm) && previousEnd > cue.span.end)
    )
      break;
    previousEnd = token.span.end;
    if (!isContentToken(token)) continue;
    stems.push(token.stem);
    if (++taken === SCOPE_WORDS) break;
  }
  return stems;
}

/**
 * Where the draft negates what the source states: the source's words around the first word the draft's negation
 * bears on ("can not now be completed" -> "can now also"), or the source sentence when it has none of them.
 */
function unnegatedPhrase(
  context: CheckContext,
  source: SentenceFacts,
  draftText: Slicer,
  claimCue: NegationCue,
): string {
  const negated = scopeStems(draftText, context.claimTokens, claimCue);
  const word = negated.map((stem) => source.tokens.find((t) => t.stem === stem)).find((t) => t !== undefined);
  return word ? phraseAround(context.document.text, source, word.span, 1) : source.text;
}

/** The source's words around a negation cue (`before` words before it, three after), for a message. */
function phraseAround(text: string, facts: SentenceFacts, span: Span, before: number): string {
  const index = facts.tokens.findIndex((t) => t.span.end > span.start);
  const from = before ? (facts.tokens[Math.max(0, index - before)]?.span.start ?? span.start) : span.start;
  const after = facts.tokens.filter((t) => t.span.start >= span.end);
  const last = after[Math.min(1, after.length - 1)];
  return text.slice(Math.min(from, span.start), Math.max(span.end, last?.span.end ?? span.end));
}
