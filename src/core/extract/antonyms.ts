// Opposites, for the claim verifier's "antonym" problem: a draft that says "rose" where the source says "fell".
// The table (antonyms.json, built by scripts/build-antonyms.mjs from WordNet plus a news hand list) maps a
// Porter stem to its opposites' stems, space-separated.
import { normalizeWord, stemWord } from '../text/normalize.js';
import table from './antonyms.json' with { type: 'json' };

const OPPOSITES = new Map<string, ReadonlySet<string>>(
  Object.entries(table as Record<string, string>).map(([stem, opposites]) => [stem, new Set(opposites.split(' '))]),
);

// Callers hold either words ("increases"), normalised words or stems ("increas"); stemming a stem can change
// it again ("increas" -> "increa"), so a word is looked up both as given (folded) and as its stem.
function lookupKeys(word: string): string[] {
  const norm = normalizeWord(word);
  const stem = stemWord(norm);
  return stem === norm ? [norm] : [norm, stem];
}

export function areAntonyms(a: string, b: string): boolean {
  const bKeys = lookupKeys(b);
  return lookupKeys(a).some((key) => {
    const opposites = OPPOSITES.get(key);
    return opposites !== undefined && bKeys.some((candidate) => opposites.has(candidate));
  });
}

/** The stems of the word's opposites ("rose" -> ["fell"]); empty when none is known. */
export function antonymsOf(word: string): string[] {
  const found = new Set<string>();
  for (const key of lookupKeys(word)) for (const opposite of OPPOSITES.get(key) ?? []) found.add(opposite);
  return [...found];
}
