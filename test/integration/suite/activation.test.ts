import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundworkApi } from '../../../src/client/extension.js';
import { EXTENSION_ID, waitFor } from './helpers.js';

describe('activation', () => {
  it('activates in a workspace with a seeds/ folder and indexes the seed article', async () => {
    const extension = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await waitFor(() => extension.isActive, 'the extension to activate (workspaceContains:seeds)');
    const status = await extension.exports.whenIndexed();
    assert.deepEqual(
      { state: status.state, indexed: status.indexed, warnings: status.warnings },
      { state: 'ready', indexed: 1, warnings: [] },
    );
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of [
      'checkDocument',
      'checkWorkspace',
      'rebuildIndex',
      'showSources',
      'exportReport',
      'toggleLiveChecking',
    ]) {
      assert.ok(commands.includes(`groundwork.${command}`), `groundwork.${command} is missing`);
    }
  });
});
