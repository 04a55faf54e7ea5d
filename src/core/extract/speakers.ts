// Who said it. A quote is only verified when its words and its speaker both match the source, so each quotation
// gets the speaker its text names: "“…,” said X", "X told reporters “…”", "according to X", "“…,” he added"
// (the pronoun resolved to the last person named), or the speaker of the quote before it when a quote stands
// alone. Sentences without quotes are read the same way ("Kirby said", "the New York Times reported") so the
// verifier can compare who a claim is attributed to. Names are kept as written, minus titles and roles
// ("Pentagon spokesman John Kirby" -> "John Kirby").
import { editBetween } from '../text/edit.js';
import { STOPWORDS } from '../text/normalize.js';
import { partitionPoint } from '../text/partition-point.js';
import { splitSentences } from '../text/sentences.js';
import type { Quotation, Sentence, Span, Speaker } from '../types.js';
import { findQuotations } from './quotations.js';
import {
  CALENDAR_WORDS,
  INVERTIBLE_SPEECH_VERBS,
  NAME_PARTICLES,
  ORGANISATION_TAILS,
  ORGANISATION_WORDS,
  PHRASE_SPEECH_VERBS,
  PRONOUNS,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
  TITLES,
} from '../text/vocabulary.js';
import { firstWordFrom, readWords, rescanWords, type Word } from '../text/words.js';

// ---------------------------------------------------------------------------------------------------------------
// Word lists (the shared ones are the vocabulary's; these are the speaker reader's grammar)

const wordSet = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const PERSON_PRONOUNS = wordSet('he she');

/** Capitalised at the start of a sentence, never the start of a name. */
const LEADING_NON_NAMES = wordSet(`
  however meanwhile earlier later separately still yet also now then today yesterday instead indeed overall
  finally last next first second third moreover furthermore nevertheless therefore thus hence previously recently
  currently eventually ultimately additionally otherwise similarly likewise notably importantly elsewhere again
  since once until after before during despite although though because while whereas unlike like according asked
  speaking writing plus even only so many several another every one two three four five`);

/** Words between a subject and its verb: "X also said", "X has told", "X on Thursday said". */
const BETWEEN_SUBJECT_AND_VERB = wordSet(`
  also first later then initially previously recently earlier again once further just still reportedly separately
  publicly privately repeatedly today yesterday tonight last this week month year ago on
  has have had will would could can may might shall should do does did`);
const PASSIVE_AUXILIARIES = wordSet('is are was were be been being');
const NEGATIONS = wordSet('not never cannot');
const CLAUSE_WORDS = wordSet(
  'and but or nor that which who whom whose as while when where because if so than though although',
);
const PREPOSITIONS = wordSet('of for at in on from with by to about into over under after before during between');
const DETERMINERS = wordSet('a an the this that these those its his her their our my your some');

// ---------------------------------------------------------------------------------------------------------------
// Words, each quotation masked as one token

/** A quotation in a span read as words: its span including its marks, and its index among the quotations. */
export interface Masked {
  outer: Span;
  index: number;
}

/** The words of `span`, each quotation in it one `quote` token. */
export function wordsOf(all: Word[], span: Span, masked: Masked[]): Word[] {
  const result: Word[] = [];
  let next = 0;
  for (let i = firstWordFrom(all, span.start); i < all.length && all[i]!.start < span.end; i++) {
    const w = all[i]!;
    while (next < masked.length && masked[next]!.outer.end <= w.start) next++;
    const quote = masked[next];
    if (!quote || quote.outer.start > w.start) result.push(w);
    else if (result.at(-1)?.quotation !== quote.index) {
      result.push({
        kind: 'quote',
        text: '',
        lower: '',
        start: quote.outer.start,
        end: quote.outer.end,
        name: false,
        quotation: quote.index,
      });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

const isWord = (w: Word | undefined): w is Word => w?.kind === 'word';
const bare = (w: Word) => (w.lower.endsWith('.') ? w.lower.slice(0, -1) : w.lower);
const isTitle = (w: Word) => TITLES.has(bare(w));
const isPossessive = (w: Word) => /['\u2019]s$/i.test(w.text);

const isNameWord = (w: Word | undefined): boolean => w?.name === true;
const isParticiple = (w: Word) => w.lower.endsWith('ing');

/** A lower-case word inside a name: "Ricardo de Oliveira", "Civil Aviation Authority of Oman". */
function joinsName(ws: Word[], connector: number): boolean {
  const w = ws[connector];
  if (!isWord(w) || !isNameWord(ws[connector - 1]) || !isNameWord(ws[connector + 1])) return false;
  return NAME_PARTICLES.has(w.lower) || (w.lower === 'of' && ORGANISATION_WORDS.has(ws[connector - 1]!.lower));
}

/** A role written in lower case before a name: "spokesman", "director-general". */
function isRoleWord(w: Word | undefined): boolean {
  return isWord(w) && !/^\p{Lu}/u.test(w.text) && w.lower.split('-').some((part) => TITLES.has(part));
}

interface Name {
  first: number;
  last: number;
  /** A title or role stood before it ("Pentagon spokesman", "Dr."): a person. */
  titled: boolean;
}

/** A sentence (or a few, joined by a quotation running over them) read as words, with its whole text's lexicon. */
interface Frame {
  text: string;
  span: Span;
  words: Word[];
  /** Word index at which each word's clause starts (after the last quote or clause punctuation). */
  clauseStart: number[];
  lexicon: Lexicon;
}

// Longer runs of capitals are headlines, not names: "CHINA FURIOUS AFTER US WARNS AGAINST ARMING RUSSIA".
const MAX_NAME_WORDS = 8;

function nameEndingAt(frame: Frame, last: number): Name | undefined {
  const { words: ws } = frame;
  if (!isNameWord(ws[last])) return undefined;
  let first = last;
  while (last - first < MAX_NAME_WORDS) {
    if (isNameWord(ws[first - 1])) first--;
    else if (joinsName(ws, first - 1)) first -= 2;
    else break;
  }
  return trimName(frame, first, last);
}

function nameStartingAt(frame: Frame, first: number): Name | undefined {
  const { words: ws } = frame;
  if (!isNameWord(ws[first])) return undefined;
  let last = first;
  while (last - first < MAX_NAME_WORDS) {
    if (isNameWord(ws[last + 1])) last++;
    else if (joinsName(ws, last + 1)) last += 2;
    else break;
  }
  return trimName(frame, first, last);
}

/** The name proper inside a run of capitalised words: after any possessive ("Israel's"), sentence-opening word or title. */
function trimName(frame: Frame, first: number, last: number): Name | undefined {
  const { words: ws } = frame;
  for (let i = last; i >= first; i--) {
    if (!isPossessive(ws[i]!)) continue;
    if (i === last) return undefined; // "Watson's attorney": the name is not the subject
    first = i + 1;
    break;
  }
  while (first <= last && (STOPWORDS.has(ws[first]!.lower) || LEADING_NON_NAMES.has(ws[first]!.lower))) first++;
  if (first > last) return undefined;
  if (first === last && first === 0 && frame.lexicon.lowercase.has(ws[first]!.lower)) return undefined; // "Officials said"
  let titleEnd = -1;
  for (let i = first; i < last; i++) if (isTitle(ws[i]!)) titleEnd = i;
  const titleIsTheName = isTitle(ws[last]!) || (titleEnd === last - 1 && ORGANISATION_TAILS.has(ws[last]!.lower));
  if (titleEnd < 0 || titleIsTheName) return { first, last, titled: false };
  return { first: titleEnd + 1, last, titled: true };
}

/** What a whole text says about its words, to read any one sentence of it. */
interface Lexicon {
  words: Word[];
  /** Words the text writes in lower case somewhere (each with how often): common words, even where a sentence opens with one. */
  lowercase: Map<string, number>;
  /** Words of the people's names the text spells out ("Luke Gumley"): "Gumley" alone is then a person too. */
  personNameWords: Set<string>;
  /** Every mention of a person, in order. */
  personNames: { start: number; name: string }[];
}

// The texts last read, most recent last: the sentences of one document are read together.
const LEXICON_CACHE_SIZE = 16;
const lexicons = new Map<string, Lexicon>();

function lexiconOf(text: string): Lexicon {
  let lexicon = lexicons.get(text);
  if (lexicon) lexicons.delete(text);
  else lexicon = editedLexicon(text) ?? freshLexicon(text);
  lexicons.set(text, lexicon);
  if (lexicons.size > LEXICON_CACHE_SIZE) lexicons.delete(lexicons.keys().next().value!);
  return lexicon;
}

/**
 * The lexicon of `text` made from a cached one of a text it differs from by a small edit (a draft's previous
 * version, a keystroke ago): its words re-scanned around the edit. That lexicon leaves the cache, its words now
 * being `text`'s.
 */
function editedLexicon(text: string): Lexicon | undefined {
  for (const [previous, lexicon] of lexicons) {
    if (Math.abs(previous.length - text.length) * EDITED_SHARE > text.length) continue;
    const edit = editBetween(previous, text);
    if ((Math.max(edit.oldEnd, edit.newEnd) - edit.start) * EDITED_SHARE > text.length) continue;
    lexicons.delete(previous);
    const { words, removed, added } = rescanWords(lexicon.words, text, edit);
    countLowercase(lexicon.lowercase, removed, -1);
    return lexiconWith(text, words, countLowercase(lexicon.lowercase, added, 1));
  }
  return undefined;
}

function freshLexicon(text: string): Lexicon {
  const words = readWords(text);
  return lexiconWith(text, words, countLowercase(new Map(), words, 1));
}

// An edit changing more than a quarter of a text is read afresh.
const EDITED_SHARE = 4;

/** Adds `by` to the count of each word written in lower case, dropping words no longer counted. */
function countLowercase(counts: Map<string, number>, words: Word[], by: 1 | -1): Map<string, number> {
  for (const w of words) {
    if (w.kind !== 'word' || w.text !== w.lower) continue;
    const count = (counts.get(w.lower) ?? 0) + by;
    if (count > 0) counts.set(w.lower, count);
    else counts.delete(w.lower);
  }
  return counts;
}

function lexiconWith(text: string, all: Word[], lowercase: Map<string, number>): Lexicon {
  const lexicon: Lexicon = { words: all, lowercase, personNameWords: new Set(), personNames: [] };
  const whole: Frame = { text, span: { start: 0, end: text.length }, words: all, clauseStart: [], lexicon };
  const names = [...nameRuns(whole)];
  // Full names first: they make the one-word mentions of the same people ("Gumley") people too.
  for (const name of names.filter((n) => isPersonName(whole, n))) {
    for (let i = name.first; i <= name.last; i++) lexicon.personNameWords.add(all[i]!.lower);
  }
  lexicon.personNames = names
    .filter((name) => isPersonName(whole, name))
    .map((name) => ({ start: all[name.first]!.start, name: nameText(whole, name) }));
  return lexicon;
}

/** Every run of capitalised words in the frame, trimmed to the name inside it. */
function* nameRuns(frame: Frame): Generator<Name> {
  const { words: ws } = frame;
  for (let i = 0; i < ws.length; i++) {
    if (!isNameWord(ws[i])) continue;
    let last = i;
    while (isNameWord(ws[last + 1]) || joinsName(ws, last + 1)) last++;
    const name = trimName(frame, i, last);
    if (name) yield name;
    i = last;
  }
}

/**
 * Whether a name is a person's, whom "he" or "she" can stand for. One word is a person's only when it belongs to
 * a fuller name met before ("Gumley" after "Luke Gumley"): "Ozy said" and "Authorities say" are not people.
 */
function isPersonName(frame: Frame, name: Name): boolean {
  const ws = frame.words.slice(name.first, name.last + 1);
  if (ws.some((w) => ORGANISATION_WORDS.has(w.lower) || (!isNameWord(w) && !NAME_PARTICLES.has(w.lower)))) return false;
  if (DETERMINERS.has(frame.words[name.first - 1]?.lower ?? '')) return false; // "the New York Times"
  if (name.titled) return true;
  if (ws.every((w) => /^\p{Lu}{2,}\.?$/u.test(w.text))) return false; // an acronym, or an all-caps headline
  return ws.length > 1 || frame.lexicon.personNameWords.has(ws[0]!.lower);
}

// ---------------------------------------------------------------------------------------------------------------
// Attributions: a speech verb and its subject

type Subject =
  /** `phrase`: a noun phrase holding a name ("Afghan officials"), not a name. */
  | { kind: 'name'; name: Name; phrase?: boolean }
  /** `at`: the pronoun's word index in the frame. */
  | { kind: 'pronoun'; pronoun: string; at: number }
  | { kind: 'unnamed' };

interface Attribution {
  verb: number;
  subject: Subject;
}

type Before = Subject | 'none' | 'blocked' | 'passive';

function frameOf(text: string, span: Span, masked: Masked[]): Frame {
  const lexicon = lexiconOf(text);
  const ws = wordsOf(lexicon.words, span, masked);
  const clauseStart: number[] = [];
  let start = 0;
  ws.forEach((w, i) => {
    clauseStart.push(start);
    if (w.kind === 'stop' || w.kind === 'quote') start = i + 1;
  });
  return { text, span, words: ws, clauseStart, lexicon };
}

function findAttributions(frame: Frame): Attribution[] {
  const found: Attribution[] = [];
  frame.words.forEach((w, verb) => {
    if (w.text === ':' && frame.words[verb - 1]?.kind === 'quote') {
      // A caption's credit: "“We haven't always had the balance right”: Domino's Pizza CEO Don Meij".
      const name = nameStartingAt(frame, verb + 1);
      if (name && !isWord(frame.words[name.last + 1])) found.push({ verb, subject: nameSubject(name)! });
      return;
    }
    if (w.kind !== 'word') return;
    if (w.lower === 'according' && frame.words[verb + 1]?.lower === 'to') {
      const subject = subjectAfter(frame, verb + 2);
      if (subject) found.push({ verb, subject });
      return;
    }
    // "the United States believes": a capitalised word is no verb, unless the whole headline is in capitals.
    if (!SPEECH_VERBS.has(w.lower) || /^\p{Lu}\p{Ll}/u.test(w.text)) return;
    const subject = subjectOfVerb(frame, verb, found);
    if (subject && !(subject.kind === 'name' && subject.phrase && !PHRASE_SPEECH_VERBS.has(w.lower)))
      found.push({ verb, subject });
  });
  return found;
}

function subjectOfVerb(frame: Frame, verb: number, earlier: Attribution[]): Subject | undefined {
  const before = subjectBefore(frame, verb);
  if (before === 'blocked') return undefined;
  if (before === 'passive') return agentAfter(frame, verb);
  if (before !== 'none') return before;
  const inverted = INVERTIBLE_SPEECH_VERBS.has(frame.words[verb]!.lower) ? subjectAfter(frame, verb + 1) : undefined;
  if (inverted && inverted.kind !== 'unnamed') return inverted;
  const appositive = commaAppositive(frame, verb);
  if (appositive) return appositive;
  if (inverted) return inverted;
  // "Kirby said, adding: …", "… and added: …": the subject of the clause the verb continues.
  const previous = frame.words[precedingIndex(frame, verb)];
  if (isParticiple(frame.words[verb]!) || previous?.kind === 'comma' || CLAUSE_WORDS.has(previous?.lower ?? '')) {
    return earlier.at(-1)?.subject ?? sentenceSubject(frame);
  }
  return undefined;
}

/** Index of the word before `verb`, past adverbs and auxiliaries. */
function precedingIndex(frame: Frame, verb: number): number {
  let i = verb - 1;
  while (i >= frame.clauseStart[verb]! && isBetweenSubjectAndVerb(frame.words[i]!)) i--;
  return i;
}

function isBetweenSubjectAndVerb(w: Word): boolean {
  if (w.kind !== 'word') return false;
  return (
    BETWEEN_SUBJECT_AND_VERB.has(w.lower) ||
    PASSIVE_AUXILIARIES.has(w.lower) ||
    NEGATIONS.has(w.lower) ||
    w.lower.endsWith("n't") ||
    w.lower.endsWith('n\u2019t') ||
    w.lower === 'to' ||
    CALENDAR_WORDS.has(bare(w)) ||
    /^\p{Ll}+ly$/u.test(w.text)
  );
}

function subjectBefore(frame: Frame, verb: number): Before {
  const { words: ws } = frame;
  const floor = frame.clauseStart[verb]!;
  let i = verb - 1;
  let passive = false;
  for (; i >= floor && isBetweenSubjectAndVerb(ws[i]!); i--) {
    const w = ws[i]!;
    // "would not say", "declined to say", "is expected to announce": nobody is quoted.
    if (NEGATIONS.has(w.lower) || /n['\u2019]t$/.test(w.lower) || w.lower === 'to') return 'blocked';
    if (PASSIVE_AUXILIARIES.has(w.lower)) passive = true;
  }
  if (passive) return 'passive';
  if (i < floor) return 'none';
  const w = ws[i]!;
  // "including Andy Singer, who said he looks forward…": the name the relative clause hangs on speaks.
  if (w.lower === 'who' && ws[i - 1]?.kind === 'comma' && isNameWord(ws[i - 2])) {
    const name = nameEndingAt(frame, i - 2);
    const subject = name && !objectOfPreposition(ws, name.first) && nameSubject(name);
    if (subject) return subject;
  }
  if (w.kind !== 'word' || CLAUSE_WORDS.has(w.lower)) return 'none';
  if (PRONOUNS.has(w.lower)) return { kind: 'pronoun', pronoun: w.lower, at: i };
  if (isNameWord(w)) {
    const name = nameEndingAt(frame, i);
    // "A reporter who traveled to Qom reported", "in a statement to Yahoo Finance calling": a place or an
    // addressee, not the subject, which is further back (a participle's is the sentence's).
    if (name && objectOfPreposition(ws, name.first)) return isParticiple(ws[verb]!) ? 'none' : { kind: 'unnamed' };
    return nameSubject(name) ?? phraseBefore(frame, i);
  }
  return nameBeforeAppositive(frame, commaBefore(frame, i, floor)) ?? phraseBefore(frame, i);
}

/** "to Qom", "for surviving assailant Edgar Ricardo de Oliveira": a preposition up to two words before the name. */
function objectOfPreposition(ws: Word[], nameFirst: number): boolean {
  // "focus only on manufacturing Raimondo said": a gerund ends its own phrase; the name starts the clause.
  const before = ws[nameFirst - 1];
  if (before && isParticiple(before)) return false;
  for (let i = nameFirst - 1; i >= Math.max(0, nameFirst - 3); i--) {
    const w = ws[i]!;
    if (!isWord(w) || isNameWord(w) || DETERMINERS.has(w.lower)) return false;
    if (PREPOSITIONS.has(w.lower)) return true;
  }
  return false;
}

function nameSubject(name: Name | undefined): Subject | undefined {
  return name && { kind: 'name', name };
}

/** A noun phrase ending at `head`: "Afghan officials", "the Turkish government", "the company" (unnamed). */
function phraseBefore(frame: Frame, head: number): Subject {
  const { words: ws } = frame;
  const floor = frame.clauseStart[head]!;
  // Names, then at most two lower-case words: "National Australia Bank analysts", not "White signed a statement".
  let first = head;
  let lowercase = isNameWord(ws[head]) ? 0 : 1;
  let named = !lowercase;
  while (first - 1 >= floor) {
    const w = ws[first - 1];
    if (!isWord(w) || STOPWORDS.has(w.lower) || DETERMINERS.has(w.lower) || CLAUSE_WORDS.has(w.lower)) break;
    if (isNameWord(w)) named = true;
    else if (named || ++lowercase > 2) break;
    first--;
  }
  const proper = ws
    .slice(first, head + 1)
    .some((w, k) => isNameWord(w) && !(first + k === 0 && frame.lexicon.lowercase.has(w.lower)));
  if (!proper) return { kind: 'unnamed' };
  return { kind: 'name', name: { first, last: head, titled: false }, phrase: true };
}

/** The name before ", a spokesman for Y," / ", the assistant director … office said": an appositive's owner. */
function nameBeforeAppositive(frame: Frame, comma: number): Subject | undefined {
  if (comma < 0 || !startsAppositive(frame.words[comma + 1])) return undefined;
  const name = nameEndingAt(frame, comma - 1);
  // The name must open its clause: in "In Qom, the teacher said" Qom is a place, not the teacher.
  const before = name && frame.words[name.first - 1];
  if (!name || (isWord(before) && !CLAUSE_WORDS.has(before.lower))) return undefined;
  return nameSubject(name);
}

function startsAppositive(w: Word | undefined): boolean {
  if (!isWord(w)) return false;
  return DETERMINERS.has(w.lower) || !/^\p{Lu}/u.test(w.text) || isTitle(w) || isPossessive(w);
}

// An appositive ("the assistant director-in-charge of the FBI's New York field office") is a short phrase.
const APPOSITIVE_WORDS = 30;

/** The nearest comma before `index` in its clause, within an appositive's reach; or -1. */
function commaBefore(frame: Frame, index: number, floor: number): number {
  for (let i = index - 1; i >= Math.max(floor, index - APPOSITIVE_WORDS); i--)
    if (frame.words[i]!.kind === 'comma') return i;
  return -1;
}

/** "Watson's attorney, Lanny Breuer, told" / "Colleen Robar, a spokeswoman for Lordstown, said". */
function commaAppositive(frame: Frame, verb: number): Subject | undefined {
  const { words: ws } = frame;
  const closing = precedingIndex(frame, verb);
  if (ws[closing]?.kind !== 'comma') return undefined;
  const floor = frame.clauseStart[verb]!;
  const opening = commaBefore(frame, closing, floor);
  if (opening >= 0 && ws.slice(opening + 1, closing).every((w) => isNameWord(w) || NAME_PARTICLES.has(w.lower))) {
    const name = nameSubject(nameEndingAt(frame, closing - 1));
    if (name) return name;
  }
  for (let comma = opening, tries = 0; comma >= 0 && tries < 3; comma = commaBefore(frame, comma, floor), tries++) {
    const subject = nameBeforeAppositive(frame, comma);
    if (subject) return subject;
  }
  return undefined;
}

/** The subject after an inverted verb or "according to": a name, "the New York Times", a pronoun. */
function subjectAfter(frame: Frame, index: number): Subject | undefined {
  const { words: ws } = frame;
  let i = index;
  if (PRONOUNS.has(ws[i]?.lower ?? '')) return { kind: 'pronoun', pronoun: ws[i]!.lower, at: i };
  let determiner = false;
  while (isWord(ws[i]) && DETERMINERS.has(ws[i]!.lower)) {
    i++;
    determiner = true;
  }
  const afterRoles = nameAfterRoles(frame, i);
  if (afterRoles) return nameSubject(afterRoles);
  return nameSubject(nameStartingAt(frame, i)) ?? (determiner ? { kind: 'unnamed' } : undefined);
}

/**
 * The name at the end of a run of roles after an inverted verb: "said chief financial officer Jay Rasulo", "said
 * Disney President and CEO Robert A. Iger". Undefined when the run opens with a name and holds no role word, or
 * ends in none: the plain name reading stands.
 */
function nameAfterRoles(frame: Frame, first: number): Name | undefined {
  const { words: ws } = frame;
  const isRole = (w: Word | undefined) =>
    isRoleWord(w) || (isWord(w) && TITLE_MODIFIERS.has(w.lower) && !/^\p{Lu}/u.test(w.text));
  // "President and CEO": one role of two titles.
  const joinsRoles = (at: number) =>
    isWord(ws[at]) &&
    (ws[at]!.lower === 'and' || ws[at]!.lower === '&') &&
    isWord(ws[at + 1]) &&
    (isTitle(ws[at + 1]!) || isRole(ws[at + 1]));
  let end = first - 1;
  let roles = 0;
  while (end - first < MAX_NAME_WORDS * 2) {
    const w = ws[end + 1];
    if (isRole(w) || (isNameWord(w) && isTitle(w!))) roles++;
    else if (!isNameWord(w) && !joinsName(ws, end + 1) && !(roles > 0 && joinsRoles(end + 1))) break;
    end++;
  }
  if (roles === 0) return undefined;
  while (end >= first && !isNameWord(ws[end])) end--;
  if (end < first || isTitle(ws[end]!)) return undefined;
  return nameEndingAt(frame, end);
}

/** "was first reported by the Wall Street Journal". */
function agentAfter(frame: Frame, verb: number): Subject | undefined {
  const { words: ws } = frame;
  for (let i = verb + 1; i < Math.min(ws.length, verb + 5) && isWord(ws[i]); i++) {
    if (ws[i]!.lower === 'by') return subjectAfter(frame, i + 1);
  }
  return undefined;
}

/** "In a statement, …", "Earlier, …", "Shortly after the judge ruled, …": words before the subject. */
function opensWithIntroduction(ws: Word[]): boolean {
  const opener = ws[0];
  if (!isWord(opener)) return false;
  if (PREPOSITIONS.has(opener.lower) || LEADING_NON_NAMES.has(opener.lower)) return true;
  const next = ws[1];
  return /^\p{Lu}\p{Ll}+ly$/u.test(opener.text) && (next?.kind === 'comma' || PREPOSITIONS.has(next?.lower ?? ''));
}

/** The subject a sentence opens with, past an introductory phrase ("In a statement, Israel's … Eli Cohen …"). */
function sentenceSubject(frame: Frame): Subject | undefined {
  const { words: ws } = frame;
  let i = 0;
  if (opensWithIntroduction(ws)) {
    const comma = ws.findIndex((w) => w.kind === 'comma' || w.kind === 'quote');
    if (comma < 0 || ws[comma]!.kind === 'quote') return undefined;
    i = comma + 1;
  }
  const w = ws[i];
  if (!isWord(w)) return undefined;
  if (PRONOUNS.has(w.lower)) return { kind: 'pronoun', pronoun: w.lower, at: i };
  // The subject runs over names and roles: "WHO director-general Tedros Adhanom Ghebreyesus recently said".
  let end = i;
  while (isNameWord(ws[end + 1]) || isRoleWord(ws[end + 1]) || joinsName(ws, end + 1)) end++;
  while (end >= i && !isNameWord(ws[end])) end--;
  const name = end >= i ? nameSubject(nameEndingAt(frame, end)) : undefined;
  return name ?? (DETERMINERS.has(w.lower) ? { kind: 'unnamed' } : undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Who "he" is: the last person named as a speaker or as a sentence's subject ("Andrew Tate also turned to
// Twitter. “…,” he said."), else the last person named at all; "it" and "they": the last organisation quoted.

class SpeakerMemory {
  private person?: string;
  private organisation?: string;
  private personMentioned?: string;

  resolve(pronoun: string): string | undefined {
    if (PERSON_PRONOUNS.has(pronoun)) return this.person ?? this.personMentioned;
    return pronoun === 'it' ? this.organisation : undefined; // "they" is as often the people as the institution
  }

  rememberSpeaker(frame: Frame, subject: Subject): void {
    if (subject.kind !== 'name') return;
    if (!subject.phrase && isPersonName(frame, subject.name)) this.person = nameText(frame, subject.name);
    else this.organisation = nameText(frame, subject.name);
  }

  rememberSubject(frame: Frame, subject: Subject | undefined): void {
    if (subject?.kind === 'name' && !subject.phrase && isPersonName(frame, subject.name)) {
      this.person = nameText(frame, subject.name);
    }
  }

  /** The last person named anywhere in a sentence, for a "he" no speaker or subject accounts for. */
  rememberMentions(frame: Frame): void {
    const { personNames } = frame.lexicon;
    // A name inside quoted words is the quoted speaker's to mention ("…that President Erdogan needs to take,"
    // he added): it is not whom the attribution's "he" stands for.
    const quoted = frame.words.filter((w) => w.kind === 'quote');
    const isQuoted = (start: number) => quoted.some((q) => q.start <= start && start < q.end);
    for (let i = partitionPoint(personNames.length, (k) => personNames[k]!.start < frame.span.end) - 1; i >= 0; i--) {
      const mention = personNames[i]!;
      if (mention.start < frame.span.start) return;
      if (isQuoted(mention.start)) continue;
      this.personMentioned = mention.name;
      return;
    }
  }
}

function nameText(frame: Frame, name: Name): string {
  const { words: ws } = frame;
  return frame.text.slice(ws[name.first]!.start, ws[name.last]!.end).replace(/\s+/g, ' ');
}

function nameSpan(frame: Frame, name: Name): Span {
  return { start: frame.words[name.first]!.start, end: frame.words[name.last]!.end };
}

/** The speaker an attribution names (with its span), or a resolved pronoun (without). */
function speakerOf(frame: Frame, subject: Subject, memory: SpeakerMemory): Speaker | undefined {
  if (subject.kind === 'unnamed') return undefined;
  if (subject.kind === 'pronoun') {
    const name = memory.resolve(subject.pronoun);
    return name ? { name } : undefined;
  }
  return { name: nameText(frame, subject.name), span: nameSpan(frame, subject.name) };
}

/** Reads a frame's attributions in order, resolving pronouns and remembering the names. */
function readFrame(frame: Frame, memory: SpeakerMemory): { verb: number; speaker?: Speaker }[] {
  memory.rememberMentions(frame);
  memory.rememberSubject(frame, sentenceSubject(frame));
  return findAttributions(frame).map(({ verb, subject }) => {
    const speaker = speakerOf(frame, subject, memory);
    memory.rememberSpeaker(frame, subject);
    return { verb, speaker };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * The quotations with `speaker` filled where the text says who said them. `sentences` are the text's sentences
 * (in order); a quote that runs over several of them is read with all of them. A speaker resolved from a pronoun
 * ("he added") or carried over from the previous quote (a quote standing alone right after a quote with a
 * speaker, in the same or the next paragraph) has no `span`.
 */
export function attributeSpeakers(text: string, quotations: Quotation[], sentences: Sentence[]): Quotation[] {
  const result = quotations.slice();
  if (quotations.length === 0) return result;
  const masked = quotations
    .map((q, index) => ({ outer: outerSpan(text, q), index }))
    .sort((a, b) => a.outer.start - b.outer.start);
  const memory = new SpeakerMemory();
  let previous: { speaker: Speaker; paragraph: number } | undefined;
  let next = 0;
  for (const frameSpan of framesOf(text, masked, sentences.length ? sentences : splitSentences(text))) {
    const inside: Masked[] = [];
    for (; next < masked.length && masked[next]!.outer.start < frameSpan.span.end; next++) {
      if (masked[next]!.outer.start >= frameSpan.span.start) inside.push(masked[next]!);
    }
    const frame = frameOf(text, frameSpan.span, inside);
    const attributions = readFrame(frame, memory);
    const alone = standsAlone(frame);
    frame.words.forEach((w, at) => {
      if (w.kind !== 'quote') return;
      let speaker = chooseAttribution(frame, at, attributions, result[w.quotation!]!)?.speaker;
      if (!speaker && alone && previous && frameSpan.paragraph - previous.paragraph <= 1) {
        speaker = { name: previous.speaker.name };
      }
      if (speaker) {
        result[w.quotation!] = { ...result[w.quotation!]!, speaker };
        previous = { speaker, paragraph: frameSpan.paragraph };
      }
    });
  }
  return result;
}

/**
 * Who a sentence is attributed to ("Kirby said", "Afghan officials said", "the New York Times reported",
 * "according to Reuters", "Gumley says"): the first name its attributions give, with its span. Undefined when
 * it names no one ("the company said", "Robar would not say"). A pronoun ("He notes …") is resolved from the
 * text before the sentence, and then has no `span` but the pronoun's. Quotations inside the sentence are not read
 * for names.
 */
export function findReportedSpeech(sentence: Sentence, text: string): Speaker | undefined {
  const span = clampSpan(sentence.span, text.length);
  const masked = findQuotations(text, [span]).map((q, index) => ({ outer: outerSpan(text, q), index }));
  const frame = frameOf(text, span, masked);
  const attributions = findAttributions(frame);
  const named = attributions.find((a) => a.subject.kind === 'name');
  if (named?.subject.kind === 'name')
    return { name: nameText(frame, named.subject.name), span: nameSpan(frame, named.subject.name) };
  const pronoun = attributions.find((a) => a.subject.kind === 'pronoun');
  if (pronoun?.subject.kind !== 'pronoun') return undefined;
  const name = memoryBefore(text, span.start).resolve(pronoun.subject.pronoun);
  const word = frame.words[pronoun.subject.at]!;
  return name ? { name, pronoun: { start: word.start, end: word.end } } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing among a sentence's attributions

function chooseAttribution<T extends { verb: number }>(
  frame: Frame,
  quote: number,
  attributions: T[],
  quotation: Quotation,
): T | undefined {
  const { words: ws } = frame;
  const low = partitionPoint(attributions.length, (i) => attributions[i]!.verb < quote);
  const following = attributions[low];
  // "“…,” said X" / "“…,” Watson's attorney, Lanny Breuer, told the Journal": the attribution right after a
  // quote that ends its clause.
  if (following && endsClause(frame, quote, quotation) && following.verb - quote <= 12) {
    const between = ws.slice(quote + 1, following.verb);
    if (between.every((w) => w.kind !== 'quote' && w.kind !== 'stop' && !CLAUSE_WORDS.has(w.lower))) return following;
  }
  // "X said: “…”", "X called Watson “…”", "“A,” said X, “B.”"
  return attributions[low - 1] ?? following;
}

function endsClause(frame: Frame, quote: number, quotation: Quotation): boolean {
  const next = frame.words[quote + 1];
  return !next || next.kind !== 'word' || /[,.!?;:\u2014\u2013-]\s*$/.test(quotation.text);
}

/** Nothing but one quotation (and punctuation) in the sentence. */
function standsAlone(frame: Frame): boolean {
  let count = 0;
  for (const w of frame.words) if ((w.kind === 'word' || w.kind === 'quote') && ++count > 1) return false;
  return count === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Frames: sentences, merged where a quotation runs over several

interface FrameSpan {
  span: Span;
  paragraph: number;
}

function framesOf(text: string, masked: Masked[], sentences: Sentence[]): FrameSpan[] {
  const frames: FrameSpan[] = sentences
    .map((s) => ({ span: clampSpan(s.span, text.length), paragraph: s.paragraph }))
    .sort((a, b) => a.span.start - b.span.start);
  // A quotation outside every sentence (say, in a heading the splitter skipped) is read on its own.
  const orphans: FrameSpan[] = [];
  let f = 0;
  for (const { outer } of masked) {
    while (f < frames.length && frames[f]!.span.end <= outer.start) f++;
    if (!(frames[f] && frames[f]!.span.start <= outer.start))
      orphans.push({ span: outer, paragraph: frames[f - 1]?.paragraph ?? 0 });
  }
  const merged: FrameSpan[] = [];
  let q = 0;
  let quotedUntil = -1;
  for (const frame of [...frames, ...orphans].sort((a, b) => a.span.start - b.span.start)) {
    const last = merged.at(-1);
    if (last) {
      for (; q < masked.length && masked[q]!.outer.start < last.span.end; q++)
        quotedUntil = Math.max(quotedUntil, masked[q]!.outer.end);
    }
    if (last && (frame.span.start < last.span.end || quotedUntil > frame.span.start)) {
      last.span = { start: last.span.start, end: Math.max(last.span.end, frame.span.end) };
    } else {
      merged.push({ span: { ...frame.span }, paragraph: frame.paragraph });
    }
  }
  return merged;
}

/** The quotation with its marks. */
function outerSpan(text: string, quotation: Quotation): Span {
  const start = Math.max(0, quotation.inner.start - 1);
  const end = Math.min(text.length, quotation.closed ? quotation.inner.end + 1 : quotation.inner.end);
  return { start, end: Math.max(start, end) };
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

// How far back a pronoun's antecedent is looked for: a few paragraphs of news copy.
export const PRONOUN_LOOKBACK_CHARS = 1500;
const ROUGH_SENTENCE_END = /[.!?\u2026]["'\u201D\u2019)]*\s+/g;

/** What the text before `position` says about who was speaking, read sentence by rough sentence. */
function memoryBefore(text: string, position: number): SpeakerMemory {
  const memory = new SpeakerMemory();
  const from = Math.max(0, position - PRONOUN_LOOKBACK_CHARS);
  const window = { start: from, end: position };
  const masked = findQuotations(text, [window]).map((q, index) => ({ outer: outerSpan(text, q), index }));
  let start = from;
  const piece = text.slice(from, position);
  const cuts = [...piece.matchAll(ROUGH_SENTENCE_END)].map((m) => from + m.index! + m[0].length);
  for (const end of [...cuts, position]) {
    if (end <= start) continue;
    const inside = masked.filter((m) => m.outer.start >= start && m.outer.start < end);
    readFrame(frameOf(text, { start, end }, inside), memory);
    start = end;
  }
  return memory;
}
