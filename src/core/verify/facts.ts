// The checkable facts of one sentence: its words, numbers, dates, names and negations, with document offsets.
import { findDates, type DateMention } from '../extract/dates.js';
import { findNames, type NameMention } from '../extract/names.js';
import { findNegations, type NegationCue } from '../extract/negation.js';
import { findNumbers, type NumberMention } from '../extract/numbers.js';
import { synsetsOf } from '../extract/synonyms.js';
import { compoundParts, isContentToken, tokenize, type Token } from '../text/normalize.js';
import { RESTATING_STEMS } from '../text/vocabulary.js';
import type { Span } from '../types.js';

export interface SentenceFacts {
  span: Span;
  text: string;
  tokens: Token[];
  /** Words that carry the claim: not function words, not verbs of saying. */
  content: Token[];
  numbers: NumberMention[];
  dates: DateMention[];
  names: NameMention[];
  negations: NegationCue[];
  /** The sentence's word stems, and the WordNet senses they share with other words. */
  stems: Set<string>;
  synsets: Set<number>;
}

/**
 * Whether a sentence has a word's stem or a word sharing one of its WordNet senses (`senses`: the stem's, passed by
 * a caller that asks of many sentences).
 */
export function hasWordOrSense(facts: SentenceFacts, stem: string, senses = synsetsOf(stem)): boolean {
  return facts.stems.has(stem) || senses.some((id) => facts.synsets.has(id));
}

export function isClaimWord(token: Token): boolean {
  return isContentToken(token) && !RESTATING_STEMS.has(token.stem);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Facts of `text.slice(span.start, span.end)`; every span in the result is an offset into `text`. Words come at
 * once; numbers, dates, names and negations are read the first time they are asked for: most source sentences
 * are only ever asked which words they cover, and reading dates costs more than everything else together.
 */
export function factsOf(text: string, span: Span, referenceDate?: string): SentenceFacts {
  const sentence = text.slice(span.start, span.end);
  const tokens = tokenize(sentence, span.start);
  // A hyphenated word's parts are words of the sentence too: "a 260-bed hospital" has beds.
  const stems = new Set(tokens.flatMap((token) => [token.stem, ...compoundParts(token.stem)]));
  let dates: DateMention[] | undefined;
  let numbers: NumberMention[] | undefined;
  let names: NameMention[] | undefined;
  let negations: NegationCue[] | undefined;
  return {
    span,
    text: sentence,
    tokens,
    stems,
    synsets: new Set([...stems].flatMap((stem) => synsetsOf(stem))),
    content: tokens.filter(isClaimWord),
    get dates() {
      return (dates ??= findDates(sentence, span.start, referenceDate));
    },
    get numbers() {
      // A day or a year inside a date is the date's business, not a quantity.
      return (numbers ??= findNumbers(sentence, span.start).filter(
        (number) => number.kind !== 'year' && !this.dates.some((date) => overlaps(date.span, number.span)),
      ));
    },
    get names() {
      return (names ??= findNames(sentence, span.start));
    },
    get negations() {
      return (negations ??= findNegations(sentence, span.start));
    },
  };
}

/** Caches the facts of source sentences, which are compared again and again. */
export class SourceFactsCache {
  private readonly entries = new Map<string, SentenceFacts>();

  constructor(private readonly limit = 20_000) {}

  get(key: string, compute: () => SentenceFacts): SentenceFacts {
    let facts = this.entries.get(key);
    if (!facts) {
      facts = compute();
      this.entries.set(key, facts);
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    return facts;
  }
}
