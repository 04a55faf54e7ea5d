// The language server when its team corpus goes away: one warning (not one per keystroke), the drafts checked
// meanwhile against the local sources (and the corpus's documents already fetched), and a claim only the corpus
// backs supported again without an edit once the server is back. A real cluster of the suite's own is stopped and
// started.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusLabel } from '../../src/corpus/postgres/connection.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { FINDINGS_REQUEST } from '../../src/shared/protocol.js';
import { Editor, summary } from './lsp-editor.js';
import { OwnCluster } from './pg-cluster.js';
import { DRAFT, PLANTED, workspaceCopy } from './team-corpus-fixture.js';

/** A claim only the local folder backs, after the fixture draft's. */
const LOCAL_NOTE =
  'The airport’s second runway reopened on Thursday after repairs, the Afghan civil aviation authority said.\n';
const LOCAL_CLAIM = '\nThe second runway reopened on Thursday after repairs, the civil aviation authority said.\n';
/** A claim only a corpus document backs that shares no word with the rest of the draft, so no check fetches it early. */
const WIRE = 'Engineers will inspect the radar equipment next month, according to a memo.\n';
const WIRE_CLAIM = `\n${WIRE}`;

describe('language server: an unreachable team corpus', function () {
  this.timeout(120_000);
  let cluster: OwnCluster | undefined;
  let workspace: string;
  let editor: Editor | undefined;

  before(async function () {
    cluster = OwnCluster.start(this);
    workspace = workspaceCopy();
    writeFileSync(join(workspace, 'local', 'runway.txt'), LOCAL_NOTE);
    mkdirSync(join(workspace, 'wires'));
    writeFileSync(join(workspace, 'wires', 'radar.txt'), WIRE);
    await pushCorpus(cluster.url, ['seeds', 'wires'], { cwd: workspace });
  });

  after(async () => {
    // The cluster first: a server that died mid-test never answers the shutdown, and its cluster must not outlive it.
    cluster?.remove();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    await editor?.close();
  });

  it('warns once, goes on with what it has, and uses the corpus again when it is back', async () => {
    editor = await Editor.open(workspace, { settings: { sources: ['local'], corpus: cluster!.url } });
    const uri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    const text = DRAFT + LOCAL_CLAIM;
    assert.deepEqual((await editor.openDraft(uri, text)).map(summary), PLANTED);
    const verdictOf = async (start: string) => {
      const { files } = await editor!.connection.sendRequest(FINDINGS_REQUEST, { uris: [uri] });
      const finding = files[0].findings.find((candidate) => candidate.text.startsWith(start))!;
      return `${finding.verdict} ${finding.evidence[0]?.source}`;
    };
    const local = `supported ${join(workspace, 'local', 'runway.txt')}`;
    assert.equal(await verdictOf('The second runway'), local);

    cluster!.stop();
    const label = corpusLabel(cluster!.url);
    const socket = join(cluster!.socketFolder, '.s.PGSQL.5432');
    const warning = `team corpus ${label} cannot be reached (ENOENT: connect ENOENT ${socket}); checking against the local sources only`;
    const withWire = text + WIRE_CLAIM;
    const during = await editor.edit(uri, 2, withWire);
    assert.deepEqual(during.map(summary), [...PLANTED, 'unsupported 18:0-18:74 no source says this']);
    assert.equal(await verdictOf('The second runway'), local);
    await editor.edit(uri, 3, withWire.replace('on Friday', 'on Monday'));
    await editor.edit(uri, 4, withWire);
    assert.deepEqual(
      editor.shown.map(({ message }) => message),
      [`Groundwork: ${warning}`],
    );
    assert.equal(editor.logs.filter((line) => line === warning).length, 1);
    assert.deepEqual(editor.corpusProblems, [[{ label, state: 'unreachable', message: warning }]]);

    const restarted = editor.published.length;
    cluster!.restart();
    // Nobody types: the server tries again after its retry interval and checks the draft again.
    const after = await editor.diagnostics(uri, 4, restarted, (diagnostics) => diagnostics.length === PLANTED.length);
    assert.deepEqual(after.map(summary), PLANTED);
    assert.equal(await verdictOf('Engineers will'), 'supported team:wires/radar.txt');
    assert.deepEqual(editor.corpusProblems.at(-1), []);
    assert.equal(editor.logs.filter((line) => line === `team corpus ${label} is reachable again`).length, 1);
    assert.equal(editor.shown.length, 1);
  });
});
