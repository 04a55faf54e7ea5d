// "Groundwork: Set Team Corpus Password" asks for the password of the team corpus the settings name and keeps it in
// the secret storage under that exact connection string (the input box is filled through the browser: on the
// code-server host). The corpus need not be reachable: nothing here connects with the password.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundworkApi } from '../../../src/client/extension.js';
import { EXTENSION_ID, waitFor } from './helpers.js';

const CORPUS = 'postgresql://writer@/groundwork?host=/nonexistent-groundwork-socket';

/** Asks the harness to act in the browser (test/integration/browserActions.mjs). */
const browser = (request: object) => console.log(`groundwork-browser ${JSON.stringify(request)}`);

/** Runs the command once the server uses the corpus (before, it says none is configured); resolves when it is done. */
async function setPassword(password: string): Promise<string | undefined> {
  const { running } = await waitFor(async () => {
    const running = vscode.commands.executeCommand<string | undefined>('groundwork.setCorpusPassword');
    const first = await Promise.race([running, new Promise((resolve) => setTimeout(() => resolve('asking'), 1000))]);
    return first === 'asking' && { running };
  }, 'the command to ask for the password of the configured corpus');
  browser({ action: 'fill', selector: '.quick-input-box input', text: password, press: 'Enter' });
  return running;
}

describe('team corpus password', () => {
  let api: GroundworkApi;

  before(async () => {
    api = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID)!.exports;
    await vscode.workspace
      .getConfiguration('groundwork')
      .update('corpus', CORPUS, vscode.ConfigurationTarget.Workspace);
  });

  after(() =>
    vscode.workspace.getConfiguration('groundwork').update('corpus', undefined, vscode.ConfigurationTarget.Workspace),
  );

  it('is stored for the exact connection string the settings name, and forgotten when left empty', async () => {
    assert.equal(await setPassword('correct horse battery staple'), CORPUS);
    assert.equal(await api.hasCorpusPassword(CORPUS), true);
    assert.equal(await api.hasCorpusPassword(`${CORPUS}&sslmode=disable`), false);
    assert.equal(await setPassword(''), CORPUS);
    assert.equal(await api.hasCorpusPassword(CORPUS), false);
  });
});
