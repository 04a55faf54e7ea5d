// How much of a claim's wording its source document has, counted on words however the text was tokenised: a
// claim written "did n't", "21 - year - old" or "-lrb-" (as several benchmarks give theirs) and a source
// written "didn't", "21-year-old" or "(" come to the same words. Counted on the checker's tokens, such a claim
// lost its bigrams and trigrams and gained novel words ("n't", "lrb"), so the overlap measured how the claim
// was tokenised as much as what it says. The whole document counts (the checker's own overlap looks near the
// best passage of a long one): a word the source uses anywhere is no invention.
import { isCommonStem } from '../extract/names.js';
import { synsetsOf } from '../extract/synonyms.js';
import { STOPWORDS, stemWord, tokenize, type Token } from '../text/normalize.js';
import type { SourceDocument } from '../types.js';

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

interface DocumentWords {
  stems: Set<string>;
  pairs: Set<string>;
  triples: Set<string>;
  /** "before after" -> the stems the document has between those two words. */
  between: Map<string, Set<string>>;
}

/** The words a tokeniser writes for brackets ("-lrb-"), and the pieces it splits off a contraction ("we 'll"). */
const BRACKET_WORDS = new Set(['lrb', 'rrb', 'lsb', 'rsb', 'lcb', 'rcb']);
const CLITICS = new Set(['s', 'll', 've', 're', 'd', 'm', 't']);

// Per document, keyed by path and content hash; the least recently added goes first past the limit.
const documentWords = new Map<string, DocumentWords>();
const CACHED_DOCUMENTS = 256;

export function wordOverlap(document: SourceDocument, claimTokens: readonly Token[]): WordOverlap {
  const source = wordsOf(document);
  const words = plainWords(claimTokens);
  const isContent = (word: PlainWord) => !STOPWORDS.has(word.norm);
  const content = words.filter(isContent);
  const share = (items: string[], set: Set<string>) =>
    items.length ? items.filter((item) => set.has(item)).length / items.length : 1;
  const novel = content.filter((word) => !source.stems.has(word.stem));
  let substitutions = 0;
  for (let i = 1; i + 1 < words.length; i++) {
    if (!isContent(words[i])) continue;
    const between = source.between.get(`${words[i - 1].norm} ${words[i + 1].norm}`);
    if (between && !sharesSense(words[i].stem, between)) substitutions++;
  }
  return {
    unigram: share(
      content.map((word) => word.stem),
      source.stems,
    ),
    bigram: share(ngrams(words, 2), source.pairs),
    trigram: share(ngrams(words, 3), source.triples),
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

function wordsOf(document: SourceDocument): DocumentWords {
  const key = `${document.path}\0${document.hash}`;
  let cached = documentWords.get(key);
  if (cached) return cached;
  const words = plainWords(tokenize(document.text));
  const between = new Map<string, Set<string>>();
  for (let i = 1; i + 1 < words.length; i++) {
    const context = `${words[i - 1].norm} ${words[i + 1].norm}`;
    const stems = between.get(context);
    if (stems) stems.add(words[i].stem);
    else between.set(context, new Set([words[i].stem]));
  }
  cached = {
    stems: new Set(words.map((word) => word.stem)),
    pairs: new Set(ngrams(words, 2)),
    triples: new Set(ngrams(words, 3)),
    between,
  };
  documentWords.set(key, cached);
  if (documentWords.size > CACHED_DOCUMENTS) documentWords.delete(documentWords.keys().next().value!);
  return cached;
}

function ngrams(words: readonly PlainWord[], n: 2 | 3): string[] {
  const grams: string[] = [];
  for (let i = n - 1; i < words.length; i++) {
    grams.push(
      n === 2 ? `${words[i - 1].norm} ${words[i].norm}` : `${words[i - 2].norm} ${words[i - 1].norm} ${words[i].norm}`,
    );
  }
  return grams;
}

function sharesSense(stem: string, others: Set<string>): boolean {
  if (others.has(stem)) return true;
  const senses = synsetsOf(stem);
  if (!senses.length) return false;
  for (const other of others) if (synsetsOf(other).some((id) => senses.includes(id))) return true;
  return false;
}
