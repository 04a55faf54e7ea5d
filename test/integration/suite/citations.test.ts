import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, findRange, hoverText, openDraft, SEED } from './helpers.js';

const KEY = '000_f04d67d5c7de7c34';

describe('citations', () => {
  it('completes source keys after [@', async () => {
    const editor = await openDraft(DRAFT);
    const afterAt = findRange(editor.document, `[@${KEY}]`).start.translate(0, 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      afterAt,
      '@',
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes(KEY), JSON.stringify(labels));
  });

  it('goes to the cited source', async () => {
    const editor = await openDraft(DRAFT);
    const onKey = findRange(editor.document, KEY).start.translate(0, 4);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      onKey,
    );
    assert.equal(locations.length, 1);
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.ok(target.path.endsWith(SEED), target.path);
  });

  it('hovers a citation with its source', async () => {
    const editor = await openDraft(DRAFT);
    const onKey = findRange(editor.document, KEY).start.translate(0, 4);
    const text = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, onKey),
    );
    assert.ok(text.includes(`**${KEY.replace(/_/g, '\\_')}**`), text);
    assert.ok(text.includes('2021-06-11'), text);
  });
});
