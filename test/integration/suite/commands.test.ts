import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CASUALTY_SENTENCE, DRAFT_COUNTS, PLANTED, isPlanted } from './expected.js';
import {
  DRAFT,
  findRange,
  groundworkDiagnostics,
  NOTES,
  openDraft,
  restoreText,
  SEED,
  summarise,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers.js';

describe('commands', () => {
  it('Check Current Document returns the verdict counts', async () => {
    await openDraft(DRAFT);
    assert.deepEqual(await vscode.commands.executeCommand('groundwork.checkDocument'), DRAFT_COUNTS);
  });

  it('Check All Drafts checks closed drafts too and puts their findings in Problems', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const result = await vscode.commands.executeCommand<{ files: number; counts: typeof DRAFT_COUNTS }>(
      'groundwork.checkWorkspace',
    );
    assert.equal(result.files, 2);
    assert.deepEqual(result.counts, {
      supported: DRAFT_COUNTS.supported + 1,
      contradicted: DRAFT_COUNTS.contradicted + 1,
      unsupported: 0,
    });
    assert.deepEqual(summarise(groundworkDiagnostics(workspaceUri(NOTES))), ['number 2:112-2:114']);
  });

  it('Rebuild Source Index re-reads the sources', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('groundwork.rebuildIndex'), { documents: 1, warnings: [] });
  });

  it('Show Sources for Sentence at Cursor opens the chosen passage', async () => {
    const editor = await openDraft(DRAFT);
    const at = findRange(editor.document, '250').start;
    editor.selection = new vscode.Selection(at, at);
    let opened: vscode.TextEditor | undefined;
    const shown = vscode.commands
      .executeCommand<vscode.TextEditor | undefined>('groundwork.showSources')
      .then((result) => (opened = result));
    // The quick pick opens once the server answers; accept its first (best) passage.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return opened;
    }, 'the sources quick pick to open the passage');
    await shown;
    assert.ok(opened!.document.uri.path.endsWith(SEED));
    assert.equal(opened!.document.getText(opened!.selection), CASUALTY_SENTENCE);
  });

  it('Export Fact-Check Report writes the JSON findings report, SARIF and Markdown', async () => {
    await openDraft(DRAFT);
    const json = JSON.parse(
      (await vscode.commands.executeCommand<vscode.TextDocument>('groundwork.exportReport', 'json')).getText(),
    );
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.files.map((file: { path: string }) => file.path),
      [DRAFT],
    );
    const flagged = json.files[0].findings.filter((finding: { verdict: string }) => finding.verdict !== 'supported');
    assert.equal(flagged.length, PLANTED.length);

    await openDraft(DRAFT);
    const sarif = JSON.parse(
      (await vscode.commands.executeCommand<vscode.TextDocument>('groundwork.exportReport', 'sarif')).getText(),
    );
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(
      sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId).sort(),
      PLANTED.map((planted) => planted.code).sort(),
    );

    await openDraft(DRAFT);
    const markdown = (
      await vscode.commands.executeCommand<vscode.TextDocument>('groundwork.exportReport', 'markdown')
    ).getText();
    assert.match(markdown, /^# Fact-check report\n/);
    assert.ok(markdown.includes(`## ${DRAFT}\n\n5 contradicted · 0 unsupported · 3 supported`), markdown);
    assert.ok(markdown.includes('- **line 9** (claim): Some 250 members'), markdown);
  });

  it('Toggle Live Checking stops re-checks on edit, and turning it back on re-checks', async () => {
    const editor = await openDraft(DRAFT);
    const original = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('groundwork.toggleLiveChecking'), false);
    await editor.edit((builder) => builder.replace(findRange(editor.document, '250'), '150'));
    // Live checking is off: for well past the debounce, the underline stays.
    const started = Date.now();
    await waitFor(() => {
      assert.ok(
        summarise(groundworkDiagnostics(editor.document.uri)).includes('number 8:5-8:8'),
        'the draft was re-checked while live checking was off',
      );
      return Date.now() - started > 1500;
    }, 'the observation window');
    assert.equal(await vscode.commands.executeCommand('groundwork.toggleLiveChecking'), true);
    await waitForDiagnostics(
      editor.document.uri,
      (summary) => !summary.includes('number 8:5-8:8'),
      'the re-check after turning live checking on',
    );
    await restoreText(editor, original);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors again');
  });
});
