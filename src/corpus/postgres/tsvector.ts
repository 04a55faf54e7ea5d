// Groundwork's own index terms (the stems the in-memory index uses) as PostgreSQL text-search values, so the
// database finds the same sentences the local index would. Values are literals passed as query parameters and
// cast (`$1::tsvector`): a term is quoted as the tsvector syntax requires (quote doubled, backslash escaped),
// so no text, however hostile, can change a query's shape.

/** PostgreSQL refuses lexemes of 2 KB or more; no word is that long (such a "term" is a run of symbols). */
const MAX_LEXEME_BYTES = 2046;
/** Positions above this are stored as this one (tsvector's limit). */
const MAX_POSITION = 16383;

export function isStorableTerm(term: string): boolean {
  return term.length > 0 && Buffer.byteLength(term) <= MAX_LEXEME_BYTES;
}

export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A sentence's terms, in order, as a tsvector literal: each term with its positions (1-based, among the terms). */
export function sentenceVector(terms: readonly string[]): string {
  const positions = new Map<string, number[]>();
  terms.forEach((term, i) => {
    if (!isStorableTerm(term)) return;
    let list = positions.get(term);
    if (!list) positions.set(term, (list = []));
    list.push(Math.min(i + 1, MAX_POSITION));
  });
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}

/** Sentences using any of the terms. */
export function anyTermQuery(terms: readonly string[]): string {
  return terms.filter(isStorableTerm).map(quoteLexeme).join(' | ');
}

/** Sentences using every one of the terms. */
export function allTermsQuery(terms: readonly string[]): string {
  return terms.filter(isStorableTerm).map(quoteLexeme).join(' & ');
}

/** Sentences where the terms stand one after another (phraseto_tsquery's `<->`, over Groundwork's terms). */
export function phraseQuery(terms: readonly string[]): string {
  return terms.filter(isStorableTerm).map(quoteLexeme).join(' <-> ');
}
