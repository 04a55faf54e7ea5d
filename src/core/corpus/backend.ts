// The retrieval interface of a corpus held elsewhere than in memory (a team's archive on a database server): what
// a check asks of it, in batches, against one consistent snapshot. Verification never runs there: the passages
// that come back are cached locally (passage-cache.ts) and checked as the in-memory index's are.
import type { Sentence, SourceMetadata } from '../types.js';

export interface CorpusTotals {
  documents: number;
  sentences: number;
  /** Index terms over all sentences, repeats included. */
  terms: number;
  /** Changes with every committed ingest: what was retrieved before a change may be stale after it. */
  generation: string;
}

/** A ranked sentence search, as the in-memory index runs it (BM25 over sentences, rarer terms walked first). */
export interface RankedQuery {
  /** The terms whose sentences are candidates (the rarest, and the others rare enough to be walked). */
  walked: string[];
  /** Every query term with its idf: a candidate's score is its sum over the terms it uses, times its length factor. */
  terms: string[];
  idfs: number[];
  averageLength: number;
  limit: number;
  /** The walked terms' sentence frequencies in the corpus, summed: no more sentences than this are candidates. */
  walkedSentences: number;
}

/** A sentence of a stored document: `id` is the stored version's, so a replaced document's hits are never mixed with its successor's text. */
export interface RemoteHit {
  id: string;
  sentence: number;
  score: number;
}

/** A stored document with the analysis it was stored with (same index format version), so it is not analysed again. */
export interface RemoteDocument {
  id: string;
  path: string;
  hash: string;
  text: string;
  metadata: SourceMetadata;
  sentences: Sentence[];
  /** Each sentence's index terms, in order, separated by spaces (split as they are indexed: fewer live strings). */
  sentenceTerms: string[];
}

/** One snapshot of the corpus: everything read through it is from the same committed state. */
export interface CorpusView {
  totals: CorpusTotals;
  /** Sentence frequencies of terms (0 for a term no sentence uses). */
  frequencies(terms: readonly string[]): Promise<Map<string, number>>;
  search(queries: readonly RankedQuery[]): Promise<RemoteHit[][]>;
  /**
   * Sentences that can hold each phrase (content-word stems in order), up to `limit` each; verified locally.
   * `frequency` (sentence frequencies, where known) lets a backend look a phrase up by its rarest terms first.
   */
  phrases(
    phrases: readonly (readonly string[])[],
    limit: number,
    frequency?: (term: string) => number | undefined,
  ): Promise<RemoteHit[][]>;
  /** The stored document with each citation key or path, if any. */
  lookup(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Documents by id; a row that does not decode is left out and reported through `warn`. */
  documents(ids: readonly string[], warn: (message: string) => void): Promise<RemoteDocument[]>;
}

export interface CorpusBackend {
  /** Where its documents come from, as a reader names it (no password): `postgresql://host/db`. */
  readonly label: string;
  /** Runs `work` against one snapshot (one read-only transaction). */
  snapshot<T>(work: (view: CorpusView) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
