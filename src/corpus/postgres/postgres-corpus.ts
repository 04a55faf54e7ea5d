// The team corpus on PostgreSQL, read side: each check's questions, batched into one statement per kind, inside
// one read-only REPEATABLE READ transaction, so a check sees every document whole or not at all however many
// ingests commit meanwhile. Only parameterised queries; rows are checked before use.
import type pg from 'pg';
import type {
  CorpusBackend,
  CorpusTotals,
  CorpusView,
  RankedQuery,
  RemoteDocument,
  RemoteHit,
} from '../../core/corpus/backend.js';
import { TEAM_PREFIX } from '../../core/corpus/origin.js';
import { BM25_B, BM25_K1 } from '../../core/index/passage-index.js';
import { INDEX_FORMAT_VERSION } from '../../core/library.js';
import { corpusLabel, createPool, type PoolOptions } from './connection.js';
import { requireSchema } from './schema.js';
import { allTermsQuery, isStorableTerm, phraseQuery } from './tsvector.js';
import { CANDIDATES_SCORED, rankedSearch, SEARCH_SQL, type SearchRecord } from './ranked-search.js';
import { decodeDocument, decodeTotals, DOCUMENT_SENTENCES_SQL } from './rows.js';
import { SecondConnection } from './second-connection.js';

/** A phrase of this many terms or more that no one sentence holds may straddle two: its halves are looked for. */
const SPLIT_PHRASE_TERMS = 4;

// The index is asked for the sentences holding the phrase's rarest terms (`rare`), and those are tested against the
// whole phrase: the same rows as asking the index for the phrase, whose every term's entries GIN would read (a
// quotation's 48 terms took 17-28 ms; its three rarest 0.6 ms). OFFSET 0 keeps the phrase test out of the index
// scan, and the planner from walking the primary key in order and testing every row.
const PHRASE_SQL = `
  SELECT q.i, h.document_id::text AS id, h.ord
  FROM jsonb_to_recordset($1::jsonb) AS q(i int, phrase text, rare text)
  CROSS JOIN LATERAL (
    SELECT s.document_id, s.ord FROM (SELECT document_id, ord, tsv FROM sentences WHERE tsv @@ q.rare::tsquery OFFSET 0) AS s
    WHERE s.tsv @@ q.phrase::tsquery
    ORDER BY s.document_id, s.ord LIMIT $2
  ) h`;

/** Terms of a phrase the index is asked for: enough that few sentences hold them all. */
const PHRASE_INDEX_TERMS = 3;

/** A batch of this many queries or more is split between two connections (a typing edit's few are not). */
const SPLIT_BATCH = 8;

export class PostgresCorpus implements CorpusBackend {
  readonly label: string;
  private readonly pool: pg.Pool;
  private schemaChecked = false;

  constructor(url: string, options: PoolOptions = {}) {
    this.label = corpusLabel(url);
    this.pool = createPool(url, options);
  }

  async snapshot<T>(work: (view: CorpusView) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const second = new SecondConnection(this.pool, client);
    let broken = false;
    try {
      if (!this.schemaChecked) {
        await requireSchema(client, this.label);
        this.schemaChecked = true;
      }
      // One round trip for all three (a typing edit's check makes few others). No JIT: a batched search's estimated
      // cost (the planner assumes 100 queries in the JSON, each scoring thousands of rows) is far above
      // jit_above_cost, and compiling it took 0.3 s where running it took 0.005-0.08 s (100,000 documents).
      const [, , totalsResult] = (await client.query(
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off; SELECT documents, sentences, terms, generation FROM corpus',
      )) as unknown as pg.QueryResult<Record<string, unknown>>[];
      const totals = decodeTotals(totalsResult.rows[0]);
      const result = await work(new PostgresView(client, second, totals));
      await second.release();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = true;
      this.schemaChecked = false;
      await second.release();
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresView implements CorpusView {
  /** Searches in flight on this snapshot (a phrase batch sent meanwhile takes the second connection). */
  private searching = 0;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly second: SecondConnection,
    readonly totals: CorpusTotals,
  ) {}

  async frequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const frequencies = new Map(terms.map((term) => [term, 0]));
    if (terms.length === 0) return frequencies;
    const { rows } = await this.client.query<{ term: string; sentences: string }>({
      name: 'groundwork-frequencies',
      text: 'SELECT term, sentences FROM terms WHERE term = ANY ($1::text[])',
      values: [terms],
    });
    for (const row of rows) {
      const count = Number(row.sentences);
      if (frequencies.has(row.term) && Number.isSafeInteger(count) && count >= 0) frequencies.set(row.term, count);
    }
    return frequencies;
  }

  async search(queries: readonly RankedQuery[]): Promise<RemoteHit[][]> {
    this.searching++;
    try {
      return await this.rankedHits(queries);
    } finally {
      this.searching--;
    }
  }

  private async rankedHits(queries: readonly RankedQuery[]): Promise<RemoteHit[][]> {
    const on = (client: pg.ClientBase, count: number) => (records: readonly SearchRecord[]) =>
      this.statement(client, count, 'groundwork-search', SEARCH_SQL, records, [BM25_K1, BM25_B, CANDIDATES_SCORED]);
    const second = queries.length >= SPLIT_BATCH ? await this.second.get() : undefined;
    if (!second) return rankedSearch(queries, on(this.client, queries.length));
    // Each connection takes half the searches through both steps: neither waits for the other between them. The
    // halves are made even by each search's candidates (at most), the most its steps can cost.
    const weighed = queries.map((query, i) => ({ i, weight: Math.min(query.walkedSentences, CANDIDATES_SCORED) }));
    const hits: RemoteHit[][] = queries.map(() => []);
    await Promise.all(
      evenHalves(weighed).map(async (half, k) => {
        const found = await rankedSearch(
          half.map(({ i }) => queries[i]),
          on(k === 0 ? this.client : second, half.length),
        );
        half.forEach(({ i }, j) => (hits[i] = found[j]));
      }),
    );
    return hits;
  }

  async phrases(
    phrases: readonly (readonly string[])[],
    limit: number,
    frequency: (term: string) => number | undefined = () => undefined,
  ): Promise<RemoteHit[][]> {
    // Terms of unknown frequency count as common: any of a phrase's terms finds a superset of its sentences.
    const rarest = (terms: readonly string[]) =>
      allTermsQuery(
        [...new Set(terms.filter(isStorableTerm))]
          .sort((a, b) => (frequency(a) ?? Infinity) - (frequency(b) ?? Infinity))
          .slice(0, PHRASE_INDEX_TERMS),
      );
    const whole = await this.phraseHits(
      phrases.map((terms) => ({ phrase: phraseQuery(terms), rare: rarest(terms) })),
      limit,
    );
    // Not within one sentence: a quotation across a sentence end holds its first half in one, its second in the next.
    const straddling = phrases
      .map((terms, i) => (whole[i].length === 0 && terms.length >= SPLIT_PHRASE_TERMS ? i : -1))
      .filter((i) => i >= 0);
    if (straddling.length > 0) {
      const halves = straddling.map((i) => {
        const middle = Math.floor(phrases[i].length / 2);
        const [first, second] = [phrases[i].slice(0, middle), phrases[i].slice(middle)];
        return {
          phrase: `(${phraseQuery(first)}) | (${phraseQuery(second)})`,
          rare: `(${rarest(first)}) | (${rarest(second)})`,
        };
      });
      const found = await this.phraseHits(halves, limit);
      straddling.forEach((i, k) => (whole[i] = found[k]));
    }
    return whole;
  }

  async lookup(keys: readonly string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    const paths = keys.map((key) => (key.startsWith(TEAM_PREFIX) ? key.slice(TEAM_PREFIX.length) : key));
    const { rows } = await this.client.query<{ i: string; id: string | null }>(
      `SELECT k.i, d.id::text AS id
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(key, path, i)
       LEFT JOIN LATERAL (SELECT id FROM documents WHERE key = k.key OR path = k.path ORDER BY path LIMIT 1) d ON true`,
      [keys, paths],
    );
    const ids: (string | undefined)[] = keys.map(() => undefined);
    for (const row of rows) ids[Number(row.i) - 1] = row.id ?? undefined;
    return ids;
  }

  async documents(ids: readonly string[], warn: (message: string) => void): Promise<RemoteDocument[]> {
    if (ids.length === 0) return [];
    // The documents' rows and their sentences' rows come from two connections at once when there are many.
    const second = ids.length >= SPLIT_BATCH ? await this.second.get() : undefined;
    const [{ rows }, sentences] = await Promise.all([
      this.client.query<Record<string, unknown> & { id: string }>({
        name: 'groundwork-documents',
        text: 'SELECT id::text AS id, path, hash, text, metadata, sentence_count, format_version FROM documents WHERE id = ANY ($1::bigint[]) ORDER BY path',
        values: [ids],
      }),
      (second ?? this.client).query<Record<string, unknown> & { id: string }>({
        name: 'groundwork-document-sentences',
        text: DOCUMENT_SENTENCES_SQL,
        values: [ids],
      }),
    ]);
    const byDocument = new Map(sentences.rows.map((row) => [row.id, row]));
    const documents: RemoteDocument[] = [];
    for (const row of rows) {
      const decoded = decodeDocument(row, byDocument.get(row.id), INDEX_FORMAT_VERSION);
      if ('problem' in decoded) warn(decoded.problem);
      else documents.push(decoded);
    }
    return documents;
  }

  private async phraseHits(queries: { phrase: string; rare: string }[], limit: number): Promise<RemoteHit[][]> {
    const records = queries.map((query, i) => ({ i, ...query })).filter((record) => record.phrase !== '');
    // Beside a search (a typing edit's quotation and its sentence's search), on the other connection.
    return this.hitsPerQuery(queries.length, 'groundwork-phrases', PHRASE_SQL, records, [limit], this.searching > 0);
  }

  /**
   * Runs a batched statement over `records` (its first parameter, as JSON; prepared once per connection, by name)
   * and sorts its rows out per query. A large batch runs half on each of two connections, on two server cores;
   * a batch `beside` another statement runs on the second connection.
   */
  private async hitsPerQuery(
    count: number,
    name: string,
    text: string,
    records: readonly { i: number }[],
    parameters: unknown[],
    beside = false,
  ): Promise<RemoteHit[][]> {
    if (records.length === 0) return Array.from({ length: count }, () => []);
    const second = beside || records.length >= SPLIT_BATCH ? await this.second.get() : undefined;
    if (!second) return this.statement(this.client, count, name, text, records, parameters);
    if (beside) return this.statement(second, count, name, text, records, parameters);
    // Alternate records, so that each half gets as many of the costly queries as the other, on average.
    const half = (client: pg.ClientBase, parity: number) =>
      this.statement(
        client,
        count,
        name,
        text,
        records.filter((_, k) => k % 2 === parity),
        parameters,
      );
    const [even, odd] = await Promise.all([half(this.client, 0), half(second, 1)]);
    return even.map((hits, i) => (hits.length > 0 ? hits : odd[i]));
  }

  /** One batched statement on one connection: each query's rows, in the statement's order. */
  private async statement(
    client: pg.ClientBase,
    count: number,
    name: string,
    text: string,
    records: readonly { i: number }[],
    parameters: unknown[],
  ): Promise<RemoteHit[][]> {
    const hits: RemoteHit[][] = Array.from({ length: count }, () => []);
    if (records.length === 0) return hits;
    const { rows } = await client.query<{ i: number; id: string; ord: number; score?: number }>({
      name,
      text,
      values: [JSON.stringify(records), ...parameters],
    });
    for (const row of rows) hits[row.i]?.push({ id: row.id, sentence: row.ord, score: Number(row.score ?? 0) });
    return hits;
  }
}

/**
 * Two halves whose weights sum to about as much (a statement's time is the sum of its records'): the heaviest
 * goes to the lighter half, and so on.
 */
function evenHalves<T extends { weight: number }>(items: readonly T[]): [T[], T[]] {
  const halves: [T[], T[]] = [[], []];
  const load = [0, 0];
  for (const item of [...items].sort((a, b) => b.weight - a.weight)) {
    const lighter = load[0] <= load[1] ? 0 : 1;
    halves[lighter].push(item);
    load[lighter] += item.weight;
  }
  return halves;
}
