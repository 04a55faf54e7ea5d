import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ReportView } from '../../../src/client/reportView.js';
import { CASUALTY_SENTENCE, isPlanted } from './expected.js';
import {
  DRAFT,
  EXTENSION_ID,
  findRange,
  restoreText,
  SEED,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers.js';

type Rendered = Awaited<ReturnType<ReportView['whenRendered']>>;

/** Asks the harness to act in the browser (test/integration/browserActions.mjs). */
const browser = (request: object) => console.log(`groundwork-browser ${JSON.stringify(request)}`);

/** The draft in the first column, so the report beside it stays visible (a hidden webview is not updated). */
const showDraft = () =>
  vscode.window.showTextDocument(workspaceUri(DRAFT), { viewColumn: vscode.ViewColumn.One, preview: false });

/** "verdict codes: marked words" per row, as the webview shows them. */
const rowSummary = (rendered: Rendered) =>
  rendered.rows.map(
    (row) => `${row.verdict}${row.codes.length ? ` ${row.codes.join(',')}` : ''}: ${row.marked.join('|')}`,
  );

describe('report view', () => {
  let view: ReportView;
  let original: string;

  before(async () => {
    const editor = await showDraft();
    original = editor.document.getText();
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors');
    view = (await vscode.commands.executeCommand<ReportView>('groundwork.openReport'))!;
  });

  after(() => view?.dispose());

  it("shows the draft's counts and a row per checked sentence and quote, the differing words marked on both sides", async () => {
    const rendered = await view.whenRendered((candidate) => candidate.rows.length > 0);
    assert.deepEqual(rendered.counts, { contradicted: 5, unsupported: 0, supported: 3, unchecked: 0 });
    assert.deepEqual(
      rowSummary(rendered),
      [
        'contradicted negation: confirm|not',
        'contradicted misquote: make|take',
        'contradicted number: 250|150',
        'contradicted date: Friday|Monday',
        'contradicted entity: Geneva|Brussels',
        'supported: ',
        'supported: ',
        'supported: ',
      ],
      'problems first, then in draft order',
    );
    assert.equal(
      rendered.rows[2].text,
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.',
    );
  });

  it('clicking a row selects its sentence in the editor', async () => {
    const editor = await showDraft();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    browser({ action: 'click', selector: '.row', hasText: 'Some 250 members' });
    const sentence = findRange(
      editor.document,
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.',
    );
    await waitFor(
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.isEqual(sentence);
      },
      () => `the sentence to be selected (selection: ${JSON.stringify(vscode.window.activeTextEditor?.selection)})`,
    );
  });

  it("a row's open source opens the passage, selected, in the draft's column", async () => {
    browser({ action: 'click', selector: '.row[data-codes="number"] .source-side a.open-source' });
    const source = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return (
        active?.document.uri.path.endsWith(SEED) &&
        active.document.getText(active.selection) === CASUALTY_SENTENCE &&
        active
      );
    }, 'the source passage to be selected');
    assert.equal(source.viewColumn, vscode.ViewColumn.One);
    assert.ok(view.panel.visible, 'the report stays in view');
  });

  it('follows the draft as it is edited, keeping its filters', async () => {
    browser({ action: 'click', selector: 'input[name=verdict][value=supported]' });
    await view.whenRendered((rendered) => rendered.rows.every((row) => row.hidden === (row.verdict === 'supported')));
    const editor = await showDraft();
    await editor.edit((builder) => builder.replace(findRange(editor.document, 'Some 250'), 'Some 150'));
    try {
      const updated = await view.whenRendered((rendered) => rendered.counts.contradicted === 4);
      assert.deepEqual(updated.counts, { contradicted: 4, unsupported: 0, supported: 4, unchecked: 0 });
      assert.deepEqual(
        updated.rows.filter((row) => !row.hidden).map((row) => row.codes.join(',')),
        ['negation', 'misquote', 'date', 'entity'],
        'the supported rows stay filtered out',
      );
    } finally {
      await restoreText(editor, original);
    }
    await view.whenRendered((rendered) => rendered.counts.contradicted === 5);
    browser({ action: 'click', selector: 'input[name=verdict][value=supported]' });
    await view.whenRendered((rendered) => rendered.rows.every((row) => !row.hidden));
  });

  it('Export Fact-Check Report writes the same report as one HTML page', async () => {
    await showDraft();
    const exported = (await vscode.commands.executeCommand<vscode.TextDocument>('groundwork.exportReport', 'html'))!;
    const html = exported.getText();
    assert.equal(exported.languageId, 'html');
    assert.match(html, /<title>Fact-check report: kabul-airport\.md<\/title>/);
    assert.equal(html.match(/<article class="row /g)?.length, 8);
    assert.ok(html.includes('Some <mark>150</mark> members of the Afghan security forces'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('saves a screenshot of the report beside the draft', async () => {
    const editor = await showDraft();
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    view.panel.reveal(vscode.ViewColumn.Beside, true);
    await view.whenRendered(
      (rendered) => rendered.counts.contradicted === 5 && rendered.rows.every((row) => !row.hidden),
    );
    const file = path.join(
      vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath,
      'test-output',
      'report-webview.png',
    );
    fs.rmSync(file, { force: true });
    browser({ action: 'screenshot', name: 'report-webview', show: '.summary h1' });
    await waitFor(() => fs.existsSync(file), `the screenshot ${file}`);
  });
});
