import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PLANTED, PLANTED_SUMMARY, isPlanted } from './expected.js';
import { DRAFT, findRange, groundworkDiagnostics, openDraft, restoreText, summarise, waitForDiagnostics, workspaceUri } from './helpers.js';

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

describe('quick fixes', () => {
  let editor: vscode.TextEditor;
  let original: string;

  before(async () => {
    editor = await openDraft(DRAFT);
    original = editor.document.getText();
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors');
  });

  afterEach(async () => {
    editor = await openDraft(DRAFT);
    if (editor.document.getText() !== original) await restoreText(editor, original);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors after restoring the draft');
  });

  for (const planted of PLANTED) {
    it(`replaces the ${planted.code} with the source's`, async () => {
      const diagnostic = groundworkDiagnostics(editor.document.uri).find((candidate) => candidate.code === planted.code)!;
      assert.ok(diagnostic, `no ${planted.code} diagnostic`);
      const actions = await actionsAt(editor.document.uri, diagnostic.range);
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.ok(fix.title.startsWith("Replace with the source's"), fix.title);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.lineAt(diagnostic.range.start.line).text, planted.fixedLine);
      await waitForDiagnostics(editor.document.uri, (summary) => !summary.includes(`${planted.code} ${planted.range}`), `the ${planted.code} underline to go`);
    });
  }

  it('inserts a citation to the supporting source', async () => {
    const range = findRange(editor.document, 'a priority for Biden');
    const actions = await actionsAt(editor.document.uri, range);
    const cite = actions.find((action) => action.title === 'Cite the source: [@000_f04d67d5c7de7c34]');
    assert.ok(cite?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.ok(await vscode.workspace.applyEdit(cite.edit));
    assert.equal(editor.document.lineAt(range.start.line).text, 'White House spokeswoman Jen Psaki called the meeting a priority for Biden [@000_f04d67d5c7de7c34].');
  });

  it('ignores a finding in .groundwork.json, and the ignore survives edits elsewhere', async () => {
    const date = groundworkDiagnostics(editor.document.uri).find((candidate) => candidate.code === 'date')!;
    const ignore = (await actionsAt(editor.document.uri, date.range)).find((action) => action.title.startsWith('Ignore this finding'));
    assert.ok(ignore?.command, 'no ignore action');
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await waitForDiagnostics(editor.document.uri, (summary) => !summary.some((line) => line.startsWith('date')), 'the ignored date underline to go');
    const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.groundwork.json'))));
    assert.equal(config.ignore.length, 1);
    assert.equal(config.ignore[0].note, date.message);
    assert.match(config.ignore[0].fingerprint, /^[0-9a-f]{16}$/);

    // An edit above the sentence moves it down a line; the finding stays ignored, the others move with it.
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), 'An added paragraph about nothing in particular.\n\n'));
    await waitForDiagnostics(editor.document.uri, (summary) => summary.includes('number 10:5-10:8'), 'the re-check after the edit');
    assert.deepEqual(summarise(groundworkDiagnostics(editor.document.uri)).filter((line) => line.startsWith('date')), []);
    await vscode.workspace.fs.delete(workspaceUri('.groundwork.json'));
  });

  it('disables Groundwork for one line with a comment', async () => {
    const entity = groundworkDiagnostics(editor.document.uri).find((candidate) => candidate.code === 'entity')!;
    const disable = (await actionsAt(editor.document.uri, entity.range)).find((action) => action.title === 'Disable Groundwork for this line');
    assert.ok(disable?.edit, 'no disable action');
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(editor.document.lineAt(entity.range.start.line).text, '<!-- groundwork-disable-next-line -->');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (summary) => !summary.some((line) => line.startsWith('entity')), 'the entity underline to go');
    assert.deepEqual(summarise(diagnostics), PLANTED_SUMMARY.filter((line) => !line.startsWith('entity')));
  });
});
