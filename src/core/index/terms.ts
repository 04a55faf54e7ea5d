// The terms a sentence is indexed and queried by: stems of its content words (numbers kept whole).
import { forEachWordForm, isContentToken, STOPWORDS, tokenize, type Token } from '../text/normalize.js';

export function indexTermsOfTokens(tokens: readonly Token[]): string[] {
  return tokens.filter(isContentToken).map((token) => token.stem);
}

export function indexTerms(text: string): string[] {
  return indexTermsOfTokens(tokenize(text));
}

/** indexTerms without the tokens: the same stems, for indexing a whole corpus. */
export function visitIndexTerms(text: string, visit: (term: string) => void): void {
  forEachWordForm(text, (norm, stem) => {
    if (!STOPWORDS.has(norm)) visit(stem);
  });
}
