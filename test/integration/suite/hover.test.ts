import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CASUALTY_SENTENCE, isPlanted } from './expected.js';
import { DRAFT, findRange, hoverText, openDraft, SEED, waitForDiagnostics } from './helpers.js';

const OPEN_SOURCE_LINK = /\[Open source\]\(command:groundwork\.openSource\?([^)]+)\)/;

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
  );
}

describe('hover', () => {
  before(async () => {
    const editor = await openDraft(DRAFT);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors');
  });

  it('shows the verdict, the problem and the source passage with the changed word marked', async () => {
    const { document } = vscode.window.activeTextEditor!;
    const text = await hoverAt(document, findRange(document, 'members').start);
    assert.match(text, /^\*\*Groundwork · ✗ Contradicted\*\* claim \(support 0\.\d\d\)/);
    assert.ok(text.includes('- Wrong number: “250” — the source says “150”'), text);
    assert.ok(text.includes('Some **150** members of the Afghan security forces were killed or wounded'), text);
    assert.ok(text.includes('000\\_f04d67d5c7de7c34.txt, 2021-06-11, line 29'), text);
  });

  it('does not repeat the problem of the underline under the cursor: VS Code shows that diagnostic above it', async () => {
    const { document } = vscode.window.activeTextEditor!;
    const text = await hoverAt(document, findRange(document, '250').start.translate(0, 1));
    assert.ok(!text.includes('Wrong number'), text);
    assert.ok(text.includes('Some **150** members'), text);
  });

  it('links to the source: the link opens it with the passage selected', async () => {
    const { document } = vscode.window.activeTextEditor!;
    const text = await hoverAt(document, findRange(document, '250').start);
    const link = OPEN_SOURCE_LINK.exec(text);
    assert.ok(link, text);
    const [uri, range] = JSON.parse(decodeURIComponent(link[1])) as [
      string,
      { start: vscode.Position; end: vscode.Position },
    ];
    await vscode.commands.executeCommand('groundwork.openSource', uri, range);
    const source = vscode.window.activeTextEditor!;
    assert.ok(source.document.uri.path.endsWith(SEED), source.document.uri.path);
    assert.equal(source.document.getText(source.selection), CASUALTY_SENTENCE);
    assert.equal(source.selection.start.line, 28);
  });

  it('shows supported sentences too, with the passage that supports them', async () => {
    const editor = await openDraft(DRAFT);
    const text = await hoverAt(editor.document, findRange(editor.document, 'Jen Psaki').start);
    assert.match(text, /^\*\*Groundwork · ✓ Supported\*\* claim/);
    assert.ok(text.includes('White House spokeswoman Jen Psaki called the meeting a priority for Biden'), text);
    assert.ok(OPEN_SOURCE_LINK.test(text), text);
  });
});
