// Checking drafts against a team corpus on a real PostgreSQL server: the same verdicts as from the same sources
// in a folder, evidence naming where it came from, a typing edit asking only for its own paragraph, and an
// unreachable server costing one message while the local sources keep working.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftChecker } from '../../src/core/checker.js';
import { CorpusChecker } from '../../src/core/corpus/corpus-checker.js';
import { PassageCache } from '../../src/core/corpus/passage-cache.js';
import { loadLibrary } from '../../src/core/library.js';
import { PostgresCorpus } from '../../src/corpus/postgres/postgres-corpus.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { useTestDatabase } from './pg-fixture.js';
import { RecordingBackend } from './recording-backend.js';
import { verdicts } from './team-corpus-fixture.js';

const SHARED_EVAL = '../shared/eval';

function groundwork(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('groundwork check --corpus', function () {
  this.timeout(120_000);
  const database = useTestDatabase(this, 'check');

  before(async function () {
    if (!database.url) this.skip();
    await pushCorpus(database.url, ['seeds']);
  });

  it('prints the same lines as the folder, naming the team corpus as the source', () => {
    const folder = groundwork('check', '--no-cache', '--sources', 'seeds', 'examples/draft.md');
    const team = groundwork('check', '--corpus', database.url, 'examples/draft.md');
    assert.equal(team.code, 1);
    assert.equal(team.stderr, '');
    assert.equal(
      team.stdout,
      folder.stdout.replaceAll('(000_f04d67d5c7de7c34.txt:', '(team:000_f04d67d5c7de7c34.txt:'),
    );
    const json = JSON.parse(
      groundwork('check', '--corpus', database.url, '--format', 'json', 'examples/draft.md').stdout,
    );
    assert.equal(json.files[0].findings[0].evidence[0].source, 'team:seeds/000_f04d67d5c7de7c34.txt');
  });

  it('reads the corpus from GROUNDWORK_CORPUS, and refuses a connection string with a password', () => {
    const viaEnvironment = spawnSync(process.execPath, ['dist/cli.cjs', 'check', 'examples/draft.md'], {
      encoding: 'utf8',
      env: { ...process.env, GROUNDWORK_CORPUS: database.url },
    });
    assert.equal(viaEnvironment.status, 1);
    assert.match(viaEnvironment.stdout, /\(team:000_f04d67d5c7de7c34\.txt:29\)/);
    const withPassword = groundwork(
      'check',
      '--corpus',
      'postgresql://writer:hunter2@db.example/news',
      'examples/draft.md',
    );
    assert.equal(withPassword.code, 2);
    assert.match(
      withPassword.stderr,
      /^groundwork: error: the team corpus connection string names a password: remove it/,
    );
  });

  it('gives one clear message when the server cannot be reached, and checks against the local sources', () => {
    const unreachable = 'postgresql://nobody@/groundwork?host=/nonexistent-groundwork-socket';
    const folder = groundwork('check', '--no-cache', '--sources', 'seeds', 'examples/draft.md');
    const both = groundwork('check', '--no-cache', '--corpus', unreachable, '--sources', 'seeds', 'examples/draft.md');
    assert.equal(both.code, 1);
    assert.equal(both.stdout, folder.stdout);
    assert.equal(
      both.stderr,
      'groundwork: warning: the team corpus cannot be reached (connect ENOENT /nonexistent-groundwork-socket/.s.PGSQL.5432); checking against the local sources only\n',
    );
    const alone = groundwork('check', '--corpus', unreachable, 'examples/draft.md');
    assert.equal(alone.code, 2);
    assert.equal(
      alone.stderr,
      'groundwork: error: the team corpus cannot be reached (connect ENOENT /nonexistent-groundwork-socket/.s.PGSQL.5432)\n',
    );
  });

  it("sends only the edited sentence's searches on a typing edit, with the result a fresh check gives", async () => {
    const backend = new RecordingBackend(new PostgresCorpus(database.url));
    try {
      const checker = new CorpusChecker(PassageCache.withLocal(undefined), backend);
      const draft = readFileSync('examples/draft.md', 'utf8');
      await checker.check(draft, { documentKey: 'draft' });
      const firstSearches = backend.searches.flat().length;
      assert.ok(firstSearches >= 6, `the first check searches for every sentence (${firstSearches})`);
      backend.searches.length = 0;
      const edited = draft.replace('Some 250 members', 'Some 2500 members');
      assert.notEqual(edited, draft);
      const findings = await checker.check(edited, { documentKey: 'draft' });
      const editSearches = backend.searches.flat().length;
      assert.ok(
        editSearches >= 1 && editSearches <= 3,
        `an edit searches only for its own sentence (${editSearches} searches)`,
      );
      const fresh = await new CorpusChecker(PassageCache.withLocal(undefined), new PostgresCorpus(database.url)).check(
        edited,
      );
      assert.deepEqual(verdicts(findings), verdicts(fresh));
    } finally {
      await backend.close();
    }
  });
});

describe('a team corpus row that does not decode', function () {
  this.timeout(120_000);
  const database = useTestDatabase(this, 'damaged');

  it('is skipped with one warning naming it, and the check goes on', async function () {
    if (!database.url) this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'gw-damaged-'));
    try {
      writeFileSync(join(folder, 'copy.txt'), readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8'));
      await pushCorpus(database.url, ['seeds', folder], { cwd: process.cwd() });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(
        `UPDATE documents SET metadata = '"not an object"' WHERE path LIKE '%copy.txt' RETURNING path`,
      );
      await client.end();
      assert.equal(rows.length, 1);
      const { code, stdout, stderr } = groundwork('check', '--corpus', database.url, 'examples/draft.md');
      assert.equal(code, 1);
      assert.equal(stderr, `groundwork: warning: team:${rows[0].path}: stored with unreadable metadata; skipped\n`);
      assert.match(stdout, /\(team:000_f04d67d5c7de7c34\.txt:29\)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the eval drafts against a team corpus', function () {
  this.timeout(120_000);
  const database = useTestDatabase(this, 'eval');

  it('get the verdicts the same sources give from a folder', async function () {
    if (!existsSync(join(SHARED_EVAL, 'public/drafts'))) this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'gw-eval-sources-'));
    try {
      spawnSync(process.execPath, [join(SHARED_EVAL, 'make-sources.mjs'), folder]);
      await pushCorpus(database.url, [folder]);
      const { library } = await loadLibrary([folder]);
      const local = new DraftChecker(library);
      const backend = new PostgresCorpus(database.url);
      const team = new CorpusChecker(PassageCache.withLocal(undefined), backend);
      try {
        const drafts = readdirSync(join(SHARED_EVAL, 'public/drafts')).filter((name) => name.endsWith('.md'));
        assert.ok(drafts.length >= 3);
        for (const name of drafts) {
          const text = readFileSync(join(SHARED_EVAL, 'public/drafts', name), 'utf8');
          const expected = verdicts(local.check(text));
          assert.ok(expected.length > 10);
          assert.deepEqual(verdicts(await team.check(text)), expected, name);
        }
      } finally {
        await backend.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
