// Many writers at once, on a real server: twenty checkers and a consistency probe run while a push is killed
// midway and run again. No check fails, no snapshot sees half a document or totals that disagree with the rows,
// and the second push completes what the first left, with term counts equal to the in-memory index's.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { CorpusChecker } from '../../src/core/corpus/corpus-checker.js';
import { PassageCache } from '../../src/core/corpus/passage-cache.js';
import { loadLibrary } from '../../src/core/library.js';
import { PostgresCorpus } from '../../src/corpus/postgres/postgres-corpus.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { INGEST_LOCK } from '../../src/corpus/postgres/schema.js';
import { useTestDatabase } from './pg-fixture.js';

const CHECKERS = 20;
const DOCUMENTS = 1_000;

/** Deterministic news-like documents that share no wording with the sample draft's seed article. */
function writeArchive(folder: string): void {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const nouns = [
    'council',
    'harbour',
    'orchestra',
    'refinery',
    'vineyard',
    'library',
    'railway',
    'hospital',
    'glacier',
    'festival',
  ];
  const places = ['Lyon', 'Osaka', 'Tromsø', 'Valparaíso', 'Leeds', 'Porto', 'Tartu', 'Cusco'];
  const verbs = ['reopened', 'expanded', 'closed', 'renovated', 'sold', 'inspected'];
  const days = ['Monday', 'Thursday', 'Saturday'];
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < DOCUMENTS; i++) {
    const sentences = Array.from(
      { length: 12 },
      () =>
        `The ${pick(nouns)} in ${pick(places)} ${pick(verbs)} ${Math.floor(random() * 900) + 10} ${pick(nouns)}s on ${pick(days)}, a spokesperson said.`,
    );
    writeFileSync(
      join(folder, `wire-${String(i).padStart(5, '0')}.txt`),
      `${sentences.slice(0, 6).join(' ')}\n\n${sentences.slice(6).join(' ')}\n`,
    );
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Inconsistencies one REPEATABLE READ snapshot sees: a document without all its sentences, totals off the rows. */
async function tornReads(client: pg.Client): Promise<string[]> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM documents d WHERE d.sentence_count <> (SELECT count(*) FROM sentences s WHERE s.document_id = d.id)) AS partial,
             (SELECT documents FROM corpus) - (SELECT count(*) FROM documents) AS documents_off,
             (SELECT sentences FROM corpus) - (SELECT count(*) FROM sentences) AS sentences_off`);
    const [{ partial, documents_off, sentences_off }] = rows;
    return [
      ...(Number(partial) ? [`${partial} documents seen without all their sentences`] : []),
      ...(Number(documents_off) ? [`document total off by ${documents_off}`] : []),
      ...(Number(sentences_off) ? [`sentence total off by ${sentences_off}`] : []),
    ];
  } finally {
    await client.query('COMMIT');
  }
}

describe('a team corpus under concurrent checks and a killed ingest', function () {
  this.timeout(600_000);
  const database = useTestDatabase(this, 'concurrency');
  let root: string;

  before(function () {
    if (!database.url) this.skip();
    root = mkdtempSync(join(tmpdir(), 'gw-concurrency-'));
    writeArchive(join(root, 'wire'));
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('fails no check, tears no read, and loses nothing the killed push committed', async () => {
    await pushCorpus(database.url, [resolve('seeds')], { cwd: root });
    const draft = readFileSync('examples/draft.md', 'utf8');
    const baseline = await new CorpusChecker(PassageCache.withLocal(undefined), new PostgresCorpus(database.url)).check(
      draft,
    );
    assert.equal(baseline.length, 9);

    let running = true;
    const problems: string[] = [];
    const checksDone: number[] = new Array(CHECKERS).fill(0);
    const checkers = Array.from({ length: CHECKERS }, async (_, n) => {
      const backend = new PostgresCorpus(database.url, { max: 1 });
      const checker = new CorpusChecker(PassageCache.withLocal(undefined), backend, {
        onConnection: (_state, message) => problems.push(`checker ${n}: ${message}`),
        onWarning: (message) => problems.push(`checker ${n}: ${message}`),
      });
      try {
        while (running) {
          const findings = await checker.check(draft, { documentKey: `draft-${n}` });
          if (findings.length !== baseline.length)
            problems.push(`checker ${n}: ${findings.length} findings, not ${baseline.length}`);
          checksDone[n]++;
          // Re-check from scratch next time as well as after edits: every check asks the server again.
          await checker.check(draft.replace('Wednesday', `Wednesday ${checksDone[n]}`), { documentKey: `draft-${n}` });
        }
      } catch (error) {
        problems.push(`checker ${n} failed: ${(error as Error).stack}`);
      } finally {
        await backend.close();
      }
    });
    const probe = withClient(database.url, async (client) => {
      let probes = 0;
      while (running) {
        problems.push(...(await tornReads(client)));
        probes++;
      }
      return probes;
    });

    let second: Awaited<ReturnType<typeof pushCorpus>>;
    let committed: number;
    let probes: number;
    const lock = new pg.Client({ connectionString: database.url });
    lock.on('error', () => {}); // reported by the query that meets it
    try {
      // The first push is killed inside its second batch's transaction. The test holds the ingest lock and lets the
      // push through one transaction at a time: released and asked for again at once, the lock goes to the push
      // (queued first) for one transaction, then back to the test, before the push's next transaction asks.
      await lock.connect();
      const pushWaits = async () => {
        while (!(await lock.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rowCount) {
          await new Promise((wait) => setTimeout(wait, 5));
        }
      };
      await lock.query('SELECT pg_advisory_lock($1)', [INGEST_LOCK]);
      const push = spawn(
        process.execPath,
        [resolve('dist/cli.cjs'), 'corpus', 'push', '--corpus', database.url, 'wire'],
        { cwd: root, stdio: 'ignore' },
      );
      const exited = new Promise<NodeJS.Signals | null>((done) => push.on('exit', (_code, signal) => done(signal)));
      // Its migration, then its first batch.
      for (let transaction = 0; transaction < 2; transaction++) {
        await pushWaits();
        await lock.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK]);
        await lock.query('SELECT pg_advisory_lock($1)', [INGEST_LOCK]);
      }
      await pushWaits();
      push.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
      await lock.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK]);
      committed = Number((await lock.query(`SELECT count(*) FROM documents WHERE path LIKE 'wire/%'`)).rows[0].count);
      assert.ok(
        committed > 0 && committed < DOCUMENTS,
        `the push was killed midway (${committed} of ${DOCUMENTS} documents in)`,
      );

      second = await pushCorpus(database.url, ['wire'], { cwd: root });
    } finally {
      await lock.end().catch(() => {});
      running = false;
      await Promise.all(checkers);
      probes = await probe;
    }

    assert.deepEqual(problems, []);
    assert.ok(
      checksDone.every((count) => count > 0),
      `every checker checked while the pushes ran (${checksDone.join(', ')})`,
    );
    assert.ok(probes > 0);
    assert.equal(second.summary.unchanged, committed, 'what the killed push committed is kept');
    assert.equal(second.summary.added, DOCUMENTS - committed, 'the second push completes the rest');
    await withClient(database.url, async (client) => {
      assert.deepEqual(await tornReads(client), []);
      const { rows } = await client.query(`SELECT documents FROM corpus`);
      assert.equal(Number(rows[0].documents), DOCUMENTS + 1);
      const stored = new Map(
        (await client.query('SELECT term, sentences FROM terms WHERE sentences > 0')).rows.map((row) => [
          row.term,
          Number(row.sentences),
        ]),
      );
      const { library } = await loadLibrary([join(root, 'wire'), resolve('seeds')]);
      const statistics = library.ownStatistics();
      const memory = new Map(
        library
          .exportState()
          .terms.map((term) => [term, statistics.frequency(term)!] as const)
          .filter(([, n]) => n > 0),
      );
      assert.deepEqual(stored, memory);
    });
  });
});
