// The terms a sentence is indexed and queried by: stems of its content words (numbers kept whole).
import { isContentToken, tokenize, type Token } from '../text/normalize.js';

export function indexTermsOfTokens(tokens: readonly Token[]): string[] {
  return tokens.filter(isContentToken).map((token) => token.stem);
}

export function indexTerms(text: string): string[] {
  return indexTermsOfTokens(tokenize(text));
}
