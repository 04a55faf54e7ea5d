// Where the language server sends a team corpus password, against a real cluster whose `writer` role must give one
// (scram-sha-256): the environment's PGPASSWORD only to a connection string the user's own settings name, a stored
// password only to the exact string it was stored for, never to one a workspace's .groundwork.json names on its own;
// and a connection string with a password in it is refused with one warning.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { corpusLabel } from '../../src/corpus/postgres/connection.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { Editor, summary, type EditorOptions } from './lsp-editor.js';
import { OwnCluster } from './pg-cluster.js';
import { DRAFT, PLANTED, workspaceCopy } from './team-corpus-fixture.js';

const PASSWORD = 'correct horse battery staple';

describe('language server: a team corpus password', function () {
  this.timeout(120_000);
  let cluster: OwnCluster | undefined;
  let workspace: string;
  let writerUrl: string;
  let draftUri: string;
  /** No ~/.pgpass of the machine's may answer for the tests. */
  const environment: NodeJS.ProcessEnv = { ...process.env, PGPASSFILE: '/nonexistent/groundwork-test-pgpass' };
  delete environment.PGPASSWORD;

  before(async function () {
    cluster = OwnCluster.start(this);
    workspace = workspaceCopy();
    draftUri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    await pushCorpus(cluster.url, ['seeds'], { cwd: workspace });
    const owner = new pg.Client({ connectionString: cluster.url });
    await owner.connect();
    try {
      await owner.query(`CREATE ROLE writer LOGIN PASSWORD '${PASSWORD}'`);
      await owner.query('GRANT SELECT ON ALL TABLES IN SCHEMA public TO writer');
      writeFileSync(cluster.hbaFile, `local all writer scram-sha-256\n${readFileSync(cluster.hbaFile, 'utf8')}`);
      await owner.query('SELECT pg_reload_conf()');
    } finally {
      await owner.end();
    }
    writerUrl = cluster.url.replace(/^postgresql:\/\/[^@]+@/, 'postgresql://writer@');
  });

  after(() => {
    cluster?.remove();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  /** The draft's diagnostics, and what the editor was shown and asked, with this project file and editor. */
  async function check(project: Record<string, unknown>, options: EditorOptions) {
    writeFileSync(join(workspace, '.groundwork.json'), JSON.stringify({ sources: ['local'], ...project }));
    const editor = await Editor.open(workspace, { environment, ...options });
    try {
      const diagnostics = await editor.openDraft(draftUri, DRAFT);
      return {
        diagnostics: diagnostics.map(summary),
        shown: editor.shown.map(({ message }) => message),
        asked: editor.passwordRequests,
      };
    } finally {
      await editor.close();
    }
  }

  const noPassword = (url: string) =>
    `Groundwork: team corpus ${corpusLabel(url)} cannot be reached (SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string); checking against the local sources only; give its password with “Groundwork: Set Team Corpus Password”`;

  it("sends PGPASSWORD to a corpus the user's settings name, not to one only .groundwork.json names", async () => {
    const withPassword = { ...environment, PGPASSWORD: PASSWORD };
    const named = await check({}, { settings: { corpus: writerUrl }, environment: withPassword });
    assert.deepEqual(named, { diagnostics: PLANTED, shown: [], asked: [] });
    const unnamed = await check({ corpus: writerUrl }, { settings: {}, environment: withPassword });
    assert.deepEqual(unnamed.shown, [noPassword(writerUrl)]);
    assert.ok(!unnamed.diagnostics.some((line) => line.startsWith('number')), unnamed.diagnostics.join('\n'));
  });

  it('sends a stored password only to the exact connection string it was stored for', async () => {
    const stored = await check({ corpus: writerUrl }, { settings: {}, passwords: { [writerUrl]: PASSWORD } });
    assert.deepEqual(stored, { diagnostics: PLANTED, shown: [], asked: [writerUrl] });
    const elsewhere = `${writerUrl}&application_name=elsewhere`;
    const other = await check({ corpus: elsewhere }, { settings: {}, passwords: { [writerUrl]: PASSWORD } });
    assert.deepEqual(other.asked, [elsewhere]);
    assert.deepEqual(other.shown, [noPassword(elsewhere)]);
  });

  it('refuses a connection string with a password in it, with one warning, and checks the local sources', async () => {
    const leaked = writerUrl.replace('writer@', `writer:${encodeURIComponent(PASSWORD)}@`);
    const refused = await check({ corpus: leaked }, { settings: {}, passwords: {} });
    assert.deepEqual(refused.shown, [
      'Groundwork: the team corpus connection string names a password, so it is not used: remove the password from it (and change the password, if the settings are shared), and give it with “Groundwork: Set Team Corpus Password”, PGPASSWORD or a PGPASSFILE (~/.pgpass)',
    ]);
    assert.deepEqual(refused.asked, []);
    assert.ok(!refused.diagnostics.some((line) => line.startsWith('number')), refused.diagnostics.join('\n'));
  });
});
