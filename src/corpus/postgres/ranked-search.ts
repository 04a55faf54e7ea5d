// Ranked sentence search in PostgreSQL, scoring fewer sentences for the same hits. A search's cost is its candidate
// sentences (every sentence holding a walked term), a heap visit and a score each; most of them hold the walked
// term and no other query term, and score too little to be among the best. So a search runs in two steps, with the
// same scoring statement: first the sentences holding a walked term and some other query term, whose `limit`-th
// best score is a threshold; then, for each walked term whose sentences could still reach that threshold on their
// own (idf × BM25's largest length factor), all its sentences. The best of both are exactly the best of all the
// candidates: a sentence that neither step scored holds one walked term only, and scores below the threshold.
import type { RankedQuery, RemoteHit } from '../../core/corpus/backend.js';
import { BM25_B, BM25_K1 } from '../../core/index/passage-index.js';
import { anyTermQuery, isStorableTerm, quoteLexeme } from './tsvector.js';

/**
 * A sentence's score is BM25's (binary term frequency, as the in-memory index counts): the idfs of the query terms
 * it uses, times its length factor. Each single-term tsquery is a binary search in the sentence's sorted lexemes.
 * `candidates` is a tsquery naming the sentences to score.
 */
export const SEARCH_SQL = `
  SELECT q.i, h.document_id::text AS id, h.ord, h.score
  FROM jsonb_to_recordset($1::jsonb) AS q(i int, candidates text, terms text[], idfs float8[], average float8, lim int)
  CROSS JOIN LATERAL (
    SELECT s.document_id, s.ord,
           (SELECT coalesce(sum(w.idf), 0) FROM unnest(q.terms::tsquery[], q.idfs) AS w(term, idf) WHERE s.tsv @@ w.term)
             * ($2::float8 + 1) / (1 + $2::float8 * (1 - $3::float8 + $3::float8 * s.length / q.average)) AS score
    FROM (SELECT * FROM sentences WHERE tsv @@ q.candidates::tsquery LIMIT $4) AS s
    ORDER BY score DESC, s.document_id, s.ord
    LIMIT q.lim
  ) h`;

/** At most this many candidate sentences are scored per search (see RankedQuery.walked). */
export const CANDIDATES_SCORED = 20_000;

/**
 * Below this many candidates a search is scored at once: its first step's index work (the other query terms' lists
 * walked to each candidate) costs more than scoring them all (at 100,000 documents, load 5: 4.2 ms against 2.9 ms).
 */
export const TWO_STEPS_FROM = 500;

/** The most one term can add to a sentence's score: its idf times the length factor of the shortest sentence. */
const LARGEST_LENGTH_FACTOR = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B));

/** One statement's worth of a search: the sentences `candidates` names, scored for query `i`. */
export interface SearchRecord {
  i: number;
  candidates: string;
  terms: string[];
  idfs: number[];
  average: number;
  lim: number;
}

/** Runs SEARCH_SQL over the records (in one batch) and returns each query's hits, best first. */
export type RunSearches = (records: readonly SearchRecord[]) => Promise<RemoteHit[][]>;

export async function rankedSearch(queries: readonly RankedQuery[], run: RunSearches): Promise<RemoteHit[][]> {
  const searches = queries.map((query, i) => storable(query, i));
  // First: the sentences holding two query terms, or the whole search at once where the cap on candidates may apply
  // (it takes whichever sentences come first), where there are few candidates, or where no such step exists.
  const first = searches.map((search) =>
    search.twoTerms === undefined ? record(search, anyTermQuery(search.walked)) : record(search, search.twoTerms),
  );
  const found = await run(first.filter((entry) => entry.candidates !== ''));
  // Then, for a search that went in two steps, the sentences of the walked terms that could reach its threshold.
  const second = searches.flatMap((search) => {
    if (search.twoTerms === undefined) return [];
    const hits = found[search.i];
    const threshold = hits.length >= search.query.limit ? hits[search.query.limit - 1].score : -Infinity;
    const open = search.walked.filter((term) => mayReach(search.idf.get(term)!, threshold));
    return open.length === 0 ? [] : [record(search, anyTermQuery(open))];
  });
  const rest = second.length === 0 ? [] : await run(second);
  return searches.map(({ i, query }) => best(found[i], rest[i] ?? [], query.limit));
}

interface StorableSearch {
  i: number;
  query: RankedQuery;
  walked: string[];
  terms: string[];
  idf: Map<string, number>;
  /** The tsquery of the sentences holding a walked term and another query term; undefined when searched at once. */
  twoTerms: string | undefined;
}

/** The search over the terms a tsvector can hold (no sentence holds another). */
function storable(query: RankedQuery, i: number): StorableSearch {
  const idf = new Map<string, number>();
  query.terms.forEach((term, k) => isStorableTerm(term) && idf.set(term, query.idfs[k]));
  const terms = [...idf.keys()];
  const walked = query.walked.filter((term) => idf.has(term));
  const others = terms.filter((term) => !walked.includes(term));
  // Written with the walked terms on every branch, so the index starts from their (short) lists.
  const branches = others.length > 0 ? [`(${anyTermQuery(walked)}) & (${anyTermQuery(others)})`] : [];
  walked.forEach((a, k) => walked.slice(k + 1).forEach((b) => branches.push(`${quoteLexeme(a)} & ${quoteLexeme(b)}`)));
  const atOnce =
    query.walkedSentences < TWO_STEPS_FROM || query.walkedSentences > CANDIDATES_SCORED || branches.length === 0;
  const twoTerms = atOnce || walked.length === 0 ? undefined : branches.join(' | ');
  return { i, query, walked, terms, idf, twoTerms };
}

function record({ i, query, terms, idf }: StorableSearch, candidates: string): SearchRecord {
  return {
    i,
    candidates,
    terms: terms.map((term) => quoteLexeme(term)),
    idfs: terms.map((term) => idf.get(term)!),
    average: query.averageLength,
    lim: query.limit,
  };
}

/** Whether a sentence holding only this query term could score `threshold` (generously: floating point rounds). */
function mayReach(idf: number, threshold: number): boolean {
  return idf * LARGEST_LENGTH_FACTOR * (1 + 1e-9) >= threshold;
}

/** The best `limit` of both steps' hits (a sentence both scored once), in the statement's order. */
function best(first: readonly RemoteHit[], second: readonly RemoteHit[], limit: number): RemoteHit[] {
  if (second.length === 0) return first.slice(0, limit);
  const seen = new Set<string>();
  const merged: RemoteHit[] = [];
  for (const hit of [...first, ...second].sort(byRank)) {
    const key = `${hit.id}:${hit.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(hit);
  }
  return merged.slice(0, limit);
}

/** SEARCH_SQL's order: score descending, then document id (a bigint, here in decimal) and sentence ascending. */
function byRank(a: RemoteHit, b: RemoteHit): number {
  return (
    b.score - a.score ||
    a.id.length - b.id.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    a.sentence - b.sentence
  );
}
