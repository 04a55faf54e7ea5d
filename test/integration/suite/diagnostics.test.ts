import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PLANTED, PLANTED_SUMMARY, isPlanted } from './expected.js';
import {
  DRAFT,
  findRange,
  openDraft,
  restoreText,
  SEED,
  summarise,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers.js';

describe('diagnostics', () => {
  it('underlines each planted error with its own code, on the wrong words', async () => {
    const opened = Date.now();
    const editor = await openDraft(DRAFT);
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (summary) => summary.length >= PLANTED.length,
      'the planted errors',
    );
    console.log(`      first diagnostics ${Date.now() - opened} ms after opening the draft`);
    assert.deepEqual(summarise(diagnostics), PLANTED_SUMMARY);
    const number = diagnostics.find((diagnostic) => diagnostic.code === 'number')!;
    assert.equal(number.message, 'Wrong number: “250” — the source says “150”');
    assert.equal(number.severity, vscode.DiagnosticSeverity.Warning);
    const related = number.relatedInformation![0];
    assert.equal(related.location.uri.toString(), workspaceUri(SEED).toString());
    assert.equal(related.location.range.start.line, 28);
  });

  it('re-checks after an edit: fixing the number removes its underline, the others stay', async () => {
    const editor = await openDraft(DRAFT);
    const original = editor.document.getText();
    await editor.edit((builder) => builder.replace(findRange(editor.document, '250'), '150'));
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (summary) => !summary.some((line) => line.startsWith('number')),
      'the number underline to go',
    );
    assert.deepEqual(
      summarise(diagnostics),
      PLANTED_SUMMARY.filter((line) => !line.startsWith('number')),
    );
    await restoreText(editor, original);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the underline to return');
  });

  it('holds back a new underline on the sentence being typed until the writer pauses', async () => {
    const editor = await openDraft(DRAFT);
    const original = editor.document.getText();
    const holdMs = vscode.workspace.getConfiguration('groundwork').get<number>('typingHoldMs')!;
    await editor.edit((builder) => builder.replace(findRange(editor.document, 'Some 250'), 'Some 350'));
    const edited = Date.now();
    await waitFor(
      () =>
        summarise(vscode.languages.getDiagnostics(editor.document.uri)).includes('number 8:5-8:8') &&
        vscode.languages.getDiagnostics(editor.document.uri).some((diagnostic) => diagnostic.message.includes('“350”')),
      'the new number underline',
    );
    const waited = Date.now() - edited;
    assert.ok(
      waited >= holdMs - 50,
      `the new underline appeared ${waited} ms after the edit, before the ${holdMs} ms hold`,
    );
    await restoreText(editor, original);
    await waitForDiagnostics(editor.document.uri, isPlanted, 'the planted errors again');
  });
});
