// A ranked search on PostgreSQL scores the sentences holding two query terms first and the rest only where they
// could rank (src/corpus/postgres/ranked-search.ts): it must return exactly what scoring every candidate returns.
// Scoring every candidate at once is what a search does when the cap on candidates may apply (`walkedSentences`
// above it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RankedQuery } from '../../src/core/corpus/backend.js';
import { CorpusChecker } from '../../src/core/corpus/corpus-checker.js';
import { PassageCache } from '../../src/core/corpus/passage-cache.js';
import { PostgresCorpus } from '../../src/corpus/postgres/postgres-corpus.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { TWO_STEPS_FROM } from '../../src/corpus/postgres/ranked-search.js';
import { useTestDatabase } from './pg-fixture.js';
import { RecordingBackend } from './recording-backend.js';

const SHARED_EVAL = '../shared/eval';

/**
 * Each query's hits as the two-step search finds them, and as scoring every candidate does. A small corpus's searches
 * have few candidates, which are scored at once: they are said to have enough for two steps (an upper bound still).
 */
async function bothWays(backend: PostgresCorpus, queries: readonly RankedQuery[]) {
  return backend.snapshot(async (view) => ({
    twoSteps: await view.search(
      queries.map((query) => ({ ...query, walkedSentences: Math.max(query.walkedSentences, TWO_STEPS_FROM) })),
    ),
    everyCandidate: await view.search(queries.map((query) => ({ ...query, walkedSentences: Infinity }))),
  }));
}

describe('ranked search on PostgreSQL', function () {
  this.timeout(120_000);
  const database = useTestDatabase(this, 'ranked');
  let folder = '';

  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'gw-ranked-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('finds a short sentence holding only the rare walked term when it outscores the rest', async () => {
    // "Quokka." alone outscores the sentences holding "quokka" with another query term (a shorter sentence's
    // length factor is larger): the first step misses it, the second must find it.
    writeFileSync(join(folder, 'a.txt'), 'Quokka.\n\nA quokka and a council.\n\nThe council met about the plan.\n');
    writeFileSync(join(folder, 'b.txt'), 'The quokka plan went to the council after a long public consultation.\n');
    await pushCorpus(database.url, [folder]);
    const backend = new PostgresCorpus(database.url);
    try {
      const query = (limit: number): RankedQuery => ({
        walked: ['quokka'],
        terms: ['quokka', 'council', 'plan'],
        idfs: [5, 0.5, 0.5],
        averageLength: 6,
        limit,
        walkedSentences: 3,
      });
      const { twoSteps, everyCandidate } = await bothWays(backend, [1, 2, 3, 4].map(query));
      assert.deepEqual(twoSteps, everyCandidate);
      assert.deepEqual(
        twoSteps[0].map((hit) => hit.sentence),
        [0],
        'the one-word sentence ranks first',
      );
      assert.equal(twoSteps[3].length, 3);
    } finally {
      await backend.close();
    }
  });

  it('finds what scoring every candidate finds for every search of the eval drafts', async function () {
    if (!existsSync(join(SHARED_EVAL, 'public/drafts'))) this.skip();
    spawnSync(process.execPath, [join(SHARED_EVAL, 'make-sources.mjs'), folder]);
    await pushCorpus(database.url, [folder]);
    const backend = new PostgresCorpus(database.url);
    try {
      const recording = new RecordingBackend(backend);
      const checker = new CorpusChecker(PassageCache.withLocal(undefined), recording);
      for (const name of readdirSync(join(SHARED_EVAL, 'public/drafts')).filter((file) => file.endsWith('.md')))
        await checker.check(readFileSync(join(SHARED_EVAL, 'public/drafts', name), 'utf8'));
      assert.ok(recording.searches.flat().length > 50);
      const { twoSteps, everyCandidate } = await bothWays(backend, recording.searches.flat());
      assert.deepEqual(twoSteps, everyCandidate);
    } finally {
      await backend.close();
    }
  });
});
