// Opposites, for the claim verifier's "antonym" problem: a draft that says "rose" where the source says "fell".
// The table (antonyms.json, built by scripts/build-antonyms.mjs from WordNet plus a news hand list) maps a
// Porter stem to its opposites' stems, space-separated.
import { normalizeWord, stemWord } from '../text/normalize.js';
import table from './antonyms.json' with { type: 'json' };

const OPPOSITES = table as Record<string, string>;

/** The opposites' stems of one lookup key; the table is read as is, so loading it builds nothing. */
function oppositesOf(key: string): string[] {
  return Object.hasOwn(OPPOSITES, key) ? OPPOSITES[key].split(' ') : [];
}

// Callers hold either words ("increases"), normalised words or stems ("increas"); stemming a stem can change
// it again ("increas" -> "increa"), so a word is looked up both as given (folded) and as its stem.
function lookupKeys(word: string): string[] {
  const norm = normalizeWord(word);
  const stem = stemWord(norm);
  return stem === norm ? [norm] : [norm, stem];
}

export function areAntonyms(a: string, b: string): boolean {
  const bKeys = lookupKeys(b);
  return lookupKeys(a).some((key) => oppositesOf(key).some((opposite) => bKeys.includes(opposite)));
}

/** The stems of the word's opposites ("rose" -> ["fell"]); empty when none is known. */
export function antonymsOf(word: string): string[] {
  return [...new Set(lookupKeys(word).flatMap(oppositesOf))];
}
