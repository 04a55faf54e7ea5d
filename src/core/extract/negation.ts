// Negation cues in one sentence. A contradiction often hides in one small word ("could not confirm" vs
// "confirmed", "unaware" vs "aware"), so the verifier compares the polarity of a draft sentence with the
// polarity of its evidence. Off-the-shelf taggers miss "Nobody agreed" and "talks failed": hence an own list,
// matched on the words every reader reads (text/words.ts).
import { stemWord } from '../text/normalize.js';
import { readWords } from '../text/words.js';
import type { Span } from '../types.js';

export interface NegationCue {
  span: Span;
  /** The cue in canonical lower-case form: "not", "n't", "could not confirm", "unaware", ... */
  cue: string;
}

// A cue is a run of words, each spelled one of a few ways (lower case, typographic apostrophe folded). Longer
// cues are tried first at each word, so that "could not confirm" is one cue, not "not".
const CUES: ReadonlyArray<readonly [cue: string, words: ReadonlyArray<ReadonlySet<string>>]> = (
  [
    ['could not confirm', ['could', 'not', 'confirm']],
    ['could not confirm', ['could', "n't", 'confirm']],
    ['could not confirm', ["couldn't", 'confirm']],
    ['no longer', ['no', 'longer']],
    ['no one', ['no', 'one']],
    ['unable to', ['unable', 'to']],
    ['failed to', ['fail failed fails', 'to']],
    ['declined to', ['declined declines decline', 'to']],
    ['refused', ['refused refuses refuse']],
    ['denied', ['denied denies deny']],
    ['not', ['not cannot']],
    ['never', ['never']],
    ['none', ['none']],
    ['nobody', ['nobody']],
    ['nothing', ['nothing']],
    ['nowhere', ['nowhere']],
    ['neither', ['neither']],
    ['nor', ['nor']],
    ['without', ['without']],
    ['no', ['no']],
    // Lexical negatives: only words whose positive counterpart is a plain claim ("aware", "able", "likely").
    ['unaware', ['unaware']],
    ['unable', ['unable']],
    ['unlikely', ['unlikely']],
    ['unwilling', ['unwilling']],
    ['unclear', ['unclear']],
    ['uncertain', ['uncertain']],
    ['unsure', ['unsure']],
    ['unknown', ['unknown']],
    ['impossible', ['impossible']],
  ] as const
).map(([cue, words]) => [cue, words.map((spellings) => new Set(spellings.split(' ')))] as const);

// A verb of stopping before an -ing word negates it ("stopped admitting new patients" is "not admitting").
const STOPPING_VERBS = new Set('stop stops stopped halt halts halted cease ceases ceased quit quits'.split(' '));

// Words that say something ended or is lacking, by stem: "bus service stopped" says what "without bus service"
// says, so the verifier lets one stand for the other's negation.
const ENDING_STEMS = new Set(
  [
    ...STOPPING_VERBS,
    ...'end ended suspend suspended shut cancel canceled cancelled lose lost lack lacked idled'.split(' '),
  ].map(stemWord),
);

/** Whether a word (by its stem) says that something ended or is lacking. */
export const saysSomethingEnded = (stem: string): boolean => ENDING_STEMS.has(stem);

// Most words start no cue: each is looked up once.
const CUES_BY_FIRST_WORD = new Map<string, (typeof CUES)[number][]>();
for (const entry of CUES) {
  for (const first of entry[1][0]!) CUES_BY_FIRST_WORD.set(first, [...(CUES_BY_FIRST_WORD.get(first) ?? []), entry]);
}

// Most sentences hold no cue: one search for the cues' first words (and "n't") skips them without reading words.
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MAY_HOLD_CUE = new RegExp(
  [...CUES_BY_FIRST_WORD.keys(), ...STOPPING_VERBS, "n't", 'n\u2019t'].map(escape).join('|'),
  'i',
);

// Phrases that contain a cue word but assert rather than deny: "not only X but also Y" says X.
const NON_NEGATING = /^(?:not\s+(?:only|just|least)|no\s+(?:doubt|matter)|nothing\s+but|no\.?\s*\d)/i;

interface Part {
  start: number;
  end: number;
  /** Lower case, typographic apostrophe folded, a possessive or an abbreviation's full stop off ("nobody's" -> "nobody"); `end` too. */
  key: string;
}

/**
 * The shared scanner's words (text/words.ts), cut at hyphens: a cue inside a compound negates as it always
 * did here ("no-fly", "non-binding" is not "no").
 */
function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  for (const word of readWords(text)) {
    if (word.kind !== 'word') continue;
    let start = word.start;
    for (const piece of word.text.includes('-') ? word.text.split('-') : [word.text]) {
      let key = piece === word.text ? word.lower : piece.toLowerCase();
      if (key.includes('\u2019')) key = key.replace(/\u2019/g, "'");
      let cut = 0; // characters off the end: a full stop, a possessive
      if (key.endsWith('.')) {
        key = key.slice(0, -1);
        cut += 1;
      }
      if (key.endsWith("'s")) {
        key = key.slice(0, -2);
        cut += 2;
      }
      parts.push({ start, end: start + piece.length - cut, key });
      start += piece.length + 1;
    }
  }
  return parts;
}

/** The cue spelled by the parts from `at`, only spaces between its words. */
function cueAt(text: string, parts: Part[], at: number): { cue: string; length: number } | undefined {
  for (const [cue, words] of CUES_BY_FIRST_WORD.get(parts[at]!.key) ?? []) {
    const matches = words.every((spellings, k) => {
      const part = parts[at + k];
      if (!part || !spellings.has(part.key)) return false;
      return k === 0 || /^\s+$/.test(text.slice(parts[at + k - 1]!.end, part.start));
    });
    if (matches) return { cue, length: words.length };
  }
  return undefined;
}

// "whether or not X" asks about X, it denies nothing.
const WHETHER_OR = /whether\s+or\s*$/i;

export function findNegations(text: string, offset = 0): NegationCue[] {
  const cues: NegationCue[] = [];
  if (!MAY_HOLD_CUE.test(text)) return cues;
  const parts = partsOf(text);
  for (let i = 0; i < parts.length; i++) {
    const { start, key } = parts[i]!;
    const found = cueAt(text, parts, i);
    if (found) {
      const end = parts[i + found.length - 1]!.end;
      i += found.length - 1; // a cue's words are no other cue's
      if (
        NON_NEGATING.test(text.slice(start, start + 20)) ||
        WHETHER_OR.test(text.slice(Math.max(0, start - 12), start))
      )
        continue;
      // "neither X nor Y" and "did not X, nor Y" deny once: "nor" only continues an earlier cue.
      if (found.cue === 'nor' && cues.length > 0) continue;
      cues.push({ span: { start: offset + start, end: offset + end }, cue: found.cue });
    } else if (STOPPING_VERBS.has(key) && parts[i + 1]?.key.endsWith('ing')) {
      // "stopped admitting new patients" says "is not admitting new patients"; "stopped at the border" denies nothing.
      cues.push({ span: { start: offset + start, end: offset + parts[i]!.end }, cue: 'stopped' });
    } else if (key.endsWith("n't")) {
      // "n't" is glued to its verb ("couldn't"), or stands alone in tokenised corpora ("could n't").
      const end = parts[i]!.end;
      cues.push({ span: { start: offset + end - 3, end: offset + end }, cue: "n't" });
    }
  }
  return cues;
}

// Where one clause ends and the next begins: negations in different clauses do not cancel each other.
const CLAUSE_BREAK = /[,;:()]|(?<![\p{L}])(?:and|but|or|while|whereas|although|though|because)(?![\p{L}])/giu;

/**
 * The sentence's polarity: -1 when some clause denies something (holds an odd number of cues), 1 otherwise.
 * Within a clause two cues cancel ("not unlikely", "never failed to"); across clauses they do not
 * ("couldn't confirm it and didn't say" is negative), so this is not simply the count of cues mod 2.
 */
export function polarity(text: string): number {
  const cues = findNegations(text);
  if (cues.length === 0) return 1;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((match) => match.index!);
  const cuesPerClause = new Map<number, number>();
  for (const { span } of cues) {
    const clause = breaks.filter((index) => index < span.start).length;
    cuesPerClause.set(clause, (cuesPerClause.get(clause) ?? 0) + 1);
  }
  return [...cuesPerClause.values()].some((count) => count % 2 === 1) ? -1 : 1;
}
