// The one vocabulary every word reader shares: titles, abbreviations, calendar words, speech verbs, organisation
// words, name particles and stop words. The lists are data (vocabulary.json, space-separated words); this module
// compiles them to sets and derives what follows from them (the stems of the restating verbs), so that the name
// reader and the speaker reader cannot disagree about what "Adm." is. Words are lower case unless the list says
// otherwise (the sentence splitter's abbreviations keep their case: "No. 5" is not "no. 5").
import { stemmer } from 'stemmer';
import lists from './vocabulary.json' with { type: 'json' };

const wordsOf = (list: string): string[] => list.split(/\s+/).filter(Boolean);
const setOf = (...list: string[]): ReadonlySet<string> => new Set(list.flatMap(wordsOf));

/** Function words: they carry no claim, so they are skipped when ranking passages and measuring overlap. */
export const STOPWORDS: ReadonlySet<string> = setOf(lists.stopWords);

/** Abbreviated titles, as written: always followed by a name ("Mr. Smith", "Adm. Aquilino"). */
const TITLE_ABBREVIATIONS = setOf(lists.titleAbbreviations);
/** A person's title or role, written out or abbreviated: "admiral", "adm", "spokesman" (lower case, no full stop). */
export const TITLES: ReadonlySet<string> = new Set([
  ...setOf(lists.titles),
  ...[...TITLE_ABBREVIATIONS].map((word) => word.toLowerCase()),
]);
/** Words that stand in a title before the title word: "Defense Minister", "Chief Executive", "Attorney General". */
export const TITLE_MODIFIERS = setOf(lists.titleModifiers);

/** Titles that say how someone is addressed, not what office they hold ("Mr.", "Dr.", "Sir"): no role. */
const HONORIFICS = setOf(lists.honorifics);
/** Each office title's one spelling: "chairwoman" and "chair" are "chair"; "spokesman" is "spokesperson". */
const ROLE_SPELLINGS: ReadonlyMap<string, string> = new Map(
  wordsOf(lists.roleSynonyms).flatMap((group) => {
    const [role, others] = group.split(':') as [string, string];
    return [role, ...others.split(',')].map((word) => [word, role] as const);
  }),
);

/** The office a title word names, in one spelling ("chairwoman" -> "chair"); undefined for an honorific or a modifier. */
export function officeOf(word: string): string | undefined {
  if (!TITLES.has(word) || HONORIFICS.has(word) || TITLE_MODIFIERS.has(word)) return undefined;
  return ROLE_SPELLINGS.get(word) ?? word;
}
/** Titles that also stand inside institutions' names: "Justice Department", "Northern General", "Major League". */
export const TITLES_IN_INSTITUTION_NAMES = setOf(lists.titlesInInstitutionNames);

export const WEEKDAYS = setOf(lists.weekdays);
/** Weekdays written out or abbreviated: "Friday", "Fri", "Thurs". */
export const WEEKDAY_WORDS = setOf(lists.weekdays, lists.weekdayAbbreviations);

export const MONTHS = setOf(lists.months, lists.monthAbbreviations);
/** Months and weekdays, written out or abbreviated ("sept", "thurs"): date words, never names. */
export const CALENDAR_WORDS = setOf(lists.months, lists.monthAbbreviations, lists.weekdays, lists.weekdayAbbreviations);

/** Abbreviations always followed by a name ("Mr. Smith", "Adm. Aquilino", "Mt. Everest"), as written. */
export const ABBREVIATIONS_BEFORE_NAME: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  ...setOf(lists.placeAbbreviations),
]);
/** Abbreviations followed by a number ("No. 5", "Fig. 3", "pp. 10-12"), as written. */
export const ABBREVIATIONS_BEFORE_NUMBER = setOf(lists.abbreviationsBeforeNumber);
/** Abbreviations that may or may not end a sentence ("Apple Inc. said" / "at Apple Inc. He said"), dated ones included. */
export const ABBREVIATIONS_AMBIGUOUS = setOf(
  lists.abbreviationsAmbiguous,
  lists.monthAbbreviations,
  lists.weekdayAbbreviations,
);
/** Lower case: a word that keeps its full stop when a word reader reads it ("Dr.", "Inc.", "Sept."). */
export const ABBREVIATIONS = new Set(
  [...ABBREVIATIONS_BEFORE_NAME, ...ABBREVIATIONS_AMBIGUOUS].map((word) => word.toLowerCase()),
) as ReadonlySet<string>;

/** Verb forms that attribute words to someone. Base forms that are mostly nouns ("a Times report") are left out. */
export const SPEECH_VERBS = setOf(lists.speechVerbs);

/**
 * Whether words may report someone's speech (a verb of saying, or "according to"): reading who speaks costs a parse
 * of the sentence, and most sentences have none.
 */
export function mayReportSpeech(words: readonly { norm: string }[]): boolean {
  return words.some((w) => SPEECH_VERBS.has(w.norm) || w.norm === 'according');
}
/** Verbs that attribute even to a noun phrase ("Afghan officials said"); "Phase III results announced" does not. */
export const PHRASE_SPEECH_VERBS = setOf(lists.phraseSpeechVerbs);
/** Verbs that also take their subject after them: "“…,” said Luke Gumley". */
export const INVERTIBLE_SPEECH_VERBS = setOf(lists.invertibleSpeechVerbs);
/**
 * Porter stems of the words that only report ("said", "told", "according"): a source's own statement need not
 * repeat that somebody said it, so they are no claim words. Derived here, not typed ("sai", "ad").
 */
export const RESTATING_STEMS: ReadonlySet<string> = new Set(wordsOf(lists.restatingWords).map((word) => stemmer(word)));

/** Words that make a name an organisation's, which "he" or "she" cannot stand for. */
export const ORGANISATION_WORDS = setOf(lists.organisationWords);
/** A title followed only by one of these is part of a company's name: General Motors, General Electric. */
export const ORGANISATION_TAILS = setOf(lists.organisationTails);
/** Subject pronouns: capitalised at a sentence's start, never part of a name. */
export const PRONOUNS = setOf(lists.pronouns);
/** Lower-case words inside names: Ricardo de Oliveira, Haitham bin Tariq, Ibn al-Khattab. */
export const NAME_PARTICLES = setOf(lists.nameParticles);
