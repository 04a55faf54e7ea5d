// The team corpus's tables, and the migrations that make them. A corpus records its schema version; a push
// migrates it (under the ingest lock), a check only reads and refuses a schema it does not know.
//
//   documents   one row per stored file version: path (unique), citation key, content hash, text, metadata
//   sentences   per document, each sentence's offsets and paragraph, its index terms in order (space-separated:
//               a fetched document is not analysed again) and as a tsvector (positions among the terms, for
//               phrase lookups) under a GIN index
//   terms       per index term, how many sentences use it: BM25's idf, kept exact in each ingest transaction
//   corpus      one row: totals, and a generation bumped by every committed ingest batch
//   ingests     one row per push: when, what it did, whether it finished
import type pg from 'pg';

export const SCHEMA_VERSION = 1;
/** Every writer of the corpus holds this (transaction-scoped) advisory lock while it writes. */
export const INGEST_LOCK = 727_001;

export class CorpusSchemaError extends Error {}

const MIGRATIONS: ((client: pg.ClientBase) => Promise<void>)[] = [
  async (client) => {
    await client.query(`
      CREATE TABLE documents (
        id bigserial PRIMARY KEY,
        path text NOT NULL UNIQUE,
        key text NOT NULL,
        hash text NOT NULL,
        format_version int NOT NULL,
        text text NOT NULL,
        metadata jsonb NOT NULL,
        sentence_count int NOT NULL,
        bytes int NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_key ON documents (key);
      CREATE TABLE sentences (
        document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        ord int NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        paragraph int NOT NULL,
        length int NOT NULL,
        terms text NOT NULL,
        tsv tsvector NOT NULL,
        PRIMARY KEY (document_id, ord)
      );
      CREATE TABLE terms (term text PRIMARY KEY, sentences bigint NOT NULL);
      CREATE TABLE corpus (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        documents bigint NOT NULL DEFAULT 0,
        sentences bigint NOT NULL DEFAULT 0,
        terms bigint NOT NULL DEFAULT 0,
        generation bigint NOT NULL DEFAULT 0
      );
      INSERT INTO corpus DEFAULT VALUES;
      CREATE TABLE ingests (
        id bigserial PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        added int NOT NULL DEFAULT 0,
        replaced int NOT NULL DEFAULT 0,
        removed int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0
      );`);
    // GIN, not RUM even where the server has it: RUM took 25x as long per inserted sentence here (9.8 s against
    // 0.4 s for 15,270 sentences), capping a push near 40 documents/s, and what it adds (ordering by its own rank,
    // positions in the index) is not used: sentences are ranked by BM25, and a phrase matches a handful of rows.
    await client.query(`CREATE INDEX sentences_terms ON sentences USING gin (tsv)`);
  },
];

/** The corpus's schema version, 0 when it has none yet. */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('groundwork_schema') IS NOT NULL AS exists`,
  );
  if (!table.rows[0].exists) return 0;
  const version = await client.query<{ version: number }>(`SELECT max(version) AS version FROM groundwork_schema`);
  return Number(version.rows[0]?.version ?? 0);
}

/** Throws unless the corpus has exactly this version's schema (what a reader needs). */
export async function requireSchema(client: pg.ClientBase, label: string): Promise<void> {
  const version = await schemaVersion(client);
  if (version === 0)
    throw new CorpusSchemaError(`${label} holds no Groundwork corpus yet: run groundwork corpus push first`);
  if (version > SCHEMA_VERSION) {
    throw new CorpusSchemaError(
      `${label} has corpus schema ${version}, newer than this Groundwork's (${SCHEMA_VERSION}): update Groundwork`,
    );
  }
  if (version < SCHEMA_VERSION)
    throw new CorpusSchemaError(`${label} has corpus schema ${version}: run groundwork corpus push to migrate it`);
}

/** Brings the schema up to date, in one transaction, under the ingest lock (two pushes never migrate at once). */
export async function migrate(client: pg.ClientBase, label: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS groundwork_schema (version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const version = await schemaVersion(client);
    if (version > SCHEMA_VERSION) {
      throw new CorpusSchemaError(
        `${label} has corpus schema ${version}, newer than this Groundwork's (${SCHEMA_VERSION}): update Groundwork`,
      );
    }
    for (let next = version + 1; next <= SCHEMA_VERSION; next++) {
      await MIGRATIONS[next - 1](client);
      await client.query('INSERT INTO groundwork_schema (version) VALUES ($1)', [next]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
