// How much of a claim's wording its source document has, counted on words however the text was tokenised: a
// claim written "did n't", "21 - year - old" or "-lrb-" (as several benchmarks give theirs) and a source
// written "didn't", "21-year-old" or "(" come to the same words. Counted on the checker's tokens, such a claim
// lost its bigrams and trigrams and gained novel words ("n't", "lrb"), so the overlap measured how the claim
// was tokenised as much as what it says. The whole document counts (the checker's own overlap looks near the
// best passage of a long one): a word the source uses anywhere is no invention.
import { isCommonStem } from '../extract/names.js';
import { synsetsOf } from '../extract/synonyms.js';
import { STOPWORDS, stemWord, type Token } from '../text/normalize.js';

export interface WordOverlap {
  /** Share of the claim's content words whose stem the document uses. */
  unigram: number;
  /** Share of the claim's adjacent word pairs, and triples, that the document has as written. */
  bigram: number;
  trigram: number;
  /** Content words the document never uses, and how many of those are not common English. */
  novel: number;
  novelUncommon: number;
  /**
   * Content words that stand where the document has another word between the same two neighbours ("the
   * home secretary" for "the foreign secretary"), and no word sharing a sense with it: an edit of a copied
   * phrase, the way a summary swaps a name, an object or an opposite in.
   */
  substitutions: number;
}

interface PlainWord {
  norm: string;
  stem: string;
}

/** A source's words, indexed once per document (alignment.ts caches it with the rest of its index). */
export interface SourceWords {
  words: PlainWord[];
  stems: Set<string>;
  /** Each word's positions in `words`, ascending. */
  positions: Map<string, number[]>;
}

/** The words a tokeniser writes for brackets ("-lrb-"), and the pieces it splits off a contraction ("we 'll"). */
const BRACKET_WORDS = new Set(['lrb', 'rrb', 'lsb', 'rsb', 'lcb', 'rcb']);
const CLITICS = new Set(['s', 'll', 've', 're', 'd', 'm', 't']);

export function sourceWords(tokens: readonly Token[]): SourceWords {
  const words = plainWords(tokens);
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word.norm);
    if (list) list.push(i);
    else positions.set(word.norm, [i]);
  });
  return { words, stems: new Set(words.map((word) => word.stem)), positions };
}

export function wordOverlap(source: SourceWords, claimTokens: readonly Token[]): WordOverlap {
  const words = plainWords(claimTokens);
  const isContent = (word: PlainWord) => !STOPWORDS.has(word.norm);
  const content = words.filter(isContent);
  const share = <T>(items: T[], found: (item: T, i: number) => boolean) =>
    items.length ? items.filter(found).length / items.length : 1;
  const novel = content.filter((word) => !source.stems.has(word.stem));
  let substitutions = 0;
  for (let i = 1; i + 1 < words.length; i++) {
    if (!isContent(words[i])) continue;
    const between = wordsBetween(source, words[i - 1].norm, words[i + 1].norm);
    if (between.size && !sharesSense(words[i].stem, between)) substitutions++;
  }
  return {
    unigram: share(content, (word) => source.stems.has(word.stem)),
    bigram: share(words.slice(1), (word, i) => follows(source, [words[i].norm, word.norm])),
    trigram: share(words.slice(2), (word, i) => follows(source, [words[i].norm, words[i + 1].norm, word.norm])),
    novel: novel.length,
    novelUncommon: novel.filter((word) => !isCommonStem(word.stem)).length,
    substitutions,
  };
}

/** The words of some tokens: hyphenated words and contractions in their parts, bracket words left out. */
function plainWords(tokens: readonly Token[]): PlainWord[] {
  const words: PlainWord[] = [];
  for (const token of tokens) {
    if (BRACKET_WORDS.has(token.norm)) continue;
    // Most words are whole: their stem is the token's own (a source's tokens number in the thousands).
    if (!/['-]/.test(token.norm)) {
      if (!CLITICS.has(token.norm)) words.push(token);
      continue;
    }
    for (const piece of token.norm.split('-')) {
      const parts = piece.endsWith("n't") ? [piece.slice(0, -3), 'not'] : piece.split("'");
      for (const part of parts) {
        if (part && !CLITICS.has(part)) words.push({ norm: part, stem: stemWord(part) });
      }
    }
  }
  return words;
}

/** Whether the source has these words one after another. */
function follows(source: SourceWords, norms: string[]): boolean {
  return (source.positions.get(norms[0]) ?? []).some((start) =>
    norms.every((norm, k) => source.words[start + k]?.norm === norm),
  );
}

/** The stems the source has between `before` and `after`, one word apart. */
function wordsBetween(source: SourceWords, before: string, after: string): Set<string> {
  const stems = new Set<string>();
  for (const start of source.positions.get(before) ?? []) {
    if (source.words[start + 2]?.norm === after) stems.add(source.words[start + 1].stem);
  }
  return stems;
}

function sharesSense(stem: string, others: Set<string>): boolean {
  if (others.has(stem)) return true;
  const senses = synsetsOf(stem);
  if (!senses.length) return false;
  for (const other of others) if (synsetsOf(other).some((id) => senses.includes(id))) return true;
  return false;
}
