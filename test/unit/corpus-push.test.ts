// `groundwork corpus push` and `status` against a real PostgreSQL server: incremental by content hash, deletions,
// dry runs, exact term counts, hostile names and text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadLibrary } from '../../src/core/library.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { corpusStatus } from '../../src/corpus/postgres/status.js';
import { useTestDatabase } from './pg-fixture.js';

const SEED = readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8');

async function query<T extends pg.QueryResultRow>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/** The in-memory index's sentence frequency of every term, for the same files. */
async function memoryFrequencies(folder: string): Promise<Map<string, number>> {
  const { library } = await loadLibrary([folder]);
  const statistics = library.ownStatistics();
  const frequencies = new Map<string, number>();
  for (const term of library.exportState().terms) {
    const frequency = statistics.frequency(term)!;
    if (frequency > 0) frequencies.set(term, frequency);
  }
  return frequencies;
}

async function storedFrequencies(url: string): Promise<Map<string, number>> {
  const rows = await query<{ term: string; sentences: string }>(
    url,
    'SELECT term, sentences FROM terms WHERE sentences > 0',
  );
  return new Map(rows.map((row) => [row.term, Number(row.sentences)]));
}

describe('groundwork corpus push', function () {
  this.timeout(60_000);
  const database = useTestDatabase(this, 'push');
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gw-push-'));
    mkdirSync(join(root, 'archive'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('adds, then leaves unchanged, replaces changed files and removes deleted ones, keeping term counts exact', async () => {
    const paragraphs = SEED.split('\n\n');
    writeFileSync(join(root, 'archive/one.txt'), paragraphs.slice(0, 6).join('\n\n'));
    writeFileSync(join(root, 'archive/two.txt'), paragraphs.slice(6, 12).join('\n\n'));
    writeFileSync(
      join(root, 'archive/three.md'),
      `---\ntitle: Three\nid: third\n---\n${paragraphs.slice(12).join('\n\n')}`,
    );
    const first = await pushCorpus(database.url, ['archive'], { cwd: root });
    assert.deepEqual(
      {
        added: first.summary.added,
        replaced: first.summary.replaced,
        removed: first.summary.removed,
        unchanged: first.summary.unchanged,
      },
      { added: 3, replaced: 0, removed: 0, unchanged: 0 },
    );
    assert.deepEqual(await storedFrequencies(database.url), await memoryFrequencies(join(root, 'archive')));

    const again = await pushCorpus(database.url, ['archive'], { cwd: root });
    assert.equal(again.summary.unchanged, 3);
    assert.equal(again.summary.added + again.summary.replaced + again.summary.removed, 0);

    writeFileSync(join(root, 'archive/two.txt'), paragraphs.slice(6, 9).join('\n\n'));
    rmSync(join(root, 'archive/one.txt'));
    writeFileSync(join(root, 'archive/four.txt'), paragraphs.slice(20, 24).join('\n\n'));
    const preview = await pushCorpus(database.url, ['archive'], { cwd: root, dryRun: true });
    assert.deepEqual(
      [preview.summary.added, preview.summary.replaced, preview.summary.removed, preview.summary.unchanged],
      [1, 1, 1, 1],
    );
    const paths = async () =>
      (await query<{ path: string }>(database.url, 'SELECT path FROM documents ORDER BY path')).map((row) => row.path);
    assert.deepEqual(
      await paths(),
      ['archive/one.txt', 'archive/three.md', 'archive/two.txt'],
      'a dry run writes nothing',
    );

    const third = await pushCorpus(database.url, ['archive'], { cwd: root });
    assert.deepEqual(
      [third.summary.added, third.summary.replaced, third.summary.removed, third.summary.unchanged],
      [1, 1, 1, 1],
    );
    assert.deepEqual(await paths(), ['archive/four.txt', 'archive/three.md', 'archive/two.txt']);
    assert.deepEqual(await storedFrequencies(database.url), await memoryFrequencies(join(root, 'archive')));
    const [keyed] = await query<{ key: string; title: string }>(
      database.url,
      `SELECT key, metadata->>'title' AS title FROM documents WHERE path = 'archive/three.md'`,
    );
    assert.deepEqual(keyed, { key: 'third', title: 'Three' });

    const status = await corpusStatus(database.url);
    const { sentences } = (
      await query<{ sentences: string }>(database.url, 'SELECT count(*) AS sentences FROM sentences')
    )[0];
    assert.equal(status.documents, 3);
    assert.equal(status.sentences, Number(sentences));
    assert.ok(status.bytes > 0);
    assert.equal(status.lastIngest?.added, 1);
    assert.ok(status.lastIngest?.finishedAt);
  });

  it('stores hostile file names and text as they are, and finds them', async () => {
    const names = [
      `it's "quoted"; DROP TABLE documents;--.txt`,
      `back\\slash $1 :* <-> & | !.txt`,
      `naïve ünïcödé ✓.md`,
    ];
    const texts = [
      `The minister's aide said: "it's a 'bad' idea; DROP TABLE sentences;--" on Monday.\n`,
      `Lexemes like 'a':1 and b\\c or :* with <-> & | ! ( ) must not change a query, the engineer said.\n`,
      `Café owners in Zürich reported ✓ 3.5% growth in 2023.\n`,
    ];
    names.forEach((name, i) => writeFileSync(join(root, 'archive', name), texts[i]));
    const { summary, warnings } = await pushCorpus(database.url, ['archive'], { cwd: root });
    assert.deepEqual(warnings, []);
    assert.equal(summary.added, 3);
    const rows = await query<{ path: string; text: string }>(
      database.url,
      `SELECT path, text FROM documents WHERE path LIKE 'archive/%' ORDER BY path`,
    );
    const hostile = new Map(rows.map((row) => [row.path, row.text]));
    names.forEach((name, i) => assert.equal(hostile.get(`archive/${name}`), texts[i]));
    assert.deepEqual(await storedFrequencies(database.url), await memoryFrequencies(join(root, 'archive')));
    // The quote-bearing lexemes are searchable through the same escaping.
    const [found] = await query<{ count: string }>(
      database.url,
      `SELECT count(*) FROM sentences WHERE tsv @@ $1::tsquery`,
      [`'minist' <-> 'aid'`],
    );
    assert.equal(Number(found.count), 1);
  });
});
