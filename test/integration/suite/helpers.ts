// Shared steps of the integration tests. Waiting is always polling for a state, never a fixed sleep.
import * as vscode from 'vscode';
import manifest from '../../../package.json';

/** VS Code names an extension `publisher.name` after its package.json. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const DRAFT = 'drafts/kabul-airport.md';
export const NOTES = 'drafts/notes.txt';
export const SEED = 'seeds/000_f04d67d5c7de7c34.txt';

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string | (() => string),
  timeoutMs = 30000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function groundworkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Groundwork');
}

/** "code line:character-line:character" per diagnostic, in document order. */
export function summarise(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map(
      ({ code, range: { start, end } }) =>
        `${typeof code === 'object' ? code.value : code} ${start.line}:${start.character}-${end.line}:${end.character}`,
    );
}

/** Polls until the draft's Groundwork diagnostics satisfy `done`; returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  done: (summary: string[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  let last: string[] = [];
  return waitFor(
    () => {
      const diagnostics = groundworkDiagnostics(uri);
      last = summarise(diagnostics);
      return done(last) ? diagnostics : undefined;
    },
    () => `${what} (last seen: ${JSON.stringify(last)})`,
  );
}

export async function openDraft(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Puts a draft back to its text on disk (tests edit it) and saves it. */
export async function restoreText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  await editor.edit((builder) => builder.replace(whole, text));
  await document.save();
}

export function findRange(document: vscode.TextDocument, needle: string): vscode.Range {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}
