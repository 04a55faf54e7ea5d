// `groundwork corpus status`: what the team corpus holds and when it was last pushed to.
import { corpusLabel, createPool, type PoolOptions } from './connection.js';
import { requireSchema } from './schema.js';
import { decodeTotals } from './rows.js';

export interface CorpusStatus {
  corpus: string;
  documents: number;
  sentences: number;
  /** The corpus's tables and indexes on disk, bytes. */
  bytes: number;
  /** `rum` or `gin`: the index sentences are searched through. */
  index: string;
  lastIngest?: {
    startedAt: string;
    finishedAt?: string;
    added: number;
    replaced: number;
    removed: number;
    unchanged: number;
  };
}

export async function corpusStatus(url: string, options: PoolOptions = {}): Promise<CorpusStatus> {
  const label = corpusLabel(url);
  const pool = createPool(url, { ...options, max: 1 });
  try {
    const client = await pool.connect();
    try {
      await requireSchema(client, label);
      const totals = decodeTotals(
        (await client.query<Record<string, unknown>>('SELECT documents, sentences, terms, generation FROM corpus'))
          .rows[0],
      );
      const size = await client.query<{ bytes: string; index: string | null }>(
        `SELECT (SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['documents', 'sentences', 'terms', 'corpus', 'ingests']::regclass[]) AS c)::text AS bytes,
                (SELECT am.amname FROM pg_class i JOIN pg_am am ON am.oid = i.relam WHERE i.relname = 'sentences_terms') AS index`,
      );
      const last = await client.query<{
        started_at: string | Date;
        finished_at: string | Date | null;
        added: number;
        replaced: number;
        removed: number;
        unchanged: number;
      }>(`SELECT started_at, finished_at, added, replaced, removed, unchanged FROM ingests ORDER BY id DESC LIMIT 1`);
      const ingest = last.rows[0];
      return {
        corpus: label,
        documents: totals.documents,
        sentences: totals.sentences,
        bytes: Number(size.rows[0].bytes),
        index: size.rows[0].index ?? 'none',
        lastIngest: ingest && {
          startedAt: new Date(ingest.started_at).toISOString(),
          finishedAt: ingest.finished_at ? new Date(ingest.finished_at).toISOString() : undefined,
          added: ingest.added,
          replaced: ingest.replaced,
          removed: ingest.removed,
          unchanged: ingest.unchanged,
        },
      };
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}
