// `groundwork corpus push`: source files into the team corpus, idempotently and incrementally. Files are compared
// by content hash with what is stored (and by the analysis version): unchanged ones are not written, changed ones
// replace their old version, and stored documents in the push's scope whose files are gone are removed. Each
// batch of documents is one transaction under the ingest lock, with its sentences and the term counts it adds or
// takes away: a push killed midway leaves whole batches, and the next push completes the rest.
import { listSourceFiles, readListedFiles, type ListedFile, type SourceFile } from '../../core/sources/load.js';
import { analyseFiles, INDEX_FORMAT_VERSION, type LibraryState } from '../../core/library.js';
import type { SourceWarning } from '../../core/types.js';
import { AnalysisWorkers, analysisWorkerCount } from './analysis-workers.js';
import { corpusLabel, createPool, type PoolOptions } from './connection.js';
import { INGEST_LOCK, migrate, schemaVersion } from './schema.js';
import { pushScope, storedPath } from './push-scope.js';
import { isStorableTerm, sentenceVector } from './tsvector.js';
import { resolve } from 'node:path';
import type pg from 'pg';

/** Documents per transaction: large enough that a round trip costs nothing next to the rows, small enough to redo. */
const BATCH_DOCUMENTS = 250;

export interface PushOptions extends PoolOptions {
  dryRun?: boolean;
  /** Paths are stored relative to this folder (default: the current one). */
  cwd?: string;
  maxFileBytes?: number;
  /** Worker threads analysing files ahead of the database (default: one core less than the machine has, 1 to 4). */
  analysisWorkers?: number;
  onProgress?(done: number, total: number): void;
}

export interface PushSummary {
  corpus: string;
  dryRun: boolean;
  files: number;
  added: number;
  replaced: number;
  removed: number;
  unchanged: number;
  sentences: number;
  seconds: number;
}

interface Stored {
  hash: string;
  formatVersion: number;
}

export async function pushCorpus(
  url: string,
  inputs: readonly string[],
  options: PushOptions = {},
): Promise<{ summary: PushSummary; warnings: SourceWarning[] }> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const label = corpusLabel(url);
  const pool = createPool(url, { ...options, max: 1 });
  const client = await pool.connect();
  try {
    const dryRun = options.dryRun ?? false;
    if (!dryRun) await migrate(client, label);
    const listing = await listSourceFiles(
      inputs.map((input) => resolve(cwd, input)),
      { maxFileBytes: options.maxFileBytes },
    );
    const warnings = [...listing.warnings];
    const stored = (await schemaVersion(client)) === 0 ? new Map<string, Stored>() : await storedDocuments(client);
    const summary: PushSummary = {
      corpus: label,
      dryRun,
      files: listing.files.length,
      added: 0,
      replaced: 0,
      removed: 0,
      unchanged: 0,
      sentences: 0,
      seconds: 0,
    };
    const ingest = dryRun ? undefined : await startIngest(client);
    const listedPaths = new Set<string>();
    // Batches are read and analysed (on worker threads, unless there is only one) ahead of the database writing
    // them, in order, a few at most: how many stay in memory does not grow with the push.
    const workers =
      listing.files.length > BATCH_DOCUMENTS
        ? new AnalysisWorkers(options.analysisWorkers ?? analysisWorkerCount())
        : undefined;
    const analyse = (files: SourceFile[]) => (workers ? workers.analyse(files) : Promise.resolve(analyseFiles(files)));
    const ahead = (workers?.size ?? 0) + 2;
    const written: Promise<void>[] = [];
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let first = 0; first < listing.files.length; first += BATCH_DOCUMENTS) {
        const batch = listing.files.slice(first, first + BATCH_DOCUMENTS);
        const changed = await changedFiles(batch, cwd, stored, listedPaths, summary, warnings);
        const analysed = changed.length > 0 ? analyse(changed) : Promise.resolve(undefined);
        // Its failure is reported by the write that waits for it (or not at all, once an earlier write failed).
        analysed.catch(() => {});
        const done = Math.min(first + BATCH_DOCUMENTS, listing.files.length);
        writing = writing.then(async () => {
          const state = await analysed;
          if (state) {
            summary.sentences += state.documents.reduce((sum, { document }) => sum + document.sentences.length, 0);
            if (!dryRun) await writeBatch(client, state);
          }
          options.onProgress?.(done, listing.files.length);
        });
        written.push(writing.catch(() => {}));
        if (written.length > ahead) await written.shift();
      }
      await writing;
    } finally {
      await workers?.close();
    }
    const inScope = pushScope(inputs, cwd);
    const gone = [...stored.keys()].filter((path) => inScope(path) && !listedPaths.has(path));
    summary.removed = gone.length;
    if (!dryRun && gone.length > 0) await removeDocuments(client, gone);
    if (!dryRun && summary.added + summary.replaced + summary.removed > 0) await settle(client);
    summary.seconds = (performance.now() - started) / 1000;
    if (ingest !== undefined) await finishIngest(client, ingest, summary);
    return { summary, warnings };
  } finally {
    client.release();
    await pool.end();
  }
}

async function storedDocuments(client: pg.ClientBase): Promise<Map<string, Stored>> {
  const { rows } = await client.query<{ path: string; hash: string; format_version: number }>(
    'SELECT path, hash, format_version FROM documents',
  );
  return new Map(rows.map((row) => [row.path, { hash: row.hash, formatVersion: row.format_version }]));
}

/** Reads a batch's files and keeps those whose stored version differs (counting the rest as unchanged). */
async function changedFiles(
  batch: ListedFile[],
  cwd: string,
  stored: Map<string, Stored>,
  listedPaths: Set<string>,
  summary: PushSummary,
  warnings: SourceWarning[],
) {
  const read = await readListedFiles(batch);
  warnings.push(...read.warnings);
  const changed = [];
  for (const file of read.files) {
    const path = storedPath(file.path, cwd);
    listedPaths.add(path);
    const previous = stored.get(path);
    if (previous?.hash === file.hash && previous.formatVersion === INDEX_FORMAT_VERSION) {
      summary.unchanged++;
      continue;
    }
    if (previous) summary.replaced++;
    else summary.added++;
    changed.push({ ...file, path });
  }
  return changed;
}

/** One transaction: the batch's old versions out, its documents, sentences and term counts in. */
async function writeBatch(client: pg.ClientBase, state: LibraryState): Promise<void> {
  const paths: string[] = [];
  const keys: string[] = [];
  const hashes: string[] = [];
  const texts: string[] = [];
  const metadata: string[] = [];
  const sentenceCounts: number[] = [];
  const bytes: number[] = [];
  const sentenceRows = {
    document: [] as number[],
    ord: [] as number[],
    start: [] as number[],
    end: [] as number[],
    paragraph: [] as number[],
    length: [] as number[],
    terms: [] as string[],
    tsv: [] as string[],
  };
  const termCounts = new Map<string, number>();
  let sentenceTotal = 0;
  let termTotal = 0;
  state.documents.forEach(({ document, termIds, sentenceTermStarts }, i) => {
    paths.push(document.path);
    keys.push(document.metadata.id);
    hashes.push(document.hash);
    texts.push(document.text);
    metadata.push(JSON.stringify(document.metadata));
    sentenceCounts.push(document.sentences.length);
    bytes.push(Buffer.byteLength(document.text));
    document.sentences.forEach((sentence, ord) => {
      const terms = Array.from(
        termIds.subarray(sentenceTermStarts[ord], sentenceTermStarts[ord + 1]),
        (id) => state.terms[id],
      );
      sentenceRows.document.push(i);
      sentenceRows.ord.push(ord);
      sentenceRows.start.push(sentence.span.start);
      sentenceRows.end.push(sentence.span.end);
      sentenceRows.paragraph.push(sentence.paragraph);
      sentenceRows.length.push(terms.length);
      // Terms never hold whitespace (they are stems of words): a space separates them.
      sentenceRows.terms.push(terms.join(' '));
      sentenceRows.tsv.push(sentenceVector(terms));
      for (const term of new Set(terms))
        if (isStorableTerm(term)) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      sentenceTotal++;
      termTotal += terms.length;
    });
  });
  await inTransaction(client, async () => {
    await dropDocuments(client, paths);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO documents (path, key, hash, format_version, text, metadata, sentence_count, bytes)
       SELECT p, k, h, $8, t, m, c, b FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::int[], $7::int[]) AS d(p, k, h, t, m, c, b)
       RETURNING id::text AS id`,
      [paths, keys, hashes, texts, metadata, sentenceCounts, bytes, INDEX_FORMAT_VERSION],
    );
    // RETURNING gives rows in the order of the VALUES they came from (an INSERT ... SELECT from unnest keeps it).
    const ids = inserted.rows.map((row) => row.id);
    await client.query(
      `INSERT INTO sentences (document_id, ord, start_offset, end_offset, paragraph, length, terms, tsv)
       SELECT d, o, s, e, p, l, t, v::tsvector
       FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[]) AS r(d, o, s, e, p, l, t, v)`,
      [
        sentenceRows.document.map((i) => ids[i]),
        sentenceRows.ord,
        sentenceRows.start,
        sentenceRows.end,
        sentenceRows.paragraph,
        sentenceRows.length,
        sentenceRows.terms,
        sentenceRows.tsv,
      ],
    );
    const terms = [...termCounts.keys()].sort();
    await client.query(
      `INSERT INTO terms (term, sentences) SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (term) DO UPDATE SET sentences = terms.sentences + excluded.sentences`,
      [terms, terms.map((term) => termCounts.get(term)!)],
    );
    await client.query(
      'UPDATE corpus SET documents = documents + $1, sentences = sentences + $2, terms = terms + $3, generation = generation + 1',
      [paths.length, sentenceTotal, termTotal],
    );
  });
}

async function removeDocuments(client: pg.ClientBase, paths: string[]): Promise<void> {
  for (let first = 0; first < paths.length; first += BATCH_DOCUMENTS) {
    await inTransaction(client, async () => {
      await dropDocuments(client, paths.slice(first, first + BATCH_DOCUMENTS));
      await client.query('UPDATE corpus SET generation = generation + 1');
    });
  }
}

/** Removes stored documents by path, taking their sentences out of the totals and term counts (inside a transaction). */
async function dropDocuments(client: pg.ClientBase, paths: string[]): Promise<void> {
  const { rows } = await client.query<{ documents: string; sentences: string; terms: string }>(
    `WITH old AS (SELECT id FROM documents WHERE path = ANY ($1::text[])),
     counted AS (
       UPDATE terms t SET sentences = t.sentences - g.n
       FROM (SELECT l.lexeme AS term, count(*) AS n FROM sentences s, unnest(s.tsv) AS l WHERE s.document_id IN (SELECT id FROM old) GROUP BY 1) g
       WHERE t.term = g.term RETURNING 1)
     SELECT (SELECT count(*) FROM old) AS documents,
            (SELECT count(*) FROM sentences WHERE document_id IN (SELECT id FROM old)) AS sentences,
            (SELECT coalesce(sum(length), 0) FROM sentences WHERE document_id IN (SELECT id FROM old)) AS terms,
            (SELECT count(*) FROM counted) AS updated`,
    [paths],
  );
  const [gone] = rows;
  if (Number(gone.documents) === 0) return;
  await client.query('DELETE FROM documents WHERE path = ANY ($1::text[])', [paths]);
  await client.query('UPDATE corpus SET documents = documents - $1, sentences = sentences - $2, terms = terms - $3', [
    gone.documents,
    gone.sentences,
    gone.terms,
  ]);
}

/**
 * Leaves the corpus quick to search: GIN keeps new entries in a pending list that every search reads through until
 * it is merged (a bench's first checks after a push took 22 s instead of 2.5 s until autovacuum merged it), and the
 * planner needs the new row counts.
 */
async function settle(client: pg.ClientBase): Promise<void> {
  await client.query(`SELECT gin_clean_pending_list('sentences_terms'::regclass)`);
  await client.query('ANALYZE documents, sentences, terms');
}

async function inTransaction(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function startIngest(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ id: string }>('INSERT INTO ingests DEFAULT VALUES RETURNING id::text AS id');
  return rows[0].id;
}

async function finishIngest(client: pg.ClientBase, id: string, summary: PushSummary): Promise<void> {
  await client.query(
    'UPDATE ingests SET finished_at = now(), added = $2, replaced = $3, removed = $4, unchanged = $5 WHERE id = $1',
    [id, summary.added, summary.replaced, summary.removed, summary.unchanged],
  );
}
