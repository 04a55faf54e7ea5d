// Whether a full stop after an abbreviation ends the sentence. retext-english splits "No. 5" and "Fig. 3" and
// joins "Acme Co. He left", and a plain punctuation splitter gets "Mr. Smith" wrong, so both are corrected here
// by one rule set. A wrong split cuts a claim in two (its name in one half, its number in the other); a wrong
// join only makes a claim longer, so when in doubt the abbreviation does not end the sentence.
// The abbreviations are the shared vocabulary's.
import {
  ABBREVIATIONS_AMBIGUOUS,
  ABBREVIATIONS_BEFORE_NAME,
  ABBREVIATIONS_BEFORE_NUMBER,
  ORGANISATION_WORDS,
  STOPWORDS,
} from './vocabulary.js';

/** "U.S", "a.m", "e.g" (the final stop is not part of `word`) or an initial: "J" in "Michael J. Driscoll". */
const INITIALISM = /^(?:\p{L}\.)+\p{L}$|^\p{Lu}$/u;

const LEADING_WORD = /^\p{L}+(?:['\u2019]\p{L}+)?/u;
const OPENING_QUOTE_THEN_CAPITAL = /^["'\u201C\u2018\u00AB([]+\p{Lu}/u;

/**
 * Does the full stop after `word` (written without that stop) end a sentence, given the token after it?
 * Undefined when `word` is no known abbreviation: the caller's own judgement stands.
 */
export function abbreviationEndsSentence(word: string, next: string, afterNext?: string): boolean | undefined {
  if (ABBREVIATIONS_BEFORE_NAME.has(word)) return false;
  if (ABBREVIATIONS_BEFORE_NUMBER.has(word)) return /^\d/.test(next) ? false : undefined;
  if (NAME_SUFFIXES.has(word.toLowerCase()) && startsClauseAfterName(next, afterNext)) return true;
  if (ABBREVIATIONS_AMBIGUOUS.has(word.toLowerCase()) || INITIALISM.test(word)) return startsNewSentence(next);
  return undefined;
}

// "Jr." and "Sr." end a person's name: a capitalised word after one, itself followed by a lower-case word, starts
// the next sentence ("Michael Johnson Sr. Reynolds is"), unless it names what is named after the person ("Martin
// Luther King Jr. Day is", "… Jr. High School").
const NAME_SUFFIXES = new Set(['jr', 'sr']);
const NAMED_AFTER_PEOPLE = new Set([
  'day',
  'high',
  'boulevard',
  'blvd',
  'avenue',
  'ave',
  'drive',
  'street',
  'memorial',
]);

function startsClauseAfterName(next: string, afterNext: string | undefined): boolean {
  const leading = LEADING_WORD.exec(next)?.[0];
  if (!leading || !/^\p{Lu}/u.test(leading) || leading.length !== next.length) return false;
  if (NAMED_AFTER_PEOPLE.has(leading.toLowerCase()) || ORGANISATION_WORDS.has(leading.toLowerCase())) return false;
  return afterNext !== undefined && /^\p{Ll}/u.test(afterNext);
}

// After an ambiguous abbreviation only an unmistakable sentence start counts: a capitalised function word
// ("The", "He", "But") or a quotation opening with a capital.
function startsNewSentence(next: string): boolean {
  if (OPENING_QUOTE_THEN_CAPITAL.test(next)) return true;
  const leading = LEADING_WORD.exec(next)?.[0];
  if (!leading || !/^\p{Lu}/u.test(leading)) return false;
  return STOPWORDS.has(leading.toLowerCase());
}
