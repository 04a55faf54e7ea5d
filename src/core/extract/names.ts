// Proper names of people, places and organisations in one sentence, so that "Phillip Swadling leads ..." can
// be caught where the source says "Courtney Meares-Whitty leads ...".
//
// A name is a run of capitalised words, joined by connectors ("Department of Defence", "Ibn al-Khattab"),
// with hyphenated parts ("Meares-Whitty"), initials ("Michael J. Driscoll") and dotted abbreviations ("U.S.").
// What is not part of a name: a possessive ("Ankara's" -> "Ankara"), a lower-case hyphen tail
// ("Melbourne-based" -> "Melbourne"), a leading "The", titles ("Defense Minister Hulusi Akar" -> "Hulusi Akar"),
// and the capital of a sentence's first word when that word is common English ("Shares of Lordstown",
// "Drones are ..."). Common English = the stem of a word usually lower-case in SUBTLEX-US (common-words.json,
// built by scripts/build-common-words.mjs): frequency with case tells "Drones" from "Lordstown" far better
// than a hand list could. A common word still starts a name when another capitalised
// word follows it directly ("White House", "Swoop Aero"). Months and weekdays alone are dates, not names.
// The words are the shared scanner's (text/words.ts), the titles, particles and calendar words the vocabulary's.
import { samePlace } from './places.js';
import type { Span } from '../types.js';
import { stemWord, STOPWORDS, tokenize } from '../text/normalize.js';
import { normalForm, readWords } from '../text/words.js';
import {
  MONTHS,
  NAME_PARTICLES,
  ORGANISATION_TAILS,
  ORGANISATION_WORDS,
  TITLE_MODIFIERS,
  TITLES,
  TITLES_IN_INSTITUTION_NAMES,
  WEEKDAYS,
} from '../text/vocabulary.js';
import commonStemList from './common-words.json' with { type: 'json' };

export interface NameMention {
  span: Span;
  text: string;
  /** The words' normal forms (text/words.ts: lower case, folded, abbreviation dots removed), joined by one space. */
  norm: string;
  /** The name's words as in `norm`, without connectors ("department of defence" -> ["department", "defence"]). */
  tokens: string[];
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const COMMON_STEMS = words(commonStemList as string);
// Not "for" or "and": they join two names more often than they stand inside one ("Warren for Howard").
const CONNECTORS = new Set([...NAME_PARTICLES, 'of', 'the']);
// A name of only these is a date. Not the weekdays' abbreviations: "Sun", "Sat", "Wed" alone are more often a
// newspaper or a word than a day.
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS]);

interface Word {
  start: number;
  /** End of the word without a possessive or lower-case hyphen tail. */
  end: number;
  lower: string;
  capitalised: boolean;
  /** Nothing may follow it in the same name: a possessive or a tail ended it. */
  closes: boolean;
  sentenceInitial: boolean;
}

const SENTENCE_OPENERS = new Set([...'.!?:;"“”([{—–-*#>•']);
const POSSESSIVE = /['’]s$/u;
const LOWER_TAIL = /-\p{Ll}[\p{Ll}-]*$/u;

/** The text's words as the shared scanner reads them, each cut before a possessive or a lower-case tail. */
function readNameWords(text: string): Word[] {
  const found: Word[] = [];
  for (const word of readWords(text)) {
    if (word.kind !== 'word') continue;
    const { start } = word;
    let written = word.text;
    let end = word.end;
    let closes = false;
    const possessive = POSSESSIVE.exec(written);
    if (possessive) {
      written = written.slice(0, possessive.index);
      end = start + written.length;
      closes = true;
    } else if (/^['’]/.test(text[end] ?? '') && written.endsWith('s')) {
      closes = true; // "Bidens’ first": a plural possessive's apostrophe lies outside the word
    }
    const tail = LOWER_TAIL.exec(written);
    if (tail && /^\p{Lu}/u.test(written)) {
      written = written.slice(0, tail.index);
      end = start + written.length;
      closes = true;
    }
    let before = start - 1;
    while (before >= 0 && /\s/.test(text[before])) before--;
    const newLineBefore = text.slice(before + 1, start).includes('\n');
    found.push({
      start,
      end,
      lower: text.slice(start, end).toLowerCase(),
      capitalised: /^(?:\p{Lu}|\p{Ll}+-?\p{Lu})/u.test(written),
      closes,
      sentenceInitial: before < 0 || newLineBefore || SENTENCE_OPENERS.has(text[before]),
    });
  }
  return found;
}

/** Only spaces, or an ampersand ("Procter & Gamble"), between two words of one name. */
function joined(text: string, left: Word, right: Word): boolean {
  return !left.closes && /^[ \t]+(?:&[ \t]+)?$/.test(text.slice(left.end, right.start));
}

/** Runs of capitalised words, with connectors between them. */
function capitalisedRuns(text: string, found: Word[]): Word[][] {
  const runs: Word[][] = [];
  let i = 0;
  while (i < found.length) {
    // A lone capital letter without a dot is a pronoun, an article or a symbol ("I", "A$1"), not an initial.
    if (!found[i].capitalised || /^\p{L}$/u.test(found[i].lower)) {
      i++;
      continue;
    }
    const run = [found[i]];
    let j = i + 1;
    for (;;) {
      let k = j;
      while (
        k < found.length &&
        k - j < 2 &&
        CONNECTORS.has(found[k].lower) &&
        !found[k].capitalised &&
        joined(text, found[k - 1], found[k])
      )
        k++;
      if (k < found.length && found[k].capitalised && found[k].lower !== 'i' && joined(text, found[k - 1], found[k])) {
        run.push(...found.slice(j, k + 1));
        j = k + 1;
      } else {
        break;
      }
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

const isConnector = (word: Word) => CONNECTORS.has(word.lower);
// A capitalised connector belongs to the name it starts ("El Niño", "De Niro"); a lower-case one never ends one.
const isLowerConnector = (word: Word) => isConnector(word) && !word.capitalised;
const isAcronym = (word: Word, text: string) =>
  /^\p{Lu}{2,}$/u.test(text.slice(word.start, word.end).replace(/\./g, ''));

/** Drops a sentence's first word when its capital only marks the sentence start. */
function withoutSentenceCapital(run: Word[], text: string): Word[] {
  const [first, second] = run;
  if (first.lower === 'the') return run.slice(1);
  // A title opening the sentence is left for the title split to drop, with its "of State" ("Secretary of State X").
  if (!first.sentenceInitial || isAcronym(first, text) || TITLES.has(bare(first))) return run;
  if (STOPWORDS.has(first.lower)) return run.slice(1);
  const common = COMMON_STEMS.has(stemWord(first.lower));
  return common && (second === undefined || isConnector(second)) ? run.slice(1) : run;
}

/** Splits a run at titles: "Turkish President Recep Tayyip Erdogan" -> "Turkish", "Recep Tayyip Erdogan". */
function splitAtTitles(run: Word[]): Word[][] {
  const parts: Word[][] = [];
  let current: Word[] = [];
  let i = 0;
  while (i < run.length) {
    let k = i;
    while (k < run.length && (TITLES.has(bare(run[k])) || TITLE_MODIFIERS.has(bare(run[k])))) k++;
    if (isTitlePhrase(run, i, k)) {
      parts.push(current);
      current = [];
      i = k;
    } else {
      current.push(run[i]);
      i++;
    }
  }
  parts.push(current);
  return parts;
}

/** Whether the title words among run[i..k) (titles and their modifiers) are a person's title here. */
function isTitlePhrase(run: Word[], i: number, k: number): boolean {
  const titles = run.slice(i, k).filter((word) => TITLES.has(bare(word)));
  if (titles.length === 0) return false;
  // A title followed only by a company's last word is the company's name: "General Motors", "General Electric".
  if (k === run.length - 1 && ORGANISATION_TAILS.has(bare(run[k]))) return false;
  if (titles.some((word) => !TITLES_IN_INSTITUTION_NAMES.has(bare(word)))) return true;
  // "Justice", "General", "Major" alone: a title only opening a run, and not before an institution's word
  // ("Major Jane Doyle", a lone "Justice"); else the institution's name ("Hillsborough Justice Campaign",
  // "Northern General", "Justice Department").
  return i === 0 && !(k < run.length && ORGANISATION_WORDS.has(bare(run[k])));
}

const bare = (word: Word) => word.lower.replace(/\./g, '');

function trimConnectors(part: Word[]): Word[] {
  let start = 0;
  let end = part.length;
  while (start < end && isLowerConnector(part[start])) start++;
  while (end > start && isLowerConnector(part[end - 1])) end--;
  return part.slice(start, end);
}

function toMention(text: string, part: Word[], offset: number): NameMention {
  const first = part[0];
  const last = part[part.length - 1];
  const folded = part.map((word) => normalForm(text.slice(word.start, word.end)));
  return {
    span: { start: offset + first.start, end: offset + last.end },
    text: text.slice(first.start, last.end),
    norm: folded.join(' '),
    tokens: folded.filter((_, i) => !isConnector(part[i])),
  };
}

export function findNames(text: string, offset = 0): NameMention[] {
  const mentions: NameMention[] = [];
  for (const run of capitalisedRuns(text, readNameWords(text))) {
    for (const raw of splitAtTitles(withoutSentenceCapital(run, text))) {
      const part = trimConnectors(raw);
      if (part.length === 0 || part.every((word) => DATE_WORDS.has(bare(word)))) continue;
      mentions.push(toMention(text, part, offset));
    }
  }
  return mentions;
}

export function isTitleWord(word: string): boolean {
  return TITLES.has(normalForm(word));
}

/** A word of a title: the title word or one that stands in it ("Secretary of State", "Defense Minister"). */
export function isTitlePart(word: string): boolean {
  const folded = normalForm(word);
  return TITLES.has(folded) || TITLE_MODIFIERS.has(folded);
}

/**
 * Names in lower-cased, tokenised text ("kilmarnock 's manager steve clarke"): runs of tokens whose
 * normalised form (see normalizeWord) is in `vocabulary`, which the caller fills with the words it knows to be
 * names, e.g. the source's capitalised words. Function words ("us", "may") and titles are never names here,
 * even if the vocabulary holds them, because in lower case they cannot be told from the common word.
 */
export function findNamesByVocabulary(text: string, vocabulary: Set<string>, offset = 0): NameMention[] {
  const tokens = tokenize(text);
  const isName = (i: number) =>
    vocabulary.has(tokens[i].norm) && !STOPWORDS.has(tokens[i].norm) && !TITLES.has(tokens[i].norm);
  const separatedBySpace = (i: number) => /^\s+$/.test(text.slice(tokens[i - 1].span.end, tokens[i].span.start));
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isName(i)) {
      i++;
      continue;
    }
    let last = i;
    for (let k = i + 1; k < tokens.length && separatedBySpace(k); k++) {
      if (isName(k)) last = k;
      else if (!CONNECTORS.has(tokens[k].norm) || k - last > 1) break;
    }
    const run = tokens.slice(i, last + 1);
    mentions.push({
      span: { start: offset + run[0].span.start, end: offset + run[run.length - 1].span.end },
      text: text.slice(run[0].span.start, run[run.length - 1].span.end),
      norm: run.map((token) => token.norm).join(' '),
      tokens: run.filter((token) => !CONNECTORS.has(token.norm)).map((token) => token.norm),
    });
    i = last + 1;
  }
  return mentions;
}

/** A name's distinctive words: folded, without titles (but for a company's: "General Motors"), connectors and dots. */
function nameWords(name: string): string[] {
  const folded = name.split(/\s+/).map(normalForm);
  const isTitle = (word: string, i: number) =>
    TITLES.has(word) && !(i === folded.length - 2 && ORGANISATION_TAILS.has(folded[i + 1]!));
  return folded.filter((word, i) => word && !CONNECTORS.has(word) && !isTitle(word, i));
}

/**
 * True when the two names can refer to the same entity: one's words are all in the other ("Kirby" and
 * "John Kirby", "Biden" and "President Joe Biden"), or one is the other's initials ("GM" and "General Motors",
 * "U.S." and "United States"), or both name the same country ("Turkey", "Turkish", "Ankara").
 * "Joe Biden" and "Hunter Biden" do not agree.
 */
export function namesAgree(a: string, b: string): boolean {
  if (samePlace(a, b)) return true;
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.length === 0 || right.length === 0) return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.every((word) => longer.includes(word))) return true;
  const initials = (list: string[]) => list.map((word) => word[0]).join('');
  return shorter.length === 1 && longer.length > 1 && shorter[0] === initials(longer);
}

/** Whether a Porter stem is of a word usually written in lower case (so not, by itself, a name). */
export function isCommonStem(stem: string): boolean {
  return COMMON_STEMS.has(stem);
}
