// The one word scanner: the words and punctuation of a text, each word with its offsets, its lower-case form and
// whether it is capitalised, read the same way by the name, speaker and alignment readers. A word is letters,
// digits and combining marks (decomposed "é" is one word, as composed "é" is), joined by ' ’ - . & and, between
// digits, ","; an initial, a dotted abbreviation ("U.S.") or a known abbreviation ("Adm.") keeps its full stop.
// A typing edit changes a few words of a long draft, so the words of its next version are re-scanned only around
// the edit (rescanWords).
import type { TextEdit } from './edit.js';
import { normalizeWord } from './normalize.js';
import { partitionPoint } from './partition-point.js';
import { ABBREVIATIONS, CALENDAR_WORDS, PRONOUNS, STOPWORDS } from './vocabulary.js';

export type WordKind = 'word' | 'comma' | 'stop' | 'mark' | 'quote';

export interface Word {
  kind: WordKind;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Can be part of a name: capitalised, and no pronoun, weekday or month. */
  name: boolean;
  /** For a `quote` token: the index of its quotation. */
  quotation?: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const JOINERS = new Set(["'", '\u2019', '-', '.', '&', ',']);
const SPACE = /\s/;
const FULL_STOP = 46;
const STOP_CHARACTERS = new Set('.;:!?()[]{}\u2026\u2014\u2013-');

/** The words and punctuation of a whole text. */
export function readWords(text: string): Word[] {
  const result: Word[] = [];
  scanWords(text, 0, Infinity, result);
  return result;
}

/**
 * Scans `text` from `from`, pushing its words to `into`, and stops at the first space at or after `until`: the
 * offset returned. No word holds a space, and how a word is read depends on no character past the space after
 * it, so a scan that starts or stops at a space reads what a scan of the whole text reads there.
 */
function scanWords(text: string, from: number, until: number, into: Word[]): number {
  // A hand-written scanner: a regular expression allocates a match for every word, and this runs over every
  // character of every source.
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isWordCharacter(text, at)) {
      let end = at + 1;
      let part = at; // where the letters after the last joiner start
      for (;;) {
        if (isWordCharacter(text, end) || isMark(text, end)) end++;
        else if (JOINERS.has(text[end]!) && isWordCharacter(text, end + 1) && joinsAt(text, end, part)) {
          part = end + 1;
          end += 2;
        } else break;
      }
      if (text.charCodeAt(end) === FULL_STOP && takesFullStop(text.slice(at, end))) end++;
      const word = text.slice(at, end);
      const lower = word.toLowerCase();
      into.push({ kind: 'word', text: word, lower, start: at, end, name: canBeName(word, lower) });
      at = end;
    } else if (isSpace(text, at, code)) {
      if (at >= until) return at;
      at++;
    } else {
      const char = text[at]!;
      const kind: WordKind = char === ',' ? 'comma' : STOP_CHARACTERS.has(char) ? 'stop' : 'mark';
      into.push({ kind, text: char, lower: char, start: at, end: at + 1, name: false });
      at++;
    }
  }
  return at;
}

const isSpace = (text: string, at: number, code: number) => code === 32 || code === 10 || SPACE.test(text[at]!);

/**
 * The words of `text`, given `words`, those of the text before `edit`: the words from the last space before the
 * edit to the first space after it are scanned again, and the words after that are shifted where they stand.
 * `words` itself becomes the new text's words (its `Word` objects reused): it no longer describes the previous text.
 */
export function rescanWords(
  words: Word[],
  text: string,
  edit: TextEdit,
): { words: Word[]; removed: Word[]; added: Word[] } {
  let from = edit.start;
  while (from > 0 && !isSpace(text, from - 1, text.charCodeAt(from - 1))) from--;
  const added: Word[] = [];
  const until = scanWords(text, from, edit.newEnd, added);
  const delta = edit.newEnd - edit.oldEnd;
  const first = firstWordFrom(words, from);
  const after = firstWordFrom(words, until - delta);
  for (let i = after; i < words.length; i++) {
    words[i]!.start += delta;
    words[i]!.end += delta;
  }
  const removed = words.splice(first, after - first, ...added);
  return { words, removed, added };
}

/** The index of the first word starting at or after `offset`. */
export function firstWordFrom(words: Word[], offset: number): number {
  return partitionPoint(words.length, (i) => words[i]!.start < offset);
}

/** A full stop joins "U.S", "Ph.D" and "1.5", a comma "1,000"; neither a sentence typed without its space ("he says.Then"). */
function joinsAt(text: string, joiner: number, part: number): boolean {
  const digitsAround = isDigit(text.charCodeAt(joiner - 1)) && isDigit(text.charCodeAt(joiner + 1));
  if (text[joiner] === ',') return digitsAround; // "1,000", not "said,Then"
  if (text[joiner] !== '.') return true;
  return joiner - part <= 2 || digitsAround;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
// A combining mark continues a word (decomposed text: "e" + U+0301) but never starts one.
const isMark = (text: string, at: number) => text.charCodeAt(at) >= 0x300 && MARK.test(text[at]!);

function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at); // NaN past the end
  if (!(code >= 128)) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER_OR_DIGIT.test(text[at]!);
}

function canBeName(word: string, lower: string): boolean {
  if (
    word[0] === lower[0] ||
    PRONOUNS.has(lower) ||
    CALENDAR_WORDS.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)
  )
    return false;
  return !(STOPWORDS.has(lower) && /^\p{Lu}{2,}$/u.test(word)); // "AFTER", "US" in an all-caps headline
}

/** An initial ("J."), a dotted abbreviation ("U.S.") or a title ("Dr.") keeps its full stop. */
function takesFullStop(word: string): boolean {
  return (word.length === 1 && /\p{Lu}/u.test(word)) || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * A word's normal form, the same for every reader: normalizeWord's (lower case, typography and diacritics folded,
 * possessive off) without the full stops of an abbreviation: "U.S." and "US" -> "us", "Adm." -> "adm"; "1.5" keeps its point.
 */
export function normalForm(word: string): string {
  return normalizeWord(word).replace(ABBREVIATION_STOPS, '');
}

const ABBREVIATION_STOPS = /(?<!\d)\.|\.(?!\d)/g;
