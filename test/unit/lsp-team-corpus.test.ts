// The language server checking drafts against a team corpus on a real PostgreSQL server, driven over stdio as an
// editor drives it: the diagnostics and verdicts the same sources give from a folder (the fixture draft and the
// eval drafts), evidence named team:FILE, a typing edit asking only for its own sentence.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { corpusLabel } from '../../src/corpus/postgres/connection.js';
import { pushCorpus } from '../../src/corpus/postgres/push.js';
import { FINDINGS_REQUEST, TEAM_SOURCE_REQUEST } from '../../src/shared/protocol.js';
import { Editor, summary } from './lsp-editor.js';
import { useTestDatabase } from './pg-fixture.js';
import { DRAFT, FIXTURE, PLANTED, SEED, verdicts, workspaceCopy } from './team-corpus-fixture.js';

/** The number of sentence searches the server logged for the draft's version. */
function searchesLogged(editor: Editor, uri: string, version: number): number[] {
  return editor.logs.flatMap((line) => {
    const match = / (\d+) sentence searche?s? for (\S+) v(\d+)$/.exec(line);
    return match && match[2] === uri && Number(match[3]) === version ? [Number(match[1])] : [];
  });
}

describe('language server: a team corpus in .groundwork.json', function () {
  this.timeout(120_000);
  const database = useTestDatabase(this, 'lsp');
  let workspace: string;
  let draftUri: string;
  let editor: Editor;
  let diagnostics: Diagnostic[];

  before(async function () {
    if (!database.url) this.skip();
    workspace = workspaceCopy();
    draftUri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    await pushCorpus(database.url, ['seeds'], { cwd: workspace });
    writeFileSync(join(workspace, '.groundwork.json'), JSON.stringify({ sources: ['local'], corpus: database.url }));
    editor = await Editor.open(workspace, { settings: {} });
    diagnostics = await editor.openDraft(draftUri, DRAFT);
  });

  after(async () => {
    await editor?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes the diagnostics the same source gives from a folder, naming it team:FILE', () => {
    assert.deepEqual(diagnostics.map(summary), PLANTED);
    const related = diagnostics[2].relatedInformation![0];
    assert.equal(related.location.uri, `groundwork-team:seeds/${SEED}`);
    assert.equal(related.location.range.start.line, 28);
    assert.equal(related.message, `team:${SEED}: the source says “150”`);
    assert.deepEqual(editor.shown, []);
  });

  it('hovers with the passage from the team corpus, and gives its text to open', async () => {
    const hover = await editor.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: draftUri },
      position: { line: 8, character: 6 },
    });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\n> .*Some \*\*150\*\* members of the Afghan security forces were killed or wounded/);
    const name = `team:${SEED.replace('_', '\\_')}`; // escaped Markdown
    assert.ok(
      value.includes(`\n${name}, 2021-06-11, line 29 · [Open source](groundwork-team:seeds/${SEED}#L29,`),
      value,
    );
    const text = await editor.connection.sendRequest(TEAM_SOURCE_REQUEST, { uri: `groundwork-team:seeds/${SEED}` });
    assert.equal(text, readFileSync(new URL(`seeds/${SEED}`, FIXTURE), 'utf8'));
  });

  it("asks the corpus for every sentence when a draft opens, then only for an edited sentence's", async () => {
    const [opened] = searchesLogged(editor, draftUri, 1);
    assert.ok(opened >= 6, `the first check searches for each sentence (${opened})`);
    const edited = await editor.edit(draftUri, 2, DRAFT.replace('Some 250 members', 'Some 150 members'));
    assert.deepEqual(
      edited.map(summary),
      PLANTED.filter((line) => !line.startsWith('number')),
    );
    const [searches] = searchesLogged(editor, draftUri, 2);
    assert.ok(searches >= 1 && searches <= 3, `an edit searches for its own sentence only (${searches})`);
    assert.equal(
      editor.logs.filter((line) => line.startsWith(`team corpus ${corpusLabel(database.url)}: `)).length,
      2,
      'one check per version',
    );
  });
});

const SHARED_EVAL = '../shared/eval';

describe('language server: the eval drafts against a team corpus', function () {
  this.timeout(180_000);
  const database = useTestDatabase(this, 'lsp_eval');
  let sources: string;
  let workspace: string;

  before(async function () {
    if (!database.url || !existsSync(join(SHARED_EVAL, 'public/drafts'))) this.skip();
    sources = mkdtempSync(join(tmpdir(), 'groundwork-eval-sources-'));
    spawnSync(process.execPath, [join(SHARED_EVAL, 'make-sources.mjs'), sources]);
    await pushCorpus(database.url, [sources]);
    workspace = workspaceCopy();
  });

  after(() => {
    for (const folder of [sources, workspace]) if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('get the diagnostics and verdicts the same sources give from a folder', async () => {
    const drafts = readdirSync(join(SHARED_EVAL, 'public/drafts')).filter((name) => name.endsWith('.md'));
    assert.ok(drafts.length >= 3);
    const checkAll = async (settings: Record<string, unknown>) => {
      const editor = await Editor.open(workspace, { settings });
      try {
        const results = [];
        for (const name of drafts) {
          const uri = pathToFileURL(join(workspace, 'drafts', name)).href;
          const text = readFileSync(join(SHARED_EVAL, 'public/drafts', name), 'utf8');
          const diagnostics = (await editor.openDraft(uri, text)).map(summary);
          const { files } = await editor.connection.sendRequest(FINDINGS_REQUEST, { uris: [uri] });
          results.push({ name, diagnostics, verdicts: verdicts(files[0].findings) });
        }
        return results;
      } finally {
        await editor.close();
      }
    };
    const folder = await checkAll({ sources: [sources] });
    const team = await checkAll({ sources: ['local'], corpus: database.url });
    for (const [i, result] of folder.entries()) {
      assert.ok(result.verdicts.length > 10, result.name);
      assert.deepEqual(team[i], result, result.name);
    }
  });
});
