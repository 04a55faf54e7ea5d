// Negation cues in one sentence. A contradiction often hides in one small word ("could not confirm" vs
// "confirmed", "unaware" vs "aware"), so the verifier compares the polarity of a draft sentence with the
// polarity of its evidence. Off-the-shelf taggers miss "Nobody agreed" and "talks failed": hence an own list.
import type { Span } from '../types.js';

export interface NegationCue {
  span: Span;
  /** The cue in canonical lower-case form: "not", "n't", "could not confirm", "unaware", ... */
  cue: string;
}

// Multi-word cues come first in the alternation so that "could not confirm" is one cue, not "not".
// Each entry is a regular-expression source matched case-insensitively at word boundaries.
const CUE_PATTERNS: ReadonlyArray<readonly [cue: string, pattern: string]> = [
  ['could not confirm', "could(?:\\s+not|n['’]t|\\s+n['’]t)\\s+confirm"],
  ['no longer', 'no\\s+longer'],
  ['no one', 'no\\s+one'],
  ['unable to', 'unable\\s+to'],
  ['failed to', 'fail(?:ed|s)?\\s+to'],
  ['declined to', 'declin(?:ed|es|e)\\s+to'],
  ['refused', 'refus(?:ed|es|e)'],
  ['denied', 'den(?:ied|ies|y)'],
  ['not', 'not|cannot'],
  // "n't" also stands alone in tokenised corpora ("could n't").
  ["n't", "n['’]t"],
  ['never', 'never'],
  ['none', 'none'],
  ['nobody', 'nobody'],
  ['nothing', 'nothing'],
  ['nowhere', 'nowhere'],
  ['neither', 'neither'],
  ['nor', 'nor'],
  ['without', 'without'],
  ['no', 'no'],
  // Lexical negatives: only words whose positive counterpart is a plain claim ("aware", "able", "likely").
  ['unaware', 'unaware'],
  ['unable', 'unable'],
  ['unlikely', 'unlikely'],
  ['unwilling', 'unwilling'],
  ['unclear', 'unclear'],
  ['uncertain', 'uncertain'],
  ['unsure', 'unsure'],
  ['unknown', 'unknown'],
  ['impossible', 'impossible'],
];

// Phrases that contain a cue word but assert rather than deny: "not only X but also Y" says X.
const NON_NEGATING = /^(?:not\s+(?:only|just|least)|no\s+(?:doubt|matter)|nothing\s+but|no\.?\s*\d)/i;

// "n't" is glued to its verb ("couldn't"), so it needs no word boundary before it.
const CUES = new RegExp(
  CUE_PATTERNS.map(([, pattern], i) => (pattern.startsWith('n[') ? `(?<c${i}>${pattern})` : `(?<c${i}>(?<![\\p{L}\\p{N}])(?:${pattern}))`) + '(?![\\p{L}\\p{N}])').join('|'),
  'giu',
);

// "whether or not X" asks about X, it denies nothing.
const WHETHER_OR = /whether\s+or\s*$/i;

export function findNegations(text: string, offset = 0): NegationCue[] {
  const cues: NegationCue[] = [];
  for (const match of text.matchAll(CUES)) {
    const index = match.index!;
    if (NON_NEGATING.test(text.slice(index, index + 20)) || WHETHER_OR.test(text.slice(Math.max(0, index - 12), index))) continue;
    const cue = CUE_PATTERNS[Object.values(match.groups!).findIndex((group) => group !== undefined)][0];
    // "neither X nor Y" and "did not X, nor Y" deny once: "nor" only continues an earlier cue.
    if (cue === 'nor' && cues.length > 0) continue;
    cues.push({ span: { start: offset + index, end: offset + index + match[0].length }, cue });
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
