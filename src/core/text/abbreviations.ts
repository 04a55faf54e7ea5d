// Whether a full stop after an abbreviation ends the sentence. retext-english splits "No. 5" and "Fig. 3" and
// joins "Acme Co. He left", and a plain punctuation splitter gets "Mr. Smith" wrong, so both are corrected here
// by one rule set. A wrong split cuts a claim in two (its name in one half, its number in the other); a wrong
// join only makes a claim longer, so when in doubt the abbreviation does not end the sentence.
import { STOPWORDS } from './normalize.js';

/** Always followed by a name: "Mr. Smith", "Gen. Milley", "Mt. Everest". */
const TITLES = new Set(
  'Mr Mrs Ms Messrs Dr Prof Gen Sen Rep Gov Lt Col Capt Sgt Cpl Adm Maj Cmdr Rev Hon Pres Supt Mt Ft'.split(' '),
);

/** Followed by a number: "No. 5", "Fig. 3", "pp. 10-12". */
const BEFORE_NUMBER = new Set('No Nos Nr Fig fig Figs figs p pp Vol vol Art art Sec sec Ch ch'.split(' '));

/** May end a sentence or not: "Apple Inc. said" / "works at Apple Inc. He said"; lower-cased. */
const AMBIGUOUS = new Set(
  (
    'inc co corp ltd bros jr sr st vs etc est approx dept univ ave blvd rd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

/** "U.S", "a.m", "e.g" (the final stop is not part of `word`) or an initial: "J" in "Michael J. Driscoll". */
const INITIALISM = /^(?:\p{L}\.)+\p{L}$|^\p{Lu}$/u;

const LEADING_WORD = /^\p{L}+(?:['\u2019]\p{L}+)?/u;
const OPENING_QUOTE_THEN_CAPITAL = /^["'\u201C\u2018\u00AB([]+\p{Lu}/u;

/**
 * Does the full stop after `word` (written without that stop) end a sentence, given the token after it?
 * Undefined when `word` is no known abbreviation: the caller's own judgement stands.
 */
export function abbreviationEndsSentence(word: string, next: string): boolean | undefined {
  if (TITLES.has(word)) return false;
  if (BEFORE_NUMBER.has(word)) return /^\d/.test(next) ? false : undefined;
  if (AMBIGUOUS.has(word.toLowerCase()) || INITIALISM.test(word)) return startsNewSentence(next);
  return undefined;
}

// After an ambiguous abbreviation only an unmistakable sentence start counts: a capitalised function word
// ("The", "He", "But") or a quotation opening with a capital.
function startsNewSentence(next: string): boolean {
  if (OPENING_QUOTE_THEN_CAPITAL.test(next)) return true;
  const leading = LEADING_WORD.exec(next)?.[0];
  if (!leading || !/^\p{Lu}/u.test(leading)) return false;
  return STOPWORDS.has(leading.toLowerCase());
}
