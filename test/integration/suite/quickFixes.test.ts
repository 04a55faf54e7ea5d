import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PLANTED, PLANTED_SUMMARY, isPlanted } from './expected.js';
import {
  DRAFT,
  findRange,
  groundworkDiagnostics,
  openDraft,
  restoreText,
  summarise,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers.js';

/** Polls the code actions at a range until one matches (the first request can race the language client's start). */
async function actionAt(
  uri: vscode.Uri,
  range: vscode.Range,
  matches: (action: vscode.CodeAction) => boolean,
  what: string,
): Promise<vscode.CodeAction> {
  let titles: string[] = [];
  return waitFor(
    async () => {
      const actions = await vscode.commands
        .executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)
        .then(
          (list) => list,
          () => [],
        );
      titles = actions.map((action) => action.title);
      return actions.find(matches);
    },
    () => `${what} (offered: ${JSON.stringify(titles)})`,
  );
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
      const diagnostic = groundworkDiagnostics(editor.document.uri).find(
        (candidate) => candidate.code === planted.code,
      )!;
      assert.ok(diagnostic, `no ${planted.code} diagnostic`);
      const fix = await actionAt(
        editor.document.uri,
        diagnostic.range,
        (action) => action.isPreferred === true,
        'the preferred fix',
      );
      assert.ok(fix.edit);
      assert.ok(fix.title.startsWith("Replace with the source's"), fix.title);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.lineAt(diagnostic.range.start.line).text, planted.fixedLine);
      await waitForDiagnostics(
        editor.document.uri,
        (summary) => !summary.includes(`${planted.code} ${planted.range}`),
        `the ${planted.code} underline to go`,
      );
    });
  }

  it('inserts a citation to the supporting source', async () => {
    const range = findRange(editor.document, 'a priority for Biden');
    const cite = await actionAt(
      editor.document.uri,
      range,
      (action) => action.title === 'Cite the source: [@000_f04d67d5c7de7c34]',
      'the citation action',
    );
    assert.ok(cite.edit);
    assert.ok(await vscode.workspace.applyEdit(cite.edit));
    assert.equal(
      editor.document.lineAt(range.start.line).text,
      'White House spokeswoman Jen Psaki called the meeting a priority for Biden [@000_f04d67d5c7de7c34].',
    );
  });

  it('ignores a finding in .groundwork.json, and the ignore survives edits elsewhere', async () => {
    const date = groundworkDiagnostics(editor.document.uri).find((candidate) => candidate.code === 'date')!;
    const ignore = await actionAt(
      editor.document.uri,
      date.range,
      (action) => action.title.startsWith('Ignore this finding'),
      'the ignore action',
    );
    assert.ok(ignore.command);
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await waitForDiagnostics(
      editor.document.uri,
      (summary) => !summary.some((line) => line.startsWith('date')),
      'the ignored date underline to go',
    );
    const config = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.groundwork.json'))),
    );
    assert.equal(config.ignore.length, 1);
    assert.equal(config.ignore[0].note, date.message);
    assert.match(config.ignore[0].fingerprint, /^[0-9a-f]{16}$/);

    // An edit above the sentence moves it down a line; the finding stays ignored, the others move with it.
    await editor.edit((builder) =>
      builder.insert(new vscode.Position(1, 0), 'An added paragraph about nothing in particular.\n\n'),
    );
    await waitForDiagnostics(
      editor.document.uri,
      (summary) => summary.includes('number 10:5-10:8'),
      'the re-check after the edit',
    );
    assert.deepEqual(
      summarise(groundworkDiagnostics(editor.document.uri)).filter((line) => line.startsWith('date')),
      [],
    );
    await vscode.workspace.fs.delete(workspaceUri('.groundwork.json'));
  });

  it('disables Groundwork for one line with a comment', async () => {
    const entity = groundworkDiagnostics(editor.document.uri).find((candidate) => candidate.code === 'entity')!;
    const disable = await actionAt(
      editor.document.uri,
      entity.range,
      (action) => action.title === 'Disable Groundwork for this line',
      'the disable action',
    );
    assert.ok(disable.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(editor.document.lineAt(entity.range.start.line).text, '<!-- groundwork-disable-next-line -->');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (summary) => !summary.some((line) => line.startsWith('entity')),
      'the entity underline to go',
    );
    assert.deepEqual(
      summarise(diagnostics),
      PLANTED_SUMMARY.filter((line) => !line.startsWith('entity')),
    );
  });
});
