// Where a phrase's words stand contiguously in a run of a document's sentences. Every match holds the phrase's
// anchor word (its rarest), so only the sentences that can hold that word are tokenised, and the text around them
// only as far as a match reaches: tokenising whole windows of text was most of the time of looking a quote up.
import { tokenize, type Token } from '../text/normalize.js';
import type { SourceDocument, Span } from '../types.js';

/** Sentences first..last of a document, read as pieces: each sentence with the text up to the next one. */
export interface SentenceRun {
  document: SourceDocument;
  first: number;
  last: number;
}

/**
 * The spans, in order, where `phrase` (by normalised form) stands within the run. `anchor`: a position of the
 * phrase whose word every match has; `mayHoldAnchor(sentence)`: false only for a sentence whose text cannot hold
 * that word. The words of the text between two sentences count with the sentence before.
 */
export function phraseMatchesIn(
  run: SentenceRun,
  phrase: readonly Token[],
  anchor: number,
  mayHoldAnchor: (sentence: number) => boolean,
): Span[] {
  const { document, first, last } = run;
  const { sentences, text } = document;
  const pieceEnd = (sentence: number) =>
    sentence === last ? sentences[last].span.end : sentences[sentence + 1].span.start;
  const pieces = new Map<number, Token[]>();
  const tokensOf = (sentence: number): Token[] => {
    let tokens = pieces.get(sentence);
    if (!tokens) {
      const start = sentences[sentence].span.start;
      pieces.set(sentence, (tokens = tokenize(text.slice(start, pieceEnd(sentence)), start)));
    }
    return tokens;
  };
  const found: Span[] = [];
  for (let sentence = first; sentence <= last; sentence++) {
    if (!mayHoldAnchor(sentence) && !hasWordBetween(text, sentences[sentence].span.end, pieceEnd(sentence))) continue;
    tokensOf(sentence).forEach((token, at) => {
      if (token.norm !== phrase[anchor].norm) return;
      const words = wordsAround(tokensOf, { first, last }, sentence, at - anchor, phrase.length);
      if (words?.every((word, i) => word.norm === phrase[i].norm))
        found.push({ start: words[0].span.start, end: words.at(-1)!.span.end });
    });
  }
  return found;
}

/** `count` consecutive tokens of the run from token `at` of a sentence's piece (negative: in pieces before it). */
function wordsAround(
  tokensOf: (sentence: number) => Token[],
  run: { first: number; last: number },
  sentence: number,
  at: number,
  count: number,
): Token[] | undefined {
  while (at < 0) {
    if (--sentence < run.first) return undefined;
    at += tokensOf(sentence).length;
  }
  const words: Token[] = [];
  while (words.length < count) {
    const tokens = tokensOf(sentence);
    if (at < tokens.length) words.push(tokens[at++]);
    else if (++sentence > run.last) return undefined;
    else at = 0;
  }
  return words;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function hasWordBetween(text: string, start: number, end: number): boolean {
  return start < end && WORD_CHARACTER.test(text.slice(start, end));
}
