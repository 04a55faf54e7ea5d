import * as vscode from 'vscode';
import { isPlanted } from './expected.js';
import { DRAFT, openDraft, SEED, waitForDiagnostics, workspaceUri } from './helpers.js';

describe('source changes', () => {
  it('re-indexes a changed source file and re-checks the open draft', async () => {
    const editor = await openDraft(DRAFT);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors');
    const seed = workspaceUri(SEED);
    const original = await vscode.workspace.fs.readFile(seed);
    const changed = new TextDecoder().decode(original).replace('Some 150 members', 'Some 250 members');
    await vscode.workspace.fs.writeFile(seed, new TextEncoder().encode(changed));
    await waitForDiagnostics(
      editor.document.uri,
      (summary) => !summary.some((line) => line.startsWith('number')),
      'the number to be supported by the changed source',
    );
    await vscode.workspace.fs.writeFile(seed, original);
    await waitForDiagnostics(
      editor.document.uri,
      (summary) => summary.some((line) => line.startsWith('number')),
      'the number underline after restoring the source',
    );
  });
});
